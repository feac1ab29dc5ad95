// JSON Lines in and out: `{"id": …, "text": …}` per input line, one result object per output line.
// Parsing happens in the worker that analyses the lines, so the coordinating thread only moves bytes.
import { isUtf8 } from 'node:buffer';
import { BatchPart, type PartTerms } from './batch.ts';
import type { Gospel, ResolvedOptions } from './engine.ts';
import type { Analysis } from './types.ts';

/** A line that could not be analysed; `line` is 1-based in the whole input. */
export interface LineError {
  line: number;
  message: string;
  /** Warnings (e.g. invalid UTF-8 replaced) do not drop the line. */
  warning?: boolean;
}

/** A document parsed from a line. */
export interface LineDocument {
  id: unknown;
  text: string;
  line: number;
}

/**
 * Parses the complete lines in `bytes` (line `firstLine` first). Blank lines are skipped; lines
 * that are not a JSON object with a string `text` become errors; a missing `id` becomes the line
 * number. Invalid UTF-8 is decoded with U+FFFD and reported as a warning.
 */
export function parseLines(bytes: Uint8Array, firstLine: number, onDocument: (doc: LineDocument) => void, errors: LineError[]): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Lines with invalid UTF-8 get a warning only if they are analysed; a line that is not JSON
  // anyway (binary junk) gets that one error.
  const invalidUtf8 = isUtf8(buffer) ? undefined : invalidUtf8Lines(buffer, firstLine);
  const text = buffer.toString('utf8');
  let line = firstLine;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const doc = parseLine(text, start, end, line, errors);
    if (doc) {
      if (invalidUtf8?.has(line)) errors.push({ line, message: 'invalid UTF-8 replaced by U+FFFD', warning: true });
      onDocument(doc);
    }
    start = end + 1;
    line++;
  }
}

function parseLine(text: string, start: number, end: number, line: number, errors: LineError[]): LineDocument | undefined {
  let s = start;
  while (s < end && isBlank(text.charCodeAt(s))) s++;
  if (s === end) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text.slice(s, end));
  } catch (err) {
    errors.push({ line, message: `not valid JSON (${(err as Error).message.split('\n')[0]})` });
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    errors.push({ line, message: `expected a JSON object with "text", found ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}` });
    return undefined;
  }
  const record = value as { id?: unknown; text?: unknown };
  if (!('text' in record)) {
    errors.push({ line, message: 'missing "text"' });
    return undefined;
  }
  if (typeof record.text !== 'string') {
    errors.push({ line, message: `"text" must be a string, found ${record.text === null ? 'null' : typeof record.text}` });
    return undefined;
  }
  return { id: record.id === undefined ? line : record.id, text: record.text, line };
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 0xfeff;
}

function invalidUtf8Lines(buffer: Buffer, firstLine: number): Set<number> {
  const lines = new Set<number>();
  let line = firstLine;
  let start = 0;
  while (start < buffer.length) {
    let end = buffer.indexOf(10, start);
    if (end < 0) end = buffer.length;
    if (!isUtf8(buffer.subarray(start, end))) lines.add(line);
    start = end + 1;
    line++;
  }
  return lines;
}

/**
 * One output line (without the newline): `id`, then the sections present, in a fixed order:
 * language, sentiment, keywords, readability, stats, sentences, tokens. Sentiment and keywords are
 * written by hand (they are on every line of the common jobs and JSON.stringify of the nested
 * objects cost a tenth of a run); keyword terms need no escaping: they are made of letters, digits,
 * apostrophes, hyphens, periods and single spaces (see the tokenizer).
 */
export function formatLine(id: unknown, a: Analysis): string {
  let out = `{"id":${JSON.stringify(id) ?? 'null'}`;
  if (a.language) out += `,"language":{"code":"${a.language.code}","confidence":${a.language.confidence}}`;
  const s = a.sentiment;
  if (s) out += `,"sentiment":{"compound":${s.compound},"positive":${s.positive},"negative":${s.negative},"neutral":${s.neutral},"label":"${s.label}"}`;
  if (a.keywords) {
    out += ',"keywords":[';
    for (let k = 0; k < a.keywords.length; k++) {
      const kw = a.keywords[k]!;
      out += `${k === 0 ? '' : ','}{"term":"${kw.term}","score":${kw.score}}`;
    }
    out += ']';
  }
  if (a.readability) out += `,"readability":${JSON.stringify(a.readability)}`;
  if (a.stats) out += `,"stats":${JSON.stringify(a.stats)}`;
  if (a.sentences) out += `,"sentences":${JSON.stringify(a.sentences)}`;
  if (a.tokens) out += `,"tokens":${JSON.stringify(a.tokens)}`;
  return `${out}}`;
}

/**
 * Analyses JSON Lines on this thread (one part, no workers): output lines, bad lines, document
 * count. A batch of one document gets RAKE keyphrases, as `analyze` gives (TF-IDF over one document
 * would rank every term alike).
 */
export function analyzeJsonlHere(
  gospel: Gospel,
  bytes: Uint8Array,
  firstLine: number,
  options: ResolvedOptions,
): { output: string; errors: LineError[]; documents: number } {
  const part = new BatchPart(gospel, options);
  const ids: unknown[] = [];
  const errors: LineError[] = [];
  let first: string | undefined;
  parseLines(bytes, firstLine, (doc) => {
    ids.push(doc.id);
    if (ids.length === 1) first = doc.text;
    else {
      if (ids.length === 2) part.add(first!);
      part.add(doc.text);
    }
  }, errors);
  if (ids.length === 1) {
    return { output: `${formatLine(ids[0], gospel.analyzeOne(first!, options))}\n`, errors, documents: 1 };
  }
  const results = part.finish();
  return { output: formatLines(ids, results), errors, documents: results.length };
}

/**
 * A part of JSON Lines in the two phases of a batch (see batch.ts): parsed and analysed when
 * made, then `finish` ranks keywords with the batch-wide frequencies and formats the output lines.
 */
export class JsonlPart {
  readonly errors: LineError[] = [];
  readonly terms: PartTerms;
  private readonly part: BatchPart;
  private readonly ids: unknown[] = [];

  constructor(gospel: Gospel, options: ResolvedOptions, bytes: Uint8Array, firstLine: number) {
    this.part = new BatchPart(gospel, options);
    parseLines(bytes, firstLine, (doc) => {
      this.ids.push(doc.id);
      this.part.add(doc.text);
    }, this.errors);
    this.terms = this.part.terms();
  }

  get documents(): number {
    return this.ids.length;
  }

  /** Output lines, given the batch's document count and frequencies aligned with `terms`. */
  finish(documents: number, df: Int32Array): string {
    return formatLines(this.ids, this.part.finish(documents, df));
  }
}

/** Output lines for `results`, each ending in a newline. */
export function formatLines(ids: readonly unknown[], results: readonly Analysis[]): string {
  let output = '';
  for (let d = 0; d < results.length; d++) output += `${formatLine(ids[d], results[d]!)}\n`;
  return output;
}
