#!/usr/bin/env node
// Compiles Heihachi's AssemblyScript frame kernel (engines/audio/kernel/dsp.ts) to
// dist/heihachi.wasm with 128-bit SIMD (run at install, by `npm run build`, and by the engine itself
// when the .wasm is missing or older than its source). Written to a temporary name and renamed, so
// a concurrent reader never sees half a file.
const path = require('node:path');
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const source = path.join(root, 'engines', 'audio', 'kernel', 'dsp.ts');
const target = path.join(root, 'dist', 'heihachi.wasm');

function build() {
  const asc = require.resolve('assemblyscript/bin/asc.js', { paths: [root] });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  const r = spawnSync(process.execPath, [asc, source, '-O3', '--runtime', 'stub', '--enable', 'simd', '--noAssert', '-o', tmp], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    fs.rmSync(tmp, { force: true });
    throw new Error(`build-audio: asc failed:\n${r.stderr || r.stdout}`);
  }
  fs.renameSync(tmp, target);
}

if (require.main === module) {
  try {
    build();
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
  }
}
module.exports = { build, source, target };
