// The data service: files of the data folder (`<dataDir>/data`) registered by name, previews of
// them, integrations (engines/integration) and transform pipelines (engines/pipeline) run in this
// process, with the full output written under `outputs/` and progress published for subscribers.
import { randomUUID } from 'node:crypto';
import { mkdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConflictError, ForbiddenError, InvalidInputError, isDomainError, NotFoundError } from '../../engines/errors';
import { integrate as integrateSources, type IntegrationResult } from '../../engines/integration/combine';
import { parseIntegrationConfig, type IntegrationConfig } from '../../engines/integration/config';
import { readCsv, writeCsv } from '../../engines/integration/csv';
import { resultBatch } from '../../engines/integration/output';
import { readJsonArray, readJsonLines, writeJsonArray, writeJsonLines } from '../../engines/integration/json';
import type { FieldType, RecordBatch, Schema, Value } from '../../engines/integration/table';
import { buildPipeline, parsePipeline, runPipeline, type StepStats } from '../../engines/pipeline/pipeline';
import type { Clock } from '../clock';
import { Prisma, type PrismaClient } from '../db';
import { fromJobId } from '../ids';
import { filterIterator, type PubSub } from '../pubsub';
import { deleteDataSource, findDataSource, insertDataSource, listDataSources, type DataSourceRow } from './data-store';

export type { DataSourceRow } from './data-store';

/** Topic carrying every data job's progress; subscribers filter by job. */
export const DATA_TOPIC = 'data.job';

export type DataSourceKind = DataSourceRow['kind'];
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
  phase: 'LOAD' | 'JOIN' | 'RESOLVE' | 'TRANSFORM' | 'WRITE' | 'DONE' | 'FAILED';
  detail: string;
  /** Rows processed so far (transform: rows read from the source; integrate: output rows once written). */
  rows: number;
  done: boolean;
  error: { code: string; message: string } | null;
}

export interface DataLimits {
  /** Rows of a preview when none is asked for, and at most. */
  defaultPreviewRows: number;
  maxPreviewRows: number;
  /** Rows of a result's `firstRows`. */
  firstRows: number;
}

export const DEFAULT_DATA_LIMITS: DataLimits = { defaultPreviewRows: 20, maxPreviewRows: 1000, firstRows: 20 };

export interface DataDeps {
  prisma: PrismaClient;
  pubsub: PubSub;
  clock: Clock;
  /** The data folder: registered files and configs' paths must lie inside it; outputs go to its `outputs/`. */
  root: string;
  limits?: Partial<DataLimits>;
  /** Errors that must not fail a job (a lost progress event) are reported here. */
  onBackgroundError?: (err: unknown, what: string) => void;
}

/** The progress events of one job. */
interface Progress {
  /** A tick; unless `always`, dropped when the last one was under PROGRESS_INTERVAL_MS ago. */
  emit(e: { phase: DataJobProgress['phase']; detail: string; rows: number }, always: boolean): void;
  done(rows: number): void;
  failed(err: unknown): void;
}

const KINDS: readonly DataSourceKind[] = ['CSV', 'JSON', 'JSONL'];
const FIELD_TYPES: readonly FieldType[] = ['string', 'int', 'float', 'bool', 'timestamp'];
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/;
/** Progress events of a transform at most every this many ms. */
const PROGRESS_INTERVAL_MS = 250;

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

  constructor(private readonly deps: DataDeps) {
    this.limits = { ...DEFAULT_DATA_LIMITS, ...deps.limits };
    this.outputs = path.join(deps.root, 'outputs');
  }

  /** Creates the data folder and its outputs folder. */
  async start(): Promise<void> {
    await mkdir(this.outputs, { recursive: true });
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

  /**
   * Registers a file of the data folder under a unique name. The location is checked first (inside
   * the folder, else FORBIDDEN; an existing file, else NOT_FOUND), then the options; a taken name is CONFLICT.
   */
  async register(name: string, kind: DataSourceKind, location: string, input: DataSourceOptionsInput | null | undefined): Promise<DataSourceRow> {
    if (!NAME.test(name)) throw new InvalidInputError(`data source name must be 1 to 100 letters, digits, "_", "." or "-", starting with a letter or "_", found "${name.slice(0, 100)}"`, { argument: 'name' });
    if (!KINDS.includes(kind)) throw new InvalidInputError(`data source kind must be one of ${KINDS.join(', ')}, found "${kind}"`, { argument: 'kind' });
    const file = await this.confine(location, 'location');
    const options = this.validateOptions(kind, input);
    if (await findDataSource(this.deps.prisma, name)) throw new ConflictError(`data source "${name}" is already registered`, { name });
    try {
      return await insertDataSource(this.deps.prisma, {
        id: randomUUID(),
        name,
        kind,
        location: path.relative(this.deps.root, file).split(path.sep).join('/'),
        options: options as Prisma.InputJsonValue,
        createdAt: this.deps.clock.now(),
      });
    } catch (err) {
      // A concurrent registration of the same name won the race.
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw new ConflictError(`data source "${name}" is already registered`, { name });
      throw err;
    }
  }

  /** Unregisters a source (its file stays); the removed source, NOT_FOUND when none had the name. */
  async remove(name: string): Promise<DataSourceRow> {
    const row = await deleteDataSource(this.deps.prisma, name);
    if (!row) throw new NotFoundError(`data source "${name.slice(0, 100)}" is not registered`, { name });
    return row;
  }

  /** The schema (declared and inferred types) and the first `limit` rows of a source. */
  async preview(name: string, limit: number | null | undefined): Promise<DataPreview> {
    const n = limit ?? this.limits.defaultPreviewRows;
    if (!Number.isInteger(n) || n < 0 || n > this.limits.maxPreviewRows) {
      throw new InvalidInputError(`limit must be an integer from 0 to ${this.limits.maxPreviewRows}, found ${n}`, { argument: 'limit' });
    }
    const source = await this.require(name);
    const rows: Record<string, unknown>[] = [];
    let schema: Schema = { fields: [] };
    for await (const batch of await this.open(source)) {
      schema = batch.schema;
      collectRows(batch, rows, n);
      // Leaving the loop returns the reader, which closes the file.
      if (rows.length >= n) break;
    }
    return { source, fields: fieldsOf(schema), rows };
  }

  /**
   * Runs an integration config (YAML or JSON). Its paths are relative to the data folder and
   * confined to it; a source may be `{ dataSource: <registered name> }` (with select, rename, …
   * beside it). The output goes to the config's `output.path` or `outputs/<jobId>.csv`.
   */
  async integrate(text: string, jobId?: string | null): Promise<IntegrateOutcome> {
    const id = this.jobIdOf(jobId);
    const started = performance.now();
    // From here every outcome, a rejected config included, ends the job's progress events.
    const progress = this.progress(id);
    try {
      const config = await this.parseConfig(text);
      for (const [name, s] of config.sources) await this.confineExisting(s.path, `sources.${name}.path`);
      const result = await integrateSources(config, {
        onProgress: (p) => progress.emit({ phase: p.phase === 'load' ? 'LOAD' : p.phase === 'join' ? 'JOIN' : 'RESOLVE', detail: p.detail, rows: 0 }, true),
      });
      // timestamps stay numbers: the writers format them, and firstRows keeps them as values
      const batch = resultBatch(result, { numberFormats: config.output.numberFormats, provenance: config.output.provenance, timestampsAsText: false });
      const target = config.output.path ?? path.join(this.outputs, `${id}.csv`);
      const format = config.output.path ? config.output.format : 'csv';
      progress.emit({ phase: 'WRITE', detail: this.located(target), rows: 0 }, true);
      await mkdir(path.dirname(target), { recursive: true });
      // The folder may be a symbolic link out of the data folder; the file itself is written to a
      // temporary name and renamed, which replaces a link rather than following it.
      const folder = path.relative(await realpath(this.deps.root), await realpath(path.dirname(target)));
      if (folder.startsWith('..') || path.isAbsolute(folder)) throw new ForbiddenError(`integrate config: output.path "${this.located(target)}" leads outside the data directory`, { path: 'output.path' });
      const written = format === 'csv' ? await writeCsv([batch], target) : format === 'jsonl' ? await writeJsonLines([batch], target) : await writeJsonArray([batch], target);
      const firstRows: Record<string, unknown>[] = [];
      collectRows(batch, firstRows, this.limits.firstRows);
      progress.done(written.rows);
      return {
        jobId: id,
        outputLocation: this.located(target),
        rowCount: written.rows,
        fields: fieldsOf(batch.schema),
        firstRows,
        report: { ...result.report, seconds: +((performance.now() - started) / 1000).toFixed(3) },
      };
    } catch (err) {
      progress.failed(err);
      throw err;
    }
  }

  /**
   * Runs a pipeline (YAML or JSON steps) over a registered source and writes the rows as JSON Lines
   * to `outputs/<jobId>.jsonl`. The whole pipeline is checked against the source's schema before a
   * row flows (BAD_USER_INPUT naming the step).
   */
  async transform(pipelineText: string, sourceName: string, jobId?: string | null): Promise<TransformOutcome> {
    const id = this.jobIdOf(jobId);
    const progress = this.progress(id);
    try {
      return await this.runTransform(id, pipelineText, sourceName, progress);
    } catch (err) {
      progress.failed(err);
      throw err;
    }
  }

  private async runTransform(id: string, pipelineText: string, sourceName: string, progress: Progress): Promise<TransformOutcome> {
    const steps = parsePipeline(pipelineText);
    const source = await this.require(sourceName);
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
      const target = path.join(this.outputs, `${id}.jsonl`);
      const written = await writeJsonLines(kept(runPipeline(stages, output, counted())), target);
      progress.done(written.rows);
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

  /** Progress events of a job from now on; completes after its last event. */
  async follow(jobId: string): Promise<AsyncIterableIterator<DataJobProgress>> {
    const id = this.jobIdOf(jobId);
    const source = filterIterator(this.deps.pubsub.subscribe<DataJobProgress>(DATA_TOPIC), (e) => e.jobId === id);
    let finished = false;
    const events: AsyncIterableIterator<DataJobProgress> = {
      async next() {
        if (finished) {
          await source.return?.();
          return { value: undefined, done: true };
        }
        const r = await source.next();
        if (!r.done && r.value.done) finished = true;
        return r;
      },
      return: () => source.return?.() ?? Promise.resolve({ value: undefined, done: true }),
      throw: (e) => source.throw?.(e) ?? Promise.reject(e),
      [Symbol.asyncIterator]() {
        return events;
      },
    };
    return events;
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

  /** A reader over a registered source, its file checked again (it may have been replaced by a link since). */
  private async open(source: DataSourceRow): Promise<AsyncIterable<RecordBatch>> {
    const file = await this.confine(source.location, `data source "${source.name}"`);
    const o = source.options as DataSourceOptions;
    const name = source.name;
    if (source.kind === 'CSV') return readCsv(file, { delimiter: o.delimiter, header: o.header, types: o.types, name });
    if (source.kind === 'JSONL') return readJsonLines(file, { types: o.types, name });
    return readJsonArray(file, { types: o.types, name });
  }

  /**
   * Parses a config after replacing `{ dataSource: name }` source entries with the registered
   * source's path, format and options (the entry's own keys win). Text that is not a YAML mapping
   * goes to the engine as is, so its errors read the same as for any config.
   */
  private async parseConfig(text: string): Promise<IntegrationConfig> {
    let resolved = text;
    let doc: unknown;
    try {
      doc = parseYaml(text, { maxAliasCount: 100, uniqueKeys: true });
    } catch {
      doc = undefined;
    }
    const sources = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>).sources : undefined;
    if (typeof sources === 'object' && sources !== null && !Array.isArray(sources)) {
      let changed = false;
      for (const [key, entry] of Object.entries(sources as Record<string, unknown>)) {
        if (typeof entry !== 'object' || entry === null || !('dataSource' in entry)) continue;
        const { dataSource, ...rest } = entry as Record<string, unknown>;
        if (typeof dataSource !== 'string') throw new InvalidInputError(`integrate config: sources.${key}.dataSource: expected a registered name, found ${JSON.stringify(dataSource)}`, { path: `sources.${key}.dataSource` });
        const row = await findDataSource(this.deps.prisma, dataSource);
        if (!row) throw new NotFoundError(`integrate config: sources.${key}.dataSource: data source "${dataSource.slice(0, 100)}" is not registered`, { path: `sources.${key}.dataSource` });
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
    return parseIntegrationConfig(resolved, { baseDir: this.deps.root, confineTo: this.deps.root });
  }

  /** Publishes a job's progress: throttled ticks, and the final event. Lost events are reported, never fatal. */
  private progress(jobId: string): Progress {
    // One event at a time: on Postgres each publish may take another pooled connection, and
    // concurrent NOTIFYs can arrive out of order, the last event (which ends a subscription) first.
    let chain = Promise.resolve();
    const publish = (e: Omit<DataJobProgress, 'jobId'>) => {
      chain = chain.then(() =>
        this.deps.pubsub.publish(DATA_TOPIC, { jobId, ...e } satisfies DataJobProgress).catch((err: unknown) => this.deps.onBackgroundError?.(err, 'data job progress event')),
      );
    };
    let last = 0;
    return {
      emit: (e: { phase: DataJobProgress['phase']; detail: string; rows: number }, always: boolean) => {
        const now = Date.now();
        if (!always && now - last < PROGRESS_INTERVAL_MS) return;
        last = now;
        publish({ ...e, detail: e.detail.slice(0, 500), done: false, error: null });
      },
      done: (rows: number) => publish({ phase: 'DONE', detail: 'finished', rows, done: true, error: null }),
      failed: (err: unknown) => {
        // Only domain errors' messages are safe to show; the others are masked as the API masks them.
        const code = isDomainError(err) ? err.code : 'INTERNAL_SERVER_ERROR';
        const message = isDomainError(err) ? err.message.slice(0, 1000) : 'the job failed; the server log has the details';
        publish({ phase: 'FAILED', detail: 'failed', rows: 0, done: true, error: { code, message } });
      },
    };
  }
}
