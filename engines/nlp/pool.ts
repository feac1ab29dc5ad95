// A pool of Gospel worker threads for large batches. A batch is cut into one contiguous part per
// thread; keywords use the batch-wide document frequencies (batch.ts), so the results are the same
// whatever the number of threads. Hand-rolled on worker_threads rather than tinypool/piscina: the
// two phases need the same worker to keep its part between them, and those pools hand each task
// to whichever worker is free.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DfMerger, type PartTerms } from './batch.ts';
import { resolveOptions, type Gospel } from './engine.ts';
import { JsonlPart, type LineError } from './jsonl.ts';
import type { Analysis, AnalyzeOptions } from './types.ts';

export type WorkerRequest =
  | { job: number; type: 'one'; text: string; options: AnalyzeOptions }
  | { job: number; type: 'texts'; texts: string[]; options: AnalyzeOptions }
  | { job: number; type: 'jsonl'; bytes: Uint8Array; firstLine: number; options: AnalyzeOptions }
  | { job: number; type: 'finish'; documents: number; df: Int32Array }
  | { job: number; type: 'drop' };

export type WorkerReply =
  | { job: number; type: 'progress'; done: number }
  | { job: number; type: 'terms'; terms: PartTerms; errors?: LineError[]; progress: number }
  | { job: number; type: 'results'; results: Analysis[] }
  | { job: number; type: 'analysis'; analysis: Analysis }
  | { job: number; type: 'output'; output: string; documents: number }
  | { job: number; type: 'dropped' }
  | { job: number; type: 'error'; message: string; code?: string };

/** Set by the CLI bundle (scripts/build-cli.js) to the bundled worker's file name. */
declare const __GOSPEL_WORKER_BUNDLE__: string | undefined;

function workerScript(): string {
  if (typeof __GOSPEL_WORKER_BUNDLE__ === 'string') return path.join(__dirname, __GOSPEL_WORKER_BUNDLE__);
  return path.join(__dirname, 'worker-tsx.cjs');
}

export interface NlpPoolOptions {
  /** Worker threads; default: the cores of this machine (at most 8). */
  threads?: number;
}

/** Progress of a batch: documents analysed so far and in all. */
export type ProgressListener = (done: number, total: number) => void;

interface Slot {
  worker: Worker;
  waiting: Map<number, { resolve: (reply: WorkerReply) => void; reject: (err: Error) => void; progress?: (n: number) => void }>;
}

/** Thrown when a worker fails or exits; the pool replaces the worker for the next batch. */
export class WorkerFailure extends Error {}

export class NlpPool {
  readonly threads: number;
  private readonly slots: (Slot | undefined)[];
  private nextJob = 1;
  private nextOne = 0;
  private closed = false;

  constructor(options: NlpPoolOptions = {}) {
    const threads = options.threads ?? Math.min(8, availableParallelism());
    if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new RangeError(`gospel: threads must be an integer from 1 to 64, got ${String(threads)}`);
    this.threads = threads;
    this.slots = new Array<Slot | undefined>(threads).fill(undefined);
  }

  /** Starts the workers now rather than at the first batch (their start overlaps the caller's work). */
  warm(): void {
    for (let i = 0; i < this.threads; i++) this.slot(i);
  }

  /**
   * Analyses one document on a worker (keywords by RAKE, as `analyze` gives), so that a long text
   * does not hold up the calling thread. Workers are taken in turn.
   */
  async analyzeOne(text: string, options: AnalyzeOptions = {}): Promise<Analysis> {
    resolveOptions(options);
    const index = this.nextOne++ % this.threads;
    const reply = await this.call(index, { job: this.nextJob++, type: 'one', text, options });
    if (reply.type !== 'analysis') throw new WorkerFailure(`gospel: unexpected worker reply ${reply.type}`);
    return reply.analysis;
  }

  /**
   * Analyses a batch on the workers: keywords by TF-IDF over the whole batch, results in input
   * order, identical for any thread count.
   */
  async analyzeBatch(texts: readonly string[], options: AnalyzeOptions = {}, onProgress?: ProgressListener): Promise<Analysis[]> {
    resolveOptions(options); // validate here, so bad options fail before any worker starts
    if (texts.length === 0) return [];
    const total = texts.length;
    let done = 0;
    const progress = onProgress ? (n: number) => onProgress((done += n), total) : undefined;
    const parts = splitEvenly(texts.length, Math.min(this.threads, texts.length));
    const jobs = parts.map(([from, to], i) =>
      this.call(i, { job: this.nextJob++, type: 'texts', texts: texts.slice(from, to), options }, progress),
    );
    const outputs = await this.finishParts(jobs);
    return outputs.flatMap((reply) => (reply.type === 'results' ? reply.results : []));
  }

  /**
   * Analyses JSON Lines: `parts[i]` holds complete lines starting at line `firstLines[i]`; returns one
   * block of output lines per part, in order, and the bad lines of every part. With `here`, part 0
   * runs on the calling thread while the workers run the others: on a machine with few cores one
   * isolate less to start and to compile for.
   */
  async analyzeJsonl(
    parts: Uint8Array[],
    firstLines: number[],
    options: AnalyzeOptions,
    here?: Gospel,
  ): Promise<{ outputs: string[]; errors: LineError[]; documents: number }> {
    const errors: LineError[] = [];
    const offset = here ? 1 : 0;
    const jobs = parts.slice(offset).map((bytes, i) =>
      this.call(i % this.threads, { job: this.nextJob++, type: 'jsonl', bytes, firstLine: firstLines[i + offset]!, options }, undefined, [bytes.buffer as ArrayBuffer]),
    );
    const local = here ? new LocalPart(here, resolveOptions(options), parts[0]!, firstLines[0]!) : undefined;
    const replies = await this.finishParts(jobs, local, (reply) => {
      if (reply.type === 'terms' && reply.errors) errors.push(...reply.errors);
    });
    if (local) errors.push(...local.errors);
    errors.sort((a, b) => a.line - b.line);
    let documents = local?.documents ?? 0;
    const outputs = replies.map((reply) => {
      if (reply.type !== 'output') return '';
      documents += reply.documents;
      return reply.output;
    });
    return { outputs: local ? [local.output, ...outputs] : outputs, errors, documents };
  }

  /** Phase 1 replies (and the local part) → merged document frequencies → phase 2 on every part. */
  private async finishParts(jobs: Promise<WorkerReply>[], local?: LocalPart, onTerms?: (reply: WorkerReply) => void): Promise<WorkerReply[]> {
    const settled = await Promise.allSettled(jobs);
    const failed = settled.find((s) => s.status === 'rejected');
    const replies = settled.map((s) => (s.status === 'fulfilled' ? s.value : undefined));
    if (failed) {
      // Free what the other parts hold before failing the batch.
      replies.forEach((r, i) => r && this.call(i % this.threads, { job: r.job, type: 'drop' }).catch(() => undefined));
      throw (failed as PromiseRejectedResult).reason;
    }
    const merger = new DfMerger();
    const localHandle = local ? merger.add(local.terms) : -1;
    const handles = replies.map((reply) => {
      if (reply?.type !== 'terms') throw new WorkerFailure(`gospel: unexpected worker reply ${reply?.type}`);
      onTerms?.(reply);
      return merger.add(reply.terms);
    });
    const finished = Promise.all(
      replies.map((reply, i) => {
        const df = merger.dfFor(handles[i]!);
        return this.call(i % this.threads, { job: reply!.job, type: 'finish', documents: merger.documents, df }, undefined, [df.buffer as ArrayBuffer]);
      }),
    );
    // The local part's phase 2 runs while the workers run theirs.
    if (local) local.output = local.finish(merger.documents, merger.dfFor(localHandle));
    return finished;
  }

  private call(index: number, request: WorkerRequest, progress?: (n: number) => void, transfer: ArrayBuffer[] = []): Promise<WorkerReply> {
    if (this.closed) return Promise.reject(new Error('gospel: the pool is closed'));
    const slot = this.slot(index);
    return new Promise<WorkerReply>((resolve, reject) => {
      slot.waiting.set(request.job, { resolve, reject, progress });
      // Keep the process alive only while a request is in flight (unref'd again when idle).
      slot.worker.ref();
      slot.worker.postMessage(request, transfer);
    });
  }

  private slot(index: number): Slot {
    const existing = this.slots[index];
    if (existing) return existing;
    const worker = new Worker(workerScript());
    const slot: Slot = { worker, waiting: new Map() };
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const waiter = slot.waiting.get(reply.job);
      if (!waiter) return;
      if (reply.type === 'progress') {
        waiter.progress?.(reply.done);
        return;
      }
      slot.waiting.delete(reply.job);
      if (reply.type === 'error') {
        const err = new Error(reply.message) as Error & { code?: string };
        if (reply.code) err.code = reply.code;
        waiter.reject(err);
      } else {
        if (reply.type === 'terms') waiter.progress?.(reply.progress);
        waiter.resolve(reply);
        if (slot.waiting.size === 0) worker.unref();
      }
    });
    const fail = (err: Error) => {
      if (this.slots[index] === slot) this.slots[index] = undefined;
      for (const waiter of slot.waiting.values()) waiter.reject(new WorkerFailure(`gospel: worker ${index} failed: ${err.message}`));
      slot.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
    this.slots[index] = slot;
    return slot;
  }

  /** Stops the workers; pending batches fail. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot?.worker.terminate()));
    this.slots.fill(undefined);
  }
}

/** `parts` contiguous [from, to) ranges covering 0..n as evenly as possible. */
export function splitEvenly(n: number, parts: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < parts; i++) out.push([Math.floor((n * i) / parts), Math.floor((n * (i + 1)) / parts)]);
  return out;
}

export function createNlpPool(options?: NlpPoolOptions): NlpPool {
  return new NlpPool(options);
}

/** The part the calling thread analyses, with its output once finished. */
class LocalPart extends JsonlPart {
  output = '';
}
