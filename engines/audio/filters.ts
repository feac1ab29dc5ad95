// Windows and filterbanks with librosa's definitions, in float64: librosa.filters.mel (Slaney and
// HTK scales, Slaney area normalisation), librosa.filters.chroma (tuning 0), scipy's DCT-II (ortho)
// and scipy.signal.get_window(fftbins=True) windows.
import type { MelScale, WindowName } from './types.ts';

/** Periodic window of length n (scipy.signal.get_window(name, n, fftbins=True)). */
export function windowFunction(name: WindowName, n: number): Float64Array {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    w[i] = name === 'hann' ? 0.5 - 0.5 * Math.cos(a) : name === 'hamming' ? 0.54 - 0.46 * Math.cos(a) : 0.42 - 0.5 * Math.cos(a) + 0.08 * Math.cos(2 * a);
  }
  return w;
}

const F_SP = 200 / 3;
const MIN_LOG_HZ = 1000;
const MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
const LOGSTEP = Math.log(6.4) / 27;

export function hzToMel(f: number, scale: MelScale): number {
  if (scale === 'htk') return 2595 * Math.log10(1 + f / 700);
  return f >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(f / MIN_LOG_HZ) / LOGSTEP : f / F_SP;
}

export function melToHz(m: number, scale: MelScale): number {
  if (scale === 'htk') return 700 * (10 ** (m / 2595) - 1);
  return m >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOGSTEP * (m - MIN_LOG_MEL)) : F_SP * m;
}

/** librosa.filters.mel(sr, n_fft, n_mels, fmin=0, fmax=sr/2, htk, norm='slaney'): nMels rows of n_fft/2+1. */
export function melFilterbank(sr: number, nFft: number, nMels: number, scale: MelScale): Float64Array[] {
  const nbins = nFft / 2 + 1;
  const fftFreqs = Float64Array.from({ length: nbins }, (_, k) => (k * sr) / nFft);
  const lo = hzToMel(0, scale);
  const hi = hzToMel(sr / 2, scale);
  const melF = Float64Array.from({ length: nMels + 2 }, (_, i) => melToHz(lo + ((hi - lo) * i) / (nMels + 1), scale));
  const rows: Float64Array[] = [];
  for (let b = 0; b < nMels; b++) {
    const row = new Float64Array(nbins);
    const d0 = melF[b + 1]! - melF[b]!;
    const d1 = melF[b + 2]! - melF[b + 1]!;
    const enorm = 2 / (melF[b + 2]! - melF[b]!);
    for (let k = 0; k < nbins; k++) {
      const lower = -(melF[b]! - fftFreqs[k]!) / d0;
      const upper = (melF[b + 2]! - fftFreqs[k]!) / d1;
      row[k] = Math.max(0, Math.min(lower, upper)) * enorm;
    }
    rows.push(row);
  }
  return rows;
}

/** librosa.filters.chroma(sr, n_fft, tuning=0, n_chroma=12, ctroct=5, octwidth=2, norm=2, base_c=True). */
export function chromaFilterbank(sr: number, nFft: number): Float64Array[] {
  const nChroma = 12;
  const frqbins = new Float64Array(nFft);
  const a440 = 440;
  for (let i = 1; i < nFft; i++) frqbins[i] = nChroma * Math.log2((i * sr) / nFft / (a440 / 16));
  frqbins[0] = frqbins[1]! - 1.5 * nChroma;
  const width = new Float64Array(nFft);
  for (let i = 0; i < nFft - 1; i++) width[i] = Math.max(frqbins[i + 1]! - frqbins[i]!, 1);
  width[nFft - 1] = 1;
  const half = Math.round(nChroma / 2);
  const wts = Array.from({ length: nChroma }, () => new Float64Array(nFft));
  for (let i = 0; i < nFft; i++) {
    let norm = 0;
    for (let c = 0; c < nChroma; c++) {
      const x = frqbins[i]! - c + half + 10 * nChroma;
      const d = (((x % nChroma) + nChroma) % nChroma) - half;
      const v = Math.exp(-0.5 * ((2 * d) / width[i]!) ** 2);
      wts[c]![i] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    const oct = Math.exp(-0.5 * ((frqbins[i]! / nChroma - 5) / 2) ** 2);
    for (let c = 0; c < nChroma; c++) wts[c]![i] = (norm > 0 ? wts[c]![i]! / norm : wts[c]![i]!) * oct;
  }
  // base_c: roll by −3 so that row 0 is C
  const nbins = nFft / 2 + 1;
  return Array.from({ length: nChroma }, (_, c) => wts[(c + 3) % nChroma]!.slice(0, nbins));
}

/** The first `k` rows of the orthonormal DCT-II matrix of size n (scipy.fft.dct(type=2, norm='ortho')). */
export function dctOrthoRows(n: number, k: number): Float64Array[] {
  return Array.from({ length: k }, (_, i) => {
    const scale = i === 0 ? Math.sqrt(1 / n) : Math.sqrt(2 / n);
    return Float64Array.from({ length: n }, (_, j) => scale * Math.cos((Math.PI * i * (2 * j + 1)) / (2 * n)));
  });
}
