// Opens what the server, the CLI and the tests share: database (migrated), artifact store,
// pub/sub, services. One function so every entry point wires the platform the same way.
import path from 'node:path';
import type { Logger } from 'pino';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import { openDatabase, type Database } from './db';
import { InProcessPubSub, PostgresPubSub, type PubSub } from './pubsub';
import type { Services } from './context';
import { AudioService } from './services/audio';
import { DataService } from './services/data';
import { NlpService } from './services/nlp';
import { RegistryService } from './services/registry';
import { LocalArtifactStore, type ArtifactStore } from './storage/artifacts';
import { JobRetention } from './services/job-retention';

export interface Platform {
  config: Config;
  db: Database;
  store: ArtifactStore;
  pubsub: PubSub;
  services: Services;
  /** Deletes finished jobs after TREBUCHET_JOB_RETENTION_DAYS (at start and hourly). */
  retention: JobRetention;
  log: Logger;
  close(): Promise<void>;
}

export interface PlatformOptions {
  clock?: Clock;
  /** Skip applying migrations at start (readiness then reports pending ones). */
  skipMigrations?: boolean;
  /** In-memory PGlite (tests); ignored with DATABASE_URL. */
  inMemory?: boolean;
}

export async function openPlatform(config: Config, log: Logger, opts: PlatformOptions = {}): Promise<Platform> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize, inMemory: opts.inMemory });
  let pubsub: PubSub | undefined;
  try {
    if (!opts.skipMigrations) {
      const result = await db.migrate();
      if (result.applied.length > 0) log.info({ applied: result.applied }, 'migrations applied');
    }
    pubsub = config.databaseUrl ? await PostgresPubSub.connect(config.databaseUrl) : new InProcessPubSub();
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  const store = new LocalArtifactStore(path.join(config.dataDir, 'artifacts'));
  const registry = new RegistryService({
    prisma: db.prisma,
    sql: db.sql,
    store,
    pubsub,
    clock: opts.clock ?? systemClock,
    limits: { maxUploadBytes: config.maxUploadBytes, maxBase64Bytes: config.maxBase64Bytes },
    onBackgroundError: (err, what) => log.warn({ err }, `${what} failed`),
  });
  const nlp = new NlpService({
    prisma: db.prisma,
    sql: db.sql,
    pubsub,
    clock: opts.clock ?? systemClock,
    threads: config.nlpThreads,
    limits: { maxDocumentsPerCall: config.nlpMaxDocuments, maxTextBytes: config.nlpMaxTextBytes },
    onBackgroundError: (err, what) => log.warn({ err }, `${what} failed`),
  });
  const audio = new AudioService({
    prisma: db.prisma,
    pubsub,
    clock: opts.clock ?? systemClock,
    uploadDir: path.join(config.dataDir, 'audio-uploads'),
    sharedDatabase: db.kind === 'postgres',
    limits: { maxUploadBytes: config.audioMaxUploadBytes, concurrency: config.audioConcurrency, threads: config.audioThreads },
    onBackgroundError: (err, what) => log.warn({ err }, `${what} failed`),
  });
  const data = new DataService({
    prisma: db.prisma,
    db,
    sharedDatabase: db.kind === 'postgres',
    pubsub,
    clock: opts.clock ?? systemClock,
    root: config.dataFilesDir,
    limits: { maxPreviewRows: config.dataMaxPreviewRows, queryTimeoutMs: config.dataQueryTimeoutMs },
    onBackgroundError: (err, what) => log.warn({ err }, `${what} failed`),
  });
  const retention = new JobRetention({ prisma: db.prisma, clock: opts.clock ?? systemClock, days: config.jobRetentionDays, onBackgroundError: (err, what) => log.warn({ err }, `${what} failed`) });
  const ps = pubsub;
  try {
    await data.start();
    // Jobs a dead process left unfinished are failed before this one takes new ones. With
    // migrations skipped the job tables may not exist yet: that waits for a start on a current schema.
    if (!opts.skipMigrations || (await db.pending()).length === 0) {
      await audio.start();
      await data.recoverJobs();
      await retention.start();
    } else {
      log.warn('migrations pending: audio and data jobs left unfinished by earlier processes are not recovered');
    }
  } catch (err) {
    retention.close();
    data.close();
    await audio.close();
    await ps.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw err;
  }
  return {
    config,
    db,
    store,
    pubsub: ps,
    services: { registry, nlp, audio, data },
    retention,
    log,
    async close() {
      // Running analyses end FAILED, and their rows are written, while the database is still open.
      retention.close();
      await audio.close();
      data.close();
      await nlp.close();
      await ps.close();
      await db.close();
    },
  };
}
