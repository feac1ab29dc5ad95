// Shared by the benchmark runners (bench/nlp/run.js, bench/audio/run.js, bench/combine/run.js): running one target as a
// child process and measuring it (wall time, CPU time from /usr/bin/time, peak RSS of its process
// tree), Debian prerequisites, the machine's description, medians and Markdown tables.
//
// Measurement. Wall time: from spawn to exit of the target (process.hrtime; the whole process:
// runtime start-up, loading, reading and writing). Peak RSS of the whole process tree: the larger of
// (a) /usr/bin/time's %M — the kernel's ru_maxrss of the waited child, exact for a single process
// (threads included) but for a tree only the largest single process — and (b) the largest sum of RSS
// over the target's process tree seen by polling /proc/*/stat every `pollMs` ms (catches several
// processes alive at once, may miss a peak shorter than the interval); MB are 10^6 bytes. CPU time
// is user + system from /usr/bin/time (children included).
//
// Plain CommonJS: no TypeScript, no build needed.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn, spawnSync } = require('node:child_process');

const TIME = '/usr/bin/time';
const HAVE_TIME = fs.existsSync(TIME);
const MB = 1e6;

const PAGE = (() => {
  const r = spawnSync('getconf', ['PAGESIZE'], { encoding: 'utf8' });
  return Number(r.stdout) > 0 ? Number(r.stdout) : 4096;
})();

// ---------------------------------------------------------------------------------------------
// process tree and one measured run

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

/** The last `lines` non-blank lines of `text`. */
function tail(text, lines = 15) {
  return text.split('\n').filter((l) => l.trim()).slice(-lines).join('\n');
}

/**
 * Runs `argv` once (under /usr/bin/time when installed) and measures it. `stdinFile` / `stdoutFile`
 * redirect the child's stdin / stdout from / to files (else stdin is closed and stdout captured,
 * its tail returned); `timeFile` is where /usr/bin/time writes (removed first). The child gets its
 * own process group, so a timeout (`timeout` s) kills the whole tree. Resolves (never rejects) to
 * { status: 'ok' | 'FAILED', reason, wall_s, peak_rss_mb, time_maxrss_mb, poll_peak_tree_rss_mb,
 * cpu_s, max_procs, max_threads, load_before, stderr_tail, stdout_tail }.
 */
function measureProcess({ argv, cwd, env, stdinFile = null, stdoutFile = null, timeFile, pollMs = 100, timeout = 900 }) {
  if (timeFile) fs.rmSync(timeFile, { force: true });
  const useTime = !!timeFile && fs.existsSync(TIME); // checked per run: --install-deps may have just installed it
  const full = useTime ? [TIME, '-f', '%e %M %U %S', '-o', timeFile, ...argv] : argv;
  const stdinFd = stdinFile ? fs.openSync(stdinFile, 'r') : 'ignore';
  const stdoutFd = stdoutFile ? fs.openSync(stdoutFile, 'w') : 'pipe';
  const loadBefore = +os.loadavg()[0].toFixed(2);

  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(full[0], full.slice(1), {
      cwd, env, stdio: [stdinFd, stdoutFd, 'pipe'],
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
    const treeRoot = useTime ? child.pid : process.pid;
    let pollPeak = 0; let maxProcs = 0; let maxThreads = 0;
    const poll = () => {
      const s = sampleTree(treeRoot);
      if (s.rss > pollPeak) pollPeak = s.rss;
      if (s.procs > maxProcs) maxProcs = s.procs;
      if (s.threads > maxThreads) maxThreads = s.threads;
    };
    const pollTimer = setInterval(poll, pollMs);
    let timedOut = false;
    const killTimer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }, timeout * 1000);

    let spawnError = null;
    child.on('error', (e) => { spawnError = e; });
    child.on('close', (code, signal) => {
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      clearInterval(pollTimer);
      clearTimeout(killTimer);
      let time = null;
      if (useTime && fs.existsSync(timeFile)) {
        const lines = fs.readFileSync(timeFile, 'utf8').trim().split('\n');
        const m = lines[lines.length - 1].match(/^([\d.]+) (\d+) ([\d.]+) ([\d.]+)$/);
        if (m) time = { wall: +m[1], maxRssKb: +m[2], user: +m[3], sys: +m[4] };
        if (lines.length > 1) stderr = keep(stderr, `\n[time] ${lines.slice(0, -1).join(' ')}`);
      }
      const peak = Math.max(pollPeak, time ? time.maxRssKb * 1024 : 0);
      const failed = spawnError || timedOut || code !== 0 || signal;
      resolve({
        status: failed ? 'FAILED' : 'ok',
        reason: spawnError ? `spawn: ${spawnError.message}` : timedOut ? `timed out after ${timeout} s`
          : signal ? `killed by ${signal}` : code !== 0 ? `exit code ${code}` : null,
        wall_s: +wall.toFixed(3),
        peak_rss_mb: +(peak / MB).toFixed(1),
        time_maxrss_mb: time ? +(time.maxRssKb * 1024 / MB).toFixed(1) : null,
        poll_peak_tree_rss_mb: +(pollPeak / MB).toFixed(1),
        cpu_s: time ? +(time.user + time.sys).toFixed(2) : null,
        max_procs: maxProcs,
        max_threads: maxThreads,
        load_before: loadBefore,
        stderr_tail: tail(stderr),
        stdout_tail: stdoutFile ? undefined : tail(stdout, 5),
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// prerequisites

/** Debian packages (of `pkgs`) not installed; null when dpkg is not available. */
function missingApt(pkgs) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\n', ...pkgs], { encoding: 'utf8' });
  if (r.error) return null;
  const ok = new Set(r.stdout.split('\n').filter((l) => l.endsWith(' install ok installed')).map((l) => l.split(' ')[0]));
  return pkgs.filter((p) => !ok.has(p));
}

/**
 * Says which apt packages (of `pkgs`, needed for `why`) are missing; installs them when
 * `opts.installDeps` and root; else exits with code 2 (`fatal`) or returns false. `tag` prefixes the
 * messages ("bench nlp").
 */
function requireApt(tag, pkgs, why, opts, fatal = true) {
  const missing = missingApt(pkgs);
  if (missing === null) {
    console.error(`${tag}: dpkg-query not found; ${why} needs the Debian packages: ${pkgs.join(' ')}`);
    if (fatal) process.exit(2);
    return false;
  }
  if (missing.length === 0) return true;
  const cmd = `apt-get install -y ${missing.join(' ')}`;
  if (opts.installDeps && process.getuid && process.getuid() === 0) {
    console.error(`${tag}: ${why} needs ${missing.join(' ')}; running: apt-get update && ${cmd}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (spawnSync('apt-get', ['update'], { stdio: 'inherit', env }).status !== 0
      || spawnSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env }).status !== 0) {
      console.error(`${tag}: apt-get failed`);
      process.exit(2);
    }
    return true;
  }
  console.error(`${tag}: ${why} needs the Debian packages ${missing.join(' ')}, not installed.\n`
    + `  install them:  sudo ${cmd}\n`
    + '  (or run this script as root with --install-deps)');
  if (fatal) process.exit(2);
  return false;
}

/** sha256 (hex) of a file, read in 8 MiB pieces (the audio files are ~0.7 GB). */
function sha256File(file) {
  const hash = crypto.createHash('sha256');
  const buf = Buffer.allocUnsafe(8 << 20);
  const fd = fs.openSync(file, 'r');
  try {
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

// ---------------------------------------------------------------------------------------------
// machine

/** The machine, runtime and code: date, CPU model, cores, memory, kernel, Node, git commit, load. */
function describeMachine(root) {
  const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) || [])[1] || os.cpus()[0]?.model;
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return {
    date: new Date().toISOString(),
    cpu, cores: os.availableParallelism(), memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    kernel: `${os.type()} ${os.release()}`, node: process.version,
    commit: git.status === 0 ? git.stdout.trim() : null,
    loadavg: os.loadavg().map((x) => +x.toFixed(2)),
  };
}

/** Version of an installed npm package under `root`/node_modules, or 'not installed'. */
function packageVersion(root, name) {
  try { return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version; }
  catch { return 'not installed'; }
}

/**
 * Python's version and each module's `__version__` (or "not importable: …") for the interpreter
 * `python`; { python: 'not found' } when it does not run.
 */
function pythonVersions(python, modules) {
  const code = ['import sys, json, importlib', 'v = {"python": sys.version.split()[0]}',
    `for m in ${JSON.stringify(modules)}:`,
    '    try: v[m] = str(getattr(importlib.import_module(m), "__version__", "?"))',
    '    except Exception as e: v[m] = "not importable: %s" % e',
    'print(json.dumps(v))'].join('\n');
  const r = spawnSync(python, ['-c', code], { encoding: 'utf8' });
  if (r.status !== 0) return { python: 'not found' };
  try { return JSON.parse(r.stdout); } catch { return { python: 'not found' }; }
}

// ---------------------------------------------------------------------------------------------
// report helpers

function median(xs) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A number with `d` decimals and thousands separators; '—' for null/undefined. */
const fmt = (x, d = 0) => (x === null || x === undefined ? '—'
  : x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
const ratioFmt = (x) => (x === null ? '—' : x >= 10 ? `${fmt(x, 0)}×` : `${fmt(x, 2)}×`);

/** A Markdown table; `align` has 'l' or 'r' per column. */
function table(header, rows, align) {
  const lines = [`| ${header.join(' | ')} |`, `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`];
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

/** A command line as a person would type it from the repository root `root`. */
function showArgv(argv, root) {
  return argv.map((a) => (a === process.execPath ? 'node'
    : path.isAbsolute(a) && a.startsWith(root + path.sep) ? path.relative(root, a) : a)).join(' ');
}

/**
 * One Markdown list item per run that was not 'ok' in `results` ([{ target, runs }]): target name,
 * round, status and reason, then the run's problems and stderr tail indented beneath. Empty when
 * every run was ok.
 */
function problemLines(results) {
  const problems = [];
  for (const { target, runs } of results) {
    runs.forEach((r, i) => {
      if (r.status === 'ok') return;
      problems.push(`- ${target.name}, round ${i + 1}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`
        + (r.problems?.length ? `\n    ${r.problems.join('\n    ')}` : '')
        + (r.stderr_tail ? `\n    stderr (tail):\n      ${r.stderr_tail.split('\n').join('\n      ')}` : ''));
    });
  }
  return problems;
}

/**
 * The warning to print when the 1-minute load average before any run (`loads`: numbers, as
 * measureProcess's load_before) exceeded the core count — other processes competed for the CPU — else
 * null. (bench/combine/run.js; the audio and NLP runners print their own.)
 */
function loadWarning(loads, cores = os.availableParallelism()) {
  const max = Math.max(...loads.filter((x) => typeof x === 'number'));
  if (!(max > cores)) return null;
  return `Warning: the load average before a run reached ${fmt(max, 2)} on ${cores} cores: other processes `
    + 'competed for the CPU (see CPU % below 100 for single-threaded targets); re-run on a quiet machine before quoting figures.';
}

/** The last line of `text` that parses as a JSON object, parsed; null when there is none. */
function lastJsonLine(text) {
  const lines = String(text || '').split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i].trim();
    if (!l.startsWith('{')) continue;
    try { return JSON.parse(l); } catch { /* not JSON: keep looking */ }
  }
  return null;
}

/**
 * Walks the runners' command-line arguments (`--flag value` or `--flag=value`): onFlag(flag, val,
 * num) handles one, where val() takes its value (exit 2 when it is missing) and num(flag, text,
 * min) reads an integer ≥ min (exit 2 otherwise). Unknown flags are onFlag's to refuse.
 */
function walkArgs(argv, tag, onFlag, common) {
  const num = (name, v, min) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) {
      console.error(`${tag}: ${name} needs an integer ≥ ${min}, got "${v}"`);
      process.exit(2);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let v;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) [a, v] = [a.slice(0, eq), a.slice(eq + 1)];
    const val = () => {
      const x = v !== undefined ? v : argv[++i];
      if (x === undefined) {
        console.error(`${tag}: ${a} needs a value`);
        process.exit(2);
      }
      return x;
    };
    if (onFlag(a, val, num) !== false) continue;
    // the options every runner has: into common.opts
    const o = common.opts;
    switch (a) {
      case '--only': o.only = val().split(',').map((x) => x.trim()).filter(Boolean); break;
      case '--json': o.json = path.resolve(val()); break;
      case '--timeout': o.timeout = num(a, val(), 1); break;
      case '--poll-ms': o.pollMs = num(a, val(), 10); break;
      case '--install-deps': o.installDeps = true; break;
      case '--list': o.list = true; break;
      case '-h': case '--help': common.usage(0); break;
      default: console.error(`${tag}: unknown option ${a}`); common.usage(2);
    }
  }
}

/** The targets named by --only (all without it); an unknown id ends the run with the list of ids. */
function selectTargets(targets, only, tag) {
  if (!only) return targets;
  const unknown = only.filter((id) => !targets.some((t) => t.id === id));
  if (unknown.length) {
    console.error(`${tag}: unknown target(s) ${unknown.join(', ')}; targets: ${targets.map((t) => t.id).join(', ')}`);
    process.exit(2);
  }
  return targets.filter((t) => only.includes(t.id));
}

module.exports = {
  walkArgs, selectTargets,
  TIME, HAVE_TIME, MB, PAGE,
  sampleTree, tail, measureProcess,
  missingApt, requireApt, sha256File,
  describeMachine, packageVersion, pythonVersions,
  median, fmt, ratioFmt, table, showArgv, problemLines,
  loadWarning, lastJsonLine,
};
