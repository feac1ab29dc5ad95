// Starts a real Trebuchet server on a free port with its own database, and gives typed HTTP and
// graphql-ws clients for it.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Clock } from '../../api/clock';
import { loadConfig, type Config } from '../../api/config';
import { startServer, type RunningServer } from '../../api/server';
import { TrebuchetClient } from '../../client';
import { createTestDatabase, type TestDatabase } from './db';

export interface TestServer {
  server: RunningServer;
  client: TrebuchetClient;
  db: TestDatabase;
  config: Config;
  /** A graphql-ws client for the server; closed by `close()`. */
  ws(): Client;
  close(): Promise<void>;
}

export async function startTestServer(opts: { clock?: Clock; config?: Partial<Config> } = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const config = loadConfig({ ...process.env, DATABASE_URL: db.databaseUrl ?? '', TREBUCHET_LOG_LEVEL: process.env.TREBUCHET_LOG_LEVEL ?? 'silent' }, { port: 0, host: '127.0.0.1', dataDir: db.dataDir, ...opts.config });
  const server = await startServer(config, { clock: opts.clock });
  const clients: Client[] = [];
  return {
    server,
    db,
    config,
    client: new TrebuchetClient(server.url),
    ws() {
      const c = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
      clients.push(c);
      return c;
    },
    async close() {
      await Promise.all(clients.map((c) => c.dispose()));
      await server.close();
      await db.drop();
    },
  };
}

/** Collects `count` results of a subscription, failing after `timeoutMs`. */
export function collect<T>(client: Client, payload: { query: string; variables?: Record<string, unknown> }, count: number, timeoutMs = 10_000): { done: Promise<T[]>; ready: Promise<void> } {
  const results: T[] = [];
  let readyResolve!: () => void;
  const ready = new Promise<void>((r) => (readyResolve = r));
  const done = new Promise<T[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`subscription got ${results.length} of ${count} results in ${timeoutMs} ms: ${JSON.stringify(results)}`));
    }, timeoutMs);
    const unsubscribe = client.subscribe<T>(payload, {
      next: (value) => {
        results.push(value as T);
        if (results.length === count) {
          clearTimeout(timer);
          unsubscribe();
          resolve(results);
        }
      },
      error: (err) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(JSON.stringify(err)));
      },
      complete: () => undefined,
    });
  });
  // graphql-ws acknowledges a subscribe only by sending results; wait for the socket to open.
  client.on('connected', () => setTimeout(readyResolve, 50));
  return { done, ready };
}
