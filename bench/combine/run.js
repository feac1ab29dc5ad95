#!/usr/bin/env node
// Combine benchmark: merge and reconcile 500,000 records from 3 CSV sources — Trebuchet's `integrate`
// against its peers, on the same files, in the same script — and a fuzzy variant (name matching).
//
//   node bench/combine/run.js [--rounds 3] [--peer-rounds 3] [--fuzzy-peer-rounds 1] [--only id,id]
//                             [--fuzzy-sample 2000] [--skip-fuzzy] [--ours-cli FILE] [--json FILE]
//                             [--timeout 900] [--poll-ms 100] [--install-deps] [--list]
//
// Data. bench/combine/data/{customers,orders,crm}.csv (200k + 200k + 100k rows), generated on first use
// by bench/combine/gen_data.py (seed 42, Debian's /usr/bin/python3: the same bytes on every run). Their
// sha256 are measured at generation, kept beside them (data/SHA256SUMS), printed and checked on every
// later run (files that no longer match are generated again), and compared with the reference values
// below. Hashing also puts the files in the page cache, so every target reads them from memory.
//
// Exact task: orders aggregated per customer_id (order_count, total_amount); customers LEFT JOIN that
// LEFT JOIN crm on customer_id; name / email / updated_at from crm when its updated_at is more recent;
// no orders → 0 / 0.00; sorted by customer_id; CSV out: customer_id,name,email,city,phone,order_count,
// total_amount (%.2f),updated_at (YYYY-MM-DDTHH:MM:SS). Targets (ids for --only), each a child process
// started from the repository root with DOTENV_CONFIG_QUIET=true, writing data/out/ID.csv:
//   ours        node bin/trebuchet.js integrate bench/combine/merge.yaml --out OUT
//   polars      node bench/combine/peers/polars_merge.js DATA OUT   (nodejs-polars lazy API)
//   duckdb      node bench/combine/peers/duckdb_merge.js DATA OUT   (@duckdb/node-api, one SQL statement)
//   plain-node  node bench/combine/peers/plain_node.js DATA OUT     (readFileSync + split + Map)
//   pandas      /usr/bin/python3 bench/combine/peers/pandas_merge.py DATA OUT   (Debian python3-pandas)
// Every output is compared with pandas's (the reference; without a valid pandas run, the first valid
// peer's): byte for byte, else row by row with order_count / total_amount compared as numbers (DuckDB
// writes 3072.0 for 3072.00): "identical", "same values" or MISMATCH with the first differing line.
//
// Fuzzy task: each crm record matched by name to the customers of its city, token-set ratio ≥ 90, the
// best match kept. Targets:
//   fuzzy-ours         node bin/trebuchet.js integrate bench/combine/fuzzy.yaml --out OUT   (all 100k)
//   fuzzy-ours-sample  the same with --fuzzy-limit N (the first N crm records; an option ours must have)
//   fuzzy-ours-email   node bin/trebuchet.js integrate bench/combine/fuzzy-email.yaml --out OUT   (all 100k:
//                      records left unmatched in their city tried again among the customers with the
//                      same e-mail address — a second blocking pass, reported beside the task's own)
//   fuzzball           node bench/combine/peers/fuzzball_match.js DATA OUT --limit N   (fuzzball's
//                      token_set_ratio, defaults; ~2 ms a record, so only the first N = --fuzzy-sample
//                      records, its time extrapolated to all: load_s + match_s × records ÷ N)
// Ground truth: a crm record whose customer_id is a customer's is a true match to that customer (the
// generator keeps the id); precision = correct output pairs ÷ output pairs, recall = crm records matched
// to their customer ÷ crm records with a customer (those processed). ~5 % of crm records have another
// city than their customer, so blocking by city caps recall (the cap is printed).
//
// A target that exits non-zero, is killed or times out is FAILED (with its stderr tail), one whose output
// is missing or malformed is INVALID; the run goes on (ours may not exist yet). --ours-cli FILE runs FILE
// with node instead of bin/trebuchet.js (same arguments): to test the runner with a stand-in.
//
// Measurement (bench/lib/measure.js): wall time from spawn to exit (the whole process), CPU time =
// user + system from /usr/bin/time, peak RSS = max(/usr/bin/time %M, summed RSS of the process tree
// polled every --poll-ms ms); MB are 10^6 bytes. Each peer, after its task, reads its CSV back to print
// one JSON line (rows, sha256; ./peers/checksum.js) and reports that read-back's time (checksum_s,
// ≈ 0.1 s here): it is subtracted from the peer's wall and CPU time (raw figures in the JSON). Rounds
// are interleaved (every target once per round, in list order; peers only in their first --peer-rounds
// rounds, fuzzball in its first --fuzzy-peer-rounds) and medians are reported; "ours ÷ this" is this
// target's wall ÷ ours's wall (how many times faster ours is).
//
// Plain CommonJS: no npm script needed (`npm run bench -- combine` runs it), no TypeScript, no build.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const {
  TIME, MB, measureProcess, requireApt: requireAptAs, sha256File, describeMachine, packageVersion, pythonVersions,
  median, fmt, ratioFmt, table, showArgv: showArgvFrom, problemLines, loadWarning, lastJsonLine,
  walkArgs,
  selectTargets,
} = require('../lib/measure');

const TAG = 'bench combine';
const ROOT = path.resolve(__dirname, '..', '..');
const DATA = path.join(__dirname, 'data');
const OUT_DIR = path.join(DATA, 'out');
const SUMS = path.join(DATA, 'SHA256SUMS');
const RESULTS = path.join(__dirname, 'results', 'latest.json');
const GEN = path.join(__dirname, 'gen_data.py');
const PEERS = path.join(__dirname, 'peers');
const MERGE_YAML = path.join(__dirname, 'merge.yaml');
const FUZZY_YAML = path.join(__dirname, 'fuzzy.yaml');
const FUZZY_EMAIL_YAML = path.join(__dirname, 'fuzzy-email.yaml');
const CLI = path.join(ROOT, 'bin', 'trebuchet.js');
const PYTHON = process.env.BENCH_PYTHON || '/usr/bin/python3';
const APT_PYTHON = ['python3-pandas'];
const APT_TIME = ['time'];
const FILES = ['customers.csv', 'orders.csv', 'crm.csv'];
/**
 * sha256 of gen_data.py's output, measured with Debian 12's Python 3.11.2 on this project's image
 * (2026-11-27); Python's `random` with a fixed seed gives the same stream across 3.x releases.
 */
const REFERENCE_SHA256 = {
  'customers.csv': '53bea4df358a39ef6e14728c28235ff4f209f2bc231c8d0925c706f32f3b3343',
  'orders.csv': 'aebf22555a5cece8b21f18a191f01c688ed42a753db41653c1e79ad0506ac212',
  'crm.csv': '722da0d5386ff02f49c27610ad4570c4fd795e0f340c87e38c4c9c760ccb70eb',
};
const OUTPUT_HEADER = 'customer_id,name,email,city,phone,order_count,total_amount,updated_at';
const NUMERIC_COLUMNS = ['order_count', 'total_amount'];
const GOALS = {
  exact: { maxRatioPolars: 1.0, maxRatioDuckdb: 1.0, timesPandas: 4, peakRssMb: 400 },
  fuzzy: { timesFuzzball: 20, precision: 0.95, recall: 0.95 },
};
/** The issue's reference figures on this machine (the shared bench/README), for information. */
const REFERENCE_FIGURES = { polars: 1.0, duckdb: 1.2, 'plain-node': 2.1, pandas: 4.3, fuzzballRecordsPerS: 480, fuzzballWallS: 208 };

/**
 * The targets, in run order. `task` is exact or fuzzy; `command(ctx)` gives argv; `peer` marks a peer
 * (its rounds are --peer-rounds / --fuzzy-peer-rounds); `sample` marks a fuzzy target run on the first
 * --fuzzy-sample crm records.
 */
const oursCli = (ctx) => [process.execPath, ctx.opts.oursCli || CLI];
const TARGETS = [
  {
    id: 'ours', task: 'exact', ours: true, name: 'trebuchet integrate',
    command: (ctx, out) => [...oursCli(ctx), 'integrate', MERGE_YAML, '--out', out],
  },
  {
    id: 'polars', task: 'exact', peer: true, name: `nodejs-polars ${ctxVersion('nodejs-polars')} (lazy)`,
    command: (ctx, out) => [process.execPath, path.join(PEERS, 'polars_merge.js'), DATA, out],
  },
  {
    id: 'duckdb', task: 'exact', peer: true, name: `DuckDB (@duckdb/node-api ${ctxVersion('@duckdb/node-api')})`,
    command: (ctx, out) => [process.execPath, path.join(PEERS, 'duckdb_merge.js'), DATA, out],
  },
  {
    id: 'plain-node', task: 'exact', peer: true, name: 'plain Node (split + Map)',
    command: (ctx, out) => [process.execPath, path.join(PEERS, 'plain_node.js'), DATA, out],
  },
  {
    id: 'pandas', task: 'exact', peer: true, python: true, name: 'pandas (Debian python3-pandas)',
    command: (ctx, out) => [PYTHON, path.join(PEERS, 'pandas_merge.py'), DATA, out],
  },
  {
    id: 'fuzzy-ours', task: 'fuzzy', ours: true, name: 'trebuchet integrate (fuzzy)',
    command: (ctx, out) => [...oursCli(ctx), 'integrate', FUZZY_YAML, '--out', out],
  },
  {
    id: 'fuzzy-ours-sample', task: 'fuzzy', sample: true, name: 'trebuchet integrate (fuzzy, sample)',
    command: (ctx, out) => [...oursCli(ctx), 'integrate', FUZZY_YAML, '--out', out, '--fuzzy-limit', String(ctx.opts.fuzzySample)],
  },
  {
    id: 'fuzzy-ours-email', task: 'fuzzy', oursVariant: true, name: 'trebuchet integrate (fuzzy, city then e-mail)',
    command: (ctx, out) => [...oursCli(ctx), 'integrate', FUZZY_EMAIL_YAML, '--out', out],
  },
  {
    id: 'fuzzball', task: 'fuzzy', peer: true, sample: true, extrapolated: true, name: `fuzzball ${ctxVersion('fuzzball')} token_set_ratio`,
    command: (ctx, out) => [process.execPath, path.join(PEERS, 'fuzzball_match.js'), DATA, out, '--limit', String(ctx.opts.fuzzySample)],
  },
];

function ctxVersion(pkg) {
  return packageVersion(ROOT, pkg);
}

// ---------------------------------------------------------------------------------------------
// options

function usage(code) {
  const lines = fs.readFileSync(__filename, 'utf8').split('\n');
  const text = lines.slice(1, lines.findIndex((l, i) => i > 0 && !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n');
  (code ? console.error : console.log)(`${text}\n\ntargets: ${TARGETS.map((t) => t.id).join(', ')}`);
  process.exit(code);
}

function parseArgs(argv) {
  const o = { rounds: 3, peerRounds: 3, fuzzyPeerRounds: 1, only: null, fuzzySample: 2000, skipFuzzy: false,
    oursCli: null, json: RESULTS, timeout: 900, pollMs: 100, installDeps: false, list: false };
  walkArgs(argv, TAG, (a, val, num) => {
    switch (a) {
      case '--rounds': o.rounds = num(a, val(), 1); break;
      case '--peer-rounds': o.peerRounds = num(a, val(), 1); break;
      case '--fuzzy-peer-rounds': o.fuzzyPeerRounds = num(a, val(), 1); break;
      case '--fuzzy-sample': o.fuzzySample = num(a, val(), 1); break;
      case '--skip-fuzzy': o.skipFuzzy = true; break;
      case '--ours-cli': o.oursCli = path.resolve(val()); break;
      default: return false;
    }
  }, { opts: o, usage });
  return o;
}

function requireApt(pkgs, why, opts, fatal = true) {
  return requireAptAs(TAG, pkgs, why, opts, fatal);
}

// ---------------------------------------------------------------------------------------------
// data

/** Generates (first use) or checks the three CSV files; returns their description. */
function ensureData() {
  const paths = Object.fromEntries(FILES.map((f) => [f, path.join(DATA, f)]));
  let recorded = null;
  if (fs.existsSync(SUMS) && FILES.every((f) => fs.existsSync(paths[f]))) {
    recorded = Object.fromEntries(fs.readFileSync(SUMS, 'utf8').trim().split('\n').map((l) => l.split(/\s+/).reverse()));
  }
  let sha = null;
  let generated = false;
  if (recorded) {
    process.stderr.write(`${TAG}: checking ${path.relative(ROOT, DATA)}/{${FILES.join(',')}} (sha256) ... `);
    sha = Object.fromEntries(FILES.map((f) => [f, sha256File(paths[f])]));
    const changed = FILES.filter((f) => sha[f] !== recorded[f]);
    if (changed.length === 0) {
      process.stderr.write('as generated\n');
    } else {
      process.stderr.write(`CHANGED since generation (${changed.join(', ')}): generating them again\n`);
      sha = null;
    }
  }
  if (sha === null) {
    const partial = path.join(DATA, '.partial');
    fs.rmSync(partial, { recursive: true, force: true });
    fs.mkdirSync(partial, { recursive: true });
    const t0 = Date.now();
    console.error(`${TAG}: generating ${path.relative(ROOT, DATA)}/ with ${path.relative(ROOT, GEN)} (${PYTHON}; about 10 s) ...`);
    const r = spawnSync(PYTHON, [GEN, partial], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) {
      fs.rmSync(partial, { recursive: true, force: true });
      console.error(`${TAG}: data generation failed (${r.error ? r.error.message : r.signal || `exit code ${r.status}`})`);
      process.exit(2);
    }
    sha = {};
    for (const f of FILES) {
      sha[f] = sha256File(path.join(partial, f));
      fs.renameSync(path.join(partial, f), paths[f]);
    }
    fs.rmSync(partial, { recursive: true, force: true });
    fs.writeFileSync(SUMS, FILES.map((f) => `${sha[f]}  ${f}\n`).join(''));
    generated = true;
    console.error(`${TAG}: generated in ${((Date.now() - t0) / 1000).toFixed(1)} s (sha256 kept in ${path.relative(ROOT, SUMS)})`);
  }
  const files = FILES.map((f) => ({
    file: f, bytes: fs.statSync(paths[f]).size, rows: countLines(paths[f]) - 1, sha256: sha[f],
    reference: REFERENCE_SHA256[f], matchesReference: sha[f] === REFERENCE_SHA256[f],
  }));
  return { dir: DATA, files, generated, matchesReference: files.every((f) => f.matchesReference) };
}

function countLines(file) {
  const buf = fs.readFileSync(file);
  let n = 0;
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

/** One CSV line's fields (double-quoted fields allowed, "" inside them). */
function splitCsv(line) {
  if (!line.includes('"')) return line.split(',');
  const out = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (q) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') q = false; else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** A CSV file's lines without the final empty one (a trailing '\r' removed). */
function readLines(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/**
 * The fuzzy task's ground truth: crm records in file order (id, city, whether a customer has that id,
 * and whether that customer's city is the same, i.e. whether blocking by city can find it).
 */
function groundTruth() {
  const cust = readLines(path.join(DATA, 'customers.csv'));
  const ch = splitCsv(cust[0]);
  const [cid, ccity] = [ch.indexOf('customer_id'), ch.indexOf('city')];
  const cityOf = new Map();
  for (let i = 1; i < cust.length; i++) {
    const r = splitCsv(cust[i]);
    cityOf.set(r[cid], r[ccity]);
  }
  const crm = readLines(path.join(DATA, 'crm.csv'));
  const h = splitCsv(crm[0]);
  const [id, city] = [h.indexOf('customer_id'), h.indexOf('city')];
  const records = [];
  for (let i = 1; i < crm.length; i++) {
    const r = splitCsv(crm[i]);
    const c = cityOf.get(r[id]);
    records.push({ id: r[id], isCustomer: c !== undefined, sameCity: c !== undefined && c === r[city] });
  }
  return { records, customers: cityOf.size };
}

/** Ground-truth counts over the first `n` crm records. */
function truthFor(truth, n) {
  const recs = truth.records.slice(0, n);
  const ids = new Set(recs.map((r) => r.id));
  const trueIds = new Set(recs.filter((r) => r.isCustomer).map((r) => r.id));
  const blockable = recs.filter((r) => r.sameCity).length;
  return { n: recs.length, ids, trueIds, blockable, recallCap: trueIds.size ? blockable / trueIds.size : null };
}

// ---------------------------------------------------------------------------------------------
// output checks

/**
 * Compares a target's exact-task CSV with the reference one: byte for byte (sha256), else line by
 * line with the numeric columns compared as numbers. → { verdict: identical | same values | MISMATCH, … }
 */
function compareExact(file, refFile, refSha, sha) {
  if (sha === refSha) return { verdict: 'identical', differing_lines: 0 };
  const a = readLines(file);
  const b = readLines(refFile);
  const header = splitCsv(b[0]);
  const numeric = new Set(NUMERIC_COLUMNS.map((c) => header.indexOf(c)).filter((i) => i >= 0));
  let formatOnly = 0;
  let differing = 0;
  let first = null;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) continue;
    let same = a[i] !== undefined && b[i] !== undefined;
    if (same) {
      const fa = splitCsv(a[i]);
      const fb = splitCsv(b[i]);
      same = fa.length === fb.length && fa.every((x, j) => x === fb[j]
        || (numeric.has(j) && x !== '' && fb[j] !== '' && Number(x) === Number(fb[j])));
    }
    if (same) { formatOnly++; continue; }
    differing++;
    if (!first) first = { line: i + 1, this: a[i] ?? '(no line)', reference: b[i] ?? '(no line)' };
  }
  if (differing === 0) return { verdict: 'same values', differing_lines: 0, format_only_lines: formatOnly };
  return { verdict: 'MISMATCH', differing_lines: differing, format_only_lines: formatOnly, lines: a.length, reference_lines: b.length, first };
}

/**
 * Reads a fuzzy output: pairs (crm id, matched customer id, score) from the columns customer_id,
 * customers.customer_id and _score (else the first, second and last columns), and scores them.
 */
function scoreFuzzy(file, tr) {
  const lines = readLines(file);
  if (lines.length === 0) return { problems: ['empty output'] };
  const h = splitCsv(lines[0]);
  const problems = [];
  let [ci, mi, si] = [h.indexOf('customer_id'), h.indexOf('customers.customer_id'), h.indexOf('_score')];
  if (ci < 0 || mi < 0) {
    problems.push(`header "${lines[0].slice(0, 80)}" lacks customer_id / customers.customer_id: read as columns 1, 2 and the last`);
    [ci, mi, si] = [0, 1, h.length - 1];
  }
  const pairs = new Map(); // "crm|cust" → score
  const best = new Map(); // crm id → { id, score } (first of the highest)
  let outside = 0;
  for (let i = 1; i < lines.length; i++) {
    const r = splitCsv(lines[i]);
    const crm = r[ci];
    const cust = r[mi];
    const score = si >= 0 ? Number(r[si]) : null;
    if (!tr.ids.has(crm)) { outside++; continue; }
    pairs.set(`${crm}|${cust}`, score);
    const b = best.get(crm);
    if (!b || (score !== null && score > b.score)) best.set(crm, { id: cust, score });
  }
  if (outside) problems.push(`${outside} row(s) with a crm customer_id not among the ${fmt(tr.n)} crm records processed`);
  let correctPairs = 0;
  for (const k of pairs.keys()) {
    const [crm, cust] = k.split('|');
    if (crm === cust) correctPairs++;
  }
  let found = 0;
  for (const id of tr.trueIds) if (pairs.has(`${id}|${id}`)) found++;
  const perCrm = new Map();
  for (const k of pairs.keys()) { const c = k.split('|')[0]; perCrm.set(c, (perCrm.get(c) || 0) + 1); }
  const scores = [...pairs.values()].filter((s) => s !== null);
  return {
    problems, rows: lines.length - 1, pairs: pairs.size, matched_records: perCrm.size,
    records_with_several_matches: [...perCrm.values()].filter((x) => x > 1).length,
    correct_pairs: correctPairs, true_records: tr.trueIds.size, found,
    precision: pairs.size ? correctPairs / pairs.size : null,
    recall: tr.trueIds.size ? found / tr.trueIds.size : null,
    recall_within_block: tr.blockable ? found / tr.blockable : null,
    min_score: scores.length ? Math.min(...scores) : null,
    best,
  };
}

/** Of the sample's crm records, the share where two outputs' best matches agree (both none counts). */
function agreement(a, b, tr) {
  let same = 0;
  for (const id of tr.ids) if ((a.get(id)?.id ?? null) === (b.get(id)?.id ?? null)) same++;
  return tr.n ? same / tr.n : null;
}

// ---------------------------------------------------------------------------------------------
// running

/** Runs a target once: measurement, the peer's JSON line, the output's rows and sha256. */
async function runOnce(target, ctx) {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const out = path.join(OUT_DIR, `${target.id}.csv`);
  const stdoutFile = path.join(OUT_DIR, `${target.id}.stdout`);
  fs.rmSync(out, { force: true });
  const m = await measureProcess({
    argv: target.command(ctx, out), cwd: ROOT, env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
    stdoutFile, timeFile: path.join(OUT_DIR, `${target.id}.time`), pollMs: ctx.opts.pollMs, timeout: ctx.opts.timeout,
  });
  const run = { ...m, output: out, problems: undefined };
  const stdout = fs.existsSync(stdoutFile) ? fs.readFileSync(stdoutFile, 'utf8') : '';
  run.stdout_tail = stdout.split('\n').filter((l) => l.trim()).slice(-3).join('\n');
  run.report = lastJsonLine(stdout);
  // the peer's read-back of its own output, after its task: not part of the task
  const cs = target.peer && typeof run.report?.checksum_s === 'number' ? run.report.checksum_s : 0;
  run.checksum_s = cs;
  run.task_wall_s = +(run.wall_s - cs).toFixed(3);
  run.task_cpu_s = run.cpu_s === null ? null : +Math.max(0, run.cpu_s - cs).toFixed(2);
  if (run.status !== 'ok') return run;
  const problems = [];
  if (!fs.existsSync(out) || fs.statSync(out).size === 0) {
    problems.push(`no output at ${path.relative(ROOT, out)}`);
  } else {
    run.sha256 = sha256File(out);
    run.rows = countLines(out) - 1;
    if (target.peer && run.report) {
      if (run.report.rows !== run.rows) problems.push(`its JSON line says ${run.report.rows} rows, the file has ${run.rows}`);
      if (run.report.sha256 !== run.sha256) problems.push('its JSON line\'s sha256 is not the file\'s');
    } else if (target.peer) {
      problems.push('no JSON line on stdout');
    }
    if (target.task === 'exact') {
      const header = fs.readFileSync(out, 'utf8').slice(0, 200).split('\n')[0].replace(/\r$/, '');
      if (header !== OUTPUT_HEADER) problems.push(`header "${header}", expected "${OUTPUT_HEADER}"`);
      if (run.rows !== ctx.customers) problems.push(`${fmt(run.rows)} rows, expected ${fmt(ctx.customers)} (one per customer)`);
    } else {
      const tr = target.sample ? ctx.sampleTruth : ctx.fullTruth;
      const s = scoreFuzzy(out, tr);
      if (s.problems.length && s.rows === undefined) problems.push(...s.problems);
      else {
        run.fuzzy = s;
        run.records = tr.n;
        if (s.problems.some((p) => p.includes('not among'))) problems.push(...s.problems.filter((p) => p.includes('not among')));
      }
      if (target.extrapolated) {
        const rep = run.report || {};
        if (rep.records !== tr.n) problems.push(`its JSON line says ${rep.records} records, expected ${tr.n}`);
        if (typeof rep.match_s === 'number') {
          run.extrapolation = { measured_records: tr.n, to_records: ctx.fullTruth.n, match_s: rep.match_s, load_s: rep.load_s };
          const k = ctx.fullTruth.n / tr.n;
          run.extrapolated_wall_s = +(run.task_wall_s + rep.match_s * (k - 1)).toFixed(2);
          // CPU time scaled like the wall time (the peer is single-threaded; its CPU share was that of the sample)
          run.extrapolated_cpu_s = run.task_cpu_s === null || !run.task_wall_s ? null
            : +(run.task_cpu_s * (run.extrapolated_wall_s / run.task_wall_s)).toFixed(2);
        } else {
          problems.push('no match_s in its JSON line: cannot extrapolate');
        }
      }
    }
  }
  if (problems.length) {
    run.status = 'INVALID';
    run.reason = `${problems.length} problem(s) in the output`;
    run.problems = problems;
  }
  return run;
}

// ---------------------------------------------------------------------------------------------
// report

function summarise(target, runs) {
  const ok = runs.filter((r) => r.status === 'ok');
  const statuses = [...new Set(runs.map((r) => r.status))];
  const wall = median(ok.map((r) => r.task_wall_s));
  const cpu = median(ok.filter((r) => r.task_cpu_s !== null).map((r) => r.task_cpu_s));
  const last = [...ok].reverse()[0];
  const shas = [...new Set(ok.map((r) => r.sha256))];
  return {
    id: target.id, task: target.task, name: target.name, ours: !!target.ours, oursVariant: !!target.oursVariant, peer: !!target.peer, sample: !!target.sample,
    status: ok.length === runs.length ? 'ok' : ok.length ? `ok ${ok.length}/${runs.length}` : statuses.join('/'),
    valid_rounds: ok.length,
    wall_s: wall,
    cpu_s: cpu,
    cpu_pct: wall && cpu !== null ? (100 * cpu) / wall : null,
    peak_rss_mb: median(ok.map((r) => r.peak_rss_mb)),
    max_threads: ok.length ? Math.max(...ok.map((r) => r.max_threads)) : null,
    checksum_s: median(ok.map((r) => r.checksum_s)),
    rows: last?.rows ?? null,
    sha256: last?.sha256 ?? null,
    output_stable: shas.length <= 1,
    walls: runs.map((r) => (r.status === 'ok' ? r.task_wall_s : r.status)),
    records: last?.records ?? null,
    extrapolated_wall_s: target.extrapolated ? median(ok.map((r) => r.extrapolated_wall_s).filter((x) => typeof x === 'number')) : null,
    extrapolated_cpu_s: target.extrapolated ? median(ok.map((r) => r.extrapolated_cpu_s).filter((x) => typeof x === 'number')) : null,
    fuzzy: last?.fuzzy ? { ...last.fuzzy, best: undefined } : null,
    _best: last?.fuzzy?.best ?? null,
    _output: last?.output ?? null,
  };
}

const mark = (ok) => (ok ? 'met' : 'NOT met');
const pct = (x) => (x === null || x === undefined ? '—' : fmt(x, 4));

function reportExact(ctx, sums, out) {
  const ex = sums.filter((s) => s.task === 'exact');
  if (!ex.length) return {};
  const ours = ex.find((s) => s.ours);
  // reference output: pandas's, else the first valid peer's
  const ref = ex.find((s) => s.id === 'pandas' && s.sha256) || ex.find((s) => s.peer && s.sha256);
  for (const s of ex) {
    if (!s.sha256) { s.output = null; continue; }
    s.output = ref ? compareExact(s._output, ref._output, ref.sha256, s.sha256) : null;
    s.times_ours = !s.ours && ours?.wall_s && s.wall_s ? s.wall_s / ours.wall_s : null;
  }
  const outCell = (s) => {
    if (!s.output) return s.sha256 ? 'no reference' : '—';
    const o = s.output;
    const v = o.verdict === 'identical' ? 'identical'
      : o.verdict === 'same values' ? `same values (${fmt(o.format_only_lines)} lines differ in number format)`
        : `MISMATCH (${fmt(o.differing_lines)} lines)`;
    return v + (s.output_stable ? '' : '; output changed between rounds');
  };
  out.push(`\n## Exact task: 500,000 records from 3 CSV sources → ${fmt(ctx.customers)} rows, whole process (CSV → CSV)\n`);
  out.push(table(
    ['target', 'status', 'wall s', 'CPU s', 'CPU %', 'peak RSS MB', 'rows', `output identical to ${ref ? ref.id : '—'}'s?`, 'ours ÷ this (this wall / ours wall)', 'wall s per round'],
    ex.map((s) => [
      s.ours ? `**${s.name}**` : s.name, s.status, fmt(s.wall_s, 2), fmt(s.cpu_s, 2), fmt(s.cpu_pct, 0), fmt(s.peak_rss_mb),
      fmt(s.rows), outCell(s), s.ours ? '—' : ratioFmt(s.times_ours ?? null),
      s.walls.map((w) => (typeof w === 'number' ? fmt(w, 2) : w)).join(' / '),
    ]),
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'l'],
  ));
  out.push('\nwall / CPU s of the peers exclude the read-back of their output for their JSON line (checksum_s, '
    + `median ${ex.filter((s) => s.peer && s.checksum_s).map((s) => `${s.id} ${fmt(s.checksum_s, 2)}`).join(', ') || '—'} s).`);
  const mism = ex.filter((s) => s.output?.verdict === 'MISMATCH');
  for (const s of mism) {
    const f = s.output.first;
    out.push(`\n${s.name}: output differs from ${ref.id}'s in ${fmt(s.output.differing_lines)} lines (${fmt(s.output.lines)} lines vs ${fmt(s.output.reference_lines)}); first at line ${f.line}:\n`
      + `    this:      ${f.this.slice(0, 200)}\n    reference: ${f.reference.slice(0, 200)}`);
  }

  const goals = {};
  if (ours) {
    const lines = [];
    const g = GOALS.exact;
    const by = (id) => ex.find((s) => s.id === id && s.wall_s);
    if (!ours.wall_s) {
      lines.push(`- ${ours.name}: no valid run, targets not measured`);
    } else {
      const valid = ours.output && ours.output.verdict !== 'MISMATCH';
      if (!valid) lines.push(`- output ${ours.output ? 'differs from' : 'not compared with'} the reference: the targets below cannot be met`);
      for (const [id, key, limit] of [['polars', 'ratioPolars', g.maxRatioPolars], ['duckdb', 'ratioDuckdb', g.maxRatioDuckdb]]) {
        const p = by(id);
        if (!p) { lines.push(`- ours wall ÷ ${id} wall ≤ ${limit}: ${id} not run or not valid, not measured`); continue; }
        const r = ours.wall_s / p.wall_s;
        goals[key] = { goal: `≤ ${limit}`, value: +r.toFixed(3), met: valid && r <= limit };
        lines.push(`- ours wall ÷ ${p.name} wall ≤ ${limit}: ${fmt(ours.wall_s, 2)} ÷ ${fmt(p.wall_s, 2)} s = ${fmt(r, 2)} — ${mark(goals[key].met)}`);
      }
      const pd = by('pandas');
      if (pd) {
        goals.timesPandas = { goal: `≥ ${g.timesPandas}×`, value: +pd.times_ours.toFixed(2), met: valid && pd.times_ours >= g.timesPandas };
        lines.push(`- ≥ ${g.timesPandas}× faster than pandas (${fmt(pd.wall_s, 2)} s): ${ratioFmt(pd.times_ours)} — ${mark(goals.timesPandas.met)}`);
      } else {
        lines.push(`- ≥ ${g.timesPandas}× faster than pandas: pandas not run or not valid, not measured`);
      }
      goals.peakRss = { goal: `< ${g.peakRssMb} MB`, value: ours.peak_rss_mb, met: ours.peak_rss_mb < g.peakRssMb };
      lines.push(`- peak RSS < ${g.peakRssMb} MB: ${fmt(ours.peak_rss_mb)} MB — ${mark(goals.peakRss.met)}`);
      goals.output = { goal: `the same rows as ${ref?.id ?? 'the reference'}`, value: ours.output?.verdict ?? null, met: !!valid };
    }
    out.push(`\nTargets, exact task (${ours.name}):\n${lines.join('\n')}`);
  }
  return goals;
}

function reportFuzzy(ctx, sums, out) {
  const fz = sums.filter((s) => s.task === 'fuzzy');
  if (!fz.length) return { goals: {}, agreement: null };
  const full = ctx.fullTruth.n;
  const ours = fz.find((s) => s.ours);
  const oursSample = fz.find((s) => s.id === 'fuzzy-ours-sample');
  for (const s of fz) {
    s.wall_full_s = s.extrapolated_wall_s ?? (s.sample ? null : s.wall_s);
    s.records_per_s = s.extrapolated_wall_s ? full / s.extrapolated_wall_s : s.wall_s && s.records ? s.records / s.wall_s : null;
    s.measured_records_per_s = s.wall_s && s.records ? s.records / s.wall_s : null;
    if (s.ours || s.oursVariant) continue;
    // ours on all records against this extrapolated to all; ours on the sample against this on the sample
    s.times_ours = s.wall_full_s && ours?.wall_s ? s.wall_full_s / ours.wall_s : null;
    s.times_ours_same_sample = s.sample && s.wall_s && oursSample?.wall_s && s.id !== oursSample.id ? s.wall_s / oursSample.wall_s : null;
  }
  const tr = (s) => (s.sample ? ctx.sampleTruth : ctx.fullTruth);
  out.push(`\n## Fuzzy task: ${fmt(full)} crm names matched to ${fmt(ctx.customers)} customers blocked by city, token-set ratio ≥ 90, whole process\n`);
  out.push(table(
    ['target', 'status', 'records', 'wall s', 'records/s', 'precision', 'recall', 'recall within city block', 'ours ÷ this (on all records)',
      'ours ÷ this (same sample)', 'CPU s', 'peak RSS MB', 'matched / pairs', 'wall s per round'],
    fz.map((s) => [
      s.ours ? `**${s.name}**` : s.name, s.status, fmt(s.records ?? tr(s).n),
      s.extrapolated_wall_s ? `${fmt(s.extrapolated_wall_s, 1)} (extrapolated; ${fmt(s.wall_s, 2)} measured)` : fmt(s.wall_s, 2),
      s.extrapolated_wall_s ? `${fmt(s.records_per_s, 0)} (extrapolated; ${fmt(s.measured_records_per_s, 0)} measured)` : fmt(s.records_per_s, 0),
      pct(s.fuzzy?.precision), pct(s.fuzzy?.recall), s.oursVariant ? '— (not city-blocked only)' : pct(s.fuzzy?.recall_within_block),
      s.ours || s.oursVariant ? '—' : ratioFmt(s.times_ours ?? null), s.ours || s.oursVariant || s.id === 'fuzzy-ours-sample' ? '—' : ratioFmt(s.times_ours_same_sample ?? null),
      fmt(s.extrapolated_cpu_s ?? s.cpu_s, 1), fmt(s.peak_rss_mb),
      s.fuzzy ? `${fmt(s.fuzzy.matched_records)} / ${fmt(s.fuzzy.pairs)}` : '—',
      s.walls.map((w) => (typeof w === 'number' ? fmt(w, 2) : w)).join(' / '),
    ]),
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
  ));
  const cap = (t) => `${fmt(t.blockable)} of ${fmt(t.trueIds.size)} true pairs share the city: recall ≤ ${pct(t.recallCap)}`;
  out.push(`\nGround truth: a crm record whose customer_id is a customer's matches that customer. All ${fmt(full)} records: ${cap(ctx.fullTruth)}; `
    + `the sample (first ${fmt(ctx.sampleTruth.n)}): ${cap(ctx.sampleTruth)}. Precision = correct pairs ÷ output pairs; recall within city block = `
    + 'found ÷ true pairs that share the city. Fuzzball runs on the sample; its time on all records = load_s + match_s × records ÷ sample.');
  for (const s of fz.filter((x) => x.fuzzy?.records_with_several_matches)) {
    out.push(`${s.name}: ${fmt(s.fuzzy.records_with_several_matches)} crm records have several matches (every pair counts for precision).`);
  }
  let agree = null;
  const fb = fz.find((s) => s.id === 'fuzzball');
  if (fb?._best && oursSample?._best) {
    agree = agreement(oursSample._best, fb._best, ctx.sampleTruth);
    out.push(`Ours (sample) and fuzzball agree on the best match (or on none) for ${pct(agree)} of the ${fmt(ctx.sampleTruth.n)} sample records.`);
  }

  const goals = {};
  if (ours) {
    const g = GOALS.fuzzy;
    const lines = [];
    if (!ours.wall_s) {
      lines.push(`- ${ours.name}: no valid run, targets not measured`);
    } else {
      if (fb?.wall_full_s) {
        goals.timesFuzzball = { goal: `≥ ${g.timesFuzzball}×`, value: +fb.times_ours.toFixed(2), met: fb.times_ours >= g.timesFuzzball };
        lines.push(`- ≥ ${g.timesFuzzball}× fuzzball (${fmt(fb.wall_full_s, 1)} s for all ${fmt(full)}, extrapolated): ${ratioFmt(fb.times_ours)} — ${mark(goals.timesFuzzball.met)}`);
      } else {
        lines.push(`- ≥ ${g.timesFuzzball}× fuzzball: fuzzball not run or not valid, not measured`);
      }
      const refRatio = REFERENCE_FIGURES.fuzzballWallS / ours.wall_s;
      lines.push(`  (for information, against the reference ${fmt(REFERENCE_FIGURES.fuzzballWallS)} s / ${fmt(REFERENCE_FIGURES.fuzzballRecordsPerS)} records/s for fuzzball: ${ratioFmt(refRatio)})`);
      for (const k of ['precision', 'recall']) {
        const v = ours.fuzzy?.[k] ?? null;
        goals[k] = { goal: `≥ ${g[k]}`, value: v, met: v !== null && v >= g[k] };
        lines.push(`- ${k} ≥ ${g[k]} on all ${fmt(full)}: ${pct(v)} — ${mark(goals[k].met)}`
          + (k === 'recall' ? ` (blocking by city caps it at ${pct(ctx.fullTruth.recallCap)}; within the city block: ${pct(ours.fuzzy?.recall_within_block)})` : ''));
      }
    }
    out.push(`\nTargets, fuzzy task (${ours.name}):\n${lines.join('\n')}`);
  }
  // the same targets for the second blocking pass (city, then e-mail), in goals.email
  const em = fz.find((s) => s.oursVariant);
  if (em) {
    const g = GOALS.fuzzy;
    const lines = [];
    const e = (goals.email = {});
    if (!em.wall_s) {
      lines.push(`- ${em.name}: no valid run, targets not measured`);
    } else {
      if (fb?.wall_full_s) {
        const times = fb.wall_full_s / em.wall_s;
        e.timesFuzzball = { goal: `≥ ${g.timesFuzzball}×`, value: +times.toFixed(2), met: times >= g.timesFuzzball };
        lines.push(`- ≥ ${g.timesFuzzball}× fuzzball (${fmt(fb.wall_full_s, 1)} s ÷ ${fmt(em.wall_s, 2)} s): ${ratioFmt(times)} — ${mark(e.timesFuzzball.met)}`);
      } else {
        lines.push(`- ≥ ${g.timesFuzzball}× fuzzball: fuzzball not run or not valid, not measured`);
      }
      for (const k of ['precision', 'recall']) {
        const v = em.fuzzy?.[k] ?? null;
        e[k] = { goal: `≥ ${g[k]}`, value: v, met: v !== null && v >= g[k] };
        lines.push(`- ${k} ≥ ${g[k]} on all ${fmt(full)}: ${pct(v)} — ${mark(e[k].met)}`);
      }
    }
    out.push(`\nTargets, fuzzy task with a second blocking pass on the e-mail address (${em.name}):\n${lines.join('\n')}`);
  }
  return { goals, agreement: agree };
}

// ---------------------------------------------------------------------------------------------
// main

function showArgv(argv) {
  return showArgvFrom(argv, ROOT);
}

function machine() {
  const { date, cpu, cores, memGiB, kernel, node, commit, loadavg } = describeMachine(ROOT);
  const py = pythonVersions(PYTHON, ['pandas', 'numpy']);
  return {
    date, cpu, cores, memGiB, kernel, node,
    python: `${py.python} (${PYTHON})`, pandas: py.pandas ?? '-', numpy: py.numpy ?? '-',
    packages: Object.fromEntries(['nodejs-polars', 'nodejs-polars-linux-x64-gnu', '@duckdb/node-api', 'fuzzball'].map((n) => [n, packageVersion(ROOT, n)])),
    commit, loadavg,
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const targets = selectTargets(TARGETS, opts.only, TAG).filter((t) => !opts.skipFuzzy || t.task !== 'fuzzy');
  const listCtx = { opts };
  if (opts.list) {
    for (const t of TARGETS) {
      console.log(`${t.id.padEnd(18)} ${t.task.padEnd(5)} ${t.name}\n${' '.repeat(25)}${showArgv(t.command(listCtx, path.join(OUT_DIR, `${t.id}.csv`)))}`);
    }
    return;
  }
  if (!targets.length) { console.error(`${TAG}: no target selected`); process.exit(2); }
  if (targets.some((t) => t.python)) requireApt(APT_PYTHON, 'the pandas peer', opts, false);
  if (!fs.existsSync(TIME) && !requireApt(APT_TIME, 'CPU time and exact peak RSS', opts, false)) {
    console.error(`${TAG}: ${TIME} not found; peak RSS from /proc polling only, no CPU time`);
  }
  if (!fs.existsSync(PYTHON)) { console.error(`${TAG}: ${PYTHON} not found: it generates the data (BENCH_PYTHON overrides it)`); process.exit(2); }

  const data = ensureData();
  const customers = data.files.find((f) => f.file === 'customers.csv').rows;
  const ctx = { opts, data, customers };
  if (targets.some((t) => t.task === 'fuzzy')) {
    const truth = groundTruth();
    ctx.fullTruth = truthFor(truth, truth.records.length);
    ctx.sampleTruth = truthFor(truth, Math.min(opts.fuzzySample, truth.records.length));
  }
  const m = machine();
  const rel = (f) => path.relative(ROOT, f);

  console.log(`# bench combine — ${m.date}`);
  console.log(`machine: ${m.cpu}, ${m.cores} cores, ${m.memGiB} GiB, ${m.kernel}`);
  console.log(`runtime: Node ${m.node}, Python ${m.python}, pandas ${m.pandas}, numpy ${m.numpy}`);
  console.log(`peers:   ${Object.entries(m.packages).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`code:    ${m.commit || 'unknown commit'}; load average ${m.loadavg.join(' ')}`);
  for (const f of data.files) {
    console.log(`data:    ${rel(DATA)}/${f.file}: ${fmt(f.rows)} rows, ${fmt(f.bytes / MB, 2)} MB, sha256 ${f.sha256}`
      + ` (${f.matchesReference ? 'the reference file' : 'DIFFERS from the reference file (another Python?): compare only within this run'})`);
  }
  const peerRounds = (t) => (t.ours || !t.peer ? opts.rounds : t.task === 'fuzzy' ? opts.fuzzyPeerRounds : opts.peerRounds);
  console.log(`rounds:  ours ${opts.rounds}, exact-task peers ${opts.peerRounds}, fuzzball ${opts.fuzzyPeerRounds} (interleaved, medians); `
    + `fuzzy sample: the first ${fmt(opts.fuzzySample)} crm records; `
    + `peak RSS = max(/usr/bin/time %M, Σ RSS of the process tree polled every ${opts.pollMs} ms)`);
  console.log('commands (run from the repository root, DOTENV_CONFIG_QUIET=true):');
  for (const t of targets) console.log(`  ${t.id.padEnd(18)} ${showArgv(t.command(ctx, path.join(OUT_DIR, `${t.id}.csv`)))}`);

  const results = targets.map((target) => ({ target, rounds: peerRounds(target), runs: [] }));
  const total = Math.max(...results.map((r) => r.rounds));
  for (let round = 1; round <= total; round++) {
    for (const res of results) {
      if (round > res.rounds) continue;
      process.stderr.write(`[round ${round}/${total}] ${res.target.id} ... `);
      const run = await runOnce(res.target, ctx);
      res.runs.push(run);
      const ext = run.extrapolated_wall_s ? ` (on ${fmt(run.records)} records; → ${fmt(run.extrapolated_wall_s, 1)} s for all)` : '';
      process.stderr.write(`${run.status}${run.reason ? ` (${run.reason})` : ''}, ${run.task_wall_s.toFixed(2)} s${ext}, `
        + `${fmt(run.peak_rss_mb)} MB, CPU ${run.task_cpu_s ?? '—'} s, load ${run.load_before}\n`);
    }
  }

  const sums = results.map(({ target, runs }) => summarise(target, runs));
  const out = [];
  const exactGoals = reportExact(ctx, sums, out);
  const { goals: fuzzyGoals, agreement: agree } = reportFuzzy(ctx, sums, out);
  const problems = problemLines(results);
  if (problems.length) out.push(`\nProblems:\n${problems.join('\n')}`);
  const warn = loadWarning(results.flatMap((r) => r.runs.map((x) => x.load_before)));
  if (warn) out.push(`\n${warn}`);
  console.log(out.join('\n'));
  console.log(`\nmachine: ${m.cpu}, ${m.cores} cores; Node ${m.node}; Python ${m.python}, pandas ${m.pandas}; `
    + `${Object.entries(m.packages).map(([k, v]) => `${k} ${v}`).join(', ')}; load average before the runs `
    + `${fmt(Math.min(...results.flatMap((r) => r.runs.map((x) => x.load_before))), 2)}–${fmt(Math.max(...results.flatMap((r) => r.runs.map((x) => x.load_before))), 2)}; ${m.date}`);

  fs.mkdirSync(path.dirname(opts.json), { recursive: true });
  const truthJson = (t) => t && { records: t.n, true_pairs: t.trueIds.size, same_city: t.blockable, recall_cap: t.recallCap };
  const raw = {
    machine: m,
    options: { ...opts, json: undefined },
    data: { ...data, dir: rel(data.dir) },
    ground_truth: ctx.fullTruth ? { all: truthJson(ctx.fullTruth), sample: truthJson(ctx.sampleTruth) } : null,
    method: {
      wall: 'process.hrtime from spawn to exit of the target (via /usr/bin/time); peers: minus checksum_s, their read-back of their output',
      cpu: 'user + system from /usr/bin/time (children included); peers: minus checksum_s',
      peak_rss: `max(/usr/bin/time %M, max over samples of the summed RSS of the target's process tree, /proc polled every ${opts.pollMs} ms)`,
      exact_output: 'compared with pandas\'s: sha256, else line by line with order_count / total_amount compared as numbers',
      fuzzy: 'precision = correct pairs / output pairs; recall = true crm records matched to their customer / true crm records',
      extrapolation: `fuzzball runs on the first ${opts.fuzzySample} crm records; wall for all = wall - checksum_s + match_s × (records / sample - 1); CPU for all = CPU × (wall for all / wall)`,
    },
    reference_figures: REFERENCE_FIGURES,
    targets: results.map(({ target, runs }) => ({
      id: target.id, task: target.task, name: target.name, ours: !!target.ours,
      command: showArgv(target.command(ctx, path.join(OUT_DIR, `${target.id}.csv`))),
      runs: runs.map((r) => ({ ...r, output: rel(r.output), fuzzy: r.fuzzy ? { ...r.fuzzy, best: undefined } : undefined })),
    })),
    summary: sums.map((s) => ({ ...s, _best: undefined, _output: s._output && rel(s._output) })),
    goals: { exact: exactGoals, fuzzy: fuzzyGoals },
    fuzzy_agreement_ours_fuzzball_sample: agree,
  };
  fs.writeFileSync(opts.json, `${JSON.stringify(raw, null, 2)}\n`);
  console.error(`${TAG}: results in ${path.relative(process.cwd(), opts.json)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
