// Worker-thread entry of Combine's columnar executor: loads sources and formats output parts for
// the main thread (see serveHelper in columnar.ts).
import { parentPort } from 'node:worker_threads';
import { serveHelper } from './columnar.ts';

if (parentPort) serveHelper(parentPort);
