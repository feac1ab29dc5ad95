// `npm run bench:api`: the paged model list (50 models, their latest 5 versions and their
// aliases) under load, against bare Apollo over in-memory objects (the ceiling), Trebuchet on
// PGlite and Trebuchet on a fresh Postgres database — all in one run, each server in a child
// process so that autocannon, here, never shares its event loop. Prints a markdown table and
// writes JSON to bench/results/.
//
// Environment (all optional):
//   BENCH_DURATION      seconds of load per target (20)      BENCH_WARMUP   seconds of warm-up (2)
//   BENCH_CONNECTIONS   concurrent connections (32)           BENCH_ROUNDS   interleaved rounds, medians reported (1)
//   BENCH_TARGETS       bare,pglite,postgres (all)            BENCH_TIMEOUT  seconds before a request fails the run (10)
//   BENCH_POSTGRES_URL  where to CREATE/DROP the database (DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test)
//   BENCH_CPU_PROF=1    profile each server over its load, write bench/results/*.cpuprofile, print time by layer
//   BENCH_QUIET_TIMEOUT seconds to wait for other work on the machine to stop before each load (300)
// Trebuchet's own variables (TREBUCHET_DB_POOL_SIZE, TREBUCHET_LOG_LEVEL…) pass through to its server.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { print } from 'graphql';
import pg from 'pg';
import { ModelsWithVersionsQuery } from '../../client/operations';
import { machineBusy, startCpuAccounting, type CpuShare } from './cpu';
import { summariseProfile, type CpuProfile } from './profile';
import type { RunnerMessage, TargetKind, TargetMessage } from './target';

/** The issue's page: 50 models with their latest 5 versions. */
const FIRST = 50;
const VERSIONS = 5;
/** The issue's target for Trebuchet on Postgres. */
const TARGET_RATIO = 0.6;
const TARGET_P95_MS = 100;

const RESULTS_DIR = path.resolve(__dirname, '../results');
/** Names this run's files in RESULTS_DIR. */
const runStamp = new Date().toISOString().replace(/[:.]/g, '-');

type TargetName = 'bare' | 'pglite' | 'postgres';
const TARGET_LABELS: Record<TargetName, string> = {
  bare: 'bare Apollo Server, in-memory objects (ceiling)',
  pglite: 'Trebuchet on PGlite (embedded)',
  postgres: 'Trebuchet on Postgres',
};

interface Settings {
  durationS: number;
  warmupS: number;
  connections: number;
  targets: TargetName[];
  postgresUrl: string;
  cpuProfile: boolean;
  /** Wait up to this long for the machine to be quiet before each target. */
  quietTimeoutS: number;
  /** Times every target is measured, interleaved (bare, pglite, postgres, bare, …); medians are reported. */
  rounds: number;
  /** A request without a response after this many seconds counts as failed (autocannon's default, 10). */
  timeoutS: number;
}

/** One target's measurement in one round; latencies in ms. */
interface Measurement {
  target: TargetName;
  round: number;
  label: string;
  database: string;
  seed: { ms: number; counts: Record<string, number> } | null;
  requests: number;
  durationS: number;
  reqPerSec: number;
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
  /** Statements of one request, counted exactly on the verification request; null for bare Apollo. */
  statementsPerRequest: number | null;
  /** Statement delta over the load divided by the requests the server received in it. */
  statementsPerRequestUnderLoad: number | null;
  /** Where the CPU went during the load, in cores; `other` is foreign work competing with the run. */
  cpu: CpuShare | null;
  /** Machine busy fraction just before the load (after waiting for quiet). */
  busyBefore: number | null;
  /** With BENCH_CPU_PROF=1: the server's CPU profile over the load, and its time by layer. */
  profile: ({ file: string } & ReturnType<typeof summariseProfile>) | null;
  responseBytes: number;
  /** The body equals bare Apollo's, byte for byte. */
  sameBodyAsBare: boolean | null;
  /** req/s over bare Apollo's req/s in the same round. */
  ratioToBare: number | null;
  /**
   * Requests that failed under load (connection errors, timeouts after BENCH_TIMEOUT, non-2xx,
   * bodies differing from the verified one); null when none did. Any failure fails the run.
   */
  failures: { errors: number; timeouts: number; non2xx: number; mismatches: number } | null;
}

/** A target over all rounds: the median of each figure (with one round, that round's figures). */
interface Summary {
  target: TargetName;
  label: string;
  reqPerSec: number;
  /** req/s of each round, in order. */
  reqPerSecRounds: number[];
  latencyMs: { p50: number; p95: number; p99: number };
  statementsPerRequest: number | null;
  statementsPerRequestUnderLoad: number | null;
  ratioToBare: number | null;
  cpu: CpuShare | null;
  /** Rounds with failed requests. */
  failedRounds: number[];
}

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`bench api: ${name} must be a positive number, found "${raw}"`);
  return n;
}

function readSettings(): Settings {
  const targets = (process.env.BENCH_TARGETS || 'bare,pglite,postgres').split(',').map((t) => t.trim());
  for (const t of targets) {
    if (!(t in TARGET_LABELS)) throw new Error(`bench api: unknown target "${t}" in BENCH_TARGETS (use bare, pglite, postgres)`);
  }
  return {
    durationS: intEnv('BENCH_DURATION', 20),
    warmupS: intEnv('BENCH_WARMUP', 2),
    connections: intEnv('BENCH_CONNECTIONS', 32),
    targets: targets as TargetName[],
    postgresUrl: process.env.BENCH_POSTGRES_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
    cpuProfile: process.env.BENCH_CPU_PROF === '1',
    quietTimeoutS: intEnv('BENCH_QUIET_TIMEOUT', 300),
    rounds: intEnv('BENCH_ROUNDS', 1),
    timeoutS: intEnv('BENCH_TIMEOUT', 10),
  };
}

// ── child processes ─────────────────────────────────────────────────────────

/** A target server running in a child process. */
class TargetProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly ready: Extract<TargetMessage, { type: 'ready' }>,
  ) {}

  /** Forks bench/api/target.ts and waits until it listens (seeded, for Trebuchet). */
  static async start(kind: TargetKind, env: NodeJS.ProcessEnv): Promise<TargetProcess> {
    const child = fork(path.join(__dirname, 'target.ts'), [kind], {
      execArgv: ['--import', 'tsx'],
      env,
      // stdout (request log lines in production) goes nowhere; errors stay visible.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const ready = await nextMessage(child, 'ready', 180_000);
    return new TargetProcess(child, ready);
  }

  get pid(): number {
    return this.child.pid as number;
  }

  /** The server's counters: SQL statements sent through Prisma, GraphQL requests received. */
  async stats(): Promise<Extract<TargetMessage, { type: 'stats' }>> {
    const reply = nextMessage(this.child, 'stats', 10_000);
    this.child.send({ type: 'stats' } satisfies RunnerMessage);
    return reply;
  }

  /** Starts a CPU profile of the server. */
  async startProfile(): Promise<void> {
    const reply = nextMessage(this.child, 'profiling', 10_000);
    this.child.send({ type: 'profile-start' } satisfies RunnerMessage);
    await reply;
  }

  /** Stops the profile and has the server write it to `file`. */
  async stopProfile(file: string): Promise<void> {
    const reply = nextMessage(this.child, 'profiled', 60_000);
    this.child.send({ type: 'profile-stop', file } satisfies RunnerMessage);
    await reply;
  }

  /**
   * Counters once every request the server has received has finished. A request whose client
   * went away (autocannon closes its sockets when time is up) still runs to the end, so after the
   * last response the statement count must also hold still for a moment.
   */
  async settledStats(timeoutMs = 60_000): Promise<Extract<TargetMessage, { type: 'stats' }>> {
    const deadline = Date.now() + timeoutMs;
    let previous: Extract<TargetMessage, { type: 'stats' }> | null = null;
    for (;;) {
      const s = await this.stats();
      if (s.inFlight === 0 && previous?.inFlight === 0 && previous.statements === s.statements) return s;
      if (Date.now() > deadline) throw new Error(`bench api: the server was still busy ${timeoutMs} ms after the load stopped`);
      previous = s;
      await sleep(250);
    }
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || !this.child.connected) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'close' } satisfies RunnerMessage);
    await Promise.race([exited, sleep(15_000).then(() => void this.child.kill('SIGKILL'))]);
  }
}

function nextMessage<T extends TargetMessage['type']>(child: ChildProcess, type: T, timeoutMs: number): Promise<Extract<TargetMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`bench api: no "${type}" message from the server within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: TargetMessage) => {
      if (m.type === type) done(null, m as Extract<TargetMessage, { type: T }>);
    };
    const onExit = (code: number | null) => done(new Error(`bench api: the server exited (code ${code}) while waiting for "${type}"`));
    function done(err: Error | null, value?: Extract<TargetMessage, { type: T }>) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(value as Extract<TargetMessage, { type: T }>);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ── databases ───────────────────────────────────────────────────────────────

/** A fresh database for one Trebuchet target and the environment that points the server at it. */
interface FreshDatabase {
  env: NodeJS.ProcessEnv;
  drop(): Promise<void>;
}

async function adminQuery(url: string, sql: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<Record<string, string>>(sql);
    const first = r.rows[0];
    return first ? Object.values(first)[0] : undefined;
  } finally {
    await client.end();
  }
}

async function freshDatabase(target: 'pglite' | 'postgres', postgresUrl: string): Promise<FreshDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'trebuchet-bench-'));
  const removeDir = () => rm(dataDir, { recursive: true, force: true });
  if (target === 'pglite') {
    return { env: { DATABASE_URL: '', TREBUCHET_DATA_DIR: dataDir }, drop: removeDir };
  }
  const name = `trebuchet_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(postgresUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), TREBUCHET_DATA_DIR: dataDir },
    async drop() {
      await adminQuery(postgresUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await removeDir();
    },
  };
}

// ── load ────────────────────────────────────────────────────────────────────

const REQUEST_BODY = JSON.stringify({ query: print(ModelsWithVersionsQuery), variables: { first: FIRST, versions: VERSIONS } });
const HEADERS = { 'content-type': 'application/json' };

interface PageBody {
  data?: {
    models?: {
      edges?: { node: { name: string; aliases: { name: string; version: { version: number } }[]; versions: { edges: { node: { version: number } }[] } } }[];
    };
  };
  errors?: unknown[];
}

/**
 * Sends the benchmark request once and checks the answer is the real page (50 models, 5 versions
 * each newest first, aliases pointing into them), so a broken server cannot post a number.
 */
async function fetchVerifiedPage(url: string, target: TargetName): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers: HEADERS, body: REQUEST_BODY });
  const text = await res.text();
  const fail = (what: string) => new Error(`bench api: ${target} answered the benchmark query wrongly: ${what}; body starts ${text.slice(0, 300)}`);
  if (res.status !== 200) throw fail(`HTTP ${res.status}`);
  const body = JSON.parse(text) as PageBody;
  if (body.errors?.length) throw fail('errors in the response');
  const edges = body.data?.models?.edges;
  if (!edges || edges.length !== FIRST) throw fail(`expected ${FIRST} model edges, found ${edges?.length ?? 'none'}`);
  for (const { node } of edges) {
    const versions = node.versions.edges.map((e) => e.node.version);
    if (versions.length !== VERSIONS) throw fail(`model "${node.name}" has ${versions.length} versions, expected ${VERSIONS}`);
    if (versions.some((v, i) => i > 0 && v >= (versions[i - 1] as number))) throw fail(`model "${node.name}" versions are not newest first: ${versions.join(', ')}`);
    if (node.aliases.length < 1 || node.aliases.length > 2) throw fail(`model "${node.name}" has ${node.aliases.length} aliases, expected 1 or 2`);
    for (const a of node.aliases) if (!versions.includes(a.version.version)) throw fail(`alias "${a.name}" of "${node.name}" points at version ${a.version.version}`);
  }
  return text;
}

interface LoadResult {
  result: autocannon.Result;
  latencies: Float64Array;
}

/** Runs autocannon; every response must be 2xx and byte-identical to the verified body. */
function load(url: string, settings: Settings, durationS: number, expectBody: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // autocannon's histogram has p97.5 but no p95, so keep every latency (≈ 15k numbers).
    const latencies: number[] = [];
    const options = { url, method: 'POST', headers: HEADERS, body: REQUEST_BODY, connections: settings.connections, duration: durationS, timeout: settings.timeoutS, expectBody } as const;
    const instance = autocannon(options, (err, result) => {
      if (err) reject(err);
      else resolve({ result, latencies: Float64Array.from(latencies).sort() });
    });
    instance.on('response', (_client, _status, _bytes, ms) => {
      latencies.push(ms);
    });
  });
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

async function measure(target: TargetName, roundNo: number, settings: Settings, bareBody: string | null): Promise<{ m: Measurement; body: string }> {
  const db = target === 'bare' ? null : await freshDatabase(target, settings.postgresUrl);
  let server: TargetProcess | null = null;
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // Trebuchet as deployed: one JSON log line per request (to /dev/null here), not pretty-printed.
      NODE_ENV: 'production',
      ...db?.env,
    };
    server = await TargetProcess.start(target === 'bare' ? 'bare' : 'trebuchet', env);
    const { url } = server.ready;
    console.error(`[${target}] listening on ${url}${server.ready.seed ? `, seeded in ${server.ready.seed.ms} ms` : ''}`);

    const before = await server.stats();
    const body = await fetchVerifiedPage(url, target);
    const exactStatements = target === 'bare' ? null : (await server.stats()).statements - before.statements;

    console.error(`[${target}] warm-up ${settings.warmupS} s`);
    await load(url, settings, settings.warmupS, body);
    const busyBefore = await waitForQuiet(target, settings.quietTimeoutS);
    console.error(`[${target}] load: ${settings.connections} connections × ${settings.durationS} s`);
    const start = await server.settledStats();
    if (settings.cpuProfile) await server.startProfile();
    const cpu = startCpuAccounting(server.pid, { usesPostgres: target === 'postgres' });
    const { result, latencies } = await load(url, settings, settings.durationS, body);
    const cpuShare = cpu.stop();
    let profile: Measurement['profile'] = null;
    if (settings.cpuProfile) {
      const file = path.join(RESULTS_DIR, `api-${runStamp}-${target}-${roundNo}.cpuprofile`);
      await server.stopProfile(file);
      profile = { file: path.relative(process.cwd(), file), ...summariseProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile) };
    }
    const end = await server.settledStats();
    const statements = end.statements - start.statements;
    const serverRequests = end.requests - start.requests;

    const failures = { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, mismatches: result.mismatches };
    const failed = Object.values(failures).some((n) => n > 0);
    if (failed) console.error(`[${target}] FAILED requests under load: ${JSON.stringify(failures)}`);
    const requests = latencies.length;
    const m: Measurement = {
      target,
      round: roundNo,
      label: TARGET_LABELS[target],
      database: server.ready.database,
      seed: server.ready.seed,
      requests,
      durationS: result.duration,
      reqPerSec: round(result.requests.average),
      latencyMs: {
        mean: round(result.latency.average, 2),
        p50: round(percentile(latencies, 50)),
        p95: round(percentile(latencies, 95)),
        p99: round(percentile(latencies, 99)),
        max: round(result.latency.max),
      },
      statementsPerRequest: exactStatements,
      statementsPerRequestUnderLoad: target === 'bare' || serverRequests === 0 ? null : round(statements / serverRequests, 2),
      cpu: cpuShare,
      busyBefore,
      profile,
      responseBytes: Buffer.byteLength(body),
      sameBodyAsBare: bareBody === null ? null : body === bareBody,
      ratioToBare: null,
      failures: failed ? failures : null,
    };
    return { m, body };
  } finally {
    await server?.close();
    await db?.drop();
  }
}

/**
 * Waits until the machine is at most 15% busy over a second (it has nothing of ours running
 * then but an idle server), so other work does not take CPU from the run; gives up after
 * `timeoutS` and says so. Returns the last busy fraction.
 */
async function waitForQuiet(target: TargetName, timeoutS: number): Promise<number | null> {
  const deadline = Date.now() + timeoutS * 1000;
  let warned = false;
  for (;;) {
    const busy = await machineBusy(1000);
    if (busy === null || busy <= 0.15) return busy === null ? null : round(busy, 2);
    if (Date.now() > deadline) {
      console.error(`[${target}] WARNING: the machine is still ${Math.round(busy * 100)}% busy with other work; measuring anyway`);
      return round(busy, 2);
    }
    if (!warned) console.error(`[${target}] the machine is ${Math.round(busy * 100)}% busy with other work; waiting up to ${timeoutS} s for it to be quiet`);
    warned = true;
  }
}

// ── report ──────────────────────────────────────────────────────────────────

/**
 * The commit measured, and whether the server's code differs from it. Every target forks anew
 * and compiles the working tree, so an edit during the run would mix two versions: the runner
 * compares this at start and end.
 */
function codeVersion(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' }).trim();
  try {
    const dirty = git('status', '--porcelain', '--', 'api', 'resolvers', 'schema', 'client', 'prisma') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown (no git)';
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    nproc: os.availableParallelism(),
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function medianOrNull(xs: (number | null)[]): number | null {
  const known = xs.filter((x): x is number => x !== null);
  return known.length === 0 ? null : median(known);
}

function summarise(target: TargetName, ms: Measurement[]): Summary {
  const cpus = ms.map((m) => m.cpu).filter((c): c is CpuShare => c !== null);
  const cpuMedian = (k: keyof CpuShare) => round(median(cpus.map((c) => c[k])), 2);
  return {
    target,
    label: TARGET_LABELS[target],
    reqPerSec: round(median(ms.map((m) => m.reqPerSec))),
    reqPerSecRounds: ms.map((m) => m.reqPerSec),
    latencyMs: {
      p50: round(median(ms.map((m) => m.latencyMs.p50))),
      p95: round(median(ms.map((m) => m.latencyMs.p95))),
      p99: round(median(ms.map((m) => m.latencyMs.p99))),
    },
    statementsPerRequest: medianOrNull(ms.map((m) => m.statementsPerRequest)),
    statementsPerRequestUnderLoad: medianOrNull(ms.map((m) => m.statementsPerRequestUnderLoad)),
    ratioToBare: medianOrNull(ms.map((m) => m.ratioToBare)),
    failedRounds: ms.filter((m) => m.failures).map((m) => m.round),
    cpu: cpus.length === 0 ? null : { loadGenerator: cpuMedian('loadGenerator'), server: cpuMedian('server'), postgres: cpuMedian('postgres'), other: cpuMedian('other'), cores: cpus[0]?.cores ?? 0 },
  };
}

function table(ms: Summary[], rounds: number): string {
  const lines = [
    `| target | req/s${rounds > 1 ? ` (median of ${rounds})` : ''} | p50 ms | p95 ms | p99 ms | SQL statements / request | vs bare Apollo | CPU (cores): server / Postgres / load gen / other |${rounds > 1 ? ' req/s per round |' : ''}`,
    `|---|---:|---:|---:|---:|---:|---:|---|${rounds > 1 ? '---|' : ''}`,
  ];
  for (const m of ms) {
    const sql = m.statementsPerRequest === null ? '—' : `${m.statementsPerRequest} (${m.statementsPerRequestUnderLoad} under load)`;
    const ratio = m.ratioToBare === null ? '—' : `${Math.round(m.ratioToBare * 100)}%`;
    const cpu = m.cpu ? `${m.cpu.server} / ${m.target === 'postgres' ? m.cpu.postgres : '—'} / ${m.cpu.loadGenerator} / ${m.cpu.other}` : '—';
    const perRound = rounds > 1 ? ` ${m.reqPerSecRounds.join(' / ')} |` : '';
    const failed = m.failedRounds.length > 0 ? ` (FAILED requests in round ${m.failedRounds.join(', ')})` : '';
    lines.push(`| ${m.label}${failed} | ${m.reqPerSec} | ${m.latencyMs.p50} | ${m.latencyMs.p95} | ${m.latencyMs.p99} | ${sql} | ${ratio} | ${cpu} |${perRound}`);
  }
  return lines.join('\n');
}

function verdict(ms: Summary[]): string | null {
  const pgM = ms.find((m) => m.target === 'postgres');
  if (!pgM || pgM.ratioToBare === null) return null;
  const ratioOk = pgM.ratioToBare >= TARGET_RATIO;
  const p95Ok = pgM.latencyMs.p95 < TARGET_P95_MS;
  return (
    `Target (Postgres ≥ ${TARGET_RATIO * 100}% of bare Apollo, p95 < ${TARGET_P95_MS} ms): ${ratioOk && p95Ok ? 'met' : 'NOT met'} — ` +
    `${Math.round(pgM.ratioToBare * 100)}% of the ceiling (${ratioOk ? 'ok' : 'short'}), p95 ${pgM.latencyMs.p95} ms (${p95Ok ? 'ok' : 'over'}).`
  );
}

async function main(): Promise<void> {
  const settings = readSettings();
  await mkdir(RESULTS_DIR, { recursive: true });
  const postgresVersion = settings.targets.includes('postgres') ? await adminQuery(settings.postgresUrl, 'SHOW server_version') : undefined;
  const codeAtStart = codeVersion();
  const results: Measurement[] = [];
  let bareBody: string | null = null;
  for (let round = 1; round <= settings.rounds; round++) {
    if (settings.rounds > 1) console.error(`== round ${round} of ${settings.rounds}`);
    let bareThisRound: Measurement | undefined;
    for (const target of settings.targets) {
      const { m, body } = await measure(target, round, settings, bareBody);
      if (target === 'bare') {
        bareBody = body;
        bareThisRound = m;
      } else if (m.sameBodyAsBare === false) {
        throw new Error(`bench api: ${target} answered differently from bare Apollo; the comparison would not be like for like`);
      }
      m.ratioToBare = bareThisRound && m !== bareThisRound ? m.reqPerSec / bareThisRound.reqPerSec : null;
      results.push(m);
    }
  }
  const summaries = settings.targets.map((t) => summarise(t, results.filter((m) => m.target === t)));
  const codeAtEnd = codeVersion();
  if (codeAtEnd !== codeAtStart) console.error(`bench api: WARNING: the code changed during the run (${codeAtStart} → ${codeAtEnd}); the rounds measured different versions`);

  const report = {
    benchmark: 'api: paged model list',
    date: new Date().toISOString(),
    code: codeAtEnd === codeAtStart ? codeAtStart : `${codeAtStart} → ${codeAtEnd} (changed during the run)`,
    machine: { ...machine(), postgres: postgresVersion ?? null },
    settings: { ...settings, postgresUrl: undefined, query: 'ModelsWithVersions', variables: { first: FIRST, versions: VERSIONS }, poolSize: process.env.TREBUCHET_DB_POOL_SIZE || '10 (default)' },
    summaries,
    rounds: results,
    target: verdict(summaries),
  };
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `api-${runStamp}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);

  const mc = report.machine;
  console.log(`Machine: ${mc.nproc} CPUs (${mc.cpu}), ${mc.memoryGiB} GiB, Node ${mc.node}${mc.postgres ? `, Postgres ${mc.postgres}` : ''}`);
  console.log(`Code: ${report.code}`);
  console.log(`Load: autocannon, ${settings.connections} connections × ${settings.durationS} s after ${settings.warmupS} s warm-up; ModelsWithVersions(first: ${FIRST}, versions: ${VERSIONS}), ${results[0]?.responseBytes ?? 0} bytes per response\n`);
  console.log(table(summaries, settings.rounds));
  if (report.target) console.log(`\n${report.target}`);
  for (const m of results) {
    if (!m.profile) continue;
    console.log(`\nServer CPU profile, ${m.label}, round ${m.round} (${m.profile.ms} ms sampled, ${m.profile.file}):`);
    for (const { layer, share } of m.profile.layers) if (share >= 0.005) console.log(`  ${(share * 100).toFixed(1).padStart(5)}%  ${layer}`);
  }
  console.log(`\nJSON: ${path.relative(process.cwd(), file)}`);
  const failed = results.filter((m) => m.failures);
  if (failed.length > 0) {
    for (const m of failed) console.error(`bench api: ${m.target}, round ${m.round}: failed requests under load: ${JSON.stringify(m.failures)}`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
