#!/usr/bin/env node
// Entry point of the `trebuchet` command. `trebuchet nlp …`, `audio …`, `integrate …` and
// `transform …` run their esbuild bundles in dist/ when they are up to date (fast start: no TypeScript compilation, no
// server code); everything else — and those when a bundle is missing or older than its sources —
// runs the TypeScript CLI through tsx.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
/** command → its bundle and the source folders it is built from */
const BUNDLES = {
  nlp: { file: 'nlp-cli.js', sources: ['engines/nlp', 'cli', 'engines'] },
  audio: { file: 'audio-cli.js', sources: ['engines/audio', 'cli', 'engines'] },
  integrate: { file: 'data-cli.js', sources: ['engines/integration', 'engines/pipeline', 'cli', 'engines'] },
  transform: { file: 'data-cli.js', sources: ['engines/integration', 'engines/pipeline', 'cli', 'engines'] },
};

function freshBundle(spec) {
  const bundle = path.join(ROOT, 'dist', spec.file);
  let built;
  try {
    built = fs.statSync(bundle).mtimeMs;
  } catch {
    return undefined;
  }
  for (const dir of spec.sources) {
    for (const name of fs.readdirSync(path.join(ROOT, dir))) {
      if (/\.(ts|cjs)$/.test(name) && fs.statSync(path.join(ROOT, dir, name)).mtimeMs > built) return undefined;
    }
  }
  return bundle;
}

// TREBUCHET_NLP_BUNDLE=0 / TREBUCHET_BUNDLE=0 force the TypeScript sources (tests compare both paths).
const spec = BUNDLES[process.argv[2]];
const disabled = process.env.TREBUCHET_BUNDLE === '0' || (process.argv[2] === 'nlp' && process.env.TREBUCHET_NLP_BUNDLE === '0');
const bundle = spec && !disabled ? freshBundle(spec) : undefined;
if (bundle) {
  require(bundle);
} else {
  require('tsx/cjs');
  require('../cli/main.ts');
}
