// Heihachi rhythm post-processing of one channel's onset-strength envelope: the autocorrelation
// tempogram, the global tempo, Ellis's dynamic-programming beat tracker and onset peak picking,
// each a port of librosa 0.10.0/0.10.1 (test/audio/reference/features.py is the executable spec).
import { InvalidInputError } from '../errors.ts';

/** Onset envelopes and other real series the rhythm functions read. */
export type RealSeries = Float32Array | Float64Array;

/**
 * A real-input FFT returning the power spectrum: the seam where a faster (e.g. WebAssembly)
 * kernel plugs into {@link tempogramMean}.
 */
export interface RealFftPower {
  /** Transform size: a power of two. */
  readonly size: number;
  /** Writes |X[k]|², k = 0..size/2, of `input` (length `size`, zero-padded by the caller) into `out` (length size/2 + 1). */
  power(input: Float64Array, out: Float64Array): void;
}

/** Smallest normal float64 (numpy's finfo(float64).tiny, librosa's util.tiny for float64 data). */
const TINY = 2.2250738585072014e-308;

// -- FFT --------------------------------------------------------------------------------------

/** Iterative radix-2 complex FFT with precomputed bit reversal and twiddles, in Float64. */
export class Radix2Fft {
  readonly size: number;
  private readonly rev: Uint32Array;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1 || (size & (size - 1)) !== 0) {
      throw new InvalidInputError(`audio rhythm: FFT size must be a power of two, found ${size}`);
    }
    this.size = size;
    const bits = Math.round(Math.log2(size));
    this.rev = new Uint32Array(size);
    for (let i = 0; i < size; i++) {
      let r = 0;
      for (let b = 0, v = i; b < bits; b++, v >>= 1) r = (r << 1) | (v & 1);
      this.rev[i] = r;
    }
    const half = size >> 1;
    this.cos = new Float64Array(half);
    this.sin = new Float64Array(half);
    for (let k = 0; k < half; k++) {
      // Each twiddle computed directly (no recurrence) so errors do not accumulate along k.
      this.cos[k] = Math.cos((2 * Math.PI * k) / size);
      this.sin[k] = Math.sin((2 * Math.PI * k) / size);
    }
  }

  /** In place: X[k] = Σ x[n]·e^(−2πikn/N) over (re, im), each of length `size`. */
  transform(re: Float64Array, im: Float64Array): void {
    const n = this.size;
    const rev = this.rev;
    for (let i = 0; i < n; i++) {
      const j = rev[i]!;
      if (j > i) {
        const tr = re[i]!;
        re[i] = re[j]!;
        re[j] = tr;
        const ti = im[i]!;
        im[i] = im[j]!;
        im[j] = ti;
      }
    }
    const cos = this.cos;
    const sin = this.sin;
    for (let len = 2, step = n >> 1; len <= n; len <<= 1, step >>= 1) {
      const half = len >> 1;
      for (let start = 0; start < n; start += len) {
        for (let j = 0, t = 0; j < half; j++, t += step) {
          const wr = cos[t]!;
          const wi = -sin[t]!;
          const a = start + j;
          const b = a + half;
          const br = re[b]!;
          const bi = im[b]!;
          const xr = br * wr - bi * wi;
          const xi = br * wi + bi * wr;
          const ar = re[a]!;
          const ai = im[a]!;
          re[b] = ar - xr;
          im[b] = ai - xi;
          re[a] = ar + xr;
          im[a] = ai + xi;
        }
      }
    }
  }
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

// -- tempogram --------------------------------------------------------------------------------

/** librosa's `time_to_frames(8.0, sr, hop)`: the tempogram window, floor(8·sr / hop) frames. */
export function tempoWinLength(sr: number, hop: number): number {
  return Math.floor(Math.trunc(8 * sr) / hop);
}

/**
 * `np.pad(onset, pad, mode='linear_ramp', end_values=0)` in Float64: `pad` values ramping from 0
 * up to (not including) the first sample, the envelope, and the mirror ramp down after the last.
 * Ramp values are i·(edge/pad), exactly numpy's linspace arithmetic.
 */
export function padLinearRamp(onset: RealSeries, pad: number): Float64Array {
  const n = onset.length;
  const out = new Float64Array(n + 2 * pad);
  if (n === 0) return out;
  const leftStep = onset[0]! / pad;
  const rightStep = onset[n - 1]! / pad;
  for (let i = 0; i < pad; i++) {
    out[i] = i * leftStep;
    out[pad + n + i] = (pad - 1 - i) * rightStep;
  }
  out.set(onset, pad);
  return out;
}

/** Periodic Hann window (scipy.signal.get_window('hann', n, fftbins=True)). */
export function hannPeriodic(n: number): Float64Array {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n);
  return w;
}

/**
 * The tempogram's hot loop, replaceable wholesale by a faster kernel. For each frame
 * t ∈ [frameStart, frameEnd): x = padded[t, t + window.length) · window, zero-padded to `nfft`;
 * adds |X[k]|² / Σx² into acc[k], k = 0..nfft/2 (frames with Σx² < tiny add nothing: librosa
 * leaves them un-normalised, i.e. ≈ 0). Σx² is the lag-0 autocorrelation, which for a
 * non-negative frame is its largest |lag| value, so this is librosa's norm=inf per frame.
 *
 * Without `fft`, frames go two at a time through one complex FFT (x₁ + i·x₂) and are separated
 * with the conjugate-symmetry identities.
 */
export function accumulateTempogramSpectra(
  padded: RealSeries,
  window: Float64Array,
  frameStart: number,
  frameEnd: number,
  nfft: number,
  acc: Float64Array,
  fft?: RealFftPower,
): void {
  const win = window.length;
  const bins = (nfft >> 1) + 1;
  if (nfft < 2 * win - 1) {
    throw new InvalidInputError(`audio rhythm: FFT size ${nfft} is below 2·${win} − 1: the autocorrelation would wrap`);
  }
  if (acc.length < bins) throw new InvalidInputError(`audio rhythm: accumulator has ${acc.length} bins, needs ${bins}`);
  if (frameStart < 0 || frameEnd + win > padded.length + 1) {
    throw new InvalidInputError(`audio rhythm: frames [${frameStart}, ${frameEnd}) of ${win} overrun ${padded.length} padded values`);
  }

  if (fft) {
    if (fft.size !== nfft) throw new InvalidInputError(`audio rhythm: FFT kernel size ${fft.size} differs from ${nfft}`);
    const frame = new Float64Array(nfft);
    const pow = new Float64Array(bins);
    for (let t = frameStart; t < frameEnd; t++) {
      let ac0 = 0;
      for (let j = 0; j < win; j++) {
        const v = padded[t + j]! * window[j]!;
        frame[j] = v;
        ac0 += v * v;
      }
      if (!(ac0 >= TINY)) continue;
      fft.power(frame, pow);
      const scale = 1 / ac0;
      for (let k = 0; k < bins; k++) acc[k] = acc[k]! + pow[k]! * scale;
    }
    return;
  }

  const plan = new Radix2Fft(nfft);
  const re = new Float64Array(nfft);
  const im = new Float64Array(nfft);
  const mask = nfft - 1;
  for (let t = frameStart; t < frameEnd; t += 2) {
    const second = t + 1 < frameEnd;
    let ac1 = 0;
    let ac2 = 0;
    for (let j = 0; j < win; j++) {
      const w = window[j]!;
      const a = padded[t + j]! * w;
      re[j] = a;
      ac1 += a * a;
      const b = second ? padded[t + 1 + j]! * w : 0;
      im[j] = b;
      ac2 += b * b;
    }
    re.fill(0, win);
    im.fill(0, win);
    const s1 = ac1 >= TINY ? 0.25 / ac1 : 0;
    const s2 = ac2 >= TINY ? 0.25 / ac2 : 0;
    if (s1 === 0 && s2 === 0) continue;
    plan.transform(re, im);
    // Z = X₁ + i·X₂ with X₁, X₂ real-input spectra: X₁[k] = (Z[k] + Z̄[N−k]) / 2, X₂[k] = (Z[k] − Z̄[N−k]) / 2i.
    for (let k = 0; k < bins; k++) {
      const m = (nfft - k) & mask;
      const ar = re[k]!;
      const ai = im[k]!;
      const br = re[m]!;
      const bi = im[m]!;
      const sr = ar + br;
      const di = ai - bi;
      const si = ai + bi;
      const dr = ar - br;
      acc[k] = acc[k]! + (sr * sr + di * di) * s1 + (si * si + dr * dr) * s2;
    }
  }
}

/** Lags [0, winLength) of the inverse FFT of a (real, even) accumulated power spectrum of size `nfft`. */
export function autocorrelationFromSpectrum(acc: Float64Array, nfft: number, winLength: number): Float64Array {
  const re = new Float64Array(nfft);
  const im = new Float64Array(nfft);
  const half = nfft >> 1;
  for (let k = 0; k <= half; k++) {
    const v = acc[k]!;
    re[k] = v;
    if (k > 0 && k < half) re[nfft - k] = v;
  }
  // The spectrum is real and even, so the forward transform equals N times the inverse.
  new Radix2Fft(nfft).transform(re, im);
  const out = new Float64Array(winLength);
  for (let l = 0; l < winLength && l < nfft; l++) out[l] = re[l]! / nfft;
  return out;
}

/**
 * Mean of the per-frame max-normalised autocorrelation tempogram (librosa.feature.tempogram,
 * center, hann, norm=inf, then mean over frames). Straightforward Float64 implementation: for
 * each frame, window the (linear-ramp padded) onset envelope, FFT (size: the next power of two
 * ≥ 2·winLength − 1), |X|² / ac0 where ac0 = Σx² (= max|ac|, the lag-0 autocorrelation; frames
 * with ac0 < tiny skipped), accumulate these normalised power spectra over all frames, then one
 * inverse FFT at the end, lags [0, winLength), divided by the number of frames. This equals the
 * mean of normalised autocorrelations by linearity. An empty envelope gives all zeros.
 */
export function tempogramMean(onset: RealSeries, winLength: number, fft?: RealFftPower): Float64Array {
  if (!Number.isInteger(winLength) || winLength < 1) {
    throw new InvalidInputError(`audio rhythm: tempogram window must be a positive integer, found ${winLength}`);
  }
  const n = onset.length;
  if (n === 0) return new Float64Array(winLength);
  const padded = padLinearRamp(onset, Math.floor(winLength / 2));
  const window = hannPeriodic(winLength);
  const nfft = fft ? fft.size : nextPowerOfTwo(2 * winLength - 1);
  const acc = new Float64Array((nfft >> 1) + 1);
  accumulateTempogramSpectra(padded, window, 0, n, nfft, acc, fft);
  const ac = autocorrelationFromSpectrum(acc, nfft, winLength);
  for (let l = 0; l < winLength; l++) ac[l] = ac[l]! / n;
  return ac;
}

// -- tempo ------------------------------------------------------------------------------------

export interface TempoOptions {
  /** Centre of the log-normal tempo prior. Default 120. */
  startBpm?: number;
  /** Its standard deviation in octaves. Default 1. */
  stdBpm?: number;
  /** Lags at or above this tempo are excluded; null disables. Default 320. */
  maxTempo?: number | null;
}

/** numpy's argmax: the first maximum, or the first NaN if there is one. */
function argmax(values: Float64Array): number {
  let best = 0;
  let bestValue = values[0]!;
  if (Number.isNaN(bestValue)) return 0;
  for (let i = 1; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) return i;
    if (v > bestValue) {
      bestValue = v;
      best = i;
    }
  }
  return best;
}

/**
 * librosa.feature.tempo on a frame-averaged tempogram: lag l ↦ 60·sr / (hop·l) bpm (lag 0 ↦ ∞),
 * weighted by the log-normal prior −½((log₂ bpm − log₂ startBpm) / stdBpm)², lags faster than
 * `maxTempo` excluded, argmax of log1p(10⁶·tg) + prior.
 */
export function tempoFromTempogram(tg: Float64Array, sr: number, hop: number, opts: TempoOptions = {}): number {
  const startBpm = opts.startBpm ?? 120;
  const stdBpm = opts.stdBpm ?? 1;
  const maxTempo = opts.maxTempo === undefined ? 320 : opts.maxTempo;
  if (!(startBpm > 0)) throw new InvalidInputError(`audio rhythm: startBpm must be > 0, found ${startBpm}`);
  const n = tg.length;
  if (n === 0) throw new InvalidInputError('audio rhythm: empty tempogram');
  const bpms = new Float64Array(n);
  bpms[0] = Infinity;
  for (let l = 1; l < n; l++) bpms[l] = (60 * sr) / (hop * l);
  let maxIdx = 0;
  if (maxTempo !== null) {
    // np.argmax(bpms < maxTempo): the first lag slower than maxTempo (0 when none is).
    for (let l = 0; l < n; l++) {
      if (bpms[l]! < maxTempo) {
        maxIdx = l;
        break;
      }
    }
  }
  const logStart = Math.log2(startBpm);
  const score = new Float64Array(n);
  for (let l = 0; l < n; l++) {
    const z = (Math.log2(bpms[l]!) - logStart) / stdBpm;
    const logprior = l < maxIdx ? -Infinity : -0.5 * (z * z);
    score[l] = Math.log1p(1e6 * tg[l]!) + logprior;
  }
  return bpms[argmax(score)]!;
}

// -- beats ------------------------------------------------------------------------------------

/** Python's round() / numpy's round: halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export interface BeatOptions {
  /** How strongly beat spacing sticks to the tempo. Default 100. */
  tightness?: number;
  /** Drop weak leading and trailing beats. Default true. */
  trim?: boolean;
}

/** librosa.util.localmax: x[i] > x[i−1] and x[i] ≥ x[i+1]; never the first, the last when x[−1] > x[−2]. */
function localMax(x: Float64Array): Uint8Array {
  const n = x.length;
  const out = new Uint8Array(n);
  if (n < 2) return out;
  for (let i = 1; i < n - 1; i++) out[i] = x[i]! > x[i - 1]! && x[i]! >= x[i + 1]! ? 1 : 0;
  out[n - 1] = x[n - 1]! > x[n - 2]! ? 1 : 0;
  return out;
}

function median(values: number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * librosa.beat.beat_track(onset_envelope, bpm=…) of librosa 0.10.0/0.10.1: Ellis's dynamic
 * programme. Onsets scaled by their std (ddof 1) when positive, smoothed with a Gaussian of
 * ±period frames; each frame's best predecessor lies 2·period .. round(period/2) frames back,
 * penalised by −tightness·log(gap/period)²; the path ends at the last local maximum of the
 * cumulative score above half the median local maximum; trimming keeps beats whose Hann-smoothed
 * local score exceeds half its RMS, with librosa's half-open slice that also drops the last such
 * beat. An all-zero envelope has no beats. Returns beat frame indices.
 */
export function beatTrack(onset: RealSeries, bpm: number, sr: number, hop: number, opts: BeatOptions = {}): Int32Array {
  const tightness = opts.tightness ?? 100;
  const trim = opts.trim ?? true;
  const n = onset.length;
  let any = false;
  for (let i = 0; i < n && !any; i++) any = onset[i] !== 0;
  if (!any) return new Int32Array(0);
  if (!(bpm > 0)) throw new InvalidInputError(`audio rhythm: bpm must be > 0, found ${bpm}`);
  if (!(tightness > 0)) throw new InvalidInputError(`audio rhythm: tightness must be > 0, found ${tightness}`);
  const period = roundHalfEven((60 * (sr / hop)) / bpm);
  if (period < 1) throw new InvalidInputError(`audio rhythm: ${bpm} bpm is under one frame per beat at ${sr} Hz / hop ${hop}`);

  // Normalise by the sample standard deviation (a single frame has none: left as is).
  const x = Float64Array.from(onset);
  if (n > 1) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += x[i]!;
    const mean = sum / n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const d = x[i]! - mean;
      ss += d * d;
    }
    const std = Math.sqrt(ss / (n - 1));
    if (std > 0) for (let i = 0; i < n; i++) x[i] = x[i]! / std;
  }

  // Local score: 'same' convolution with exp(−½(32·k/period)²), k = −period..period.
  const kernel = new Float64Array(2 * period + 1);
  for (let k = -period; k <= period; k++) {
    const z = (k * 32) / period;
    kernel[k + period] = Math.exp(-0.5 * (z * z));
  }
  const localscore = new Float64Array(n);
  let maxLocal = -Infinity;
  for (let i = 0; i < n; i++) {
    let s = 0;
    const lo = Math.max(0, i - period);
    const hi = Math.min(n - 1, i + period);
    for (let j = lo; j <= hi; j++) s += x[j]! * kernel[i + period - j]!;
    localscore[i] = s;
    if (s > maxLocal) maxLocal = s;
  }

  // Dynamic programme over predecessor offsets winStart..winEnd (relative to the current frame).
  const winStart = -2 * period;
  const winEnd = -roundHalfEven(period / 2);
  const wlen = winEnd - winStart + 1;
  const txwt = new Float64Array(wlen);
  for (let k = 0; k < wlen; k++) {
    const lg = Math.log(-(winStart + k) / period);
    txwt[k] = -tightness * (lg * lg);
  }
  const cumscore = new Float64Array(n);
  const backlink = new Int32Array(n);
  const scoreThresh = 0.01 * maxLocal;
  let firstBeat = true;
  for (let i = 0; i < n; i++) {
    const base = winStart + i;
    const zPad = Math.max(0, Math.min(-base, wlen));
    let loc = 0;
    let best = NaN;
    for (let k = 0; k < wlen; k++) {
      const c = k < zPad ? txwt[k]! : txwt[k]! + cumscore[base + k]!;
      if (Number.isNaN(c)) {
        loc = k;
        best = c;
        break;
      }
      if (k === 0 || c > best) {
        best = c;
        loc = k;
      }
    }
    const score = localscore[i]!;
    cumscore[i] = score + best;
    if (firstBeat && score < scoreThresh) {
      backlink[i] = -1;
    } else {
      backlink[i] = base + loc;
      firstBeat = false;
    }
  }

  // Last beat: the last local maximum of cumscore above half the median local maximum.
  const maxes = localMax(cumscore);
  const peakScores: number[] = [];
  for (let i = 0; i < n; i++) if (maxes[i]) peakScores.push(cumscore[i]!);
  if (peakScores.length === 0) return new Int32Array(0);
  const med = median(peakScores);
  let last = -1;
  for (let i = n - 1; i >= 0; i--) {
    // numpy's `cumscore * maxes * 2 > med`: non-maxima count as 0 (so they qualify when med < 0).
    if (cumscore[i]! * maxes[i]! * 2 > med) {
      last = i;
      break;
    }
  }
  if (last < 0) return new Int32Array(0);
  const path: number[] = [last];
  while (backlink[path[path.length - 1]!]! >= 0) path.push(backlink[path[path.length - 1]!]!);
  path.reverse();

  // Trim: convolve the beats' local scores with the symmetric Hann(5) = [0, .5, 1, .5, 0].
  const m = path.length;
  const smooth = new Float64Array(m);
  let sq = 0;
  for (let j = 0; j < m; j++) {
    const prev = j > 0 ? localscore[path[j - 1]!]! : 0;
    const next = j + 1 < m ? localscore[path[j + 1]!]! : 0;
    const v = 0.5 * prev + localscore[path[j]!]! + 0.5 * next;
    smooth[j] = v;
    sq += v * v;
  }
  const threshold = trim ? 0.5 * Math.sqrt(sq / m) : 0;
  let first = -1;
  let lastValid = -1;
  for (let j = 0; j < m; j++) {
    if (smooth[j]! > threshold) {
      if (first < 0) first = j;
      lastValid = j;
    }
  }
  if (first < 0) return new Int32Array(0);
  return Int32Array.from(path.slice(first, lastValid));
}

// -- onsets -----------------------------------------------------------------------------------

/** Python's float floor division a // b (CPython's float_floor_div), so parameter rounding matches. */
function pyFloorDiv(a: number, b: number): number {
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && (b < 0) !== (mod < 0)) {
    mod += b;
    div -= 1;
  }
  if (div === 0) return 0 * (a / b);
  let floordiv = Math.floor(div);
  if (div - floordiv > 0.5) floordiv += 1;
  return floordiv;
}

/**
 * librosa.util.peak_pick (0.10.0/0.10.1): n is a peak when x[n] = max x[n − preMax, n + postMax),
 * x[n] ≥ mean x[n − preAvg, n + postAvg) + delta (windows truncated at the ends), x[n] ≠ 0,
 * and n is more than `wait` after the previous peak (greedy). Counts are rounded up to integers.
 */
export function peakPick(
  x: RealSeries,
  preMax: number,
  postMax: number,
  preAvg: number,
  postAvg: number,
  delta: number,
  wait: number,
): Int32Array {
  if (!(preMax >= 0)) throw new InvalidInputError(`audio rhythm: preMax must be ≥ 0, found ${preMax}`);
  if (!(preAvg >= 0)) throw new InvalidInputError(`audio rhythm: preAvg must be ≥ 0, found ${preAvg}`);
  if (!(delta >= 0)) throw new InvalidInputError(`audio rhythm: delta must be ≥ 0, found ${delta}`);
  if (!(wait >= 0)) throw new InvalidInputError(`audio rhythm: wait must be ≥ 0, found ${wait}`);
  if (!(postMax > 0)) throw new InvalidInputError(`audio rhythm: postMax must be > 0, found ${postMax}`);
  if (!(postAvg > 0)) throw new InvalidInputError(`audio rhythm: postAvg must be > 0, found ${postAvg}`);
  const pMax = Math.ceil(preMax);
  const qMax = Math.ceil(postMax);
  const pAvg = Math.ceil(preAvg);
  const qAvg = Math.ceil(postAvg);
  const w = Math.ceil(wait);
  const n = x.length;
  const peaks: number[] = [];
  let lastOnset = -Infinity;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    if (xi === 0) continue;
    let mx = -Infinity;
    for (let j = Math.max(0, i - pMax), end = Math.min(n, i + qMax); j < end; j++) if (x[j]! > mx) mx = x[j]!;
    if (xi !== mx) continue;
    let sum = 0;
    const lo = Math.max(0, i - pAvg);
    const hi = Math.min(n, i + qAvg);
    for (let j = lo; j < hi; j++) sum += x[j]!;
    if (!(xi >= sum / (hi - lo) + delta)) continue;
    if (i > lastOnset + w) {
      peaks.push(i);
      lastOnset = i;
    }
  }
  return Int32Array.from(peaks);
}

/**
 * librosa.onset.onset_detect(onset_envelope, sr, hop, backtrack=False, normalize=True): the
 * envelope shifted to min 0 and divided by (max + tiny), then peak-picked with librosa's tuned
 * windows: max over 30 ms back, mean over ±100 ms, delta 0.07, wait 30 ms (frame counts
 * floor(seconds·sr / hop)). A constant or non-finite envelope has no onsets.
 */
export function onsetDetect(onset: RealSeries, sr: number, hop: number): Int32Array {
  const n = onset.length;
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const v = onset[i]!;
    if (!Number.isFinite(v)) return new Int32Array(0);
    if (v < min) min = v;
  }
  const x = new Float64Array(n);
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = onset[i]! - min;
    x[i] = v;
    if (v > max) max = v;
  }
  const scale = max + TINY;
  let any = false;
  for (let i = 0; i < n; i++) {
    const v = x[i]! / scale;
    x[i] = v;
    if (v !== 0) any = true;
  }
  if (!any) return new Int32Array(0);
  return peakPick(
    x,
    pyFloorDiv(0.03 * sr, hop),
    pyFloorDiv(0.0 * sr, hop) + 1,
    pyFloorDiv(0.1 * sr, hop),
    pyFloorDiv(0.1 * sr, hop) + 1,
    0.07,
    pyFloorDiv(0.03 * sr, hop),
  );
}
