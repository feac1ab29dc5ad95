// Worker-thread entry of the audio engine: opens the file itself, then runs the tasks the main
// thread sends (one at a time) and answers each with its result or its error.
import { parentPort, workerData } from 'node:worker_threads';
import { TaskRunner, type RunnerInit, type Task } from './tasks.ts';

const port = parentPort;
if (port) {
  let runner: TaskRunner | undefined;
  try {
    runner = new TaskRunner(workerData as RunnerInit);
  } catch (err) {
    port.postMessage({ error: describe(err) });
  }
  port.on('message', (task: Task | { kind: 'close' }) => {
    if (task.kind === 'close') {
      runner?.close();
      port.close();
      return;
    }
    try {
      const result = runner!.run(task);
      port.postMessage({ result }, result ? [result.buffer as ArrayBuffer] : []);
    } catch (err) {
      port.postMessage({ error: describe(err) });
    }
  });
}

function describe(err: unknown): { message: string; code?: string; details?: unknown } {
  const e = err as { message?: string; code?: string; details?: unknown };
  return { message: e?.message ?? String(err), code: e?.code, details: e?.details };
}
