// The `trebuchet` command end to end: the real bin run as a child process, against a real server
// (client commands), a fresh database (migrate) and its own data directory (serve, restarts).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { TrebuchetClient } from '../client';
import { CreateModelMutation } from '../client/operations';
import { backend, createTestDatabase } from './helpers/db';
import { linearModel } from './helpers/onnx';
import { startTestServer, type TestServer } from './helpers/server';

// Every CLI run is a fresh Node process compiling TypeScript through tsx; serve also opens PGlite.
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'trebuchet.js');
const pkg = require('../package.json') as { version: string };

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Children still running; afterAll kills them so a failed test never leaves a server behind. */
const children = new Set<ChildProcess>();
const tempDirs: string[] = [];

/**
 * The environment of a child, as a user's shell would give it: silent logs, no Trebuchet settings
 * from the test run, no Jest NODE_OPTIONS, and DATABASE_URL only when given.
 */
function childEnv(extra: { DATABASE_URL?: string } = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TREBUCHET_LOG_LEVEL: 'silent' };
  delete env.NODE_OPTIONS;
  delete env.DATABASE_URL;
  delete env.TREBUCHET_URL;
  delete env.TREBUCHET_DATA_DIR;
  delete env.TREBUCHET_PORT;
  delete env.PORT;
  return { ...env, ...extra };
}

function spawnCli(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** Runs the CLI to completion, failing after `timeoutMs`. */
function run(args: string[], env: NodeJS.ProcessEnv = childEnv(), timeoutMs = 60_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`trebuchet ${args.join(' ')} did not finish in ${timeoutMs} ms; stdout: ${stdout}; stderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Lines of `text` without the trailing empty one. */
function lines(text: string): string[] {
  return text.split('\n').filter((l, i, all) => !(i === all.length - 1 && l === ''));
}

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `trebuchet-cli-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

async function migrationNames(): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, 'prisma', 'migrations'), { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Served {
  child: ChildProcess;
  url: string;
  base: string;
  stderr: () => string;
}

/** Starts `trebuchet serve` on a free port and waits for the URL line on stdout. */
function serve(dataDir: string, timeoutMs = 60_000): Promise<Served> {
  const child = spawnCli(['serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], childEnv());
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL in ${timeoutMs} ms; stdout: ${stdout}; stderr: ${stderr}`)), timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before printing its URL; stdout: ${stdout}; stderr: ${stderr}`));
    };
    child.once('exit', onExit);
    child.stdout?.on('data', (c: Buffer) => {
      stdout += c.toString();
      // The whole line, so a URL split across two chunks is never taken half read.
      const url = /GraphQL and IDE: (\S+)\n/.exec(stdout)?.[1];
      if (url) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve({ child, url, base: url.replace(/\/graphql$/, ''), stderr: () => stderr });
      }
    });
  });
}

/** Sends SIGTERM and resolves with the exit code, failing if the process outlives `timeoutMs`. */
function stop(child: ChildProcess, timeoutMs = 10_000): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => reject(new Error(`process ${child.pid} still running ${timeoutMs} ms after SIGTERM`)), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill('SIGTERM');
  });
}

let ts: TestServer;
let url: string;

beforeAll(async () => {
  ts = await startTestServer();
  url = ts.server.url;
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await ts?.close();
  await Promise.all(tempDirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('help and version', () => {
  test('--version prints the package version and exits 0', async () => {
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  test.each<[string[], string[]]>([
    [['--help'], ['serve', 'migrate', 'models', '--version']],
    [['serve', '--help'], ['--port', '--host', '--data-dir']],
    [['migrate', '--help'], ['--data-dir']],
    [['models', '--help'], ['list', 'show', 'register']],
    [['models', 'register', '--help'], ['<name>', '<file>', '--url', '--create', '--task', '--alias', '--framework', '--metrics', '--json']],
  ])('%j exits 0 and lists %j', async (args, expected) => {
    const r = await run(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: trebuchet/);
    for (const word of expected) expect(r.stdout).toContain(word);
  });
});

describe('models against a running server', () => {
  const name = `cli-linear-${backend}`;
  let dir: string;
  let v1Bytes: Uint8Array;
  let v2Bytes: Uint8Array;

  beforeAll(async () => {
    dir = await tempDir('models');
    v1Bytes = linearModel();
    // Different weights, so the second version is a different artifact.
    v2Bytes = linearModel({ bias: [1, 2] });
    await writeFile(path.join(dir, 'v1.onnx'), v1Bytes);
    await writeFile(path.join(dir, 'v2.onnx'), v2Bytes);
    await writeFile(path.join(dir, 'garbage.onnx'), Buffer.from('this is not an ONNX model at all'));
  });

  test('register --create uploads v1 with its ONNX signature and sets the alias', async () => {
    const r = await run(['models', 'register', name, path.join(dir, 'v1.onnx'), '--url', url, '--create', '--task', 'regression', '--alias', 'production', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v).toMatchObject({ version: 1, framework: 'ONNX', size: v1Bytes.length, model: { name } });
    expect(v.sha256).toBe(createHash('sha256').update(v1Bytes).digest('hex'));
    expect(v.signature.inputs).toEqual([{ name: 'input', type: 'float32', shape: ['N', '4'] }]);
    expect(v.signature.outputs).toEqual([{ name: 'output', type: 'float32', shape: ['N', '2'] }]);
  });

  test('a second register is v2', async () => {
    const r = await run(['models', 'register', name, path.join(dir, 'v2.onnx'), '--url', url, '--alias', 'production', '--json']);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v.version).toBe(2);
    expect(v.sha256).toBe(createHash('sha256').update(v2Bytes).digest('hex'));
  });

  test('models list --json shows the model with two versions', async () => {
    const r = await run(['models', 'list', '--url', url, '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { name: string; versionCount: number; task: string | null; aliases: { name: string; version: { version: number } }[] }[];
    const row = rows.find((m) => m.name === name);
    expect(row).toMatchObject({ name, versionCount: 2, task: 'regression', aliases: [{ name: 'production', version: { version: 2 } }] });
  });

  test('models show prints the alias and both versions for people', async () => {
    const r = await run(['models', 'show', name, '--url', url]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${name} (regression)`);
    expect(r.stdout).toContain('aliases: production→2');
    expect(r.stdout).toMatch(/^ {2}v2 {2}ONNX/m);
    expect(r.stdout).toMatch(/^ {2}v1 {2}ONNX/m);
    expect(r.stdout).toContain('in input:float32[N,4] out output:float32[N,2]');
  });

  test('models show --json has both versions', async () => {
    const r = await run(['models', 'show', name, '--url', url, '--json']);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout) as { name: string; versionCount: number; versions: { edges: { node: { version: number; sha256: string } }[] } };
    expect(m.name).toBe(name);
    expect(m.versionCount).toBe(2);
    const versions = m.versions.edges.map((e) => e.node.version).sort();
    expect(versions).toEqual([1, 2]);
  });

  test('models show of a missing model exits 1 with one line', async () => {
    const r = await run(['models', 'show', 'missing-model', '--url', url]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual(['trebuchet: model "missing-model" not found']);
  });

  test('garbage bytes as .onnx exit 1 with one BAD_USER_INPUT line, and register no version', async () => {
    const r = await run(['models', 'register', name, path.join(dir, 'garbage.onnx'), '--url', url]);
    expect(r.code).toBe(1);
    const err = lines(r.stderr);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^trebuchet: .*\(BAD_USER_INPUT\)$/);
    const show = JSON.parse((await run(['models', 'show', name, '--url', url, '--json'])).stdout) as { versionCount: number };
    expect(show.versionCount).toBe(2);
  });

  test('a file that does not exist exits 1 with one line naming it', async () => {
    const missing = path.join(dir, 'nope.onnx');
    const r = await run(['models', 'register', name, missing, '--url', url]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([`trebuchet: cannot read ${missing}: ENOENT`]);
  });

  test('an unknown command or option exits non-zero', async () => {
    const command = await run(['launch']);
    expect(command.code).not.toBe(0);
    expect(command.stderr).toContain("unknown command 'launch'");
    const option = await run(['models', 'list', '--url', url, '--bogus']);
    expect(option.code).not.toBe(0);
    expect(option.stderr).toContain("unknown option '--bogus'");
    expect(option.stdout).toBe('');
  });

  test('--url at a closed port exits 1 saying it cannot reach the server', async () => {
    const closed = `http://127.0.0.1:${await closedPort()}/graphql`;
    const r = await run(['models', 'list', '--url', closed]);
    expect(r.code).toBe(1);
    const err = lines(r.stderr);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^trebuchet: cannot reach /);
    expect(err[0]).toContain(closed);
    expect(err[0]).toContain('ECONNREFUSED');
    expect(err[0]).toContain('server');
  });
});

describe('migrate', () => {
  test('applies every migration to a fresh embedded database once', async () => {
    const dataDir = await tempDir('migrate');
    const names = await migrationNames();
    expect(names).toContain('20261127120000_init');
    const first = await run(['migrate', '--data-dir', dataDir]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(lines(first.stdout)).toEqual([...names.map((n) => `applied ${n}`), `${names.length} applied, 0 already applied (pglite)`]);
    const second = await run(['migrate', '--data-dir', dataDir]);
    expect(second.code).toBe(0);
    expect(lines(second.stdout)).toEqual([`0 applied, ${names.length} already applied (pglite)`]);
    expect(existsSync(path.join(dataDir, 'pgdata.lock'))).toBe(false);
  });

  if (backend === 'postgres') {
    test('applies every migration to a fresh Postgres database once', async () => {
      const db = await createTestDatabase();
      try {
        const names = await migrationNames();
        const env = childEnv({ DATABASE_URL: db.databaseUrl });
        const first = await run(['migrate', '--data-dir', db.dataDir], env);
        expect(first.stderr).toBe('');
        expect(first.code).toBe(0);
        expect(lines(first.stdout)).toEqual([...names.map((n) => `applied ${n}`), `${names.length} applied, 0 already applied (postgres)`]);
        const second = await run(['migrate'], env);
        expect(second.code).toBe(0);
        expect(lines(second.stdout)).toEqual([`0 applied, ${names.length} already applied (postgres)`]);
        // The embedded database was never opened: nothing written to the data directory.
        expect(await readdir(db.dataDir)).toEqual([]);
      } finally {
        await db.drop();
      }
    });
  }
});

describe('serve', () => {
  test('a port already in use exits 1 with one line naming the port and releases the data directory', async () => {
    const dataDir = await tempDir('busy');
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = blocker.address() as net.AddressInfo;
      const r = await run(['serve', '--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(lines(r.stderr)).toEqual([`trebuchet: port ${port} on 127.0.0.1 is already in use; stop the other server or choose another with --port`]);
      expect(existsSync(path.join(dataDir, 'pgdata.lock'))).toBe(false);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  test('serves, refuses a second server on the same data dir, stops on SIGTERM and keeps data across a restart', async () => {
    const dataDir = await tempDir('serve');
    const lockPath = path.join(dataDir, 'pgdata.lock');
    const modelName = 'survives-restart';

    const first = await serve(dataDir);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect(first.url).not.toMatch(/:0\//);
    const health = await fetch(`${first.base}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${first.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'pglite' });
    expect(existsSync(lockPath)).toBe(true);

    const created = await new TrebuchetClient(first.url).request(CreateModelMutation, { input: { name: modelName, task: 'classification' } });
    expect(created.createModel.name).toBe(modelName);

    const second = await run(['serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir]);
    expect(second.code).not.toBe(0);
    expect(second.code).not.toBeNull();
    const err = lines(second.stderr);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^trebuchet: .*in use/);
    // The refused server must not have taken or removed the first one's lock.
    expect(existsSync(lockPath)).toBe(true);
    expect((await fetch(`${first.base}/healthz`)).status).toBe(200);

    expect(await stop(first.child)).toBe(0);
    expect(first.stderr()).toBe('');
    expect(existsSync(lockPath)).toBe(false);

    const again = await serve(dataDir);
    try {
      expect((await fetch(`${again.base}/readyz`)).status).toBe(200);
      const list = await run(['models', 'list', '--url', again.url, '--json']);
      expect(list.code).toBe(0);
      const rows = JSON.parse(list.stdout) as { name: string; task: string | null; versionCount: number }[];
      expect(rows).toEqual([expect.objectContaining({ name: modelName, task: 'classification', versionCount: 0 })]);
    } finally {
      expect(await stop(again.child)).toBe(0);
    }
    expect(existsSync(lockPath)).toBe(false);
  });
});
