// The audio-analysis service: an uploaded file becomes a job that runs in this process on the audio
// engine (which spreads the work over worker threads), a few at a time, with progress stored in the
// job's row and published for subscribers, and the result (or the error) stored when it ends.
import { followIterator } from '../pubsub/follow';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError, InvalidInputError, NotFoundError } from '../../engines/errors';
import { analyzeAudioFile, readAudioInfo } from '../../engines/audio/index';
import type { AudioAnalysis, AudioFormatInfo, AudioOptions, AudioProgress, ChannelSummary, FeatureName, MelScale, WindowName } from '../../engines/audio/types';
import type { Clock } from '../clock';
import type { Prisma, PrismaClient } from '../db';
import { fromGlobalId } from '../ids';
import { filterIterator, type PubSub } from '../pubsub';
import { failAbandoned, findJob, findJobs, findResult, finishJob, insertJob, markRunning, touchJobs, updateProgress, type AudioJobSummaryRow, type FinalState } from './audio-store';

/** Topic carrying every job's state changes; subscribers filter by job. */
export const AUDIO_TOPIC = 'audio.job';

export type AudioJobStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
export type AudioJobPhase = 'FRAMES' | 'RHYTHM' | 'STORING';
export type AudioFeatureOption =
  | 'SPECTRAL_CENTROID'
  | 'SPECTRAL_BANDWIDTH'
  | 'SPECTRAL_ROLLOFF'
  | 'SPECTRAL_FLATNESS'
  | 'SPECTRAL_FLUX'
  | 'RMS'
  | 'ZCR'
  | 'ONSET_STRENGTH'
  | 'MFCC'
  | 'CHROMA'
  | 'TEMPO'
  | 'BEATS'
  | 'ONSETS';

/** API feature names to the engine's, and back. */
export const FEATURES: Record<AudioFeatureOption, FeatureName> = {
  SPECTRAL_CENTROID: 'spectralCentroid',
  SPECTRAL_BANDWIDTH: 'spectralBandwidth',
  SPECTRAL_ROLLOFF: 'spectralRolloff',
  SPECTRAL_FLATNESS: 'spectralFlatness',
  SPECTRAL_FLUX: 'spectralFlux',
  RMS: 'rms',
  ZCR: 'zcr',
  ONSET_STRENGTH: 'onsetStrength',
  MFCC: 'mfcc',
  CHROMA: 'chroma',
  TEMPO: 'tempo',
  BEATS: 'beats',
  ONSETS: 'onsets',
};
export const FEATURE_OPTIONS = Object.fromEntries(Object.entries(FEATURES).map(([k, v]) => [v, k])) as Record<FeatureName, AudioFeatureOption>;

/**
 * A job as the API shows it and as subscribers receive it: plain JSON (it crosses processes over
 * LISTEN/NOTIFY, whose payloads are small), so without the result, which is loaded on demand.
 */
export interface AudioJob {
  /** The row's uuid (AudioAnalysisJob.id makes the global id of it). */
  id: string;
  status: AudioJobStatus;
  progress: number;
  phase: AudioJobPhase | null;
  fileName: string;
  format: AudioFormatInfo;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: { code: string; message: string } | null;
  /** The result when at hand (the mutation that saw the job finish); absent: loaded when asked for. */
  result?: AudioAnalysis | null;
}

/** Parent of `AudioAnalysisParameters`. */
export type AudioParameters = AudioAnalysis['parameters'];
/** Parent of `AudioFeatureSummary`. */
export type AudioFeatureSummaryParent = ChannelSummary['features'];

export interface AudioAnalysisOptionsInput {
  features?: readonly AudioFeatureOption[] | null;
  nFft?: number | null;
  hopLength?: number | null;
  window?: 'HANN' | 'HAMMING' | 'BLACKMAN' | null;
  nMels?: number | null;
  melScale?: 'SLANEY' | 'HTK' | null;
  nMfcc?: number | null;
  rolloffPercent?: number | null;
  topDb?: number | null;
  seriesResolution?: number | null;
  waitSeconds?: number | null;
}

/** An uploaded file (graphql-upload's FileUpload, opened by the resolver). */
export interface AudioUpload {
  open(): Promise<{ filename: string; stream: Readable }>;
}

export interface AudioLimits {
  /** Largest file accepted, bytes. */
  maxUploadBytes: number;
  /** Analyses running at once in this process. */
  concurrency: number;
  /** Threads of each analysis. */
  threads: number;
  /** Points of a channel's series, at most. */
  maxSeriesPoints: number;
  /** Longest `waitSeconds`. */
  maxWaitSeconds: number;
}

export const DEFAULT_AUDIO_LIMITS: AudioLimits = {
  maxUploadBytes: 4 * 1024 ** 3,
  concurrency: 1,
  threads: 2,
  maxSeriesPoints: 100_000,
  maxWaitSeconds: 300,
};

export interface AudioDeps {
  prisma: PrismaClient;
  pubsub: PubSub;
  clock: Clock;
  /** Where uploads are spooled while they wait and run (a folder of the data directory). */
  uploadDir: string;
  /**
   * True when other processes may run jobs on the same database (Postgres): only jobs whose
   * runner stopped beating are abandoned. False (embedded PGlite, one process per data folder):
   * every unfinished job found at start was left by a process that is gone.
   */
  sharedDatabase: boolean;
  limits?: Partial<AudioLimits>;
  /** Errors that must not fail a request or a job (a lost progress event) are reported here. */
  onBackgroundError?: (err: unknown, what: string) => void;
}

const DEFAULT_WAIT_SECONDS = 10;
/** Progress events (and row updates) per job at most every this many ms: about 4 a second. */
const PROGRESS_INTERVAL_MS = 250;
/** Runners beat every HEARTBEAT_MS; a runner silent for STALE_SECONDS is taken for dead. */
const HEARTBEAT_MS = 10_000;
const STALE_SECONDS = 60;
/** How often a node on a shared database looks for jobs of dead runners. */
const SWEEP_MS = 30_000;
/** Spooled uploads older than this at start belong to no live job (shared database: other nodes may be spooling). */
const ORPHAN_UPLOAD_MS = 24 * 3600_000;
/** How long close() waits for running analyses to stop after aborting them. */
const CLOSE_WAIT_MS = 10_000;
const MAX_FILE_NAME = 255;
// Keep an event well under the 8000-byte NOTIFY limit whatever the characters.
const MAX_ERROR_MESSAGE = 1000;

const ABANDONED = {
  code: 'ENGINE_FAILURE',
  message: 'audio: the server running this analysis stopped before it finished (restart or crash); upload the file again',
};
const SHUT_DOWN = {
  code: 'ENGINE_FAILURE',
  message: 'audio: the server shut down before this analysis finished; upload the file again',
};

const STATUS_RANK: Record<AudioJobStatus, number> = { QUEUED: 0, RUNNING: 1, SUCCEEDED: 2, FAILED: 2 };
const PHASE_RANK: Record<AudioJobPhase, number> = { FRAMES: 0, RHYTHM: 1, STORING: 2 };

function isFinal(job: AudioJob): boolean {
  return job.status === 'SUCCEEDED' || job.status === 'FAILED';
}

/** Whether `a` is a later state of the job than `b` (states only move forward). */
function isLater(a: AudioJob, b: AudioJob): boolean {
  const rank = (j: AudioJob) => [STATUS_RANK[j.status], j.phase === null ? (isFinal(j) ? 3 : -1) : PHASE_RANK[j.phase], j.progress];
  const [x, y] = [rank(a), rank(b)];
  for (let i = 0; i < x.length; i++) if ((x[i] as number) !== (y[i] as number)) return (x[i] as number) > (y[i] as number);
  return false;
}

function jobOf(row: AudioJobSummaryRow): AudioJob {
  return {
    id: row.id,
    status: row.status,
    progress: row.progress,
    phase: row.phase as AudioJobPhase | null,
    fileName: row.fileName,
    format: row.format as unknown as AudioFormatInfo,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: row.errorCode ? { code: row.errorCode, message: row.errorMessage ?? '' } : null,
  };
}

function intOption(field: string, value: number | null | undefined, min: number, max: number, rule = `an integer from ${min} to ${max}`): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) throw new InvalidInputError(`${field} must be ${rule}, found ${value}`, { field });
  return value;
}

/** A file name as stored: at most MAX_FILE_NAME characters, no NUL (Postgres text cannot hold it). */
function cleanFileName(name: string | undefined): string {
  const clean = (name ?? '').replaceAll('\u0000', '').slice(0, MAX_FILE_NAME);
  return clean === '' ? 'upload' : clean;
}

function isErrno(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as NodeJS.ErrnoException).code === code;
}

/** Resolves when `promise` settles or after `ms`, whichever comes first. */
async function waitAtMost(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Validated options: what the engine gets, and how long the mutation waits. */
interface ValidatedOptions {
  engine: AudioOptions;
  waitSeconds: number;
}

/** One job this process accepted and has not finished. */
interface ActiveJob {
  state: AudioJob;
  file: string;
  options: AudioOptions;
  result: AudioAnalysis | null;
  abort: AbortController;
  /** Row updates and events, in order: each waits for the previous one. */
  chain: Promise<void>;
  lastPublishedAt: number;
  /** Settles once the final state is stored and published. */
  done: Promise<void>;
  settle(): void;
}

export class AudioService {
  private readonly limits: AudioLimits;
  /** This instance's name on the job rows it runs: host, process, and a random part for restarts. */
  private readonly runnerId = `${hostname()}:${process.pid}:${randomUUID()}`;
  private readonly active = new Map<string, ActiveJob>();
  private readonly queue: ActiveJob[] = [];
  private running = 0;
  private closed = false;
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly deps: AudioDeps) {
    this.limits = { ...DEFAULT_AUDIO_LIMITS, ...deps.limits };
  }

  private get prisma(): PrismaClient {
    return this.deps.prisma;
  }

  private report(err: unknown, what: string): void {
    this.deps.onBackgroundError?.(err, what);
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────

  /**
   * Fails the jobs a dead process left QUEUED or RUNNING (their files are gone with it) and
   * removes its spooled uploads. On a shared database, then beats for this runner's jobs and looks
   * for other dead runners' jobs now and then (a node that crashed and came back within
   * STALE_SECONDS finds its old jobs still beating at start).
   */
  async start(): Promise<void> {
    await this.failAbandonedJobs(this.deps.sharedDatabase ? STALE_SECONDS : null);
    await this.removeOrphanUploads();
    if (!this.deps.sharedDatabase) return;
    const every = (ms: number, fn: () => Promise<void>, what: string) => {
      const timer = setInterval(() => void fn().catch((err: unknown) => this.report(err, what)), ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(HEARTBEAT_MS, async () => (this.active.size > 0 ? touchJobs(this.prisma, this.runnerId) : undefined), 'audio job heartbeat');
    every(SWEEP_MS, () => this.failAbandonedJobs(STALE_SECONDS), 'audio job recovery');
  }

  private async failAbandonedJobs(staleSeconds: number | null): Promise<void> {
    const ids = await failAbandoned(this.prisma, this.runnerId, staleSeconds, ABANDONED, this.deps.clock.now());
    if (ids.length === 0) return;
    // Someone may be following them on another node.
    for (const row of await findJobs(this.prisma, ids)) await this.publish(jobOf(row));
  }

  private async removeOrphanUploads(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.deps.uploadDir);
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return;
      throw err;
    }
    const now = Date.now();
    for (const name of names) {
      const file = path.join(this.deps.uploadDir, name);
      try {
        if (this.deps.sharedDatabase && now - (await stat(file)).mtimeMs < ORPHAN_UPLOAD_MS) continue;
        await rm(file, { force: true });
      } catch (err) {
        if (!isErrno(err, 'ENOENT')) this.report(err, `remove orphan upload ${file}`);
      }
    }
  }

  /**
   * Stops accepting jobs, fails the queued ones and aborts the running ones, which end FAILED;
   * waits for their rows to be written (up to CLOSE_WAIT_MS: an analysis that does not stop is
   * left RUNNING, and the next start fails it).
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    for (const job of this.queue.splice(0)) {
      rm(job.file, { force: true }).catch((err: unknown) => this.report(err, `remove upload ${job.file}`));
      this.finish(job, { error: SHUT_DOWN });
    }
    for (const job of this.active.values()) job.abort.abort();
    await waitAtMost(Promise.all([...this.active.values()].map((j) => j.done)), CLOSE_WAIT_MS);
  }

  // ── reading jobs ──────────────────────────────────────────────────────────

  private jobIdOf(globalId: string, argument: string): string {
    const ref = fromGlobalId(globalId);
    if (ref?.type !== 'AudioAnalysisJob') throw new InvalidInputError(`"${globalId.slice(0, 64)}" is not an audio analysis job id`, { argument });
    return ref.id;
  }

  /** A job by global id. NOT_FOUND when none has it; BAD_USER_INPUT for an id that is not a job id. */
  async requireJob(globalId: string): Promise<AudioJob> {
    const job = await this.findJobById(this.jobIdOf(globalId, 'id'));
    if (!job) throw new NotFoundError(`audio analysis job "${globalId}" not found`, { id: globalId });
    return job;
  }

  /** A job by its row id; null when none has it. A job running here is answered from memory. */
  async findJobById(id: string): Promise<AudioJob | null> {
    const here = this.active.get(id);
    if (here) return { ...here.state };
    const row = await findJob(this.prisma, id);
    return row ? jobOf(row) : null;
  }

  /** The stored result of a job (null unless it SUCCEEDED). */
  async resultOf(id: string): Promise<AudioAnalysis | null> {
    return (await findResult(this.prisma, id)) as unknown as AudioAnalysis | null;
  }

  /**
   * Follows a job: its state at once, then its changes, ending after the final state. Subscribes
   * before reading the row, so no change between the two is missed; changes the row already shows
   * are skipped.
   */
  async follow(globalId: string): Promise<AsyncIterableIterator<AudioJob>> {
    const id = this.jobIdOf(globalId, 'jobId');
    const source = filterIterator(this.deps.pubsub.subscribe<AudioJob>(AUDIO_TOPIC), (e) => e.id === id);
    let current: AudioJob | null;
    try {
      current = await this.findJobById(id);
    } catch (err) {
      await source.return?.();
      throw err;
    }
    if (!current) {
      await source.return?.();
      throw new NotFoundError(`audio analysis job "${globalId}" not found`, { jobId: globalId });
    }
    return followIterator(current, source, { isLater: (job, last) => last === null || isLater(job, last), isFinal });
  }

  // ── analysing ─────────────────────────────────────────────────────────────

  /** Checks the options (BAD_USER_INPUT naming the field) and makes the engine's. */
  validateOptions(options: AudioAnalysisOptionsInput | null | undefined): ValidatedOptions {
    const o = options ?? {};
    const engine: AudioOptions = {};
    if (o.features) {
      if (o.features.length === 0) throw new InvalidInputError('options.features must name at least one feature (omit it for all of them)', { field: 'options.features' });
      engine.features = [...new Set(o.features.map((f) => FEATURES[f]))];
    }
    const nFft = intOption('options.nFft', o.nFft, 64, 65536, 'a power of two from 64 to 65536');
    if (nFft !== undefined && (nFft & (nFft - 1)) !== 0) throw new InvalidInputError(`options.nFft must be a power of two from 64 to 65536, found ${nFft}`, { field: 'options.nFft' });
    if (nFft !== undefined) engine.nFft = nFft;
    const hop = intOption('options.hopLength', o.hopLength, 1, nFft ?? 2048, `an integer from 1 to nFft (${nFft ?? 2048})`);
    if (hop !== undefined) engine.hopLength = hop;
    const nMels = intOption('options.nMels', o.nMels, 1, 512);
    if (nMels !== undefined) engine.nMels = nMels;
    const nMfcc = intOption('options.nMfcc', o.nMfcc, 1, nMels ?? 128, `an integer from 1 to nMels (${nMels ?? 128})`);
    if (nMfcc !== undefined) engine.nMfcc = nMfcc;
    if (o.window) engine.window = o.window.toLowerCase() as WindowName;
    if (o.melScale) engine.melScale = o.melScale.toLowerCase() as MelScale;
    if (o.rolloffPercent !== null && o.rolloffPercent !== undefined) {
      if (!(o.rolloffPercent > 0 && o.rolloffPercent < 1)) throw new InvalidInputError(`options.rolloffPercent must be strictly between 0 and 1, found ${o.rolloffPercent}`, { field: 'options.rolloffPercent' });
      engine.rolloffPercent = o.rolloffPercent;
    }
    if (o.topDb !== null && o.topDb !== undefined) {
      if (!(o.topDb >= 0 && Number.isFinite(o.topDb))) throw new InvalidInputError(`options.topDb must be a finite number of dB, at least 0, found ${o.topDb}`, { field: 'options.topDb' });
      engine.topDb = o.topDb;
    }
    if (o.seriesResolution !== null && o.seriesResolution !== undefined) {
      if (!(o.seriesResolution > 0 && Number.isFinite(o.seriesResolution))) {
        throw new InvalidInputError(`options.seriesResolution must be a number of seconds over 0, found ${o.seriesResolution}`, { field: 'options.seriesResolution' });
      }
      engine.seriesResolution = o.seriesResolution;
    }
    const waitSeconds = o.waitSeconds ?? DEFAULT_WAIT_SECONDS;
    if (!(waitSeconds >= 0 && waitSeconds <= this.limits.maxWaitSeconds)) {
      throw new InvalidInputError(`options.waitSeconds must be from 0 to ${this.limits.maxWaitSeconds}, found ${waitSeconds}`, { field: 'options.waitSeconds' });
    }
    return { engine, waitSeconds };
  }

  /** What the header allows: some samples, and a series of at most maxSeriesPoints per channel. */
  private checkAgainstFormat(options: AudioOptions, info: AudioFormatInfo): void {
    if (info.frames === 0) throw new InvalidInputError('audio: the file holds no samples (its data chunk is empty)', { field: 'file' });
    if (options.seriesResolution === undefined) return;
    const points = Math.ceil(info.frames / info.sampleRate / options.seriesResolution);
    if (points > this.limits.maxSeriesPoints) {
      throw new InvalidInputError(
        `options.seriesResolution ${options.seriesResolution} s makes ${points} points per channel for this ${(info.frames / info.sampleRate).toFixed(1)} s file, over the limit of ${this.limits.maxSeriesPoints}; use a coarser resolution`,
        { field: 'options.seriesResolution', limit: this.limits.maxSeriesPoints },
      );
    }
  }

  /**
   * Receives the file and starts its analysis: options checked first, then the upload spooled to
   * the upload folder and its header read — a bad file fails the call with BAD_USER_INPUT, and
   * neither a job nor a file is left. Then waits up to `options.waitSeconds` and returns the job as
   * it is: finished (with its result), or still RUNNING or QUEUED.
   */
  async analyze(upload: AudioUpload, options?: AudioAnalysisOptionsInput | null): Promise<AudioJob> {
    let validated: ValidatedOptions;
    try {
      if (this.closed) throw new DomainError('PRECONDITION_FAILED', 'audio: the server is shutting down; try another node or later');
      validated = this.validateOptions(options);
    } catch (err) {
      // Let the rest of the request body through, so the answer is not held up by an unread upload.
      upload.open().then(({ stream }) => stream.resume(), () => undefined);
      throw err;
    }
    const { filename, file } = await this.spool(upload);
    let row: AudioJobSummaryRow;
    try {
      const { encoding, bitsPerSample, channels, sampleRate, frames } = readAudioInfo(file);
      const info: AudioFormatInfo = { encoding, bitsPerSample, channels, sampleRate, frames };
      this.checkAgainstFormat(validated.engine, info);
      row = await insertJob(this.prisma, {
        id: randomUUID(),
        fileName: cleanFileName(filename),
        format: info as unknown as Prisma.InputJsonValue,
        options: validated.engine as unknown as Prisma.InputJsonValue,
        runnerId: this.runnerId,
        createdAt: this.deps.clock.now(),
      });
    } catch (err) {
      await rm(file, { force: true });
      throw err;
    }
    const job = this.enqueue(jobOf(row), file, validated.engine);
    if (validated.waitSeconds > 0) await waitAtMost(job.done, validated.waitSeconds * 1000);
    return job.result && job.state.status === 'SUCCEEDED' ? { ...job.state, result: job.result } : { ...job.state };
  }

  /** Streams the upload into a new file of the upload folder, refusing it past the size limit. */
  private async spool(upload: AudioUpload): Promise<{ filename: string; file: string }> {
    let opened: { filename: string; stream: Readable };
    try {
      opened = await upload.open();
    } catch (err) {
      throw this.uploadError(err, 0);
    }
    await mkdir(this.deps.uploadDir, { recursive: true });
    const file = path.join(this.deps.uploadDir, `${randomUUID()}.upload`);
    const limit = this.limits.maxUploadBytes;
    let bytes = 0;
    // Past the limit the rest of the upload is read and dropped rather than the stream destroyed:
    // a request cut off mid-body resets the connection, and the client may then never read the
    // PAYLOAD_TOO_LARGE answer (the multipart parser's own limit bounds how much is drained).
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        callback(null, bytes > limit ? undefined : chunk);
      },
    });
    try {
      await pipeline(opened.stream, counter, createWriteStream(file, { flags: 'wx' }));
      if (bytes > limit) throw new DomainError('PAYLOAD_TOO_LARGE', 'over the limit');
    } catch (err) {
      await rm(file, { force: true });
      throw this.uploadError(err, bytes);
    }
    return { filename: opened.filename, file };
  }

  private uploadError(err: unknown, bytes: number): DomainError {
    const limit = this.limits.maxUploadBytes;
    // The multipart parser also truncates a file past its own limit (HTTP 413).
    if (bytes > limit || (err as { status?: number }).status === 413) {
      return new DomainError('PAYLOAD_TOO_LARGE', `audio: the file is over the upload limit of ${limit} bytes`, { field: 'file', limit });
    }
    return new InvalidInputError(`audio: the upload failed: ${(err as Error).message}`, { field: 'file' });
  }

  private enqueue(state: AudioJob, file: string, options: AudioOptions): ActiveJob {
    let settle!: () => void;
    const done = new Promise<void>((resolve) => (settle = resolve));
    const job: ActiveJob = {
      state,
      file,
      options,
      result: null,
      abort: new AbortController(),
      chain: Promise.resolve(),
      lastPublishedAt: -Infinity,
      done,
      settle,
    };
    this.active.set(state.id, job);
    if (this.closed) {
      // Shut down while the file was arriving: the job ends at once, as the queued ones did.
      rm(file, { force: true }).catch((err: unknown) => this.report(err, `remove upload ${file}`));
      this.finish(job, { error: SHUT_DOWN });
      return job;
    }
    this.queue.push(job);
    this.pump();
    return job;
  }

  /** Starts queued jobs while slots are free. */
  private pump(): void {
    while (!this.closed && this.running < this.limits.concurrency && this.queue.length > 0) {
      const job = this.queue.shift() as ActiveJob;
      this.running++;
      this.run(job)
        .catch((err: unknown) => this.report(err, `audio job ${job.state.id}`))
        .finally(() => {
          this.running--;
          this.pump();
        });
    }
  }

  private async run(job: ActiveJob): Promise<void> {
    const startedAt = this.deps.clock.now();
    job.state = { ...job.state, status: 'RUNNING', phase: 'FRAMES', progress: 0, startedAt: startedAt.toISOString() };
    this.write(job, true, async () => {
      await markRunning(this.prisma, job.state.id, this.runnerId, startedAt, 'FRAMES');
    });
    let outcome: { result: AudioAnalysis } | { error: { code: string; message: string } };
    try {
      const threads = this.limits.threads;
      outcome = { result: await analyzeAudioFile(job.file, { ...job.options, threads }, { onProgress: (p: AudioProgress) => this.progress(job, p), signal: job.abort.signal }) };
    } catch (err) {
      outcome = { error: this.errorOf(err, job) };
    }
    // The file is not needed any more, whatever happens to the result.
    await rm(job.file, { force: true }).catch((err: unknown) => this.report(err, `remove upload ${job.file}`));
    if ('result' in outcome) {
      job.result = outcome.result;
      job.state = { ...job.state, phase: 'STORING', progress: 1 };
      this.write(job, true, () => updateProgress(this.prisma, job.state.id, this.runnerId, 1, 'STORING'));
    }
    this.finish(job, outcome);
    // The slot is free once the final state is stored.
    await job.done;
  }

  private errorOf(err: unknown, job: ActiveJob): { code: string; message: string } {
    if (job.abort.signal.aborted) return SHUT_DOWN;
    if (err instanceof DomainError) return { code: err.code, message: err.message.slice(0, MAX_ERROR_MESSAGE) };
    this.report(err, `audio analysis of job ${job.state.id}`);
    return { code: 'ENGINE_FAILURE', message: 'audio: the analysis failed unexpectedly; the error was logged' };
  }

  /**
   * An engine progress tick (`done` of `total` tasks over both passes; the total grows when blocks
   * are re-analysed for topDb): the state in memory always, never backwards; the row and an event for
   * the first tick, then at most every PROGRESS_INTERVAL_MS.
   */
  private progress(job: ActiveJob, p: AudioProgress): void {
    if (job.state.status !== 'RUNNING' || job.state.phase === 'STORING' || p.total <= 0) return;
    const progress = Math.max(job.state.progress, Math.min(1, p.done / p.total));
    const phase: AudioJobPhase = p.phase === 'rhythm' || job.state.phase === 'RHYTHM' ? 'RHYTHM' : 'FRAMES';
    // the first tick always goes out (the analysis has really begun), the others at most every interval
    const first = job.state.progress === 0 && progress > 0;
    job.state = { ...job.state, progress, phase };
    this.write(job, first, () => updateProgress(this.prisma, job.state.id, this.runnerId, progress, phase));
  }

  /**
   * Queues a row update and, after it, the event of the state as it is then. Unforced updates are
   * dropped when the last event went out less than PROGRESS_INTERVAL_MS ago (the next one carries
   * the newer progress anyway).
   */
  private write(job: ActiveJob, force: boolean, update: () => Promise<void>): void {
    const now = performance.now();
    if (!force && now - job.lastPublishedAt < PROGRESS_INTERVAL_MS) return;
    job.lastPublishedAt = now;
    const state = { ...job.state };
    job.chain = job.chain
      .then(update)
      .then(() => this.publish(state))
      .catch((err: unknown) => this.report(err, `audio job ${state.id} progress`));
  }

  private async publish(state: AudioJob): Promise<void> {
    try {
      await this.deps.pubsub.publish(AUDIO_TOPIC, state);
    } catch (err) {
      // The job goes on; a lost event must not fail it (the row has the state).
      this.report(err, 'publish audio job state');
    }
  }

  /**
   * Stores the final state after the queued updates, publishes it and settles the job. When
   * storing the result fails, the job is stored FAILED instead; when recovery already failed the
   * job (this runner looked dead), its stored state stands and is what the job reports.
   */
  private finish(job: ActiveJob, outcome: { result: AudioAnalysis } | { error: { code: string; message: string } }): void {
    const id = job.state.id;
    job.chain = job.chain
      .then(async () => {
        const finishedAt = this.deps.clock.now();
        const final = (error: { code: string; message: string } | null): FinalState => ({
          status: error ? 'FAILED' : 'SUCCEEDED',
          result: error || !('result' in outcome) ? null : (outcome.result as unknown as Prisma.InputJsonValue),
          errorCode: error?.code ?? null,
          errorMessage: error?.message ?? null,
          finishedAt,
        });
        let error = 'error' in outcome ? outcome.error : null;
        let stored: boolean;
        try {
          stored = await finishJob(this.prisma, id, this.runnerId, final(error));
        } catch (err) {
          if (error) throw err;
          this.report(err, `store the result of audio job ${id}`);
          error = { code: 'ENGINE_FAILURE', message: 'audio: the result could not be stored; the error was logged' };
          stored = await finishJob(this.prisma, id, this.runnerId, final(error));
        }
        if (stored) {
          job.state = { ...job.state, status: error ? 'FAILED' : 'SUCCEEDED', phase: null, progress: error ? job.state.progress : 1, finishedAt: finishedAt.toISOString(), error };
          if (error) job.result = null;
        } else {
          const row = await findJob(this.prisma, id);
          if (row) job.state = jobOf(row);
          job.result = null;
          return;
        }
        await this.publish({ ...job.state });
      })
      .catch((err: unknown) => this.report(err, `finish audio job ${id}`))
      .finally(() => {
        this.active.delete(id);
        job.settle();
      });
  }
}

