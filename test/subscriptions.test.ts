// Subscriptions end to end over a real graphql-ws connection: registry events arrive as the
// mutations happen, filtered by model; errors carry the same codes as over HTTP. On Postgres, a
// subscriber on one server sees events caused on another server (LISTEN/NOTIFY).
import { print } from 'graphql';
import { loadConfig } from '../api/config';
import { startServer } from '../api/server';
import { TrebuchetClient } from '../client';
import { CreateModelMutation, RegisterModelVersionMutation, RegistryEventsSubscription, SetModelAliasMutation } from '../client/operations';
import type { RegistryEventsSubscription as RegistryEventsResult } from '../client/gql/graphql';
import { backend } from './helpers/db';
import { collect, startTestServer, type TestServer } from './helpers/server';

let ts: TestServer;

beforeAll(async () => {
  ts = await startTestServer();
});

afterAll(async () => {
  await ts?.close();
});

const b64 = (s: string) => Buffer.from(s).toString('base64');

test('registryEvents streams model created, version registered and alias moved, for the model asked', async () => {
  const ws = ts.ws();
  const sub = collect<{ data: RegistryEventsResult }>(ws, { query: print(RegistryEventsSubscription), variables: { model: 'watched' } }, 3);
  await sub.ready;
  await ts.client.request(CreateModelMutation, { input: { name: 'unwatched' } });
  await ts.client.request(CreateModelMutation, { input: { name: 'watched' } });
  await ts.client.request(RegisterModelVersionMutation, { input: { model: 'unwatched', framework: 'OTHER', artifactBase64: b64('u') } });
  await ts.client.request(RegisterModelVersionMutation, { input: { model: 'watched', framework: 'OTHER', artifactBase64: b64('w') } });
  await ts.client.request(SetModelAliasMutation, { model: 'watched', alias: 'production', version: 1, note: 'go' });
  const events = (await sub.done).map((r) => r.data.registryEvents);
  expect(events.map((e) => [e.type, e.modelName, e.version, e.alias, e.fromVersion])).toEqual([
    ['MODEL_CREATED', 'watched', null, null, null],
    ['VERSION_REGISTERED', 'watched', 1, null, null],
    ['ALIAS_MOVED', 'watched', 1, 'production', null],
  ]);
  expect(events[2]?.model).toEqual({ name: 'watched', versionCount: 1 });
  expect(Number.isNaN(Date.parse(events[0]?.at ?? ''))).toBe(false);
});

test('an invalid subscription gets GRAPHQL_VALIDATION_FAILED over WebSocket', async () => {
  const ws = ts.ws();
  const errors = await new Promise<unknown>((resolve) => {
    ws.subscribe({ query: 'subscription { registryEvents { nope } }' }, { next: () => undefined, error: resolve, complete: () => resolve(null) });
  });
  expect(Array.isArray(errors)).toBe(true);
  expect((errors as { extensions?: { code?: string } }[])[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
});

test('a shutting-down server completes open subscriptions', async () => {
  const other = await startTestServer();
  const ws = other.ws();
  const completed = new Promise<string>((resolve) => {
    ws.subscribe({ query: print(RegistryEventsSubscription) }, { next: () => undefined, error: (e) => resolve(`error ${String((e as { code?: number }).code ?? e)}`), complete: () => resolve('complete') });
  });
  await new Promise((r) => setTimeout(r, 300));
  await other.close();
  expect(await completed).toMatch(/complete|error 1001/);
});

// Several API nodes exist only on Postgres (PGlite is one process's database), so this runs in
// the Postgres pass of the suite (CI runs both passes).
if (backend === 'postgres') describe('across API nodes (Postgres LISTEN/NOTIFY)', () => {
  test('a subscriber on node A sees a change made through node B', async () => {
    const config = loadConfig({ ...process.env, DATABASE_URL: ts.db.databaseUrl, TREBUCHET_LOG_LEVEL: 'silent' }, { port: 0, host: '127.0.0.1', dataDir: ts.db.dataDir });
    const nodeB = await startServer(config);
    try {
      const sub = collect<{ data: RegistryEventsResult }>(ts.ws(), { query: print(RegistryEventsSubscription), variables: { model: 'cross-node' } }, 1);
      await sub.ready;
      await new TrebuchetClient(nodeB.url).request(CreateModelMutation, { input: { name: 'cross-node' } });
      const [event] = await sub.done;
      expect(event?.data.registryEvents).toMatchObject({ type: 'MODEL_CREATED', modelName: 'cross-node', model: { name: 'cross-node' } });
    } finally {
      await nodeB.close();
    }
  });
});
