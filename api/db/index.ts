// The one database module: opens Prisma on embedded PGlite (default) or Postgres (DATABASE_URL),
// exposes the raw SQL port the migrator and health checks use, and counts SQL statements.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PGlite } from '@electric-sql/pglite';
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

type Adapter = PrismaPg | PrismaPGlite;

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
