#!/usr/bin/env node
// `npm test` runs a browser test of the IDE page in Debian's Chromium (Playwright cannot
// download browsers offline). On a fresh Debian machine where we are root, install it with apt
// once; otherwise say in one line what to install, and fail.
const { existsSync } = require('node:fs');
const { spawnSync } = require('node:child_process');

const target = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(target)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(`trebuchet tests: Chromium not found at ${target}; install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH`);
  process.exit(1);
}
console.error('trebuchet tests: installing Debian chromium for the IDE browser test (once)…');
const run = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation']) || !existsSync(target)) {
  console.error('trebuchet tests: could not install chromium with apt-get; install it by hand or set CHROMIUM_PATH');
  process.exit(1);
}
