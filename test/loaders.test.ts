// DataLoader batching, proved by counting SQL statements: a page of 50 models with their latest
// 5 versions and their aliases costs the same small number of statements as a page of 5.
import { print } from 'graphql';
import { ModelsWithVersionsQuery } from '../client/operations';
import { startTestServer, type TestServer } from './helpers/server';

let ts: TestServer;

beforeAll(async () => {
  ts = await startTestServer();
  const { registry } = ts.server.platform.services;
  for (let m = 0; m < 60; m++) {
    const name = `m-${String(m).padStart(3, '0')}`;
    await registry.createModel({ name, task: 'regression', tags: [{ key: 'i', value: String(m) }] });
    for (let v = 0; v < 7; v++) {
      await registry.registerVersion({ model: name, framework: 'OTHER', artifactBase64: Buffer.from(`${name}/${v}`).toString('base64'), metrics: { acc: v / 10 } });
    }
    await registry.setAlias(name, 'production', 7);
    await registry.setAlias(name, 'staging', 6);
  }
});

afterAll(async () => {
  await ts?.close();
});

async function statementsFor(first: number): Promise<{ statements: number; models: number; versions: number[] }> {
  const stats = ts.server.platform.db.stats;
  const before = stats.statements;
  const body = await ts.client.raw(print(ModelsWithVersionsQuery), { first, versions: 5 });
  const statements = stats.statements - before;
  expect(body.errors).toBeUndefined();
  const data = body.data as { models: { edges: { node: { aliases: { version: { version: number } }[]; versions: { edges: { node: { version: number } }[] } } }[] } };
  for (const e of data.models.edges) {
    expect(e.node.aliases.map((a) => a.version.version).sort()).toEqual([6, 7]);
  }
  return { statements, models: data.models.edges.length, versions: data.models.edges.map((e) => e.node.versions.edges.length) };
}

test('a page of 50 models with 5 versions and aliases each takes a constant number of statements', async () => {
  const small = await statementsFor(5);
  const large = await statementsFor(50);
  expect(small.models).toBe(5);
  expect(large.models).toBe(50);
  expect(large.versions.every((n) => n === 5)).toBe(true);
  // models page, versions (one windowed query), aliases with their targets: three statements,
  // whatever the page size (1 + N would be 51+ here).
  expect(large.statements).toBe(small.statements);
  expect(large.statements).toBe(3);
});

test('the newest versions come first and the next page continues below the cursor', async () => {
  const q = `query($after: String) { model(name: "m-000") { versions(first: 3, after: $after) { pageInfo { hasNextPage endCursor } edges { node { version } } } } }`;
  const first = (await ts.client.raw(q, { after: null })).data as { model: { versions: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { version: number } }[] } } };
  expect(first.model.versions.edges.map((e) => e.node.version)).toEqual([7, 6, 5]);
  expect(first.model.versions.pageInfo.hasNextPage).toBe(true);
  const next = (await ts.client.raw(q, { after: first.model.versions.pageInfo.endCursor })).data as typeof first;
  expect(next.model.versions.edges.map((e) => e.node.version)).toEqual([4, 3, 2]);
  const bad = await ts.client.raw(q, { after: 'eyJ4IjoxfQ' });
  expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});
