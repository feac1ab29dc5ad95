// The SQL of the data service, one statement per function named by its verb: registered data
// sources, data jobs, and the rows of TABLE and QUERY sources (read through the database's
// read-only port and turned into the engine's record batches). The service validates names,
// locations and options and decides what happens to a job; this module reads and writes rows.
import { InvalidInputError, NotFoundError } from '../../engines/errors';
import type { FieldType, RecordBatch, Value } from '../../engines/integration/table';
import { Prisma, type Database, type PrismaClient, type TextRowPage } from '../db';

/** A data source row as Prisma returns it. */
export type DataSourceRow = Prisma.DataSourceModel;
/** A data job row as Prisma returns it. */
export type DataJobRow = Prisma.DataJobModel;

export interface NewDataSource {
  id: string;
  name: string;
  kind: DataSourceRow['kind'];
  location: string;
  options: Prisma.InputJsonValue;
  createdAt: Date;
}

export async function insertDataSource(prisma: PrismaClient, source: NewDataSource): Promise<DataSourceRow> {
  return prisma.dataSource.create({ data: source });
}

export async function findDataSource(prisma: PrismaClient, name: string): Promise<DataSourceRow | null> {
  return prisma.dataSource.findUnique({ where: { name } });
}

export async function findDataSourceById(prisma: PrismaClient, id: string): Promise<DataSourceRow | null> {
  return prisma.dataSource.findUnique({ where: { id } });
}

export async function listDataSources(prisma: PrismaClient): Promise<DataSourceRow[]> {
  return prisma.dataSource.findMany({ orderBy: { name: 'asc' } });
}

/** The sources read from files (CSV, JSON, JSONL), whose locations an output must not overwrite. */
export async function listFileDataSources(prisma: PrismaClient): Promise<DataSourceRow[]> {
  return prisma.dataSource.findMany({ where: { kind: { in: ['CSV', 'JSON', 'JSONL'] } }, orderBy: { name: 'asc' } });
}

/** Deletes the row named `name`; the deleted row, or null when there was none. */
export async function deleteDataSource(prisma: PrismaClient, name: string): Promise<DataSourceRow | null> {
  try {
    return await prisma.dataSource.delete({ where: { name } });
  } catch (err) {
    // P2025: no row to delete (removed concurrently, or never registered).
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2025') return null;
    throw err;
  }
}

// ── data jobs ───────────────────────────────────────────────────────────────

export interface NewDataJob {
  id: string;
  kind: DataJobRow['kind'];
  phase: string;
  detail: string;
  source: string | null;
  runnerId: string;
  createdAt: Date;
}

/** A progress event as stored: `seq` numbers the job's events, from 1. */
export interface DataJobTick {
  seq: number;
  phase: string;
  detail: string;
  rows: number;
  outputLocation: string | null;
  at: Date;
}

export interface DataJobFinal extends DataJobTick {
  status: 'SUCCEEDED' | 'FAILED';
  errorCode: string | null;
  errorMessage: string | null;
}

/** Creates the job's row (RUNNING, seq 0). A taken id is Prisma's P2002, which the caller turns into CONFLICT. */
export async function insertDataJob(prisma: PrismaClient, job: NewDataJob): Promise<DataJobRow> {
  return prisma.dataJob.create({ data: { ...job, status: 'RUNNING', updatedAt: job.createdAt } });
}

export async function findDataJob(prisma: PrismaClient, id: string): Promise<DataJobRow | null> {
  return prisma.dataJob.findUnique({ where: { id } });
}

export async function findDataJobs(prisma: PrismaClient, ids: readonly string[]): Promise<DataJobRow[]> {
  return prisma.dataJob.findMany({ where: { id: { in: [...ids] } } });
}

/**
 * Stores a progress event and beats, while the job is RUNNING and still this runner's (recovery
 * may have failed it), unless a later event is stored already. The heartbeat is the database's
 * clock, which recovery compares with now().
 */
export async function updateDataJobProgress(prisma: PrismaClient, id: string, runnerId: string, tick: DataJobTick): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "DataJob"
    SET seq = ${tick.seq}, phase = ${tick.phase}, detail = ${tick.detail}, rows = ${BigInt(tick.rows)},
        "outputLocation" = COALESCE(${tick.outputLocation}, "outputLocation"), "updatedAt" = ${tick.at}, "heartbeatAt" = now()
    WHERE id = ${id}::uuid AND "runnerId" = ${runnerId} AND status = 'RUNNING' AND seq < ${tick.seq}`;
}

/** Stores the last event; false when the job was no longer RUNNING and this runner's (recovery failed it). */
export async function finishDataJob(prisma: PrismaClient, id: string, runnerId: string, final: DataJobFinal): Promise<boolean> {
  const { count } = await prisma.dataJob.updateMany({
    where: { id, runnerId, status: 'RUNNING' },
    data: {
      status: final.status,
      seq: final.seq,
      phase: final.phase,
      detail: final.detail,
      rows: BigInt(final.rows),
      outputLocation: final.outputLocation ?? undefined,
      errorCode: final.errorCode,
      errorMessage: final.errorMessage,
      updatedAt: final.at,
      finishedAt: final.at,
    },
  });
  return count === 1;
}

/** The runner's sign of life for all its RUNNING jobs. */
export async function touchDataJobs(prisma: PrismaClient, runnerId: string): Promise<void> {
  await prisma.$executeRaw`UPDATE "DataJob" SET "heartbeatAt" = now() WHERE "runnerId" = ${runnerId} AND status = 'RUNNING'`;
}

/**
 * Fails the RUNNING jobs of other runners: all of them (`staleSeconds` null), or those whose runner
 * has not beaten for `staleSeconds`. Returns their ids.
 */
export async function failAbandonedDataJobs(
  prisma: PrismaClient,
  runnerId: string,
  staleSeconds: number | null,
  error: { code: string; message: string },
  finishedAt: Date,
): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "DataJob"
    SET status = 'FAILED', phase = 'FAILED', detail = 'failed', seq = seq + 1, "errorCode" = ${error.code}, "errorMessage" = ${error.message},
        "updatedAt" = ${finishedAt}, "finishedAt" = ${finishedAt}
    WHERE status = 'RUNNING' AND "runnerId" <> ${runnerId}
      AND (${staleSeconds}::float8 IS NULL OR "heartbeatAt" < now() - make_interval(secs => ${staleSeconds}::float8))
    RETURNING id::text AS id`;
  return rows.map((r) => r.id);
}

/** Deletes the jobs that finished (SUCCEEDED or FAILED) before `before`; how many. RUNNING ones stay. */
export async function deleteFinishedDataJobs(prisma: PrismaClient, before: Date): Promise<number> {
  return prisma.$executeRaw`DELETE FROM "DataJob" WHERE status IN ('SUCCEEDED', 'FAILED') AND "finishedAt" < ${before}`;
}

// ── rows of TABLE and QUERY sources ─────────────────────────────────────────

/** An unquoted-style identifier: what a TABLE location's parts may be (63 bytes is Postgres's limit). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;
/** Longest QUERY text. */
export const MAX_QUERY_CHARS = 64 * 1024;
/** Rows per batch read from the database: a FETCH of this many rows is one page. */
const PAGE_ROWS = 5000;

/** Postgres type OIDs (`pg_type.oid`) and the engine types their values become; any other type is read as text. */
const FIELD_TYPE_OF_OID = new Map<number, FieldType>([
  [16, 'bool'],
  [21, 'int'], // int2
  [23, 'int'], // int4
  [20, 'int'], // int8: values beyond ±2^53 are an error, not a silently rounded number
  [700, 'float'], // float4
  [701, 'float'], // float8
  [1700, 'float'], // numeric
  [1082, 'timestamp'], // date: midnight UTC
  [1114, 'timestamp'], // timestamp: taken as UTC
  [1184, 'timestamp'], // timestamptz
]);

/**
 * The SELECT a TABLE source stands for. The location is `name` or `schema.name`, each part an
 * identifier taken as written (case-sensitive) and quoted, so no text of it reaches the SQL unquoted.
 */
export function tableQuery(location: string): string {
  const parts = location.split('.');
  if (parts.length > 2 || !parts.every((p) => IDENTIFIER.test(p))) {
    throw new InvalidInputError(
      `location of a TABLE source must be a table or view name, or schema.name, each part a letter or "_" then up to 62 letters, digits, "_" or "$", found "${location.slice(0, 200)}"`,
      { argument: 'location' },
    );
  }
  return `SELECT * FROM ${parts.map((p) => `"${p.replaceAll('"', '""')}"`).join('.')}`;
}

/** The text after leading blanks and comments (`-- …` lines, `/* … *\/` blocks). */
function afterComments(text: string): string {
  let s = text;
  for (;;) {
    const t = s.trimStart();
    if (t.startsWith('--')) {
      const nl = t.indexOf('\n');
      s = nl < 0 ? '' : t.slice(nl + 1);
    } else if (t.startsWith('/*')) {
      const end = t.indexOf('*/');
      s = end < 0 ? '' : t.slice(end + 2);
    } else {
      return t;
    }
  }
}

/**
 * Checks a QUERY source's text before the database sees it: one statement starting with SELECT,
 * WITH, VALUES, TABLE or a parenthesis. The database enforces the rest — the extended protocol
 * refuses a second statement, DECLARE CURSOR anything but a query (and data-modifying WITH), the
 * READ ONLY transaction any write — and its message is the error's.
 */
export function checkQuery(text: string): string {
  if (text.length > MAX_QUERY_CHARS) throw new InvalidInputError(`location of a QUERY source must be at most ${MAX_QUERY_CHARS} characters, found ${text.length}`, { argument: 'location' });
  if (text.includes('\u0000')) throw new InvalidInputError('location of a QUERY source must not contain NUL characters', { argument: 'location' });
  const body = afterComments(text);
  if (!/^(select|with|values|table)\b/i.test(body) && !body.startsWith('(')) {
    const found = body === '' ? 'nothing' : `"${body.slice(0, 40).split(/\s/)[0]}"`;
    throw new InvalidInputError(`location of a QUERY source must be one read-only SELECT (or WITH … SELECT, VALUES, TABLE) statement, found ${found}`, { argument: 'location' });
  }
  return text;
}

/** SQLSTATE classes that are the server's trouble, not the query's: connection, resources, shutdown, internal. */
const SERVER_CLASSES = ['08', '53', '57', '58', 'XX'];

/**
 * A database error of a source's query as a domain error: a TABLE source's missing table is
 * NOT_FOUND; anything else the query caused (syntax, a write refused, the statement timeout) is
 * BAD_USER_INPUT with the database's message. Server trouble is left as it is.
 */
export function sqlSourceError(err: unknown, source: { name: string; kind: string; location: string }, timeoutMs: number): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return err;
  if (SERVER_CLASSES.includes(code.slice(0, 2)) && code !== '57014') return err;
  const message = err instanceof Error ? err.message : String(err);
  if (source.kind === 'TABLE' && code === '42P01') {
    return new NotFoundError(`data source "${source.name}": no table or view "${source.location}" in the database`, { source: source.name, sqlState: code });
  }
  if (code === '57014') {
    return new InvalidInputError(`data source "${source.name}": the query ran longer than the statement timeout (${timeoutMs} ms): ${message}`, { source: source.name, sqlState: code });
  }
  return new InvalidInputError(`data source "${source.name}": the database refused the query: ${message}`, { source: source.name, sqlState: code });
}

const ISO_TIMESTAMP = /^(\d{4,})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?)?(?:([+-])(\d{2})(?::(\d{2}))?(?::(\d{2}))?)?( BC)?$/;

/**
 * Epoch ms of a date, timestamp or timestamptz as Postgres prints it with DateStyle ISO
 * (`2024-01-02 03:04:05.678+01`, `0044-03-15 BC`); a timestamp without a zone is taken as UTC.
 * null for ±infinity, which no epoch number stands for.
 */
export function epochOf(text: string): number | null {
  const m = ISO_TIMESTAMP.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, sign, oh, om, os, bc] = m;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999; 1 BC is year 0.
  date.setUTCFullYear(bc ? 1 - Number(y) : Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), Number((frac ?? '').padEnd(3, '0').slice(0, 3)));
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om ?? 0) * 60 + Number(os ?? 0)) * 1000 : 0;
  const ms = date.getTime() - offset;
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Reads a TABLE or QUERY source (its SQL made by `tableQuery` or checked by `checkQuery`) as
 * record batches of up to PAGE_ROWS rows, one per page of the database's cursor; the first
 * batch, possibly empty, carries the schema. Column types come from the database: see
 * FIELD_TYPE_OF_OID. Errors are the domain errors of `sqlSourceError`.
 */
export async function* readSqlSource(
  db: Pick<Database, 'readOnlyQuery'>,
  source: { name: string; kind: string; location: string },
  sql: string,
  options: { timeoutMs: number; maxRows?: number },
): AsyncIterable<RecordBatch> {
  const pages = db.readOnlyQuery(sql, { pageRows: PAGE_ROWS, maxRows: options.maxRows, timeoutMs: options.timeoutMs })[Symbol.asyncIterator]();
  let types: FieldType[] | null = null;
  let schema: RecordBatch['schema'] | null = null;
  try {
    for (;;) {
      let page: IteratorResult<TextRowPage>;
      try {
        page = await pages.next();
      } catch (err) {
        throw sqlSourceError(err, source, options.timeoutMs);
      }
      if (page.done) return;
      const { fields, rows } = page.value;
      if (!schema || !types) {
        const seen = new Set<string>();
        for (const f of fields) {
          if (seen.has(f.name)) throw new InvalidInputError(`data source "${source.name}": column "${f.name}" appears more than once; give the columns distinct names (AS)`, { source: source.name, field: f.name });
          seen.add(f.name);
        }
        types = fields.map((f) => FIELD_TYPE_OF_OID.get(f.typeId) ?? 'string');
        schema = { fields: fields.map((f, i) => ({ name: f.name, type: types![i]! })) };
      }
      const columns = types.map((type, c) => {
        const out = new Array<Value>(rows.length);
        for (let r = 0; r < rows.length; r++) out[r] = valueOf(rows[r]![c] ?? null, type, source.name, fields[c]!.name);
        return out;
      });
      yield { schema, columns, length: rows.length };
    }
  } finally {
    await pages.return?.();
  }
}

/** A value as Postgres printed it, as the engine holds it for the column's type. */
function valueOf(text: string | null, type: FieldType, source: string, field: string): Value {
  if (text === null) return null;
  switch (type) {
    case 'bool':
      return text === 't';
    case 'int': {
      const n = Number(text);
      if (!Number.isSafeInteger(n)) {
        throw new InvalidInputError(`data source "${source}": column "${field}": ${text} is beyond ±2^53, where integers lose precision; register a QUERY that casts it to text or numeric`, { source, field });
      }
      return n;
    }
    case 'float':
      // numeric and float print NaN and ±Infinity so; Number reads them
      return Number(text);
    case 'timestamp':
      return epochOf(text);
    default:
      return text;
  }
}
