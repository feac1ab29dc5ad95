// One analysis, end to end: header → frame pass (blocks on all cores) → top_db fix-up of the
// blocks whose dB values fall under the channel's floor → tempogram, tempo, beats and onsets →
// per-channel summaries and series. Memory stays flat in the file's length apart from the
// per-frame arrays (a few float32 per frame: ~11 MB a channel for an hour at 48 kHz / hop 512).
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError, EngineFailureError, InvalidInputError } from '../errors.ts';
import { BLOCK_FRAMES, BSTAT, FrameStore, VSTAT, type FrameStoreLayout } from './blocks.ts';
import { resolveOptions, type ResolvedOptions } from './options.ts';
import { beatTrack, onsetDetect, tempoFromTempogram } from './rhythm.ts';
import { tempogramFftSize } from './kernel.ts';
import { TaskRunner, TEMPOGRAM_CHUNK, type RunnerInit, type Task } from './tasks.ts';
import {
  SCALAR_FEATURES,
  type AnalyzeHooks,
  type AudioAnalysis,
  type AudioOptions,
  type ChannelSeries,
  type ChannelSummary,
  type FeatureStats,
  type ScalarFeature,
  type VectorStats,
} from './types.ts';
import { openWavSync, type WavInfo } from './wav.ts';

declare const __HEIHACHI_WORKER_BUNDLE__: string | undefined;

function workerScript(): string {
  if (typeof __HEIHACHI_WORKER_BUNDLE__ === 'string') return join(__dirname, __HEIHACHI_WORKER_BUNDLE__);
  return join(__dirname, 'worker-tsx.cjs');
}

/** Runs tasks on this thread or on worker threads; results come back in task order. */
interface Executor {
  run(tasks: Task[], onDone: (index: number, result: Float64Array | null) => void): Promise<void>;
  close(): Promise<void>;
}

function localExecutor(init: RunnerInit, signal?: AbortSignal): Executor {
  const runner = new TaskRunner(init);
  return {
    async run(tasks, onDone) {
      for (let i = 0; i < tasks.length; i++) {
        signal?.throwIfAborted();
        onDone(i, runner.run(tasks[i]!));
        // let the event loop breathe (progress events, a server's other requests)
        await new Promise((r) => setImmediate(r));
      }
    },
    async close() {
      runner.close();
    },
  };
}

interface WorkerReply {
  result?: Float64Array | null;
  error?: { message: string; code?: string; details?: Record<string, unknown> };
}

function workerExecutor(init: RunnerInit, threads: number, signal?: AbortSignal): Executor {
  const workers = Array.from({ length: threads }, () => new Worker(workerScript(), { workerData: init }));
  let failed: Error | undefined;
  return {
    run(tasks, onDone) {
      return new Promise<void>((resolve, reject) => {
        let next = 0;
        let finished = 0;
        let busy = 0;
        const fail = (err: Error) => {
          if (failed) return;
          failed = err;
          reject(err);
        };
        const onAbort = () => fail(signal!.reason instanceof Error ? signal!.reason : new Error('audio: analysis aborted'));
        signal?.addEventListener('abort', onAbort, { once: true });
        const feed = (w: Worker) => {
          if (failed) return;
          if (next >= tasks.length) {
            if (busy === 0 && finished === tasks.length) {
              signal?.removeEventListener('abort', onAbort);
              resolve();
            }
            return;
          }
          const index = next++;
          busy++;
          const onMessage = (msg: WorkerReply) => {
            w.off('message', onMessage);
            w.off('error', onError);
            busy--;
            if (msg.error) {
              const e = msg.error;
              fail(e.code ? new DomainError(e.code as never, e.message, e.details ?? {}) : new EngineFailureError(`audio: worker failed: ${e.message}`));
              return;
            }
            finished++;
            onDone(index, msg.result ?? null);
            feed(w);
          };
          const onError = (err: Error) => fail(new EngineFailureError(`audio: worker crashed: ${err.message}`));
          w.on('message', onMessage);
          w.once('error', onError);
          w.postMessage(tasks[index]);
        };
        if (tasks.length === 0) resolve();
        for (const w of workers) feed(w);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** Header facts of a WAV file without analysing it (throws AudioFormatError for bad files). */
export function readAudioInfo(path: string): WavInfo {
  const f = openWavSync(path);
  f.close();
  return f.info;
}

/** numpy.pad(x, w, mode='linear_ramp', end_values=0) into a new array with `slack` zeros after. */
function padLinearRamp(x: Float32Array, w: number, slack: number, shared: boolean): Float32Array {
  const n = x.length;
  const buf = shared ? new SharedArrayBuffer((n + 2 * w + slack) * 4) : new ArrayBuffer((n + 2 * w + slack) * 4);
  const out = new Float32Array(buf);
  out.set(x, w);
  const first = n ? x[0]! : 0;
  const last = n ? x[n - 1]! : 0;
  for (let i = 0; i < w; i++) {
    out[i] = (first * i) / w;
    out[n + 2 * w - 1 - i] = (last * i) / w;
  }
  return out;
}

function scalarStats(x: Float32Array): FeatureStats {
  const n = x.length;
  let sum = 0;
  let mn = Infinity;
  let mx = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    sum += v;
    if (v < mn) mn = v;
    if (v > mx) mx = v;
  }
  const mean = sum / n;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - mean;
    m2 += d * d;
  }
  return { mean, std: Math.sqrt(m2 / n), min: mn, max: mx };
}

/** Merges per-block [count, mean, M2, min, max] in block order (Chan et al.'s pairwise update). */
function mergeVectorStats(stats: Float64Array, blocks: number, dim: number): VectorStats {
  const out: VectorStats = { mean: [], std: [], min: [], max: [] };
  for (let i = 0; i < dim; i++) {
    let n = 0;
    let mean = 0;
    let m2 = 0;
    let mn = Infinity;
    let mx = -Infinity;
    for (let b = 0; b < blocks; b++) {
      const o = (b * dim + i) * VSTAT;
      const nb = stats[o]!;
      if (nb === 0) continue;
      const delta = stats[o + 1]! - mean;
      const total = n + nb;
      mean += (delta * nb) / total;
      m2 += stats[o + 2]! + (delta * delta * n * nb) / total;
      n = total;
      mn = Math.min(mn, stats[o + 3]!);
      mx = Math.max(mx, stats[o + 4]!);
    }
    out.mean.push(mean);
    out.std.push(Math.sqrt(m2 / n));
    out.min.push(mn);
    out.max.push(mx);
  }
  return out;
}


function dbfs(power: number): number | null {
  return power > 0 ? 10 * Math.log10(power) : null;
}

/** Means of consecutive frames per point of `resolution` seconds. */
function downsample(x: Float32Array, dim: number, frameSeconds: number, resolution: number, points: number): number[][] {
  const sums = Array.from({ length: points }, () => new Float64Array(dim));
  const counts = new Float64Array(points);
  const frames = x.length / dim;
  for (let t = 0; t < frames; t++) {
    // the epsilon keeps a frame that starts exactly on a point boundary in that point
    const p = Math.min(points - 1, Math.floor((t * frameSeconds) / resolution + 1e-9));
    counts[p]!++;
    const s = sums[p]!;
    for (let i = 0; i < dim; i++) s[i]! += x[t * dim + i]!;
  }
  return sums.map((s, p) => Array.from(s, (v) => (counts[p]! > 0 ? v / counts[p]! : 0)));
}

/**
 * Analyses a WAV file: per-channel summaries (and series when options.seriesResolution is set).
 * Throws AudioFormatError (BAD_USER_INPUT) for unreadable files and InvalidInputError for bad
 * options, before any work starts.
 */
export async function analyzeAudioFile(path: string, options: AudioOptions = {}, hooks: AnalyzeHooks = {}): Promise<AudioAnalysis> {
  const r = await runAnalysis(path, options, hooks);
  return summarise(r);
}

/** Everything an analysis computed, per frame (tests compare these with the reference). */
export interface FrameAnalysis {
  info: WavInfo;
  options: ResolvedOptions;
  store: FrameStore;
  onsetEnv: Float32Array[];
  tempogram: Float64Array[];
  tempos: (number | null)[];
  beats: Int32Array[];
  onsets: Int32Array[];
  threads: number;
  /** Blocks re-analysed for the top_db floor. */
  fixedBlocks: number;
}

/** The analysis without the summary. `internal.keepFrames` keeps per-frame MFCC and chroma;
 *  `internal.blockFrames` (a multiple of 4) sets the block size (tests use small blocks). */
export async function runAnalysis(
  path: string,
  options: AudioOptions,
  hooks: AnalyzeHooks = {},
  internal: { keepFrames?: boolean; blockFrames?: number } = {},
): Promise<FrameAnalysis> {
  const o = resolveOptions(options, availableParallelism());
  const info = readAudioInfo(path);
  if (info.frames === 0) throw new InvalidInputError('audio: the file holds no samples (its data chunk is empty)', { reason: 'empty' });
  const { signal, onProgress } = hooks;
  const sr = info.sampleRate;
  const hop = o.hopLength;
  const frames = 1 + Math.floor(info.frames / hop);
  const blockFrames = internal.blockFrames ?? BLOCK_FRAMES;
  const blocks = Math.ceil(frames / blockFrames);
  const threads = Math.max(1, Math.min(o.threads, blocks));
  const shared = threads > 1;
  const layout: FrameStoreLayout = { channels: info.channels, frames, blocks, nMfcc: o.nMfcc, keepVectors: o.seriesResolution !== null || Boolean(internal.keepFrames) };
  const store = FrameStore.create(layout, shared);
  const features = new Set(o.features);
  const wantRhythm = features.has('tempo') || features.has('beats') || features.has('onsets');
  const winLength = Math.max(1, Math.floor((8 * sr) / hop));
  const tempogramFft = tempogramFftSize(winLength);
  const init: RunnerInit = { path, info, options: o, layout, buffers: store.buffers, blockFrames, winLength, tempogramFft };

  const tempogramTasks = wantRhythm ? info.channels * Math.ceil(frames / TEMPOGRAM_CHUNK) : 0;
  let total = blocks + tempogramTasks;
  let done = 0;
  const tick = (phase: 'frames' | 'rhythm') => {
    done++;
    onProgress?.({ phase, done, total });
  };

  const fixTasks: Task[] = [];
  const melWanted = ['mfcc', 'onsetStrength', 'tempo', 'beats', 'onsets'].some((f) => features.has(f as never));
  signal?.throwIfAborted();
  const exec = shared ? workerExecutor(init, threads, signal) : localExecutor(init, signal);
  try {
    // 1. every block, no dB clipping
    await exec.run(
      Array.from({ length: blocks }, (_, b): Task => ({ kind: 'block', block: b, floors: null })),
      () => tick('frames'),
    );

    // 2. top_db: the floor is the channel's maximum dB − topDb; blocks with values under it are
    // re-analysed with the floor (identical to clipping in one pass with the floor known).
    if (melWanted) {
      const fix: Task[] = fixTasks;
      const floors = store.blockStats.map((bs) => {
        let mx = -Infinity;
        for (let b = 0; b < blocks; b++) mx = Math.max(mx, bs[b * BSTAT + 3]!);
        return mx - o.topDb;
      });
      for (let b = 0; b < blocks; b++) {
        const f = floors.map((floor, c) => (store.blockStats[c]![b * BSTAT + 2]! < floor ? floor : null));
        if (f.some((x) => x !== null)) fix.push({ kind: 'block', block: b, floors: f.map((x) => x ?? -Infinity) });
      }
      if (fix.length) {
        total += fix.length;
        await exec.run(fix, () => tick('frames'));
      }
    }

    // onset envelope: librosa pads the differences with lag + n_fft // (2·hop) zeros in front
    const onsetEnv = store.scalars.map((sc) => {
      const env = new Float32Array(frames);
      const shift = 1 + Math.floor(o.nFft / (2 * hop));
      for (let t = shift; t < frames; t++) env[t] = sc.onsetDiff[t - shift + 1]!;
      return env;
    });

    // 3. tempogram (parallel chunks, summed in chunk order), tempo, beats, onsets
    const tempos: (number | null)[] = [];
    const beats: Int32Array[] = [];
    const onsets: Int32Array[] = [];
    const tempogram: Float64Array[] = [];
    if (wantRhythm) {
      const half = Math.floor(winLength / 2);
      const tasks: Task[] = [];
      for (let c = 0; c < info.channels; c++) {
        const pad = padLinearRamp(onsetEnv[c]!, half, winLength + 8, shared).buffer as ArrayBuffer | SharedArrayBuffer;
        for (let from = 0; from < frames; from += TEMPOGRAM_CHUNK) tasks.push({ kind: 'tempogram', channel: c, pad, from, to: Math.min(frames, from + TEMPOGRAM_CHUNK) });
      }
      const results: (Float64Array | null)[] = new Array(tasks.length).fill(null);
      await exec.run(tasks, (i, r) => {
        results[i] = r;
        tick('rhythm');
      });
      for (let c = 0; c < info.channels; c++) {
        const nb = tempogramFft / 2 + 1;
        const acc = new Float64Array(nb);
        tasks.forEach((t, i) => {
          if (t.kind === 'tempogram' && t.channel === c) {
            const r = results[i]!;
            for (let k = 0; k < nb; k++) acc[k]! += r[k]!;
          }
        });
        const tg = inverseRealPower(acc, tempogramFft, winLength, frames);
        tempogram.push(tg);
        const env = onsetEnv[c]!;
        const bpm = tempoFromTempogram(tg, sr, hop);
        const anyOnset = env.some((v) => v > 0);
        tempos.push(features.has('tempo') || features.has('beats') ? (anyOnset ? bpm : null) : null);
        beats.push(features.has('beats') && anyOnset ? beatTrack(env, bpm, sr, hop) : new Int32Array(0));
        onsets.push(features.has('onsets') ? onsetDetect(env, sr, hop) : new Int32Array(0));
      }
    }
    return { info, options: o, store, onsetEnv, tempogram, tempos, beats, onsets, threads, fixedBlocks: fixTasks.length };
  } finally {
    await exec.close();
  }
}

/** ac[k] = irfft(P)[k] / frames for k < W, P the summed normalised power spectra (size nfft/2+1). */
function inverseRealPower(p: Float64Array, nfft: number, w: number, frames: number): Float64Array {
  const half = nfft / 2;
  const out = new Float64Array(w);
  for (let k = 0; k < w; k++) {
    let s = p[0]! + (k % 2 === 0 ? p[half]! : -p[half]!);
    for (let m = 1; m < half; m++) s += 2 * p[m]! * Math.cos((2 * Math.PI * m * k) / nfft);
    out[k] = s / nfft / frames;
  }
  return out;
}

function summarise(r: FrameAnalysis): AudioAnalysis {
  const { info, options: o, store, onsetEnv, tempos, beats, onsets, threads } = r;
  const sr = info.sampleRate;
  const hop = o.hopLength;
  const { frames, blocks } = store.layout;
  const features = new Set(o.features);
  const frameSeconds = hop / sr;
  const duration = info.frames / sr;
  const channels: ChannelSummary[] = [];
  for (let c = 0; c < info.channels; c++) {
    const sc = store.scalars[c]!;
    const bs = store.blockStats[c]!;
    let sq = 0;
    let peak = 0;
    for (let b = 0; b < blocks; b++) {
      sq += bs[b * BSTAT]!;
      peak = Math.max(peak, bs[b * BSTAT + 1]!);
    }
    const arrays: Record<ScalarFeature, Float32Array> = {
      spectralCentroid: sc.centroid,
      spectralBandwidth: sc.bandwidth,
      spectralRolloff: sc.rolloff,
      spectralFlatness: sc.flatness,
      spectralFlux: sc.flux,
      rms: sc.rms,
      zcr: sc.zcr,
      onsetStrength: onsetEnv[c]!,
    };
    const feat: ChannelSummary['features'] = {};
    for (const f of SCALAR_FEATURES) if (features.has(f)) feat[f] = scalarStats(arrays[f]);
    if (features.has('mfcc')) feat.mfcc = mergeVectorStats(store.mfccStats[c]!, blocks, o.nMfcc);
    if (features.has('chroma')) feat.chroma = mergeVectorStats(store.chromaStats[c]!, blocks, 12);
    const summary: ChannelSummary = {
      index: c,
      tempoBpm: tempos[c] ?? null,
      beatCount: beats[c]?.length ?? 0,
      onsetCount: onsets[c]?.length ?? 0,
      loudnessDbfs: dbfs(sq / info.frames),
      peakDbfs: dbfs(peak * peak),
      features: feat,
    };
    if (o.seriesResolution !== null) {
      const res = o.seriesResolution;
      const points = Math.max(1, Math.ceil(duration / res));
      const series: ChannelSeries = { times: Array.from({ length: points }, (_, p) => p * res), scalars: {} };
      for (const f of SCALAR_FEATURES) {
        if (features.has(f)) series.scalars[f] = downsample(arrays[f], 1, frameSeconds, res, points).map((v) => v[0]!);
      }
      if (features.has('mfcc')) series.mfcc = downsample(store.mfcc[c]!, o.nMfcc, frameSeconds, res, points);
      if (features.has('chroma')) series.chroma = downsample(store.chroma[c]!, 12, frameSeconds, res, points);
      if (features.has('beats')) series.beatTimes = Array.from(beats[c] ?? [], (t) => (t * hop) / sr);
      if (features.has('onsets')) series.onsetTimes = Array.from(onsets[c] ?? [], (t) => (t * hop) / sr);
      summary.series = series;
    }
    channels.push(summary);
  }
  return {
    sampleRate: sr,
    durationSeconds: duration,
    frameCount: frames,
    format: { encoding: info.encoding, bitsPerSample: info.validBits, channels: info.channels, sampleRate: sr, frames: info.frames },
    parameters: {
      features: o.features,
      nFft: o.nFft,
      hopLength: o.hopLength,
      window: o.window,
      nMels: o.nMels,
      melScale: o.melScale,
      nMfcc: o.nMfcc,
      rolloffPercent: o.rolloffPercent,
      topDb: o.topDb,
      seriesResolution: o.seriesResolution,
      threads,
    },
    channels,
  };
}
