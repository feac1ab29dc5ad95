// Runs the real `trebuchet` bin (bin/trebuchet.js) as a child process and collects what it prints.
import { spawn } from 'node:child_process';
import path from 'node:path';

/** The repository root: the children's working directory. */
export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'trebuchet.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** This process's environment plus `extra`, without Jest's NODE_OPTIONS. */
export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

/**
 * Runs `node bin/trebuchet.js …args` from the repository root with environment `env` (default
 * cliEnv()) and resolves when it closes. `input` (a string or raw bytes) is written to its stdin,
 * which is then closed; without `input` stdin is not connected.
 */
export function runCli(args: string[], opts: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  const { input, env = cliEnv() } = opts;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (d: Buffer) => out.push(d));
    child.stderr!.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    if (input !== undefined) {
      child.stdin!.on('error', () => undefined);
      child.stdin!.end(input);
    }
  });
}
