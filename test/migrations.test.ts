// Migrations: applied and recorded exactly as Prisma records them, idempotent, refusing edited
// or failed migrations; and the migrated database is what the generated client expects.
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, writeFile, appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../api/db';
import { checksumOf, migrate, MIGRATIONS_DIR, readMigrations } from '../api/db/migrate';
import { createTestDatabase, type TestDatabase } from './helpers/db';

let tdb: TestDatabase;
let db: Database;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = await openDatabase({ databaseUrl: tdb.databaseUrl, dataDir: tdb.dataDir });
});

afterAll(async () => {
  await db?.close();
  await tdb?.drop();
});

interface Column {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
}

test('a fresh database gets every migration, recorded as Prisma records them; a second run applies nothing', async () => {
  const files = await readMigrations();
  expect(files.length).toBeGreaterThan(0);
  expect(await db.pending()).toEqual(files.map((f) => f.name));
  const first = await db.migrate();
  expect(first.applied).toEqual(files.map((f) => f.name));
  const rows = await db.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; rolled_back_at: Date | null; logs: string | null }>(
    'SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY started_at',
  );
  expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
  for (const r of rows) {
    const sql = readFileSync(path.join(MIGRATIONS_DIR, r.migration_name, 'migration.sql'), 'utf8');
    expect(r.checksum).toBe(checksumOf(sql));
    expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(r.finished_at).not.toBeNull();
    expect(r.rolled_back_at).toBeNull();
    expect(r.applied_steps_count).toBe(1);
  }
  const second = await db.migrate();
  expect(second).toEqual({ applied: [], alreadyApplied: files.map((f) => f.name) });
  expect(await db.pending()).toEqual([]);
});

/** Fields of each model as schema.prisma declares them: scalar/enum fields with optionality. */
function schemaFields(): Map<string, Map<string, { type: string; optional: boolean }>> {
  const text = readFileSync(path.resolve(__dirname, '../prisma/schema.prisma'), 'utf8');
  const models = new Map<string, Map<string, { type: string; optional: boolean }>>();
  for (const m of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const fields = new Map<string, { type: string; optional: boolean }>();
    for (const line of (m[2] as string).split('\n')) {
      const f = /^\s+(\w+)\s+(\w+)(\?|\[\])?/.exec(line);
      if (!f || line.includes('@relation') || f[3] === '[]') continue;
      fields.set(f[1] as string, { type: f[2] as string, optional: f[3] === '?' });
    }
    models.set(m[1] as string, fields);
  }
  return models;
}

const COMPATIBLE: Record<string, string[]> = {
  String: ['text', 'uuid', 'bpchar', 'varchar'],
  Int: ['int4'],
  BigInt: ['int8'],
  DateTime: ['timestamptz', 'timestamp'],
  Json: ['jsonb', 'json'],
  Boolean: ['bool'],
  Float: ['float8'],
};

test('the migrated database is what the generated client expects', async () => {
  const runtime = (db.prisma as unknown as { _runtimeDataModel: { models: Record<string, { fields: { name: string; kind: string; type: string }[] }> } })._runtimeDataModel;
  const declared = schemaFields();
  const columns = await db.sql.query<Column>(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`,
  );
  const tables = new Set(columns.map((c) => c.table_name));
  expect([...tables].sort()).toEqual(Object.keys(runtime.models).sort());
  for (const [model, { fields }] of Object.entries(runtime.models)) {
    const scalar = fields.filter((f) => f.kind !== 'object');
    const dbColumns = columns.filter((c) => c.table_name === model);
    // Every column the client reads or writes exists, with a compatible type and nullability.
    for (const f of scalar) {
      const col = dbColumns.find((c) => c.column_name === f.name);
      expect({ model, field: f.name, exists: Boolean(col) }).toEqual({ model, field: f.name, exists: true });
      if (!col) continue;
      const ok = f.kind === 'enum' ? col.udt_name === f.type : (COMPATIBLE[f.type] ?? []).includes(col.udt_name);
      expect({ model, field: f.name, type: col.udt_name, ok }).toEqual({ model, field: f.name, type: col.udt_name, ok: true });
      const optional = declared.get(model)?.get(f.name)?.optional;
      expect({ model, field: f.name, nullable: col.is_nullable === 'YES' }).toEqual({ model, field: f.name, nullable: optional });
    }
    // No column the client does not know about.
    expect(dbColumns.map((c) => c.column_name).sort()).toEqual(scalar.map((f) => f.name).sort());
  }
  // Enum values in the database are exactly the client's.
  const { ModelFramework, ModelVersionStatus } = await import('../api/db/generated/enums');
  for (const [name, values] of Object.entries({ ModelFramework, ModelVersionStatus })) {
    const rows = await db.sql.query<{ v: string }>(`SELECT unnest(enum_range(NULL::"${name}"))::text AS v`);
    expect(rows.map((r) => r.v).sort()).toEqual(Object.values(values).sort());
  }
});

test('every model round-trips through the generated client on the migrated database', async () => {
  const p = db.prisma;
  const model = await p.model.create({ data: { name: 'roundtrip', tags: { a: '1' } } });
  const version = await p.modelVersion.create({
    data: { modelId: model.id, version: 1, framework: 'ONNX', sha256: 'a'.repeat(64), size: 2n ** 40n, storageUri: 'file:///x', signature: { inputs: [], outputs: [] }, metrics: { acc: 0.5 }, parentVersion: null },
  });
  await p.modelAlias.create({ data: { modelId: model.id, name: 'production', version: 1 } });
  const event = await p.modelAliasEvent.create({ data: { modelId: model.id, alias: 'production', toVersion: 1, createdAt: new Date('2026-01-01T00:00:00Z') } });
  const read = await p.model.findUniqueOrThrow({ where: { id: model.id }, include: { versions: true, aliases: { include: { target: true } }, aliasEvents: true } });
  expect(read.versions[0]).toMatchObject({ id: version.id, size: 2n ** 40n, status: 'READY', metadata: {}, signature: { inputs: [], outputs: [] } });
  expect(read.aliases[0]?.target.id).toBe(version.id);
  expect(read.aliasEvents[0]).toMatchObject({ id: event.id, fromVersion: null, toVersion: 1, note: null });
  // The composite foreign key: an alias cannot name a version its model does not have.
  await expect(p.modelAlias.create({ data: { modelId: model.id, name: 'staging', version: 2 } })).rejects.toThrow();
  await p.model.delete({ where: { id: model.id } });
  expect(await p.modelVersion.count()).toBe(0);
});

test('an edited migration, or one that failed earlier, stops the migrator with a clear error', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'trebuchet-migrations-'));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  const edited = await readMigrations(dir);
  const first = edited[0];
  if (!first) throw new Error('no migrations found');
  await appendFile(path.join(dir, first.name, 'migration.sql'), '\n-- edited\n');
  await expect(migrate(db.sql, await readMigrations(dir))).rejects.toThrow(`migration "${first.name}" was modified after it was applied`);

  await cp(MIGRATIONS_DIR, dir, { recursive: true, force: true });
  const brokenName = '29991231000000_broken';
  await import('node:fs/promises').then((fs) => fs.mkdir(path.join(dir, brokenName)));
  await writeFile(path.join(dir, brokenName, 'migration.sql'), 'CREATE TABLE "Broken" (id int);\nSELECT * FROM "no_such_table";\n');
  await expect(migrate(db.sql, await readMigrations(dir))).rejects.toThrow(`migration "${brokenName}" failed`);
  // The failed script left nothing half-applied, and its row stays unfinished, with the logs.
  const broken = await db.sql.query<{ t: string | null }>(`SELECT to_regclass('"Broken"')::text AS t`);
  expect(broken[0]?.t).toBeNull();
  const row = await db.sql.query<{ finished_at: Date | null; logs: string | null }>(`SELECT finished_at, logs FROM "_prisma_migrations" WHERE migration_name = $1`, [brokenName]);
  expect(row[0]?.finished_at).toBeNull();
  expect(row[0]?.logs).toContain('no_such_table');
  await expect(migrate(db.sql, await readMigrations(dir))).rejects.toThrow(`migration "${brokenName}" failed earlier`);
  await db.sql.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = $1`, [brokenName]);
});
