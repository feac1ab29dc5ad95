// Runtime configuration, read once from the environment (and CLI flags) into one typed object.
// Every variable is documented in README.md § Configuration.
import os from 'node:os';
import path from 'node:path';

export interface Config {
  /** TCP port for HTTP and WebSocket (TREBUCHET_PORT / PORT, default 4000). */
  port: number;
  /** Interface to bind (TREBUCHET_HOST, default 0.0.0.0). */
  host: string;
  /** Data directory: embedded database, artifacts (TREBUCHET_DATA_DIR, default ./.trebuchet). */
  dataDir: string;
  /** Postgres URL; when unset the embedded PGlite database in dataDir is used. */
  databaseUrl: string | undefined;
  /** Max connections of the Postgres pool (TREBUCHET_DB_POOL_SIZE, default 10). */
  dbPoolSize: number;
  /** Largest accepted artifact, multipart upload (TREBUCHET_MAX_UPLOAD_BYTES, default 512 MiB). */
  maxUploadBytes: number;
  /** Largest artifact accepted as base64 in `artifactBase64` (TREBUCHET_MAX_BASE64_BYTES, default 8 MiB decoded). */
  maxBase64Bytes: number;
  /** 'production' logs one JSON line per request; anything else logs readable lines (NODE_ENV). */
  production: boolean;
  /** Log level (TREBUCHET_LOG_LEVEL, default info; 'silent' in tests). */
  logLevel: string;
  /** Grace period for draining connections on SIGTERM/SIGINT (TREBUCHET_SHUTDOWN_TIMEOUT_MS, default 10000). */
  shutdownTimeoutMs: number;
  /** Most documents in one `addDocuments` call (TREBUCHET_NLP_MAX_DOCUMENTS, default 10,000). */
  nlpMaxDocuments: number;
  /** Largest text for `analyzeText` and per document, UTF-8 bytes (TREBUCHET_NLP_MAX_TEXT_BYTES, default 1 MiB). */
  nlpMaxTextBytes: number;
  /** Worker threads analysing `addDocuments` batches (TREBUCHET_NLP_THREADS, default 2). */
  nlpThreads: number;
  /** Largest audio file `analyzeAudio` accepts, bytes (TREBUCHET_AUDIO_MAX_UPLOAD_BYTES, default 4 GiB). */
  audioMaxUploadBytes: number;
  /** Audio analyses running at once on this node; the others wait QUEUED (TREBUCHET_AUDIO_CONCURRENCY, default 1). */
  audioConcurrency: number;
  /** Threads of each audio analysis (TREBUCHET_AUDIO_THREADS, default: the number of cores, at most 8). */
  audioThreads: number;
  /** Folder of the data files that data sources and integration configs may read, and of their outputs (`<dataDir>/data`). */
  dataFilesDir: string;
  /** Most rows `previewDataSource` returns (TREBUCHET_DATA_MAX_PREVIEW_ROWS, default 1000). */
  dataMaxPreviewRows: number;
  /** statement_timeout of TABLE and QUERY data sources' statements, ms (TREBUCHET_DATA_QUERY_TIMEOUT_MS, default 30000; Postgres only). */
  dataQueryTimeoutMs: number;
  /** Days finished data and audio jobs are kept before they are deleted (TREBUCHET_JOB_RETENTION_DAYS, default 30; 0: for ever). */
  jobRetentionDays: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`config: ${name} must be a non-negative integer, found "${raw}"`);
  return n;
}

/** Builds the configuration from environment variables, with `overrides` (CLI flags) taking precedence. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const config: Config = {
    port: intFrom(env, 'TREBUCHET_PORT', intFrom(env, 'PORT', 4000)),
    host: env.TREBUCHET_HOST || '0.0.0.0',
    dataDir: path.resolve(env.TREBUCHET_DATA_DIR || '.trebuchet'),
    databaseUrl: env.DATABASE_URL || undefined,
    dbPoolSize: intFrom(env, 'TREBUCHET_DB_POOL_SIZE', 10),
    maxUploadBytes: intFrom(env, 'TREBUCHET_MAX_UPLOAD_BYTES', 512 * MiB),
    maxBase64Bytes: intFrom(env, 'TREBUCHET_MAX_BASE64_BYTES', 8 * MiB),
    production: env.NODE_ENV === 'production',
    logLevel: env.TREBUCHET_LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    shutdownTimeoutMs: intFrom(env, 'TREBUCHET_SHUTDOWN_TIMEOUT_MS', 10_000),
    nlpMaxDocuments: intFrom(env, 'TREBUCHET_NLP_MAX_DOCUMENTS', 10_000),
    nlpMaxTextBytes: intFrom(env, 'TREBUCHET_NLP_MAX_TEXT_BYTES', MiB),
    nlpThreads: intFrom(env, 'TREBUCHET_NLP_THREADS', 2),
    audioMaxUploadBytes: intFrom(env, 'TREBUCHET_AUDIO_MAX_UPLOAD_BYTES', 4 * GiB),
    audioConcurrency: intFrom(env, 'TREBUCHET_AUDIO_CONCURRENCY', 1),
    audioThreads: intFrom(env, 'TREBUCHET_AUDIO_THREADS', Math.min(os.availableParallelism(), 8)),
    dataFilesDir: '',
    dataMaxPreviewRows: intFrom(env, 'TREBUCHET_DATA_MAX_PREVIEW_ROWS', 1000),
    dataQueryTimeoutMs: intFrom(env, 'TREBUCHET_DATA_QUERY_TIMEOUT_MS', 30_000),
    jobRetentionDays: intFrom(env, 'TREBUCHET_JOB_RETENTION_DAYS', 30),
    ...overrides,
  };
  config.dataDir = path.resolve(config.dataDir);
  // Always the data directory's `data/` folder unless set explicitly (overrides), so a test or CLI flag moving dataDir moves it too.
  config.dataFilesDir = overrides.dataFilesDir ? path.resolve(overrides.dataFilesDir) : path.join(config.dataDir, 'data');
  if (config.maxUploadBytes > 2 ** 31 - 1) {
    // ModelVersion.size is a GraphQL Int (32-bit signed).
    throw new Error('config: TREBUCHET_MAX_UPLOAD_BYTES must be below 2 GiB');
  }
  if (config.nlpThreads < 1 || config.nlpThreads > 64) throw new Error(`config: TREBUCHET_NLP_THREADS must be from 1 to 64, found ${config.nlpThreads}`);
  if (config.nlpMaxDocuments < 1) throw new Error('config: TREBUCHET_NLP_MAX_DOCUMENTS must be at least 1');
  if (config.audioMaxUploadBytes < 1) throw new Error('config: TREBUCHET_AUDIO_MAX_UPLOAD_BYTES must be at least 1');
  if (config.audioConcurrency < 1 || config.audioConcurrency > 64) throw new Error(`config: TREBUCHET_AUDIO_CONCURRENCY must be from 1 to 64, found ${config.audioConcurrency}`);
  if (config.audioThreads < 1 || config.audioThreads > 64) throw new Error(`config: TREBUCHET_AUDIO_THREADS must be from 1 to 64, found ${config.audioThreads}`);
  if (config.dataMaxPreviewRows < 1) throw new Error('config: TREBUCHET_DATA_MAX_PREVIEW_ROWS must be at least 1');
  if (config.dataQueryTimeoutMs < 1) throw new Error('config: TREBUCHET_DATA_QUERY_TIMEOUT_MS must be at least 1');
  return config;
}
