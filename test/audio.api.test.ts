// The audio API over real HTTP multipart uploads and graphql-ws against a running server (PGlite, or
// Postgres when DATABASE_URL is set): summaries and series of real WAV files made with SoX, jobs
// that outlive the mutation and report progress, the checks on options and files, and recovery.
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { print } from 'graphql';
import type { Client } from 'graphql-ws';
import { loadConfig, type Config } from '../api/config';
import { startServer } from '../api/server';
import { TrebuchetClient } from '../client';
import { graphql } from '../client/gql';
import type { AudioAnalysisOptions, AudioAnalysisProgressSubscription as ProgressResult } from '../client/gql/graphql';
import { AnalyzeAudioMutation, AudioAnalysisJobQuery, AudioAnalysisProgressSubscription } from '../client/operations';
import { makeAudioFixtures, type AudioFixtures } from './audio.scenarios';
import { backend, createTestDatabase } from './helpers/db';
import { expectCode } from './helpers/errors';
import { startTestServer, type TestServer } from './helpers/server';

type Job = ProgressResult['audioAnalysisProgress'];

const NodeQuery = graphql(`
  query TestAudioNode($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on AudioAnalysisJob {
        status
        fileName
      }
    }
  }
`);

const MAX_UPLOAD = 8 * 1024 * 1024;

let ts: TestServer;
let dir: string;
let wav: AudioFixtures;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'trebuchet-audio-'));
  wav = makeAudioFixtures(dir);
  ts = await startTestServer({ config: { audioMaxUploadBytes: MAX_UPLOAD, audioConcurrency: 1, audioThreads: 2 } });
});

afterAll(async () => {
  await ts?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function analyze(file: string, options?: AudioAnalysisOptions, client = ts.client) {
  const data = await readFile(file);
  // The Upload variable is a placeholder that the multipart `map` fills in.
  const { analyzeAudio } = await client.request(AnalyzeAudioMutation, { file: null as unknown as Blob, options }, [{ path: 'file', data, filename: path.basename(file) }]);
  return analyzeAudio;
}

const jobCount = async () => (await ts.server.platform.db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM "AudioAnalysisJob"'))[0]?.n;
const uploads = async (dataDir = ts.config.dataDir) => readdir(path.join(dataDir, 'audio-uploads')).catch(() => [] as string[]);

/**
 * Follows a job over graphql-ws until the server completes the subscription (failing after
 * `timeoutMs`); resolves with every state received.
 */
function follow(client: Client, jobId: string, timeoutMs = 60_000): Promise<Job[]> {
  const events: Job[] = [];
  return new Promise<Job[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`job ${jobId}: no end in ${timeoutMs} ms after ${JSON.stringify(events.map((e) => [e.status, e.progress]))}`));
    }, timeoutMs);
    const unsubscribe = client.subscribe<ProgressResult>(
      { query: print(AudioAnalysisProgressSubscription), variables: { jobId } },
      {
        next: (value) => {
          if (value.errors) {
            clearTimeout(timer);
            reject(Object.assign(new Error(value.errors[0]?.message), { extensions: value.errors[0]?.extensions }));
            return;
          }
          if (value.data) events.push(value.data.audioAnalysisProgress);
        },
        error: (err) => {
          clearTimeout(timer);
          reject(err instanceof Error ? err : new Error(JSON.stringify(err)));
        },
        complete: () => {
          clearTimeout(timer);
          resolve(events);
        },
      },
    );
  });
}

/** Peak and RMS level in dBFS of a 16-bit PCM WAV with a 44-byte header, from its samples. */
async function pcm16Levels(file: string): Promise<{ peakDbfs: number; loudnessDbfs: number }> {
  const bytes = await readFile(file);
  const samples = new Int16Array(bytes.buffer.slice(bytes.byteOffset + 44, bytes.byteOffset + bytes.length));
  let peak = 0;
  let power = 0;
  for (const v of samples) {
    peak = Math.max(peak, Math.abs(v / 32768));
    power += (v / 32768) ** 2;
  }
  return { peakDbfs: 20 * Math.log10(peak), loudnessDbfs: 10 * Math.log10(power / samples.length) };
}

/** Waits until the job is SUCCEEDED or FAILED, by polling the query. */
async function settled(id: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { audioAnalysisJob } = await ts.client.request(AudioAnalysisJobQuery, { id });
    if (audioAnalysisJob.status === 'SUCCEEDED' || audioAnalysisJob.status === 'FAILED') return audioAnalysisJob;
    if (Date.now() > until) throw new Error(`job ${id} still ${audioAnalysisJob.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('analyzeAudio', () => {
  test('a 440 Hz sine: format, a centroid at 440 Hz, the loudness of a full-scale sine, A as the chroma, series of the asked resolution', async () => {
    const job = await analyze(wav.sine, { seriesResolution: 0.5 });
    expect(job).toMatchObject({ status: 'SUCCEEDED', progress: 1, phase: null, fileName: 'sine.wav', error: null });
    expect(job.format).toEqual({ encoding: 'PCM', bitsPerSample: 16, channels: 1, sampleRate: 22050, frames: 66150 });
    expect(Date.parse(job.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(job.startedAt ?? ''));
    expect(Date.parse(job.startedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(job.createdAt));

    const r = job.result;
    if (!r) throw new Error('no result');
    expect(r.sampleRate).toBe(22050);
    expect(r.durationSeconds).toBeCloseTo(3, 6);
    expect(r.frameCount).toBe(1 + Math.floor(66150 / 512));
    expect(r.parameters).toEqual({
      features: ['SPECTRAL_CENTROID', 'SPECTRAL_BANDWIDTH', 'SPECTRAL_ROLLOFF', 'SPECTRAL_FLATNESS', 'SPECTRAL_FLUX', 'RMS', 'ZCR', 'ONSET_STRENGTH', 'MFCC', 'CHROMA', 'TEMPO', 'BEATS', 'ONSETS'],
      nFft: 2048,
      hopLength: 512,
      window: 'HANN',
      nMels: 128,
      melScale: 'SLANEY',
      nMfcc: 20,
      rolloffPercent: 0.85,
      topDb: 80,
      seriesResolution: 0.5,
      // At most TREBUCHET_AUDIO_THREADS; the engine uses fewer for a short file.
      threads: expect.any(Number),
    });
    expect(r.parameters.threads).toBeLessThanOrEqual(2);
    expect(r.channels).toHaveLength(1);
    const c = r.channels[0]!;
    expect(c.index).toBe(0);
    const centroid = c.features.spectralCentroid!;
    // The first and last frames are half padding, which pulls the mean a little up.
    expect(Math.abs(centroid.mean - 440) / 440).toBeLessThan(0.02);
    expect(centroid.min).toBeGreaterThan(430);
    // Loudness and peak as the samples themselves give them.
    const { peakDbfs, loudnessDbfs } = await pcm16Levels(wav.sine);
    expect(c.peakDbfs!).toBeCloseTo(peakDbfs, 3);
    expect(c.loudnessDbfs!).toBeCloseTo(loudnessDbfs, 3);
    // A sine: RMS is the peak over √2, 3.01 dB below it.
    expect(c.loudnessDbfs! - c.peakDbfs!).toBeCloseTo(-3.01, 1);
    // A pure tone is as far from noise as a spectrum gets.
    expect(c.features.spectralFlatness!.mean).toBeLessThan(0.01);
    // 440 Hz is A: pitch class 9 counting from C.
    const chroma = c.features.chroma!.mean;
    expect(chroma).toHaveLength(12);
    expect(chroma.indexOf(Math.max(...chroma))).toBe(9);
    expect(c.features.mfcc!.mean).toHaveLength(20);

    const s = c.series!;
    expect(s.times).toHaveLength(6);
    s.times.forEach((t, i) => expect(t).toBeCloseTo(i * 0.5, 6));
    for (const key of ['spectralCentroid', 'spectralBandwidth', 'spectralRolloff', 'spectralFlatness', 'spectralFlux', 'rms', 'zcr', 'onsetStrength'] as const) {
      expect({ key, length: s[key]?.length }).toEqual({ key, length: 6 });
    }
    expect(s.mfcc).toHaveLength(6);
    expect(s.mfcc!.every((v) => v.length === 20)).toBe(true);
    expect(s.chroma!.every((v) => v.length === 12)).toBe(true);
    // The middle points hold whole frames of the tone.
    for (const v of s.spectralCentroid!.slice(1, 5)) expect(Math.abs(v - 440) / 440).toBeLessThan(0.01);

    // Read back, from the database: the same job and result.
    const { audioAnalysisJob } = await ts.client.request(AudioAnalysisJobQuery, { id: job.id });
    expect(audioAnalysisJob).toEqual(job);
    expect((await ts.client.request(NodeQuery, { id: job.id })).node).toEqual({ __typename: 'AudioAnalysisJob', id: job.id, status: 'SUCCEEDED', fileName: 'sine.wav' });
    // Nothing of the upload is left.
    expect(await uploads()).toEqual([]);
  });

  test('a 120 BPM click track: tempo within 2% of 120, a beat and an onset per click; features not asked for are null', async () => {
    // Tempo is measured in whole frames of lag (as librosa does): at 8 kHz a hop of 200 samples puts
    // a beat every 0.5 s at exactly 20 frames. (With the default hop of 512 it falls between lags of
    // 7 and 8 frames, 134 and 117 BPM.)
    const job = await analyze(wav.clicks, { features: ['TEMPO', 'BEATS', 'ONSETS', 'RMS'], hopLength: 200, seriesResolution: 1 });
    expect(job.status).toBe('SUCCEEDED');
    const c = job.result!.channels[0]!;
    expect(Math.abs(c.tempoBpm! - 120) / 120).toBeLessThan(0.02);
    // 40 clicks over 20 s; the beat tracker may leave out one at either end.
    expect(c.onsetCount).toBeGreaterThanOrEqual(38);
    expect(c.onsetCount).toBeLessThanOrEqual(41);
    expect(c.beatCount).toBeGreaterThanOrEqual(36);
    expect(c.beatCount).toBeLessThanOrEqual(41);
    const beats = c.series!.beatTimes!;
    expect(beats).toHaveLength(c.beatCount);
    const gaps = beats.slice(1).map((t, i) => t - (beats[i] as number)).sort((a, b) => a - b);
    expect(gaps[Math.floor(gaps.length / 2)]).toBeCloseTo(0.5, 1);
    const onsets = c.series!.onsetTimes!;
    expect(onsets).toHaveLength(c.onsetCount);
    // Each onset sits at a click (a multiple of 0.5 s), within a few frames (hop 512 at 8 kHz is 64 ms).
    for (const t of onsets) expect(Math.abs(t - Math.round(t * 2) / 2)).toBeLessThan(0.15);

    expect(job.result!.parameters).toMatchObject({ features: ['TEMPO', 'BEATS', 'ONSETS', 'RMS'], hopLength: 200 });
    expect(job.result!.frameCount).toBe(1 + 160000 / 200);
    expect(c.features.rms).not.toBeNull();
    expect(c.features).toMatchObject({ spectralCentroid: null, mfcc: null, chroma: null, zcr: null });
    expect(c.series!.times).toHaveLength(20);
    expect(c.series!.rms).toHaveLength(20);
    expect(c.series).toMatchObject({ spectralCentroid: null, mfcc: null, chroma: null });
  });

  test('stereo: one analysis per channel, each with its own tone', async () => {
    const job = await analyze(wav.stereo, { features: ['SPECTRAL_CENTROID', 'CHROMA'], nFft: 4096, hopLength: 1024, window: 'BLACKMAN', seriesResolution: 0.5 });
    expect(job.format).toMatchObject({ channels: 2, sampleRate: 16000, frames: 32000 });
    const [left, right] = job.result!.channels;
    expect([left?.index, right?.index]).toEqual([0, 1]);
    // The points inside the file (the edges hold padded frames).
    for (const v of left!.series!.spectralCentroid!.slice(1, 3)) expect(Math.abs(v - 440) / 440).toBeLessThan(0.01);
    for (const v of right!.series!.spectralCentroid!.slice(1, 3)) expect(Math.abs(v - 880) / 880).toBeLessThan(0.01);
    // 880 Hz is an A too.
    for (const c of [left!, right!]) expect(c.features.chroma!.mean.indexOf(Math.max(...c.features.chroma!.mean))).toBe(9);
    expect(job.result!.parameters).toMatchObject({ nFft: 4096, hopLength: 1024, window: 'BLACKMAN' });
    expect(job.result!.frameCount).toBe(1 + Math.floor(32000 / 1024));
    expect(left!.series!.times).toHaveLength(4);
  });

  test('options are checked first: BAD_USER_INPUT naming the field, and no job or file is left', async () => {
    const before = await jobCount();
    const cases: [AudioAnalysisOptions, string][] = [
      [{ nFft: 1000 }, 'options.nFft'],
      [{ nFft: 32 }, 'options.nFft'],
      [{ nFft: 131072 }, 'options.nFft'],
      [{ hopLength: 0 }, 'options.hopLength'],
      [{ nFft: 256, hopLength: 512 }, 'options.hopLength'],
      [{ nMels: 0 }, 'options.nMels'],
      [{ nMels: 513 }, 'options.nMels'],
      [{ nMels: 10, nMfcc: 11 }, 'options.nMfcc'],
      [{ nMfcc: 0 }, 'options.nMfcc'],
      [{ rolloffPercent: 0 }, 'options.rolloffPercent'],
      [{ rolloffPercent: 1 }, 'options.rolloffPercent'],
      [{ topDb: -1 }, 'options.topDb'],
      [{ seriesResolution: 0 }, 'options.seriesResolution'],
      [{ seriesResolution: -2 }, 'options.seriesResolution'],
      [{ waitSeconds: -1 }, 'options.waitSeconds'],
      [{ waitSeconds: 3600 }, 'options.waitSeconds'],
      [{ features: [] }, 'options.features'],
      // 3 s at 10 µs a point: 300,000 points, over the 100,000 a channel may have.
      [{ seriesResolution: 0.00001 }, 'options.seriesResolution'],
    ];
    for (const [options, field] of cases) {
      const { message, extensions } = await expectCode(analyze(wav.sine, options), 'BAD_USER_INPUT');
      expect({ options, field: extensions.field }).toEqual({ options, field });
      expect(message).toContain(field);
    }
    expect(await jobCount()).toBe(before);
    expect(await uploads()).toEqual([]);
  });

  test('a file that is not WAV, one whose header claims more data than it holds, an empty one: BAD_USER_INPUT, no job, no file', async () => {
    const before = await jobCount();
    const text = await expectCode(analyze(wav.text), 'BAD_USER_INPUT');
    expect(text.message).toMatch(/^wav: not a WAV file/);
    const truncated = await expectCode(analyze(wav.truncated), 'BAD_USER_INPUT');
    expect(truncated.message).toMatch(/^wav: truncated file: the "data" chunk declares 132300 bytes but only 66150 are present/);
    expect(truncated.extensions.reason).toBe('truncated');
    const empty = await expectCode(analyze(wav.empty), 'BAD_USER_INPUT');
    expect(empty.message).toMatch(/^wav: /);
    expect(await jobCount()).toBe(before);
    expect(await uploads()).toEqual([]);
  });

  test('a file over the upload limit is PAYLOAD_TOO_LARGE, and nothing is left on disk', async () => {
    const before = await jobCount();
    const big = path.join(dir, 'big.wav');
    await writeFile(big, Buffer.concat([await readFile(wav.sine), Buffer.alloc(MAX_UPLOAD)]));
    const { message, extensions } = await expectCode(analyze(big), 'PAYLOAD_TOO_LARGE');
    expect(message).toContain(`${MAX_UPLOAD} bytes`);
    expect(extensions.limit).toBe(MAX_UPLOAD);
    expect(await jobCount()).toBe(before);
    expect(await uploads()).toEqual([]);
    // The server is fine afterwards.
    expect((await analyze(wav.sine, { features: ['RMS'] })).status).toBe('SUCCEEDED');
  });
});

describe('jobs and progress', () => {
  test('waitSeconds 0 answers at once with a RUNNING (or QUEUED) job; the subscription follows it to SUCCEEDED with the result', async () => {
    // A hop of 256 makes twice the frames of the default: the analysis takes long enough to report progress.
    const job = await analyze(wav.long, { waitSeconds: 0, seriesResolution: 1, hopLength: 256 });
    expect(['QUEUED', 'RUNNING']).toContain(job.status);
    expect(job.result).toBeNull();
    expect(job.format).toMatchObject({ channels: 2, sampleRate: 22050, frames: 60 * 22050 });

    const events = await follow(ts.ws(), job.id);
    // The state at once, then changes, ending with SUCCEEDED.
    expect(events.length).toBeGreaterThanOrEqual(2);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ status: 'SUCCEEDED', progress: 1, phase: null, error: null });
    expect(last.result?.channels).toHaveLength(2);
    expect(last.result?.channels[0]?.series?.times).toHaveLength(60);
    expect(events.slice(0, -1).every((e) => e.status === 'QUEUED' || e.status === 'RUNNING')).toBe(true);
    expect(events.slice(0, -1).every((e) => e.result === null)).toBe(true);
    const progress = events.map((e) => e.progress);
    expect(progress.every((p, i) => p >= 0 && p <= 1 && (i === 0 || p >= (progress[i - 1] as number)))).toBe(true);
    const running = events.filter((e) => e.status === 'RUNNING');
    expect(running.length).toBeGreaterThan(0);
    expect(running.every((e) => e.phase === 'FRAMES' || e.phase === 'RHYTHM' || e.phase === 'STORING')).toBe(true);
    // About four progress events a second at most (plus the start, STORING and the end).
    const seconds = (Date.parse(last.finishedAt!) - Date.parse(last.startedAt!)) / 1000;
    expect(events.length).toBeLessThanOrEqual(4 * seconds + 5);
    // The first tick of the analysis goes out at once: progress between the start and the end.
    expect(running.some((e) => e.progress > 0 && e.progress < 1)).toBe(true);

    // A late subscriber gets the final state at once, and the subscription completes.
    const late = await follow(ts.ws(), job.id, 10_000);
    expect(late).toHaveLength(1);
    expect(late[0]).toEqual(last);
    const { audioAnalysisJob } = await ts.client.request(AudioAnalysisJobQuery, { id: job.id });
    expect(audioAnalysisJob).toEqual(last);
    expect(await uploads()).toEqual([]);
  });

  test('one analysis at a time per node (TREBUCHET_AUDIO_CONCURRENCY=1): the next waits QUEUED, then runs', async () => {
    const first = await analyze(wav.long, { waitSeconds: 0, hopLength: 256 });
    const second = await analyze(wav.long, { waitSeconds: 0, features: ['RMS'] });
    expect(second.status).toBe('QUEUED');
    expect(second.startedAt).toBeNull();
    const [a, b] = [await settled(first.id), await settled(second.id)];
    expect([a.status, b.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(Date.parse(b.startedAt!)).toBeGreaterThanOrEqual(Date.parse(a.finishedAt!));
  });

  test('unknown job: NOT_FOUND for the query and the subscription; an id of something else is BAD_USER_INPUT; node(id) is null', async () => {
    const unknown = Buffer.from(`AudioAnalysisJob:${randomUUID()}`).toString('base64url');
    await expectCode(ts.client.request(AudioAnalysisJobQuery, { id: unknown }), 'NOT_FOUND');
    await expectCode(ts.client.request(AudioAnalysisJobQuery, { id: 'bm90LWFuLWlk' }), 'BAD_USER_INPUT');
    await expectCode(ts.client.request(AudioAnalysisJobQuery, { id: Buffer.from(`Document:${randomUUID()}`).toString('base64url') }), 'BAD_USER_INPUT');
    expect((await ts.client.request(NodeQuery, { id: unknown })).node).toBeNull();
    const err = (await follow(ts.ws(), unknown, 10_000).then(
      () => null,
      (e: unknown) => e,
    )) as { extensions?: { code?: string } } | null;
    expect(err?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('restarts', () => {
  /** Starts a server on `db`, runs `fn` with it, and closes it. */
  async function withServer<T>(config: Config, fn: (server: Awaited<ReturnType<typeof startServer>>) => Promise<T>): Promise<T> {
    const server = await startServer(config);
    try {
      return await fn(server);
    } finally {
      await server.close();
    }
  }

  test('jobs a dead process left unfinished, and one cut short by shutdown, end FAILED with a clear error; orphan uploads go', async () => {
    const db = await createTestDatabase();
    try {
      const config = loadConfig(
        { ...process.env, DATABASE_URL: db.databaseUrl ?? '', TREBUCHET_LOG_LEVEL: 'silent' },
        // Two threads: the analysis runs on workers, so the server goes on serving (and shutting down) meanwhile.
        { port: 0, host: '127.0.0.1', dataDir: db.dataDir, audioConcurrency: 1, audioThreads: 2 },
      );
      const { dead, cut } = await withServer(config, async (server) => {
        const client = new TrebuchetClient(server.url);
        // A row as a process that died mid-analysis an hour ago left it, and its spooled file.
        const row = await server.platform.db.prisma.audioAnalysisJob.create({
          data: {
            id: randomUUID(),
            status: 'RUNNING',
            fileName: 'lost.wav',
            format: { encoding: 'pcm', bitsPerSample: 16, channels: 1, sampleRate: 8000, frames: 8000 },
            options: {},
            runnerId: 'gone-host:1:dead',
            heartbeatAt: new Date(Date.now() - 3600_000),
            startedAt: new Date(Date.now() - 3600_000),
          },
        });
        await mkdir(path.join(db.dataDir, 'audio-uploads'), { recursive: true });
        const orphan = path.join(db.dataDir, 'audio-uploads', `${randomUUID()}.upload`);
        await writeFile(orphan, 'left behind');
        const old = new Date(Date.now() - 3 * 24 * 3600_000);
        await utimes(orphan, old, old);
        // A job still running when the server shuts down.
        const running = await analyze(wav.long, { waitSeconds: 0, hopLength: 128 }, client);
        expect(['QUEUED', 'RUNNING']).toContain(running.status);
        return { dead: Buffer.from(`AudioAnalysisJob:${row.id}`).toString('base64url'), cut: running.id };
      });
      await withServer(config, async (server) => {
        const client = new TrebuchetClient(server.url);
        const lost = (await client.request(AudioAnalysisJobQuery, { id: dead })).audioAnalysisJob;
        expect(lost).toMatchObject({ status: 'FAILED', fileName: 'lost.wav', result: null, error: { code: 'ENGINE_FAILURE' } });
        expect(lost.error?.message).toContain('stopped before it finished');
        expect(lost.finishedAt).not.toBeNull();
        const stopped = (await client.request(AudioAnalysisJobQuery, { id: cut })).audioAnalysisJob;
        expect(stopped).toMatchObject({ status: 'FAILED', result: null, error: { code: 'ENGINE_FAILURE' } });
        expect(stopped.error?.message).toContain('shut down');
        expect(await uploads(db.dataDir)).toEqual([]);
      });
    } finally {
      await db.drop();
    }
  });
});

// Several API nodes exist only on Postgres (PGlite is one process's database).
if (backend === 'postgres')
  describe('across API nodes (Postgres LISTEN/NOTIFY)', () => {
    test('a subscriber on node A follows a job running on node B to its result', async () => {
      const config = loadConfig({ ...process.env, DATABASE_URL: ts.db.databaseUrl, TREBUCHET_LOG_LEVEL: 'silent' }, { port: 0, host: '127.0.0.1', dataDir: ts.db.dataDir });
      const nodeB = await startServer(config);
      try {
        const job = await analyze(wav.long, { waitSeconds: 0, features: ['RMS', 'TEMPO'] }, new TrebuchetClient(nodeB.url));
        const events = await follow(ts.ws(), job.id);
        expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED', progress: 1 });
        expect(events.at(-1)?.result?.channels).toHaveLength(2);
        // Node A reads the job node B runs, from the database.
        expect((await ts.client.request(AudioAnalysisJobQuery, { id: job.id })).audioAnalysisJob).toEqual(events.at(-1));
      } finally {
        await nodeB.close();
      }
    });
  });
