// Rhythm post-processing against the numpy/scipy reference (test/audio/reference/features.py):
// every fixture channel's onset envelope must give the reference tempogram mean (1e-6 relative),
// the same tempo, beat frames and onset frames; then hand-checked edge cases.
import { InvalidInputError } from '../../errors.ts';
import {
  Radix2Fft,
  accumulateTempogramSpectra,
  autocorrelationFromSpectrum,
  beatTrack,
  hannPeriodic,
  onsetDetect,
  padLinearRamp,
  peakPick,
  tempoFromTempogram,
  tempoWinLength,
  tempogramMean,
  type RealFftPower,
} from '../rhythm.ts';
import { loadFixtures } from './fixtures.ts';

const fixtures = loadFixtures();

const cases = fixtures.flatMap(([name, fx]) => fx.channels.map((ch, i) => ({ label: `${name} ch${i}`, fx, ch })));

/** |a − b| ≤ rel·|b| + floor·max|b| elementwise (the floor covers lags whose value is ~0). */
function expectRelClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel: number, floor = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  let scale = 0;
  for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i]!));
  let worst = 0;
  let worstAt = -1;
  for (let i = 0; i < expected.length; i++) {
    const excess = Math.abs(actual[i]! - expected[i]!) - (rel * Math.abs(expected[i]!) + floor * scale);
    if (excess > worst) {
      worst = excess;
      worstAt = i;
    }
  }
  if (worstAt >= 0) throw new Error(`index ${worstAt}: ${actual[worstAt]} vs ${expected[worstAt]}`);
}

/** Reference: librosa's definition on a direct (O(n²)) autocorrelation, max-normalised per frame. */
function naiveTempogramMean(onset: Float32Array, win: number): Float64Array {
  const padded = padLinearRamp(onset, Math.floor(win / 2));
  const w = hannPeriodic(win);
  const out = new Float64Array(win);
  const frame = new Float64Array(win);
  for (let t = 0; t < onset.length; t++) {
    for (let j = 0; j < win; j++) frame[j] = padded[t + j]! * w[j]!;
    const ac = new Float64Array(win);
    let max = 0;
    for (let lag = 0; lag < win; lag++) {
      let s = 0;
      for (let j = 0; j + lag < win; j++) s += frame[j]! * frame[j + lag]!;
      ac[lag] = s;
      max = Math.max(max, Math.abs(s));
    }
    const norm = max < 2.2250738585072014e-308 ? 1 : max;
    for (let lag = 0; lag < win; lag++) out[lag] = out[lag]! + ac[lag]! / norm;
  }
  for (let lag = 0; lag < win; lag++) out[lag] = out[lag]! / onset.length;
  return out;
}

/** A RealFftPower built on the complex FFT (imaginary part zero): exercises the kernel seam. */
function complexBackedPower(size: number): RealFftPower {
  const plan = new Radix2Fft(size);
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  return {
    size,
    power(input, out) {
      re.set(input);
      im.fill(0);
      plan.transform(re, im);
      for (let k = 0; k <= size / 2; k++) out[k] = re[k]! * re[k]! + im[k]! * im[k]!;
    },
  };
}

test('the fixture set is present', () => {
  expect(fixtures.map(([name]) => name)).toEqual(
    expect.arrayContaining(['blackman_noise', 'clicks_150', 'clicks_90', 'mix_stereo', 'silence', 'silence_tail', 'sine440', 'tiny_blip']),
  );
  for (const [name, fx] of fixtures) {
    for (const ch of fx.channels) expect([name, ch.onset_env.length]).toEqual([name, fx.n_frames]);
  }
});

describe.each(cases)('$label', ({ fx, ch }) => {
  const sr = fx.sr;
  const hop = fx.params.hop;
  // The engine holds the envelope as float32; the fixture stores those values to 9 digits, which round-trip exactly.
  const onset = Float32Array.from(ch.onset_env);
  const tg = tempogramMean(onset, tempoWinLength(sr, hop));

  test('tempogram mean matches the reference to 1e-6 relative', () => {
    expect(tg.length).toBe(ch.tempogram_mean.length);
    expectRelClose(tg, ch.tempogram_mean, 1e-6);
  });

  test('tempo is the reference bpm exactly, from our tempogram and from the reference one', () => {
    expect(tempoFromTempogram(tg, sr, hop)).toBe(ch.tempo);
    expect(tempoFromTempogram(Float64Array.from(ch.tempogram_mean), sr, hop)).toBe(ch.tempo);
  });

  test('beat frames are identical', () => {
    expect(Array.from(beatTrack(onset, ch.tempo, sr, hop))).toEqual(ch.beats);
  });

  test('onset frames are identical', () => {
    expect(Array.from(onsetDetect(onset, sr, hop))).toEqual(ch.onsets);
  });
});

describe('click tracks (sanity of the reference itself)', () => {
  test.each([
    ['clicks_90', 90],
    ['clicks_150', 150],
  ])('%s: tempo within a lag of %d bpm, beats one period apart', (name, bpm) => {
    const fx = fixtures.find(([n]) => n === name)![1];
    const ch = fx.channels[0]!;
    const framesPerBeat = (60 * fx.sr) / (fx.params.hop * bpm);
    const lag = (60 * fx.sr) / (fx.params.hop * ch.tempo);
    expect(Math.abs(lag - framesPerBeat)).toBeLessThan(1);
    const gaps = ch.beats.slice(1).map((b, i) => b - ch.beats[i]!);
    expect(gaps.length).toBeGreaterThan(20);
    for (const g of gaps) expect(Math.abs(g - framesPerBeat)).toBeLessThanOrEqual(1);
  });
});

describe('edge cases', () => {
  test('an all-zero envelope: tempo from the prior alone, no beats, no onsets', () => {
    const zeros = new Float32Array(200);
    const tg = tempogramMean(zeros, tempoWinLength(22050, 512));
    expect(tg.every((v) => v === 0)).toBe(true);
    // log1p(0) = 0 everywhere, so the lag nearest 120 bpm in log2 wins: lag 22 (117.45 bpm, 0.031
    // octave below) beats lag 21 (123.05 bpm, 0.036 octave above).
    expect(tempoFromTempogram(tg, 22050, 512)).toBe((60 * 22050) / (512 * 22));
    // At 8 kHz / 512 the lags are 7 (133.9 bpm) and 8 (117.2 bpm): lag 8.
    expect(tempoFromTempogram(new Float64Array(125), 8000, 512)).toBe(117.1875);
    expect(beatTrack(zeros, 120, 22050, 512).length).toBe(0);
    expect(onsetDetect(zeros, 22050, 512).length).toBe(0);
  });

  test('a constant or non-finite envelope has no onsets', () => {
    expect(onsetDetect(new Float32Array(50).fill(3), 22050, 512).length).toBe(0);
    const bad = new Float32Array(50);
    bad[10] = 1;
    bad[20] = NaN;
    expect(onsetDetect(bad, 22050, 512).length).toBe(0);
  });

  test('a 1-frame envelope', () => {
    const one = Float32Array.of(1);
    const win = tempoWinLength(22050, 512);
    const tg = tempogramMean(one, win);
    expectRelClose(tg, naiveTempogramMean(one, win), 1e-9);
    expect(tg[0]).toBeCloseTo(1, 12);
    const tempo = tempoFromTempogram(tg, 22050, 512);
    expect(Number.isFinite(tempo)).toBe(true);
    // One frame has no local maximum of the cumulative score (librosa itself raises here): no beats.
    expect(beatTrack(one, tempo, 22050, 512).length).toBe(0);
    expect(onsetDetect(one, 22050, 512).length).toBe(0);
    expect(tempogramMean(new Float32Array(0), 8)).toEqual(new Float64Array(8));
  });

  test('invalid parameters are rejected', () => {
    const x = Float32Array.of(0, 1, 0, 1);
    expect(() => beatTrack(x, 0, 22050, 512)).toThrow(InvalidInputError);
    expect(() => beatTrack(x, 120, 22050, 512, { tightness: 0 })).toThrow(/tightness/);
    expect(() => tempogramMean(x, 0)).toThrow(/window/);
    expect(() => peakPick(x, 1, 0, 1, 1, 0, 0)).toThrow(/postMax/);
    expect(() => new Radix2Fft(12)).toThrow(/power of two/);
  });
});

describe('building blocks', () => {
  test('padLinearRamp reproduces np.pad(mode="linear_ramp", end_values=0)', () => {
    // np.pad([0.3, 1.0, 2.0], 4, mode='linear_ramp', end_values=(0, 0))
    expect(Array.from(padLinearRamp(Float64Array.of(0.3, 1, 2), 4))).toEqual([
      0, 0.075, 0.15, 0.22499999999999998, 0.3, 1, 2, 1.5, 1, 0.5, 0,
    ]);
  });

  test('Radix2Fft matches a direct DFT', () => {
    const n = 16;
    const re = new Float64Array(n);
    const im = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      re[i] = Math.sin(i * 1.3) + 0.25 * i;
      im[i] = Math.cos(i * 0.7);
    }
    const xr = Float64Array.from(re);
    const xi = Float64Array.from(im);
    new Radix2Fft(n).transform(re, im);
    for (let k = 0; k < n; k++) {
      let sr = 0;
      let si = 0;
      for (let t = 0; t < n; t++) {
        const a = (-2 * Math.PI * k * t) / n;
        sr += xr[t]! * Math.cos(a) - xi[t]! * Math.sin(a);
        si += xr[t]! * Math.sin(a) + xi[t]! * Math.cos(a);
      }
      expect(re[k]).toBeCloseTo(sr, 10);
      expect(im[k]).toBeCloseTo(si, 10);
    }
  });

  test('tempogramMean equals the direct definition, with the built-in or an injected FFT', () => {
    const onset = new Float32Array(300);
    for (let i = 0; i < onset.length; i++) onset[i] = i % 11 === 0 ? 1 + (i % 3) : 0.05 * (i % 5);
    const win = 64;
    const expected = naiveTempogramMean(onset, win);
    expectRelClose(tempogramMean(onset, win), expected, 1e-9);
    expectRelClose(tempogramMean(onset, win, complexBackedPower(128)), expected, 1e-9);
    expect(() => tempogramMean(onset, win, complexBackedPower(64))).toThrow(/wrap/);
  });

  test('accumulating the spectra in chunks gives the same result as one pass', () => {
    const onset = new Float32Array(101);
    for (let i = 0; i < onset.length; i++) onset[i] = (i * 37) % 13;
    const win = 40;
    const nfft = 128;
    const padded = padLinearRamp(onset, win / 2);
    const window = hannPeriodic(win);
    const whole = new Float64Array(nfft / 2 + 1);
    accumulateTempogramSpectra(padded, window, 0, onset.length, nfft, whole);
    const chunked = new Float64Array(nfft / 2 + 1);
    for (const [a, b] of [[0, 33], [33, 34], [34, 101]] as const) accumulateTempogramSpectra(padded, window, a, b, nfft, chunked);
    expectRelClose(chunked, whole, 1e-12);
    const ac = autocorrelationFromSpectrum(whole, nfft, win);
    for (let l = 0; l < win; l++) ac[l] = ac[l]! / onset.length;
    expectRelClose(ac, tempogramMean(onset, win), 1e-12);
  });

  test('peakPick follows librosa.util.peak_pick', () => {
    const x = Float64Array.of(0, 1, 0, 0.5, 0, 0, 2, 0, 0.8, 0.9, 0.1, 0);
    // Expected values from features.peak_pick (scipy.ndimage filters).
    expect(Array.from(peakPick(x, 1, 1, 1, 1, 0, 0))).toEqual([1, 3, 6, 8, 9]);
    expect(Array.from(peakPick(x, 1, 1, 1, 1, 0.3, 2))).toEqual([1, 6]);
    expect(Array.from(peakPick(x, 2, 2, 3, 3, 0.1, 1))).toEqual([1, 6, 9]);
  });

  test('onsetDetect normalises, then picks with librosa\'s default windows', () => {
    const x = new Float32Array(20);
    x[2] = 1;
    x[8] = 3;
    x[16] = 2;
    // 8 kHz / hop 128: pre_max 1, post_max 1, pre_avg 6, post_avg 7, wait 1 (features.onset_detect).
    expect(Array.from(onsetDetect(x, 8000, 128))).toEqual([2, 8, 16]);
  });

  test('beats without trimming keep the weak ends', () => {
    const fx = fixtures.find(([n]) => n === 'clicks_90')![1];
    const ch = fx.channels[0]!;
    const onset = Float32Array.from(ch.onset_env);
    const untrimmed = Array.from(beatTrack(onset, ch.tempo, fx.sr, fx.params.hop, { trim: false }));
    expect(untrimmed.length).toBeGreaterThanOrEqual(ch.beats.length);
    expect(untrimmed).toEqual(expect.arrayContaining(ch.beats));
  });
});
