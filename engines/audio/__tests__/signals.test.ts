// Heihachi on known signals made with sox (a 440 Hz sine, click tracks at 60–174 BPM, silence),
// on other sample formats and channel counts, series downsampling, and the bad input the engine
// must refuse before doing any work.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeAudioFile, runAnalysis } from '../analyze.ts';
import { FLAG_SPECTRAL, StftKernel } from '../kernel.ts';
import type { AudioAnalysis } from '../types.ts';
import { wavHeader } from './wav-bytes.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'heihachi-signals-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sox(args: string[]): void {
  execFileSync('sox', ['-R', '-D', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A click track: a 10 ms 1 kHz burst at the start of every beat, `seconds` long, 44.1 kHz mono. */
function clickTrack(bpm: number, seconds: number): string {
  const beat = join(dir, `beat-${bpm}.wav`);
  const out = join(dir, `clicks-${bpm}.wav`);
  const period = 60 / bpm;
  sox(['-n', '-r', '44100', '-c', '1', '-b', '16', beat, 'synth', '0.010', 'sine', '1000', 'pad', '0', (period - 0.01).toFixed(6)]);
  sox([beat, out, 'repeat', String(Math.round(seconds / period) - 1)]);
  return out;
}

describe('a 440 Hz sine', () => {
  let path: string;
  let result: AudioAnalysis;
  beforeAll(async () => {
    path = join(dir, 'sine440.wav');
    sox(['-n', '-r', '44100', '-c', '1', '-b', '16', path, 'synth', '3', 'sine', '440', 'vol', '0.5']);
    result = await analyzeAudioFile(path, { threads: 1 });
  });
  const bin = 44100 / 2048;

  it('has its spectral peak at 440 Hz ± one bin', () => {
    const k = new StftKernel({ sampleRate: 44100, nFft: 2048, hop: 512, window: 'hann', nMels: 128, melScale: 'slaney', nMfcc: 20, rolloffPercent: 0.85, maxFrames: 4 });
    for (let j = 0; j < 2048 + 3 * 512; j++) k.signal[j] = 0.5 * Math.sin((2 * Math.PI * 440 * j) / 44100);
    k.run(4, false, FLAG_SPECTRAL, -Infinity);
    for (let lane = 0; lane < 4; lane++) {
      const p = k.lastPower(lane);
      let best = 0;
      for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
      expect(Math.abs(best * bin - 440)).toBeLessThanOrEqual(bin);
    }
  });

  it('has its spectral centroid at 440 Hz ± one bin (mean, and every frame inside the signal)', async () => {
    const c = result.channels[0]!.features.spectralCentroid!;
    expect(Math.abs(c.mean - 440)).toBeLessThanOrEqual(bin);
    const frames = (await runAnalysis(path, { features: ['spectralCentroid'], threads: 1 })).store.scalars[0]!.centroid;
    // frames reaching into the zero padding hold the tone's abrupt start or end (broadband)
    const steady = Array.from(frames).filter((_, t) => t * 512 >= 1024 && t * 512 + 1024 <= 3 * 44100);
    expect(steady.length).toBe(frames.length - 4);
    for (const hz of steady) expect(Math.abs(hz - 440)).toBeLessThanOrEqual(bin);
  });

  it('reports the file and its loudness', () => {
    expect(result.sampleRate).toBe(44100);
    expect(result.durationSeconds).toBeCloseTo(3, 6);
    expect(result.frameCount).toBe(1 + Math.floor((3 * 44100) / 512));
    // a sine of amplitude 0.5: RMS 0.5/√2 → −9.03 dBFS; peak −6.02 dBFS
    expect(result.channels[0]!.loudnessDbfs!).toBeCloseTo(-9.03, 1);
    expect(result.channels[0]!.peakDbfs!).toBeCloseTo(-6.02, 1);
    expect(result.channels[0]!.features.rms!.max).toBeCloseTo(0.5 / Math.SQRT2, 2);
    // a pure tone crosses zero 2 × 440 times a second
    expect(result.channels[0]!.features.zcr!.max).toBeCloseTo((2 * 440) / 44100, 3);
  });

  it('measures loudness the same way whatever the hop (chunked in the kernel, or a separate pass)', async () => {
    const odd = await analyzeAudioFile(path, { hopLength: 510, features: ['rms'], threads: 1 });
    const wide = await analyzeAudioFile(path, { hopLength: 2048, features: ['rms'], threads: 1 });
    for (const r of [odd, wide]) {
      expect(r.channels[0]!.loudnessDbfs!).toBeCloseTo(result.channels[0]!.loudnessDbfs!, 5);
      expect(r.channels[0]!.peakDbfs).toBe(result.channels[0]!.peakDbfs);
    }
  });
});

describe('click tracks', () => {
  it.each([60, 90, 120, 150, 174])('%i BPM gives the tempo within ±2%% and a beat every 60/BPM seconds', async (bpm) => {
    const path = clickTrack(bpm, 30);
    const r = await analyzeAudioFile(path, { features: ['tempo', 'beats', 'onsets'], seriesResolution: 1, threads: 1 });
    const ch = r.channels[0]!;
    expect(Math.abs(ch.tempoBpm! - bpm) / bpm).toBeLessThanOrEqual(0.02);
    const beats = ch.series!.beatTimes!;
    // trimming drops a beat or two at either end
    expect(beats.length).toBeGreaterThanOrEqual(Math.round((30 * bpm) / 60) - 4);
    expect(ch.beatCount).toBe(beats.length);
    const gaps = beats.slice(1).map((t, i) => t - beats[i]!);
    const median = [...gaps].sort((a, b) => a - b)[gaps.length >> 1]!;
    expect(Math.abs(median - 60 / bpm)).toBeLessThan(0.015);
    // every click is an onset
    expect(ch.onsetCount).toBeGreaterThanOrEqual(Math.round((30 * bpm) / 60) - 1);
  });
});

describe('silence', () => {
  it('gives RMS 0, no onsets, no beats, no tempo and no loudness', async () => {
    const path = join(dir, 'silence.wav');
    sox(['-n', '-r', '22050', '-c', '2', '-b', '16', path, 'trim', '0', '5']);
    const r = await analyzeAudioFile(path, { threads: 2 });
    expect(r.channels).toHaveLength(2);
    for (const ch of r.channels) {
      expect(ch.features.rms).toEqual({ mean: 0, std: 0, min: 0, max: 0 });
      expect(ch.features.spectralCentroid!.max).toBe(0);
      expect(ch.features.onsetStrength!.max).toBe(0);
      expect(ch.onsetCount).toBe(0);
      expect(ch.beatCount).toBe(0);
      expect(ch.tempoBpm).toBeNull();
      expect(ch.loudnessDbfs).toBeNull();
      expect(ch.peakDbfs).toBeNull();
    }
  });
});

describe('formats and channels', () => {
  it('reads 24-bit, 32-bit float and 8-bit versions of the same audio with the same results', async () => {
    const base = join(dir, 'chord.wav');
    sox(['-n', '-r', '16000', '-c', '3', '-b', '16', base, 'synth', '2', 'sine', '300', 'sine', '500', 'sine', '700', 'vol', '0.4']);
    const f24 = join(dir, 'chord24.wav');
    const f32 = join(dir, 'chordf.wav');
    sox([base, '-b', '24', f24]);
    sox([base, '-e', 'floating-point', '-b', '32', f32]);
    const a = await analyzeAudioFile(base, { threads: 1 });
    const b = await analyzeAudioFile(f24, { threads: 1 });
    const c = await analyzeAudioFile(f32, { threads: 1 });
    expect(a.channels).toHaveLength(3);
    expect(b.format).toMatchObject({ encoding: 'pcm', bitsPerSample: 24, channels: 3 });
    expect(c.format).toMatchObject({ encoding: 'float', bitsPerSample: 32, channels: 3 });
    // 16-bit samples are exact in 24-bit and float: identical numbers
    expect(b.channels).toEqual(a.channels);
    expect(c.channels).toEqual(a.channels);
    // each channel holds its own tone
    [300, 500, 700].forEach((hz, i) => expect(Math.abs(a.channels[i]!.features.spectralCentroid!.mean - hz)).toBeLessThan(16000 / 2048));
  });

  it('analyses a 1-sample file as one frame', async () => {
    const path = join(dir, 'one.wav');
    // a 44-byte header and one 16-bit sample of 0.5
    const h = Buffer.concat([wavHeader({ dataBytes: 2 }), Buffer.alloc(2)]);
    h.writeInt16LE(16384, 44);
    writeFileSync(path, h);
    const r = await analyzeAudioFile(path, { threads: 1 });
    expect(r.frameCount).toBe(1);
    expect(r.durationSeconds).toBe(1 / 8000);
    expect(r.channels[0]!.peakDbfs!).toBeCloseTo(-6.02, 2);
    expect(r.channels[0]!.features.rms!.mean).toBeCloseTo(Math.sqrt(0.25 / 2048), 6);
  });
});

describe('series', () => {
  it('averages frames over the requested resolution', async () => {
    const path = join(dir, 'sweep.wav');
    sox(['-n', '-r', '16000', '-c', '1', '-b', '16', path, 'synth', '4', 'sine', '200:3000', 'vol', '0.5']);
    const r = await runAnalysis(path, { seriesResolution: 0.5, threads: 1 }, {}, { keepFrames: true });
    const summary = await analyzeAudioFile(path, { seriesResolution: 0.5, threads: 1 });
    const s = summary.channels[0]!.series!;
    expect(s.times).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5]);
    const centroid = s.scalars.spectralCentroid!;
    expect(centroid).toHaveLength(8);
    // a rising sweep: the centroid rises point by point
    for (let i = 1; i < 8; i++) expect(centroid[i]!).toBeGreaterThan(centroid[i - 1]!);
    // point 1 is the mean of the frames starting in [0.5 s, 1 s)
    const frames = r.store.scalars[0]!.centroid;
    const inPoint = Array.from(frames).filter((_, t) => (t * 512) / 16000 >= 0.5 && (t * 512) / 16000 < 1);
    expect(centroid[1]!).toBeCloseTo(inPoint.reduce((a, b) => a + b, 0) / inPoint.length, 3);
    expect(s.mfcc).toHaveLength(8);
    expect(s.mfcc![0]).toHaveLength(20);
    expect(s.chroma![0]).toHaveLength(12);
  });
});

describe('bad input', () => {
  const write = (name: string, bytes: Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  const refuse = async (path: string, message: RegExp) => {
    await expect(analyzeAudioFile(path, { threads: 1 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(message) });
  };

  it('refuses a file that is not a WAV', async () => {
    await refuse(write('text.wav', Buffer.from('hello, this is not audio at all\n')), /^wav: not a WAV file/);
  });
  it('refuses a header claiming more data than the file holds, and a 10 GB declared size', async () => {
    await refuse(write('short.wav', Buffer.concat([wavHeader({ dataBytes: 1000 }), Buffer.alloc(100)])), /truncated/);
    const huge = wavHeader();
    huge.writeUInt32LE(0xfffffff0, 40); // the 32-bit field's largest non-placeholder value
    await refuse(write('huge.wav', Buffer.concat([huge, Buffer.alloc(64)])), /truncated/);
  });
  it('refuses zero channels and a 0 Hz sample rate', async () => {
    await refuse(write('zero-ch.wav', Buffer.concat([wavHeader({ channels: 0 }), Buffer.alloc(8)])), /0 channels/);
    await refuse(write('zero-hz.wav', Buffer.concat([wavHeader({ rate: 0 }), Buffer.alloc(8)])), /0 Hz/);
  });
  it('refuses compressed codecs by name', async () => {
    await refuse(write('alaw.wav', Buffer.concat([wavHeader({ tag: 6, bits: 8, dataBytes: 8 }), Buffer.alloc(8)])), /unsupported codec "A-law"/i);
  });
  it('refuses an empty data chunk', async () => {
    await refuse(write('empty.wav', wavHeader()), /no samples/);
  });
  it('refuses bad options naming the option, before reading the file', async () => {
    const path = write('ok.wav', Buffer.concat([wavHeader({ dataBytes: 16 }), Buffer.alloc(16)]));
    await expect(analyzeAudioFile(path, { nFft: 1000 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'nFft' } });
    await expect(analyzeAudioFile(path, { features: ['loudness' as never] })).rejects.toMatchObject({ details: { field: 'features' } });
    await expect(analyzeAudioFile(path, { seriesResolution: 0 })).rejects.toMatchObject({ details: { field: 'seriesResolution' } });
    await expect(analyzeAudioFile(path, { nMfcc: 200 })).rejects.toMatchObject({ details: { field: 'nMfcc' } });
    await expect(analyzeAudioFile(join(dir, 'missing.wav'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
