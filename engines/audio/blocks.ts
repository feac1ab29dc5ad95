// The frame pass: the file is cut into blocks of BLOCK frames; a BlockProcessor reads a block's
// samples (with the context its first frames need) straight into the kernels' memory, runs the
// WebAssembly kernel per channel and writes per-frame values and per-block statistics into a
// FrameStore. A block's results depend only on the audio, so blocks run in any order on any
// thread (worker.ts) and the results are identical to a single-threaded run.
import { FLAG_BANDWIDTH, FLAG_CHROMA, FLAG_FLATNESS, FLAG_MEL, FLAG_SPECTRAL, StftKernel } from './kernel.ts';
import type { ResolvedOptions } from './options.ts';
import { WavReader, type WavInfo } from './wav.ts';

/** Frames per block: ~11 s at 48 kHz / hop 512; the kernel's buffers for it are ~2 MB a channel. */
export const BLOCK_FRAMES = 1024;
/** A block re-analyses the 4 frames before it (one SIMD group), so its first frame has a predecessor. */
const CONTEXT = 4;

/** Statistics kept per block and channel (float64): [count, mean, M2, min, max] per coefficient. */
export const VSTAT = 5;
/** Per-block sample statistics: Σx², max |x|, min dB, max dB (over the block's frames and its predecessor). */
export const BSTAT = 4;

export interface FrameStoreLayout {
  channels: number;
  frames: number;
  blocks: number;
  nMfcc: number;
  /** Per-frame MFCC / chroma are kept only when a series was requested. */
  keepVectors: boolean;
}

const SCALARS = ['centroid', 'bandwidth', 'rolloff', 'flatness', 'flux', 'rms', 'zcr', 'onsetDiff'] as const;
export type StoredScalar = (typeof SCALARS)[number];

type Buf = ArrayBuffer | SharedArrayBuffer;

/** Everything the frame pass produces, in (optionally shared) typed arrays, one set per channel. */
export class FrameStore {
  readonly scalars: Record<StoredScalar, Float32Array>[];
  /** Per block: BSTAT values. */
  readonly blockStats: Float64Array[];
  /** Per block: VSTAT × nMfcc. */
  readonly mfccStats: Float64Array[];
  /** Per block: VSTAT × 12. */
  readonly chromaStats: Float64Array[];
  /** Per frame × nMfcc (empty unless keepVectors). */
  readonly mfcc: Float32Array[];
  /** Per frame × 12 (empty unless keepVectors). */
  readonly chroma: Float32Array[];

  constructor(
    readonly layout: FrameStoreLayout,
    readonly buffers: Buf[],
  ) {
    const { channels } = layout;
    let i = 0;
    const next = () => buffers[i++]!;
    this.scalars = [];
    this.blockStats = [];
    this.mfccStats = [];
    this.chromaStats = [];
    this.mfcc = [];
    this.chroma = [];
    for (let c = 0; c < channels; c++) {
      const s = {} as Record<StoredScalar, Float32Array>;
      for (const name of SCALARS) s[name] = new Float32Array(next());
      this.scalars.push(s);
      this.blockStats.push(new Float64Array(next()));
      this.mfccStats.push(new Float64Array(next()));
      this.chromaStats.push(new Float64Array(next()));
      this.mfcc.push(new Float32Array(next()));
      this.chroma.push(new Float32Array(next()));
    }
  }

  /** Allocates the buffers (SharedArrayBuffer when worker threads will write into them). */
  static create(layout: FrameStoreLayout, shared: boolean): FrameStore {
    const make = (bytes: number): Buf => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
    const { channels, frames, blocks, nMfcc, keepVectors } = layout;
    const buffers: Buf[] = [];
    for (let c = 0; c < channels; c++) {
      for (let k = 0; k < SCALARS.length; k++) buffers.push(make(frames * 4));
      buffers.push(make(blocks * BSTAT * 8));
      buffers.push(make(blocks * VSTAT * nMfcc * 8));
      buffers.push(make(blocks * VSTAT * 12 * 8));
      buffers.push(make(keepVectors ? frames * nMfcc * 4 : 0));
      buffers.push(make(keepVectors ? frames * 12 * 4 : 0));
    }
    return new FrameStore(layout, buffers);
  }
}

export function kernelFlags(o: ResolvedOptions): number {
  const f = new Set(o.features);
  let flags = 0;
  if (['spectralCentroid', 'spectralRolloff', 'spectralFlux'].some((x) => f.has(x as never))) flags |= FLAG_SPECTRAL;
  if (f.has('spectralBandwidth')) flags |= FLAG_BANDWIDTH;
  if (f.has('spectralFlatness')) flags |= FLAG_FLATNESS;
  if (['mfcc', 'onsetStrength', 'tempo', 'beats', 'onsets'].some((x) => f.has(x as never))) flags |= FLAG_MEL;
  if (f.has('chroma')) flags |= FLAG_CHROMA;
  return flags;
}

/** Reads and analyses blocks of one file; one per thread. */
export class BlockProcessor {
  private readonly kernels: StftKernel[];
  private readonly reader: WavReader;
  private readonly signals: Float32Array[];
  private readonly flags: number;

  constructor(
    fd: number,
    private readonly info: WavInfo,
    private readonly o: ResolvedOptions,
    private readonly store: FrameStore,
    private readonly blockFrames = BLOCK_FRAMES,
  ) {
    this.flags = kernelFlags(o);
    const config = {
      sampleRate: info.sampleRate,
      nFft: o.nFft,
      hop: o.hopLength,
      window: o.window,
      nMels: o.nMels,
      melScale: o.melScale,
      nMfcc: o.nMfcc,
      rolloffPercent: o.rolloffPercent,
      maxFrames: blockFrames + CONTEXT,
    };
    this.kernels = Array.from({ length: info.channels }, () => new StftKernel(config));
    this.signals = this.kernels.map((k) => k.signal);
    this.reader = new WavReader(fd, info, 65536);
  }

  /**
   * Analyses block b for every channel. `floors` = null: first pass, no dB clipping. Otherwise the
   * channels whose floor is finite are re-analysed with that floor (the top_db fix-up) and only
   * their dB-dependent results (onset differences, MFCC) are rewritten.
   */
  process(b: number, floors: Float64Array | null): void {
    const { o, info, store } = this;
    const hop = o.hopLength;
    const half = o.nFft >> 1;
    const frames = store.layout.frames;
    const a = b * this.blockFrames;
    const e = Math.min(a + this.blockFrames, frames);
    const start = a > 0 ? a - CONTEXT : 0;
    const count = e - start;
    const groups = Math.ceil(count / 4);
    const len = (groups * 4 - 1) * hop + o.nFft;
    const s0 = start * hop - half; // sample index of signal[0]
    const n = info.frames;
    // zero padding outside [0, n), samples inside
    const lo = Math.max(0, s0);
    const hi = Math.min(n, s0 + len);
    for (const sig of this.signals) {
      if (lo > s0) sig.fill(0, 0, Math.min(len, lo - s0));
      if (hi < s0 + len) sig.fill(0, Math.max(0, hi - s0), len);
    }
    if (hi > lo) this.reader.read(lo, hi - lo, this.signals, lo - s0);

    const skip = a - start;
    for (let c = 0; c < info.channels; c++) {
      const floor = floors ? floors[c]! : -Infinity;
      if (floors && !Number.isFinite(floor)) continue;
      const k = this.kernels[c]!;
      k.run(count, false, floors ? FLAG_MEL : this.flags, floor);
      const out = k.out;
      const sc = store.scalars[c]!;
      if (!floors) {
        sc.centroid.set(out.centroid.subarray(skip, skip + e - a), a);
        sc.bandwidth.set(out.bandwidth.subarray(skip, skip + e - a), a);
        sc.rolloff.set(out.rolloff.subarray(skip, skip + e - a), a);
        sc.flatness.set(out.flatness.subarray(skip, skip + e - a), a);
        sc.flux.set(out.flux.subarray(skip, skip + e - a), a);
        sc.rms.set(out.rms.subarray(skip, skip + e - a), a);
        sc.zcr.set(out.zcr.subarray(skip, skip + e - a), a);
        this.edgeZcr(c, a, e, s0);
        this.sampleStats(c, b, a, e, s0, skip);
        if (this.flags & FLAG_CHROMA) this.vectorStats(out.chroma, 12, skip, e - a, store.chromaStats[c]!, b, store.chroma[c]!, a);
      }
      if (this.flags & FLAG_MEL) {
        sc.onsetDiff.set(out.onset.subarray(skip, skip + e - a), a);
        this.vectorStats(out.mfcc, o.nMfcc, skip, e - a, store.mfccStats[c]!, b, store.mfcc[c]!, a);
        if (!floors) {
          // dB range over the block's frames and the frame before (its onset difference uses it)
          let mn = Infinity;
          let mx = -Infinity;
          for (let j = Math.max(0, skip - 1); j < skip + e - a; j++) {
            if (out.dbMin[j]! < mn) mn = out.dbMin[j]!;
            if (out.dbMax[j]! > mx) mx = out.dbMax[j]!;
          }
          store.blockStats[c]![b * BSTAT + 2] = mn;
          store.blockStats[c]![b * BSTAT + 3] = mx;
        }
      }
    }
  }

  /** Σx² and max |x| over the samples [a·hop, e·hop) ∩ [0, n): the blocks partition the file. */
  private sampleStats(c: number, b: number, a: number, e: number, s0: number, skip: number): void {
    const k = this.kernels[c]!;
    let sq = 0;
    let peak = 0;
    if (k.chunked) {
      // frame t's hop-chunk is [t·hop, (t+1)·hop): the kernel measured them during the gather
      const { chunkSq, chunkPeak } = k.out;
      for (let j = skip; j < skip + e - a; j++) {
        sq += chunkSq[j]!;
        if (chunkPeak[j]! > peak) peak = chunkPeak[j]!;
      }
    } else {
      const hop = this.o.hopLength;
      [sq, peak] = k.sampleStats(Math.max(0, a * hop) - s0, Math.min(this.info.frames, e * hop) - s0);
    }
    const bs = this.store.blockStats[c]!;
    bs[b * BSTAT] = sq;
    bs[b * BSTAT + 1] = peak;
  }

  /**
   * librosa pads the signal for the zero-crossing rate with its edge values ('edge'), not zeros as
   * for the STFT: frames that reach past either end are recounted here (a few per file).
   */
  private edgeZcr(c: number, a: number, e: number, s0: number): void {
    const { hopLength: hop, nFft } = this.o;
    const half = nFft >> 1;
    const n = this.info.frames;
    if (n === 0) return;
    const sig = this.signals[c]!;
    const zcr = this.store.scalars[c]!.zcr;
    const first = sig[0 - s0] ?? 0;
    const last = sig[n - 1 - s0] ?? 0;
    for (let t = a; t < e; t++) {
      const w0 = t * hop - half;
      if (w0 >= 0 && w0 + nFft <= n) continue;
      let count = 0;
      let prevNeg = false;
      for (let j = 0; j < nFft; j++) {
        const s = w0 + j;
        const v = s < 0 ? first : s >= n ? last : sig[s - s0]!;
        const neg = v < -1e-10;
        if (j > 0 && neg !== prevNeg) count++;
        prevNeg = neg;
      }
      zcr[t] = count / nFft;
    }
  }

  /** Per-block [count, mean, M2, min, max] of each coefficient; per-frame copies when kept. */
  private vectorStats(src: Float32Array, dim: number, skip: number, count: number, stats: Float64Array, b: number, frames: Float32Array, a: number): void {
    const keep = frames.length > 0;
    for (let i = 0; i < dim; i++) {
      let sum = 0;
      let mn = Infinity;
      let mx = -Infinity;
      for (let j = skip; j < skip + count; j++) {
        const v = src[(((j >> 2) * dim + i) << 2) + (j & 3)]!;
        sum += v;
        if (v < mn) mn = v;
        if (v > mx) mx = v;
        if (keep) frames[(a + j - skip) * dim + i] = v;
      }
      const mean = sum / count;
      let m2 = 0;
      for (let j = skip; j < skip + count; j++) {
        const d = src[(((j >> 2) * dim + i) << 2) + (j & 3)]! - mean;
        m2 += d * d;
      }
      const base = (b * dim + i) * VSTAT;
      stats[base] = count;
      stats[base + 1] = mean;
      stats[base + 2] = m2;
      stats[base + 3] = mn;
      stats[base + 4] = mx;
    }
  }
}
