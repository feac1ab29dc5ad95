#!/usr/bin/env node
// `npm test` needs a few Debian programs: Chromium for the IDE browser test (Playwright cannot
// download browsers offline), and sox plus Python's soundfile/numpy for the audio engine's tests
// (test signals are made with sox; the WAV decoder is checked against libsndfile). On a fresh
// Debian machine where we are root, install what is missing with apt once; otherwise say in one
// line what to install, and fail.
const { existsSync } = require('node:fs');
const { spawnSync } = require('node:child_process');

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const checks = [
  { packages: ['chromium', 'fonts-liberation'], ok: () => existsSync(chromium), what: `Chromium at ${chromium} (or set CHROMIUM_PATH)` },
  { packages: ['sox'], ok: () => spawnSync('sox', ['--version']).status === 0, what: 'sox' },
  {
    packages: ['python3-numpy', 'python3-scipy', 'python3-soundfile'],
    ok: () => spawnSync('/usr/bin/python3', ['-c', 'import numpy, scipy, soundfile']).status === 0,
    what: "Debian Python's numpy, scipy and soundfile",
  },
];

const missing = checks.filter((c) => !c.ok());
if (missing.length === 0) process.exit(0);

const packages = missing.flatMap((c) => c.packages);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(`trebuchet tests: missing ${missing.map((c) => c.what).join(', ')}; install them (Debian: sudo apt-get install -y ${packages.join(' ')})`);
  process.exit(1);
}
console.error(`trebuchet tests: installing Debian ${packages.join(', ')} (once)…`);
const run = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', '--no-install-recommends', ...packages]) || missing.some((c) => !c.ok())) {
  console.error(`trebuchet tests: could not install ${packages.join(' ')} with apt-get; install them by hand`);
  process.exit(1);
}
