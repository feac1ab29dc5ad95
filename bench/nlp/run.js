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
// Measurement (bench/lib/measure.js). Wall time: from spawn to exit of the target (process.hrtime; it
// includes the runtime's start-up, loading, reading and writing: the whole process), docs/s = docs ÷
// wall. Peak RSS of the whole process tree: the larger of (a) /usr/bin/time's %M — the kernel's
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
const { spawnSync } = require('node:child_process');
const {
  TIME, HAVE_TIME, MB, measureProcess, requireApt: requireAptAs, sha256File, describeMachine, packageVersion,
  median, fmt, ratioFmt, table, showArgv: showArgvFrom, problemLines,
  walkArgs,
  selectTargets,
} = require('../lib/measure');

const ROOT = path.resolve(__dirname, '..', '..');
const DATA = path.join(ROOT, 'bench', '.data', 'nlp');
const OUT_DIR = path.join(DATA, 'out');
const CORPUS = path.join(DATA, 'corpus.jsonl');
const GEN = path.join(__dirname, 'gen_corpus.py');
const PEERS = path.join(__dirname, 'peers');
const PYTHON = process.env.BENCH_PYTHON || '/usr/bin/python3';
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
  walkArgs(argv, 'bench nlp', (a, val, num) => {
    switch (a) {
      case '--rounds': o.rounds = num(a, val(), 1); break;
      case '--docs': o.docs = num(a, val(), 1); break;
      case '--threads': o.threads = num(a, val(), 1); break;
      default: return false;
    }
  }, { opts: o, usage });
  return o;
}

// ---------------------------------------------------------------------------------------------
// prerequisites and corpus

/** Says which apt packages are missing; installs them when asked to and root; else exits. */
function requireApt(pkgs, why, opts, fatal = true) {
  return requireAptAs('bench nlp', pkgs, why, opts, fatal);
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
  const { date, cpu, cores, memGiB, kernel, node, commit, loadavg } = describeMachine(ROOT);
  const py = spawnSync(PYTHON, ['-c', 'import sys\ntry:\n import sklearn, numpy; v = sklearn.__version__ + " / numpy " + numpy.__version__\n'
    + 'except Exception as e: v = "not importable: %s" % e\nprint(sys.version.split()[0]); print(v)'], { encoding: 'utf8' });
  const [python, sklearn] = py.status === 0 ? py.stdout.trim().split('\n') : ['not found', '-'];
  return {
    date, cpu, cores, memGiB, kernel, node,
    python: `${python} (${PYTHON})`, sklearn,
    packages: Object.fromEntries(['sentiment', 'wink-nlp', 'wink-eng-lite-web-model', 'natural'].map((n) => [n, packageVersion(ROOT, n)])),
    commit,
    threads: opts.threads,
    loadavg,
  };
}

// ---------------------------------------------------------------------------------------------
// running one target

/** Runs a target once; returns its measurement (status 'ok' before the output check). */
async function runOnce(target, ctx) {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const out = path.join(OUT_DIR, `${target.id}.jsonl`);
  const timeFile = path.join(OUT_DIR, `${target.id}.time`);
  fs.rmSync(out, { force: true });
  const spec = target.command({ corpus: ctx.corpus.file, out, threads: ctx.opts.threads });
  const m = await measureProcess({
    argv: spec.argv, cwd: ROOT, env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
    stdinFile: spec.stdin ? ctx.corpus.file : null, stdoutFile: spec.stdout ? out : null, timeFile,
    pollMs: ctx.opts.pollMs, timeout: ctx.opts.timeout,
  });
  return {
    status: m.status, reason: m.reason,
    wall_s: m.wall_s,
    docs_per_s: +(ctx.corpus.docs / m.wall_s).toFixed(1),
    peak_rss_mb: m.peak_rss_mb, time_maxrss_mb: m.time_maxrss_mb, poll_peak_tree_rss_mb: m.poll_peak_tree_rss_mb,
    cpu_s: m.cpu_s, max_procs: m.max_procs, max_threads: m.max_threads, load_before: m.load_before,
    output: out,
    stderr_tail: m.stderr_tail,
    stdout_tail: m.stdout_tail,
  };
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

  const problems = problemLines(results);
  if (problems.length) out.push(`\nProblems:\n${problems.join('\n')}`);
  console.log(out.join('\n'));
  return { summary: sums, ratios };
}

// ---------------------------------------------------------------------------------------------
// main

/** A command line as a person would type it from the repository root. */
function showArgv(argv) {
  return showArgvFrom(argv, ROOT);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const targets = selectTargets(TARGETS, opts.only, 'bench nlp');
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
