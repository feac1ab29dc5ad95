#!/usr/bin/env node
// `npm run bench`: runs every benchmark suite in turn (TypeScript entry points through tsx, plain
// JavaScript ones directly) and stops at the first that fails. Suites read their settings from the
// environment; `npm run bench -- nlp` runs only the named suites, and options after the names go to
// each of them (`npm run bench -- audio --seconds 60`, `npm run bench -- combine --skip-fuzzy`).
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

/** Suite name → entry point, relative to this folder. */
const SUITES = {
  api: 'api/run.ts',
  nlp: 'nlp/run.js',
  audio: 'audio/run.js',
  combine: 'combine/run.js',
};

const argv = process.argv.slice(2);
const firstOption = argv.findIndex((a) => a.startsWith('-'));
const wanted = firstOption < 0 ? argv : argv.slice(0, firstOption);
const passed = firstOption < 0 ? [] : argv.slice(firstOption);
for (const name of wanted) {
  if (!(name in SUITES)) {
    console.error(`bench: unknown suite "${name}" (expected ${Object.keys(SUITES).join(', ')})`);
    process.exit(2);
  }
}
for (const [name, entry] of Object.entries(SUITES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.error(`\n== bench: ${name} ==`);
  const args = [...(entry.endsWith('.ts') ? ['--import', 'tsx', path.join(__dirname, entry)] : [path.join(__dirname, entry)]), ...passed];
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`bench: suite "${name}" failed (${r.signal ? `signal ${r.signal}` : `exit code ${r.status}`})`);
    process.exit(r.status || 1);
  }
}
