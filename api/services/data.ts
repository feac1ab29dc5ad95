// The data service: data sets registered by name — files of the data folder (`<dataDir>/data`),
// or a table or query of the platform's own database read in a READ ONLY transaction — previews
// of them, integrations (engines/integration) and transform pipelines (engines/pipeline) run in
// this process, with the full output written under `outputs/`, and each run's progress stored in
// its job's row and published for subscribers.
import { followIterator } from '../pubsub/follow';
import { randomUUID } from 'node:crypto';
import { mkdir, realpath, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConflictError, ForbiddenError, InvalidInputError, isDomainError, NotFoundError } from '../../engines/errors';
import { integrate as integrateSources, type IntegrationResult } from '../../engines/integration/combine';
import { parseIntegrationConfig, type IntegrationConfig } from '../../engines/integration/config';
import { readCsv, writeCsv } from '../../engines/integration/csv';
import { resultBatch } from '../../engines/integration/output';
import { integrateColumnar, type ColumnarResult } from '../../engines/integration/columnar';
import { readJsonArray, readJsonLines, writeJsonArray, writeJsonLines } from '../../engines/integration/json';
import type { FieldType, RecordBatch, Schema, Value } from '../../engines/integration/table';
import { buildPipeline, parsePipeline, runPipeline, type StepStats } from '../../engines/pipeline/pipeline';
import type { Clock } from '../clock';
import { Prisma, type Database, type PrismaClient } from '../db';
import { fromJobId } from '../ids';
import { filterIterator, type PubSub } from '../pubsub';
import {
  checkQuery,
  deleteDataSource,
  failAbandonedDataJobs,
  findDataJob,
  findDataJobs,
  findDataSource,
  findDataSourceById,
  finishDataJob,
  insertDataJob,
  insertDataSource,
  listDataSources,
  listFileDataSources,
  readSqlSource,
  tableQuery,
  touchDataJobs,
  updateDataJobProgress,
  type DataJobRow,
  type DataSourceRow,
} from './data-store';

export type { DataJobRow, DataSourceRow } from './data-store';

/** Topic carrying every data job's progress; subscribers filter by job. */
export const DATA_TOPIC = 'data.job';

export type DataSourceKind = DataSourceRow['kind'];
export type DataJobPhase = 'LOAD' | 'JOIN' | 'RESOLVE' | 'TRANSFORM' | 'WRITE' | 'DONE' | 'FAILED';
export type DataFieldType = 'STRING' | 'INT' | 'FLOAT' | 'BOOL' | 'TIMESTAMP';

/** Reader options of a registered source, as stored in its row. */
export interface DataSourceOptions {
  /** CSV only: one character, default ','. */
  delimiter?: string;
  /** CSV only: whether the first record names the fields, default true. */
  header?: boolean;
  /** Declared field types (field → string | int | float | bool | timestamp); the others are inferred. */
  types?: Record<string, FieldType>;
}

export interface DataSourceOptionsInput {
  delimiter?: string | null;
  header?: boolean | null;
  types?: unknown;
}

export interface DataField {
  name: string;
  type: DataFieldType;
}

/** Parent of `DataPreview`. */
export interface DataPreview {
  source: DataSourceRow;
  fields: DataField[];
  /** Rows as JSON objects: timestamps as ISO-8601 strings, NaN and infinities as null. */
  rows: Record<string, unknown>[];
}

/** Parent of `IntegrateResult`. */
export interface IntegrateOutcome {
  jobId: string;
  /** The output file, relative to the data folder. */
  outputLocation: string;
  rowCount: number;
  fields: DataField[];
  firstRows: Record<string, unknown>[];
  report: IntegrationResult['report'] & { seconds: number };
}

/** Parent of `TransformResult`. */
export interface TransformOutcome {
  jobId: string;
  outputLocation: string;
  rowCount: number;
  fields: DataField[];
  firstRows: Record<string, unknown>[];
  steps: StepStats[];
}

/**
 * A progress event of a data job, as subscribers receive it (plain JSON: it may cross processes
 * over LISTEN/NOTIFY). `done` marks the last event of the job; `error` is set when it failed.
 */
export interface DataJobProgress {
  jobId: string;
  /** Number of the event in its job, from 1 (0: the state of a job that has sent none yet); not in the API. */
  seq: number;
  phase: DataJobPhase;
  detail: string;
  /** Rows processed so far (transform: rows read from the source; integrate: output rows once written). */
  rows: number;
  done: boolean;
  error: { code: string; message: string } | null;
}

/** Parent of `DataJob`: a job's stored state. */
export interface DataJobState {
  id: string;
  kind: DataJobRow['kind'];
  status: DataJobRow['status'];
  phase: DataJobPhase;
  detail: string;
  rows: number;
  source: string | null;
  outputLocation: string | null;
  error: { code: string; message: string } | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export interface DataLimits {
  /** Rows of a preview when none is asked for, and at most. */
  defaultPreviewRows: number;
  maxPreviewRows: number;
  /** Rows of a result's `firstRows`. */
  firstRows: number;
  /** statement_timeout of a TABLE or QUERY source's statements, ms (Postgres only: PGlite cannot interrupt one). */
  queryTimeoutMs: number;
}

export const DEFAULT_DATA_LIMITS: DataLimits = { defaultPreviewRows: 20, maxPreviewRows: 1000, firstRows: 20, queryTimeoutMs: 30_000 };

export interface DataDeps {
  prisma: PrismaClient;
  /** The database's read-only query port, which TABLE and QUERY sources are read through. */
  db: Pick<Database, 'readOnlyQuery'>;
  /**
   * True when other processes may run jobs on the same database (Postgres): only jobs whose runner
   * stopped beating are failed by recovery. False (embedded PGlite, one process per data folder):
   * every RUNNING job found at start was left by a process that is gone.
   */
  sharedDatabase: boolean;
  pubsub: PubSub;
  clock: Clock;
  /** The data folder: registered files and configs' paths must lie inside it; outputs go to its `outputs/`. */
  root: string;
  limits?: Partial<DataLimits>;
  /** Errors that must not fail a job (a lost progress event) are reported here. */
  onBackgroundError?: (err: unknown, what: string) => void;
}

/** A progress tick: what the job is doing, and the output file once known. */
interface Tick {
  phase: DataJobPhase;
  detail: string;
  rows: number;
  outputLocation?: string;
}

/** The progress of one job: each event is stored in the job's row, then published. */
interface Progress {
  /** A tick; unless `always`, dropped when the last one was under PROGRESS_INTERVAL_MS ago. */
  emit(e: Tick, always: boolean): void;
  /** The last events; they settle once stored and published (failures there are reported, never thrown). */
  done(rows: number, outputLocation: string): Promise<void>;
  failed(err: unknown): Promise<void>;
}

const KINDS: readonly DataSourceKind[] = ['CSV', 'JSON', 'JSONL', 'TABLE', 'QUERY'];
const FILE_KINDS: readonly DataSourceKind[] = ['CSV', 'JSON', 'JSONL'];
/** Keys of a config's source entry that describe a file, which a TABLE or QUERY data source has none of. */
const FILE_KEYS = ['path', 'format', 'delimiter', 'header', 'types'];
const FIELD_TYPES: readonly FieldType[] = ['string', 'int', 'float', 'bool', 'timestamp'];
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/;
/** Progress events (and row updates) of a transform at most every this many ms: about 4 a second. */
const PROGRESS_INTERVAL_MS = 250;
/** Runners beat every HEARTBEAT_MS; a runner silent for STALE_SECONDS is taken for dead. */
const HEARTBEAT_MS = 10_000;
const STALE_SECONDS = 60;
/** How often a node on a shared database looks for jobs of dead runners. */
const SWEEP_MS = 30_000;
// Keep an event well under the 8000-byte NOTIFY limit whatever the characters.
const MAX_DETAIL = 500;
const MAX_ERROR_MESSAGE = 1000;
const ABANDONED = {
  code: 'ENGINE_FAILURE',
  message: 'data: the server running this job stopped before it finished (restart or crash); run it again with a new jobId',
};

const isFileKind = (kind: DataSourceKind) => FILE_KINDS.includes(kind);

/** The SQL of a TABLE or QUERY source; BAD_USER_INPUT for a location of the wrong form. */
function sqlOf(kind: DataSourceKind, location: string): string {
  return kind === 'TABLE' ? tableQuery(location) : checkQuery(location);
}

/** A job's row as the progress event a late subscriber receives first. */
function progressOf(row: DataJobRow): DataJobProgress {
  return {
    jobId: row.id,
    seq: row.seq,
    phase: row.phase as DataJobPhase,
    detail: row.detail,
    rows: Number(row.rows),
    done: row.status !== 'RUNNING',
    error: row.errorCode ? { code: row.errorCode, message: row.errorMessage ?? '' } : null,
  };
}

function stateOf(row: DataJobRow): DataJobState {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    phase: row.phase as DataJobPhase,
    detail: row.detail,
    rows: Number(row.rows),
    source: row.source,
    outputLocation: row.outputLocation,
    error: row.errorCode ? { code: row.errorCode, message: row.errorMessage ?? '' } : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    finishedAt: row.finishedAt,
  };
}

function fieldsOf(schema: Schema): DataField[] {
  return schema.fields.map((f) => ({ name: f.name, type: f.type.toUpperCase() as DataFieldType }));
}

/** JSON for a value of a field: timestamps (epoch ms) as ISO strings; NaN and infinities, which JSON lacks, as null. */
function jsonOf(v: Value | undefined, type: FieldType): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    if (type === 'timestamp') return new Date(v).toISOString();
  }
  return v;
}

/** Appends up to `max` rows of a column-major batch to `out` as objects. */
function collectRows(batch: RecordBatch, out: Record<string, unknown>[], max: number): void {
  const { fields } = batch.schema;
  for (let r = 0; r < batch.length && out.length < max; r++) {
    const row: Record<string, unknown> = {};
    fields.forEach((f, c) => {
      row[f.name] = jsonOf(batch.columns[c]?.[r], f.type);
    });
    out.push(row);
  }
}

export class DataService {
  private readonly limits: DataLimits;
  private readonly outputs: string;
  /** This instance's name on the job rows it runs: host, process, and a random part for restarts. */
  private readonly runnerId = `${hostname()}:${process.pid}:${randomUUID()}`;
  /** Jobs running in this process, which the heartbeat keeps alive. */
  private readonly active = new Set<string>();
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly deps: DataDeps) {
    this.limits = { ...DEFAULT_DATA_LIMITS, ...deps.limits };
    this.outputs = path.join(deps.root, 'outputs');
  }

  /** Creates the data folder and its outputs folder. */
  async start(): Promise<void> {
    await mkdir(this.outputs, { recursive: true });
  }

  /**
   * Fails the jobs a dead process left RUNNING (their mutation died with it). On a shared
   * database, then beats for this runner's jobs and looks for other dead runners' jobs now and then.
   */
  async recoverJobs(): Promise<void> {
    await this.failAbandonedJobs(this.deps.sharedDatabase ? STALE_SECONDS : null);
    if (!this.deps.sharedDatabase || this.timers.length > 0) return;
    const every = (ms: number, fn: () => Promise<void>, what: string) => {
      const timer = setInterval(() => void fn().catch((err: unknown) => this.deps.onBackgroundError?.(err, what)), ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(HEARTBEAT_MS, async () => (this.active.size > 0 ? touchDataJobs(this.deps.prisma, this.runnerId) : undefined), 'data job heartbeat');
    every(SWEEP_MS, () => this.failAbandonedJobs(STALE_SECONDS), 'data job recovery');
  }

  /** Stops the heartbeat and the recovery sweep. */
  close(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }

  private async failAbandonedJobs(staleSeconds: number | null): Promise<void> {
    const ids = await failAbandonedDataJobs(this.deps.prisma, this.runnerId, staleSeconds, ABANDONED, this.deps.clock.now());
    if (ids.length === 0) return;
    // Someone may be following them, here or on another node.
    for (const row of await findDataJobs(this.deps.prisma, ids)) {
      await this.deps.pubsub.publish(DATA_TOPIC, progressOf(row)).catch((err: unknown) => this.deps.onBackgroundError?.(err, 'data job progress event'));
    }
  }

  list(): Promise<DataSourceRow[]> {
    return listDataSources(this.deps.prisma);
  }

  /** The source named `name`; NOT_FOUND when none is registered. */
  async require(name: string): Promise<DataSourceRow> {
    const row = await findDataSource(this.deps.prisma, name);
    if (!row) throw new NotFoundError(`data source "${name.slice(0, 100)}" is not registered`, { name });
    return row;
  }

  /** The source with row id `id` (a Node's); null when none has it. */
  findById(id: string): Promise<DataSourceRow | null> {
    return findDataSourceById(this.deps.prisma, id);
  }

  /**
   * Registers a data set under a unique name. A file (CSV, JSON, JSONL) of the data folder: the
   * location is checked first (inside the folder, else FORBIDDEN; an existing file, else NOT_FOUND),
   * then the options. A TABLE (`name` or `schema.name`) or QUERY (one SELECT): the location's form
   * is checked, then the options (it takes none), then the database is asked — an unknown table is
   * NOT_FOUND, a query it refuses BAD_USER_INPUT. Then a taken name is CONFLICT.
   */
  async register(name: string, kind: DataSourceKind, location: string, input: DataSourceOptionsInput | null | undefined): Promise<DataSourceRow> {
    if (!NAME.test(name)) throw new InvalidInputError(`data source name must be 1 to 100 letters, digits, "_", "." or "-", starting with a letter or "_", found "${name.slice(0, 100)}"`, { argument: 'name' });
    if (!KINDS.includes(kind)) throw new InvalidInputError(`data source kind must be one of ${KINDS.join(', ')}, found "${kind}"`, { argument: 'kind' });
    let stored: string;
    let options: DataSourceOptions;
    if (isFileKind(kind)) {
      const file = await this.confine(location, 'location');
      stored = path.relative(this.deps.root, file).split(path.sep).join('/');
      options = this.validateOptions(kind, input);
    } else {
      stored = location;
      sqlOf(kind, location);
      options = this.validateOptions(kind, input);
      // Reads no row: the database parses, plans and types the statement, and refuses it when it must.
      for await (const batch of await this.open({ name, kind, location }, 0)) void batch;
    }
    if (await findDataSource(this.deps.prisma, name)) throw new ConflictError(`data source "${name}" is already registered`, { name });
    try {
      return await insertDataSource(this.deps.prisma, {
        id: randomUUID(),
        name,
        kind,
        location: stored,
        options: options as Prisma.InputJsonValue,
        createdAt: this.deps.clock.now(),
      });
    } catch (err) {
      // A concurrent registration of the same name won the race.
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw new ConflictError(`data source "${name}" is already registered`, { name });
      throw err;
    }
  }

  /** Unregisters a source (its file or table stays); the removed source, NOT_FOUND when none had the name. */
  async remove(name: string): Promise<DataSourceRow> {
    const row = await deleteDataSource(this.deps.prisma, name);
    if (!row) throw new NotFoundError(`data source "${name.slice(0, 100)}" is not registered`, { name });
    return row;
  }

  /** The schema (declared, inferred, or the database's types) and the first `limit` rows of a source. */
  async preview(name: string, limit: number | null | undefined): Promise<DataPreview> {
    const n = limit ?? this.limits.defaultPreviewRows;
    if (!Number.isInteger(n) || n < 0 || n > this.limits.maxPreviewRows) {
      throw new InvalidInputError(`limit must be an integer from 0 to ${this.limits.maxPreviewRows}, found ${n}`, { argument: 'limit' });
    }
    const source = await this.require(name);
    const rows: Record<string, unknown>[] = [];
    let schema: Schema = { fields: [] };
    for await (const batch of await this.open(source, n)) {
      schema = batch.schema;
      collectRows(batch, rows, n);
      // Leaving the loop returns the reader, which closes the file or the cursor.
      if (rows.length >= n) break;
    }
    return { source, fields: fieldsOf(schema), rows };
  }

  /**
   * Runs an integration config (YAML or JSON). Its paths are relative to the data folder and
   * confined to it; a source may be `{ dataSource: <registered name> }` (with select, rename, …
   * beside it). The output goes to the config's `output.path` or `outputs/<jobId>.csv`; never over
   * the file of a registered source (CONFLICT).
   */
  async integrate(text: string, jobId?: string | null): Promise<IntegrateOutcome> {
    const id = this.jobIdOf(jobId);
    const started = performance.now();
    // From here every outcome, a rejected config included, ends the job's progress events.
    const progress = await this.startJob(id, 'INTEGRATE', { phase: 'LOAD', detail: '', rows: 0 }, null);
    let fast: ColumnarResult | null = null;
    try {
      const config = await this.parseConfig(text);
      for (const [name, s] of config.sources) if (!s.open) await this.confineExisting(s.path, `sources.${name}.path`);
      const target = config.output.path ?? path.join(this.outputs, `${id}.csv`);
      const format = config.output.path ? config.output.format : 'csv';
      await this.refuseSourceFile(target, 'output.path');
      const onProgress = (p: { phase: 'load' | 'join' | 'resolve'; detail: string }) => progress.emit({ phase: p.phase === 'load' ? 'LOAD' : p.phase === 'join' ? 'JOIN' : 'RESOLVE', detail: p.detail, rows: 0 }, true);
      // the columnar executor when it takes the config and files (CSV sources), else the row engine
      fast = await integrateColumnar(config, { onProgress });
      const output = { numberFormats: config.output.numberFormats, provenance: config.output.provenance };
      // timestamps stay numbers: the writers format them, and firstRows keeps them as values
      const result = fast ? fast.toResult(this.limits.firstRows) : await integrateSources(config, { onProgress });
      const batch = resultBatch(result, { ...output, timestampsAsText: false });
      progress.emit({ phase: 'WRITE', detail: this.located(target), rows: 0, outputLocation: this.located(target) }, true);
      await mkdir(path.dirname(target), { recursive: true });
      // The folder may be a symbolic link out of the data folder; the file itself is written to a
      // temporary name and renamed, which replaces a link rather than following it.
      const folder = path.relative(await realpath(this.deps.root), await realpath(path.dirname(target)));
      if (folder.startsWith('..') || path.isAbsolute(folder)) throw new ForbiddenError(`integrate config: output.path "${this.located(target)}" leads outside the data directory`, { path: 'output.path' });
      const all = fast && format !== 'csv' ? resultBatch(fast.toResult(), { ...output, timestampsAsText: false }) : batch;
      const written = fast && format === 'csv' ? await fast.writeCsv(target, output) : format === 'csv' ? await writeCsv([all], target) : format === 'jsonl' ? await writeJsonLines([all], target) : await writeJsonArray([all], target);
      const firstRows: Record<string, unknown>[] = [];
      collectRows(batch, firstRows, this.limits.firstRows);
      await progress.done(written.rows, this.located(target));
      return {
        jobId: id,
        outputLocation: this.located(target),
        rowCount: written.rows,
        fields: fieldsOf(batch.schema),
        firstRows,
        report: { ...result.report, seconds: +((performance.now() - started) / 1000).toFixed(3) },
      };
    } catch (err) {
      await progress.failed(err);
      throw err;
    } finally {
      // its helper thread, when a failure came before writing
      fast?.close();
    }
  }

  /**
   * Runs a pipeline (YAML or JSON steps) over a registered source and writes the rows as JSON Lines
   * to `outputs/<jobId>.jsonl`. The whole pipeline is checked against the source's schema before a
   * row flows (BAD_USER_INPUT naming the step).
   */
  async transform(pipelineText: string, sourceName: string, jobId?: string | null): Promise<TransformOutcome> {
    const id = this.jobIdOf(jobId);
    const progress = await this.startJob(id, 'TRANSFORM', { phase: 'TRANSFORM', detail: `source "${sourceName.slice(0, 100)}"`, rows: 0 }, sourceName.slice(0, 200));
    try {
      return await this.runTransform(id, pipelineText, sourceName, progress);
    } catch (err) {
      await progress.failed(err);
      throw err;
    }
  }

  private async runTransform(id: string, pipelineText: string, sourceName: string, progress: Progress): Promise<TransformOutcome> {
    const steps = parsePipeline(pipelineText);
    const source = await this.require(sourceName);
    const target = path.join(this.outputs, `${id}.jsonl`);
    await this.refuseSourceFile(target, 'output');
    const input = (await this.open(source))[Symbol.asyncIterator]();
    try {
      const first = await input.next();
      const { stages, output } = buildPipeline(steps, first.done ? { fields: [] } : first.value.schema);
      let rowsRead = 0;
      const counted = async function* (): AsyncIterable<RecordBatch> {
        for (let r = first; !r.done; r = await input.next()) {
          rowsRead += r.value.length;
          progress.emit({ phase: 'TRANSFORM', detail: `source "${source.name}"`, rows: rowsRead }, false);
          yield r.value;
        }
      };
      const firstRows: Record<string, unknown>[] = [];
      const max = this.limits.firstRows;
      const kept = async function* (batches: AsyncIterable<RecordBatch>): AsyncIterable<RecordBatch> {
        for await (const b of batches) {
          if (firstRows.length < max) collectRows(b, firstRows, max);
          yield b;
        }
      };
      const written = await writeJsonLines(kept(runPipeline(stages, output, counted())), target);
      await progress.done(written.rows, this.located(target));
      return {
        jobId: id,
        outputLocation: this.located(target),
        rowCount: written.rows,
        fields: fieldsOf(output),
        firstRows,
        steps: stages.map((s) => ({ ...s.stats, ms: +s.stats.ms.toFixed(3) })),
      };
    } finally {
      await input.return?.();
    }
  }

  /** A job's stored state. BAD_USER_INPUT for an id that is not a UUID; NOT_FOUND when no job has it. */
  async job(jobId: string): Promise<DataJobState> {
    const id = this.jobIdOf(jobId);
    const row = await findDataJob(this.deps.prisma, id);
    if (!row) throw new NotFoundError(`data job "${id}" not found`, { jobId });
    return stateOf(row);
  }

  /**
   * A job's progress: its stored state first — its last event, once it has sent one (a finished
   * job sends nothing more) — then its live events, ending after the last one. A job not started
   * yet, or started but without an event so far, sends its events from its first. Subscribes
   * before reading the row, so no event between the two is missed; events the row already shows
   * are skipped.
   */
  async follow(jobId: string): Promise<AsyncIterableIterator<DataJobProgress>> {
    const id = this.jobIdOf(jobId);
    const live = filterIterator(this.deps.pubsub.subscribe<DataJobProgress>(DATA_TOPIC), (e) => e.jobId === id);
    let row: DataJobRow | null;
    try {
      row = await findDataJob(this.deps.prisma, id);
    } catch (err) {
      await live.return?.();
      throw err;
    }
    // A row without an event yet (seq 0) has nothing to tell that the first event will not.
    // the stored state (when there is one), then the live events it does not already show (by seq)
    return followIterator(row && row.seq > 0 ? progressOf(row) : null, live, { isLater: (e, last) => e.seq > (last?.seq ?? -1), isFinal: (e) => e.done });
  }

  /** A client-chosen job id (so it can subscribe before it starts the job) or a new one. */
  private jobIdOf(jobId: string | null | undefined): string {
    if (jobId === null || jobId === undefined) return randomUUID();
    const id = fromJobId(jobId);
    if (!id) throw new InvalidInputError(`jobId must be a UUID, found "${jobId.slice(0, 64)}"`, { argument: 'jobId' });
    return id;
  }

  /** A location given by a client, resolved inside the data folder: FORBIDDEN outside it, NOT_FOUND when no file is there. */
  private async confine(location: string, argument: string): Promise<string> {
    if (location === '' || path.isAbsolute(location) || path.win32.isAbsolute(location)) {
      throw new ForbiddenError(`${argument} "${location.slice(0, 200)}" must be a path relative to the data directory`, { argument });
    }
    const file = path.resolve(this.deps.root, location);
    const rel = path.relative(this.deps.root, file);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) throw new ForbiddenError(`${argument} "${location.slice(0, 200)}" is outside the data directory`, { argument });
    return this.confineExisting(file, argument, location);
  }

  /** Checks that an existing file lies inside the data folder once symbolic links are followed. */
  private async confineExisting(file: string, what: string, shown = this.located(file)): Promise<string> {
    let real: string;
    try {
      real = await realpath(file);
    } catch {
      throw new NotFoundError(`${what}: no file "${shown.slice(0, 200)}" in the data directory`, { argument: what });
    }
    const root = await realpath(this.deps.root);
    const rel = path.relative(root, real);
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new ForbiddenError(`${what} "${shown.slice(0, 200)}" leads outside the data directory`, { argument: what });
    if (!(await stat(real)).isFile()) throw new InvalidInputError(`${what}: "${shown.slice(0, 200)}" is not a file`, { argument: what });
    return file;
  }

  /**
   * CONFLICT when `target` is the file of a registered source, by its path or once symbolic links
   * are followed: an output must never replace a source's data.
   */
  private async refuseSourceFile(target: string, what: string): Promise<void> {
    const resolve = async (file: string) => {
      try {
        return await realpath(file);
      } catch {
        // Not there (yet): the folder's real path and the name.
        return path.join(await realpath(path.dirname(file)).catch(() => path.dirname(file)), path.basename(file));
      }
    };
    const wanted = new Set([path.resolve(target), await resolve(target)]);
    for (const source of await listFileDataSources(this.deps.prisma)) {
      const file = path.resolve(this.deps.root, source.location);
      if (wanted.has(file) || wanted.has(await resolve(file))) {
        throw new ConflictError(`${what} "${this.located(target)}" is the file of data source "${source.name}"; write the output elsewhere (or remove the source first)`, {
          path: what,
          source: source.name,
        });
      }
    }
  }

  /** A path of the data folder as the API shows it: relative, with forward slashes. */
  private located(file: string): string {
    return path.relative(this.deps.root, file).split(path.sep).join('/');
  }

  private validateOptions(kind: DataSourceKind, input: DataSourceOptionsInput | null | undefined): DataSourceOptions {
    const options: DataSourceOptions = {};
    if (!input) return options;
    if (input.delimiter !== null && input.delimiter !== undefined) {
      if (kind !== 'CSV') throw new InvalidInputError(`options.delimiter applies to CSV sources only, found it on a ${kind} source`, { argument: 'options.delimiter' });
      if ([...input.delimiter].length !== 1 || ['"', '\n', '\r'].includes(input.delimiter)) {
        throw new InvalidInputError(`options.delimiter must be one character other than a quote or a line break, found ${JSON.stringify(input.delimiter)}`, { argument: 'options.delimiter' });
      }
      options.delimiter = input.delimiter;
    }
    if (input.header !== null && input.header !== undefined) {
      if (kind !== 'CSV') throw new InvalidInputError(`options.header applies to CSV sources only, found it on a ${kind} source`, { argument: 'options.header' });
      options.header = input.header;
    }
    if (input.types !== null && input.types !== undefined) {
      if (!isFileKind(kind)) {
        throw new InvalidInputError(`options.types applies to file sources only, found it on a ${kind} source: its types are the database's (cast in a QUERY to change them)`, { argument: 'options.types' });
      }
      const t = input.types;
      if (typeof t !== 'object' || Array.isArray(t)) throw new InvalidInputError('options.types must be an object of field name to type', { argument: 'options.types' });
      const types: Record<string, FieldType> = {};
      for (const [field, type] of Object.entries(t as Record<string, unknown>)) {
        if (typeof type !== 'string' || !(FIELD_TYPES as readonly string[]).includes(type)) {
          throw new InvalidInputError(`options.types.${field} must be one of ${FIELD_TYPES.join(', ')}, found ${JSON.stringify(type)}`, { argument: 'options.types' });
        }
        types[field] = type as FieldType;
      }
      options.types = types;
    }
    return options;
  }

  /**
   * A reader over a source: a registered file, checked again (it may have been replaced by a link
   * since), or the rows of a TABLE or QUERY. `maxRows` bounds what the database reads for a preview.
   */
  private async open(source: Pick<DataSourceRow, 'name' | 'kind' | 'location'> & { options?: DataSourceRow['options'] }, maxRows?: number): Promise<AsyncIterable<RecordBatch>> {
    const name = source.name;
    if (!isFileKind(source.kind)) return readSqlSource(this.deps.db, source, sqlOf(source.kind, source.location), { timeoutMs: this.limits.queryTimeoutMs, maxRows });
    const file = await this.confine(source.location, `data source "${source.name}"`);
    const o = (source.options ?? {}) as DataSourceOptions;
    if (source.kind === 'CSV') return readCsv(file, { delimiter: o.delimiter, header: o.header, types: o.types, name });
    if (source.kind === 'JSONL') return readJsonLines(file, { types: o.types, name });
    return readJsonArray(file, { types: o.types, name });
  }

  /**
   * Parses a config after replacing `{ dataSource: name }` source entries with the registered
   * source's path, format and options (the entry's own keys win); a TABLE or QUERY source's rows
   * are given to the engine as the source's `open`. Text that is not a YAML mapping goes to the
   * engine as is, so its errors read the same as for any config.
   */
  private async parseConfig(text: string): Promise<IntegrationConfig> {
    let resolved = text;
    let doc: unknown;
    try {
      doc = parseYaml(text, { maxAliasCount: 100, uniqueKeys: true });
    } catch {
      doc = undefined;
    }
    const provided = new Map<string, DataSourceRow>();
    const sources = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>).sources : undefined;
    if (typeof sources === 'object' && sources !== null && !Array.isArray(sources)) {
      let changed = false;
      for (const [key, entry] of Object.entries(sources as Record<string, unknown>)) {
        if (typeof entry !== 'object' || entry === null || !('dataSource' in entry)) continue;
        const { dataSource, ...rest } = entry as Record<string, unknown>;
        if (typeof dataSource !== 'string') throw new InvalidInputError(`integrate config: sources.${key}.dataSource: expected a registered name, found ${JSON.stringify(dataSource)}`, { path: `sources.${key}.dataSource` });
        const row = await findDataSource(this.deps.prisma, dataSource);
        if (!row) throw new NotFoundError(`integrate config: sources.${key}.dataSource: data source "${dataSource.slice(0, 100)}" is not registered`, { path: `sources.${key}.dataSource` });
        if (!isFileKind(row.kind)) {
          const fileKey = FILE_KEYS.find((k) => k in rest);
          if (fileKey) {
            throw new InvalidInputError(`integrate config: sources.${key}.${fileKey}: does not apply to data source "${row.name}", a ${row.kind}: its rows and types come from the database`, {
              path: `sources.${key}.${fileKey}`,
            });
          }
          // The path is a stand-in the engine never reads: `open` replaces the file reader.
          (sources as Record<string, unknown>)[key] = { path: row.name, ...rest };
          provided.set(key, row);
          changed = true;
          continue;
        }
        const o = row.options as DataSourceOptions;
        const types = { ...o.types, ...(typeof rest.types === 'object' && rest.types !== null ? (rest.types as Record<string, unknown>) : {}) };
        (sources as Record<string, unknown>)[key] = {
          path: row.location,
          format: row.kind.toLowerCase(),
          ...(o.delimiter !== undefined ? { delimiter: o.delimiter } : {}),
          ...(o.header !== undefined ? { header: o.header } : {}),
          ...rest,
          ...(Object.keys(types).length > 0 ? { types } : {}),
        };
        changed = true;
      }
      if (changed) resolved = JSON.stringify(doc);
    }
    const config = parseIntegrationConfig(resolved, { baseDir: this.deps.root, confineTo: this.deps.root });
    for (const [key, row] of provided) {
      const s = config.sources.get(key);
      if (!s) continue;
      const open = () => this.open(row);
      s.open = async function* () {
        yield* await open();
      };
    }
    return config;
  }

  /**
   * Creates the job's row — CONFLICT when the id is taken: a job id names one run — and returns
   * its progress. Each event is stored in the row, then published, one at a time: on Postgres each
   * publish may take another pooled connection, and concurrent NOTIFYs can arrive out of order, the
   * last event (which ends a subscription) first. Lost events are reported, never fatal.
   */
  private async startJob(id: string, kind: DataJobRow['kind'], initial: Tick, source: string | null): Promise<Progress> {
    try {
      await insertDataJob(this.deps.prisma, { id, kind, phase: initial.phase, detail: initial.detail, source, runnerId: this.runnerId, createdAt: this.deps.clock.now() });
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
        throw new ConflictError(`data job "${id}" already exists; give each job a new jobId`, { argument: 'jobId', jobId: id });
      }
      throw err;
    }
    this.active.add(id);
    const report = (err: unknown, what: string) => this.deps.onBackgroundError?.(err, what);
    let chain = Promise.resolve();
    let seq = 0;
    let last = 0;
    let outputLocation: string | null = null;
    const record = (e: Tick, final: { status: 'SUCCEEDED' | 'FAILED'; error: DataJobProgress['error'] } | null): Promise<void> => {
      const event: DataJobProgress = { jobId: id, seq: ++seq, phase: e.phase, detail: e.detail.slice(0, MAX_DETAIL), rows: e.rows, done: final !== null, error: final?.error ?? null };
      outputLocation = e.outputLocation ?? outputLocation;
      const tick = { seq: event.seq, phase: event.phase, detail: event.detail, rows: event.rows, outputLocation, at: this.deps.clock.now() };
      chain = chain.then(async () => {
        try {
          if (final) await finishDataJob(this.deps.prisma, id, this.runnerId, { ...tick, status: final.status, errorCode: final.error?.code ?? null, errorMessage: final.error?.message ?? null });
          else await updateDataJobProgress(this.deps.prisma, id, this.runnerId, tick);
        } catch (err) {
          report(err, 'data job row update');
        }
        await this.deps.pubsub.publish(DATA_TOPIC, event).catch((err: unknown) => report(err, 'data job progress event'));
        if (final) this.active.delete(id);
      });
      return chain;
    };
    return {
      emit: (e, always) => {
        const now = Date.now();
        if (!always && now - last < PROGRESS_INTERVAL_MS) return;
        last = now;
        void record(e, null);
      },
      done: (rows, output) => record({ phase: 'DONE', detail: 'finished', rows, outputLocation: output }, { status: 'SUCCEEDED', error: null }),
      failed: (err) => {
        // Only domain errors' messages are safe to show; the others are masked as the API masks them.
        const code = isDomainError(err) ? err.code : 'INTERNAL_SERVER_ERROR';
        const message = isDomainError(err) ? err.message.slice(0, MAX_ERROR_MESSAGE) : 'the job failed; the server log has the details';
        return record({ phase: 'FAILED', detail: 'failed', rows: 0 }, { status: 'FAILED', error: { code, message } });
      },
    };
  }
}
