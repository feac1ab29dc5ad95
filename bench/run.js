#!/usr/bin/env node
// `npm run bench`: runs every benchmark suite in turn (each is its own TypeScript entry point run
// through tsx) and stops at the first that fails. Suites read their settings from the environment.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

/** Suite name → entry point, relative to this folder. */
const SUITES = {
  api: 'api/run.ts',
};

for (const [name, entry] of Object.entries(SUITES)) {
  console.error(`\n== bench: ${name} ==`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, entry)], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`bench: suite "${name}" failed (${r.signal ? `signal ${r.signal}` : `exit code ${r.status}`})`);
    process.exit(r.status || 1);
  }
}
