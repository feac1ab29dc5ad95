// Loads Heihachi's WebAssembly frame kernel (kernel/dsp.ts, built to dist/heihachi.wasm) and gives
// it its tables: window, FFT twiddles, mel and chroma filterbanks and the DCT, all computed here in
// float64 with librosa's formulas (filters.ts) and stored as float32, the kernel's precision.
import { wasmKernel } from '../wasm.ts';
import { chromaFilterbank, dctOrthoRows, melFilterbank, windowFunction } from './filters.ts';
import type { MelScale, WindowName } from './types.ts';

export const FLAG_SPECTRAL = 1;
export const FLAG_FLATNESS = 2;
export const FLAG_MEL = 4;
export const FLAG_CHROMA = 8;
export const FLAG_BANDWIDTH = 16;

interface Exports {
  memory: WebAssembly.Memory;
  alloc(bytes: number): number;
  configure(n: number, bands: number, coeffs: number, rolloff: number): void;
  setTables(win: number, tw: number, rtw: number, freqs: number, lo: number, len: number, off: number, w: number, dct: number, chroma: number): void;
  setOutputs(...ptrs: number[]): void;
  processStft(sig: number, hop: number, nGroups: number, hasPrev: number, flags: number, floor: number): void;
  accumulateTempogram(pad: number, t0: number, nGroups: number, limit: number, W: number, win: number, acc: number): void;
  powerBuffer(): number;
  melDbBuffer(): number;
  sampleStats(p: number, n: number, out: number): void;
  statsBuffer(): number;
}

/** The compiled kernel; builds dist/heihachi.wasm first when it is missing or older than its source. */
export function kernelModule(): WebAssembly.Module {
  return wasmKernel('audio', 'heihachi', 'heihachi.wasm', 'engines/audio/kernel/dsp.ts');
}

function instantiate(): Exports {
  const instance = new WebAssembly.Instance(kernelModule(), {
    env: {
      abort() {
        throw new Error('audio: kernel abort');
      },
      seed: () => 0,
    },
  });
  return instance.exports as unknown as Exports;
}

/** Stage twiddles for the kernel's Stockham FFT of size m (see fftM in dsp.ts): the radix-3 stage's
 *  (w, w²) when 3 divides m, then each radix-4 stage's (w, w², w³). */
function stageTwiddles(m: number): Float32Array {
  const out: number[] = [];
  if (m % 3 === 0) {
    for (let p = 0; p < m / 3; p++) {
      for (let k = 1; k <= 2; k++) {
        const a = (-2 * Math.PI * p * k) / m;
        out.push(Math.cos(a), Math.sin(a));
      }
    }
    m /= 3;
  }
  for (let n = m; n >= 4; n >>= 2) {
    for (let p = 0; p < n >> 2; p++) {
      for (let k = 1; k <= 3; k++) {
        const a = (-2 * Math.PI * p * k) / n;
        out.push(Math.cos(a), Math.sin(a));
      }
    }
  }
  return Float32Array.from(out.length ? out : [0]);
}

function realTwiddles(n: number): Float32Array {
  const m = n >> 1;
  const out = new Float32Array(2 * (m + 1));
  for (let k = 0; k <= m; k++) {
    out[2 * k] = Math.cos((2 * Math.PI * k) / n);
    out[2 * k + 1] = Math.sin((2 * Math.PI * k) / n);
  }
  return out;
}

export interface StftConfig {
  sampleRate: number;
  nFft: number;
  hop: number;
  window: WindowName;
  nMels: number;
  melScale: MelScale;
  nMfcc: number;
  rolloffPercent: number;
  /** Largest number of frames one call analyses (rounded up to a multiple of 4). */
  maxFrames: number;
}

/** Per-frame outputs of one StftKernel.run, views into the kernel's memory (valid until the next run). */
export interface StftOutputs {
  centroid: Float32Array;
  bandwidth: Float32Array;
  rolloff: Float32Array;
  flatness: Float32Array;
  flux: Float32Array;
  rms: Float32Array;
  zcr: Float32Array;
  onset: Float32Array;
  dbMin: Float32Array;
  dbMax: Float32Array;
  /** Group-interleaved: coefficient i of frame 4g+l at (g·nMfcc + i)·4 + l. */
  mfcc: Float32Array;
  /** Group-interleaved like mfcc, 12 per frame. */
  chroma: Float32Array;
  /** Σx² and max |x| of frame t's samples [t·hop, (t+1)·hop) (when `chunked`). */
  chunkSq: Float32Array;
  chunkPeak: Float32Array;
}

/** Rows of float64 as one float32 array, row after row. */
function flatten(rows: Float64Array[]): Float32Array {
  const width = rows[0]?.length ?? 0;
  const out = new Float32Array(Math.max(1, rows.length * width));
  rows.forEach((r, i) => out.set(r, i * width));
  return out;
}

function writeF32(x: Exports, data: Float32Array | Int32Array): number {
  const ptr = x.alloc(Math.max(data.byteLength, 16));
  new Uint8Array(x.memory.buffer, ptr, data.byteLength).set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return ptr;
}

/** One kernel instance set up for one STFT configuration (its own WebAssembly memory). */
export class StftKernel {
  /** Samples of the frames to analyse: frame j is signal[j·hop, j·hop + nFft). */
  readonly signal: Float32Array;
  readonly out: StftOutputs;
  /** The kernel reports each frame's hop-chunk energy (hop a multiple of 4, at most nFft/2). */
  readonly chunked: boolean;
  private readonly x: Exports;
  private readonly signalPtr: number;

  constructor(readonly config: StftConfig) {
    const { nFft, hop, nMels, nMfcc, sampleRate } = config;
    const x = instantiate();
    this.x = x;
    x.configure(nFft, nMels, nMfcc, config.rolloffPercent);
    const nbins = nFft / 2 + 1;
    const win = writeF32(x, Float32Array.from(windowFunction(config.window, nFft)));
    const tw = writeF32(x, stageTwiddles(nFft / 2));
    const rtw = writeF32(x, realTwiddles(nFft));
    const freqs = writeF32(x, Float32Array.from({ length: nbins }, (_, k) => (k * sampleRate) / nFft));
    const mel = melFilterbank(sampleRate, nFft, nMels, config.melScale);
    const lo = new Int32Array(nMels);
    const len = new Int32Array(nMels);
    const off = new Int32Array(nMels);
    const weights: number[] = [];
    for (let b = 0; b < nMels; b++) {
      const row = mel[b]!;
      let first = -1;
      let last = -1;
      for (let k = 0; k < nbins; k++) {
        if (row[k] !== 0) {
          if (first < 0) first = k;
          last = k;
        }
      }
      lo[b] = first < 0 ? 0 : first;
      len[b] = first < 0 ? 0 : last - first + 1;
      off[b] = weights.length;
      for (let k = lo[b]!; k < lo[b]! + len[b]!; k++) weights.push(row[k]!);
    }
    const melLo = writeF32(x, lo);
    const melLen = writeF32(x, len);
    const melOff = writeF32(x, off);
    const melW = writeF32(x, Float32Array.from(weights.length ? weights : [0]));
    const dct = writeF32(x, flatten(dctOrthoRows(nMels, nMfcc)));
    const chroma = writeF32(x, flatten(chromaFilterbank(sampleRate, nFft)));
    x.setTables(win, tw, rtw, freqs, melLo, melLen, melOff, melW, dct, chroma);

    const frames = Math.ceil(config.maxFrames / 4) * 4;
    const signalLength = (frames - 1) * hop + nFft + 4;
    this.signalPtr = x.alloc(signalLength * 4);
    const scalars = ['centroid', 'bandwidth', 'rolloff', 'flatness', 'flux', 'rms', 'zcr', 'onset', 'dbMin', 'dbMax'] as const;
    const ptrs = scalars.map(() => x.alloc(frames * 4));
    const mfccPtr = x.alloc(frames * Math.max(nMfcc, 1) * 4);
    const chromaPtr = x.alloc(frames * 12 * 4);
    const chunkSqPtr = x.alloc(frames * 4);
    const chunkPeakPtr = x.alloc(frames * 4);
    x.setOutputs(...ptrs, mfccPtr, chromaPtr, chunkSqPtr, chunkPeakPtr);
    // Every allocation is done: the memory no longer grows, so these views stay valid.
    const buf = x.memory.buffer;
    this.signal = new Float32Array(buf, this.signalPtr, signalLength);
    const view = (p: number) => new Float32Array(buf, p, frames);
    this.out = {
      centroid: view(ptrs[0]!),
      bandwidth: view(ptrs[1]!),
      rolloff: view(ptrs[2]!),
      flatness: view(ptrs[3]!),
      flux: view(ptrs[4]!),
      rms: view(ptrs[5]!),
      zcr: view(ptrs[6]!),
      onset: view(ptrs[7]!),
      dbMin: view(ptrs[8]!),
      dbMax: view(ptrs[9]!),
      mfcc: new Float32Array(buf, mfccPtr, frames * nMfcc),
      chroma: new Float32Array(buf, chromaPtr, frames * 12),
      chunkSq: view(chunkSqPtr),
      chunkPeak: view(chunkPeakPtr),
    };
    this.chunked = hop % 4 === 0 && hop <= nFft / 2;
  }

  /**
   * Analyses `frames` frames from `signal` (rounded up to a multiple of 4: the caller leaves the
   * samples after its last frame zero or real). `hasPrev`: the previous call's last frame precedes
   * frame 0 (false: frame 0 is its own predecessor). `floorDb` clips the dB mel spectrum.
   */
  run(frames: number, hasPrev: boolean, flags: number, floorDb: number): void {
    this.x.processStft(this.signalPtr, this.config.hop, Math.ceil(frames / 4), hasPrev ? 1 : 0, flags, floorDb);
  }

  /** Σx² and max |x| of signal[from, to) (SIMD; the sum in float64). */
  sampleStats(from: number, to: number): [sumSquares: number, peak: number] {
    const out = this.x.statsBuffer();
    this.x.sampleStats(this.signalPtr + from * 4, Math.max(0, to - from), out);
    const r = new Float64Array(this.x.memory.buffer, out, 2);
    return [r[0]!, r[1]!];
  }

  /** Power spectrum (|X|², nFft/2 + 1 bins) of lane `lane` of the last group the last run analysed. */
  lastPower(lane: number): Float32Array {
    return this.lastLanes(this.x.powerBuffer(), this.config.nFft / 2 + 1, lane);
  }

  /** Clipped dB mel spectrum of lane `lane` of the last group (after a run with FLAG_MEL). */
  lastMelDb(lane: number): Float32Array {
    return this.lastLanes(this.x.melDbBuffer(), this.config.nMels, lane);
  }

  private lastLanes(ptr: number, n: number, lane: number): Float32Array {
    const all = new Float32Array(this.x.memory.buffer, ptr, n * 4);
    return Float32Array.from({ length: n }, (_, k) => all[k * 4 + lane]!);
  }
}

/** The tempogram's FFT size: the smallest 2^k or 3·2^k (k ≥ 5) that holds 2W − 1 (no circular
 *  aliasing at lags below W). 3·2^k saves a quarter of the work where it fits (W = 750 at 48 kHz /
 *  hop 512: 1,536 instead of 2,048). */
export function tempogramFftSize(winLength: number): number {
  let n = 64;
  while (n < 2 * winLength - 1) n *= 2;
  return n > 64 && (3 * n) / 4 >= 2 * winLength - 1 ? (3 * n) / 4 : n;
}

/** A kernel instance for the tempogram: real FFT of size nfft ≥ 2W − 1 over windowed onset frames. */
export class TempogramKernel {
  readonly pad: Float32Array;
  readonly acc: Float64Array;
  private readonly x: Exports;
  private readonly padPtr: number;
  private readonly accPtr: number;
  private readonly winPtr: number;

  constructor(
    readonly winLength: number,
    readonly nfft: number,
    maxPadLength: number,
  ) {
    const x = instantiate();
    this.x = x;
    x.configure(nfft, 0, 0, 0.85);
    x.setTables(0, writeF32(x, stageTwiddles(nfft / 2)), writeF32(x, realTwiddles(nfft)), 0, 0, 0, 0, 0, 0, 0);
    this.winPtr = writeF32(x, Float32Array.from(windowFunction('hann', winLength)));
    this.padPtr = x.alloc((maxPadLength + 8) * 4);
    this.accPtr = x.alloc((nfft / 2 + 1) * 8);
    this.pad = new Float32Array(x.memory.buffer, this.padPtr, maxPadLength + 8);
    this.acc = new Float64Array(x.memory.buffer, this.accPtr, nfft / 2 + 1);
  }

  /** Adds the normalised power spectra of frames [t0, t1) (pad[t .. t + W) each) to acc. */
  accumulate(t0: number, t1: number): void {
    if (t1 <= t0) return;
    this.x.accumulateTempogram(this.padPtr, t0, Math.ceil((t1 - t0) / 4), t1, this.winLength, this.winPtr, this.accPtr);
  }
}
