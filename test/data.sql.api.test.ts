// Data sources of kind TABLE and QUERY over real HTTP against a running server (PGlite, or Postgres
// when DATABASE_URL is set): rows of the platform's own database typed from its columns, read in
// pages inside a READ ONLY transaction, as previews, integration sources and transform inputs; and
// every way a table or query is refused.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readSqlSource } from '../api/services/data-store';
import type { DataSourceKind } from '../client/gql/graphql';
import { IntegrateMutation, PreviewDataSourceQuery, RegisterDataSourceMutation, TransformMutation } from '../client/operations';
import { backend } from './helpers/db';
import { expectCode } from './helpers/errors';
import { startTestServer, type TestServer } from './helpers/server';

let ts: TestServer;
/** SQL on the server's own database, as the test's fixture maker. */
let sql: (text: string) => Promise<unknown[]>;

/** A statement timeout short enough to test, long enough for every other query here. */
const TIMEOUT_MS = 1500;

beforeAll(async () => {
  ts = await startTestServer({ config: { dataQueryTimeoutMs: TIMEOUT_MS } });
  sql = (text) => ts.server.platform.db.sql.query(text);
  await sql(`CREATE TABLE people (
    id int4 PRIMARY KEY, small int2, big int8, name text, score numeric(7, 2), ratio float8, active bool,
    born date, seen timestamp(3), updated timestamptz, tags text[], doc jsonb, uid uuid)`);
  await sql(`INSERT INTO people VALUES
    (1, 7, 9007199254740991, 'Ada', 4.50, 0.25, true, '1990-05-01', '2024-01-02 03:04:05.678', '2024-01-02 03:04:05+02', '{a,b}', '{"k": 1}', '6f1c2b0e-3c1a-4a57-9b53-0a8e3d1f2c4d'),
    (2, NULL, -3, 'Bob', NULL, 'NaN', false, '0044-03-15 BC', NULL, 'infinity', '{}', 'null', NULL),
    (3, NULL, NULL, 'Cy', 1e3, -1.5e-7, NULL, NULL, '1970-01-01 00:00:00', '1969-12-31 23:59:59.999+00', NULL, NULL, NULL)`);
  await sql('CREATE SCHEMA crm');
  await sql(`CREATE TABLE crm."Tiers" (person_id int4, tier text)`);
  await sql(`INSERT INTO crm."Tiers" VALUES (1, 'gold'), (3, 'bronze')`);
  await sql('CREATE TABLE huge (n int8)');
  await sql('INSERT INTO huge VALUES (9007199254740993)');
  await sql('CREATE TABLE audit (n int4)');
  await sql('CREATE SEQUENCE ticket');
  await sql(`CREATE FUNCTION bump() RETURNS int4 LANGUAGE sql AS 'INSERT INTO audit VALUES (1) RETURNING n'`);
  await mkdir(path.join(ts.config.dataFilesDir, 'in'), { recursive: true });
  await writeFile(path.join(ts.config.dataFilesDir, 'in', 'cities.csv'), 'id,city\n1,Boston\n2,Austin\n');
});

afterAll(async () => {
  await ts?.close();
});

const register = (name: string, kind: DataSourceKind, location: string, options?: Record<string, unknown>) =>
  ts.client.request(RegisterDataSourceMutation, { name, kind, location, options }).then((r) => r.registerDataSource);
const preview = (name: string, limit?: number) => ts.client.request(PreviewDataSourceQuery, { name, limit }).then((r) => r.previewDataSource);

describe('TABLE sources', () => {
  test('a table is registered and previewed with each column typed from Postgres', async () => {
    const source = await register('people', 'TABLE', 'people');
    expect(source).toMatchObject({ name: 'people', kind: 'TABLE', location: 'people', options: { delimiter: null, header: null, types: null } });
    const p = await preview('people');
    expect(p.fields).toEqual([
      { name: 'id', type: 'INT' },
      { name: 'small', type: 'INT' },
      { name: 'big', type: 'INT' },
      { name: 'name', type: 'STRING' },
      { name: 'score', type: 'FLOAT' },
      { name: 'ratio', type: 'FLOAT' },
      { name: 'active', type: 'BOOL' },
      { name: 'born', type: 'TIMESTAMP' },
      { name: 'seen', type: 'TIMESTAMP' },
      { name: 'updated', type: 'TIMESTAMP' },
      { name: 'tags', type: 'STRING' },
      { name: 'doc', type: 'STRING' },
      { name: 'uid', type: 'STRING' },
    ]);
    const byId = Object.fromEntries(p.rows.map((r) => [(r as { id: number }).id, r]));
    expect(byId[1]).toEqual({
      id: 1,
      small: 7,
      big: 9007199254740991,
      name: 'Ada',
      score: 4.5,
      ratio: 0.25,
      active: true,
      born: '1990-05-01T00:00:00.000Z',
      seen: '2024-01-02T03:04:05.678Z',
      updated: '2024-01-02T01:04:05.000Z',
      tags: '{a,b}',
      doc: '{"k": 1}',
      uid: '6f1c2b0e-3c1a-4a57-9b53-0a8e3d1f2c4d',
    });
    // NaN (a float JSON lacks) and ±infinity (no instant) are null; 44 BC is a negative year.
    expect(byId[2]).toMatchObject({ small: null, big: -3, score: null, ratio: null, active: false, born: '-000043-03-15T00:00:00.000Z', updated: null, tags: '{}', doc: 'null' });
    expect(byId[3]).toMatchObject({ score: 1000, ratio: -1.5e-7, active: null, seen: '1970-01-01T00:00:00.000Z', updated: '1969-12-31T23:59:59.999Z' });
    expect((await preview('people', 1)).rows).toHaveLength(1);
    expect(await preview('people', 0)).toMatchObject({ rows: [], fields: expect.arrayContaining([{ name: 'id', type: 'INT' }]) });
  });

  test('a schema-qualified, case-sensitive name is quoted as written', async () => {
    await register('tiers', 'TABLE', 'crm.Tiers');
    expect((await preview('tiers')).rows).toEqual([
      { person_id: 1, tier: 'gold' },
      { person_id: 3, tier: 'bronze' },
    ]);
    // Not folded to lower case: crm.tiers is another (missing) table.
    await expectCode(register('tiers_lower', 'TABLE', 'crm.tiers'), 'NOT_FOUND');
    // Trebuchet's own tables are readable too (README § data: the platform user's privileges).
    await register('models', 'TABLE', 'public.Model');
    expect((await preview('models')).fields).toEqual(
      expect.arrayContaining([
        { name: 'name', type: 'STRING' },
        { name: 'tags', type: 'STRING' },
        { name: 'versionCounter', type: 'INT' },
        { name: 'createdAt', type: 'TIMESTAMP' },
      ]),
    );
  });

  test('an unknown table is NOT_FOUND; a name that is not an identifier, or options, BAD_USER_INPUT; a dropped table NOT_FOUND', async () => {
    const unknown = await expectCode(register('ghost', 'TABLE', 'no_such_table'), 'NOT_FOUND');
    expect(unknown.message).toContain('no table or view "no_such_table"');
    for (const bad of ['people; DROP TABLE people', 'people"', 'a.b.c', '', '1abc', 'public.', 'x'.repeat(64)]) {
      expect((await expectCode(register('bad', 'TABLE', bad), 'BAD_USER_INPUT')).extensions).toMatchObject({ argument: 'location' });
    }
    await expectCode(register('opts', 'TABLE', 'people', { delimiter: ';' }), 'BAD_USER_INPUT');
    await expectCode(register('opts', 'TABLE', 'people', { types: { id: 'string' } }), 'BAD_USER_INPUT');
    expect(await sql('SELECT count(*)::int AS n FROM people')).toEqual([{ n: 3 }]);

    await sql('CREATE TABLE doomed (a int4)');
    await register('doomed', 'TABLE', 'doomed');
    await sql('DROP TABLE doomed');
    await expectCode(preview('doomed'), 'NOT_FOUND');
  });

  test('an int8 beyond ±2^53 is BAD_USER_INPUT rather than a rounded number', async () => {
    await register('huge', 'TABLE', 'huge');
    const err = await expectCode(preview('huge'), 'BAD_USER_INPUT');
    expect(err.message).toContain('column "n": 9007199254740993 is beyond ±2^53');
  });
});

describe('QUERY sources', () => {
  test('a query with comments, a WITH and a join is registered and previewed', async () => {
    const q = `-- who is in which tier
      /* a block comment */ WITH t AS (SELECT person_id, tier FROM crm."Tiers")
      SELECT p.id, p.name, t.tier, p.updated FROM people p LEFT JOIN t ON t.person_id = p.id ORDER BY p.id;`;
    const source = await register('tiered', 'QUERY', q);
    expect(source).toMatchObject({ kind: 'QUERY', location: q });
    const p = await preview('tiered');
    expect(p.fields).toEqual([
      { name: 'id', type: 'INT' },
      { name: 'name', type: 'STRING' },
      { name: 'tier', type: 'STRING' },
      { name: 'updated', type: 'TIMESTAMP' },
    ]);
    expect(p.rows).toEqual([
      { id: 1, name: 'Ada', tier: 'gold', updated: '2024-01-02T01:04:05.000Z' },
      { id: 2, name: 'Bob', tier: null, updated: null },
      { id: 3, name: 'Cy', tier: 'bronze', updated: '1969-12-31T23:59:59.999Z' },
    ]);
  });

  test('a query that is not a SELECT, or holds two statements, or writes in WITH, is BAD_USER_INPUT when registered; nothing is written', async () => {
    const notSelect = await expectCode(register('q', 'QUERY', 'DELETE FROM people'), 'BAD_USER_INPUT');
    expect(notSelect.message).toContain('must be one read-only SELECT');
    expect(notSelect.message).toContain('found "DELETE"');
    await expectCode(register('q', 'QUERY', '  -- nothing\n  '), 'BAD_USER_INPUT');
    const two = await expectCode(register('q', 'QUERY', 'SELECT 1 AS a; DELETE FROM people'), 'BAD_USER_INPUT');
    expect(two.message).toContain('cannot insert multiple commands');
    const cte = await expectCode(register('q', 'QUERY', 'WITH gone AS (DELETE FROM people RETURNING id) SELECT id FROM gone'), 'BAD_USER_INPUT');
    expect(cte.message).toContain('data-modifying');
    const syntax = await expectCode(register('q', 'QUERY', 'SELECT FROM WHERE'), 'BAD_USER_INPUT');
    expect(syntax.message).toContain('the database refused the query');
    expect(syntax.extensions).toMatchObject({ sqlState: '42601' });
    await expectCode(register('q', 'QUERY', 'SELECT * FROM no_such_table'), 'BAD_USER_INPUT');
    await expectCode(register('q', 'QUERY', 'SELECT 1 AS a, 2 AS a'), 'BAD_USER_INPUT');
    await expectCode(register('q', 'QUERY', 'SELECT 1 AS a', { header: true }), 'BAD_USER_INPUT');
    await expectCode(register('q', 'QUERY', `SELECT '${'x'.repeat(64 * 1024)}' AS a`), 'BAD_USER_INPUT');
    expect(await sql('SELECT count(*)::int AS n FROM people')).toEqual([{ n: 3 }]);
  });

  test('a query that would write or lock (a function, nextval, FOR UPDATE) is BAD_USER_INPUT, and nothing is written', async () => {
    // Row locks are refused as the query is planned, at registration.
    const lock = await expectCode(register('locks', 'QUERY', 'SELECT id FROM people FOR UPDATE'), 'BAD_USER_INPUT');
    expect(lock.extensions).toMatchObject({ sqlState: '25006' });
    // Registration reads no row, so these pass it; reading them is refused by the READ ONLY transaction.
    await register('bumps', 'QUERY', 'SELECT bump() AS b');
    const bump = await expectCode(preview('bumps'), 'BAD_USER_INPUT');
    expect(bump.message).toContain('read-only transaction');
    await register('tickets', 'QUERY', `SELECT nextval('ticket') AS t`);
    expect((await expectCode(preview('tickets'), 'BAD_USER_INPUT')).message).toContain('read-only transaction');
    await expectCode(ts.client.request(TransformMutation, { pipeline: '[{ limit: 1 }]', source: 'bumps' }), 'BAD_USER_INPUT');
    expect(await sql('SELECT count(*)::int AS n FROM audit')).toEqual([{ n: 0 }]);
    expect(await sql('SELECT is_called FROM ticket')).toEqual([{ is_called: false }]);
  });

  // Postgres cancels a statement at the timeout; PGlite runs statements to their end, having no
  // timer to cancel one (README § data): each backend's documented behaviour is asserted.
  test(backend === 'postgres' ? 'a query running past the statement timeout is BAD_USER_INPUT' : 'on PGlite a query runs to its end past the statement timeout', async () => {
    const seconds = (TIMEOUT_MS * 2) / 1000;
    await register('slow', 'QUERY', `SELECT 1 AS x FROM pg_sleep(${seconds})`);
    const started = Date.now();
    if (backend === 'postgres') {
      const err = await expectCode(preview('slow'), 'BAD_USER_INPUT');
      expect(err.message).toContain(`statement timeout (${TIMEOUT_MS} ms)`);
      expect(err.extensions).toMatchObject({ sqlState: '57014' });
      expect(Date.now() - started).toBeLessThan(seconds * 1000);
    } else {
      const p = await preview('slow');
      expect(p.rows).toEqual([{ x: 1 }]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(seconds * 1000 - 50);
    }
  });
});

describe('TABLE and QUERY sources in jobs', () => {
  test('transform reads a QUERY of 12,000 rows in pages, and writes what the pipeline keeps', async () => {
    await register('numbers', 'QUERY', 'SELECT g AS n, g % 7 AS k, g::float8 / 2 AS half FROM generate_series(1, 12000) AS g');
    const { transform } = await ts.client.request(TransformMutation, { pipeline: '[{ filter: "k = 0" }, { sort: [-n] }, { limit: 3 }]', source: 'numbers' });
    expect(transform.steps.map((s) => [s.kind, s.rowsIn, s.rowsOut])).toEqual([
      ['filter', 12000, 1714],
      ['sort', 1714, 1714],
      ['limit', 1714, 3],
    ]);
    expect(transform.firstRows).toEqual([
      { n: 11998, k: 0, half: 5999 },
      { n: 11991, k: 0, half: 5995.5 },
      { n: 11984, k: 0, half: 5992 },
    ]);
    expect(transform.fields).toEqual([
      { name: 'n', type: 'INT' },
      { name: 'k', type: 'INT' },
      { name: 'half', type: 'FLOAT' },
    ]);
  });

  test('rows come from the cursor in pages of 5,000, each a column-major batch; the cursor is closed after a full read and after a cut-short one', async () => {
    const source = { name: 'pages', kind: 'QUERY', location: '' };
    const text = 'SELECT g AS n, g::text AS s FROM generate_series(1, 12001) AS g';
    const lengths: number[] = [];
    for await (const batch of readSqlSource(ts.server.platform.db, source, text, { timeoutMs: TIMEOUT_MS })) {
      expect(batch.schema.fields).toEqual([
        { name: 'n', type: 'int' },
        { name: 's', type: 'string' },
      ]);
      expect(batch.columns.map((c) => c.length)).toEqual([batch.length, batch.length]);
      lengths.push(batch.length);
    }
    expect(lengths).toEqual([5000, 5000, 2001]);
    for await (const batch of readSqlSource(ts.server.platform.db, source, text, { timeoutMs: TIMEOUT_MS })) {
      expect(batch.columns[0]?.[0]).toBe(1);
      break;
    }
    // On PGlite this is the session the cursors were declared in; on Postgres their connection is gone.
    expect(await sql(`SELECT count(*)::int AS n FROM pg_cursors WHERE name LIKE 'trebuchet_rows_%'`)).toEqual([{ n: 0 }]);
  });

  test('integrate joins a TABLE, a QUERY and a CSV file', async () => {
    await register('cities', 'CSV', 'in/cities.csv');
    const config = `
sources:
  people: { dataSource: people, select: [id, name, updated] }
  tiers: { dataSource: tiers, rename: { person_id: id } }
  cities: { dataSource: cities }
primary: people
joins:
  - { source: tiers, type: left, on: id }
  - { source: cities, type: left, on: id }
output: { fields: [id, name, tier, city, updated], sort: [id] }
`;
    const { integrate } = await ts.client.request(IntegrateMutation, { config });
    expect(integrate.firstRows).toEqual([
      { id: 1, name: 'Ada', tier: 'gold', city: 'Boston', updated: '2024-01-02T01:04:05.000Z' },
      { id: 2, name: 'Bob', tier: null, city: 'Austin', updated: null },
      { id: 3, name: 'Cy', tier: 'bronze', city: null, updated: '1969-12-31T23:59:59.999Z' },
    ]);
    expect(integrate.report).toMatchObject({ sources: { people: { rows: 3, matched: 3 }, tiers: { rows: 2, matched: 2 }, cities: { rows: 2 } } });
  });

  test('a TABLE or QUERY entry with file keys is BAD_USER_INPUT; an unknown selected field BAD_USER_INPUT; a failing query BAD_USER_INPUT', async () => {
    const withPath = await expectCode(ts.client.request(IntegrateMutation, { config: 'sources:\n  p: { dataSource: people, path: in/cities.csv }\n' }), 'BAD_USER_INPUT');
    expect(withPath.message).toContain('sources.p.path: does not apply to data source "people", a TABLE');
    await expectCode(ts.client.request(IntegrateMutation, { config: 'sources:\n  p: { dataSource: people, types: { id: string } }\n' }), 'BAD_USER_INPUT');
    const select = await expectCode(ts.client.request(IntegrateMutation, { config: 'sources:\n  p: { dataSource: people, select: [id, nope] }\n' }), 'BAD_USER_INPUT');
    expect(select.message).toContain('select: unknown field "nope"');
    await expectCode(ts.client.request(IntegrateMutation, { config: 'sources:\n  p: { dataSource: bumps }\n' }), 'BAD_USER_INPUT');
  });
});
