// The data API over real HTTP and graphql-ws against a running server (PGlite, or Postgres when
// DATABASE_URL is set): data sources registered from files of the server's data folder, previews,
// integrations and transforms with their outputs, progress events and stored job states, and the
// errors of each. TABLE and QUERY sources: data.sql.api.test.ts.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig } from '../api/config';
import { startServer } from '../api/server';
import { DATA_TOPIC, type DataJobProgress } from '../api/services/data';
import { TrebuchetClient } from '../client';
import { graphql } from '../client/gql';
import type { DataJobProgressSubscription as ProgressResult } from '../client/gql/graphql';
import {
  DataJobProgressSubscription,
  DataSourceQuery,
  DataSourcesQuery,
  IntegrateMutation,
  PreviewDataSourceQuery,
  RegisterDataSourceMutation,
  RemoveDataSourceMutation,
  TransformMutation,
} from '../client/operations';
import { backend, createTestDatabase } from './helpers/db';
import { expectCode } from './helpers/errors';
import { collect, startTestServer, type TestServer } from './helpers/server';

const NodeQuery = graphql(`
  query TestDataNode($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on DataSource {
        name
        kind
      }
    }
  }
`);

const DataJobQuery = graphql(`
  query TestDataJob($id: ID!) {
    dataJob(id: $id) {
      id
      kind
      status
      phase
      detail
      rows
      source
      outputLocation
      error {
        code
        message
      }
      createdAt
      updatedAt
      finishedAt
    }
  }
`);

type Progress = ProgressResult['dataJobProgress'];

/** Every event of a job's progress subscription until it completes (or fails after `timeoutMs`). */
function follow(ws: Client, jobId: string, timeoutMs = 10_000): Promise<Progress[]> {
  const events: Progress[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`subscription did not complete in ${timeoutMs} ms: ${JSON.stringify(events)}`)), timeoutMs);
    ws.subscribe<ProgressResult>(
      { query: print(DataJobProgressSubscription), variables: { jobId } },
      {
        next: (r) => {
          if (r.errors) {
            clearTimeout(timer);
            reject(r.errors[0] as Error);
          } else if (r.data) events.push(r.data.dataJobProgress);
        },
        error: (err) => {
          clearTimeout(timer);
          reject(err instanceof Error ? err : ((Array.isArray(err) ? err[0] : err) as Error));
        },
        complete: () => {
          clearTimeout(timer);
          resolve(events);
        },
      },
    );
  });
}

let ts: TestServer;
/** The server's data folder. */
let root: string;

const CUSTOMERS = ['id,name,city,score,updated_at', '1,Ada,Boston,4.5,2024-01-01T00:00:00Z', '2,Bob,Austin,3.0,2024-03-01T00:00:00Z', '3,Cy,Denver,,2024-02-01T00:00:00Z', '4,Di,Boston,2.5,2024-01-15T00:00:00Z'].join('\n');
const CRM = [
  { id: 1, city: 'Cambridge', updated_at: '2024-06-01T00:00:00Z', tier: 'gold' },
  { id: 2, city: 'Dallas', updated_at: '2023-01-01T00:00:00Z', tier: 'silver' },
]
  .map((r) => JSON.stringify(r))
  .join('\n');

beforeAll(async () => {
  ts = await startTestServer();
  root = ts.config.dataFilesDir;
  expect(root).toBe(path.join(ts.config.dataDir, 'data'));
  await mkdir(path.join(root, 'in'), { recursive: true });
  await writeFile(path.join(root, 'in', 'customers.csv'), `${CUSTOMERS}\n`);
  await writeFile(path.join(root, 'in', 'crm.jsonl'), `${CRM}\n`);
  await writeFile(path.join(root, 'in', 'semi.csv'), 'a;b\n1;x\n2;y\n');
});

afterAll(async () => {
  await ts?.close();
});

const register = (name: string, kind: 'CSV' | 'JSON' | 'JSONL', location: string, options?: Record<string, unknown>) =>
  ts.client.request(RegisterDataSourceMutation, { name, kind, location, options }).then((r) => r.registerDataSource);

describe('data sources', () => {
  test('a CSV of the data folder is registered, listed, found by name and previewed with inferred types', async () => {
    const source = await register('customers', 'CSV', 'in/customers.csv', { types: { updated_at: 'timestamp' } });
    expect(source).toMatchObject({ name: 'customers', kind: 'CSV', location: 'in/customers.csv', options: { delimiter: null, header: null, types: { updated_at: 'timestamp' } } });
    expect(source.id).toEqual(expect.any(String));

    const { dataSources } = await ts.client.request(DataSourcesQuery, {});
    expect(dataSources.map((s) => s.name)).toContain('customers');
    expect((await ts.client.request(DataSourceQuery, { name: 'customers' })).dataSource.id).toBe(source.id);

    const { previewDataSource: preview } = await ts.client.request(PreviewDataSourceQuery, { name: 'customers', limit: 2 });
    expect(preview.source.name).toBe('customers');
    expect(preview.fields).toEqual([
      { name: 'id', type: 'INT' },
      { name: 'name', type: 'STRING' },
      { name: 'city', type: 'STRING' },
      { name: 'score', type: 'FLOAT' },
      { name: 'updated_at', type: 'TIMESTAMP' },
    ]);
    expect(preview.rows).toEqual([
      { id: 1, name: 'Ada', city: 'Boston', score: 4.5, updated_at: '2024-01-01T00:00:00.000Z' },
      { id: 2, name: 'Bob', city: 'Austin', score: 3, updated_at: '2024-03-01T00:00:00.000Z' },
    ]);
    const all = await ts.client.request(PreviewDataSourceQuery, { name: 'customers' });
    expect(all.previewDataSource.rows).toHaveLength(4);
    expect(all.previewDataSource.rows[2]).toMatchObject({ id: 3, score: null });
  });

  test('CSV options are kept and used: a semicolon-delimited file', async () => {
    const source = await register('semi', 'CSV', 'in/semi.csv', { delimiter: ';', header: true });
    expect(source.options).toEqual({ delimiter: ';', header: true, types: null });
    const { previewDataSource } = await ts.client.request(PreviewDataSourceQuery, { name: 'semi' });
    expect(previewDataSource.rows).toEqual([
      { a: 1, b: 'x' },
      { a: 2, b: 'y' },
    ]);
  });

  test('paths outside the data folder are FORBIDDEN, whether absolute, climbing with .. or through a link', async () => {
    const outside = path.join(ts.config.dataDir, 'secret.csv');
    await writeFile(outside, 'a\n1\n');
    expect((await expectCode(register('abs', 'CSV', outside), 'FORBIDDEN')).message).toContain('relative to the data directory');
    expect((await expectCode(register('up', 'CSV', '../secret.csv'), 'FORBIDDEN')).message).toContain('outside the data directory');
    expect((await expectCode(register('deep', 'CSV', 'in/../../secret.csv'), 'FORBIDDEN')).extensions).toMatchObject({ code: 'FORBIDDEN', argument: 'location' });
    await symlink(outside, path.join(root, 'in', 'link.csv'));
    await expectCode(register('link', 'CSV', 'in/link.csv'), 'FORBIDDEN');
    const { dataSources } = await ts.client.request(DataSourcesQuery, {});
    expect(dataSources.map((s) => s.name)).not.toEqual(expect.arrayContaining(['abs', 'up', 'deep', 'link']));
  });

  test('a missing file is NOT_FOUND, bad options BAD_USER_INPUT, a taken name CONFLICT, unknown sources NOT_FOUND', async () => {
    expect((await expectCode(register('nofile', 'CSV', 'in/nope.csv'), 'NOT_FOUND')).message).toContain('in/nope.csv');
    await expectCode(register('badtypes', 'CSV', 'in/customers.csv', { types: { id: 'integer' } }), 'BAD_USER_INPUT');
    await expectCode(register('baddelim', 'CSV', 'in/customers.csv', { delimiter: ';;' }), 'BAD_USER_INPUT');
    await expectCode(register('jsondelim', 'JSONL', 'in/crm.jsonl', { delimiter: ';' }), 'BAD_USER_INPUT');
    await expectCode(register('bad name!', 'CSV', 'in/customers.csv'), 'BAD_USER_INPUT');
    expect((await expectCode(register('customers', 'CSV', 'in/semi.csv'), 'CONFLICT')).message).toContain('"customers" is already registered');
    await expectCode(ts.client.request(DataSourceQuery, { name: 'nobody' }), 'NOT_FOUND');
    await expectCode(ts.client.request(PreviewDataSourceQuery, { name: 'nobody' }), 'NOT_FOUND');
    await expectCode(ts.client.request(PreviewDataSourceQuery, { name: 'customers', limit: 1001 }), 'BAD_USER_INPUT');
  });

  test('a data source is a Node: node(id) finds it by its id, and answers null once it is removed', async () => {
    const source = await register('noded', 'JSONL', 'in/crm.jsonl');
    expect((await ts.client.request(NodeQuery, { id: source.id })).node).toEqual({ __typename: 'DataSource', id: source.id, name: 'noded', kind: 'JSONL' });
    await ts.client.request(RemoveDataSourceMutation, { name: 'noded' });
    expect((await ts.client.request(NodeQuery, { id: source.id })).node).toBeNull();
  });

  test('a source is removed by name; removing it again is NOT_FOUND', async () => {
    await register('temp', 'JSONL', 'in/crm.jsonl');
    expect((await ts.client.request(RemoveDataSourceMutation, { name: 'temp' })).removeDataSource.name).toBe('temp');
    await expectCode(ts.client.request(RemoveDataSourceMutation, { name: 'temp' }), 'NOT_FOUND');
    await expectCode(ts.client.request(DataSourceQuery, { name: 'temp' }), 'NOT_FOUND');
  });
});

describe('integrate', () => {
  const config = (crm: string) => `
sources:
  customers:
    dataSource: customers
  crm:
    ${crm}
    types: { updated_at: timestamp }
primary: customers
joins:
  - source: crm
    type: left
    on: id
resolve:
  city:
    strategy: mostRecent
    timestamp: updated_at
output:
  fields: [id, name, city, tier]
  sort: [id]
`;

  test('two sources, a left join and a mostRecent rule: first rows, report and the CSV output', async () => {
    const jobId = randomUUID();
    const ws = ts.ws();
    const progress = collect<{ data?: ProgressResult }>(ws, { query: print(DataJobProgressSubscription), variables: { jobId } }, 1);
    await progress.ready;
    const { integrate } = await ts.client.request(IntegrateMutation, { config: config('path: in/crm.jsonl'), jobId });
    expect(integrate.jobId).toBe(jobId);
    expect(integrate.outputLocation).toBe(`outputs/${jobId}.csv`);
    expect(integrate.rowCount).toBe(4);
    expect(integrate.fields).toEqual([
      { name: 'id', type: 'INT' },
      { name: 'name', type: 'STRING' },
      { name: 'city', type: 'STRING' },
      { name: 'tier', type: 'STRING' },
    ]);
    // Ada's CRM record is newer (Cambridge), Bob's older (Austin stays); Cy and Di have no CRM record.
    expect(integrate.firstRows).toEqual([
      { id: 1, name: 'Ada', city: 'Cambridge', tier: 'gold' },
      { id: 2, name: 'Bob', city: 'Austin', tier: 'silver' },
      { id: 3, name: 'Cy', city: 'Denver', tier: null },
      { id: 4, name: 'Di', city: 'Boston', tier: null },
    ]);
    expect(integrate.report).toMatchObject({
      sources: { customers: { rows: 4, matched: 2, unmatched: 2 }, crm: { rows: 2, matched: 2, unmatched: 0 } },
      joins: [{ source: 'crm', type: 'left', matchedRecords: 2 }],
      conflicts: { city: { strategy: 'mostRecent' } },
      outputRows: 4,
      seconds: expect.any(Number),
    });
    const csv = await readFile(path.join(root, integrate.outputLocation), 'utf8');
    expect(csv.trim().split('\n')).toEqual(['id,name,city,tier', '1,Ada,Cambridge,gold', '2,Bob,Austin,silver', '3,Cy,Denver,', '4,Di,Boston,']);
    // The first progress event arrives while the job runs (loading the primary source).
    const [first] = await progress.done;
    expect(first?.data?.dataJobProgress).toMatchObject({ jobId, phase: 'LOAD', detail: 'customers', done: false });
  });

  test('CSV sources take the columnar executor: the same rows, report and files as the row engine', async () => {
    await writeFile(path.join(root, 'in', 'crm.csv'), 'id,city,updated_at,tier\n1,Cambridge,2024-06-01T00:00:00Z,gold\n2,Dallas,2023-01-01T00:00:00Z,silver\n');
    const run = async (crm: string, out: string) => (await ts.client.request(IntegrateMutation, { config: `${config(crm)}  path: ${out}\n` })).integrate;
    for (const ext of ['csv', 'jsonl']) {
      const rows = await run('path: in/crm.jsonl', `results/rows.${ext}`);
      const columnar = await run('path: in/crm.csv', `results/columnar.${ext}`);
      const rowsReport = rows.report as Record<string, unknown>;
      const columnarReport = columnar.report as Record<string, unknown>;
      expect(rowsReport.engine).toBe('rows');
      expect(columnarReport.engine).toBe('columnar');
      expect({ ...columnarReport, engine: 'rows', seconds: 0 }).toEqual({ ...rowsReport, seconds: 0 });
      expect(columnar.firstRows).toEqual(rows.firstRows);
      expect(columnar.fields).toEqual(rows.fields);
      expect(columnar.rowCount).toBe(4);
      expect(await readFile(path.join(root, columnar.outputLocation), 'utf8')).toBe(await readFile(path.join(root, rows.outputLocation), 'utf8'));
    }
    expect((await readFile(path.join(root, 'results/columnar.csv'), 'utf8')).trim().split('\n')).toEqual(['id,name,city,tier', '1,Ada,Cambridge,gold', '2,Bob,Austin,silver', '3,Cy,Denver,', '4,Di,Boston,']);
  });

  test('the config output path is used when inside the data folder', async () => {
    const text = `${config('path: in/crm.jsonl')}  path: results/joined.jsonl\n`;
    const { integrate } = await ts.client.request(IntegrateMutation, { config: text });
    expect(integrate.outputLocation).toBe('results/joined.jsonl');
    const lines = (await readFile(path.join(root, 'results', 'joined.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)[0]).toEqual({ id: 1, name: 'Ada', city: 'Cambridge', tier: 'gold' });
  });

  test('paths outside the data folder are FORBIDDEN; bad configs BAD_USER_INPUT naming the place; unknown files and sources NOT_FOUND', async () => {
    const outside = await expectCode(ts.client.request(IntegrateMutation, { config: config('path: ../secret.csv') }), 'FORBIDDEN');
    expect(outside.message).toContain('sources.crm.path');
    await expectCode(ts.client.request(IntegrateMutation, { config: `${config('path: in/crm.jsonl')}  path: /tmp/out.csv\n` }), 'FORBIDDEN');
    await mkdir(path.join(ts.config.dataDir, 'elsewhere'), { recursive: true });
    await symlink(path.join(ts.config.dataDir, 'elsewhere'), path.join(root, 'escape'));
    await expectCode(ts.client.request(IntegrateMutation, { config: `${config('path: in/crm.jsonl')}  path: escape/out.csv\n` }), 'FORBIDDEN');
    const bad = await expectCode(ts.client.request(IntegrateMutation, { config: config('path: in/crm.jsonl').replace('type: left', 'type: sideways') }), 'BAD_USER_INPUT');
    expect(bad.message).toContain('joins[0].type');
    await expectCode(ts.client.request(IntegrateMutation, { config: config('path: in/none.jsonl') }), 'NOT_FOUND');
    await expectCode(ts.client.request(IntegrateMutation, { config: config('dataSource: nobody') }), 'NOT_FOUND');
    await expectCode(ts.client.request(IntegrateMutation, { config: 'sources: [' }), 'BAD_USER_INPUT');
  });

  test("an output path that is a registered source's file is CONFLICT naming the source, also through a link; the file stays", async () => {
    const before = await readFile(path.join(root, 'in', 'customers.csv'), 'utf8');
    const jobId = randomUUID();
    const direct = await expectCode(ts.client.request(IntegrateMutation, { config: `${config('path: in/crm.jsonl')}  path: in/customers.csv\n`, jobId }), 'CONFLICT');
    expect(direct.message).toContain('output.path "in/customers.csv" is the file of data source "customers"');
    expect(direct.extensions).toMatchObject({ code: 'CONFLICT', source: 'customers', path: 'output.path' });
    await symlink(path.join(root, 'in'), path.join(root, 'alias'));
    const linked = await expectCode(ts.client.request(IntegrateMutation, { config: `${config('path: in/crm.jsonl')}  path: alias/./customers.csv\n` }), 'CONFLICT');
    expect(linked.message).toContain('data source "customers"');
    expect(await readFile(path.join(root, 'in', 'customers.csv'), 'utf8')).toBe(before);
    expect((await ts.client.request(DataJobQuery, { id: jobId })).dataJob).toMatchObject({ status: 'FAILED', phase: 'FAILED', error: { code: 'CONFLICT', message: direct.message } });
  });
});

describe('transform', () => {
  const PIPELINE = `
steps:
  - filter: "score is not null and score >= 3"
  - sort: [-score]
`;

  test('a filter and a sort over a registered source: rows, steps and the JSON Lines output; progress ends with DONE', async () => {
    const jobId = randomUUID();
    const ws = ts.ws();
    const events = collect<{ data?: ProgressResult }>(ws, { query: print(DataJobProgressSubscription), variables: { jobId } }, 2);
    await events.ready;
    const { transform } = await ts.client.request(TransformMutation, { pipeline: PIPELINE, source: 'customers', jobId });
    expect(transform).toMatchObject({ jobId, outputLocation: `outputs/${jobId}.jsonl`, rowCount: 2 });
    expect(transform.firstRows).toEqual([
      { id: 1, name: 'Ada', city: 'Boston', score: 4.5, updated_at: '2024-01-01T00:00:00.000Z' },
      { id: 2, name: 'Bob', city: 'Austin', score: 3, updated_at: '2024-03-01T00:00:00.000Z' },
    ]);
    expect(transform.fields.map((f) => f.name)).toEqual(['id', 'name', 'city', 'score', 'updated_at']);
    expect(transform.steps).toEqual([
      { step: 1, kind: 'filter', rowsIn: 4, rowsOut: 2, ms: expect.any(Number) },
      { step: 2, kind: 'sort', rowsIn: 2, rowsOut: 2, ms: expect.any(Number) },
    ]);
    const lines = (await readFile(path.join(root, transform.outputLocation), 'utf8')).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { id: number }).id)).toEqual([1, 2]);
    const got = (await events.done).map((e) => e.data?.dataJobProgress);
    expect(got[0]).toMatchObject({ jobId, phase: 'TRANSFORM', rows: 4, done: false });
    expect(got[1]).toMatchObject({ jobId, phase: 'DONE', rows: 2, done: true, error: null });
  });

  test('a bad pipeline is BAD_USER_INPUT naming the step, and ends its job FAILED; an unknown source NOT_FOUND; a bad job id BAD_USER_INPUT', async () => {
    const jobId = randomUUID();
    const events = collect<{ data?: ProgressResult }>(ts.ws(), { query: print(DataJobProgressSubscription), variables: { jobId } }, 1);
    await events.ready;
    const unknownField = await expectCode(ts.client.request(TransformMutation, { pipeline: 'steps:\n  - limit: 1\n  - filter: "nope > 1"\n', source: 'customers', jobId }), 'BAD_USER_INPUT');
    expect(unknownField.message).toContain('pipeline step 2 (filter)');
    expect(unknownField.extensions).toMatchObject({ code: 'BAD_USER_INPUT', step: 2, kind: 'filter' });
    const [failed] = await events.done;
    expect(failed?.data?.dataJobProgress).toMatchObject({ jobId, phase: 'FAILED', done: true, error: { code: 'BAD_USER_INPUT', message: unknownField.message } });
    const unknownStep = await expectCode(ts.client.request(TransformMutation, { pipeline: '[{ explode: x }]', source: 'customers' }), 'BAD_USER_INPUT');
    expect(unknownStep.message).toContain('pipeline step 1 (explode): unknown step');
    await expectCode(ts.client.request(TransformMutation, { pipeline: PIPELINE, source: 'nobody' }), 'NOT_FOUND');
    await expectCode(ts.client.request(TransformMutation, { pipeline: PIPELINE, source: 'customers', jobId: 'not-a-uuid' }), 'BAD_USER_INPUT');
  });
});

describe('data jobs', () => {
  const CONFIG = 'sources:\n  customers: { dataSource: customers }\noutput: { fields: [id, name], sort: [id] }\n';

  test('dataJob gives a finished job its stored state; a late subscriber gets only its last event, then completes', async () => {
    const jobId = randomUUID();
    const { integrate } = await ts.client.request(IntegrateMutation, { config: CONFIG, jobId });
    const { dataJob } = await ts.client.request(DataJobQuery, { id: jobId });
    expect(dataJob).toMatchObject({ id: jobId, kind: 'INTEGRATE', status: 'SUCCEEDED', phase: 'DONE', detail: 'finished', rows: 4, source: null, outputLocation: integrate.outputLocation, error: null });
    expect(Date.parse(dataJob.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(dataJob.createdAt));
    expect(await follow(ts.ws(), jobId)).toEqual([{ jobId, phase: 'DONE', detail: 'finished', rows: 4, done: true, error: null }]);

    const failedId = randomUUID();
    const bad = await expectCode(ts.client.request(TransformMutation, { pipeline: '[{ filter: "nope > 1" }]', source: 'customers', jobId: failedId }), 'BAD_USER_INPUT');
    expect((await ts.client.request(DataJobQuery, { id: failedId })).dataJob).toMatchObject({
      kind: 'TRANSFORM',
      status: 'FAILED',
      phase: 'FAILED',
      source: 'customers',
      outputLocation: null,
      error: { code: 'BAD_USER_INPUT', message: bad.message },
    });
    expect(await follow(ts.ws(), failedId.toUpperCase())).toEqual([{ jobId: failedId, phase: 'FAILED', detail: 'failed', rows: 0, done: true, error: { code: 'BAD_USER_INPUT', message: bad.message } }]);
  });

  test('a job id names one job: running another with it is CONFLICT, and the first job keeps its state', async () => {
    const jobId = randomUUID();
    await ts.client.request(TransformMutation, { pipeline: '[{ limit: 1 }]', source: 'customers', jobId });
    const again = await expectCode(ts.client.request(IntegrateMutation, { config: CONFIG, jobId }), 'CONFLICT');
    expect(again.message).toContain(`data job "${jobId}" already exists`);
    expect(again.extensions).toMatchObject({ argument: 'jobId' });
    expect((await ts.client.request(DataJobQuery, { id: jobId })).dataJob).toMatchObject({ kind: 'TRANSFORM', status: 'SUCCEEDED', rows: 1 });
  });

  test('an unknown job is NOT_FOUND; an id that is not a UUID BAD_USER_INPUT, for the query and the subscription', async () => {
    await expectCode(ts.client.request(DataJobQuery, { id: randomUUID() }), 'NOT_FOUND');
    await expectCode(ts.client.request(DataJobQuery, { id: 'not-a-uuid' }), 'BAD_USER_INPUT');
    const err = (await follow(ts.ws(), 'not-a-uuid').then(
      () => null,
      (e: unknown) => e,
    )) as { extensions?: { code?: string } } | null;
    expect(err?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('a late subscriber to a running job gets its stored state first, then only the events the state does not show', async () => {
    // A job another node is running (its heartbeat is fresh), halfway through.
    const jobId = randomUUID();
    await ts.server.platform.db.prisma.dataJob.create({
      data: { id: jobId, kind: 'TRANSFORM', phase: 'TRANSFORM', detail: 'source "customers"', rows: 5000n, seq: 2, source: 'customers', runnerId: 'other-node:1:live' },
    });
    expect((await ts.client.request(DataJobQuery, { id: jobId })).dataJob).toMatchObject({ status: 'RUNNING', phase: 'TRANSFORM', rows: 5000, finishedAt: null });
    const ws = ts.ws();
    const events = collect<{ data?: ProgressResult }>(ws, { query: print(DataJobProgressSubscription), variables: { jobId } }, 2);
    await events.ready;
    const publish = (e: Omit<DataJobProgress, 'jobId'>) => ts.server.platform.pubsub.publish(DATA_TOPIC, { jobId, ...e });
    // An event the row already shows (it raced the subscriber's read), then the next ones.
    await publish({ seq: 2, phase: 'TRANSFORM', detail: 'source "customers"', rows: 5000, done: false, error: null });
    await publish({ seq: 3, phase: 'TRANSFORM', detail: 'source "customers"', rows: 9000, done: false, error: null });
    const got = (await events.done).map((e) => e.data?.dataJobProgress);
    expect(got).toEqual([
      { jobId, phase: 'TRANSFORM', detail: 'source "customers"', rows: 5000, done: false, error: null },
      { jobId, phase: 'TRANSFORM', detail: 'source "customers"', rows: 9000, done: false, error: null },
    ]);
    const ended = follow(ts.ws(), jobId);
    await new Promise((r) => setTimeout(r, 200));
    await publish({ seq: 4, phase: 'DONE', detail: 'finished', rows: 9000, done: true, error: null });
    expect((await ended).map((e) => [e.phase, e.rows, e.done])).toEqual([
      ['TRANSFORM', 5000, false],
      ['DONE', 9000, true],
    ]);
  });

  test('a subscriber joining a transform while it runs follows it from its stored state to DONE', async () => {
    await ts.client.request(RegisterDataSourceMutation, { name: 'slow', kind: 'QUERY', location: 'SELECT g AS n FROM generate_series(1, 3) AS g, pg_sleep(1)' });
    const jobId = randomUUID();
    const running = ts.client.request(TransformMutation, { pipeline: '[{ limit: 10 }]', source: 'slow', jobId });
    for (let i = 0; i < 200; i++) {
      const found = await ts.client.request(DataJobQuery, { id: jobId }).catch(() => null);
      if (found) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const events = await follow(ts.ws(), jobId);
    expect((await running).transform.rowCount).toBe(3);
    expect(events.at(-1)).toEqual({ jobId, phase: 'DONE', detail: 'finished', rows: 3, done: true, error: null });
    // On Postgres the query sleeps while the job runs; PGlite runs it while holding the whole database, so the
    // subscriber may only get there once it is done.
    if (backend === 'postgres') expect(events[0]).toMatchObject({ phase: 'TRANSFORM', done: false });
    expect(new Set(events.map((e) => JSON.stringify(e))).size).toBe(events.length);
  });

  test('a job a dead server left RUNNING is FAILED when a server starts; dataJob and a late subscriber tell why', async () => {
    const db = await createTestDatabase();
    try {
      const config = loadConfig({ ...process.env, DATABASE_URL: db.databaseUrl ?? '', TREBUCHET_LOG_LEVEL: 'silent' }, { port: 0, host: '127.0.0.1', dataDir: db.dataDir });
      const jobId = randomUUID();
      const first = await startServer(config);
      try {
        await first.platform.db.prisma.dataJob.create({
          data: { id: jobId, kind: 'INTEGRATE', phase: 'JOIN', detail: 'crm', seq: 3, runnerId: 'gone-host:1:dead', heartbeatAt: new Date(Date.now() - 3600_000), createdAt: new Date(Date.now() - 3600_000) },
        });
      } finally {
        await first.close();
      }
      const second = await startServer(config);
      try {
        const client = new TrebuchetClient(second.url);
        const { dataJob } = await client.request(DataJobQuery, { id: jobId });
        expect(dataJob).toMatchObject({ status: 'FAILED', phase: 'FAILED', error: { code: 'ENGINE_FAILURE' } });
        expect(dataJob.error?.message).toContain('stopped before it finished');
        expect(dataJob.finishedAt).not.toBeNull();
        const ws = createClient({ url: second.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
        try {
          expect(await follow(ws, jobId)).toEqual([{ jobId, phase: 'FAILED', detail: 'failed', rows: 0, done: true, error: dataJob.error }]);
        } finally {
          await ws.dispose();
        }
      } finally {
        await second.close();
      }
    } finally {
      await db.drop();
    }
  });
});
