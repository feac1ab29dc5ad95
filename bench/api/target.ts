// One benchmark target in its own process, so the load generator never shares its event loop:
// `bare` (the ceiling), or `trebuchet` (the real server on the database given by the environment,
// seeded here). Talks to the runner over IPC only; see TargetMessage and RunnerMessage.
import { writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Session } from 'node:inspector/promises';
import { loadConfig } from '../../api/config';
import { GRAPHQL_PATH, startServer } from '../../api/server';
import { startBareApollo } from './bare-apollo';
import { makeRegistry } from './data';
import { seedRegistry } from './seed';

export type TargetKind = 'bare' | 'trebuchet';

/** Child → runner. */
export type TargetMessage =
  | { type: 'ready'; url: string; database: string; seed: { ms: number; counts: Record<string, number> } | null }
  /** Counters since start; `requests`/`inFlight` count GraphQL HTTP requests (Trebuchet only). */
  | { type: 'stats'; statements: number; requests: number; inFlight: number }
  | { type: 'profiling' }
  | { type: 'profiled'; file: string }
  | { type: 'closed' };

/** Runner → child. `profile-start`/`profile-stop` bracket the measured load with a V8 CPU profile. */
export type RunnerMessage = { type: 'stats' } | { type: 'profile-start' } | { type: 'profile-stop'; file: string } | { type: 'close' };

function send(message: TargetMessage): void {
  if (!process.send) throw new Error('bench target: run me through the runner (child_process.fork), not directly');
  process.send(message);
}

async function main(kind: TargetKind): Promise<void> {
  let close: () => Promise<void>;
  let statements = () => 0;
  // Counted here rather than by the load generator: requests still running when autocannon
  // stops have sent their statements too, and the runner waits for them to finish.
  const http = { requests: 0, inFlight: 0 };
  if (kind === 'bare') {
    const bare = await startBareApollo(makeRegistry(), { host: '127.0.0.1', port: 0 });
    close = bare.close;
    send({ type: 'ready', url: bare.url, database: 'none (in-memory objects)', seed: null });
  } else {
    // DATABASE_URL (Postgres) or TREBUCHET_DATA_DIR (PGlite) and the pool size come from the
    // environment the runner set, exactly as for `trebuchet serve`.
    const config = loadConfig(process.env, { port: 0, host: '127.0.0.1' });
    const server = await startServer(config);
    const seeded = await seedRegistry(server.platform.db.prisma);
    const { stats } = server.platform.db;
    // Ahead of Express, which rewrites req.url while it routes.
    server.http.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      if (!req.url?.startsWith(GRAPHQL_PATH)) return;
      http.requests++;
      http.inFlight++;
      res.once('close', () => http.inFlight--);
    });
    close = server.close;
    statements = () => stats.statements;
    send({ type: 'ready', url: server.url, database: server.platform.db.kind, seed: { ms: Math.round(seeded.ms), counts: seeded.counts } });
  }
  let closing: Promise<void> | null = null;
  const shutdown = () => (closing ??= close());
  const profiler = new Session();
  process.on('message', async (message: RunnerMessage) => {
    if (message.type === 'stats') send({ type: 'stats', statements: statements(), ...http });
    if (message.type === 'profile-start') {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
      send({ type: 'profiling' });
    }
    if (message.type === 'profile-stop') {
      const { profile } = await profiler.post('Profiler.stop');
      profiler.disconnect();
      await writeFile(message.file, JSON.stringify(profile));
      send({ type: 'profiled', file: message.file });
    }
    if (message.type === 'close') void shutdown().then(() => process.send?.({ type: 'closed' } satisfies TargetMessage, () => process.exit(0)));
  });
  // The runner going away (crash, Ctrl-C) must not leave a server listening.
  process.on('disconnect', () => void shutdown().finally(() => process.exit(0)));
}

const kind = process.argv[2];
if (kind !== 'bare' && kind !== 'trebuchet') {
  console.error(`bench target: expected "bare" or "trebuchet" as the argument, found "${kind ?? ''}"`);
  process.exit(2);
}
main(kind).catch((err: unknown) => {
  console.error('bench target failed:', err);
  process.exit(1);
});
