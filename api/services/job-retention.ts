// Finished data and audio jobs are kept for a retention period (TREBUCHET_JOB_RETENTION_DAYS,
// default 30 days; 0 keeps them for ever), then deleted, so that the job tables do not grow
// without end. Jobs still QUEUED or RUNNING are never touched, and neither are output files:
// `dataJob(id)` or `audioAnalysisJob(id)` of a deleted job is NOT_FOUND like any unknown id.
// Every node prunes at start and then hourly; on a shared database the deletes of two nodes only
// overlap, harmlessly.
import type { PrismaClient } from '../db';
import type { Clock } from '../clock';
import { deleteFinishedJobs } from './audio-store';
import { deleteFinishedDataJobs } from './data-store';

const DAY_MS = 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;

export interface JobRetentionDeps {
  prisma: PrismaClient;
  clock: Clock;
  /** Days a finished job is kept; 0: for ever. */
  days: number;
  onBackgroundError?: (err: unknown, what: string) => void;
}

export class JobRetention {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: JobRetentionDeps) {}

  /** Prunes now, then every hour (nothing when the retention is 0 days). */
  async start(): Promise<void> {
    if (this.deps.days === 0 || this.timer) return;
    await this.prune();
    this.timer = setInterval(() => void this.prune().catch((err: unknown) => this.deps.onBackgroundError?.(err, 'job retention')), PRUNE_EVERY_MS);
    this.timer.unref();
  }

  /** Deletes the data and audio jobs that finished more than the retention period ago; how many of each. */
  async prune(): Promise<{ dataJobs: number; audioJobs: number }> {
    if (this.deps.days === 0) return { dataJobs: 0, audioJobs: 0 };
    const before = new Date(this.deps.clock.now().getTime() - this.deps.days * DAY_MS);
    const dataJobs = await deleteFinishedDataJobs(this.deps.prisma, before);
    const audioJobs = await deleteFinishedJobs(this.deps.prisma, before);
    return { dataJobs, audioJobs };
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
