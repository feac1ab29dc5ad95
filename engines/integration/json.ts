// Combine's JSON sources and sinks: JSON Lines (one object per line) and a top-level JSON array of
// objects, read as typed RecordBatches in constant memory (the array is cut into elements by a
// small resumable scanner and each element is JSON.parsed on its own), and written back.
import { basename } from 'node:path';
import { InvalidInputError } from '../errors.ts';
import { textChunks, openSink } from './csv.ts';
import { FIELD_TYPES, formatTimestamp, parseBoolSpan, parseFloatSpan, parseIntSpan, parseTimestampSpan, quoteValue } from './infer.ts';
import type { FieldType, RecordBatch, Schema, Value } from './table.ts';

/** Options of readJsonLines and readJsonArray. */
export interface JsonOptions {
  /** Declared types by field name; the others are inferred from the first inferRows records. */
  types?: Record<string, FieldType>;
  /** Only these fields, in this order; other keys are ignored. */
  select?: string[];
  /** Rows per batch; default 65536. */
  batchRows?: number;
  /** Records sampled for the field list and the types; default 1000, at least 1. */
  inferRows?: number;
  /** Longest record (line or array element), in characters; default 64 MiB. */
  maxRecordBytes?: number;
  /** Name in error messages; default the file's base name. */
  name?: string;
  /** Bytes read at a time from a file; default 1 MiB. */
  chunkSize?: number;
}

export type JsonErrorReason =
  | 'bad-json'
  | 'not-an-object'
  | 'not-an-array'
  | 'unterminated'
  | 'empty'
  | 'unknown-field'
  | 'bad-value'
  | 'record-too-large'
  | 'bad-option';

export interface JsonErrorDetails {
  file?: string;
  /** 1-based line where the record starts. */
  line?: number;
  field?: string;
  value?: string;
  type?: FieldType;
  reason: JsonErrorReason;
}

/** Input that is not valid JSON for the options; the message names the file and line. */
export class JsonError extends InvalidInputError {
  declare readonly details: JsonErrorDetails & Record<string, unknown>;
  constructor(message: string, details: JsonErrorDetails) {
    super(message, Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)));
  }
}

type Input = string | NodeJS.ReadableStream;

interface Resolved {
  types: Record<string, FieldType>;
  select: string[] | undefined;
  batchRows: number;
  inferRows: number;
  maxRecord: number;
  chunkSize: number;
  label: string;
  file: string | undefined;
}

function optionError(message: string): JsonError {
  return new JsonError(`json: ${message}`, { reason: 'bad-option' });
}

function intOption(v: number | undefined, name: string, dflt: number, min: number): number {
  if (v === undefined) return dflt;
  if (!Number.isInteger(v) || v < min) throw optionError(`${name} must be an integer ≥ ${min}, found ${String(v)}`);
  return v;
}

function resolve(input: Input, o: JsonOptions): Resolved {
  const types = o.types ?? {};
  for (const [name, type] of Object.entries(types)) {
    if (!FIELD_TYPES.includes(type)) throw optionError(`field ${JSON.stringify(name)}: unknown type ${JSON.stringify(type)}`);
  }
  if (o.select !== undefined && new Set(o.select).size !== o.select.length) throw optionError('select names a field twice');
  const file = o.name ?? (typeof input === 'string' ? basename(input) : undefined);
  return {
    types,
    select: o.select,
    batchRows: intOption(o.batchRows, 'batchRows', 65536, 1),
    inferRows: intOption(o.inferRows, 'inferRows', 1000, 1),
    maxRecord: intOption(o.maxRecordBytes, 'maxRecordBytes', 64 * 1024 * 1024, 1),
    chunkSize: intOption(o.chunkSize, 'chunkSize', 1 << 20, 1),
    label: file === undefined ? 'json' : `json ${file}`,
    file,
  };
}

/**
 * Reads JSON Lines: one object per line; blank lines are skipped. The fields are those of
 * `select`, or else the keys seen in the first `inferRows` records (in order of appearance) plus
 * any declared in `types`; a later record with a key outside them is an 'unknown-field' error
 * naming the line (with `select`, other keys are ignored). Missing keys are null, and so is a
 * selected field that never appears.
 *
 * Types are declared or inferred from the JSON values: safe integers → int, other numbers → float,
 * booleans → bool, strings → string, or timestamp when every non-empty one is ISO-8601; mixed
 * kinds, nested objects and arrays → string (nested values as JSON text). A declared type also
 * takes its text form ("42" for int) and, for timestamps, epoch milliseconds. A float column whose
 * values are all whole reads back as int unless declared. Zero records give no batch unless the
 * fields are known from `select` or `types` (then one empty batch carries the schema).
 */
export function readJsonLines(input: Input, options: JsonOptions = {}): AsyncIterable<RecordBatch> {
  const o = resolve(input, options);
  return linesBatches(input, o);
}

/**
 * Reads a top-level JSON array of objects, incrementally: each element is cut out by a scanner and
 * JSON.parsed alone, so memory stays bounded by the batch and the longest element. Fields, types
 * and errors as readJsonLines; a record's line is the line where its element starts.
 */
export function readJsonArray(input: Input, options: JsonOptions = {}): AsyncIterable<RecordBatch> {
  const o = resolve(input, options);
  return arrayBatches(input, o);
}

async function* linesBatches(input: Input, o: Resolved): AsyncGenerator<RecordBatch> {
  const builder = new RecordBuilder(o);
  // The start of the current line: chunks without a line feed wait in `pending` and are joined
  // once, so a long line costs linear time.
  let pending: string[] = [];
  let pendingLen = 0;
  let line = 1;
  for await (const chunk of textChunks(input, o.chunkSize)) {
    let nl = chunk.indexOf('\n');
    if (nl < 0) {
      pending.push(chunk);
      pendingLen += chunk.length;
      if (pendingLen > o.maxRecord) throw tooLarge(o, line);
      continue;
    }
    let pos = 0;
    if (pending.length > 0) {
      pending.push(chunk.slice(0, nl));
      const text = pending.join('');
      pending = [];
      pendingLen = 0;
      if (text.length > o.maxRecord) throw tooLarge(o, line);
      parseLine(text, 0, text.length, line++, builder, o);
      pos = nl + 1;
      nl = chunk.indexOf('\n', pos);
    }
    while (nl >= 0) {
      if (nl - pos > o.maxRecord) throw tooLarge(o, line);
      parseLine(chunk, pos, nl, line++, builder, o);
      pos = nl + 1;
      nl = chunk.indexOf('\n', pos);
    }
    if (pos < chunk.length) {
      pending.push(chunk.slice(pos));
      pendingLen = chunk.length - pos;
      if (pendingLen > o.maxRecord) throw tooLarge(o, line);
    }
    yield* builder.take();
  }
  if (pending.length > 0) {
    const text = pending.join('');
    parseLine(text, 0, text.length, line, builder, o);
  }
  builder.end();
  yield* builder.take();
}

function tooLarge(o: Resolved, line: number): JsonError {
  return new JsonError(`${o.label}: line ${line}: record longer than maxRecordBytes (${o.maxRecord})`, { file: o.file, line, reason: 'record-too-large' });
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

function parseLine(text: string, start: number, end: number, line: number, builder: RecordBuilder, o: Resolved): void {
  let s = start;
  while (s < end && isBlank(text.charCodeAt(s))) s++;
  if (s === end) return;
  addParsed(text.slice(s, end), line, builder, o);
}

function addParsed(json: string, line: number, builder: RecordBuilder, o: Resolved): void {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    const why = (err as Error).message.split('\n')[0];
    throw new JsonError(`${o.label}: line ${line}: not valid JSON (${why})`, { file: o.file, line, reason: 'bad-json' });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    throw new JsonError(`${o.label}: line ${line}: expected an object, found ${kind}`, { file: o.file, line, reason: 'not-an-object' });
  }
  builder.add(value as Record<string, unknown>, line);
}

// Scanner states for readJsonArray.
const S_BEFORE = 0; // before '['
const S_FIRST = 1; // after '[': an element or ']'
const S_ELEMENT = 2; // inside an element
const S_NEXT = 3; // after ',': an element
const S_AFTER = 4; // after ']': only whitespace

async function* arrayBatches(input: Input, o: Resolved): AsyncGenerator<RecordBatch> {
  const builder = new RecordBuilder(o);
  let state = S_BEFORE;
  let line = 1;
  let depth = 0;
  let inString = false;
  let escape = false;
  // The current element: pieces from earlier chunks, its start line.
  let pieces: string[] = [];
  let piecesLen = 0;
  let elementLine = 0;
  const fail = (reason: JsonErrorReason, at: number, message: string): JsonError =>
    new JsonError(`${o.label}: line ${at}: ${message}`, { file: o.file, line: at, reason });
  const finish = (text: string, start: number, end: number): void => {
    let json = text.slice(start, end);
    if (pieces.length > 0) {
      pieces.push(json);
      json = pieces.join('');
      pieces = [];
      piecesLen = 0;
    }
    if (json.length > o.maxRecord) throw tooLarge(o, elementLine);
    addParsed(json, elementLine, builder, o);
  };
  for await (const text of textChunks(input, o.chunkSize)) {
    const len = text.length;
    let start = 0; // of the element part in this chunk
    for (let i = 0; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      if (state === S_ELEMENT) {
        if (inString) {
          if (escape) escape = false;
          else if (c === 92) escape = true;
          else if (c === 34) inString = false;
          continue;
        }
        if (c === 34) inString = true;
        else if (c === 123 || c === 91) depth++;
        else if (c === 125) depth--;
        else if (c === 93) {
          if (depth === 0) {
            finish(text, start, i);
            state = S_AFTER;
          } else depth--;
        } else if (c === 44 && depth === 0) {
          finish(text, start, i);
          state = S_NEXT;
        }
        continue;
      }
      if (isBlank(c)) continue;
      if (state === S_BEFORE) {
        if (c !== 91) throw fail('not-an-array', line, `expected a JSON array of objects, found ${quoteValue(text.charAt(i))} first`);
        state = S_FIRST;
      } else if (state === S_FIRST || state === S_NEXT) {
        if (c === 93) {
          if (state === S_NEXT) throw fail('bad-json', line, 'not valid JSON (a comma before the closing bracket)');
          state = S_AFTER;
          continue;
        }
        state = S_ELEMENT;
        start = i;
        elementLine = line;
        depth = 0;
        i--; // scan this character again, as part of the element
      } else {
        throw fail('bad-json', line, `not valid JSON (${quoteValue(text.charAt(i))} after the closing bracket)`);
      }
    }
    if (state === S_ELEMENT) {
      pieces.push(text.slice(start));
      piecesLen += len - start;
      if (piecesLen > o.maxRecord) throw tooLarge(o, elementLine);
    }
    yield* builder.take();
  }
  if (state === S_BEFORE) throw fail('empty', line, 'empty input, expected a JSON array');
  if (state !== S_AFTER) throw fail('unterminated', state === S_ELEMENT ? elementLine : line, 'the array is never closed (input ends inside it)');
  builder.end();
  yield* builder.take();
}

const ON_PROTOTYPE = (name: string): boolean => name in Object.prototype;

/**
 * Turns parsed objects into batches: holds the first inferRows to fix the fields and types, then
 * converts each object as it comes.
 */
class RecordBuilder {
  private readonly o: Resolved;
  private sample: { obj: Record<string, unknown>; line: number }[] = [];
  private schema: Schema | undefined;
  private names: string[] = [];
  private types: FieldType[] = [];
  /** Field names that an object's prototype also answers to: read with hasOwn. */
  private guarded: boolean[] = [];
  private index = new Map<string, number>();
  private cols: Value[][] = [];
  private rows = 0;
  private emitted = 0;
  private outbox: RecordBatch[] = [];

  constructor(o: Resolved) {
    this.o = o;
  }

  add(obj: Record<string, unknown>, line: number): void {
    if (this.schema === undefined) {
      this.sample.push({ obj, line });
      if (this.sample.length >= this.o.inferRows) this.fix();
      return;
    }
    this.convert(obj, line);
  }

  end(): void {
    if (this.schema === undefined) this.fix();
    if (this.rows > 0 || (this.emitted === 0 && this.names.length > 0)) this.flush();
  }

  take(): RecordBatch[] {
    const out = this.outbox;
    this.outbox = [];
    return out;
  }

  /** Fixes the fields and types from the sample, then converts the sample. */
  private fix(): void {
    const o = this.o;
    let names = o.select;
    if (names === undefined) {
      const seen = new Set<string>();
      for (const { obj } of this.sample) for (const k of Object.keys(obj)) seen.add(k);
      for (const k of Object.keys(o.types)) seen.add(k);
      names = [...seen];
    }
    this.names = names;
    this.guarded = names.map(ON_PROTOTYPE);
    this.index = new Map(names.map((n, i) => [n, i]));
    this.types = names.map((name, i) => {
      const declared = Object.hasOwn(o.types, name) ? o.types[name] : undefined;
      if (declared !== undefined) return declared;
      return inferJsonType(this.sample.map(({ obj }) => this.read(obj, i)));
    });
    this.schema = { fields: names.map((name, i) => ({ name, type: this.types[i] as FieldType })) };
    this.cols = names.map(() => []);
    const sample = this.sample;
    this.sample = [];
    for (const { obj, line } of sample) this.convert(obj, line);
  }

  private read(obj: Record<string, unknown>, i: number): unknown {
    const name = this.names[i] as string;
    if (this.guarded[i] && !Object.hasOwn(obj, name)) return undefined;
    return obj[name];
  }

  private convert(obj: Record<string, unknown>, line: number): void {
    const o = this.o;
    if (o.select === undefined) {
      for (const k in obj) {
        if (!this.index.has(k))
          throw new JsonError(
            `${o.label}: line ${line}: unknown field ${JSON.stringify(k)} (the fields come from the first ${o.inferRows} records: raise inferRows, or declare it in types)`,
            { file: o.file, line, field: k, reason: 'unknown-field' },
          );
      }
    }
    const n = this.names.length;
    const row = this.rows;
    for (let i = 0; i < n; i++) {
      const raw = this.read(obj, i);
      const type = this.types[i] as FieldType;
      const v = jsonValue(raw, type);
      if (v === undefined) {
        const name = this.names[i] as string;
        const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
        throw new JsonError(`${o.label}: line ${line}: field ${JSON.stringify(name)}: cannot read ${quoteValue(text)} as ${type}`, {
          file: o.file,
          line,
          field: name,
          value: text.length > 100 ? `${text.slice(0, 100)}…` : text,
          type,
          reason: 'bad-value',
        });
      }
      (this.cols[i] as Value[])[row] = v;
    }
    this.rows = row + 1;
    if (this.rows >= o.batchRows) this.flush();
  }

  private flush(): void {
    this.outbox.push({ schema: this.schema as Schema, columns: this.cols, length: this.rows });
    this.emitted++;
    this.cols = this.names.map(() => []);
    this.rows = 0;
  }
}

/**
 * A JSON value as `type`; undefined when it is not one. Null, a missing key and (for non-string
 * types) '' are null; text is read by the CSV rules; a timestamp may also be epoch milliseconds.
 */
export function jsonValue(v: unknown, type: FieldType): Value | undefined {
  if (v === null || v === undefined) return null;
  if (type === 'string') return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (typeof v === 'string') {
    const n = v.length;
    if (n === 0) return null;
    if (type === 'int') return parseIntSpan(v, 0, n);
    if (type === 'float') return parseFloatSpan(v, 0, n);
    if (type === 'bool') return parseBoolSpan(v, 0, n);
    return parseTimestampSpan(v, 0, n);
  }
  if (typeof v === 'number') {
    if (type === 'int') return Number.isSafeInteger(v) ? v : undefined;
    if (type === 'float') return v;
    if (type === 'timestamp') return Number.isFinite(v) ? v : undefined;
    return undefined;
  }
  if (typeof v === 'boolean') return type === 'bool' ? v : undefined;
  return undefined;
}

/** The type of a field from its sampled JSON values (see readJsonLines). */
export function inferJsonType(values: readonly unknown[]): FieldType {
  let ints = 0;
  let floats = 0;
  let bools = 0;
  let strings = 0;
  let timestamps = 0;
  let nonEmpty = 0;
  let other = 0;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'number') {
      if (Number.isSafeInteger(v)) ints++;
      else floats++;
    } else if (typeof v === 'boolean') bools++;
    else if (typeof v === 'string') {
      strings++;
      if (v.length > 0) {
        nonEmpty++;
        if (parseTimestampSpan(v, 0, v.length) !== undefined) timestamps++;
      }
    } else other++;
  }
  const numbers = ints + floats;
  if (other > 0) return 'string';
  if (numbers > 0 && bools === 0 && strings === 0) return floats > 0 ? 'float' : 'int';
  if (bools > 0 && numbers === 0 && strings === 0) return 'bool';
  if (strings > 0 && numbers === 0 && bools === 0 && nonEmpty > 0 && timestamps === nonEmpty) return 'timestamp';
  return 'string';
}

// ---- writing ----------------------------------------------------------------------------------

const WRITE_CHUNK = 1 << 20;

/** One row as a JSON object text, keys in schema order; nulls are kept as null. */
function rowWriter(schema: Schema): (columns: Value[][], r: number) => string {
  const keys = schema.fields.map((f, i) => `${i === 0 ? '{' : ','}${JSON.stringify(f.name)}:`);
  const types = schema.fields.map((f) => f.type);
  const n = keys.length;
  return (columns, r) => {
    if (n === 0) return '{}';
    let s = '';
    for (let i = 0; i < n; i++) {
      s += keys[i] as string;
      const v = (columns[i] as Value[])[r] ?? null;
      if (v === null) s += 'null';
      else if (typeof v === 'string') s += JSON.stringify(v);
      else if (typeof v === 'number') {
        if (!Number.isFinite(v)) s += 'null';
        else if (types[i] === 'timestamp') s += `"${formatTimestamp(v)}Z"`;
        else s += String(v);
      } else s += v ? 'true' : 'false';
    }
    return `${s}}`;
  };
}

async function writeJson(
  batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
  output: string | NodeJS.WritableStream,
  array: boolean,
): Promise<{ rows: number; bytes: number }> {
  const sink = await openSink(output);
  try {
    let rows = 0;
    let text = array ? '[' : '';
    let lastSchema: Schema | undefined;
    let write: ((columns: Value[][], r: number) => string) | undefined;
    for await (const batch of batches) {
      if (batch.schema !== lastSchema) {
        lastSchema = batch.schema;
        write = rowWriter(batch.schema);
      }
      const w = write as (columns: Value[][], r: number) => string;
      for (let r = 0; r < batch.length; r++) {
        if (array) text += rows + r === 0 ? '\n' : ',\n';
        text += w(batch.columns, r);
        if (!array) text += '\n';
        if (text.length >= WRITE_CHUNK) {
          await sink.write(text);
          text = '';
        }
      }
      rows += batch.length;
    }
    if (array) text += rows === 0 ? ']\n' : '\n]\n';
    await sink.write(text);
    await sink.commit();
    return { rows, bytes: sink.bytes };
  } catch (err) {
    await sink.abort();
    throw err;
  }
}

/**
 * Writes batches as JSON Lines, one object per row with every field (nulls as null), to a path
 * (through a temporary file, renamed at the end) or a stream (not ended). Timestamps are ISO-8601
 * strings in UTC with a `Z`; NaN and infinities, which JSON lacks, are null.
 */
export async function writeJsonLines(
  batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
  output: string | NodeJS.WritableStream,
): Promise<{ rows: number; bytes: number }> {
  return writeJson(batches, output, false);
}

/** Writes batches as one JSON array of objects, one per line; otherwise as writeJsonLines. */
export async function writeJsonArray(
  batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
  output: string | NodeJS.WritableStream,
): Promise<{ rows: number; bytes: number }> {
  return writeJson(batches, output, true);
}
