// The SQL of audio analysis jobs, one statement per function named by its verb. The service decides
// what happens to a job; this module only reads and writes its row. Heartbeats use the database's
// clock (`now()`), so API nodes with skewed clocks agree on which runner stopped beating.
import { Prisma, type PrismaClient } from '../db';

/** A job row as Prisma returns it. */
export type AudioJobRow = Prisma.AudioAnalysisJobModel;
/** A job row without its result, which can be megabytes of JSON. */
export type AudioJobSummaryRow = Omit<AudioJobRow, 'result'>;

export interface NewJob {
  id: string;
  fileName: string;
  format: Prisma.InputJsonValue;
  options: Prisma.InputJsonValue;
  runnerId: string;
  createdAt: Date;
}

export interface FinalState {
  status: 'SUCCEEDED' | 'FAILED';
  result: Prisma.InputJsonValue | null;
  errorCode: string | null;
  errorMessage: string | null;
  finishedAt: Date;
}

export async function insertJob(prisma: PrismaClient, job: NewJob): Promise<AudioJobSummaryRow> {
  return prisma.audioAnalysisJob.create({ data: { ...job, status: 'QUEUED' }, omit: { result: true } });
}

export async function findJob(prisma: PrismaClient, id: string): Promise<AudioJobSummaryRow | null> {
  return prisma.audioAnalysisJob.findUnique({ where: { id }, omit: { result: true } });
}

export async function findJobs(prisma: PrismaClient, ids: readonly string[]): Promise<AudioJobSummaryRow[]> {
  return prisma.audioAnalysisJob.findMany({ where: { id: { in: [...ids] } }, omit: { result: true } });
}

export async function findResult(prisma: PrismaClient, id: string): Promise<Prisma.JsonValue | null> {
  const row = await prisma.audioAnalysisJob.findUnique({ where: { id }, select: { result: true } });
  return row?.result ?? null;
}

/** QUEUED → RUNNING, if the job is still this runner's and queued; false otherwise. */
export async function markRunning(prisma: PrismaClient, id: string, runnerId: string, startedAt: Date, phase: string): Promise<boolean> {
  const n = await prisma.$executeRaw`
    UPDATE "AudioAnalysisJob" SET status = 'RUNNING', "startedAt" = ${startedAt}, phase = ${phase}, progress = 0, "heartbeatAt" = now()
    WHERE id = ${id}::uuid AND "runnerId" = ${runnerId} AND status = 'QUEUED'`;
  return n === 1;
}

export async function updateProgress(prisma: PrismaClient, id: string, runnerId: string, progress: number, phase: string): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "AudioAnalysisJob" SET progress = ${progress}, phase = ${phase}, "heartbeatAt" = now()
    WHERE id = ${id}::uuid AND "runnerId" = ${runnerId} AND status = 'RUNNING'`;
}

/**
 * Writes the final state, only while the job is unfinished and still this runner's: a job that
 * recovery already failed (its runner looked dead) keeps that state. False when nothing changed.
 */
export async function finishJob(prisma: PrismaClient, id: string, runnerId: string, final: FinalState): Promise<boolean> {
  const { count } = await prisma.audioAnalysisJob.updateMany({
    where: { id, runnerId, status: { in: ['QUEUED', 'RUNNING'] } },
    data: {
      status: final.status,
      progress: final.status === 'SUCCEEDED' ? 1 : undefined,
      phase: null,
      result: final.result ?? Prisma.DbNull,
      errorCode: final.errorCode,
      errorMessage: final.errorMessage,
      finishedAt: final.finishedAt,
    },
  });
  return count === 1;
}

/** The runner's sign of life for all its unfinished jobs. */
export async function touchJobs(prisma: PrismaClient, runnerId: string): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "AudioAnalysisJob" SET "heartbeatAt" = now()
    WHERE "runnerId" = ${runnerId} AND status IN ('QUEUED', 'RUNNING')`;
}

/** Deletes the jobs that finished (SUCCEEDED or FAILED) before `before`, results included; how many. QUEUED and RUNNING ones stay. */
export async function deleteFinishedJobs(prisma: PrismaClient, before: Date): Promise<number> {
  return prisma.$executeRaw`DELETE FROM "AudioAnalysisJob" WHERE status IN ('SUCCEEDED', 'FAILED') AND "finishedAt" < ${before}`;
}

/**
 * Fails the unfinished jobs of other runners: all of them (`staleSeconds` null), or those whose
 * runner has not beaten for `staleSeconds`. Returns their ids.
 */
export async function failAbandoned(
  prisma: PrismaClient,
  runnerId: string,
  staleSeconds: number | null,
  error: { code: string; message: string },
  finishedAt: Date,
): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "AudioAnalysisJob"
    SET status = 'FAILED', phase = NULL, "errorCode" = ${error.code}, "errorMessage" = ${error.message}, "finishedAt" = ${finishedAt}
    WHERE status IN ('QUEUED', 'RUNNING') AND "runnerId" <> ${runnerId}
      AND (${staleSeconds}::float8 IS NULL OR "heartbeatAt" < now() - make_interval(secs => ${staleSeconds}::float8))
    RETURNING id::text AS id`;
  return rows.map((r) => r.id);
}
