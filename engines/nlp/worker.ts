// A Gospel worker thread: runs batch parts for the pool (see batch.ts for the two phases).
// Messages are handled one at a time; parts wait between phases under their job id.
import { parentPort } from 'node:worker_threads';
import { BatchPart } from './batch.ts';
import { Gospel, resolveOptions, type ResolvedOptions } from './engine.ts';
import { JsonlPart } from './jsonl.ts';
import { detectLanguage, loadLanguageModel } from './language.ts';
import type { Language } from './types.ts';
import type { WorkerReply, WorkerRequest } from './pool.ts';

let detect: ((text: string) => Language) | undefined;
const gospel = new Gospel((text) => {
  if (!detect) throw new Error('gospel: language model not loaded in worker');
  return detect(text);
});

/** Parts between their two phases, by job. */
const pending = new Map<number, BatchPart | JsonlPart>();

async function prepare(options: ResolvedOptions): Promise<void> {
  if (options.sections.has('language') && !detect) {
    await loadLanguageModel();
    detect = detectLanguage;
  }
}

/** Reports progress every PROGRESS_EVERY documents of a part. */
const PROGRESS_EVERY = 256;

async function handle(msg: WorkerRequest): Promise<WorkerReply> {
  switch (msg.type) {
    case 'one': {
      const options = resolveOptions(msg.options);
      await prepare(options);
      return { job: msg.job, type: 'analysis', analysis: gospel.analyzeOne(msg.text, options) };
    }
    case 'texts': {
      const options = resolveOptions(msg.options);
      await prepare(options);
      const part = new BatchPart(gospel, options);
      msg.texts.forEach((text, k) => {
        part.add(text);
        if ((k + 1) % PROGRESS_EVERY === 0) parentPort!.postMessage({ job: msg.job, type: 'progress', done: PROGRESS_EVERY } satisfies WorkerReply);
      });
      pending.set(msg.job, part);
      return { job: msg.job, type: 'terms', terms: part.terms(), progress: msg.texts.length % PROGRESS_EVERY };
    }
    case 'jsonl': {
      const options = resolveOptions(msg.options);
      await prepare(options);
      const part = new JsonlPart(gospel, options, msg.bytes, msg.firstLine);
      pending.set(msg.job, part);
      return { job: msg.job, type: 'terms', terms: part.terms, errors: part.errors, progress: part.documents };
    }
    case 'finish': {
      const job = pending.get(msg.job);
      if (!job) throw new Error(`gospel worker: unknown job ${msg.job}`);
      pending.delete(msg.job);
      if (job instanceof JsonlPart) return { job: msg.job, type: 'output', output: job.finish(msg.documents, msg.df), documents: job.documents };
      return { job: msg.job, type: 'results', results: job.finish(msg.documents, msg.df) };
    }
    case 'drop':
      pending.delete(msg.job);
      return { job: msg.job, type: 'dropped' };
  }
}

parentPort!.on('message', (msg: WorkerRequest) => {
  handle(msg).then(
    (reply) => parentPort!.postMessage(reply),
    (err: unknown) => {
      const e = err as Error & { code?: string };
      parentPort!.postMessage({ job: msg.job, type: 'error', message: e.message, code: e.code } satisfies WorkerReply);
    },
  );
});
