// The `trebuchet` command. `serve` and `migrate` work on the database directly (embedded or
// DATABASE_URL); `models …` are clients of a running server over GraphQL (--url / TREBUCHET_URL).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { loadConfig, type Config } from '../api/config';
import { openDatabase } from '../api/db';
import { GraphQLRequestError, TrebuchetClient } from '../client';
import { CreateModelMutation, ListModelsQuery, RegisterModelVersionMutation, SetModelAliasMutation, ShowModelQuery } from '../client/operations';
import type { ListModelsQuery as ListModelsResult, ModelFramework } from '../client/gql/graphql';
import { addNlpCommands } from './nlp';
import { addAudioCommands } from './audio';
import { addDataCommands } from './data';

const pkg = require('../package.json') as { version: string };
const DEFAULT_URL = 'http://localhost:4000/graphql';
const FRAMEWORKS = ['ONNX', 'PYTORCH', 'TENSORFLOW', 'SAFETENSORS', 'OTHER'];

/** A failure to report as one line and exit code 1. */
class CliError extends Error {}

function configFrom(opts: { port?: string; dataDir?: string; host?: string }): Config {
  const overrides: Partial<Config> = {};
  if (opts.port !== undefined) {
    const port = Number(opts.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be 0–65535, found "${opts.port}"`);
    overrides.port = port;
  }
  if (opts.dataDir) overrides.dataDir = opts.dataDir;
  if (opts.host) overrides.host = opts.host;
  return loadConfig(process.env, overrides);
}

function clientFor(opts: { url?: string }): TrebuchetClient {
  return new TrebuchetClient(opts.url ?? process.env.TREBUCHET_URL ?? DEFAULT_URL);
}

function print(value: unknown, json: boolean, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

const urlOption = () => new Option('--url <url>', 'GraphQL endpoint of a running server (env TREBUCHET_URL)').default(undefined, DEFAULT_URL);

export function buildProgram(): Command {
  const program = new Command('trebuchet')
    .description('GraphQL platform for AI and data workloads: model registry, experiments, pipelines.')
    .version(pkg.version, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('serve')
    .description('start the GraphQL server (HTTP + WebSocket on one port); embedded database unless DATABASE_URL is set')
    .option('-p, --port <port>', 'port to listen on (env TREBUCHET_PORT, default 4000)')
    .option('--host <host>', 'interface to bind (env TREBUCHET_HOST, default 0.0.0.0)')
    .option('-d, --data-dir <dir>', 'data directory for the embedded database and artifacts (env TREBUCHET_DATA_DIR, default ./.trebuchet)')
    .action(async (opts: { port?: string; dataDir?: string; host?: string }) => {
      const config = configFrom(opts);
      // Loaded on demand: the client commands should not pay for Apollo and Prisma at start-up.
      const { startServer } = require('../api/server') as typeof import('../api/server');
      const server = await startServer(config);
      const log = server.platform.log;
      process.stdout.write(`Trebuchet ${pkg.version} on ${server.platform.db.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'Postgres'}\nGraphQL and IDE: ${server.url}\n`);
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        log.info({ signal }, 'shutting down: draining connections');
        const timer = setTimeout(() => {
          log.error('shutdown took too long; exiting');
          process.exit(1);
        }, config.shutdownTimeoutMs);
        timer.unref();
        server.close().then(
          () => {
            log.info('stopped');
            log.flush();
            process.exitCode = 0;
            // Everything is closed; exit even if a library left a timer behind.
            setImmediate(() => process.exit(0));
          },
          (err: unknown) => {
            log.error({ err }, 'error while stopping');
            process.exit(1);
          },
        );
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
    });

  program
    .command('migrate')
    .description('apply pending database migrations (to DATABASE_URL, or the embedded database in the data directory)')
    .option('-d, --data-dir <dir>', 'data directory of the embedded database (env TREBUCHET_DATA_DIR)')
    .action(async (opts: { dataDir?: string }) => {
      const config = configFrom(opts);
      const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const result = await db.migrate();
        for (const name of result.applied) process.stdout.write(`applied ${name}\n`);
        process.stdout.write(`${result.applied.length} applied, ${result.alreadyApplied.length} already applied (${db.kind})\n`);
      } finally {
        await db.close();
      }
    });

  const models = program.command('models').description('list, show and register models on a running server');

  models
    .command('list')
    .description('list models, sorted by name')
    .addOption(urlOption())
    .option('--prefix <prefix>', 'only names starting with this')
    .option('--task <task>', 'only this task')
    .option('--first <n>', 'page size (at most 100)', '100')
    .option('--json', 'print JSON')
    .action(async (opts: { url?: string; prefix?: string; task?: string; first: string; json?: boolean }) => {
      const client = clientFor(opts);
      const edges = [];
      let after: string | null = null;
      for (;;) {
        const data: ListModelsResult = await client.request(ListModelsQuery, { filter: { namePrefix: opts.prefix, task: opts.task }, first: Number(opts.first), after });
        edges.push(...data.models.edges);
        if (!data.models.pageInfo.hasNextPage) break;
        after = data.models.pageInfo.endCursor ?? null;
      }
      const rows = edges.map((e) => e.node);
      print(rows, Boolean(opts.json), () => {
        if (rows.length === 0) return 'no models';
        const lines = rows.map((m) => {
          const aliases = m.aliases.map((a) => `${a.name}→${a.version.version}`).join(' ');
          return `${m.name.padEnd(32)} ${String(m.versionCount).padStart(4)} versions  ${(m.task ?? '').padEnd(22)} ${aliases}`;
        });
        return [`${'NAME'.padEnd(32)} ${'VERSIONS'.padStart(13)}  ${'TASK'.padEnd(22)} ALIASES`, ...lines].join('\n');
      });
    });

  models
    .command('show')
    .description('show a model with its versions and aliases')
    .argument('<name>', 'model name')
    .addOption(urlOption())
    .option('--json', 'print JSON')
    .action(async (name: string, opts: { url?: string; json?: boolean }) => {
      const data = await clientFor(opts).request(ShowModelQuery, { name });
      if (!data.model) throw new CliError(`model "${name}" not found`);
      const m = data.model;
      print(m, Boolean(opts.json), () => {
        const head = [`${m.name}${m.task ? ` (${m.task})` : ''}`, ...(m.description ? [m.description] : []), `tags: ${m.tags.map((t) => `${t.key}=${t.value}`).join(', ') || '-'}`, `aliases: ${m.aliases.map((a) => `${a.name}→${a.version.version}`).join(', ') || '-'}`];
        const versions = m.versions.edges.map(({ node: v }) => {
          const sig = v.signature ? `  in ${v.signature.inputs.map((i) => `${i.name}:${i.type}[${i.shape.join(',')}]`).join(' ')} out ${v.signature.outputs.map((o) => `${o.name}:${o.type}[${o.shape.join(',')}]`).join(' ')}` : '';
          return `  v${v.version}  ${v.framework.padEnd(11)} ${v.sha256.slice(0, 12)}  ${String(v.size).padStart(10)} B  ${v.createdAt}${sig}`;
        });
        return [...head, 'versions:', ...(versions.length ? versions : ['  none'])].join('\n');
      });
    });

  models
    .command('register')
    .description('register a file as a new version of a model (multipart upload to a running server)')
    .argument('<name>', 'model name')
    .argument('<file>', 'artifact file, e.g. model.onnx')
    .addOption(urlOption())
    .addOption(new Option('--framework <framework>', 'artifact framework (default: ONNX for .onnx files, else OTHER)').choices(FRAMEWORKS))
    .option('--create', 'create the model first if it does not exist')
    .option('--task <task>', 'task, when --create creates the model')
    .option('--description <text>', 'description of the version')
    .option('--metrics <json>', 'metrics as a JSON object, e.g. \'{"accuracy":0.93}\'')
    .option('--source-run <id>', 'the run that produced this version')
    .option('--alias <alias>', 'point this alias at the new version')
    .option('--json', 'print JSON')
    .action(async (name: string, file: string, opts: { url?: string; framework?: string; create?: boolean; task?: string; description?: string; metrics?: string; sourceRun?: string; alias?: string; json?: boolean }) => {
      const client = clientFor(opts);
      let data: Uint8Array;
      try {
        data = await readFile(file);
      } catch (err) {
        throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      let metrics: unknown;
      if (opts.metrics) {
        try {
          metrics = JSON.parse(opts.metrics);
        } catch {
          throw new CliError(`--metrics is not valid JSON: ${opts.metrics}`);
        }
      }
      const framework = (opts.framework ?? (path.extname(file).toLowerCase() === '.onnx' ? 'ONNX' : 'OTHER')) as ModelFramework;
      if (opts.create) {
        const existing = await client.request(ShowModelQuery, { name });
        if (!existing.model) await client.request(CreateModelMutation, { input: { name, task: opts.task } });
      }
      const result = await client.request(
        RegisterModelVersionMutation,
        { input: { model: name, framework, description: opts.description, metrics, sourceRun: opts.sourceRun } },
        [{ path: 'input.artifact', data, filename: path.basename(file) }],
      );
      const v = result.registerModelVersion;
      if (opts.alias) await client.request(SetModelAliasMutation, { model: name, alias: opts.alias, version: v.version, note: `registered from ${path.basename(file)}` });
      print(v, Boolean(opts.json), () => `registered ${name} v${v.version} (${v.framework}, ${v.size} bytes, sha256 ${v.sha256})${opts.alias ? `; ${opts.alias} → v${v.version}` : ''}`);
    });

  addNlpCommands(program, async (action) => {
    process.exitCode = await action();
  });
  addAudioCommands(program, async (action) => {
    process.exitCode = await action();
  });
  addDataCommands(program, async (action) => {
    process.exitCode = await action();
  });

  return program;
}

/** Runs the CLI; exits non-zero with one line on stderr on any error. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage errors were already printed.
      process.exit(err.exitCode);
    }
    const message =
      err instanceof GraphQLRequestError ? `${err.message} (${err.code})` : err instanceof CliError ? err.message : err instanceof Error ? err.message : String(err);
    process.stderr.write(`trebuchet: ${message.split('\n')[0]}\n`);
    process.exit(1);
  }
}

if (require.main === module || process.argv[1]?.endsWith('trebuchet.js') || process.argv[1]?.endsWith('trebuchet')) {
  void main(process.argv);
}
