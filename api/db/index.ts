// The one database module: opens Prisma on embedded PGlite (default) or Postgres (DATABASE_URL),
// exposes the raw SQL port the migrator and health checks use, runs clients' read-only queries
// (data sources of kind TABLE and QUERY), and counts SQL statements.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { PrismaClient } from './generated/client';
import { migrate, pendingMigrations, readMigrations, type MigrationResult, type SqlPort } from './migrate';

export { Prisma } from './generated/client';
export type { Model as ModelRow, ModelVersion as ModelVersionRow, ModelAlias as ModelAliasRow, ModelAliasEvent as ModelAliasEventRow } from './generated/client';
export type { PrismaClient } from './generated/client';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Raw SQL outside Prisma: migrations, readiness, LISTEN/NOTIFY setup. */
  sql: SqlPort;
  /**
   * Runs one statement written by a client — it must be a SELECT, VALUES or WITH … SELECT: it
   * becomes a cursor — inside a READ ONLY transaction, and yields its rows page by page. The
   * database's errors (syntax, unknown table, a write refused, the statement timeout) are thrown
   * as they come, with their SQLSTATE in `code`.
   */
  readOnlyQuery(text: string, options: ReadOnlyQueryOptions): AsyncIterable<TextRowPage>;
  /** Statements sent through Prisma and the SQL port since the database was opened (tests and benchmarks read it). */
  readonly stats: { statements: number };
  /** The Postgres URL when kind is 'postgres'. */
  url?: string;
  migrate(): Promise<MigrationResult>;
  /** Names of migrations not yet applied; [] when the schema is current. */
  pending(): Promise<string[]>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Postgres URL; when absent, PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  /** Use an in-memory PGlite (tests); ignored with a databaseUrl. */
  inMemory?: boolean;
}

/** One page of a read-only query: its columns and its rows, each value as Postgres prints it (or null). */
export interface TextRowPage {
  /** The columns in query order: name and type OID (`pg_type.oid`). */
  fields: { name: string; typeId: number }[];
  rows: (string | null)[][];
}

export interface ReadOnlyQueryOptions {
  /** Rows per page, at least 1. */
  pageRows: number;
  /** Read at most this many rows (a preview, or 0 for the columns only); all of them when absent. */
  maxRows?: number;
  /** statement_timeout of each statement, in ms. PGlite cannot interrupt a running statement and ignores it. */
  timeoutMs: number;
}

type Adapter = PrismaPg | PrismaPGlite;

/**
 * The settings of a client query's transaction. READ ONLY makes Postgres refuse any write — by a
 * function, `SELECT … FOR UPDATE`, or anything else — and DECLARE CURSOR refuses what is not a
 * query (and data-modifying WITH). UTC and ISO dates make the text of timestamps the same on every
 * server. Only integers reach the text.
 */
function readOnlySetup(timeoutMs: number): string {
  return [
    'SET TRANSACTION READ ONLY',
    `SET LOCAL statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`,
    `SET LOCAL TimeZone = 'UTC'`,
    `SET LOCAL DateStyle = 'ISO, YMD'`,
  ].join('; ');
}

/** A cursor name no other cursor of the session has. */
function cursorName(): string {
  return `trebuchet_rows_${randomBytes(8).toString('hex')}`;
}

/** Pages of `rows`, `size` at a time; one empty page when there are none (it still carries the columns). */
function* pagesOf(fields: TextRowPage['fields'], rows: (string | null)[][], size: number): Iterable<TextRowPage> {
  if (rows.length === 0) yield { fields, rows };
  for (let i = 0; i < rows.length; i += size) yield { fields, rows: rows.slice(i, i + size) };
}

/**
 * Postgres: one pooled connection for the whole read, a cursor FETCHed page by page inside the
 * transaction (the server streams; nothing is materialised). The text is sent with the extended
 * protocol, which refuses more than one statement. The connection is discarded afterwards rather
 * than returned to the pool, so nothing the query changed in its session (`set_config`) outlives it.
 */
async function* pgReadOnlyQuery(pool: pg.Pool, stats: { statements: number }, text: string, o: ReadOnlyQueryOptions): AsyncIterable<TextRowPage> {
  const client = await pool.connect();
  const run = async (q: string | (pg.QueryConfig & { queryMode?: 'extended'; rowMode?: 'array' })) => {
    stats.statements++;
    return client.query(q as pg.QueryConfig);
  };
  // Every value as text: the data service types columns by their OID, the same way on both databases.
  const raw: pg.CustomTypesConfig = { getTypeParser: () => (value: string) => value };
  try {
    await run('BEGIN');
    await run(readOnlySetup(o.timeoutMs));
    const cursor = cursorName();
    await run({ text: `DECLARE ${cursor} NO SCROLL CURSOR FOR ${text}`, queryMode: 'extended' });
    let left = o.maxRows ?? Infinity;
    for (;;) {
      const n = Math.min(o.pageRows, left);
      const r = await run({ text: `FETCH FORWARD ${n} FROM ${cursor}`, rowMode: 'array', types: raw });
      const rows = r.rows as unknown as (string | null)[][];
      left -= rows.length;
      yield { fields: r.fields.map((f) => ({ name: f.name, typeId: f.dataTypeID })), rows };
      if (rows.length < n || left <= 0) break;
    }
    await run('COMMIT');
  } finally {
    client.release(true);
  }
}

/**
 * PGlite runs one statement at a time for the whole process, and a transaction holds it until the
 * transaction ends; a read that waits for its consumer between pages would stall every other
 * request. So a bounded read (a preview) runs within one short transaction, and a full read
 * declares a WITH HOLD cursor: its COMMIT runs the query to its end and keeps the rows for the
 * cursor, which then hands them out a page per FETCH while other statements run in between.
 */
async function* pgliteReadOnlyQuery(client: PGlite, stats: { statements: number }, text: string, o: ReadOnlyQueryOptions): AsyncIterable<TextRowPage> {
  const parsers = Object.fromEntries([...Object.keys(pgliteTypes.parsers), ...Object.keys(client.parsers)].map((oid) => [oid, (value: string) => value]));
  const asPage = (r: { fields: { name: string; dataTypeID: number }[]; rows: unknown[] }) => ({
    fields: r.fields.map((f) => ({ name: f.name, typeId: f.dataTypeID })),
    rows: r.rows as (string | null)[][],
  });
  const cursor = cursorName();
  if (o.maxRows !== undefined) {
    const max = o.maxRows;
    stats.statements += 4;
    const page = await client.transaction(async (tx) => {
      await tx.exec(readOnlySetup(o.timeoutMs));
      await tx.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${text}`);
      const r = asPage(await tx.query(`FETCH FORWARD ${max} FROM ${cursor}`, [], { rowMode: 'array', parsers }));
      await tx.rollback();
      return r;
    });
    yield* pagesOf(page.fields, page.rows, o.pageRows);
    return;
  }
  stats.statements += 3;
  await client.transaction(async (tx) => {
    await tx.exec(readOnlySetup(o.timeoutMs));
    await tx.query(`DECLARE ${cursor} NO SCROLL CURSOR WITH HOLD FOR ${text}`);
  });
  try {
    for (;;) {
      stats.statements++;
      const page = asPage(await client.query(`FETCH FORWARD ${o.pageRows} FROM ${cursor}`, [], { rowMode: 'array', parsers }));
      yield page;
      if (page.rows.length < o.pageRows) break;
    }
  } finally {
    stats.statements++;
    await client.query(`CLOSE ${cursor}`).catch(() => undefined);
  }
}

function makePrisma(adapter: Adapter, stats: { statements: number }): PrismaClient {
  const prisma = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  prisma.$on('query', () => {
    stats.statements++;
  });
  return prisma;
}

interface Queryable {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The migrator's SQL port over a pg pool or client, or PGlite. A parameterless pg query uses the
 * simple protocol, which runs a multi-statement script in one implicit transaction; PGlite has
 * `exec` for that. */
function sqlPort(db: Queryable, stats: { statements: number }, exec: (text: string) => Promise<unknown> = (text) => db.query(text)): SqlPort {
  return {
    query: async <T>(text: string, params?: unknown[]) => {
      stats.statements++;
      return (await db.query(text, params)).rows as T[];
    },
    async exec(text) {
      await exec(text);
    },
  };
}

/** Opens the database described by `opts`; does not migrate (call `migrate()`). */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const stats = { statements: 0 };
  const migrations = await readMigrations();
  if (opts.databaseUrl) {
    const url = opts.databaseUrl;
    const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', () => undefined);
    const prisma = makePrisma(new PrismaPg(pool), stats);
    const sql = sqlPort(pool, stats);
    return {
      kind: 'postgres',
      prisma,
      sql,
      readOnlyQuery: (text, options) => pgReadOnlyQuery(pool, stats, text, options),
      stats,
      url,
      async migrate() {
        // The advisory lock is session-scoped, so the whole migration runs on one connection.
        const client = await pool.connect();
        try {
          return await migrate(sqlPort(client, { statements: 0 }), migrations);
        } finally {
          client.release();
        }
      },
      pending: () => pendingMigrations(sql, migrations),
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }

  const pgDir = path.join(opts.dataDir, 'pgdata');
  let release = async () => undefined as void;
  if (!opts.inMemory) {
    await mkdir(opts.dataDir, { recursive: true });
    release = await lockDataDir(opts.dataDir);
  }
  let client: PGlite;
  try {
    client = opts.inMemory ? new PGlite() : new PGlite(pgDir);
    await client.waitReady;
  } catch (err) {
    await release();
    throw err;
  }
  const prisma = makePrisma(new PrismaPGlite(client), stats);
  const sql = sqlPort(client, stats, (text) => client.exec(text));
  return {
    kind: 'pglite',
    prisma,
    sql,
    readOnlyQuery: (text, options) => pgliteReadOnlyQuery(client, stats, text, options),
    stats,
    migrate: () => migrate(sql, migrations),
    pending: () => pendingMigrations(sql, migrations),
    async close() {
      await prisma.$disconnect();
      await client.close();
      await release();
    },
  };
}

/**
 * PGlite is one process's database: two processes writing the same folder would corrupt it.
 * A lock file holding our pid keeps a second server (or `trebuchet migrate`) out while we run.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = path.join(dataDir, 'pgdata.lock');
  try {
    await writeFile(lockPath, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const holder = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(`data directory ${dataDir} is in use by process ${holder} (stop it, or use another --data-dir)`);
    }
    // A stale lock from a process that died: take it over.
    await writeFile(lockPath, String(process.pid));
  }
  return async () => {
    await rm(lockPath, { force: true });
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
