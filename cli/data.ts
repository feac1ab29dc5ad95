// `trebuchet integrate <config.yaml>` (Combine) and `trebuchet transform <pipeline.yaml>` (Purpose):
// offline commands on files and pipes. Errors: one line on stderr, exit code 1.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { Command } from 'commander';
import { configDir, parseIntegrationConfig } from '../engines/integration/config.ts';
import { integrate, type IntegrationReport } from '../engines/integration/combine.ts';
import { integrateColumnar, prestartHelper } from '../engines/integration/columnar.ts';
import { writeCsv } from '../engines/integration/csv.ts';
import { resultBatch } from '../engines/integration/output.ts';
import { readJsonLines, writeJsonArray, writeJsonLines } from '../engines/integration/json.ts';
import type { RecordBatch } from '../engines/integration/table.ts';
import { buildPipeline, parsePipeline, prepareJoins, runPipeline } from '../engines/pipeline/pipeline.ts';
import { dirname, resolve } from 'node:path';

interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
}

interface IntegrateFlags {
  out?: string;
  report?: string;
  progress?: boolean;
  fuzzyLimit?: string;
}

export async function runIntegrate(configPath: string, flags: IntegrateFlags, io: Io): Promise<number> {
  let primaryLimit: number | undefined;
  if (flags.fuzzyLimit !== undefined) {
    if (!/^\d+$/.test(flags.fuzzyLimit)) throw new Error(`--fuzzy-limit: expected a whole number, got "${flags.fuzzyLimit}"`);
    primaryLimit = Number(flags.fuzzyLimit);
  }
  // the columnar executor's helper thread starts while the config is read
  prestartHelper();
  const config = parseIntegrationConfig(readFileSync(configPath, 'utf8'), { baseDir: configDir(configPath) });
  const started = performance.now();
  // progress: one line per phase with --progress; on a terminal, one line rewritten in place
  const tty = Boolean(io.stderr.isTTY) && flags.progress === undefined;
  // on a terminal: a bar over the steps (each source loaded, each join, resolving, writing)
  const steps = new Set([config.primary, ...config.joins.map((j) => j.source)]).size + config.joins.length + 2;
  let step = 0;
  const bar = (detail: string) => {
    step = Math.min(step + 1, steps);
    const filled = Math.round((20 * (step - 1)) / steps);
    io.stderr.write(`\r\x1b[Kintegrate [${'#'.repeat(filled)}${'-'.repeat(20 - filled)}] ${step}/${steps} ${detail}…`);
  };
  const onProgress = flags.progress || tty ? (p: { phase: string; detail: string }) => (tty ? bar(`${p.phase} ${p.detail}`) : io.stderr.write(`integrate: ${p.phase} ${p.detail}\n`)) : undefined;
  // the columnar executor when it takes the config and files, else the row engine (which also
  // reports every input error)
  const fast = await integrateColumnar(config, { primaryLimit, onProgress });
  const target = flags.out ?? config.output.path ?? io.stdout;
  const format = flags.out ? (flags.out.endsWith('.jsonl') ? 'jsonl' : flags.out.endsWith('.json') ? 'json' : 'csv') : config.output.format;
  const output = { numberFormats: config.output.numberFormats, provenance: config.output.provenance };
  let result: { report: IntegrationReport };
  if (fast && format === 'csv') {
    if (tty) bar(`write ${typeof target === 'string' ? target : 'stdout'}`);
    await fast.writeCsv(target, output);
    if (tty) io.stderr.write('\r\x1b[K');
    result = fast;
  } else {
    const rows = fast ? fast.toResult() : await integrate(config, { primaryLimit, onProgress });
    if (tty) bar(`write ${typeof target === 'string' ? target : 'stdout'}`);
    const batches = [resultBatch(rows, { ...output, timestampsAsText: format === 'csv' })];
    if (format === 'csv') await writeCsv(batches, target);
    else if (format === 'jsonl') await writeJsonLines(batches, target);
    else await writeJsonArray(batches, target);
    if (tty) io.stderr.write('\r\x1b[K');
    result = rows;
  }
  const report = { ...result.report, seconds: +((performance.now() - started) / 1000).toFixed(3) };
  if (flags.report) {
    writeFileSync(flags.report, `${JSON.stringify(report, null, 2)}\n`);
  }
  io.stderr.write(
    `integrate: ${report.outputRows} rows; ${Object.entries(report.sources)
      .map(([n, s]) => `${n} ${s.rows} (${s.matched} matched)`)
      .join(', ')}; ${Object.entries(report.conflicts)
      .map(([f, c]) => `${f}: ${c.resolved} conflicts (${c.strategy})`)
      .join(', ') || 'no conflicts'}\n`,
  );
  return 0;
}

export async function runTransform(pipelinePath: string, flags: { stats?: boolean }, io: Io): Promise<number> {
  const steps = parsePipeline(readFileSync(pipelinePath, 'utf8'));
  // join sources are files relative to the pipeline's folder
  const joins = await prepareJoins(steps, dirname(resolve(pipelinePath)));
  const input = readJsonLines(io.stdin)[Symbol.asyncIterator]();
  const first = await input.next();
  if (first.done) {
    // no input rows: still validate the steps against an empty schema-less input
    buildPipeline(steps, { fields: [] }, { joins });
    return 0;
  }
  const { stages, output } = buildPipeline(steps, first.value.schema, { joins });
  async function* all(): AsyncIterable<RecordBatch> {
    yield first.value as RecordBatch;
    for (;;) {
      const n = await input.next();
      if (n.done) return;
      yield n.value;
    }
  }
  // on a terminal, a line with the rows written so far, rewritten at most 4 times a second
  const tty = Boolean(io.stderr.isTTY);
  let rows = 0;
  let last = 0;
  async function* counted(): AsyncIterable<RecordBatch> {
    for await (const b of runPipeline(stages, output, all())) {
      rows += b.length;
      if (tty && Date.now() - last > 250) {
        last = Date.now();
        io.stderr.write(`\r\x1b[Ktransform: ${rows.toLocaleString('en')} rows`);
      }
      yield b;
    }
    if (tty) io.stderr.write('\r\x1b[K');
  }
  await writeJsonLines(counted(), io.stdout);
  if (flags.stats) {
    for (const s of stages) io.stderr.write(`transform: step ${s.stats.step} ${s.stats.kind}: ${s.stats.rowsIn} in, ${s.stats.rowsOut} out, ${s.stats.ms.toFixed(1)} ms\n`);
  }
  return 0;
}


/** Adds `integrate` and `transform` to a commander program. */
export function addDataCommands(program: Command, run: (action: () => Promise<number>) => Promise<void>): void {
  program
    .command('integrate')
    .description('Combine: join, match and reconcile sources as a YAML config declares; writes CSV/JSON/JSONL')
    .argument('<config.yaml>', 'the integration config')
    .option('--out <file>', 'output file (default: output.path in the config, else stdout)')
    .option('--report <file>', 'write the integration report (JSON) there')
    .option('--progress', 'report each phase on stderr (on a terminal a progress line is shown anyway)')
    .option('--fuzzy-limit <n>', 'only the first N rows of the primary source (sampling runs)')
    .action(async (config: string, flags: IntegrateFlags) => {
      await run(() => runIntegrate(config, flags, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }));
    });
  program
    .command('transform')
    .description('Purpose: run a YAML/JSON pipeline over JSON Lines from stdin to stdout')
    .argument('<pipeline.yaml>', 'the pipeline definition')
    .option('--stats', 'per-step rows in/out and time on stderr')
    .action(async (pipeline: string, flags: { stats?: boolean }) => {
      await run(() => runTransform(pipeline, flags, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }));
    });
}
