// The engines' WebAssembly kernels (AssemblyScript sources under engines/*/kernel/, built to dist/
// by scripts/build-wasm.js at install): compiled once per thread, and built first when the .wasm is
// missing or older than its source (a checkout that changed the kernel without reinstalling).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';

/** The package root: the first folder upwards with a package.json (engines/ or dist/ in a bundle). */
function packageRoot(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) return join(__dirname, '..');
  }
}

const ROOT = packageRoot(__dirname);
const compiled = new Map<string, WebAssembly.Module>();

/**
 * The compiled kernel `name` (scripts/build-wasm.js's name) from `dist/<file>`, built from `source`
 * (relative to the package root) first when needed. Throws, naming `engine`, when it cannot be built.
 */
export function wasmKernel(engine: string, name: string, file: string, source: string): WebAssembly.Module {
  const have = compiled.get(name);
  if (have) return have;
  const wasm = join(ROOT, 'dist', file);
  const src = join(ROOT, source);
  const stale = !existsSync(wasm) || (existsSync(src) && statSync(src).mtimeMs > statSync(wasm).mtimeMs);
  if (stale) {
    try {
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-wasm.js'), name], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (err) {
      const detail = (err as { stderr?: Buffer }).stderr?.toString().trim();
      throw new Error(`${engine}: the WebAssembly kernel is not built and building it failed (npm run build): ${detail ?? String(err)}`);
    }
  }
  const m = new WebAssembly.Module(readFileSync(wasm));
  compiled.set(name, m);
  return m;
}
