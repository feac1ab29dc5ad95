// `trebuchet nlp analyze`: JSON Lines in (files or stdin), one JSON line of results per document
// out, streaming. Input is cut into batches of whole lines (TF-IDF keywords are ranked within a
// batch); each batch is split over the worker threads as raw bytes, and the next batch is read while
// the current one is analysed, so memory stays flat whatever the input size.
import { createReadStream, fstatSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import { Command, Option } from 'commander';
import { Gospel, resolveOptions, type ResolvedOptions } from '../engines/nlp/engine.ts';
import { analyzeJsonlHere, type LineError } from '../engines/nlp/jsonl.ts';
import { detectLanguage, loadLanguageModel } from '../engines/nlp/language.ts';
import { NlpPool } from '../engines/nlp/pool.ts';
import type { AnalyzeOptions, Language, Section } from '../engines/nlp/types.ts';

const SECTIONS: readonly Section[] = ['language', 'sentiment', 'keywords', 'readability', 'stats', 'tokens'];
/** Documents per TF-IDF batch unless --batch says otherwise. */
export const DEFAULT_BATCH = 10_000;
/** A batch also closes at this many bytes, so memory stays bounded with long documents. */
const BATCH_BYTES = 64 * 1024 * 1024;
/** Longest input line; longer lines are skipped (reported) without being held in memory. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;
/** Batches smaller than this run on the calling thread: starting workers would cost more. */
const SMALL_BATCH_BYTES = 256 * 1024;

/** A failure of the command: one line on stderr, exit code 1. */
export class NlpCliError extends Error {}

export interface NlpAnalyzeFlags {
  keywords?: string;
  threads?: string;
  only?: string;
  batch?: string;
  strict?: boolean;
  progress?: boolean;
}

export interface Io {
  stdin: NodeJS.ReadableStream & { fd?: number };
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
}

interface Settings {
  options: AnalyzeOptions;
  resolved: ResolvedOptions;
  threads: number;
  batch: number;
  strict: boolean;
  progress: boolean;
}

function intFlag(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < min || n > max) throw new NlpCliError(`--${name} must be an integer from ${min} to ${max}, found "${value}"`);
  return n;
}

export function parseFlags(flags: NlpAnalyzeFlags, stderr: Io['stderr']): Settings {
  const keywords = intFlag('keywords', flags.keywords, 10, 0, 100);
  const threads = intFlag('threads', flags.threads, Math.min(8, availableParallelism()), 1, 64);
  const batch = intFlag('batch', flags.batch, DEFAULT_BATCH, 1, 10_000_000);
  let only: Section[] | undefined;
  if (flags.only !== undefined) {
    only = [];
    for (const raw of flags.only.split(',')) {
      const name = raw.trim();
      if (!SECTIONS.includes(name as Section)) throw new NlpCliError(`--only: unknown section "${name}" (expected ${SECTIONS.join(', ')})`);
      only.push(name as Section);
    }
  }
  const options: AnalyzeOptions = { keywords, ...(only ? { only } : {}) };
  return { options, resolved: resolveOptions(options), threads, batch, strict: Boolean(flags.strict), progress: flags.progress ?? Boolean(stderr.isTTY) };
}

/** Reads the inputs in order as chunks of bytes. */
async function* chunks(files: string[], stdin: Io['stdin']): AsyncGenerator<Buffer> {
  const sources = files.length === 0 ? ['-'] : files;
  for (const file of sources) {
    const stream = file === '-' ? stdin : createReadStream(file, { highWaterMark: 1 << 20 });
    try {
      for await (const chunk of stream) yield typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      throw new NlpCliError(`cannot read ${file === '-' ? 'standard input' : `"${file}"`}: ${e.code ?? e.message}`);
    }
  }
}

/** A batch of complete lines. */
interface Batch {
  bytes: Buffer;
  firstLine: number;
  lines: number;
}

/** Cuts the byte stream into batches of whole lines; over-long lines are dropped and reported. */
async function* batches(input: AsyncIterable<Buffer>, maxLines: number, tooLong: (line: number) => void): AsyncGenerator<Batch> {
  let parts: Buffer[] = [];
  let bytes = 0;
  let lines = 0;
  let firstLine = 1;
  let partial: Buffer[] = [];
  let partialBytes = 0;
  let skipping = false;
  const take = (): Batch => {
    const batch = { bytes: Buffer.concat(parts, bytes), firstLine, lines };
    firstLine += lines;
    parts = [];
    bytes = 0;
    lines = 0;
    return batch;
  };
  for await (const chunk of input) {
    let pos = 0;
    while (pos < chunk.length) {
      const nl = chunk.indexOf(10, pos);
      if (nl < 0) {
        if (!skipping) {
          partial.push(chunk.subarray(pos));
          partialBytes += chunk.length - pos;
          if (partialBytes > MAX_LINE_BYTES) {
            skipping = true;
            partial = [];
            partialBytes = 0;
          }
        }
        break;
      }
      if (skipping) {
        // The over-long line ends here: report it and keep an empty line in its place.
        tooLong(firstLine + lines);
        skipping = false;
        parts.push(Buffer.from('\n'));
        bytes += 1;
      } else {
        for (const p of partial) parts.push(p);
        bytes += partialBytes;
        parts.push(chunk.subarray(pos, nl + 1));
        bytes += nl + 1 - pos;
      }
      partial = [];
      partialBytes = 0;
      lines++;
      pos = nl + 1;
      if (lines >= maxLines || bytes >= BATCH_BYTES) yield take();
    }
  }
  if (skipping) {
    tooLong(firstLine + lines);
    parts.push(Buffer.from('\n'));
    bytes += 1;
    lines++;
  } else if (partialBytes > 0) {
    for (const p of partial) parts.push(p);
    bytes += partialBytes;
    lines++;
  }
  if (lines > 0) yield take();
}

/** Splits a batch into `n` parts of whole lines of about equal size, with their first line numbers. */
function splitBatch(batch: Batch, n: number): { parts: Uint8Array[]; firstLines: number[] } {
  const parts: Uint8Array[] = [];
  const firstLines: number[] = [];
  const { bytes } = batch;
  let start = 0;
  let line = batch.firstLine;
  for (let i = 1; i <= n && start < bytes.length; i++) {
    let end = i === n ? bytes.length : bytes.indexOf(10, Math.max(start, Math.floor((bytes.length * i) / n)));
    end = end < 0 ? bytes.length : i === n ? end : end + 1;
    // A copy per part: each part's memory is transferred to its worker.
    parts.push(new Uint8Array(bytes.subarray(start, end)));
    firstLines.push(line);
    for (let p = bytes.indexOf(10, start); p >= 0 && p < end; p = bytes.indexOf(10, p + 1)) line++;
    start = end;
  }
  return { parts, firstLines };
}

/** Documents (non-blank lines) of the batch before line `line`: all good, as `line` is the first bad one. */
function documentsBefore(batch: Batch, line: number): number {
  const { bytes } = batch;
  let documents = 0;
  let start = 0;
  for (let n = batch.firstLine; n < line && start < bytes.length; n++) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    for (let k = start; k < end; k++) {
      const b = bytes[k]!;
      // Blank: spaces, tabs, CR and a byte-order mark (EF BB BF), as the parser skips them.
      if (b !== 32 && b !== 9 && b !== 13 && b !== 0xef && b !== 0xbb && b !== 0xbf) {
        documents++;
        break;
      }
    }
    start = end + 1;
  }
  return documents;
}

/** The first `n` lines of `text` (each with its newline). */
function firstLinesOf(text: string, n: number): string {
  let end = 0;
  for (let k = 0; k < n; k++) end = text.indexOf('\n', end) + 1;
  return text.slice(0, end);
}

function write(stream: Writable, text: string): Promise<void> {
  if (text.length === 0 || stream.write(text)) return Promise.resolve();
  return new Promise((resolve) => stream.once('drain', () => resolve()));
}

/** Runs `nlp analyze`; resolves to the exit code. */
export async function runNlpAnalyze(files: string[], flags: NlpAnalyzeFlags, io: Io): Promise<number> {
  const settings = parseFlags(flags, io.stderr);
  for (const file of files) {
    if (file === '-') continue;
    try {
      statSync(file);
    } catch (err) {
      throw new NlpCliError(`cannot read "${file}": ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
  }
  let pool: NlpPool | undefined;
  if (settings.threads > 1 && inputSize(files, io.stdin) > SMALL_BATCH_BYTES) {
    // This thread analyses one part itself, so --threads N means N - 1 workers.
    pool = new NlpPool({ threads: settings.threads - 1 });
    pool.warm();
  }
  let local: Gospel | undefined;
  const prepareLocal = async (): Promise<Gospel> => {
    if (!local) {
      let detect: ((text: string) => Language) | undefined;
      if (settings.resolved.sections.has('language')) {
        await loadLanguageModel();
        detect = detectLanguage;
      }
      local = new Gospel(detect);
    }
    return local;
  };

  const started = Date.now();
  let documents = 0;
  let badLines = 0;
  let failed = false;
  const report = (errors: LineError[]): void => {
    for (const e of errors) {
      io.stderr.write(`trebuchet: nlp analyze: line ${e.line}: ${e.warning ? 'warning: ' : ''}${e.message}\n`);
      if (!e.warning) badLines++;
    }
  };
  const tooLong: number[] = [];
  let previous: Promise<void> = Promise.resolve();
  try {
    for await (const batch of batches(chunks(files, io.stdin), settings.batch, (line) => tooLong.push(line))) {
      const lineErrors: LineError[] = tooLong.splice(0).map((line) => ({ line, message: `longer than ${MAX_LINE_BYTES} bytes, skipped` }));
      const run = async (): Promise<{ output: string; errors: LineError[]; documents: number }> => {
        if (!pool || batch.bytes.length < SMALL_BATCH_BYTES) return analyzeJsonlHere(await prepareLocal(), batch.bytes, batch.firstLine, settings.resolved);
        const { parts, firstLines } = splitBatch(batch, settings.threads);
        const result = await pool.analyzeJsonl(parts, firstLines, settings.options, await prepareLocal());
        return { output: result.outputs.join(''), errors: result.errors, documents: result.documents };
      };
      const current = run();
      // Write the previous batch while this one is analysed, then this one.
      await previous;
      if (failed) break;
      previous = current.then(async (result) => {
        const errors = [...lineErrors, ...result.errors].sort((a, b) => a.line - b.line);
        const firstBad = settings.strict ? errors.find((e) => !e.warning) : undefined;
        if (firstBad) {
          // --strict: the documents before the bad line are written (their keywords were ranked
          // against the whole batch), then the run stops.
          report(errors.filter((e) => e.line <= firstBad.line));
          const keep = documentsBefore(batch, firstBad.line);
          await write(io.stdout, firstLinesOf(result.output, keep));
          documents += keep;
          failed = true;
          return;
        }
        report(errors);
        await write(io.stdout, result.output);
        documents += result.documents;
        if (settings.progress) {
          const seconds = (Date.now() - started) / 1000;
          io.stderr.write(`\rtrebuchet: nlp analyze: ${documents} documents, ${Math.round(documents / Math.max(seconds, 1e-3))} docs/s `);
        }
      });
    }
    await previous;
  } finally {
    await pool?.close();
  }
  if (settings.progress) io.stderr.write('\n');
  if (failed) {
    io.stderr.write(`trebuchet: nlp analyze: stopped at the first bad line (--strict) after ${documents} document${documents === 1 ? '' : 's'}\n`);
    return 1;
  }
  if (badLines > 0) io.stderr.write(`trebuchet: nlp analyze: ${documents} documents analysed, ${badLines} bad line${badLines === 1 ? '' : 's'} skipped\n`);
  // Nothing usable at all (binary data, another format): a failure, not a run with skipped lines.
  return documents === 0 && badLines > 0 ? 1 : 0;
}

/** Bytes of input when known (files, or stdin redirected from a file); Infinity for pipes. */
function inputSize(files: string[], stdin: Io['stdin']): number {
  try {
    if (files.length === 0 || files.includes('-')) {
      const fd = stdin.fd ?? 0;
      const stat = fstatSync(fd);
      if (!stat.isFile()) return Infinity;
      return stat.size + files.filter((f) => f !== '-').reduce((sum, f) => sum + statSync(f).size, 0);
    }
    return files.reduce((sum, f) => sum + statSync(f).size, 0);
  } catch {
    return Infinity;
  }
}

/** Adds `nlp analyze` to a commander program. */
export function addNlpCommands(program: Command, run: (action: () => Promise<number>) => Promise<void>): void {
  const nlp = program.command('nlp').description('text analytics (Gospel): sentiment, keywords, language, readability');
  nlp
    .command('analyze')
    .description('analyse JSON Lines {"id", "text"} from files or stdin; one JSON line of results per document on stdout')
    .argument('[files...]', 'JSON Lines files ("-" or none: standard input)')
    .addOption(new Option('--keywords <n>', 'keywords per document (0–100)').default(undefined, '10'))
    .addOption(new Option('--threads <n>', 'worker threads').default(undefined, 'cores, at most 8'))
    .addOption(new Option('--only <sections>', `comma-separated sections to compute: ${SECTIONS.join(',')}`).default(undefined, 'all but tokens'))
    .addOption(new Option('--batch <n>', 'documents per TF-IDF batch (keywords are ranked within a batch)').default(undefined, String(DEFAULT_BATCH)))
    .option('--strict', 'stop with exit code 1 at the first bad line (default: report it on stderr and go on)')
    .option('--progress', 'a progress line on stderr (default when stderr is a terminal)')
    .option('--no-progress', 'no progress line on stderr')
    .action((files: string[], flags: NlpAnalyzeFlags) =>
      run(() => runNlpAnalyze(files, flags, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr })),
    );
}
