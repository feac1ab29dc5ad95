// /readyz reports ready only when the database answers and every migration is applied.
import { loadConfig } from '../api/config';
import { readMigrations } from '../api/db/migrate';
import { startServer, type RunningServer } from '../api/server';
import { createTestDatabase, type TestDatabase } from './helpers/db';

let tdb: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const config = loadConfig({ ...process.env, DATABASE_URL: tdb.databaseUrl ?? '', TREBUCHET_LOG_LEVEL: 'silent' }, { port: 0, host: '127.0.0.1', dataDir: tdb.dataDir });
  server = await startServer(config, { skipMigrations: true });
});

afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

test('not ready while migrations are pending, ready once they are applied; alive throughout', async () => {
  const base = server.url.replace(/\/graphql$/, '');
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
  const pending = await fetch(`${base}/readyz`);
  expect(pending.status).toBe(503);
  expect(await pending.json()).toEqual({ status: 'migrations pending', pending: (await readMigrations()).map((m) => m.name) });
  await server.platform.db.migrate();
  const ready = await fetch(`${base}/readyz`);
  expect(ready.status).toBe(200);
});
