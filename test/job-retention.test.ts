// Finished data and audio jobs are deleted after TREBUCHET_JOB_RETENTION_DAYS; running ones and
// recent ones stay. On the test's backend (PGlite, or Postgres with DATABASE_URL), against a running
// server, with the service clock fixed so that "now" is known.
import { randomUUID } from 'node:crypto';
import { graphql } from '../client/gql';
import { JobRetention } from '../api/services/job-retention';
import { expectCode } from './helpers/errors';
import { startTestServer, type TestServer } from './helpers/server';

const DataJobQuery = graphql(`
  query TestRetentionDataJob($id: ID!) {
    dataJob(id: $id) {
      id
      status
    }
  }
`);

const NOW = new Date('2026-06-30T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

let ts: TestServer;
beforeAll(async () => {
  ts = await startTestServer({ clock: { now: () => NOW }, config: { jobRetentionDays: 30 } });
});
afterAll(async () => {
  await ts?.close();
});

const sql = () => ts.server.platform.db.sql;

async function dataJob(status: 'RUNNING' | 'SUCCEEDED' | 'FAILED', finishedAt: Date | null, createdAt = daysAgo(100)): Promise<string> {
  const id = randomUUID();
  await sql().query(`INSERT INTO "DataJob" (id, kind, status, phase, "runnerId", "createdAt", "finishedAt") VALUES ($1, 'INTEGRATE', $2, 'DONE', 'elsewhere', $3, $4)`, [id, status, createdAt, finishedAt]);
  return id;
}

async function audioJob(status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED', finishedAt: Date | null): Promise<string> {
  const id = randomUUID();
  await sql().query(`INSERT INTO "AudioAnalysisJob" (id, status, "fileName", format, options, "runnerId", "createdAt", "finishedAt") VALUES ($1, $2, 'a.wav', '{}', '{}', 'elsewhere', $3, $4)`, [
    id,
    status,
    daysAgo(100),
    finishedAt,
  ]);
  return id;
}

async function remaining(table: 'DataJob' | 'AudioAnalysisJob', ids: string[]): Promise<string[]> {
  const rows = await sql().query<{ id: string }>(`SELECT id::text AS id FROM "${table}" WHERE id::text = ANY($1)`, [ids]);
  return rows.map((r) => r.id).sort();
}

test('deletes jobs finished longer ago than the retention period, and nothing else', async () => {
  const oldData = await dataJob('SUCCEEDED', daysAgo(40));
  const oldFailedData = await dataJob('FAILED', daysAgo(31));
  const recentData = await dataJob('SUCCEEDED', daysAgo(29));
  const runningData = await dataJob('RUNNING', null);
  const oldAudio = await audioJob('SUCCEEDED', daysAgo(45));
  const recentAudio = await audioJob('FAILED', daysAgo(1));
  const queuedAudio = await audioJob('QUEUED', null);
  const runningAudio = await audioJob('RUNNING', null);
  // a job of this server's: found before, NOT_FOUND once pruned
  expect((await ts.client.request(DataJobQuery, { id: oldData })).dataJob).toMatchObject({ id: oldData, status: 'SUCCEEDED' });

  expect(await ts.server.platform.retention.prune()).toEqual({ dataJobs: 2, audioJobs: 1 });

  expect(await remaining('DataJob', [oldData, oldFailedData, recentData, runningData])).toEqual([recentData, runningData].sort());
  expect(await remaining('AudioAnalysisJob', [oldAudio, recentAudio, queuedAudio, runningAudio])).toEqual([recentAudio, queuedAudio, runningAudio].sort());
  await expectCode(ts.client.request(DataJobQuery, { id: oldData }), 'NOT_FOUND');
  // pruning again finds nothing more
  expect(await ts.server.platform.retention.prune()).toEqual({ dataJobs: 0, audioJobs: 0 });
});

test('prunes when it starts; a retention of 0 days keeps every job', async () => {
  const old = await dataJob('SUCCEEDED', daysAgo(400));
  const prisma = ts.server.platform.db.prisma;
  const keepAll = new JobRetention({ prisma, clock: { now: () => NOW }, days: 0 });
  await keepAll.start();
  expect(await keepAll.prune()).toEqual({ dataJobs: 0, audioJobs: 0 });
  expect(await remaining('DataJob', [old])).toEqual([old]);

  const pruning = new JobRetention({ prisma, clock: { now: () => NOW }, days: 365 });
  try {
    await pruning.start();
    expect(await remaining('DataJob', [old])).toEqual([]);
  } finally {
    pruning.close();
  }
});

test('TREBUCHET_JOB_RETENTION_DAYS is read, defaults to 30 and refuses what is not a whole number', async () => {
  const { loadConfig } = await import('../api/config');
  expect(loadConfig({}).jobRetentionDays).toBe(30);
  expect(loadConfig({ TREBUCHET_JOB_RETENTION_DAYS: '0' }).jobRetentionDays).toBe(0);
  expect(loadConfig({ TREBUCHET_JOB_RETENTION_DAYS: '7' }).jobRetentionDays).toBe(7);
  expect(() => loadConfig({ TREBUCHET_JOB_RETENTION_DAYS: 'a week' })).toThrow(/TREBUCHET_JOB_RETENTION_DAYS must be a non-negative integer/);
});
