// Applies the SQL migrations in prisma/migrations exactly as `prisma migrate deploy` would, and
// records them the same way in `_prisma_migrations`, so Trebuchet and the Prisma CLI agree on
// what is applied. We cannot call the CLI: its schema engine is a native download (see
// ../shared/notes/BUILDING-OFFLINE.md), so the bookkeeping below mirrors Prisma's.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The few SQL operations the migrator needs; implemented for pg and PGlite in api/db/index.ts. */
export interface SqlPort {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements in one implicit transaction (simple-query protocol). */
  exec(sql: string): Promise<void>;
}

export interface Migration {
  name: string;
  sql: string;
  /** sha256 of the file's text, hex: what Prisma stores in `_prisma_migrations.checksum`. */
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

/** The default migrations folder of this package. */
export const MIGRATIONS_DIR = path.resolve(__dirname, '../../prisma/migrations');

/** Prisma takes this session-level advisory lock while migrating; taking the same one means a
 * Trebuchet node and `prisma migrate deploy` never migrate the same database at once. */
const PRISMA_ADVISORY_LOCK_ID = 72707369;

// Prisma's own DDL for its bookkeeping table (schema-engine, Postgres flavour).
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

/** Reads `<dir>/<timestamp>_<name>/migration.sql` in name order, as Prisma does. */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrations: Migration[] = [];
  for (const name of names) {
    const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
    migrations.push({ name, sql, checksum: checksumOf(sql) });
  }
  return migrations;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Names of migrations in `migrations` that the database has not finished applying. */
export async function pendingMigrations(db: SqlPort, migrations: Migration[]): Promise<string[]> {
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!exists[0]?.t) return migrations.map((m) => m.name);
  const rows = await db.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
  );
  const done = new Set(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name));
  return migrations.filter((m) => !done.has(m.name)).map((m) => m.name);
}

/**
 * Applies every pending migration in order, each recorded before it starts and marked finished
 * after it succeeds (a failure leaves the row unfinished with its logs, as Prisma does, and stops).
 */
export async function migrate(db: SqlPort, migrations: Migration[]): Promise<MigrationResult> {
  await db.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_ID})`);
  try {
    await db.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await db.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const failed = rows.find((r) => !r.finished_at && !r.rolled_back_at);
    if (failed) {
      throw new Error(
        `migrate: migration "${failed.migration_name}" failed earlier and was not rolled back; fix the database, then mark it rolled back (prisma migrate resolve --rolled-back ${failed.migration_name})`,
      );
    }
    const applied = new Map(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r]));
    const result: MigrationResult = { applied: [], alreadyApplied: [] };
    for (const m of migrations) {
      const row = applied.get(m.name);
      if (row) {
        if (row.checksum !== m.checksum) {
          throw new Error(`migrate: migration "${m.name}" was modified after it was applied (checksum differs)`);
        }
        result.alreadyApplied.push(m.name);
        continue;
      }
      const id = randomUUID();
      await db.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
        [id, m.checksum, m.name],
      );
      try {
        await db.exec(m.sql);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await db.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]);
        throw new Error(`migrate: migration "${m.name}" failed: ${message}`);
      }
      await db.query(
        `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
        [id],
      );
      result.applied.push(m.name);
    }
    return result;
  } finally {
    await db.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_ID})`);
  }
}
