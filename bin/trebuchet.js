#!/usr/bin/env node
// Entry point of the `trebuchet` command. `trebuchet nlp …` runs the esbuild bundle in dist/ when it
// is up to date (fast start: no TypeScript compilation, no server code); everything else — and nlp
// when the bundle is missing or older than its sources — runs the TypeScript CLI through tsx.
const fs = require('node:fs');
const path = require('node:path');

function freshBundle() {
  const root = path.join(__dirname, '..');
  const bundle = path.join(root, 'dist', 'nlp-cli.js');
  let built;
  try {
    built = fs.statSync(bundle).mtimeMs;
  } catch {
    return undefined;
  }
  for (const dir of ['engines/nlp', 'cli']) {
    for (const name of fs.readdirSync(path.join(root, dir))) {
      if (/\.(ts|cjs)$/.test(name) && fs.statSync(path.join(root, dir, name)).mtimeMs > built) return undefined;
    }
  }
  return bundle;
}

// TREBUCHET_NLP_BUNDLE=0 forces the TypeScript sources (tests compare both paths).
const bundle = process.argv[2] === 'nlp' && process.env.TREBUCHET_NLP_BUNDLE !== '0' ? freshBundle() : undefined;
if (bundle) {
  require(bundle);
} else {
  require('tsx/cjs');
  require('../cli/main.ts');
}
