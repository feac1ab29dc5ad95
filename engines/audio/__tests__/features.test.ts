// Heihachi's features against the numpy/scipy reference (test/audio/reference/features.py, fixtures
// in test/audio/fixtures/), on signals with every window, both mel scales, several FFT sizes and
// top_db clipping. Stated tolerances (the kernel computes in float32, the reference in float64):
//   per-frame scalar features and the onset envelope: |ours − ref| ≤ 1e-4 × max|ref| of that feature
//   (the measured worst case is ~1e-5; most are ~1e-6) — except bandwidth: 5e-4, because on a pure
//   tone (11.6 Hz wide) float32 rounding noise in far bins, weighted by (f − c)², moves it by 1%
//   (librosa's own float32 STFT has the same limit); power spectra: 1e-4 relative to the frame's
//   peak; dB mel and MFCC: 2e-3 dB absolute (values up to ~1,100); chroma (normalised to 1): 1e-5;
//   tempogram: 2e-4 × max; rolloff, tempo, beat frames and onset frames: exactly equal.
import { join } from 'node:path';
import { runAnalysis, type FrameAnalysis } from '../analyze.ts';
import { FLAG_MEL, FLAG_SPECTRAL, StftKernel } from '../kernel.ts';
import { openWavSync, WavReader } from '../wav.ts';
import type { AudioOptions } from '../types.ts';
import { FIXTURES, loadFixtures, type Fixture } from './fixtures.ts';

const fixtures = loadFixtures();

function options(fx: Fixture, threads = 1): AudioOptions {
  const p = fx.params;
  return { nFft: p.n_fft, hopLength: p.hop, window: p.window, nMels: p.n_mels, melScale: p.mel_scale, nMfcc: p.n_mfcc, rolloffPercent: p.rolloff_percent, topDb: p.top_db, threads };
}

/** max |a − b| / max |b| */
function scaledError(ours: ArrayLike<number>, ref: number[]): number {
  let scale = 0;
  let err = 0;
  for (let i = 0; i < ref.length; i++) {
    scale = Math.max(scale, Math.abs(ref[i]!));
    err = Math.max(err, Math.abs(ours[i]! - ref[i]!));
  }
  return scale === 0 ? err : err / scale;
}

function maxAbsError(ours: Float32Array, dim: number, ref: number[][]): number {
  let err = 0;
  ref.forEach((row, t) => row.forEach((v, i) => (err = Math.max(err, Math.abs(ours[t * dim + i]! - v)))));
  return err;
}

describe('features against the numpy/scipy reference', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(6);
  const results = new Map<string, FrameAnalysis>();
  beforeAll(async () => {
    for (const [name, fx] of fixtures) {
      // blocks of 8 frames: every fixture crosses many block boundaries (the 4-frame context and
      // the top_db fix-up are exercised)
      results.set(name, await runAnalysis(join(FIXTURES, fx.wav), options(fx), {}, { keepFrames: true, blockFrames: 8 }));
    }
  });

  describe.each(fixtures)('%s', (name, fx) => {
    const r = () => results.get(name)!;

    it('has the reference frame count', () => {
      expect(r().store.layout.frames).toBe(fx.n_frames);
      expect(r().store.layout.channels).toBe(fx.channels.length);
    });

    it('scalar features: centroid, flatness, flux, RMS within 1e-4 of scale, bandwidth 5e-4, ZCR and rolloff exact', () => {
      fx.channels.forEach((ch, c) => {
        const sc = r().store.scalars[c]!;
        expect(scaledError(sc.centroid, ch.centroid)).toBeLessThan(1e-4);
        expect(scaledError(sc.bandwidth, ch.bandwidth)).toBeLessThan(5e-4);
        expect(scaledError(sc.flatness, ch.flatness)).toBeLessThan(1e-4);
        expect(scaledError(sc.flux, ch.flux)).toBeLessThan(1e-4);
        expect(scaledError(sc.rms, ch.rms)).toBeLessThan(1e-4);
        expect(scaledError(sc.zcr, ch.zcr)).toBeLessThan(1e-6);
        ch.rolloff.forEach((hz, t) => expect(Math.abs(sc.rolloff[t]! - hz)).toBeLessThan(1e-3));
      });
    });

    it('MFCC (2e-3 dB), chroma (1e-5) and the onset envelope (1e-4 of scale)', () => {
      fx.channels.forEach((ch, c) => {
        expect(maxAbsError(r().store.mfcc[c]!, fx.params.n_mfcc, ch.mfcc)).toBeLessThan(2e-3);
        expect(maxAbsError(r().store.chroma[c]!, 12, ch.chroma)).toBeLessThan(1e-5);
        expect(scaledError(r().onsetEnv[c]!, ch.onset_env)).toBeLessThan(1e-4);
      });
    });

    it('tempogram (2e-4 of scale), tempo, beats and onsets exactly', () => {
      fx.channels.forEach((ch, c) => {
        expect(scaledError(r().tempogram[c]!, ch.tempogram_mean)).toBeLessThan(2e-4);
        const silent = ch.onset_env.every((v) => v === 0);
        // librosa reports the prior's tempo for a channel without onsets; we report none
        expect(r().tempos[c]).toBe(silent ? null : ch.tempo);
        expect(Array.from(r().beats[c]!)).toEqual(ch.beats);
        expect(Array.from(r().onsets[c]!)).toEqual(ch.onsets);
      });
    });

    it('power spectrum and dB mel spectrum of single frames', () => {
      const p = fx.params;
      const file = openWavSync(join(FIXTURES, fx.wav));
      try {
        const n = file.info.frames;
        const samples = Array.from({ length: file.info.channels }, () => new Float32Array(n));
        new WavReader(file.fd, file.info).read(0, n, samples, 0);
        const kernel = new StftKernel({ sampleRate: fx.sr, nFft: p.n_fft, hop: p.hop, window: p.window, nMels: p.n_mels, melScale: p.mel_scale, nMfcc: p.n_mfcc, rolloffPercent: p.rolloff_percent, maxFrames: 4 });
        fx.channels.forEach((ch, c) => {
          const floor = Math.max(...r().store.blockStats[c]!.filter((_, i) => i % 4 === 3)) - p.top_db;
          ch.power_frames.frames.forEach((t, i) => {
            // the frame alone: signal[j] = y[t·hop − n_fft/2 + j], zero outside the file
            kernel.signal.fill(0);
            for (let j = 0; j < p.n_fft; j++) {
              const s = t * p.hop - p.n_fft / 2 + j;
              if (s >= 0 && s < n) kernel.signal[j] = samples[c]![s]!;
            }
            kernel.run(1, false, FLAG_SPECTRAL | FLAG_MEL, floor);
            const power = kernel.lastPower(0);
            const ref = ch.power_frames.power[i]!;
            const peak = Math.max(...ref);
            ref.forEach((v, k) => expect(Math.abs(power[k]! - v)).toBeLessThanOrEqual(1e-4 * peak + 1e-12));
            const melRef = ch.mel_db_frames.mel_db[ch.mel_db_frames.frames.indexOf(t)]!;
            const mel = kernel.lastMelDb(0);
            melRef.forEach((v, b) => expect(Math.abs(mel[b]! - v)).toBeLessThan(2e-3));
          });
        });
      } finally {
        file.close();
      }
    });
  });
});

describe('parallel segments', () => {
  it('gives results identical to the single-threaded path, bit for bit', async () => {
    const [, fx] = fixtures.find(([n]) => n === 'mix_stereo')!;
    const path = join(FIXTURES, fx.wav);
    const one = await runAnalysis(path, options(fx, 1), {}, { keepFrames: true, blockFrames: 8 });
    const three = await runAnalysis(path, options(fx, 3), {}, { keepFrames: true, blockFrames: 8 });
    expect(three.threads).toBe(3);
    expect(one.threads).toBe(1);
    for (let c = 0; c < 2; c++) {
      for (const [k, v] of Object.entries(one.store.scalars[c]!)) expect(Buffer.from(three.store.scalars[c]![k as 'rms'].buffer)).toEqual(Buffer.from(v.buffer));
      expect(Buffer.from(three.store.mfcc[c]!.buffer)).toEqual(Buffer.from(one.store.mfcc[c]!.buffer));
      expect(Array.from(three.store.mfccStats[c]!)).toEqual(Array.from(one.store.mfccStats[c]!));
      expect(Array.from(three.tempogram[c]!)).toEqual(Array.from(one.tempogram[c]!));
    }
    expect(three.fixedBlocks).toBe(one.fixedBlocks);
    expect(one.fixedBlocks).toBeGreaterThan(0);
  });
});
