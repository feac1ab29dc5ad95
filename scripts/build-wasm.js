#!/usr/bin/env node
// Compiles the AssemblyScript kernels to WebAssembly with 128-bit SIMD (run at install, by
// `npm run build`, and by an engine itself when its .wasm is missing or older than its source):
//   heihachi      engines/audio/kernel/dsp.ts         → dist/heihachi.wasm      (Heihachi's frame kernel)
//   combine-scan  engines/integration/kernel/scan.ts  → dist/combine-scan.wasm  (Combine's CSV scan;
//                 it imports a shared memory the caller owns)
// `node scripts/build-wasm.js [name ...]` builds the ones named (default: all). Each is written to a
// temporary name and renamed, so a concurrent reader never sees half a file.
const path = require('node:path');
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const KERNELS = {
  heihachi: { source: 'engines/audio/kernel/dsp.ts', target: 'dist/heihachi.wasm', flags: [] },
  'combine-scan': {
    source: 'engines/integration/kernel/scan.ts',
    target: 'dist/combine-scan.wasm',
    flags: ['--enable', 'threads', '--importMemory', '--sharedMemory', '--initialMemory', '1', '--maximumMemory', '65536', '--use', 'abort='],
  },
};

function build(name) {
  const k = KERNELS[name];
  if (!k) throw new Error(`build-wasm: no kernel "${name}" (${Object.keys(KERNELS).join(', ')})`);
  const asc = require.resolve('assemblyscript/bin/asc.js', { paths: [root] });
  const target = path.join(root, k.target);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  const r = spawnSync(process.execPath, [asc, path.join(root, k.source), '-O3', '--runtime', 'stub', '--enable', 'simd', '--noAssert', ...k.flags, '-o', tmp], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    fs.rmSync(tmp, { force: true });
    throw new Error(`build-wasm: asc failed for ${name}:\n${r.stderr || r.stdout}`);
  }
  fs.renameSync(tmp, target);
}

if (require.main === module) {
  try {
    const names = process.argv.slice(2);
    for (const name of names.length ? names : Object.keys(KERNELS)) build(name);
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
  }
}
module.exports = { build, KERNELS };
