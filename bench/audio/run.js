#!/usr/bin/env node
// Audio benchmark: 1 hour of 48 kHz stereo 16-bit audio, full feature set, whole process, WAV file
// to JSON — Trebuchet's `audio analyze` against its peers, on the same file, in the same script.
//
//   node bench/audio/run.js [--rounds 3] [--peer-rounds 1] [--only id,id] [--seconds 3600] [--threads N]
//                           [--meyda-seconds 60] [--numpy-mode block|full] [--ours-cmd CMD] [--json FILE]
//                           [--timeout 1800] [--poll-ms 100] [--install-deps] [--list]
//
// Feature set: STFT (n_fft 2048, hop 512, Hann, centered), power spectrum, 128-band mel, 20 MFCC,
// spectral centroid, rolloff, flux, RMS, ZCR, onset strength and tempo, per channel.
//
// Audio. bench/audio/data/hour.wav (3600 s, ~691 MB; `--seconds N`: audio-Ns.wav), generated on first
// use by bench/audio/gen_audio.sh with sox (tones, sweeps, pink noise, a 120 BPM click track;
// bit-identical on every run). Its sha256 is measured at generation, kept beside it (.sha256), printed
// and checked on every later run (a file that no longer matches is generated again), and compared
// with the reference value below. Hashing it also puts it in the page cache, so every target reads
// it from memory.
//
// Targets (ids for --only). Each is a separate child process started from the repository root with
// DOTENV_CONFIG_QUIET=true; its stdout (JSON) goes to bench/audio/data/out/ID.json.
//   ours   node bin/trebuchet.js audio analyze WAV --threads N   (or --ours-cmd, see below)
//   numpy  /usr/bin/python3 bench/audio/peers/numpy_features.py WAV  (the librosa method in numpy/scipy)
//   fftjs  node bench/audio/peers/fftjs_stft.js WAV   (plain fft.js STFT + power only)
//   meyda  node bench/audio/peers/meyda.js WAV --seconds M   (the first M s; wall and CPU time
//          extrapolated linearly to the file's length; peak RSS as measured)
//   floor  node bench/audio/peers/read_floor.js WAV   (chunked read into reused buffers, no analysis)
// A target that exits non-zero, is killed or times out is FAILED (with its stderr tail); one whose
// JSON is missing or wrong is INVALID; the run goes on. Ours must report 2 channels, durationSeconds
// within 0.01 s of the file, tempoBpm within 2 % of 120 on each channel and every feature's stats.
// Its centroid / rolloff / RMS / ZCR means are printed next to numpy's; a relative difference above
// 5 % is marked "mismatch" (not a failure).
//
// --ours-cmd 'CMD' replaces ours's command (split on spaces; {wav} and {threads} are substituted, the
// WAV path is appended when there is no {wav}): to test the runner before the CLI exists.
//
// Measurement (bench/lib/measure.js): wall time from spawn to exit (the whole process), CPU time =
// user + system from /usr/bin/time, peak RSS = max(/usr/bin/time %M, summed RSS of the process tree
// polled every --poll-ms ms); MB are 10^6 bytes. Rounds are interleaved (every target once per round,
// in list order; peers only in their first --peer-rounds rounds, numpy alone takes about a minute) and
// medians are reported; "ours ÷ this" is the peer's wall ÷ ours's wall (how many times faster ours is).
//
// Plain CommonJS: no npm script, no TypeScript, no build needed.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const {
  TIME, MB, measureProcess, requireApt: requireAptAs, sha256File, describeMachine, packageVersion, pythonVersions,
  median, fmt, ratioFmt, table, showArgv: showArgvFrom, problemLines,
  walkArgs,
  selectTargets,
} = require('../lib/measure');
const { wavInfo } = require('./wav');

const TAG = 'bench audio';
const ROOT = path.resolve(__dirname, '..', '..');
const DATA = path.join(__dirname, 'data');
const OUT_DIR = path.join(DATA, 'out');
const RESULTS = path.join(__dirname, 'results', 'latest.json');
const GEN = path.join(__dirname, 'gen_audio.sh');
const PEERS = path.join(__dirname, 'peers');
const PYTHON = process.env.BENCH_PYTHON || '/usr/bin/python3';
const APT_GEN = ['sox'];
const APT_PYTHON = ['python3-numpy', 'python3-scipy', 'python3-soundfile'];
const APT_TIME = ['time'];
const HOUR = 3600;
/**
 * sha256 of gen_audio.sh's output by length, measured with Debian 12's sox 14.4.2 on this project's
 * image; another sox build may write other bits (compare only within one run then).
 */
const REFERENCE_SHA256 = {
  60: 'd138d1745f6446bb9ddc0966ac0387961f598fc4a0285368a2a7f0ae6fa2d721',
  3600: 'f8a284aba294545da625db6a51de4853bc785314aa36c87f06f78320b4c21035',
};
const GOALS = { wallS: 8, peakRssMb: 200, timesNumpy: 6 };
const EXPECTED_TEMPO = 120;
const TEMPO_TOLERANCE = 0.02;
const DURATION_TOLERANCE_S = 0.01;
const MISMATCH = 0.05;
const HOP = 512;
/** The issue's feature set, as the numpy peer computes it (STFT, power, mel, MFCC, …, tempo). */
const TASK_FEATURES = 'spectralCentroid,spectralRolloff,spectralFlux,rms,zcr,onsetStrength,mfcc,tempo';

/**
 * The targets, in run order. `command(ctx)` gives argv; `check(json, ctx)` lists what is wrong with a
 * parsed output (empty: valid).
 */
const TARGETS = [
  {
    id: 'ours',
    name: 'trebuchet audio analyze',
    ours: true,
    command: (ctx) => ({
      argv: ctx.opts.oursCmd ? oursOverride(ctx.opts.oursCmd, ctx)
        : [process.execPath, 'bin/trebuchet.js', 'audio', 'analyze', ctx.wav, '--threads', String(ctx.threads), '--features', TASK_FEATURES],
    }),
    check: checkOurs,
  },
  {
    // every feature the engine has (adds bandwidth, flatness, chroma, beats, onsets): not the
    // task's set, reported for information
    id: 'ours-all',
    name: 'trebuchet audio analyze (all features)',
    command: (ctx) => ({ argv: [process.execPath, 'bin/trebuchet.js', 'audio', 'analyze', ctx.wav, '--threads', String(ctx.threads)] }),
    check: checkOurs,
  },
  {
    id: 'numpy',
    name: 'numpy/scipy (librosa method)',
    python: true,
    command: (ctx) => ({
      argv: [PYTHON, path.join(PEERS, 'numpy_features.py'), ctx.wav, ...(ctx.opts.numpyMode === 'full' ? ['--mode', 'full'] : [])],
    }),
    check: (j, ctx) => checkChannels(j, ctx, (c, i) => [
      ...(Number.isFinite(c.tempo_bpm) ? [] : [`channel ${i}: no tempo_bpm`]),
      ...(c.frames === ctx.audio.stftFrames ? [] : [`channel ${i}: ${c.frames} frames, expected ${ctx.audio.stftFrames}`]),
    ]),
  },
  {
    id: 'fftjs',
    name: 'fft.js STFT + power only',
    command: (ctx) => ({ argv: [process.execPath, path.join(PEERS, 'fftjs_stft.js'), ctx.wav] }),
    check: (j, ctx) => checkChannels(j, ctx, (c, i) => [
      ...(c.power_sum > 0 && Number.isFinite(c.power_sum) ? [] : [`channel ${i}: power_sum ${c.power_sum}`]),
      ...(c.frames === ctx.audio.stftFrames ? [] : [`channel ${i}: ${c.frames} frames, expected ${ctx.audio.stftFrames}`]),
    ]),
  },
  {
    id: 'meyda',
    name: 'meyda',
    extrapolated: true,
    command: (ctx) => ({ argv: [process.execPath, path.join(PEERS, 'meyda.js'), ctx.wav, '--seconds', String(ctx.meydaSeconds)] }),
    check: (j, ctx) => {
      const frames = 1 + Math.floor(Math.round(ctx.meydaSeconds * ctx.audio.sampleRate) / HOP);
      return checkChannels(j, { ...ctx, audio: { ...ctx.audio, seconds: ctx.meydaSeconds } }, (c, i) => [
        ...(Number.isFinite(c.centroid_mean) && Number.isFinite(c.mfcc0_mean) ? [] : [`channel ${i}: centroid/mfcc not finite`]),
        ...(c.frames === frames ? [] : [`channel ${i}: ${c.frames} frames, expected ${frames}`]),
      ]);
    },
  },
  {
    id: 'floor',
    name: 'chunked read into reused buffers (floor)',
    command: (ctx) => ({ argv: [process.execPath, path.join(PEERS, 'read_floor.js'), ctx.wav] }),
    check: (j, ctx) => checkChannels(j, ctx, (c, i) => (Number.isFinite(c.rms) ? [] : [`channel ${i}: no rms`])),
  },
];

/** The features ours must report stats for, and the MFCC count. */
const OUR_SCALARS = ['spectralCentroid', 'spectralRolloff', 'spectralFlux', 'rms', 'zcr'];
const N_MFCC = 20;
/** Ours vs numpy: [label, ours's value, numpy's value, judged (else informational)]. */
const CROSS = [
  ['spectral centroid mean (Hz)', (c) => c.features?.spectralCentroid?.mean, (c) => c.centroid_mean, true],
  ['spectral rolloff mean (Hz)', (c) => c.features?.spectralRolloff?.mean, (c) => c.rolloff_mean, true],
  ['RMS mean', (c) => c.features?.rms?.mean, (c) => c.rms_mean, true],
  ['ZCR mean', (c) => c.features?.zcr?.mean, (c) => c.zcr_mean, true],
  ['spectral flux mean', (c) => c.features?.spectralFlux?.mean, (c) => c.flux_mean, false],
  ['MFCC 0 mean', (c) => c.features?.mfcc?.mean?.[0], (c) => c.mfcc0_mean, false],
  ['tempo (BPM)', (c) => c.tempoBpm, (c) => c.tempo_bpm, false],
];

// ---------------------------------------------------------------------------------------------
// options

function usage(code) {
  const lines = fs.readFileSync(__filename, 'utf8').split('\n');
  const text = lines.slice(1, lines.findIndex((l, i) => i > 0 && !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n');
  (code ? console.error : console.log)(`${text}\n\ntargets: ${TARGETS.map((t) => t.id).join(', ')}`);
  process.exit(code);
}

function parseArgs(argv) {
  const o = { rounds: 3, peerRounds: 1, only: null, seconds: HOUR, threads: os.availableParallelism(), meydaSeconds: 60,
    numpyMode: 'block', oursCmd: null, json: RESULTS, timeout: 1800, pollMs: 100, installDeps: false, list: false };
  walkArgs(argv, TAG, (a, val, num) => {
    switch (a) {
      case '--rounds': o.rounds = num(a, val(), 1); break;
      case '--peer-rounds': o.peerRounds = num(a, val(), 1); break;
      case '--seconds': o.seconds = num(a, val(), 1); break;
      case '--threads': o.threads = num(a, val(), 1); break;
      case '--meyda-seconds': o.meydaSeconds = num(a, val(), 1); break;
      case '--numpy-mode': {
        o.numpyMode = val();
        if (!['block', 'full'].includes(o.numpyMode)) { console.error(`${TAG}: --numpy-mode is block or full, got "${o.numpyMode}"`); process.exit(2); }
        break;
      }
      case '--ours-cmd': o.oursCmd = val(); break;
      default: return false;
    }
  }, { opts: o, usage });
  return o;
}

/** argv of --ours-cmd: split on spaces, {wav} and {threads} substituted, the WAV appended if absent. */
function oursOverride(cmd, ctx) {
  const parts = cmd.trim().split(/\s+/);
  const hasWav = parts.some((p) => p.includes('{wav}'));
  const argv = parts.map((p) => p.replaceAll('{wav}', ctx.wav).replaceAll('{threads}', String(ctx.threads)));
  if (argv[0] === 'node') argv[0] = process.execPath;
  return hasWav ? argv : [...argv, ctx.wav];
}

function requireApt(pkgs, why, opts, fatal = true) {
  return requireAptAs(TAG, pkgs, why, opts, fatal);
}

// ---------------------------------------------------------------------------------------------
// audio file

/** Generates (first use) or checks the benchmark's WAV; returns its description. */
function ensureAudio(opts) {
  const file = path.join(DATA, opts.seconds === HOUR ? 'hour.wav' : `audio-${opts.seconds}s.wav`);
  const sidecar = `${file}.sha256`;
  let sha256 = null;
  let generated = false;
  if (fs.existsSync(file) && fs.existsSync(sidecar)) {
    process.stderr.write(`${TAG}: checking ${path.relative(ROOT, file)} (sha256) ... `);
    sha256 = sha256File(file);
    const recorded = fs.readFileSync(sidecar, 'utf8').trim();
    if (sha256 === recorded) {
      process.stderr.write('as generated\n');
    } else {
      process.stderr.write(`CHANGED since generation (${sha256.slice(0, 16)}…, generated ${recorded.slice(0, 16)}…): generating it again\n`);
      sha256 = null;
    }
  }
  if (sha256 === null) {
    requireApt(APT_GEN, 'generating the audio', opts);
    fs.mkdirSync(DATA, { recursive: true });
    const partial = `${file}.partial.wav`;
    const t0 = Date.now();
    console.error(`${TAG}: generating ${path.relative(ROOT, file)} (${opts.seconds} s) with ${path.relative(ROOT, GEN)}`
      + `${opts.seconds >= 600 ? ' (about a minute for the hour)' : ''} ...`);
    const r = spawnSync('bash', [GEN, String(opts.seconds), partial], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
    if (r.status !== 0) {
      fs.rmSync(partial, { force: true });
      console.error(`${TAG}: audio generation failed (${r.signal || `exit code ${r.status}`})`);
      process.exit(2);
    }
    sha256 = sha256File(partial);
    fs.renameSync(partial, file);
    fs.writeFileSync(sidecar, `${sha256}\n`);
    generated = true;
    console.error(`${TAG}: generated in ${((Date.now() - t0) / 1000).toFixed(1)} s, sha256 ${sha256} (kept in ${path.relative(ROOT, sidecar)})`);
  }
  const info = wavInfo(file);
  const seconds = info.frames / info.sampleRate;
  if (info.encoding !== 'pcm' || info.bitsPerSample !== 16 || info.channels !== 2 || info.sampleRate !== 48000 || seconds !== opts.seconds) {
    console.error(`${TAG}: ${file} is not ${opts.seconds} s of 48 kHz stereo 16-bit PCM (${JSON.stringify(info)}); delete it to regenerate`);
    process.exit(2);
  }
  const reference = REFERENCE_SHA256[opts.seconds] || null;
  return {
    file, bytes: fs.statSync(file).size, sha256, generated, reference,
    matchesReference: reference ? sha256 === reference : null,
    seconds, sampleRate: info.sampleRate, channels: info.channels, samples: info.frames,
    stftFrames: 1 + Math.floor(info.frames / HOP),
  };
}

// ---------------------------------------------------------------------------------------------
// output checks

/** Parses a target's stdout: the whole text as JSON, else its last non-blank line. */
function parseOutput(file) {
  if (!fs.existsSync(file)) return { json: null, problem: 'no output' };
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!text) return { json: null, problem: 'empty output' };
  try { return { json: JSON.parse(text) }; } catch { /* maybe log lines before the JSON */ }
  const last = text.split('\n').filter((l) => l.trim()).pop();
  try { return { json: JSON.parse(last) }; } catch { return { json: null, problem: `output is not JSON: ${JSON.stringify(text.slice(0, 120))}` }; }
}

/** A peer's { seconds_audio, channels: [...] }: channel count, length, then `each(channel, i)`. */
function checkChannels(j, ctx, each) {
  if (!j || !Array.isArray(j.channels)) return ['no channels array'];
  const p = [];
  if (j.channels.length !== ctx.audio.channels) p.push(`${j.channels.length} channels, expected ${ctx.audio.channels}`);
  if (typeof j.seconds_audio === 'number' && Math.abs(j.seconds_audio - ctx.audio.seconds) > DURATION_TOLERANCE_S) {
    p.push(`seconds_audio ${j.seconds_audio}, expected ${ctx.audio.seconds}`);
  }
  j.channels.forEach((c, i) => p.push(...each(c || {}, i)));
  return p;
}

const isNum = (x) => typeof x === 'number' && Number.isFinite(x);

/** Ours: the JSON of `trebuchet audio analyze`. */
function checkOurs(j, ctx) {
  if (!j || typeof j !== 'object') return ['not a JSON object'];
  const p = [];
  if (j.sampleRate !== ctx.audio.sampleRate) p.push(`sampleRate ${j.sampleRate}, expected ${ctx.audio.sampleRate}`);
  if (!isNum(j.durationSeconds) || Math.abs(j.durationSeconds - ctx.audio.seconds) > DURATION_TOLERANCE_S) {
    p.push(`durationSeconds ${j.durationSeconds}, expected ${ctx.audio.seconds} ± ${DURATION_TOLERANCE_S}`);
  }
  if (!Array.isArray(j.channels)) return [...p, 'no channels array'];
  if (j.channels.length !== ctx.audio.channels) p.push(`${j.channels.length} channels, expected ${ctx.audio.channels}`);
  j.channels.forEach((c, i) => {
    const t = c?.tempoBpm;
    if (!isNum(t) || Math.abs(t - EXPECTED_TEMPO) > TEMPO_TOLERANCE * EXPECTED_TEMPO) {
      p.push(`channel ${i}: tempoBpm ${t}, expected ${EXPECTED_TEMPO} ± ${TEMPO_TOLERANCE * 100} %`);
    }
    const f = c?.features || {};
    const badStats = OUR_SCALARS.filter((k) => !['mean', 'std', 'min', 'max'].every((s) => isNum(f[k]?.[s])));
    if (badStats.length) p.push(`channel ${i}: no finite mean/std/min/max for ${badStats.join(', ')}`);
    const m = f.mfcc;
    if (!m || !['mean', 'std'].every((s) => Array.isArray(m[s]) && m[s].length === N_MFCC && m[s].every(isNum))) {
      p.push(`channel ${i}: mfcc.mean / mfcc.std are not ${N_MFCC} finite numbers`);
    }
  });
  return p;
}

// ---------------------------------------------------------------------------------------------
// running

/** Runs a target once: measurement, parsed output, status ok / FAILED / INVALID. */
async function runOnce(target, ctx) {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const out = path.join(OUT_DIR, `${target.id}.json`);
  fs.rmSync(out, { force: true });
  const spec = target.command(ctx);
  const m = await measureProcess({
    argv: spec.argv, cwd: ROOT, env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
    stdoutFile: out, timeFile: path.join(OUT_DIR, `${target.id}.time`), pollMs: ctx.opts.pollMs, timeout: ctx.opts.timeout,
  });
  const run = { ...m, output: out, json: null, problems: undefined };
  if (run.status === 'ok') {
    const { json, problem } = parseOutput(out);
    const problems = problem ? [problem] : target.check(json, ctx);
    if (problems.length) {
      run.status = 'INVALID';
      run.reason = `${problems.length} problem(s) in the output`;
      run.problems = problems;
    }
    run.json = json;
  }
  if (target.extrapolated) {
    run.measured_seconds_audio = Math.min(ctx.meydaSeconds, ctx.audio.seconds);
    run.extrapolation_factor = ctx.audio.seconds / run.measured_seconds_audio;
  }
  return run;
}

/** Wall and CPU seconds of a run, extrapolated to the whole file for a target that ran on part of it. */
function scaled(run) {
  const k = run.extrapolation_factor || 1;
  return { wall: run.wall_s * k, cpu: run.cpu_s === null ? null : run.cpu_s * k };
}

// ---------------------------------------------------------------------------------------------
// report

function summarise(target, runs, ctx) {
  const ok = runs.filter((r) => r.status === 'ok');
  const statuses = [...new Set(runs.map((r) => r.status))];
  const k = runs[0]?.extrapolation_factor || 1;
  const wall = median(ok.map((r) => scaled(r).wall));
  const cpu = median(ok.filter((r) => r.cpu_s !== null).map((r) => scaled(r).cpu));
  return {
    id: target.id, name: target.name, ours: !!target.ours,
    extrapolated_from_s: k !== 1 ? Math.min(ctx.meydaSeconds, ctx.audio.seconds) : null,
    status: ok.length === runs.length ? 'ok' : ok.length ? `ok ${ok.length}/${runs.length}` : statuses.join('/'),
    valid_rounds: ok.length,
    wall_s: wall,
    measured_wall_s: median(ok.map((r) => r.wall_s)),
    cpu_s: cpu,
    cpu_pct: wall && cpu !== null ? (100 * cpu) / wall : null,
    peak_rss_mb: median(ok.map((r) => r.peak_rss_mb)),
    max_threads: ok.length ? Math.max(...ok.map((r) => r.max_threads)) : null,
    walls: runs.map((r) => (r.status === 'ok' ? r.wall_s : r.status)),
  };
}

/** Ours vs numpy, per channel, from the last valid output of each. */
function crossCheck(results) {
  const last = (id) => [...(results.find((r) => r.target.id === id)?.runs || [])].reverse().find((r) => r.status === 'ok')?.json;
  const ours = last('ours');
  const numpy = last('numpy');
  if (!ours || !numpy) return null;
  const rows = [];
  for (let c = 0; c < Math.min(ours.channels.length, numpy.channels.length); c++) {
    for (const [label, oursOf, numpyOf, judged] of CROSS) {
      const a = oursOf(ours.channels[c]);
      const b = numpyOf(numpy.channels[c]);
      const rel = isNum(a) && isNum(b) && b !== 0 ? Math.abs(a - b) / Math.abs(b) : null;
      rows.push({ channel: c, feature: label, ours: isNum(a) ? a : null, numpy: isNum(b) ? b : null, rel_diff: rel, judged,
        mark: !judged ? 'info' : rel === null ? 'missing' : rel > MISMATCH ? 'mismatch' : 'ok' });
    }
  }
  return rows;
}

function report(ctx, results) {
  const sums = results.map(({ target, runs }) => summarise(target, runs, ctx));
  const ours = sums.find((s) => s.ours);
  const numpy = sums.find((s) => s.id === 'numpy');
  const a = ctx.audio;
  const out = [];
  out.push(`\n## Audio: ${fmt(a.seconds)} s of 48 kHz stereo 16-bit, full feature set, whole process (WAV → JSON)\n`);
  for (const s of sums) s.times_ours = !s.ours && ours?.wall_s && s.wall_s ? s.wall_s / ours.wall_s : null;
  out.push(table(
    ['target', 'status', 'wall s', 'CPU s', 'CPU %', 'peak RSS MB', 'ours ÷ this (peer wall / ours wall)', 'wall s per round'],
    sums.map((s) => [
      s.extrapolated_from_s ? `${s.name} (extrapolated from ${fmt(s.extrapolated_from_s)} s)` : s.name,
      s.status, fmt(s.wall_s, 2), fmt(s.cpu_s, 1), fmt(s.cpu_pct, 0), fmt(s.peak_rss_mb), s.ours ? '—' : ratioFmt(s.times_ours),
      s.walls.map((w) => (typeof w === 'number' ? fmt(w, 2) : w)).join(' / ') + (s.extrapolated_from_s ? ' (measured)' : ''),
    ]),
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'l'],
  ));

  const goals = {};
  if (ours) {
    const lines = [];
    const mark = (ok) => (ok ? 'met' : 'NOT met');
    if (!ours.wall_s) {
      lines.push(`- ${ours.name}: no valid run, targets not measured`);
    } else {
      const g = GOALS;
      goals.wall = { goal: `≤ ${g.wallS} s`, value: ours.wall_s, met: ours.wall_s <= g.wallS };
      goals.peakRss = { goal: `≤ ${g.peakRssMb} MB`, value: ours.peak_rss_mb, met: ours.peak_rss_mb <= g.peakRssMb };
      lines.push(`- wall ≤ ${g.wallS} s on ${ctx.threads} thread(s): ${fmt(ours.wall_s, 2)} s — ${mark(goals.wall.met)}`);
      lines.push(`- peak RSS ≤ ${g.peakRssMb} MB: ${fmt(ours.peak_rss_mb)} MB — ${mark(goals.peakRss.met)}`);
      if (numpy?.wall_s) {
        goals.timesNumpy = { goal: `≥ ${g.timesNumpy}×`, value: numpy.times_ours, met: numpy.times_ours >= g.timesNumpy };
        lines.push(`- ≥ ${g.timesNumpy}× faster than numpy/scipy in the same run (${fmt(numpy.wall_s, 1)} s): ${ratioFmt(numpy.times_ours)} — ${mark(goals.timesNumpy.met)}`);
      } else {
        lines.push(`- ≥ ${g.timesNumpy}× faster than numpy/scipy: numpy not run or not valid, not measured`);
      }
    }
    const partial = a.seconds !== HOUR ? ` — on ${fmt(a.seconds)} s, not the hour the targets are set for: indicative only` : '';
    out.push(`\nTargets (${ours.name}${partial}):\n${lines.join('\n')}`);
  }

  const cross = crossCheck(results);
  if (cross) {
    out.push('\nCross-check, ours vs numpy/scipy (last valid output of each; "mismatch" = relative difference > 5 %):\n');
    const num = (x) => (x === null ? '—' : Math.abs(x) >= 100 ? fmt(x, 1) : Math.abs(x) >= 1 ? fmt(x, 3) : x.toPrecision(4));
    out.push(table(['channel', 'feature', 'ours', 'numpy/scipy', 'rel. diff', ''],
      cross.map((r) => [r.channel, r.feature, num(r.ours), num(r.numpy), r.rel_diff === null ? '—' : `${fmt(100 * r.rel_diff, 2)} %`, r.mark]),
      ['r', 'l', 'r', 'r', 'r', 'l']));
  }

  const problems = problemLines(results);
  if (problems.length) out.push(`\nProblems:\n${problems.join('\n')}`);
  // The 1-minute load average before each run: above the core count, other processes were competing.
  const load = Math.max(...results.flatMap((r) => r.runs.map((x) => x.load_before)));
  if (load > os.availableParallelism()) {
    out.push(`\nWarning: the load average before a run reached ${fmt(load, 2)} on ${os.availableParallelism()} cores: other processes `
      + 'competed for the CPU (see CPU % below 100 for single-threaded peers); re-run on a quiet machine before quoting figures.');
  }
  console.log(out.join('\n'));
  return { summary: sums, goals, crossCheck: cross };
}

// ---------------------------------------------------------------------------------------------
// main

function showArgv(argv) {
  return showArgvFrom(argv, ROOT);
}

function machine(opts) {
  const { date, cpu, cores, memGiB, kernel, node, commit, loadavg } = describeMachine(ROOT);
  const py = pythonVersions(PYTHON, ['numpy', 'scipy', 'soundfile']);
  const sox = spawnSync('sox', ['--version'], { encoding: 'utf8' });
  return {
    date, cpu, cores, memGiB, kernel, node,
    python: `${py.python} (${PYTHON})`, numpy: py.numpy ?? '-', scipy: py.scipy ?? '-', soundfile: py.soundfile ?? '-',
    packages: Object.fromEntries(['meyda', 'fft.js'].map((n) => [n, packageVersion(ROOT, n)])),
    sox: sox.status === 0 ? sox.stdout.trim().replace(/^sox:\s*/, '') : 'not found',
    commit, threads: opts.threads, loadavg,
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const targets = selectTargets(TARGETS, opts.only, TAG);
  const listCtx = { opts, wav: 'AUDIO.wav', threads: opts.threads, meydaSeconds: opts.meydaSeconds };
  if (opts.list) {
    for (const t of TARGETS) console.log(`${t.id.padEnd(7)} ${t.name}\n${' '.repeat(8)}${showArgv(t.command(listCtx).argv)}`);
    return;
  }
  if (targets.some((t) => t.python)) requireApt(APT_PYTHON, 'the numpy/scipy peer', opts, false);
  if (!fs.existsSync(TIME) && !requireApt(APT_TIME, 'CPU time and exact peak RSS', opts, false)) {
    console.error(`${TAG}: ${TIME} not found; peak RSS from /proc polling only, no CPU time`);
  }

  const audio = ensureAudio(opts);
  const ctx = { opts, audio, wav: audio.file, threads: opts.threads, meydaSeconds: Math.min(opts.meydaSeconds, audio.seconds) };
  const m = machine(opts);
  const rel = (f) => path.relative(ROOT, f);

  console.log(`# bench audio — ${m.date}`);
  console.log(`machine: ${m.cpu}, ${m.cores} cores, ${m.memGiB} GiB, ${m.kernel}`);
  console.log(`runtime: Node ${m.node}, Python ${m.python}, numpy ${m.numpy}, scipy ${m.scipy}, soundfile ${m.soundfile}`);
  console.log(`peers:   ${Object.entries(m.packages).map(([k, v]) => `${k} ${v}`).join(', ')}; ${m.sox}`);
  console.log(`code:    ${m.commit || 'unknown commit'}; load average ${m.loadavg.join(' ')}`);
  console.log(`audio:   ${rel(audio.file)}: ${fmt(audio.seconds)} s, ${audio.channels} ch, ${audio.sampleRate} Hz, 16-bit, `
    + `${fmt(audio.bytes / MB, 1)} MB, ${fmt(audio.stftFrames)} STFT frames per channel; sha256 ${audio.sha256}`
    + ` (${audio.matchesReference === null ? 'no reference value for this length'
      : audio.matchesReference ? 'the reference file' : 'DIFFERS from the reference file (another sox?): compare only within this run'})`);
  console.log(`rounds:  ours ${opts.rounds}, peers ${opts.peerRounds} (interleaved, medians); threads for ours: ${opts.threads}; `
    + `meyda on the first ${fmt(ctx.meydaSeconds)} s; numpy in ${opts.numpyMode} mode; `
    + `peak RSS = max(/usr/bin/time %M, Σ RSS of the process tree polled every ${opts.pollMs} ms)`);
  console.log('commands (run from the repository root, DOTENV_CONFIG_QUIET=true; stdout → JSON):');
  for (const t of targets) console.log(`  ${t.id.padEnd(6)} ${showArgv(t.command(ctx).argv)}`);

  const results = targets.map((target) => ({ target, rounds: target.ours ? opts.rounds : opts.peerRounds, runs: [] }));
  const total = Math.max(...results.map((r) => r.rounds));
  for (let round = 1; round <= total; round++) {
    for (const res of results) {
      if (round > res.rounds) continue;
      process.stderr.write(`[round ${round}/${total}] ${res.target.name} ... `);
      const run = await runOnce(res.target, ctx);
      res.runs.push(run);
      const ext = run.extrapolation_factor ? ` (on ${fmt(run.measured_seconds_audio)} s; ×${fmt(run.extrapolation_factor, 1)} → ${fmt(scaled(run).wall, 1)} s)` : '';
      process.stderr.write(`${run.status}${run.reason ? ` (${run.reason})` : ''}, ${run.wall_s.toFixed(2)} s${ext}, `
        + `${fmt(run.peak_rss_mb)} MB, CPU ${run.cpu_s ?? '—'} s\n`);
    }
  }

  const { summary, goals, crossCheck: cross } = report(ctx, results);
  console.log(`\nmachine: ${m.cpu}, ${m.cores} cores; Node ${m.node}; Python ${m.python}, numpy ${m.numpy}, scipy ${m.scipy}; ${m.date}`);
  fs.mkdirSync(path.dirname(opts.json), { recursive: true });
  const raw = {
    machine: m,
    options: { ...opts, json: undefined },
    audio: { ...audio, file: rel(audio.file) },
    method: {
      wall: 'process.hrtime from spawn to exit of the target (via /usr/bin/time)',
      cpu: 'user + system from /usr/bin/time (children included)',
      peak_rss: `max(/usr/bin/time %M, max over samples of the summed RSS of the target's process tree, /proc polled every ${opts.pollMs} ms)`,
      extrapolation: `meyda runs on the first ${ctx.meydaSeconds} s; its wall and CPU seconds are multiplied by ${audio.seconds} / ${ctx.meydaSeconds}`,
    },
    targets: results.map(({ target, runs }) => ({
      id: target.id, name: target.name, ours: !!target.ours,
      command: showArgv(target.command(ctx).argv),
      runs: runs.map((r) => ({ ...r, output: rel(r.output), json: r.json })),
    })),
    summary, goals, cross_check: cross,
  };
  fs.writeFileSync(opts.json, `${JSON.stringify(raw, null, 2)}\n`);
  console.error(`${TAG}: results in ${path.relative(process.cwd(), opts.json)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
