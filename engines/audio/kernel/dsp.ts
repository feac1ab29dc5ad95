// Heihachi's frame kernel, in AssemblyScript compiled to WebAssembly with 128-bit SIMD
// (scripts/build-wasm.js → dist/heihachi.wasm). This file is AssemblyScript, not TypeScript: it is
// excluded from tsc, eslint and Jest.
//
// Why a hand-written kernel: the hour of stereo is 675,000 STFT frames plus as many
// tempogram frames, on two cores in ≤ 8 s; that leaves a few microseconds per frame. The best
// JavaScript FFT here (fft.js) needs ~50 µs per 2048-point frame, and a WebAssembly FFT library
// (pffft) would still leave every per-bin feature loop in scalar JavaScript. So the kernel does
// the whole frame pipeline in SIMD: FOUR CONSECUTIVE FRAMES RIDE IN THE FOUR f32 LANES of every
// v128, so the FFT and every feature are plain scalar algorithms with no shuffles (lane l of every
// vector belongs to frame f + l). The JavaScript side (kernel.ts) computes all tables (window,
// twiddles, mel / chroma filterbanks, DCT) in float64 with librosa's formulas and writes them here.
//
// Layouts (all 16-byte aligned, 4 lanes = 4 frames):
//   complex vector k:  [re: v128][im: v128]  (32 bytes)
//   per-bin vector k:  v128                   (16 bytes)
//   outputs:           scalar feature f of frame 4g+l at out + (4g+l)*4 (frames are contiguous)
//                      vector feature (mfcc, chroma) coefficient i of frame 4g+l at ((g*n + i)*4 + l)*4

// ---- configuration (set by configure / setTables / setOutputs) -------------------------------
let nfft: i32 = 0; // real FFT size N
let m: i32 = 0; // complex FFT size N/2
let nbins: i32 = 0; // N/2 + 1
let nMels: i32 = 0;
let nMfcc: i32 = 0;
let rollPct: f32 = 0.85;

let win: usize = 0; // f32[N] analysis window
let tw: usize = 0; // radix-4 stage twiddles: per stage, per p: w1re w1im w2re w2im w3re w3im (f32)
let rtw: usize = 0; // real-FFT split twiddles: per k in [0, M]: cos(2πk/N), sin(2πk/N)
let freqs: usize = 0; // f32[nbins] bin centre frequencies (Hz)
let melLo: usize = 0; // i32[nMels] first nonzero bin of each mel filter
let melLen: usize = 0; // i32[nMels] number of nonzero bins
let melOff: usize = 0; // i32[nMels] offset (in floats) of the filter's weights in melW
let melW: usize = 0; // f32[] packed nonzero mel weights
let dct: usize = 0; // f32[nMfcc * nMels] DCT-II (ortho) rows
let chromaW: usize = 0; // f32[12 * nbins] chroma filterbank

// working buffers
let bufA: usize = 0; // complex[M]
let bufB: usize = 0; // complex[M]
let pw: usize = 0; // v128[nbins] power
let mag: usize = 0; // v128[nbins] magnitude, this group
let cum: usize = 0; // v128[nbins] running sum of the magnitudes, this group
let magPrev: usize = 0; // v128[nbins] magnitude, previous group (lane 3 = previous frame)
let dbv: usize = 0; // v128[nMels] clipped dB mel, this group
let dbPrev: usize = 0; // v128[nMels] previous group
let chromaTmp: usize = 0; // v128[12]
let stats: usize = 0; // f64[2] sampleStats scratch
let tacc: usize = 0; // v128[nbins] tempogram lane sums between flushes

// outputs of processStft
let oCentroid: usize = 0;
let oBandwidth: usize = 0;
let oRolloff: usize = 0;
let oFlatness: usize = 0;
let oFlux: usize = 0;
let oRms: usize = 0;
let oZcr: usize = 0;
let oOnset: usize = 0; // d[t] = mean over bands of max(0, db[t] - db[t-1])
let oDbMin: usize = 0;
let oDbMax: usize = 0;
let oMfcc: usize = 0;
let oChroma: usize = 0;
let oChunkSq: usize = 0; // Σx² of frame t's hop-chunk (see `chunked`)
let oChunkPeak: usize = 0; // max |x| of the same chunk

export const FLAG_SPECTRAL: i32 = 1; // centroid, rolloff, flux
export const FLAG_BANDWIDTH: i32 = 16; // spectral bandwidth (a second pass over the bins)
export const FLAG_FLATNESS: i32 = 2;
export const FLAG_MEL: i32 = 4; // mel dB → mfcc, onset strength, dB range
export const FLAG_CHROMA: i32 = 8;

export function alloc(bytes: usize): usize {
  return heap.alloc(bytes);
}

export function configure(n: i32, bands: i32, coeffs: i32, rolloff: f32): void {
  nfft = n;
  m = n >> 1;
  nbins = m + 1;
  nMels = bands;
  nMfcc = coeffs;
  rollPct = rolloff;
  bufA = heap.alloc(<usize>m << 5);
  bufB = heap.alloc(<usize>m << 5);
  pw = heap.alloc(<usize>nbins << 4);
  mag = heap.alloc(<usize>nbins << 4);
  cum = heap.alloc(<usize>nbins << 4);
  magPrev = heap.alloc(<usize>nbins << 4);
  dbv = heap.alloc(<usize>max(bands, 1) << 4);
  dbPrev = heap.alloc(<usize>max(bands, 1) << 4);
  chromaTmp = heap.alloc(12 << 4);
  tacc = heap.alloc(<usize>nbins << 4);
  memory.fill(tacc, 0, <usize>nbins << 4);
  stats = heap.alloc(16);
  gstate = heap.alloc(64);
}

export function setTables(
  window: usize, twiddles: usize, realTwiddles: usize, binFreqs: usize,
  lo: usize, len: usize, off: usize, weights: usize, dctRows: usize, chroma: usize,
): void {
  win = window;
  tw = twiddles;
  rtw = realTwiddles;
  freqs = binFreqs;
  melLo = lo;
  melLen = len;
  melOff = off;
  melW = weights;
  dct = dctRows;
  chromaW = chroma;
}

export function setOutputs(
  centroid: usize, bandwidth: usize, rolloff: usize, flatness: usize, flux: usize, rms: usize, zcr: usize,
  onset: usize, dbMin: usize, dbMax: usize, mfcc: usize, chroma: usize, chunkSq: usize, chunkPeak: usize,
): void {
  oChunkSq = chunkSq;
  oChunkPeak = chunkPeak;
  oCentroid = centroid;
  oBandwidth = bandwidth;
  oRolloff = rolloff;
  oFlatness = flatness;
  oFlux = flux;
  oRms = rms;
  oZcr = zcr;
  oOnset = onset;
  oDbMin = dbMin;
  oDbMax = dbMax;
  oMfcc = mfcc;
  oChroma = chroma;
}

// ---- FFT --------------------------------------------------------------------------------------

/** One radix-4 butterfly (4 lanes): inputs at x, x + q1, x + 2q1, x + 3q1; outputs at y, y + sb,
 *  y + 2sb, y + 3sb, the last three times w1, w2, w3 when `twiddled` (the last stage has none). */
// @ts-ignore: decorator
@inline function radix4(
  xi: usize, yi: usize, q1: usize, sb: usize, twiddled: bool,
  w1r: v128, w1i: v128, w2r: v128, w2i: v128, w3r: v128, w3i: v128,
): void {
  const ar = v128.load(xi);
  const ai = v128.load(xi, 16);
  const br = v128.load(xi + q1);
  const bi = v128.load(xi + q1, 16);
  const cr = v128.load(xi + 2 * q1);
  const ci = v128.load(xi + 2 * q1, 16);
  const dr = v128.load(xi + 3 * q1);
  const di = v128.load(xi + 3 * q1, 16);
  const apcr = f32x4.add(ar, cr);
  const apci = f32x4.add(ai, ci);
  const amcr = f32x4.sub(ar, cr);
  const amci = f32x4.sub(ai, ci);
  const bpdr = f32x4.add(br, dr);
  const bpdi = f32x4.add(bi, di);
  // j·(b − d) = (−(bi − di), br − dr)
  const jr = f32x4.sub(di, bi);
  const ji = f32x4.sub(br, dr);
  v128.store(yi, f32x4.add(apcr, bpdr));
  v128.store(yi, f32x4.add(apci, bpdi), 16);
  const u1r = f32x4.sub(amcr, jr);
  const u1i = f32x4.sub(amci, ji);
  const u2r = f32x4.sub(apcr, bpdr);
  const u2i = f32x4.sub(apci, bpdi);
  const u3r = f32x4.add(amcr, jr);
  const u3i = f32x4.add(amci, ji);
  if (twiddled) {
    v128.store(yi + sb, f32x4.sub(f32x4.mul(w1r, u1r), f32x4.mul(w1i, u1i)));
    v128.store(yi + sb, f32x4.add(f32x4.mul(w1r, u1i), f32x4.mul(w1i, u1r)), 16);
    v128.store(yi + 2 * sb, f32x4.sub(f32x4.mul(w2r, u2r), f32x4.mul(w2i, u2i)));
    v128.store(yi + 2 * sb, f32x4.add(f32x4.mul(w2r, u2i), f32x4.mul(w2i, u2r)), 16);
    v128.store(yi + 3 * sb, f32x4.sub(f32x4.mul(w3r, u3r), f32x4.mul(w3i, u3i)));
    v128.store(yi + 3 * sb, f32x4.add(f32x4.mul(w3r, u3i), f32x4.mul(w3i, u3r)), 16);
  } else {
    v128.store(yi + sb, u1r);
    v128.store(yi + sb, u1i, 16);
    v128.store(yi + 2 * sb, u2r);
    v128.store(yi + 2 * sb, u2i, 16);
    v128.store(yi + 3 * sb, u3r);
    v128.store(yi + 3 * sb, u3i, 16);
  }
}

/** Ping-pong complex FFT of size M on 4 lanes (Stockham autosort: no bit reversal). M = 2^k or
 *  3·2^k: a radix-3 stage when 3 divides M, radix-4 stages, then one radix-2 stage when the rest is
 *  an odd power of two. Returns the buffer holding the result. */
function fftM(): usize {
  let x = bufA;
  let y = bufB;
  let n = m;
  let s = 1;
  let twp = tw;
  if (n % 3 == 0) {
    // one radix-3 stage first (the tempogram's FFT sizes are 3·2^k as well as 2^k)
    const n3 = n / 3;
    const h = f32x4.splat(0.8660254037844386); // √3/2
    const half = f32x4.splat(0.5);
    const q1 = <usize>n3 << 5;
    for (let p = 0; p < n3; p++) {
      const t = twp + (<usize>p << 4);
      const w1r = v128.load32_splat(t);
      const w1i = v128.load32_splat(t, 4);
      const w2r = v128.load32_splat(t, 8);
      const w2i = v128.load32_splat(t, 12);
      const xi = x + (<usize>p << 5);
      const yi = y + (<usize>(3 * p) << 5);
      const ar = v128.load(xi);
      const ai = v128.load(xi, 16);
      const br = v128.load(xi + q1);
      const bi = v128.load(xi + q1, 16);
      const cr = v128.load(xi + 2 * q1);
      const ci = v128.load(xi + 2 * q1, 16);
      const t1r = f32x4.add(br, cr);
      const t1i = f32x4.add(bi, ci);
      const t2r = f32x4.sub(ar, f32x4.mul(half, t1r));
      const t2i = f32x4.sub(ai, f32x4.mul(half, t1i));
      // −i·(√3/2)·(b − c)
      const t3r = f32x4.mul(h, f32x4.sub(bi, ci));
      const t3i = f32x4.mul(h, f32x4.sub(cr, br));
      v128.store(yi, f32x4.add(ar, t1r));
      v128.store(yi, f32x4.add(ai, t1i), 16);
      const u1r = f32x4.add(t2r, t3r);
      const u1i = f32x4.add(t2i, t3i);
      v128.store(yi, f32x4.sub(f32x4.mul(w1r, u1r), f32x4.mul(w1i, u1i)), 32);
      v128.store(yi, f32x4.add(f32x4.mul(w1r, u1i), f32x4.mul(w1i, u1r)), 48);
      const u2r = f32x4.sub(t2r, t3r);
      const u2i = f32x4.sub(t2i, t3i);
      v128.store(yi, f32x4.sub(f32x4.mul(w2r, u2r), f32x4.mul(w2i, u2i)), 64);
      v128.store(yi, f32x4.add(f32x4.mul(w2r, u2i), f32x4.mul(w2i, u2r)), 80);
    }
    twp += <usize>n3 << 4;
    n = n3;
    s = 3;
    const tmp = x;
    x = y;
    y = tmp;
  }
  while (n > 4) {
    const n4 = n >> 2;
    const sb = <usize>s << 5; // bytes per stride step
    const q1 = <usize>n4 * sb; // offset of the second quarter
    for (let p = 0; p < n4; p++) {
      const t = twp + (<usize>p * 24);
      const w1r = v128.load32_splat(t);
      const w1i = v128.load32_splat(t, 4);
      const w2r = v128.load32_splat(t, 8);
      const w2i = v128.load32_splat(t, 12);
      const w3r = v128.load32_splat(t, 16);
      const w3i = v128.load32_splat(t, 20);
      let xi = x + <usize>p * sb;
      let yi = y + (<usize>p << 2) * sb;
      for (let q = 0; q < s; q++) {
        radix4(xi, yi, q1, sb, true, w1r, w1i, w2r, w2i, w3r, w3i);
        xi += 32;
        yi += 32;
      }
    }
    twp += <usize>n4 * 24;
    n = n4;
    s <<= 2;
    const tmp = x;
    x = y;
    y = tmp;
  }
  if (n == 4) {
    // last radix-4 stage: p = 0 only, all twiddles are 1
    const sb = <usize>s << 5;
    const one = f32x4.splat(1);
    const zero = f32x4.splat(0);
    let xi = x;
    let yi = y;
    for (let q = 0; q < s; q++) {
      radix4(xi, yi, sb, sb, false, one, zero, one, zero, one, zero);
      xi += 32;
      yi += 32;
    }
    return y;
  }
  if (n == 2) {
    const half = <usize>s << 5;
    let xi = x;
    let yi = y;
    for (let q = 0; q < s; q++) {
      const ar = v128.load(xi);
      const ai = v128.load(xi, 16);
      const br = v128.load(xi + half);
      const bi = v128.load(xi + half, 16);
      v128.store(yi, f32x4.add(ar, br));
      v128.store(yi, f32x4.add(ai, bi), 16);
      v128.store(yi + half, f32x4.sub(ar, br));
      v128.store(yi + half, f32x4.sub(ai, bi), 16);
      xi += 32;
      yi += 32;
    }
    return y;
  }
  return x;
}

/** Power spectrum |X_k|² (k = 0..M) of the real signal packed as z_m = x_2m + i·x_2m+1 in bufA.
 *  Bins k and M − k are formed together from Z_k and Z_{M−k}: with E = Z_k + conj Z_{M−k},
 *  O = Z_k − conj Z_{M−k} (both doubled) and t_k = e^{−2πik/N}, 2X_k = E − i·t_k·O and
 *  2X_{M−k} = conj E + i·conj(t_k·O)·(−1)… which reduces to the P, Q terms below. */
function realPower(): void {
  const z = fftM();
  const quarter = f32x4.splat(0.25);
  const zm = <usize>m << 5;
  {
    const ar = v128.load(z);
    const ai = v128.load(z, 16);
    const x0 = f32x4.add(ar, ai);
    const xm = f32x4.sub(ar, ai);
    v128.store(pw, f32x4.mul(x0, x0));
    v128.store(pw + (<usize>m << 4), f32x4.mul(xm, xm));
  }
  const halfM = m >> 1;
  for (let k = 1; k <= halfM; k++) {
    const ka = <usize>k << 5;
    const kb = zm - ka;
    const ar = v128.load(z + ka);
    const ai = v128.load(z + ka, 16);
    const br = v128.load(z + kb);
    const bi = v128.load(z + kb, 16);
    const er = f32x4.add(ar, br);
    const ei = f32x4.sub(ai, bi);
    const or = f32x4.sub(ar, br);
    const oi = f32x4.add(ai, bi);
    const c = v128.load32_splat(rtw + (<usize>k << 3));
    const sn = v128.load32_splat(rtw + (<usize>k << 3), 4);
    const pp = f32x4.sub(f32x4.mul(c, oi), f32x4.mul(sn, or));
    const qq = f32x4.add(f32x4.mul(c, or), f32x4.mul(sn, oi));
    const r1 = f32x4.add(er, pp);
    const i1 = f32x4.sub(ei, qq);
    const r2 = f32x4.sub(er, pp);
    const i2 = f32x4.add(ei, qq);
    v128.store(pw + (<usize>(m - k) << 4), f32x4.mul(quarter, f32x4.add(f32x4.mul(r2, r2), f32x4.mul(i2, i2))));
    v128.store(pw + (<usize>k << 4), f32x4.mul(quarter, f32x4.add(f32x4.mul(r1, r1), f32x4.mul(i1, i1))));
  }
}

// ---- vector math ------------------------------------------------------------------------------

/** Natural log of 4 positive normal floats (Cephes logf; ~1 ulp). */
// @ts-ignore: decorator
@inline function logv(x: v128): v128 {
  const bits = x;
  let e = i32x4.sub(i32x4.shr_u(bits, 23), i32x4.splat(126));
  let mt = v128.or(v128.and(bits, i32x4.splat(0x007fffff)), i32x4.splat(0x3f000000)); // mantissa in [0.5, 1)
  const small = f32x4.lt(mt, f32x4.splat(0.707106781186547524));
  e = i32x4.add(e, small); // small lanes are −1: e − 1
  const one = f32x4.splat(1.0);
  mt = f32x4.sub(f32x4.add(mt, v128.and(mt, small)), one);
  const ef = f32x4.convert_i32x4_s(e);
  const z = f32x4.mul(mt, mt);
  let y = f32x4.splat(7.0376836292e-2);
  y = f32x4.add(f32x4.mul(y, mt), f32x4.splat(-1.1514610310e-1));
  y = f32x4.add(f32x4.mul(y, mt), f32x4.splat(1.1676998740e-1));
  y = f32x4.add(f32x4.mul(y, mt), f32x4.splat(-1.2420140846e-1));
  y = f32x4.add(f32x4.mul(y, mt), f32x4.splat(1.4249322787e-1));
  y = f32x4.add(f32x4.mul(y, mt), f32x4.splat(-1.6668057665e-1));
  y = f32x4.add(f32x4.mul(y, mt), f32x4.splat(2.0000714765e-1));
  y = f32x4.add(f32x4.mul(y, mt), f32x4.splat(-2.4999993993e-1));
  y = f32x4.add(f32x4.mul(y, mt), f32x4.splat(3.3333331174e-1));
  y = f32x4.mul(f32x4.mul(y, mt), z);
  y = f32x4.add(y, f32x4.mul(ef, f32x4.splat(-2.12194440e-4)));
  y = f32x4.sub(y, f32x4.mul(z, f32x4.splat(0.5)));
  return f32x4.add(f32x4.add(mt, y), f32x4.mul(ef, f32x4.splat(0.693359375)));
}

// @ts-ignore: decorator
@inline function hsum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

/** Gather state between the ranges of one group: Σx², crossings, previous sign, chunk peak. */
let gstate: usize = 0;

/** Samples [j0, j1) of 4 frames into lanes (transposes), windowed into bufA, with Σx² (RMS), zero
 *  crossings (within the frame) and, when `peak`, max |x|, carried in gstate between ranges. */
// @ts-ignore: decorator
@inline function gather(f0: usize, f1: usize, f2: usize, f3: usize, j0: i32, j1: i32, fft: bool, peak: bool): void {
  const thrNeg = f32x4.splat(-1e-10);
  const zero = f32x4.splat(0);
  let sq = v128.load(gstate);
  let zc = v128.load(gstate, 16);
  let prevNeg = v128.load(gstate, 32);
  let pk = v128.load(gstate, 48);
  for (let j = j0; j < j1; j += 4) {
    const o = <usize>j << 2;
    const r0 = v128.load(f0 + o);
    const r1 = v128.load(f1 + o);
    const r2 = v128.load(f2 + o);
    const r3 = v128.load(f3 + o);
    const t0 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5);
    const t1 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7);
    const t2 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
    const t3 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
    const v0 = v128.shuffle<f32>(t0, t2, 0, 1, 4, 5);
    const v1 = v128.shuffle<f32>(t0, t2, 2, 3, 6, 7);
    const v2 = v128.shuffle<f32>(t1, t3, 0, 1, 4, 5);
    const v3 = v128.shuffle<f32>(t1, t3, 2, 3, 6, 7);
    sq = f32x4.add(sq, f32x4.add(f32x4.add(f32x4.mul(v0, v0), f32x4.mul(v1, v1)), f32x4.add(f32x4.mul(v2, v2), f32x4.mul(v3, v3))));
    if (peak) pk = f32x4.max(pk, f32x4.max(f32x4.max(f32x4.abs(v0), f32x4.abs(v1)), f32x4.max(f32x4.abs(v2), f32x4.abs(v3))));
    // sign after zeroing |x| ≤ 1e-10: negative iff x < −1e-10 (zero counts as positive)
    const n0 = f32x4.lt(v0, thrNeg);
    const n1 = f32x4.lt(v1, thrNeg);
    const n2 = f32x4.lt(v2, thrNeg);
    const n3 = f32x4.lt(v3, thrNeg);
    const c0 = j == 0 ? zero : v128.xor(n0, prevNeg);
    zc = i32x4.sub(zc, i32x4.add(i32x4.add(c0, v128.xor(n1, n0)), i32x4.add(v128.xor(n2, n1), v128.xor(n3, n2))));
    prevNeg = n3;
    if (fft) {
      const a = bufA + (<usize>j << 4); // complex index j/2 → byte (j/2)·32
      const w = win + o;
      v128.store(a, f32x4.mul(v0, v128.load32_splat(w)));
      v128.store(a, f32x4.mul(v1, v128.load32_splat(w, 4)), 16);
      v128.store(a, f32x4.mul(v2, v128.load32_splat(w, 8)), 32);
      v128.store(a, f32x4.mul(v3, v128.load32_splat(w, 12)), 48);
    }
  }
  v128.store(gstate, sq);
  v128.store(gstate, zc, 16);
  v128.store(gstate, prevNeg, 32);
  if (peak) v128.store(gstate, pk, 48);
}

/** Four rows of a matrix times a vector of 4-lane values: out[r] = Σ_k vec[k]·w[r][k] for r < 4
 *  (rows `rowB` bytes apart, n columns). Four independent accumulators, one load of each vec[k]:
 *  a single chain of dependent adds would wait on their latency. Used for MFCC and chroma. */
// @ts-ignore: decorator
@inline function dot4(vec: usize, n: i32, w: usize, rowB: usize, out: usize): void {
  let a0 = f32x4.splat(0);
  let a1 = a0;
  let a2 = a0;
  let a3 = a0;
  let wp = w;
  for (let k = 0; k < n; k++) {
    const x = v128.load(vec + (<usize>k << 4));
    a0 = f32x4.add(a0, f32x4.mul(x, v128.load32_splat(wp)));
    a1 = f32x4.add(a1, f32x4.mul(x, v128.load32_splat(wp + rowB)));
    a2 = f32x4.add(a2, f32x4.mul(x, v128.load32_splat(wp + 2 * rowB)));
    a3 = f32x4.add(a3, f32x4.mul(x, v128.load32_splat(wp + 3 * rowB)));
    wp += 4;
  }
  v128.store(out, a0);
  v128.store(out, a1, 16);
  v128.store(out, a2, 32);
  v128.store(out, a3, 48);
}

/** Frequency of the first bin whose running magnitude sum (cum, lane `lane`) reaches thr. */
function rolloffBin(lane: i32, thr: f32): f32 {
  let lo = 0;
  let hi = nbins - 1; // the last running sum is the total ≥ thr
  const base = cum + (<usize>lane << 2);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (load<f32>(base + (<usize>mid << 4)) >= thr) hi = mid;
    else lo = mid + 1;
  }
  return load<f32>(freqs + (<usize>lo << 2));
}

/** exp(mean log P) / mean P from the exponent sum and mantissa product of the flatness loop. */
function flatness(esum: i32, prod: f32, psum: f32, bias: f64, nb: f64): f64 {
  const log2sum = <f64>esum - bias + Math.log2(<f64>prod);
  return Math.exp((log2sum * Math.LN2) / nb) / (<f64>psum / nb);
}

// ---- STFT frames ------------------------------------------------------------------------------

/**
 * Analyses 4·nGroups frames. Frame j starts at sig + j·hop floats (the caller pads with zeros, so
 * frame j's samples are sig[j·hop .. j·hop + N)). `hasPrev` = 0: the first frame is its own
 * predecessor (flux and onset difference 0), as at the start of a file; otherwise the previous
 * group's magnitudes and dB (from the previous call) are used. `floor` clips the dB mel spectrum
 * from below (power_to_db's top_db; −∞ = no clipping). Results go to the buffers of setOutputs.
 */
export function processStft(sig: usize, hop: i32, nGroups: i32, hasPrev: i32, flags: i32, floor: f32): void {
  const hopB = <usize>hop << 2;
  const zero = f32x4.splat(0);
  const invN = f32x4.splat(1.0 / <f32>nfft);
  const floorV = f32x4.splat(floor);
  const amin = f32x4.splat(1e-10);
  const dbScale = f32x4.splat(4.342944819032518); // 10 / ln 10
  const wantFft = (flags & (FLAG_SPECTRAL | FLAG_BANDWIDTH | FLAG_FLATNESS | FLAG_MEL | FLAG_CHROMA)) != 0;
  // the samples [hop·t, hop·(t+1)) — frame t's [N/2, N/2 + hop) — partition the signal: their Σx²
  // and peak give the loudness without another pass (when hop is a multiple of 4 and ≤ N/2)
  const chunked = (hop & 3) == 0 && hop <= (nfft >> 1);
  const c0 = nfft >> 1;
  for (let g = 0; g < nGroups; g++) {
    const f0 = sig + <usize>(g << 2) * hopB;
    const f1 = f0 + hopB;
    const f2 = f1 + hopB;
    const f3 = f2 + hopB;
    // -- gather 4 frames into lanes (4×4 transposes), window, RMS and zero crossings; the
    // frames' hop-chunks [N/2, N/2 + hop) (which partition the signal) also get Σx² and peak
    const st = gstate;
    v128.store(st, zero);
    v128.store(st, zero, 16);
    v128.store(st, zero, 32);
    if (chunked) {
      gather(f0, f1, f2, f3, 0, c0, wantFft, false);
      const before = v128.load(st);
      v128.store(st, zero);
      v128.store(st, zero, 48);
      gather(f0, f1, f2, f3, c0, c0 + hop, wantFft, true);
      const chunk = v128.load(st);
      v128.store(oChunkSq + (<usize>g << 4), chunk);
      v128.store(oChunkPeak + (<usize>g << 4), v128.load(st, 48));
      v128.store(st, f32x4.add(before, chunk));
      gather(f0, f1, f2, f3, c0 + hop, nfft, wantFft, false);
    } else {
      gather(f0, f1, f2, f3, 0, nfft, wantFft, false);
    }
    const go = <usize>g << 4;
    v128.store(oRms + go, f32x4.sqrt(f32x4.mul(v128.load(st), invN)));
    v128.store(oZcr + go, f32x4.mul(f32x4.convert_i32x4_s(v128.load(st, 16)), invN));
    if (!wantFft) continue;

    realPower();
    const first = g == 0 && hasPrev == 0;

    // -- magnitude features
    if (flags & (FLAG_SPECTRAL | FLAG_BANDWIDTH | FLAG_FLATNESS)) {
      let s1 = zero;
      let sf = zero;
      let flux = zero;
      let esum = i32x4.splat(0);
      let prod = f32x4.splat(1);
      let renorms = 0;
      const mantMask = i32x4.splat(0x007fffff);
      const oneBits = i32x4.splat(0x3f800000);
      let psum = zero;
      const spectral = (flags & (FLAG_SPECTRAL | FLAG_BANDWIDTH)) != 0;
      const flat = (flags & FLAG_FLATNESS) != 0;
      for (let k = 0; k < nbins; k++) {
        const ko = <usize>k << 4;
        const p = v128.load(pw + ko);
        if (spectral) {
          const a = f32x4.sqrt(p);
          v128.store(mag + ko, a);
          s1 = f32x4.add(s1, a);
          v128.store(cum + ko, s1); // running sum: the rolloff is found by binary search below
          sf = f32x4.add(sf, f32x4.mul(a, v128.load32_splat(freqs + (<usize>k << 2))));
          const prev = first ? v128.shuffle<f32>(a, a, 0, 0, 1, 2) : v128.shuffle<f32>(v128.load(magPrev + ko), a, 3, 4, 5, 6);
          flux = f32x4.add(flux, f32x4.max(zero, f32x4.sub(a, prev)));
        }
        if (flat) {
          // Σ log P as Σ exponents + log of the product of mantissas (renormalised every 32 bins):
          // one multiply per bin instead of a logarithm.
          const pt = f32x4.max(amin, p);
          esum = i32x4.add(esum, i32x4.shr_u(pt, 23));
          prod = f32x4.mul(prod, v128.or(v128.and(pt, mantMask), oneBits));
          psum = f32x4.add(psum, pt);
          if ((k & 31) == 31) {
            esum = i32x4.add(esum, i32x4.shr_u(prod, 23));
            prod = v128.or(v128.and(prod, mantMask), oneBits);
            renorms++;
          }
        }
      }
      if (spectral) {
        // librosa normalises S by its sum unless the sum is below tiny(float32): then S stays, and
        // for silence every weighted sum is 0.
        const tiny = f32x4.splat(1.1754944e-38);
        const ok = f32x4.ge(s1, tiny);
        const norm = v128.bitselect(s1, f32x4.splat(1), ok);
        const centroid = f32x4.div(sf, norm);
        const thr = f32x4.mul(s1, f32x4.splat(rollPct));
        // rolloff: the first bin whose running sum reaches the threshold, per lane (the sums only grow)
        v128.store(oRolloff + go, f32x4(
          rolloffBin(0, f32x4.extract_lane(thr, 0)),
          rolloffBin(1, f32x4.extract_lane(thr, 1)),
          rolloffBin(2, f32x4.extract_lane(thr, 2)),
          rolloffBin(3, f32x4.extract_lane(thr, 3)),
        ));
        if (flags & FLAG_BANDWIDTH) {
          let bw = zero;
          for (let k = 0; k < nbins; k++) {
            const a = v128.load(mag + (<usize>k << 4));
            const d = f32x4.sub(v128.load32_splat(freqs + (<usize>k << 2)), centroid);
            bw = f32x4.add(bw, f32x4.mul(a, f32x4.mul(d, d)));
          }
          v128.store(oBandwidth + go, f32x4.sqrt(f32x4.div(bw, norm)));
        }
        v128.store(oCentroid + go, centroid);
        v128.store(oFlux + go, flux);
        const t = magPrev;
        magPrev = mag;
        mag = t;
      }
      if (flat) {
        // once per frame: scalar logs and exps in f64
        const bias = <f64>(127 * (nbins + renorms));
        const nb = <f64>nbins;
        const e = f32x4(
          <f32>flatness(i32x4.extract_lane(esum, 0), f32x4.extract_lane(prod, 0), f32x4.extract_lane(psum, 0), bias, nb),
          <f32>flatness(i32x4.extract_lane(esum, 1), f32x4.extract_lane(prod, 1), f32x4.extract_lane(psum, 1), bias, nb),
          <f32>flatness(i32x4.extract_lane(esum, 2), f32x4.extract_lane(prod, 2), f32x4.extract_lane(psum, 2), bias, nb),
          <f32>flatness(i32x4.extract_lane(esum, 3), f32x4.extract_lane(prod, 3), f32x4.extract_lane(psum, 3), bias, nb),
        );
        v128.store(oFlatness + go, e);
      }
    }

    // -- mel dB (clipped), its range, MFCC and the onset difference
    if (flags & FLAG_MEL) {
      let mn = f32x4.splat(3.4e38);
      let mx = f32x4.splat(-3.4e38);
      let onset = zero;
      for (let b = 0; b < nMels; b++) {
        const lo = load<i32>(melLo + (<usize>b << 2));
        const len = load<i32>(melLen + (<usize>b << 2));
        let wp = melW + (<usize>load<i32>(melOff + (<usize>b << 2)) << 2);
        let pp = pw + (<usize>lo << 4);
        // two accumulators: a single chain of dependent adds would wait on latency
        let acc0 = zero;
        let acc1 = zero;
        let i = 0;
        for (; i + 1 < len; i += 2) {
          acc0 = f32x4.add(acc0, f32x4.mul(v128.load(pp), v128.load32_splat(wp)));
          acc1 = f32x4.add(acc1, f32x4.mul(v128.load(pp, 16), v128.load32_splat(wp, 4)));
          pp += 32;
          wp += 8;
        }
        if (i < len) acc0 = f32x4.add(acc0, f32x4.mul(v128.load(pp), v128.load32_splat(wp)));
        const acc = f32x4.add(acc0, acc1);
        const db = f32x4.mul(logv(f32x4.max(acc, amin)), dbScale);
        mn = f32x4.min(mn, db);
        mx = f32x4.max(mx, db);
        const y = f32x4.max(db, floorV);
        const bo = <usize>b << 4;
        const prev = first ? v128.shuffle<f32>(y, y, 0, 0, 1, 2) : v128.shuffle<f32>(v128.load(dbPrev + bo), y, 3, 4, 5, 6);
        onset = f32x4.add(onset, f32x4.max(zero, f32x4.sub(y, prev)));
        v128.store(dbv + bo, y);
      }
      v128.store(oDbMin + go, mn);
      v128.store(oDbMax + go, mx);
      v128.store(oOnset + go, f32x4.div(onset, f32x4.splat(<f32>nMels)));
      const mo = oMfcc + <usize>g * (<usize>nMfcc << 4);
      const rowB = <usize>nMels << 2;
      let i = 0;
      for (; i + 4 <= nMfcc; i += 4) dot4(dbv, nMels, dct + <usize>(i * nMels) * 4, rowB, mo + (<usize>i << 4));
      for (; i < nMfcc; i++) {
        let acc = zero;
        let dp = dct + <usize>(i * nMels) * 4;
        for (let b = 0; b < nMels; b++) {
          acc = f32x4.add(acc, f32x4.mul(v128.load(dbv + (<usize>b << 4)), v128.load32_splat(dp)));
          dp += 4;
        }
        v128.store(mo + (<usize>i << 4), acc);
      }
      const t = dbPrev;
      dbPrev = dbv;
      dbv = t;
    }

    if (flags & FLAG_CHROMA) {
      let cmax = zero;
      const rowB = <usize>nbins << 2;
      for (let c = 0; c < 12; c += 4) {
        const out = chromaTmp + (<usize>c << 4);
        dot4(pw, nbins, chromaW + <usize>(c * nbins) * 4, rowB, out);
        cmax = f32x4.max(f32x4.max(cmax, f32x4.max(v128.load(out), v128.load(out, 16))), f32x4.max(v128.load(out, 32), v128.load(out, 48)));
      }
      // norm=inf per frame, unless the maximum is below tiny(float32) (then left as is)
      const ok = f32x4.ge(cmax, f32x4.splat(1.1754944e-38));
      const norm = v128.bitselect(cmax, f32x4.splat(1), ok);
      const co = oChroma + <usize>g * (12 << 4);
      for (let c = 0; c < 12; c++) {
        v128.store(co + (<usize>c << 4), f32x4.div(v128.load(chromaTmp + (<usize>c << 4)), norm));
      }
    }
  }
}

// ---- tempogram ----------------------------------------------------------------------------------

/**
 * Tempogram accumulation for frames [t0, t0 + 4·nGroups): frame t is pad[t .. t + W) times the
 * window `tw0` (f32[W]), zero-padded to N (configure()'s size, ≥ 2W − 1). Adds |X|² / ac0 per bin
 * (ac0 = Σx², the lag-0 autocorrelation = max |ac|; frames with ac0 < tiny add nothing) into
 * acc (f64[nbins]). Frames at or beyond `limit` are skipped (the caller rounds up to groups of 4).
 */
export function accumulateTempogram(pad: usize, t0: i32, nGroups: i32, limit: i32, W: i32, winW: usize, acc: usize): void {
  const zero = f32x4.splat(0);
  const tiny = f32x4.splat(1.1754944e-38);
  const lanesIdx = i32x4(0, 1, 2, 3);
  const limV = i32x4.splat(limit);
  // chunk sums in f32 lanes over ≤ 64 groups, then into the f64 accumulator
  for (let g = 0; g < nGroups; g++) {
    const t = t0 + (g << 2);
    const base = pad + (<usize>t << 2);
    let e = zero;
    // z_m = x_2m + i·x_2m+1 with x_j = pad[t + l + j]·w[j] in lane l: one unaligned load per j
    for (let j = 0; j < nfft; j += 2) {
      const a = bufA + (<usize>j << 4);
      if (j + 1 < W) {
        const x0 = f32x4.mul(v128.load(base + (<usize>j << 2)), v128.load32_splat(winW + (<usize>j << 2)));
        const x1 = f32x4.mul(v128.load(base + (<usize>(j + 1) << 2)), v128.load32_splat(winW + (<usize>(j + 1) << 2)));
        e = f32x4.add(e, f32x4.add(f32x4.mul(x0, x0), f32x4.mul(x1, x1)));
        v128.store(a, x0);
        v128.store(a, x1, 16);
      } else if (j < W) {
        const x0 = f32x4.mul(v128.load(base + (<usize>j << 2)), v128.load32_splat(winW + (<usize>j << 2)));
        e = f32x4.add(e, f32x4.mul(x0, x0));
        v128.store(a, x0);
        v128.store(a, zero, 16);
      } else {
        v128.store(a, zero);
        v128.store(a, zero, 16);
      }
    }
    realPower();
    // 1/ac0 for live frames inside the limit, 0 otherwise
    const live = v128.and(f32x4.ge(e, tiny), i32x4.lt_s(i32x4.add(i32x4.splat(t), lanesIdx), limV));
    const inv = v128.and(f32x4.div(f32x4.splat(1), v128.bitselect(e, f32x4.splat(1), live)), live);
    // lanes accumulate in f32 for up to 32 groups (128 frames), then go into the f64 sums
    for (let k = 0; k < nbins; k++) {
      const ko = <usize>k << 4;
      v128.store(tacc + ko, f32x4.add(v128.load(tacc + ko), f32x4.mul(v128.load(pw + ko), inv)));
    }
    if ((g & 31) == 31 || g == nGroups - 1) {
      for (let k = 0; k < nbins; k++) {
        const ko = <usize>k << 4;
        const ap = acc + (<usize>k << 3);
        store<f64>(ap, load<f64>(ap) + <f64>hsum(v128.load(tacc + ko)));
        v128.store(tacc + ko, zero);
      }
    }
  }
}

/** Σx² (f64) and max |x| of n floats at p, into out[0], out[1] (the loudness of a block). */
export function sampleStats(p: usize, n: i32, out: usize): void {
  let s0 = f64x2.splat(0);
  let s1 = f64x2.splat(0);
  let peak = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const v = v128.load(p + (<usize>i << 2));
    const lo = f64x2.promote_low_f32x4(v);
    const hi = f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1));
    s0 = f64x2.add(s0, f64x2.mul(lo, lo));
    s1 = f64x2.add(s1, f64x2.mul(hi, hi));
    peak = f32x4.max(peak, f32x4.abs(v));
  }
  const s = f64x2.add(s0, s1);
  let sq = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  let pk = max(max(f32x4.extract_lane(peak, 0), f32x4.extract_lane(peak, 1)), max(f32x4.extract_lane(peak, 2), f32x4.extract_lane(peak, 3)));
  for (; i < n; i++) {
    const v = load<f32>(p + (<usize>i << 2));
    sq += <f64>v * <f64>v;
    pk = max(pk, abs(v));
  }
  store<f64>(out, sq);
  store<f64>(out, <f64>pk, 8);
}

// ---- inspection (tests) -----------------------------------------------------------------------

/** The last group's power spectrum: v128[nbins], lane l = frame 4g + l of the last group. */
export function powerBuffer(): usize {
  return pw;
}

/** The last group's clipped dB mel spectrum: v128[nMels] (after the swap it is the "previous" buffer). */
export function melDbBuffer(): usize {
  return dbPrev;
}

/** Scratch for sampleStats results (f64[2]). */
export function statsBuffer(): usize {
  return stats;
}

/** Runs the frame FFT `times` times on whatever bufA holds (kernel benchmarks). */
export function benchFft(times: i32): void {
  for (let i = 0; i < times; i++) realPower();
}
