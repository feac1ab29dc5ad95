// Request logs: one JSON object per line per request in production, with the GraphQL operation;
// a readable single line otherwise. The IDE answers browsers at /graphql on the real server.
import { Writable } from 'node:stream';
import { loadConfig } from '../api/config';
import { createLogger } from '../api/logger';
import { startServer, type RunningServer } from '../api/server';
import { createTestDatabase, type TestDatabase } from './helpers/db';

class Lines extends Writable {
  lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
}

let tdb: TestDatabase;
let server: RunningServer;
const out = new Lines();

beforeAll(async () => {
  tdb = await createTestDatabase();
  const config = loadConfig({ ...process.env, DATABASE_URL: tdb.databaseUrl ?? '', NODE_ENV: 'production' }, { port: 0, host: '127.0.0.1', dataDir: tdb.dataDir });
  server = await startServer(config, { log: createLogger({ production: true, level: 'info' }, out) });
});

afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

test('production: one JSON line per request, with method, path, status, duration and operation', async () => {
  out.lines.length = 0;
  await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query Probe { models(first: 1) { totalCount } }' }) });
  await fetch(server.url.replace('/graphql', '/healthz'));
  const records = out.lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((r) => r.msg === 'request');
  expect(records).toHaveLength(2);
  expect(records[0]).toMatchObject({ method: 'POST', path: '/graphql', status: 200, operation: 'Probe', service: 'trebuchet' });
  expect(typeof records[0]?.durationMs).toBe('number');
  expect(typeof records[0]?.requestId).toBe('string');
  expect(records[1]).toMatchObject({ method: 'GET', path: '/healthz', status: 200 });
});

test('errors are logged with their codes; unexpected errors are not shown to the client', async () => {
  out.lines.length = 0;
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation Bad { createModel(input: { name: "NOT VALID" }) { id } }' }) });
  const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
  expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
  const record = out.lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((r) => r.msg === 'request');
  expect(record).toMatchObject({ operation: 'Bad', errors: ['BAD_USER_INPUT'] });
});

test('development: readable single lines', () => {
  const dev = new Lines();
  createLogger({ production: false, level: 'info' }, dev).info({ path: '/x', status: 200 }, 'request');
  expect(dev.lines).toHaveLength(1);
  expect(dev.lines[0]).toMatch(/INFO: request .*"path":"\/x"/);
  expect(() => JSON.parse(dev.lines[0] as string)).toThrow();
});

test('a browser asking for /graphql gets the IDE page; API clients get GraphQL', async () => {
  const page = await fetch(server.url, { headers: { accept: 'text/html,application/xhtml+xml' } });
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toContain('text/html');
  expect(await page.text()).toContain('/ide/assets/');
  const api = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
  expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
});
