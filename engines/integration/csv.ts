// Combine's CSV source and sink: a streaming RFC 4180 reader that turns text into typed,
// column-major RecordBatches in constant memory, and a writer that quotes only when needed.
import { isAscii } from 'node:buffer';
import { once } from 'node:events';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { TextDecoder } from 'node:util';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { FIELD_TYPES, castSpan, formatValue, inferType, parseBoolSpan, parseFloatSpan, parseIntSpan, parseTimestampSpan, quoteValue } from './infer.ts';
import type { FieldType, RecordBatch, Schema, Value } from './table.ts';

/** Options of readCsv. */
export interface CsvOptions {
  /** One character; default ','. */
  delimiter?: string;
  /** One character; default '"'. */
  quote?: string;
  /** Whether the first record names the fields; default true. Without, fields are column_1, column_2, … */
  header?: boolean;
  /** Field names: replace the header's when header is true (same count), or name the fields when false. */
  columns?: string[];
  /** Declared types by field name; the other fields' types are inferred from the first inferRows rows. */
  types?: Record<string, FieldType>;
  /** Rows sampled for inference; default 1000. 0 reads undeclared fields as strings. */
  inferRows?: number;
  /** Only these fields, in this order; the others are scanned past without being converted. */
  select?: string[];
  /** Rows per batch; default 65536. */
  batchRows?: number;
  /** Rows with the wrong field count: 'error' (default), 'pad' (short rows get nulls, long rows are cut), 'skip'. */
  ragged?: 'error' | 'pad' | 'skip';
  /** Longest field, in characters of decoded text (bytes for ASCII); default 64 MiB. Never buffered whole. */
  maxFieldBytes?: number;
  encoding?: 'utf8';
  /** Name in error messages; default the file's base name (streams have none). */
  name?: string;
  /** Bytes read at a time from a file; default 1 MiB. Tests make it tiny to force chunk boundaries. */
  chunkSize?: number;
}

export type CsvErrorReason =
  | 'empty'
  | 'unterminated-quote'
  | 'ragged-row'
  | 'field-too-large'
  | 'bad-value'
  | 'duplicate-header'
  | 'unknown-field'
  | 'bad-option';

/** Details of a CsvError. `column` is the 1-based position of the field in the record. */
export interface CsvErrorDetails {
  file?: string;
  line?: number;
  column?: number;
  field?: string;
  value?: string;
  type?: FieldType;
  reason: CsvErrorReason;
}

/** Input that is not valid CSV for the options; the message names the file and line. */
export class CsvError extends InvalidInputError {
  declare readonly details: CsvErrorDetails & Record<string, unknown>;
  constructor(message: string, details: CsvErrorDetails) {
    super(message, Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)));
  }
}

const LF = 10;
const CR = 13;
const BOM = 0xfeff;
const DEFAULT_CHUNK = 1 << 20;

// Per-field conversion in the row loop. STRING is also the raw form held while inferring.
const K_STRING = 0;
const K_INT = 1;
const K_FLOAT = 2;
const K_BOOL = 3;
const K_TIMESTAMP = 4;
const KIND: Record<FieldType, number> = { string: K_STRING, int: K_INT, float: K_FLOAT, bool: K_BOOL, timestamp: K_TIMESTAMP };

type Input = string | NodeJS.ReadableStream;

/** Decodes `buf[0, end)`, all of it complete UTF-8. */
function decodeUtf8(buf: Buffer, end: number, decoder: TextDecoder): string {
  if (end === 0) return '';
  const bytes = buf.subarray(0, end);
  // An all-ASCII run (the common case, checked with SIMD) is copied as Latin-1, several times
  // faster than a UTF-8 decode. Invalid UTF-8 becomes U+FFFD.
  return isAscii(bytes) ? buf.toString('latin1', 0, end) : decoder.decode(bytes);
}

/** The length of `buf[0, end)` without a trailing incomplete UTF-8 sequence. */
function completeLength(buf: Buffer, end: number): number {
  for (let i = end - 1; i >= 0 && i >= end - 4; i--) {
    const b = buf[i] as number;
    if ((b & 0xc0) === 0x80) continue; // continuation byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return end - i < need ? i : end;
  }
  return end;
}

/** Bytes after the last LF that may wait for the next read; a longer tail goes out undivided. */
const ALIGN_MAX = 1 << 16;

/**
 * Where to cut `buf[0, end)` so the text handed on ends just after a line feed (when the tail
 * after the last one is short) and never inside a UTF-8 sequence. Ending chunks on line ends
 * means a record rarely straddles two chunks, so the parser rarely concatenates text: it works
 * on the flat string the decoder made, whose characters V8 reads fastest.
 */
function cutPoint(buf: Buffer, end: number): number {
  const lf = buf.lastIndexOf(LF, end - 1);
  if (lf >= 0 && end - lf - 1 <= ALIGN_MAX) return lf + 1;
  return completeLength(buf, end);
}

/**
 * The text of a file (by path) or a stream, decoded from UTF-8 in chunks of about `chunkSize`
 * bytes that end on line feeds where possible, with a leading BOM dropped. String chunks of a
 * stream are taken as they are.
 */
export async function* textChunks(input: Input, chunkSize: number = DEFAULT_CHUNK): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let started = false;
  const first = (s: string): string => {
    if (s.length === 0 || started) return s;
    started = true;
    return s.charCodeAt(0) === BOM ? s.slice(1) : s;
  };
  if (typeof input === 'string') {
    let fh: FileHandle;
    try {
      fh = await open(input, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError(`file not found: ${basename(input)}`, { file: basename(input) });
      throw err;
    }
    try {
      // One buffer for all reads (decoded strings are copies); the bytes after the cut move to
      // its start and the next read goes after them.
      const buf = Buffer.allocUnsafe(chunkSize + ALIGN_MAX + 4);
      let have = 0;
      for (;;) {
        const { bytesRead } = await fh.read(buf, have, chunkSize, null);
        const end = have + bytesRead;
        if (bytesRead === 0) {
          const tail = first(decoder.decode(buf.subarray(0, have)));
          if (tail.length > 0) yield tail;
          break;
        }
        const cut = cutPoint(buf, end);
        const s = first(decodeUtf8(buf, cut, decoder));
        buf.copy(buf, 0, cut, end);
        have = end - cut;
        if (s.length > 0) yield s;
      }
    } finally {
      await fh.close();
    }
    return;
  }
  let rest: Buffer | undefined;
  for await (const chunk of input as AsyncIterable<string | Uint8Array>) {
    if (typeof chunk === 'string') {
      if (rest !== undefined) {
        const r = first(decoder.decode(rest));
        rest = undefined;
        if (r.length > 0) yield r;
      }
      const s = first(chunk);
      if (s.length > 0) yield s;
      continue;
    }
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const buf = rest === undefined ? bytes : Buffer.concat([rest, bytes]);
    const cut = cutPoint(buf, buf.length);
    rest = cut < buf.length ? Buffer.from(buf.subarray(cut)) : undefined;
    const s = first(decodeUtf8(buf, cut, decoder));
    if (s.length > 0) yield s;
  }
  if (rest !== undefined) {
    const s = first(decoder.decode(rest));
    if (s.length > 0) yield s;
  }
}

interface Resolved {
  delimiter: number;
  delimiterChar: string;
  quote: number;
  quoteChar: string;
  header: boolean;
  columns: string[] | undefined;
  types: Record<string, FieldType>;
  inferRows: number;
  select: string[] | undefined;
  batchRows: number;
  ragged: 'error' | 'pad' | 'skip';
  maxField: number;
  label: string;
  file: string | undefined;
  chunkSize: number;
}

function optionError(message: string): CsvError {
  return new CsvError(`csv: ${message}`, { reason: 'bad-option' });
}

function positiveInt(v: number | undefined, name: string, dflt: number, min: number): number {
  if (v === undefined) return dflt;
  if (!Number.isInteger(v) || v < min) throw optionError(`${name} must be an integer ≥ ${min}, found ${String(v)}`);
  return v;
}

function resolve(input: Input, o: CsvOptions): Resolved {
  const delimiterChar = o.delimiter ?? ',';
  const quoteChar = o.quote ?? '"';
  if (delimiterChar.length !== 1 || delimiterChar === '\n' || delimiterChar === '\r')
    throw optionError(`delimiter must be one character other than a line break, found ${JSON.stringify(delimiterChar)}`);
  if (quoteChar.length !== 1 || quoteChar === '\n' || quoteChar === '\r' || quoteChar === delimiterChar)
    throw optionError(`quote must be one character other than a line break and the delimiter, found ${JSON.stringify(quoteChar)}`);
  if (o.encoding !== undefined && o.encoding !== 'utf8') throw optionError(`unsupported encoding ${JSON.stringify(o.encoding)}`);
  const ragged = o.ragged ?? 'error';
  if (ragged !== 'error' && ragged !== 'pad' && ragged !== 'skip') throw optionError(`ragged must be 'error', 'pad' or 'skip', found ${JSON.stringify(ragged)}`);
  const types = o.types ?? {};
  for (const [name, type] of Object.entries(types)) {
    if (!FIELD_TYPES.includes(type)) throw optionError(`field ${JSON.stringify(name)}: unknown type ${JSON.stringify(type)}`);
  }
  const file = typeof input === 'string' ? basename(input) : undefined;
  const label = o.name ?? file;
  return {
    delimiter: delimiterChar.charCodeAt(0),
    delimiterChar,
    quote: quoteChar.charCodeAt(0),
    quoteChar,
    header: o.header ?? true,
    columns: o.columns,
    types,
    inferRows: positiveInt(o.inferRows, 'inferRows', 1000, 0),
    select: o.select,
    batchRows: positiveInt(o.batchRows, 'batchRows', 65536, 1),
    ragged,
    maxField: positiveInt(o.maxFieldBytes, 'maxFieldBytes', 64 * 1024 * 1024, 1),
    label: label === undefined ? 'csv' : `csv ${label}`,
    file: o.name ?? file,
    chunkSize: positiveInt(o.chunkSize, 'chunkSize', DEFAULT_CHUNK, 1),
  };
}

/**
 * Reads CSV (RFC 4180, leniently) from a file path or a stream as RecordBatches of at most
 * batchRows rows, in constant memory. Types are declared (`types`) or inferred from the first
 * `inferRows` rows; a later value that does not fit an inferred type is a 'bad-value' error.
 *
 * Decisions: a BOM is dropped; `\r\n`, `\n` and a lone `\r` end records; whitespace is kept; a
 * quote inside an unquoted field is literal, and text after a closing quote is appended to the
 * field (`"ab"cd` is `abcd`), as Python's csv does. An unquoted empty field is null, a quoted one
 * (`""`) is the empty string for string fields and null otherwise. Blank lines before the header
 * and at the end are ignored; a blank line in between is a one-field record (a null row in a
 * one-column file, else a ragged row). A header-only input gives one empty batch carrying the
 * schema; an empty input is an 'empty' error. `select` gives the fields in its own order.
 *
 * Option errors are thrown by this call; input errors (CsvError) by the iteration.
 */
export function readCsv(input: Input, options: CsvOptions = {}): AsyncIterable<RecordBatch> {
  const o = resolve(input, options);
  return readBatches(input, o);
}

async function* readBatches(input: Input, o: Resolved): AsyncGenerator<RecordBatch> {
  const parser = new CsvParser(o);
  for await (const chunk of textChunks(input, o.chunkSize)) {
    parser.push(chunk);
    yield* parser.take();
  }
  parser.end();
  yield* parser.take();
}

/** The result of scanning one record field by field (the header, or the first row's width). */
interface ScannedRecord {
  values: string[];
  end: number;
  lines: number;
}

/**
 * The incremental parser behind readCsv: push() text as it arrives, end() at EOF, take() the
 * batches finished so far.
 *
 * Why strings rather than Buffers: each chunk of bytes is decoded once (an ASCII chunk is copied
 * as Latin-1, ~1 ms per 15 MB), then field ends are found with String indexOf (memchr) and string
 * fields cut with slice, which the JIT inlines: ~9× faster than a native Buffer latin1Slice call
 * per field. Numbers, booleans and timestamps are parsed in place, without a substring; unselected
 * fields are only skipped. What remains is mostly the garbage collector copying the new strings,
 * which interning low-cardinality columns and keeping numeric columns unboxed reduce. Records are
 * parsed whole: one split by a chunk boundary is parsed again from its start once the next chunk
 * arrives (push() keeps that linear), and file chunks end on line feeds so that this is rare.
 */
class CsvParser {
  private readonly o: Resolved;
  private state: 'header' | 'rows' = 'header';
  /** Physical line (1-based) where the next record starts. */
  private line = 1;
  private nFields = 0;
  private names: string[] = [];
  /** Per record field: its output column, or −1 when not selected. */
  private target = new Int32Array(0);
  /** Per record field: K_* conversion. */
  private kind = new Uint8Array(0);
  /** Per output column: its record field. */
  private source: number[] = [];
  private schema: Schema = { fields: [] };
  private inferring = false;
  /** Record line of each buffered row while inferring, for error messages. */
  private rowLines: number[] = [];
  private cols: Value[][] = [];
  /** Per output column: its Interner while that pays, else null. */
  private interners: (Interner | null)[] = [];
  private rows = 0;
  private capacity = 0;
  private emitted = 0;
  private outbox: RecordBatch[] = [];

  // Text not parsed yet: `carry` (the start of an incomplete record) then `pending` chunks.
  private carry = '';
  private pending: string[] = [];
  private pendingLen = 0;
  // What the incomplete record ended in, so a chunk that cannot end it is only counted (push).
  private dirty = true;
  private partialQuoted = false;
  private partialLen = 0;
  private partialLine = 0;
  private partialField = 0;
  // The position caches of parseRows and the current line, handed to and back from quoted(), and
  // the value it parsed.
  private qValue = '';
  private nl = -1;
  private cr = -1;
  private dl = -1;
  private qLine = 0;

  constructor(o: Resolved) {
    this.o = o;
  }

  /** Adds text. */
  push(chunk: string): void {
    if (chunk.length === 0) return;
    if (!this.dirty) {
      // The incomplete record ends in a field still open; a chunk without anything that could
      // close it only makes that field longer, so it is counted rather than parsed: a 2 GB field
      // fails after maxFieldBytes, not after 2 GB.
      if (this.canClose(chunk)) this.dirty = true;
      else {
        this.partialLen += chunk.length;
        if (this.partialLen > this.o.maxField) throw this.fieldTooLarge(this.partialLine, this.partialField);
      }
    }
    this.pending.push(chunk);
    this.pendingLen += chunk.length;
    // Parsing restarts at the incomplete record's start; waiting until the new text is at least
    // as long as the carried one keeps the total work linear however long a record is.
    if (this.dirty && this.pendingLen >= this.carry.length) this.drain(false);
  }

  /** Marks the end of the input: parses what is left. */
  end(): void {
    this.drain(true);
  }

  /** The batches finished so far (each returned once). */
  take(): RecordBatch[] {
    const out = this.outbox;
    this.outbox = [];
    return out;
  }

  private canClose(chunk: string): boolean {
    if (this.partialQuoted) return chunk.indexOf(this.o.quoteChar) >= 0;
    return chunk.indexOf('\n') >= 0 || chunk.indexOf('\r') >= 0 || chunk.indexOf(this.o.delimiterChar) >= 0;
  }

  private drain(final: boolean): void {
    const text = this.pending.length === 0 ? this.carry : this.carry + this.pending.join('');
    this.carry = '';
    this.pending = [];
    this.pendingLen = 0;
    this.dirty = true;
    let pos = 0;
    if (this.state === 'header') {
      pos = this.readHeader(text, final);
      if (pos < 0) {
        this.carry = text;
        return;
      }
    }
    for (;;) {
      pos = this.parseRows(text, pos, final);
      if (this.rows < this.capacity) break;
      this.flush();
    }
    if (!final) {
      if (pos < text.length) this.carry = text.slice(pos);
      return;
    }
    if (this.state === 'rows') {
      if (this.inferring) this.finishInference();
      if (this.rows > 0 || this.emitted === 0) this.flush();
    }
  }

  /**
   * Records where an incomplete record stopped: in field `field` (1-based) opening at `fieldStart`
   * on `line`. A negative `fieldStart` means "parse again on any new text".
   */
  private stopAt(text: string, fieldStart: number, quoted: boolean, line: number, field: number): void {
    if (fieldStart < 0) return; // dirty stays true
    this.dirty = false;
    this.partialQuoted = quoted;
    this.partialLen = text.length - fieldStart;
    this.partialLine = line;
    this.partialField = field;
    if (this.partialLen > this.o.maxField) throw this.fieldTooLarge(line, field);
  }

  // ---- header -------------------------------------------------------------------------------

  /** Parses the header (or measures the first row); the position where rows start, or −1 when incomplete. */
  private readHeader(text: string, final: boolean): number {
    const o = this.o;
    const len = text.length;
    let pos = 0;
    let line = this.line;
    while (pos < len) {
      const c = text.charCodeAt(pos);
      if (c === LF) line++;
      else if (c === CR) {
        if (pos + 1 < len && text.charCodeAt(pos + 1) !== LF) line++;
        else if (pos + 1 >= len && final) line++;
      } else break;
      pos++;
    }
    if (pos >= len) {
      if (!final) return -1;
      if (o.header || o.columns === undefined) throw new CsvError(`${o.label}: empty input${o.header ? ', expected a header' : ''}`, { file: o.file, line, reason: 'empty' });
      this.line = line;
      this.setupFields(o.columns);
      return len;
    }
    const rec = this.scanRecord(text, pos, final, line);
    if (rec === undefined) return -1;
    this.line = line;
    if (o.header) {
      const names = rec.values.map((v, i) => (v === '' ? `column_${i + 1}` : v));
      if (o.columns !== undefined && o.columns.length !== names.length)
        throw new CsvError(`${o.label}: line ${line}: ${o.columns.length} column names given for ${names.length} header fields`, {
          file: o.file,
          line,
          reason: 'ragged-row',
        });
      this.setupFields(o.columns ?? names);
      this.line = line + rec.lines;
      return rec.end;
    }
    this.setupFields(o.columns ?? rec.values.map((_, i) => `column_${i + 1}`));
    return pos;
  }

  /** Scans one record into strings; undefined when the text ends inside it (and more may come). */
  private scanRecord(text: string, pos: number, final: boolean, line: number): ScannedRecord | undefined {
    const o = this.o;
    const len = text.length;
    const D = o.delimiter;
    const values: string[] = [];
    let lines = 0;
    this.nl = -1;
    this.cr = -1;
    this.dl = -1;
    for (;;) {
      let c = text.charCodeAt(pos);
      if (c === o.quote) {
        this.qLine = line + lines;
        const p = this.quoted(text, pos, final, values.length);
        if (p < 0) return undefined;
        values.push(this.qValue);
        lines = this.qLine - line;
        pos = p;
      } else {
        const start = pos;
        while (pos < len) {
          c = text.charCodeAt(pos);
          if (c === D || c === LF || c === CR) break;
          pos++;
        }
        if (pos >= len && !final) {
          this.stopAt(text, start, false, line + lines, values.length + 1);
          return undefined;
        }
        if (pos - start > o.maxField) throw this.fieldTooLarge(line + lines, values.length + 1);
        values.push(text.slice(start, pos));
      }
      c = text.charCodeAt(pos);
      if (c === D) {
        pos++;
        if (pos >= len && !final) {
          this.stopAt(text, -1, false, 0, 0);
          return undefined;
        }
        continue;
      }
      if (c === CR) {
        pos++;
        if (pos >= len && !final) {
          this.stopAt(text, -1, false, 0, 0);
          return undefined;
        }
        if (text.charCodeAt(pos) === LF) pos++;
      } else if (c === LF) pos++;
      return { values, end: pos, lines: lines + 1 };
    }
  }

  private setupFields(names: string[]): void {
    const o = this.o;
    const at = new Map<string, number>();
    names.forEach((name, i) => {
      const prev = at.get(name);
      if (prev !== undefined)
        throw new CsvError(`${o.label}: line ${this.line}: duplicate column name ${JSON.stringify(name)} (columns ${prev + 1} and ${i + 1})`, {
          file: o.file,
          line: this.line,
          column: i + 1,
          field: name,
          reason: 'duplicate-header',
        });
      at.set(name, i);
    });
    const unknown = (name: string, what: string): CsvError =>
      new CsvError(`${o.label}: ${what} names unknown field ${JSON.stringify(name)} (fields: ${names.map((n) => JSON.stringify(n)).join(', ')})`, {
        file: o.file,
        field: name,
        reason: 'unknown-field',
      });
    for (const name of Object.keys(o.types)) if (!at.has(name)) throw unknown(name, 'types');
    const selected = o.select ?? names;
    if (o.select !== undefined) {
      const seen = new Set<string>();
      for (const name of o.select) {
        if (!at.has(name)) throw unknown(name, 'select');
        if (seen.has(name)) throw optionError(`select names ${JSON.stringify(name)} twice`);
        seen.add(name);
      }
    }
    this.names = names;
    this.nFields = names.length;
    this.target = new Int32Array(names.length).fill(-1);
    this.kind = new Uint8Array(names.length);
    this.source = selected.map((name) => at.get(name) as number);
    this.source.forEach((f, t) => (this.target[f] = t));
    const declared = selected.map((name) => (Object.hasOwn(o.types, name) ? o.types[name] : undefined));
    this.inferring = o.inferRows > 0 && declared.some((t) => t === undefined);
    this.schema = { fields: selected.map((name, t) => ({ name, type: declared[t] ?? 'string' })) };
    this.interners = selected.map(() => null);
    if (!this.inferring) this.setKinds();
    this.capacity = this.inferring ? o.inferRows : o.batchRows;
    this.cols = this.inferring ? selected.map(() => []) : this.schema.fields.map((f) => newColumn(f.type, this.capacity));
    this.state = 'rows';
  }

  private setKinds(): void {
    this.schema.fields.forEach((field, t) => (this.kind[this.source[t] as number] = KIND[field.type]));
    this.interners = this.schema.fields.map((field) => (field.type === 'string' ? new Interner() : null));
  }

  // ---- rows ---------------------------------------------------------------------------------

  /**
   * Parses whole records from `pos` until the batch is full or the text ends; returns where it
   * stopped (the start of an incomplete record, or the end).
   *
   * The hot loop, kept small so V8 optimizes it early (rare cases live in other methods). Field
   * ends are found with indexOf (memchr: ~5× faster here than a charCodeAt loop) and the next
   * delimiter, LF and CR positions are cached, so each is searched for once. Values are converted
   * in place and stored at cols[t][row]: a record cut short by the end of the text, or skipped as
   * ragged, is simply overwritten by the next one.
   */
  private parseRows(text: string, pos: number, final: boolean): number {
    const o = this.o;
    const len = text.length;
    const D = o.delimiter;
    const Dc = o.delimiterChar;
    const Q = o.quote;
    const nf = this.nFields;
    const target = this.target;
    const kind = this.kind;
    const cols = this.cols;
    const interners = this.interners;
    const cap = this.capacity;
    const maxField = o.maxField;
    let row = this.rows;
    let line = this.line;
    let dl = -1; // next delimiter at or after pos (len: none)
    let nl = -1; // next LF
    let cr = -1; // next CR
    rows: while (row < cap && pos < len) {
      const rowStart = pos;
      const rowLine = line;
      let c = text.charCodeAt(pos);
      if ((c === LF || c === CR) && this.blankToEnd(text, pos, final)) {
        if (final) pos = len;
        break;
      }
      let f = 0;
      for (;;) {
        if (c === Q) {
          this.nl = nl;
          this.cr = cr;
          this.dl = dl;
          this.qLine = line;
          const p = this.quoted(text, pos, final, f);
          if (p < 0) {
            pos = rowStart;
            line = rowLine;
            break rows;
          }
          nl = this.nl;
          cr = this.cr;
          dl = this.dl;
          line = this.qLine;
          if (f < nf && (target[f] as number) >= 0) this.storeQuoted(f, row, rowLine);
          pos = p;
          c = p < len ? text.charCodeAt(p) : -1;
        } else {
          if (dl < pos) dl = indexOrEnd(text, Dc, pos);
          if (nl < pos) nl = indexOrEnd(text, '\n', pos);
          if (cr < pos) cr = indexOrEnd(text, '\r', pos);
          let end = dl < nl ? dl : nl;
          if (cr < end) end = cr;
          if (end >= len) {
            if (!final) {
              this.stopAt(text, pos, false, line, f + 1);
              pos = rowStart;
              line = rowLine;
              break rows;
            }
            c = -1;
          } else c = text.charCodeAt(end);
          if (end - pos > maxField) throw this.fieldTooLarge(line, f + 1);
          if (f < nf) {
            const t = target[f] as number;
            if (t >= 0) {
              // Each store below is its own site on purpose: V8 widens every array stored through
              // one site to the most general element kind seen there, and numbers must stay
              // unboxed in numeric columns (see newColumn).
              const col = cols[t] as Value[];
              const k = kind[f] as number;
              if (end === pos) col[row] = null;
              else if (k === K_STRING) {
                const it = interners[t] as Interner | null;
                if (it === null) col[row] = text.slice(pos, end);
                else {
                  col[row] = it.get(text, pos, end);
                  if (!it.active) interners[t] = null;
                }
              } else {
                const v = convertSpan(text, pos, end, k);
                if (v === undefined) throw this.badValue(text, pos, end, rowLine, f);
                if (typeof v === 'number') col[row] = v;
                else col[row] = v;
              }
            }
          }
          pos = end;
        }
        f++;
        if (c === D) {
          pos++;
          if (pos >= len && !final) {
            this.stopAt(text, -1, false, 0, 0);
            pos = rowStart;
            line = rowLine;
            break rows;
          }
          c = text.charCodeAt(pos);
          continue;
        }
        if (c === CR) {
          pos++;
          if (pos >= len) {
            if (!final) {
              // The LF of a CRLF may open the next chunk.
              this.stopAt(text, -1, false, 0, 0);
              pos = rowStart;
              line = rowLine;
              break rows;
            }
          } else if (text.charCodeAt(pos) === LF) pos++;
        } else if (c === LF) pos++;
        line++;
        break;
      }
      if (f !== nf && !this.raggedRow(f, row, rowLine)) continue;
      if (this.inferring) this.rowLines.push(rowLine);
      row++;
    }
    this.rows = row;
    this.line = line;
    return pos;
  }

  /**
   * At a line break opening a record: whether only line breaks follow to the end of the input (so
   * they are ignored). When the text ends first and more may come, records that.
   */
  private blankToEnd(text: string, pos: number, final: boolean): boolean {
    const len = text.length;
    let p = pos + 1;
    while (p < len) {
      const d = text.charCodeAt(p);
      if (d !== LF && d !== CR) return false;
      p++;
    }
    if (!final) this.stopAt(text, -1, false, 0, 0);
    return true;
  }

  /** Applies the ragged policy to a record of `found` fields; whether to keep it. */
  private raggedRow(found: number, row: number, line: number): boolean {
    const policy = this.o.ragged;
    if (policy === 'skip') return false;
    if (policy === 'error') throw this.ragged(line, found);
    for (let g = found; g < this.nFields; g++) {
      const t = this.target[g] as number;
      if (t >= 0) (this.cols[t] as Value[])[row] = null;
    }
    return true;
  }

  /**
   * Parses the quoted field (index `f`) opening at `pos` into qValue; returns the position after
   * it, or −1 when the text ends inside it and more may come (recorded by stopAt). Takes the line
   * in qLine and adds the line breaks inside; uses and updates the position caches nl, cr, dl.
   */
  private quoted(text: string, pos: number, final: boolean, f: number): number {
    const o = this.o;
    const len = text.length;
    const Q = o.quote;
    const Qc = o.quoteChar;
    const line = this.qLine;
    let q = pos + 1;
    let seg = q;
    let s = '';
    for (;;) {
      const qi = text.indexOf(Qc, q);
      if (qi < 0) {
        if (final) throw this.unterminated(line, f);
        this.stopAt(text, pos, true, line, f + 1);
        return -1;
      }
      if (qi + 1 >= len && !final) {
        this.stopAt(text, -1, false, 0, 0); // a closing quote, or the first of a doubled pair?
        return -1;
      }
      if (text.charCodeAt(qi + 1) === Q) {
        s += text.slice(seg, qi + 1);
        q = qi + 2;
        seg = q;
        continue;
      }
      s += text.slice(seg, qi);
      q = qi + 1;
      break;
    }
    // Line breaks inside the quotes.
    let nl = this.nl;
    let cr = this.cr;
    let dl = this.dl;
    let lines = 0;
    if (nl < pos) nl = indexOrEnd(text, '\n', pos);
    while (nl < q) {
      lines++;
      nl = indexOrEnd(text, '\n', nl + 1);
    }
    if (cr < pos) cr = indexOrEnd(text, '\r', pos);
    while (cr < q) {
      if (text.charCodeAt(cr + 1) !== LF) lines++;
      cr = indexOrEnd(text, '\r', cr + 1);
    }
    const c = text.charCodeAt(q);
    if (q < len && c !== o.delimiter && c !== LF && c !== CR) {
      // Lenient like Python's csv: text between the closing quote and the delimiter is kept.
      if (dl < q) dl = indexOrEnd(text, o.delimiterChar, q);
      if (nl < q) nl = indexOrEnd(text, '\n', q);
      if (cr < q) cr = indexOrEnd(text, '\r', q);
      let e = dl < nl ? dl : nl;
      if (cr < e) e = cr;
      if (e >= len && !final) {
        this.stopAt(text, -1, false, 0, 0);
        return -1;
      }
      s += text.slice(q, e);
      q = e;
    }
    if (q - pos > o.maxField) throw this.fieldTooLarge(line, f + 1);
    this.nl = nl;
    this.cr = cr;
    this.dl = dl;
    this.qLine = line + lines;
    this.qValue = s;
    return q;
  }

  /** Stores qValue, the text of quoted field `f` (a selected one), in the row. */
  private storeQuoted(f: number, row: number, rowLine: number): void {
    const s = this.qValue;
    const col = this.cols[this.target[f] as number] as Value[];
    const k = this.kind[f] as number;
    if (k === K_STRING) col[row] = s;
    else if (s.length === 0) col[row] = null;
    else {
      const v = convertSpan(s, 0, s.length, k);
      if (v === undefined) throw this.badValue(s, 0, s.length, rowLine, f);
      if (typeof v === 'number') col[row] = v;
      else col[row] = v;
    }
  }

  // ---- batches ------------------------------------------------------------------------------

  /** Emits the rows held as a batch (or, while inferring, ends inference). */
  private flush(): void {
    if (this.inferring) {
      this.finishInference();
      if (this.rows < this.capacity) return;
    }
    const n = this.rows;
    for (const col of this.cols) col.length = n;
    this.outbox.push({ schema: this.schema, columns: this.cols, length: n });
    this.emitted++;
    this.cols = this.schema.fields.map((f) => newColumn(f.type, this.capacity));
    this.rows = 0;
  }

  /** Types the undeclared fields from the rows held as text, casts those rows, and goes on typed. */
  private finishInference(): void {
    const o = this.o;
    const n = this.rows;
    const fields = this.schema.fields.map((field, t) => {
      const col = this.cols[t] as Value[];
      col.length = n;
      if (Object.hasOwn(o.types, field.name)) return field;
      const samples: string[] = [];
      for (const v of col) if (v !== null) samples.push(v as string);
      return { name: field.name, type: inferType(samples) };
    });
    this.schema = { fields };
    fields.forEach((field, t) => {
      const col = this.cols[t] as Value[];
      if (field.type !== 'string')
        for (let i = 0; i < n; i++) {
          const s = col[i] as string | null;
          if (s === null || s.length === 0) {
            col[i] = null;
            continue;
          }
          const v = castSpan(s, 0, s.length, field.type);
          if (v === undefined) throw this.badValue(s, 0, s.length, this.rowLines[i] as number, this.source[t] as number);
          col[i] = v;
        }
      this.cols[t] = copyColumn(col, 0, n, field.type, o.batchRows);
    });
    this.inferring = false;
    this.rowLines = [];
    this.setKinds();
    this.capacity = o.batchRows;
    // Rows beyond a batch (inferRows > batchRows) go out now; the rest start the first batch.
    while (this.rows >= this.capacity) {
      const b = this.capacity;
      const n = this.rows;
      const types = fields.map((f) => f.type);
      const head = this.cols.map((col, t) => copyColumn(col, 0, b, types[t] as FieldType, b));
      this.cols = this.cols.map((col, t) => copyColumn(col, b, n, types[t] as FieldType, b));
      this.outbox.push({ schema: this.schema, columns: head, length: b });
      this.emitted++;
      this.rows -= b;
    }
  }

  // ---- errors -------------------------------------------------------------------------------

  private unterminated(line: number, field: number): CsvError {
    const o = this.o;
    return new CsvError(`${o.label}: line ${line}: unterminated quoted field (field ${field + 1} opens with a quote that is never closed)`, {
      file: o.file,
      line,
      column: field + 1,
      field: this.names[field],
      reason: 'unterminated-quote',
    });
  }

  private fieldTooLarge(line: number, column: number): CsvError {
    const o = this.o;
    return new CsvError(`${o.label}: line ${line}: field ${column} is longer than maxFieldBytes (${o.maxField})`, {
      file: o.file,
      line,
      column,
      field: this.names[column - 1],
      reason: 'field-too-large',
    });
  }

  private ragged(line: number, found: number): CsvError {
    const o = this.o;
    return new CsvError(`${o.label}: line ${line}: expected ${this.nFields} fields, found ${found}`, {
      file: o.file,
      line,
      reason: 'ragged-row',
    });
  }

  private badValue(text: string, start: number, end: number, line: number, field: number): CsvError {
    const o = this.o;
    const name = this.names[field] as string;
    const t = this.target[field] as number;
    const type = (this.schema.fields[t] as { type: FieldType }).type;
    const value = text.slice(start, Math.min(end, start + 101));
    const hint = Object.hasOwn(o.types, name) ? '' : ` (type inferred from the first ${o.inferRows} rows: declare it in types or raise inferRows)`;
    return new CsvError(`${o.label}: line ${line}: field ${JSON.stringify(name)}: cannot read ${quoteValue(value)} as ${type}${hint}`, {
      file: o.file,
      line,
      column: field + 1,
      field: name,
      value: value.length > 100 ? `${value.slice(0, 100)}…` : value,
      type,
      reason: 'bad-value',
    });
  }
}

/** The position of `ch` at or after `from`, or the text's length when there is none. */
function indexOrEnd(text: string, ch: string, from: number): number {
  const i = text.indexOf(ch, from);
  return i < 0 ? text.length : i;
}

// Local bindings: a transpiled `import` is a property read (a getter under tsx and Jest) on each
// call, and a global is a slow lookup inside a vm context (Jest's); these run once per field.
const intSpan = parseIntSpan;
const floatSpan = parseFloatSpan;
const boolSpan = parseBoolSpan;
const timestampSpan = parseTimestampSpan;
const imul = Math.imul;

/** The value of a non-empty span for a non-string kind, or undefined when it does not parse. */
function convertSpan(text: string, start: number, end: number, kind: number): Value | undefined {
  switch (kind) {
    case K_INT:
      return intSpan(text, start, end);
    case K_FLOAT:
      return floatSpan(text, start, end);
    case K_BOOL:
      return boolSpan(text, start, end);
    default:
      return timestampSpan(text, start, end);
  }
}

/**
 * An empty column for values of `type`, with room for `capacity` values. One expression per type
 * on purpose: V8 remembers, per allocation site, the most general element kind its arrays reached,
 * and a numeric column must not start as a string column's generic array, or every number in it
 * would be a separate heap object. The room is allocated up front because optimized code cannot
 * grow an array past a large-object size in place: it deoptimizes, which costs more on a cold
 * start than the whole batch.
 */
function newColumn(type: FieldType, room: number): Value[] {
  const capacity = Math.min(room, PREALLOCATE_MAX);
  switch (type) {
    case 'int':
      return new Array<Value>(capacity);
    case 'float':
      return new Array<Value>(capacity);
    case 'timestamp':
      return new Array<Value>(capacity);
    case 'bool':
      return new Array<Value>(capacity);
    default:
      return new Array<Value>(capacity);
  }
}

/** Columns are allocated with room for at most this many values; beyond, they grow. */
const PREALLOCATE_MAX = 1 << 17;

/**
 * `col[from, to)` at the start of a new column for `type` with room for `room` values (its length
 * is the room, or to − from when larger: flush() cuts columns to the row count).
 */
function copyColumn(col: Value[], from: number, to: number, type: FieldType, room: number): Value[] {
  const out = newColumn(type, Math.max(room, to - from));
  for (let i = from, j = 0; i < to; i++, j++) {
    const v = col[i] as Value;
    if (typeof v === 'number') out[j] = v;
    else out[j] = v;
  }
  return out;
}

function sameChars(s: string, text: string, start: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (s.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

const INTERN_SLOTS = 8192; // power of two; at most half are filled
const INTERN_MAX_LENGTH = 32;
const INTERN_WINDOW = 4096;

/**
 * Shares one string object per distinct value of a low-cardinality string column (cities,
 * statuses). A hit costs a hash and a compare over the span instead of an allocation, and on
 * columns of a few hundred thousand rows the garbage collector's copying of short-lived strings
 * is the largest cost of reading CSV. A column that stops hitting (ids, e-mails) turns it off.
 */
class Interner {
  private readonly slots: (string | null)[] = new Array<string | null>(INTERN_SLOTS).fill(null);
  private readonly hashes = new Int32Array(INTERN_SLOTS);
  private count = 0;
  private lookups = 0;
  private hits = 0;
  active = true;

  get(text: string, start: number, end: number): string {
    const n = end - start;
    if (n > INTERN_MAX_LENGTH) return text.slice(start, end);
    // A cheap hash of the length and four characters; the comparison settles collisions.
    let h = imul(n, 0x9e3779b1) ^ text.charCodeAt(start);
    h = imul(h ^ text.charCodeAt(end - 1), 0x85ebca6b);
    h = imul(h ^ text.charCodeAt(start + (n >> 1)), 0xc2b2ae35) ^ text.charCodeAt(start + (n >> 2));
    const mask = INTERN_SLOTS - 1;
    let slot = (h ^ (h >>> 13)) & mask;
    for (;;) {
      const s = this.slots[slot];
      if (s === null || s === undefined) break;
      if (this.hashes[slot] === h && s.length === n && sameChars(s, text, start, n)) {
        this.hits++;
        this.tick();
        return s;
      }
      slot = (slot + 1) & mask;
    }
    let s = text.slice(start, end);
    if (this.count < INTERN_SLOTS >> 1) {
      // A slice of 13 characters or more refers to the whole chunk, which the table would then keep
      // alive: keep a copy (slicing a concatenation makes V8 flatten it into a new string first).
      if (n >= 13) s = ` ${s}`.slice(1);
      this.slots[slot] = s;
      this.hashes[slot] = h;
      this.count++;
    }
    this.tick();
    return s;
  }

  private tick(): void {
    if (++this.lookups < INTERN_WINDOW) return;
    if (this.hits < INTERN_WINDOW >> 1) this.active = false;
    this.lookups = 0;
    this.hits = 0;
  }
}

// ---- writing ----------------------------------------------------------------------------------

/** Where writers put text: a file written through a temporary name, or a stream. */
export interface TextSink {
  write(text: string): Promise<void>;
  /** Writes bytes as they are (the caller's buffer may be reused once this resolves). */
  writeBytes(bytes: Uint8Array): Promise<void>;
  /** Makes the output final (renames the temporary file). */
  commit(): Promise<void>;
  /** Drops the output (removes the temporary file); never throws. */
  abort(): Promise<void>;
  readonly bytes: number;
}

/**
 * A sink for a path or a stream. A path is written to a temporary file beside it and renamed on
 * commit, so an error never leaves a half-written file. A stream is written with backpressure and
 * not ended: it belongs to the caller.
 */
export async function openSink(output: string | NodeJS.WritableStream): Promise<TextSink> {
  let bytes = 0;
  if (typeof output === 'string') {
    const tmp = join(dirname(output), `.${basename(output)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    const fh = await open(tmp, 'wx');
    let closed = false;
    const writeBytes = async (buf: Uint8Array): Promise<void> => {
      if (buf.length === 0) return;
      bytes += buf.length;
      await fh.write(buf);
    };
    return {
      get bytes() {
        return bytes;
      },
      async write(text) {
        if (text.length === 0) return;
        await writeBytes(Buffer.from(text, 'utf8'));
      },
      writeBytes,
      async commit() {
        closed = true;
        await fh.close();
        await rename(tmp, output);
      },
      async abort() {
        if (!closed) await fh.close().catch(() => undefined);
        closed = true;
        await unlink(tmp).catch(() => undefined);
      },
    };
  }
  return {
    get bytes() {
      return bytes;
    },
    async write(text) {
      if (text.length === 0) return;
      bytes += Buffer.byteLength(text, 'utf8');
      if (!output.write(text)) await once(output as unknown as NodeJS.EventEmitter, 'drain');
    },
    async writeBytes(buf) {
      if (buf.length === 0) return;
      bytes += buf.length;
      if (!output.write(buf)) await once(output as unknown as NodeJS.EventEmitter, 'drain');
    },
    async commit() {},
    async abort() {},
  };
}

/** Text is handed to the sink in pieces of about this many characters. */
const WRITE_CHUNK = 1 << 20;

/** Options of writeCsv. */
export interface CsvWriteOptions {
  /** One character; default ','. */
  delimiter?: string;
  /** Write the field names first; default true. */
  header?: boolean;
  /** These fields, in this order; default all fields of the first batch. */
  fields?: string[];
  /** Record terminator; default '\n'. */
  newline?: '\n' | '\r\n';
}

/**
 * Writes batches as CSV to a path (through a temporary file, renamed at the end) or a stream (not
 * ended). Fields are quoted only when needed (delimiter, quote, CR or LF inside); an empty string
 * is written `""` so that it reads back as '' rather than null. Values are formatted by
 * formatValue. Later batches must hold the fields of the first (matched by name).
 */
export async function writeCsv(
  batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
  output: string | NodeJS.WritableStream,
  options: CsvWriteOptions = {},
): Promise<{ rows: number; bytes: number }> {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r')
    throw optionError(`delimiter must be one character other than a quote or a line break, found ${JSON.stringify(delimiter)}`);
  const newline = options.newline ?? '\n';
  const escaped = delimiter.replace(/[\\\]^-]/g, '\\$&');
  const special = new RegExp(`[${escaped}"\\r\\n]`);
  // Formatted numbers, booleans and timestamps hold only [0-9a-zA-Z.+:-]: they need the check only
  // when the delimiter is one of those.
  const checkAll = /[\w.+:\- ]/.test(delimiter);
  const cell = (s: string): string => (s.length === 0 ? '""' : special.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

  const sink = await openSink(output);
  try {
    let names = options.fields;
    let headerDone = !(options.header ?? true);
    let rows = 0;
    let text = '';
    for await (const batch of batches) {
      names ??= batch.schema.fields.map((f) => f.name);
      const fieldNames = names;
      if (!headerDone) {
        text += fieldNames.map(cell).join(delimiter) + newline;
        headerDone = true;
      }
      const idx = fieldNames.map((name) => {
        const i = batch.schema.fields.findIndex((f) => f.name === name);
        if (i < 0) throw new InvalidInputError(`csv: batch has no field ${JSON.stringify(name)}`, { field: name });
        return i;
      });
      const cols = idx.map((i) => batch.columns[i] as Value[]);
      const types = idx.map((i) => (batch.schema.fields[i] as { type: FieldType }).type);
      const nc = cols.length;
      for (let r = 0; r < batch.length; r++) {
        let line = '';
        for (let c = 0; c < nc; c++) {
          if (c > 0) line += delimiter;
          const v = (cols[c] as Value[])[r] ?? null;
          if (v === null) continue;
          if (typeof v === 'string') line += cell(v);
          else {
            const s = formatValue(v, types[c] as FieldType);
            line += checkAll ? cell(s) : s;
          }
        }
        text += line + newline;
        if (text.length >= WRITE_CHUNK) {
          await sink.write(text);
          text = '';
        }
      }
      rows += batch.length;
    }
    if (!headerDone && names !== undefined) text += names.map(cell).join(delimiter) + newline;
    await sink.write(text);
    await sink.commit();
    return { rows, bytes: sink.bytes };
  } catch (err) {
    await sink.abort();
    throw err;
  }
}
