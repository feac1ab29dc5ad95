#!/usr/bin/env node
// NLP benchmark: 10,000 English documents, sentiment + top-10 keywords for each, whole process, from
// a JSONL file to a JSONL file — Trebuchet's `nlp analyze` against its peers, on the same corpus, in
// the same script.
//
//   node bench/nlp/run.js [--rounds 3] [--only id,id] [--docs N] [--json out.json] [--threads N]
//                         [--timeout 900] [--install-deps] [--list]
//
// Corpus. bench/.data/nlp/corpus.jsonl ({"id","src","text"} per line), generated on first use by
// bench/nlp/gen_corpus.py with Debian's /usr/bin/python3 from text installed with Debian packages
// (fortunes, fortunes-min, groff and the installed man pages and copyright files). It is deterministic
// for a given set of installed packages; its sha256 is printed and compared with the reference one.
// `--docs N` runs on its first N documents (bench/.data/nlp/corpus-first-N.jsonl).
//
// Targets. Each is a separate child process, started from the repository root with
// DOTENV_CONFIG_QUIET=true: Trebuchet's CLI reads the corpus on stdin and writes results on stdout
// (redirected to a file); the peers (bench/nlp/peers/) take the corpus path and an output path. Every
// output must have one line per document, `{"id", "sentiment": {...}, "keywords": [{"term","score"}
// ×10]}`, every corpus id exactly once; an output that does not is INVALID, a target that exits
// non-zero, is killed or times out is FAILED (with its stderr tail), and the run goes on.
//
// Measurement. Wall time: from spawn to exit of the target (process.hrtime; it includes the
// runtime's start-up, loading, reading and writing: the whole process), docs/s = docs ÷ wall.
// Peak RSS of the whole process tree: the larger of (a) /usr/bin/time's %M — the kernel's
// ru_maxrss of the waited child, exact for a single process (threads included) but for a tree only
// the largest single process — and (b) the largest sum of RSS over the target's process tree seen
// by polling /proc/*/stat every --poll-ms (100) ms (catches several processes alive at once, may
// miss a peak shorter than the interval); MB are 10^6 bytes. CPU time is user + system from /usr/bin/time (children
// included). Rounds are interleaved (every target once per round, in list order) and medians are
// reported; ratios are Trebuchet's docs/s ÷ the peer's docs/s.
//
// Plain CommonJS: no npm script, no TypeScript, no build needed.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn, spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const DATA = path.join(ROOT, 'bench', '.data', 'nlp');
const OUT_DIR = path.join(DATA, 'out');
const CORPUS = path.join(DATA, 'corpus.jsonl');
const GEN = path.join(__dirname, 'gen_corpus.py');
const PEERS = path.join(__dirname, 'peers');
const PYTHON = process.env.BENCH_PYTHON || '/usr/bin/python3';
const TIME = '/usr/bin/time';
const AFINN = path.join(ROOT, 'node_modules', 'sentiment', 'languages', 'en', 'labels.json');
const NEGATORS = path.join(ROOT, 'node_modules', 'sentiment', 'languages', 'en', 'negators.json');
const APT_CORPUS = ['fortunes', 'fortunes-min', 'groff'];
const APT_PYTHON = ['python3-sklearn'];
const KEYWORDS = 10;
/**
 * The corpus measured for BENCHMARKS.md: the project's Debian 12 image (fortunes 1:1.99.1-7.3,
 * groff 1.22.4-10) with chromium installed (`npm test` installs it). The generator reads every
 * installed man page and /usr/share/doc/<pkg>/copyright, so installing or removing any package can
 * change the corpus (the same image before chromium gave b1b9f0732df0dbc8…, same 2,249,125 words).
 * bench/.data/nlp/corpus.jsonl is kept once generated; delete it to regenerate.
 */
const REFERENCE_CORPUS = {
  docs: 10000,
  sha256: '6531d7ce7e7de18e59da71054f805ad1ac839c50d0339d6e649ebe95cafcb6af',
};
const TARGETS_GOAL = { docsPerSec: 20000, timesFastestPeer: 5, peakRssMb: 300 };

/**
 * The targets, in run order. `ours` marks Trebuchet's entries (ratios are theirs ÷ each peer's);
 * `command(ctx)` gives argv and whether the corpus goes on stdin / results come on stdout.
 */
const TARGETS = [
  {
    id: 'trebuchet',
    name: 'trebuchet (sentiment+keywords)',
    ours: true,
    command: (ctx) => ({
      argv: [process.execPath, 'bin/trebuchet.js', 'nlp', 'analyze', '--only', 'sentiment,keywords',
        '--keywords', String(KEYWORDS), '--threads', String(ctx.threads)],
      stdin: true, stdout: true,
    }),
  },
  {
    id: 'trebuchet-1t',
    name: 'trebuchet (sentiment+keywords, 1 thread)',
    ours: true,
    command: () => ({
      argv: [process.execPath, 'bin/trebuchet.js', 'nlp', 'analyze', '--only', 'sentiment,keywords',
        '--keywords', String(KEYWORDS), '--threads', '1'],
      stdin: true, stdout: true,
    }),
  },
  {
    id: 'trebuchet-full',
    name: 'trebuchet (full analysis)',
    ours: true,
    full: true,
    command: () => ({
      argv: [process.execPath, 'bin/trebuchet.js', 'nlp', 'analyze', '--keywords', String(KEYWORDS)],
      stdin: true, stdout: true,
    }),
  },
  {
    id: 'sentiment-tfidf',
    name: 'sentiment (AFINN) + naive JS TF-IDF',
    command: (ctx) => ({ argv: [process.execPath, path.join(PEERS, 'sentiment-tfidf.js'), ctx.corpus, ctx.out] }),
  },
  {
    id: 'sklearn',
    name: 'Python AFINN + sklearn TfidfVectorizer',
    python: true,
    command: (ctx) => ({ argv: [PYTHON, path.join(PEERS, 'sklearn.py'), ctx.corpus, ctx.out, AFINN, NEGATORS] }),
  },
  {
    id: 'wink',
    name: 'wink-nlp + BM25 vectorizer',
    command: (ctx) => ({ argv: [process.execPath, path.join(PEERS, 'wink.js'), ctx.corpus, ctx.out] }),
  },
  {
    id: 'natural',
    name: 'natural (AFINN + TfIdf)',
    command: (ctx) => ({ argv: [process.execPath, path.join(PEERS, 'natural.js'), ctx.corpus, ctx.out] }),
  },
];
/** Keyword overlap is measured against this target's output (informational). */
const OVERLAP_REFERENCE = 'sklearn';

// ---------------------------------------------------------------------------------------------
// options

function usage(code) {
  const text = fs.readFileSync(__filename, 'utf8').split('\n').slice(1, 7).map((l) => l.replace(/^\/\/ ?/, '')).join('\n');
  (code ? console.error : console.log)(`${text}\n\ntargets: ${TARGETS.map((t) => t.id).join(', ')}`);
  process.exit(code);
}

function parseArgs(argv) {
  const o = { rounds: 3, only: null, docs: null, json: null, threads: os.availableParallelism(),
    timeout: 900, pollMs: 100, installDeps: false, list: false };
  const num = (name, v, min) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) {
      console.error(`bench nlp: ${name} needs an integer ≥ ${min}, got "${v}"`);
      process.exit(2);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let v;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) [a, v] = [a.slice(0, eq), a.slice(eq + 1)];
    const val = () => (v !== undefined ? v : argv[++i]);
    switch (a) {
      case '--rounds': o.rounds = num(a, val(), 1); break;
      case '--only': o.only = val().split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--docs': o.docs = num(a, val(), 1); break;
      case '--json': o.json = path.resolve(val()); break;
      case '--threads': o.threads = num(a, val(), 1); break;
      case '--timeout': o.timeout = num(a, val(), 1); break;
      case '--poll-ms': o.pollMs = num(a, val(), 10); break;
      case '--install-deps': o.installDeps = true; break;
      case '--list': o.list = true; break;
      case '-h': case '--help': usage(0); break;
      default: console.error(`bench nlp: unknown option ${a}`); usage(2);
    }
  }
  return o;
}

function selectTargets(only) {
  if (!only) return TARGETS;
  const unknown = only.filter((id) => !TARGETS.some((t) => t.id === id));
  if (unknown.length) {
    console.error(`bench nlp: unknown target(s) ${unknown.join(', ')}; targets: ${TARGETS.map((t) => t.id).join(', ')}`);
    process.exit(2);
  }
  return TARGETS.filter((t) => only.includes(t.id));
}

// ---------------------------------------------------------------------------------------------
// prerequisites and corpus

/** Debian packages (of `pkgs`) not installed; null when dpkg is not available. */
function missingApt(pkgs) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\n', ...pkgs], { encoding: 'utf8' });
  if (r.error) return null;
  const ok = new Set(r.stdout.split('\n').filter((l) => l.endsWith(' install ok installed')).map((l) => l.split(' ')[0]));
  return pkgs.filter((p) => !ok.has(p));
}

/** Says which apt packages are missing; installs them when asked to and root; else exits. */
function requireApt(pkgs, why, opts, fatal = true) {
  const missing = missingApt(pkgs);
  if (missing === null) {
    console.error(`bench nlp: dpkg-query not found; ${why} needs the Debian packages: ${pkgs.join(' ')}`);
    if (fatal) process.exit(2);
    return false;
  }
  if (missing.length === 0) return true;
  const cmd = `apt-get install -y ${missing.join(' ')}`;
  if (opts.installDeps && process.getuid && process.getuid() === 0) {
    console.error(`bench nlp: ${why} needs ${missing.join(' ')}; running: apt-get update && ${cmd}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (spawnSync('apt-get', ['update'], { stdio: 'inherit', env }).status !== 0
      || spawnSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env }).status !== 0) {
      console.error('bench nlp: apt-get failed');
      process.exit(2);
    }
    return true;
  }
  console.error(`bench nlp: ${why} needs the Debian packages ${missing.join(' ')}, not installed.\n`
    + `  install them:  sudo ${cmd}\n`
    + '  (or run this script as root with --install-deps)');
  if (fatal) process.exit(2);
  return false;
}

function sha256File(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function ensureCorpus(opts) {
  if (!fs.existsSync(CORPUS)) {
    requireApt(APT_CORPUS, 'generating the corpus', opts);
    if (!fs.existsSync(PYTHON)) {
      console.error(`bench nlp: ${PYTHON} not found (Debian's python3; set BENCH_PYTHON to use another)`);
      process.exit(2);
    }
    fs.mkdirSync(DATA, { recursive: true });
    const partial = `${CORPUS}.partial`;
    console.error(`bench nlp: generating ${path.relative(ROOT, CORPUS)} with ${path.relative(ROOT, GEN)} (about a minute on 2 cores) ...`);
    const r = spawnSync(PYTHON, [GEN, partial], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
    if (r.status !== 0) {
      console.error(`bench nlp: corpus generation failed (${r.signal || `exit code ${r.status}`})`);
      process.exit(2);
    }
    fs.renameSync(partial, CORPUS);
    console.error(`bench nlp: corpus: ${r.stdout.trim()}`);
  }
  const sha256 = sha256File(CORPUS);
  let file = CORPUS;
  const lines = fs.readFileSync(CORPUS, 'utf8').split('\n').filter((l) => l.length > 0);
  let used = lines;
  if (opts.docs && opts.docs < lines.length) {
    used = lines.slice(0, opts.docs);
    file = path.join(DATA, `corpus-first-${opts.docs}.jsonl`);
    const want = used.join('\n') + '\n';
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== want) fs.writeFileSync(file, want);
  }
  const ids = used.map((l) => JSON.parse(l).id);
  const words = used.reduce((n, l) => n + JSON.parse(l).text.split(/\s+/).filter(Boolean).length, 0);
  return {
    file, ids, docs: ids.length, words, bytes: fs.statSync(file).size,
    full: { file: CORPUS, docs: lines.length, sha256, matchesReference: sha256 === REFERENCE_CORPUS.sha256 },
  };
}

// ---------------------------------------------------------------------------------------------
// machine

function machine(opts) {
  const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) || [])[1] || os.cpus()[0]?.model;
  const py = spawnSync(PYTHON, ['-c', 'import sys\ntry:\n import sklearn, numpy; v = sklearn.__version__ + " / numpy " + numpy.__version__\n'
    + 'except Exception as e: v = "not importable: %s" % e\nprint(sys.version.split()[0]); print(v)'], { encoding: 'utf8' });
  const [python, sklearn] = py.status === 0 ? py.stdout.trim().split('\n') : ['not found', '-'];
  const version = (name) => {
    try { return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version; }
    catch { return 'not installed'; }
  };
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  return {
    date: new Date().toISOString(),
    cpu, cores: os.availableParallelism(), memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    kernel: `${os.type()} ${os.release()}`, node: process.version,
    python: `${python} (${PYTHON})`, sklearn,
    packages: Object.fromEntries(['sentiment', 'wink-nlp', 'wink-eng-lite-web-model', 'natural'].map((n) => [n, version(n)])),
    commit: git.status === 0 ? git.stdout.trim() : null,
    threads: opts.threads,
    loadavg: os.loadavg().map((x) => +x.toFixed(2)),
  };
}

// ---------------------------------------------------------------------------------------------
// running one target

const PAGE = (() => {
  const r = spawnSync('getconf', ['PAGESIZE'], { encoding: 'utf8' });
  return Number(r.stdout) > 0 ? Number(r.stdout) : 4096;
})();

/** RSS (bytes), process and thread counts of the descendants of `rootPid` (not `rootPid` itself). */
function sampleTree(rootPid) {
  const children = new Map();
  const info = new Map();
  for (const name of fs.readdirSync('/proc')) {
    const c = name.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    let stat;
    try { stat = fs.readFileSync(`/proc/${name}/stat`, 'latin1'); } catch { continue; }
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // f[0] is field 3 (state): ppid is field 4, num_threads field 20, rss (pages) field 24.
    const pid = Number(name);
    const ppid = Number(f[1]);
    info.set(pid, { threads: Number(f[17]), rss: Number(f[21]) * PAGE });
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  let rss = 0; let procs = 0; let threads = 0;
  const stack = [...(children.get(rootPid) || [])];
  while (stack.length) {
    const pid = stack.pop();
    const p = info.get(pid);
    if (p) { rss += p.rss; procs += 1; threads += p.threads; }
    for (const k of children.get(pid) || []) stack.push(k);
  }
  return { rss, procs, threads };
}

function tail(text, lines = 15) {
  return text.split('\n').filter((l) => l.trim()).slice(-lines).join('\n');
}

const MB = 1e6;
const HAVE_TIME = fs.existsSync(TIME);

/** Runs a target once; returns its measurement (status 'ok' before the output check). */
function runOnce(target, ctx) {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const out = path.join(OUT_DIR, `${target.id}.jsonl`);
  const timeFile = path.join(OUT_DIR, `${target.id}.time`);
  fs.rmSync(out, { force: true });
  fs.rmSync(timeFile, { force: true });
  const spec = target.command({ corpus: ctx.corpus.file, out, threads: ctx.opts.threads });
  const argv = HAVE_TIME ? [TIME, '-f', '%e %M %U %S', '-o', timeFile, ...spec.argv] : spec.argv;
  const stdinFd = spec.stdin ? fs.openSync(ctx.corpus.file, 'r') : 'ignore';
  const stdoutFd = spec.stdout ? fs.openSync(out, 'w') : 'pipe';
  const loadBefore = +os.loadavg()[0].toFixed(2);

  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(argv[0], argv.slice(1), {
      cwd: ROOT,
      env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
      stdio: [stdinFd, stdoutFd, 'pipe'],
      detached: true, // its own process group, so a timeout kills the whole tree
    });
    if (typeof stdinFd === 'number') fs.closeSync(stdinFd);
    if (typeof stdoutFd === 'number') fs.closeSync(stdoutFd);
    let stderr = '';
    let stdout = '';
    const keep = (s, chunk) => (s + chunk).slice(-16384);
    child.stderr.on('data', (d) => { stderr = keep(stderr, d.toString()); });
    if (child.stdout) child.stdout.on('data', (d) => { stdout = keep(stdout, d.toString()); });

    // The target's tree: the descendants of the time process (the time process itself, ~2 MB, is
    // not counted), or without /usr/bin/time those of this runner (the child and its descendants).
    const treeRoot = HAVE_TIME ? child.pid : process.pid;
    let pollPeak = 0; let maxProcs = 0; let maxThreads = 0;
    const poll = () => {
      const s = sampleTree(treeRoot);
      if (s.rss > pollPeak) pollPeak = s.rss;
      if (s.procs > maxProcs) maxProcs = s.procs;
      if (s.threads > maxThreads) maxThreads = s.threads;
    };
    const pollTimer = setInterval(poll, ctx.opts.pollMs);
    let timedOut = false;
    const killTimer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }, ctx.opts.timeout * 1000);

    let spawnError = null;
    child.on('error', (e) => { spawnError = e; });
    child.on('close', (code, signal) => {
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      clearInterval(pollTimer);
      clearTimeout(killTimer);
      let time = null;
      if (HAVE_TIME && fs.existsSync(timeFile)) {
        const lines = fs.readFileSync(timeFile, 'utf8').trim().split('\n');
        const m = lines[lines.length - 1].match(/^([\d.]+) (\d+) ([\d.]+) ([\d.]+)$/);
        if (m) time = { wall: +m[1], maxRssKb: +m[2], user: +m[3], sys: +m[4] };
        if (lines.length > 1) stderr = keep(stderr, `\n[time] ${lines.slice(0, -1).join(' ')}`);
      }
      const peak = Math.max(pollPeak, time ? time.maxRssKb * 1024 : 0);
      const failed = spawnError || timedOut || code !== 0 || signal;
      resolve({
        status: failed ? 'FAILED' : 'ok',
        reason: spawnError ? `spawn: ${spawnError.message}` : timedOut ? `timed out after ${ctx.opts.timeout} s`
          : signal ? `killed by ${signal}` : code !== 0 ? `exit code ${code}` : null,
        wall_s: +wall.toFixed(3),
        docs_per_s: +(ctx.corpus.docs / wall).toFixed(1),
        peak_rss_mb: +(peak / MB).toFixed(1),
        time_maxrss_mb: time ? +(time.maxRssKb * 1024 / MB).toFixed(1) : null,
        poll_peak_tree_rss_mb: +(pollPeak / MB).toFixed(1),
        cpu_s: time ? +(time.user + time.sys).toFixed(2) : null,
        max_procs: maxProcs,
        max_threads: maxThreads,
        load_before: loadBefore,
        output: out,
        stderr_tail: tail(stderr),
        stdout_tail: spec.stdout ? undefined : tail(stdout, 5),
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// output check

function isFiniteNumber(x) {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Checks an output file against the corpus ids; returns { ok, problems, keywords: Map id → terms }. */
function checkOutput(file, ids) {
  const problems = [];
  let count = 0;
  const add = (msg) => { count += 1; if (problems.length < 5) problems.push(msg); };
  if (!fs.existsSync(file)) return { ok: false, problems: ['no output file'], count: 1, keywords: null };
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  if (lines.length !== ids.length) add(`${lines.length} lines, expected ${ids.length}`);
  const expected = new Set(ids);
  const seen = new Set();
  const keywords = new Map();
  for (let i = 0; i < lines.length; i++) {
    let r;
    try { r = JSON.parse(lines[i]); } catch { add(`line ${i + 1}: not JSON`); continue; }
    if (r === null || typeof r !== 'object') { add(`line ${i + 1}: not an object`); continue; }
    const where = `line ${i + 1} (${JSON.stringify(r.id)})`;
    if (!expected.has(r.id)) add(`${where}: id not in the corpus`);
    else if (seen.has(r.id)) add(`${where}: id repeated`);
    seen.add(r.id);
    const s = r.sentiment;
    if (!(isFiniteNumber(s) || (s && typeof s === 'object' && Object.values(s).some(isFiniteNumber)))) {
      add(`${where}: no sentiment number`);
    }
    const k = r.keywords;
    if (!Array.isArray(k) || k.length !== KEYWORDS) {
      add(`${where}: ${Array.isArray(k) ? k.length : 'no'} keywords, expected ${KEYWORDS}`);
    } else if (!k.every((x) => x && typeof x.term === 'string' && x.term.length > 0 && isFiniteNumber(x.score))) {
      add(`${where}: a keyword without a term string and a finite score`);
    } else {
      keywords.set(r.id, k.map((x) => x.term));
    }
  }
  const missing = ids.filter((id) => !seen.has(id)).length;
  if (missing) add(`${missing} corpus ids missing`);
  return { ok: count === 0, problems, count, keywords };
}

/** Mean share of the reference's top-10 terms also in the target's top 10, over common docs. */
function overlap(a, b) {
  let sum = 0; let n = 0;
  for (const [id, terms] of a) {
    const ref = b.get(id);
    if (!ref) continue;
    const set = new Set(ref);
    sum += terms.filter((t) => set.has(t)).length / ref.length;
    n += 1;
  }
  return n ? sum / n : null;
}

// ---------------------------------------------------------------------------------------------
// report

function median(xs) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const fmt = (x, d = 0) => (x === null || x === undefined ? '—'
  : x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
const ratioFmt = (x) => (x === null ? '—' : x >= 10 ? `${fmt(x, 0)}×` : `${fmt(x, 2)}×`);

function table(header, rows, align) {
  const lines = [`| ${header.join(' | ')} |`, `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`];
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

function summarise(target, runs) {
  const ok = runs.filter((r) => r.status === 'ok');
  const wall = median(ok.map((r) => r.wall_s));
  const statuses = [...new Set(runs.map((r) => r.status))];
  return {
    id: target.id, name: target.name, ours: !!target.ours, full: !!target.full,
    status: ok.length === runs.length ? 'ok' : ok.length ? `ok ${ok.length}/${runs.length}` : statuses.join('/'),
    valid_rounds: ok.length,
    wall_s: wall,
    docs_per_s: null, // set by report()
    peak_rss_mb: median(ok.map((r) => r.peak_rss_mb)),
    cpu_s: median(ok.filter((r) => r.cpu_s !== null).map((r) => r.cpu_s)),
    max_threads: ok.length ? Math.max(...ok.map((r) => r.max_threads)) : null,
    max_procs: ok.length ? Math.max(...ok.map((r) => r.max_procs)) : null,
    walls: runs.map((r) => (r.status === 'ok' ? r.wall_s : r.status)),
  };
}

function report(ctx, results) {
  const docs = ctx.corpus.docs;
  const sums = results.map(({ target, runs }) => {
    const s = summarise(target, runs);
    s.docs_per_s = s.wall_s ? docs / s.wall_s : null;
    return s;
  });

  // Keyword overlap with the reference peer (last valid output of each).
  const ref = results.find((r) => r.target.id === OVERLAP_REFERENCE)?.keywords;
  for (const s of sums) {
    const kw = results.find((r) => r.target.id === s.id).keywords;
    s.keyword_overlap_vs_sklearn = ref && kw ? overlap(kw, ref) : null;
  }

  const ours = sums.filter((s) => s.ours);
  const peers = sums.filter((s) => !s.ours);
  const main = ours.find((s) => !s.full);

  const out = [];
  out.push(`\n## NLP: ${fmt(docs)} docs, sentiment + top-${KEYWORDS} keywords, whole process (JSONL → JSONL)\n`);
  out.push(table(
    ['target', 'status', 'wall s', 'docs/s', 'peak RSS MB', 'CPU s', 'trebuchet ÷ this', 'top-10 ∩ sklearn', 'wall s per round'],
    sums.map((s) => [
      s.name, s.status, fmt(s.wall_s, 2), fmt(s.docs_per_s), fmt(s.peak_rss_mb), fmt(s.cpu_s, 1),
      !s.ours && main?.docs_per_s && s.docs_per_s ? ratioFmt(main.docs_per_s / s.docs_per_s) : '—',
      s.keyword_overlap_vs_sklearn === null ? '—' : `${fmt(100 * s.keyword_overlap_vs_sklearn, 0)} %`,
      s.walls.map((w) => (typeof w === 'number' ? fmt(w, 2) : w)).join(' / '),
    ]),
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
  ));

  const ratios = {};
  if (ours.length && peers.length) {
    out.push('\nRatio: Trebuchet docs/s ÷ peer docs/s (medians)\n');
    out.push(table(
      ['', ...peers.map((p) => p.name)],
      ours.map((o) => [o.name, ...peers.map((p) => {
        const r = o.docs_per_s && p.docs_per_s ? o.docs_per_s / p.docs_per_s : null;
        (ratios[o.id] ||= {})[p.id] = r;
        return ratioFmt(r);
      })]),
      ['l', ...peers.map(() => 'r')],
    ));
  }

  if (main) {
    const fastest = peers.filter((p) => p.docs_per_s).sort((a, b) => b.docs_per_s - a.docs_per_s)[0];
    const lines = [];
    if (!main.docs_per_s) {
      lines.push(`- ${main.name}: no valid run, targets not measured`);
    } else {
      const g = TARGETS_GOAL;
      const mark = (ok) => (ok ? 'met' : 'NOT met');
      lines.push(`- ≥ ${fmt(g.docsPerSec)} docs/s: ${fmt(main.docs_per_s)} — ${mark(main.docs_per_s >= g.docsPerSec)}`);
      if (fastest) {
        const r = main.docs_per_s / fastest.docs_per_s;
        lines.push(`- ≥ ${g.timesFastestPeer}× the fastest peer (${fastest.name}, ${fmt(fastest.docs_per_s)} docs/s): ${ratioFmt(r)} — ${mark(r >= g.timesFastestPeer)}`);
      }
      lines.push(`- peak RSS < ${g.peakRssMb} MB: ${fmt(main.peak_rss_mb)} MB — ${mark(main.peak_rss_mb < g.peakRssMb)}`);
    }
    out.push(`\nTargets (${main.name}):\n${lines.join('\n')}`);
  }

  const problems = [];
  for (const { target, runs } of results) {
    runs.forEach((r, i) => {
      if (r.status === 'ok') return;
      problems.push(`- ${target.name}, round ${i + 1}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`
        + (r.problems?.length ? `\n    ${r.problems.join('\n    ')}` : '')
        + (r.stderr_tail ? `\n    stderr (tail):\n      ${r.stderr_tail.split('\n').join('\n      ')}` : ''));
    });
  }
  if (problems.length) out.push(`\nProblems:\n${problems.join('\n')}`);
  console.log(out.join('\n'));
  return { summary: sums, ratios };
}

// ---------------------------------------------------------------------------------------------
// main

/** A command line as a person would type it from the repository root. */
function showArgv(argv) {
  return argv.map((a) => (a === process.execPath ? 'node'
    : path.isAbsolute(a) && a.startsWith(ROOT + path.sep) ? path.relative(ROOT, a) : a)).join(' ');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const targets = selectTargets(opts.only);
  if (opts.list) {
    for (const t of TARGETS) {
      const spec = t.command({ corpus: 'CORPUS.jsonl', out: 'OUT.jsonl', threads: opts.threads });
      console.log(`${t.id.padEnd(16)} ${t.name}\n${' '.repeat(17)}${showArgv(spec.argv)}`
        + `${spec.stdin ? ' < CORPUS.jsonl' : ''}${spec.stdout ? ' > OUT.jsonl' : ''}`);
    }
    return;
  }
  if (targets.some((t) => t.python)) requireApt(APT_PYTHON, 'the Python peer (sklearn)', opts, false);
  if (!HAVE_TIME) console.error(`bench nlp: ${TIME} not found (apt-get install time); peak RSS from /proc polling only, no CPU time`);

  const corpus = ensureCorpus(opts);
  const ctx = { opts, corpus };
  const m = machine(opts);

  console.log(`# bench nlp — ${m.date}`);
  console.log(`machine: ${m.cpu}, ${m.cores} cores, ${m.memGiB} GiB, ${m.kernel}`);
  console.log(`runtime: Node ${m.node}, Python ${m.python}, sklearn ${m.sklearn}`);
  console.log(`peers:   ${Object.entries(m.packages).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`code:    ${m.commit || 'unknown commit'}; load average ${m.loadavg.join(' ')}`);
  console.log(`corpus:  ${path.relative(ROOT, corpus.file)}: ${fmt(corpus.docs)} docs, ${fmt(corpus.words)} words, ${fmt(corpus.bytes / MB, 1)} MB`
    + ` (full corpus sha256 ${corpus.full.sha256.slice(0, 16)}…, ${corpus.full.matchesReference ? 'the reference corpus'
      : 'DIFFERS from the reference corpus (other installed packages); compare only within this run'})`);
  console.log(`rounds:  ${opts.rounds} (interleaved, medians), threads for trebuchet: ${opts.threads}, `
    + `peak RSS = max(/usr/bin/time %M, Σ RSS of the process tree polled every ${opts.pollMs} ms)`);
  console.log('commands (run from the repository root, DOTENV_CONFIG_QUIET=true):');
  for (const t of targets) {
    const spec = t.command({ corpus: path.relative(ROOT, corpus.file), out: 'OUT.jsonl', threads: opts.threads });
    console.log(`  ${t.id.padEnd(16)} ${showArgv(spec.argv)}`
      + `${spec.stdin ? ` < ${path.relative(ROOT, corpus.file)}` : ''}${spec.stdout ? ' > OUT.jsonl' : ''}`);
  }

  const results = targets.map((target) => ({ target, runs: [], keywords: null }));
  for (let round = 1; round <= opts.rounds; round++) {
    for (const res of results) {
      process.stderr.write(`[round ${round}/${opts.rounds}] ${res.target.name} ... `);
      const run = await runOnce(res.target, ctx);
      if (run.status === 'ok') {
        const check = checkOutput(run.output, corpus.ids);
        if (!check.ok) {
          run.status = 'INVALID';
          run.reason = `${check.count} problem(s) in the output`;
          run.problems = check.problems;
        } else {
          res.keywords = check.keywords;
        }
      }
      res.runs.push(run);
      process.stderr.write(`${run.status}${run.reason ? ` (${run.reason})` : ''}, ${run.wall_s.toFixed(2)} s, `
        + `${fmt(run.docs_per_s)} docs/s, ${fmt(run.peak_rss_mb)} MB, CPU ${run.cpu_s ?? '—'} s\n`);
    }
  }

  const { summary, ratios } = report(ctx, results);
  if (opts.json) {
    fs.mkdirSync(path.dirname(opts.json), { recursive: true });
    const raw = {
      machine: m,
      options: { ...opts, json: undefined },
      corpus: { file: path.relative(ROOT, corpus.file), docs: corpus.docs, words: corpus.words, bytes: corpus.bytes, full: { ...corpus.full, file: path.relative(ROOT, corpus.full.file) } },
      method: {
        wall: 'process.hrtime from spawn to exit of the target (via /usr/bin/time)',
        peak_rss: `max(/usr/bin/time %M, max over samples of the summed RSS of the target's process tree, /proc polled every ${opts.pollMs} ms)`,
      },
      targets: results.map(({ target, runs }) => ({
        id: target.id, name: target.name, ours: !!target.ours,
        command: target.command({ corpus: path.relative(ROOT, corpus.file), out: 'OUT.jsonl', threads: opts.threads }),
        runs: runs.map((r) => ({ ...r, output: path.relative(ROOT, r.output) })),
      })),
      summary, ratios,
    };
    fs.writeFileSync(opts.json, `${JSON.stringify(raw, null, 2)}\n`);
    console.error(`bench nlp: raw results in ${path.relative(process.cwd(), opts.json)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
