// `trebuchet audio analyze` end to end: the real bin as a child process on real WAV files made
// with sox, through the esbuild bundle (built here, as `npm install` does) and through the sources.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliEnv, ROOT, runCli } from './helpers/cli';
import { wavHeader } from '../engines/audio/__tests__/wav-bytes.ts';

jest.setTimeout(120_000);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'trebuchet-audio-cli-'));
const CLICKS = path.join(tmp, 'clicks.wav');

/** Runs `trebuchet audio analyze …` with stdin not connected. */
const run = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => runCli(['audio', 'analyze', ...args], { env: cliEnv(extraEnv) });

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-cli.js')], { cwd: ROOT });
  // 20 s of stereo at 44.1 kHz: a 120 BPM click track on the left, the same plus a 440 Hz tone on the right
  const beat = path.join(tmp, 'beat.wav');
  execFileSync('sox', ['-R', '-D', '-n', '-r', '44100', '-c', '2', '-b', '16', beat, 'synth', '0.010', 'sine', '1000', 'pad', '0', '0.490']);
  const clicks = path.join(tmp, 'clicks-only.wav');
  execFileSync('sox', ['-R', '-D', beat, clicks, 'repeat', '39']);
  const tone = path.join(tmp, 'tone.wav');
  execFileSync('sox', ['-R', '-D', '-n', '-r', '44100', '-c', '2', '-b', '16', tone, 'synth', '20', 'sine', '440', 'remix', '0', '1', 'vol', '0.2']);
  execFileSync('sox', ['-R', '-D', '-m', clicks, tone, CLICKS]);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.each([
  ['bundle', {}],
  ['sources', { TREBUCHET_BUNDLE: '0' }],
])('through the %s', (_, env) => {
  it('prints the documented JSON shape', async () => {
    const r = await run([CLICKS], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ sampleRate: 44100, durationSeconds: 20 });
    expect(out.channels).toHaveLength(2);
    for (const ch of out.channels) {
      expect(ch).toMatchObject({
        tempoBpm: expect.any(Number),
        beatCount: expect.any(Number),
        loudnessDbfs: expect.any(Number),
        features: {
          spectralCentroid: { mean: expect.any(Number), std: expect.any(Number), min: expect.any(Number), max: expect.any(Number) },
          spectralRolloff: { mean: expect.any(Number), std: expect.any(Number), min: expect.any(Number), max: expect.any(Number) },
          spectralFlux: { mean: expect.any(Number), std: expect.any(Number), min: expect.any(Number), max: expect.any(Number) },
          rms: { mean: expect.any(Number), std: expect.any(Number), min: expect.any(Number), max: expect.any(Number) },
          zcr: { mean: expect.any(Number), std: expect.any(Number), min: expect.any(Number), max: expect.any(Number) },
        },
      });
      expect(ch.features.mfcc.mean).toHaveLength(20);
      expect(ch.features.mfcc.std).toHaveLength(20);
      expect(Math.abs(ch.tempoBpm - 120) / 120).toBeLessThanOrEqual(0.02);
      expect(ch.beatCount).toBeGreaterThanOrEqual(36);
    }
    // the right channel carries the tone: never quiet, louder; the left is silent between clicks
    expect(out.channels[0].features.rms.min).toBe(0);
    expect(out.channels[1].features.rms.min).toBeGreaterThan(0.03);
    expect(out.channels[1].loudnessDbfs).toBeGreaterThan(out.channels[0].loudnessDbfs);
  });
});

it('--features keeps only those features; --series-resolution adds series; --threads is honoured', async () => {
  const r = await run([CLICKS, '--features', 'rms,spectral-centroid,tempo,beats', '--series-resolution', '500ms', '--threads', '2']);
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.parameters.threads).toBe(2);
  const ch = out.channels[0];
  expect(Object.keys(ch.features).sort()).toEqual(['rms', 'spectralCentroid']);
  expect(ch.series.times).toHaveLength(40);
  expect(ch.series.times[1]).toBe(0.5);
  expect(Object.keys(ch.series.scalars).sort()).toEqual(['rms', 'spectralCentroid']);
  expect(ch.series.scalars.rms).toHaveLength(40);
  expect(ch.series.beatTimes.length).toBe(ch.beatCount);
  expect(ch.series.mfcc).toBeUndefined();
});

it('gives the same numbers with 1 and 2 threads', async () => {
  const [a, b] = await Promise.all([run([CLICKS, '--threads', '1']), run([CLICKS, '--threads', '2'])]);
  const ja = JSON.parse(a.stdout);
  const jb = JSON.parse(b.stdout);
  expect(jb.channels).toEqual(ja.channels);
});

it.each([
  [['/etc/hostname'], /^trebuchet: wav: not a WAV file/],
  [[path.join(tmp, 'nope.wav')], /^trebuchet: .*no such file/i],
  [['--features', 'loudness'], /^trebuchet: --features: unknown feature "loudness"/],
  [['--series-resolution', 'often'], /^trebuchet: --series-resolution: expected a duration/],
  [['--n-fft', '1000'], /^trebuchet: audio: nFft must be a power of two/],
  [['--threads', 'two'], /^trebuchet: --threads: expected a whole number/],
])('bad input %j: exit 1 and one line on stderr', async (args, message) => {
  const file = (args[0] as string).startsWith('--') ? [CLICKS, ...args] : args;
  const r = await run(file as string[]);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
});

it('refuses a truncated WAV with the declared and present sizes', async () => {
  const file = path.join(tmp, 'cut.wav');
  writeFileSync(file, Buffer.concat([wavHeader({ dataBytes: 1000 }), Buffer.alloc(10)]));
  const r = await run([file]);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/truncated file: the "data" chunk declares 1000 bytes but only 10 are present/);
});
