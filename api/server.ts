// Composition root: one HTTP server on one port carrying Express (health, IDE, GraphQL over HTTP
// through Apollo Server) and graphql-ws (subscriptions over WebSocket on the same path), with
// graceful shutdown that drains both.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { graphqlUploadExpress } from 'graphql-upload-minimal';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Context } from './context';
import { formatErrors, makeFormatError } from './errors';
import { ideRouter, wantsIde } from './ide';
import { createLoaders } from './loaders';
import { createLogger } from './logger';
import { openPlatform, type Platform } from './platform';
import { buildSchema } from './schema';

export const GRAPHQL_PATH = '/graphql';

export interface RunningServer {
  /** http://host:port/graphql */
  url: string;
  /** ws://host:port/graphql */
  wsUrl: string;
  port: number;
  platform: Platform;
  http: Server;
  /** Stops accepting, drains HTTP requests and WebSocket subscriptions, closes the database. */
  close(): Promise<void>;
}

export interface ServerOptions {
  clock?: Clock;
  log?: Logger;
  inMemory?: boolean;
  /** Start without applying migrations (readiness then reports them pending). */
  skipMigrations?: boolean;
}

interface RequestLog {
  operationName?: string | null;
  errorCodes?: string[];
}

function jsonError(res: Response, status: number, message: string, code: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** Logs one line per HTTP request when it finishes, with the GraphQL operation if any. */
function requestLogger(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint();
    const requestId = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
    res.locals.requestId = requestId;
    res.locals.gql = {} as RequestLog;
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => {
      const gql = res.locals.gql as RequestLog;
      log.info(
        {
          requestId,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          durationMs: Number(process.hrtime.bigint() - start) / 1e6,
          ...(gql.operationName !== undefined ? { operation: gql.operationName } : {}),
          ...(gql.errorCodes?.length ? { errors: gql.errorCodes } : {}),
        },
        'request',
      );
    });
    next();
  };
}

/** Records the operation name and error codes for the request log line. */
const operationLogPlugin: ApolloServerPlugin<Context & { requestLog?: RequestLog }> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, operationName, response }) {
        const target = contextValue.requestLog;
        if (!target) return;
        target.operationName = operationName ?? null;
        if (response.body.kind === 'single' && response.body.singleResult.errors) {
          target.errorCodes = response.body.singleResult.errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
        }
      },
    };
  },
};

/** Starts the platform and the server; resolves once it listens. */
export async function startServer(config: Config, opts: ServerOptions = {}): Promise<RunningServer> {
  const log = opts.log ?? createLogger({ production: config.production, level: config.logLevel });
  const platform = await openPlatform(config, log, { clock: opts.clock, inMemory: opts.inMemory, skipMigrations: opts.skipMigrations });
  try {
    return await listen(config, platform, log);
  } catch (err) {
    await platform.close().catch(() => undefined);
    throw err;
  }
}

async function listen(config: Config, platform: Platform, log: Logger): Promise<RunningServer> {
  const schema = buildSchema();
  const formatError = makeFormatError(log);
  const app = express();
  app.disable('x-powered-by');
  const http = createServer(app);
  const makeContext = (requestId: string, requestLog?: RequestLog): Context & { requestLog?: RequestLog } => ({
    services: platform.services,
    loaders: createLoaders(platform.services),
    log: log.child({ requestId }),
    requestId,
    requestLog,
  });

  // noServer: the WebSocket server must not see the HTTP server's own errors (e.g. EADDRINUSE),
  // so upgrades are routed by hand, on the GraphQL path only.
  const wss = new WebSocketServer({ noServer: true });
  http.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== GRAPHQL_PATH) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  const wsServer = useServer<Record<string, unknown>>(
    {
      schema,
      context: () => makeContext(randomUUID()),
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((e) => {
          const f = formatError(e.toJSON(), e);
          // graphql-ws validates before executing; mark those as Apollo does over HTTP.
          return f.extensions?.code === 'BAD_USER_INPUT' && !e.originalError ? { ...f, extensions: { ...f.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } } : f;
        }),
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: formatErrors(result.errors as GraphQLError[], formatError) } : undefined),
    },
    wss,
    30_000,
  );

  const apollo = new ApolloServer<Context & { requestLog?: RequestLog }>({
    schema,
    formatError,
    csrfPrevention: true,
    // The CLI owns SIGTERM/SIGINT and drains everything (HTTP, WebSocket, database) in order.
    stopOnTerminationSignals: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: http }),
      ApolloServerPluginLandingPageDisabled(),
      // No @cacheControl hints in the schema: skip the per-field cache policy bookkeeping.
      ApolloServerPluginCacheControlDisabled(),
      operationLogPlugin,
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsServer.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.use(requestLogger(log));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await platform.db.sql.query('SELECT 1');
      const pending = await platform.db.pending();
      if (pending.length > 0) {
        res.status(503).json({ status: 'migrations pending', pending });
        return;
      }
      res.json({ status: 'ready', database: platform.db.kind });
    } catch (err) {
      res.status(503).json({ status: 'database unreachable', error: (err as Error).message });
    }
  });
  const ide = ideRouter({ graphqlPath: GRAPHQL_PATH });
  app.use('/ide', ide);
  app.get('/', (_req, res) => res.redirect(GRAPHQL_PATH));
  app.use(GRAPHQL_PATH, (req, res, next) => (wantsIde(req) ? ide(req, res, next) : next()));
  // JSON bodies carry base64 artifacts: room for the base64 limit (4/3 of the bytes) plus the document.
  const jsonLimit = Math.ceil((config.maxBase64Bytes * 4) / 3) + 1024 * 1024;
  app.use(
    GRAPHQL_PATH,
    express.json({ limit: jsonLimit }),
    // One byte past the larger limit makes the parser truncate; each service checks its own limit
    // (artifacts, audio files) and reports it.
    graphqlUploadExpress({ maxFileSize: Math.max(config.maxUploadBytes, config.audioMaxUploadBytes) + 1, maxFiles: 10 }),
    expressMiddleware(apollo, {
      context: async ({ res }) => makeContext(res.locals.requestId as string, res.locals.gql as RequestLog),
    }),
  );
  // Body-parser failures (malformed JSON, a body over the limit) as GraphQL-shaped errors.
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (err.type === 'entity.too.large') return jsonError(res, 413, `request body is over the limit of ${jsonLimit} bytes; send artifacts as a multipart upload`, 'BAD_USER_INPUT');
    if (err.type === 'entity.parse.failed') return jsonError(res, 400, `request body is not valid JSON: ${err.message}`, 'BAD_REQUEST');
    if (err.status && err.status >= 400 && err.status < 500) return jsonError(res, err.status, err.message, 'BAD_REQUEST');
    log.error({ err }, 'unhandled HTTP error');
    return jsonError(res, 500, 'Internal server error', 'INTERNAL_SERVER_ERROR');
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new Error(`port ${config.port} on ${config.host} is already in use; stop the other server or choose another with --port`) : err);
    });
    http.listen(config.port, config.host, () => {
      http.removeAllListeners('error');
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host}:${port}${GRAPHQL_PATH}`;
  log.info({ url, ide: url, database: platform.db.kind, dataDir: platform.db.kind === 'pglite' ? config.dataDir : undefined }, 'Trebuchet listening');

  let closing: Promise<void> | null = null;
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    port,
    platform,
    http,
    close() {
      closing ??= (async () => {
        // apollo.stop() drains: stops accepting, waits for in-flight HTTP requests, then disposes
        // graphql-ws (completing subscriptions with code 1001) via drainServer above.
        await apollo.stop();
        await platform.close();
      })();
      return closing;
    },
  };
}
