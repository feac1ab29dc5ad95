// Combine's columnar executor: the same integration as combine.ts, run over byte spans and typed
// arrays instead of rows of JavaScript values, for the configs and files it supports. It gives
// exactly the row engine's output and report (tests compare both on generated data) in a fraction
// of the time and memory, and returns null whenever it meets something it does not handle — the
// caller then runs the row engine, which also produces every error message.
//
// Why written here rather than with a library: the row engine spends most of its time creating
// a JavaScript string or number per field and a row array per record, and then collecting them
// (a quarter of the CPU time was the garbage collector). Here a CSV file (ASCII only) is read whole
// into shared memory and scanned once as bytes: a text field is a pair of offsets into it, a typed
// field is parsed during the scan into a Float64Array (with the row reader's own span parsers, after
// types are inferred from the first rows); keys are hashed and compared in place, joins produce
// Int32Array row indexes per participant, resolution records which participant each output value
// comes from, and the CSV writer copies the bytes of text fields straight from the input. Nothing
// per field is allocated except for some number formatting. A helper thread (worker_threads, all
// arrays on shared memory) loads sources, probes joins, resolves fields and formats half of the
// output.
//
// Why a WebAssembly kernel as well (kernel/scan.ts, see the Arena below): even as byte loops the
// JavaScript was 1.6–1.8× slower than Polars on the benchmark task once page faults stopped
// dominating. The kernel takes the per-byte and per-record loops — the scan (SIMD), key grouping,
// indexing and probing on text keys, two-way resolution and the CSV writer — on the same arrays;
// the JavaScript code does the rest, and all of it when the kernel cannot be built.
//
// Supported: CSV sources (header or not, any one-character delimiter; without quotes, CR, blank
// lines, non-ASCII bytes or ragged rows), select / rename / types, aggregation before joining
// (count, sum, mean, min, max), inner and left joins on exact single or composite keys (duplicate
// build-side keys match every row), the strategies preferPrimary, preferSecondary, mostRecent,
// mostComplete, firstNonNull, longest (text), min and max, qualified output fields, defaults,
// provenance, sorting, and every output format (CSV written directly from the columns, JSON via
// rows). Everything else — computed fields, per-source defaults, fuzzy or normalized matching,
// right / full / union / intersection joins, sum / mean / custom strategies, JSON sources — runs on
// the row engine.
import { openSync, closeSync, fstatSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IntegrateHooks, IntegrationReport, IntegrationResult } from './combine.ts';
import type { IntegrationConfig, ResolveConfig, SourceConfig, Strategy } from './config.ts';
import { openSink } from './csv.ts';
import { aggregateType } from './aggregate.ts';
import { type Chars, formatValue, inferType, parseBoolSpan, parseFloatSpan, parseIntSpan, parseTimestampSpan } from './infer.ts';
import { formatTimestampFast } from './output.ts';
import { compareValues, type FieldType, type Value } from './table.ts';
import { wasmKernel } from '../wasm.ts';

/** Files above this size take the row engine: a Latin-1 string holds at most ~512 MiB. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** Rows sampled for type inference, as the CSV reader. */
const INFER_ROWS = 1000;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;

/**
 * A column: text as `start`/`end` spans in `bytes` (an empty span is null); typed values (int,
 * float, timestamp as epoch ms, bool as 0/1) as `num` with null flags in `nul`.
 */
interface Col {
  type: FieldType;
  /** The file's bytes (ASCII) the spans point into. */
  bytes: Buffer;
  start: Int32Array | null;
  end: Int32Array | null;
  num: Float64Array | null;
  nul: Uint8Array | null;
}

interface Table {
  name: string;
  fields: string[];
  cols: Col[];
  length: number;
  /** The input's delimiter (string fields holding ',' need quotes in CSV output when it is not ','). */
  delimiter: number;
  /** Its join index, built where it was loaded (see loadSourceTable). */
  index?: IndexData | null;
  /** Whether all its columns are in the integration's Arena (read by the kernel; the JavaScript scan's are not). */
  arena?: boolean;
  /** Per row, the hash of its key on `fields` (KeyIndex.hash), keys all distinct: an aggregation's groups. */
  distinctKeys?: { fields: number[]; hashes: Int32Array };
}

const EMPTY = Buffer.alloc(0);

// Every array lives on shared memory, so that a helper thread reads (and fills) the same columns
// without copying them.
const i32 = (n: number) => new Int32Array(new SharedArrayBuffer(n * 4));
const f64s = (n: number) => new Float64Array(new SharedArrayBuffer(n * 8));
const u8 = (n: number) => new Uint8Array(new SharedArrayBuffer(n));
const i8 = (n: number) => new Int8Array(new SharedArrayBuffer(n));
const EMPTY_I32 = new Int32Array(0);

/** Bytes as the span parsers of infer.ts read text: one Latin-1 character per byte. */
class ByteChars {
  constructor(private readonly b: Buffer) {}
  charCodeAt(i: number): number {
    return this.b[i] ?? NaN;
  }
  slice(start: number, end: number): string {
    return this.b.toString('latin1', start, end);
  }
}

const isNull = (c: Col, r: number): boolean => (c.nul !== null ? c.nul[r] === 1 : c.start![r] === c.end![r]);
const isText = (c: Col): boolean => c.type === 'string';

/** A cell as the row engine holds it (for the few places that need a JavaScript value). */
function valueOf(c: Col, r: number): Value {
  if (isNull(c, r)) return null;
  if (c.type === 'string') return c.bytes.toString('latin1', c.start![r]!, c.end![r]!);
  if (c.type === 'bool') return c.num![r] === 1;
  return c.num![r]!;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The whole file, read into a buffer `alloc` gives for its size; null when missing, too large or short. */
function readWhole(path: string, alloc: (size: number) => Buffer): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null; // the row engine reports the missing file
  }
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) return null;
    const buf = alloc(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buf, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    return got === size ? buf : null;
  } finally {
    closeSync(fd);
  }
}

// The kernel (kernel/scan.ts, WebAssembly) works in one shared WebAssembly memory per integration,
// an Arena: every file is read into it, the kernel writes the field spans, timestamps and groupings
// there, and the arrays that CSV output reads (records, resolved fields) are allocated there too,
// so that the kernel can also write the output. Both threads allocate from it (a bump pointer at
// offset 0, moved atomically) and it only grows; every column is a view of it, so columns cross
// threads as the other shared arrays do.
const KBASE = 65536;
const WASM_PAGE = 65536;

/** Whether integrations use the kernel (tests turn it off to compare with the JavaScript paths); what it did. */
export const scanKernel = { enabled: true, used: 0, groupings: 0, formatted: 0, resolved: 0, indexed: 0, probed: 0 };
let scanModule: WebAssembly.Module | null | undefined;

/** The compiled kernel, or null when it cannot be built (the JavaScript code then does the work). */
function kernelModule(): WebAssembly.Module | null {
  if (scanModule === undefined) {
    try {
      scanModule = wasmKernel('combine', 'combine-scan', 'combine-scan.wasm', 'engines/integration/kernel/scan.ts');
    } catch {
      scanModule = null;
    }
  }
  return scanModule;
}

interface ScanKernel {
  scan(buf: number, len: number, pos: number, D: number, nf: number, slots: number, spans: number, cap: number): number;
  timestamps(buf: number, starts: number, ends: number, rows: number, out: number, nul: number): number;
  groupText(buf: number, starts: number, ends: number, rows: number, head: number, mask: number, group: number, first: number, ghash: number): number;
  countLines(buf: number, len: number): number;
  resolveTwo(
    f: number, rows0: number, rows1: number, p0: number, p1: number, c0: number, c1: number, s0: number, s1: number,
    strategy: number, fixed: number, dflt: number, start: number, end: number, out: number,
  ): void;
  resolveOne(f: number, rows: number, c: number, p: number, dflt: number, start: number, end: number): void;
  countMatched(a: number, n: number): number;
  matchedRows(recPtrs: number, np: number, nrec: number, marks: number, counts: number): void;
  firstUnsorted(c: number, rows: number, from: number, n: number): number;
  indexText(c: number, rows: number, head: number, mask: number, next: number, tail: number, hashes: number): number;
  probeText(pc: number, ic: number, head: number, mask: number, hashes: number, heads: number, start: number, end: number): void;
  aggregateNum(group: number, n: number, src: number, op: number, num: number, nul: number, cnt: number, ng: number): void;
  firstNull(c: number, n: number): number;
  format(
    fromPtrs: number, recPtrs: number, cells: number, defaults: number, nk: number, np: number, orderIdx: number,
    i: number, end: number, k0: number, out: number, pos: number, cap: number, state: number,
  ): number;
}

/** Typed-array allocation: on plain shared memory, or in an Arena. */
interface Alloc {
  i32(n: number): Int32Array;
  f64(n: number): Float64Array;
  u8(n: number): Uint8Array;
  i8(n: number): Int8Array;
}
const SHARED: Alloc = { i32: (n) => i32(n), f64: (n) => f64s(n), u8: (n) => u8(n), i8: (n) => i8(n) };

/** An integration's shared WebAssembly memory and this thread's instance of the kernel on it. */
export class Arena implements Alloc {
  readonly kernel: ScanKernel;
  private readonly top: Int32Array;

  /** A new arena, or (from another thread) the same memory. */
  constructor(
    mod: WebAssembly.Module,
    readonly memory: WebAssembly.Memory = new WebAssembly.Memory({ initial: 2, maximum: 65536, shared: true }),
  ) {
    this.top = new Int32Array(this.sab, 0, 1);
    Atomics.compareExchange(this.top, 0, 0, KBASE);
    this.kernel = new WebAssembly.Instance(mod, { env: { memory: this.memory } }).exports as unknown as ScanKernel;
  }

  get sab(): SharedArrayBuffer {
    return this.memory.buffer as unknown as SharedArrayBuffer;
  }

  /** `bytes` of fresh zeroed memory, 16-byte aligned: their offset, or −1 past 2 GiB. */
  alloc(bytes: number): number {
    const size = Math.ceil(Math.max(bytes, 1) / 16) * 16;
    if (size > 0x4000_0000) return -1;
    const at = Atomics.add(this.top, 0, size);
    const end = at + size;
    if (at < 0 || end > 0x7fff_0000) return -1;
    while (this.memory.buffer.byteLength < end) {
      try {
        this.memory.grow(Math.ceil((end - this.memory.buffer.byteLength) / WASM_PAGE));
      } catch (err) {
        // the other thread may have grown it meanwhile
        if (this.memory.buffer.byteLength < end) throw err;
      }
    }
    return at;
  }

  private at(bytes: number): number {
    const at = this.alloc(bytes);
    if (at < 0) throw new RangeError('combine: the integration needs more than 2 GiB of memory');
    return at;
  }
  i32(n: number): Int32Array {
    const at = this.at(n * 4); // first: it may grow the memory
    return new Int32Array(this.sab, at, n);
  }
  f64(n: number): Float64Array {
    const at = this.at(n * 8); // first: it may grow the memory
    return new Float64Array(this.sab, at, n);
  }
  u8(n: number): Uint8Array {
    const at = this.at(n); // first: it may grow the memory
    return new Uint8Array(this.sab, at, n);
  }
  i8(n: number): Int8Array {
    const at = this.at(n); // first: it may grow the memory
    return new Int8Array(this.sab, at, n);
  }
}

/** A new arena for an integration, or null when the kernel is off or cannot be built. */
function newArena(): Arena | null {
  const mod = scanKernel.enabled ? kernelModule() : null;
  return mod ? new Arena(mod) : null;
}

/** The arena of `memory` on this thread (a memory that came from another thread). */
function arenaOf(memory: WebAssembly.Memory | undefined): Arena | null {
  const mod = memory ? kernelModule() : null;
  return mod ? new Arena(mod, memory) : null;
}

/**
 * The kernel's scan of buf[body, len) (buf in the arena): the span of every selected field
 * (`spanSlot[f]`: its index among them, or −1), as views of the arena; null where scanTyped would
 * return −1.
 */
function kernelScan(
  a: Arena,
  buf: Buffer,
  body: number,
  D: number,
  nf: number,
  spanSlot: Int32Array,
  ns: number,
): { rows: number; starts: Int32Array[]; ends: Int32Array[]; timestamps: (t: number, text: ByteChars) => { num: Float64Array; nul: Uint8Array } | null } | null {
  const len = buf.length;
  const base = buf.byteOffset;
  // the rows are at most the line ends + 1
  const cap = a.kernel.countLines(base, len) + 1;
  const spansAt = a.alloc(ns * 2 * cap * 4 + nf * 4);
  if (spansAt < 0) return null;
  const slotsAt = spansAt + ns * 2 * cap * 4;
  new Int32Array(a.sab, slotsAt, nf).set(spanSlot);
  const rows = a.kernel.scan(base, len, body, D, nf, slotsAt, spansAt, cap);
  if (rows < 0) return null;
  scanKernel.used++;
  const m = a.sab;
  const view = (k: number) => new Int32Array(m, spansAt + k * cap * 4, rows);
  const starts = Array.from({ length: ns }, (_, t) => view(2 * t));
  const ends = Array.from({ length: ns }, (_, t) => view(2 * t + 1));
  /** Timestamps of slot t by the kernel (its two commonest forms; the rest by parseTimestampSpan); null at a value that is none. */
  const timestamps = (t: number, text: ByteChars): { num: Float64Array; nul: Uint8Array } | null => {
    const num = a.f64(rows);
    const nul = a.u8(rows);
    const st = starts[t]!;
    const en = ends[t]!;
    if (a.kernel.timestamps(base, st.byteOffset, en.byteOffset, rows, num.byteOffset, nul.byteOffset) > 0) {
      for (let r = 0; r < rows; r++) {
        const v = num[r]!;
        if (v !== v) {
          const p = parseTimestampSpan(text, st[r]!, en[r]!);
          if (p === undefined) return null;
          num[r] = p;
        }
      }
    }
    return { num, nul };
  };
  return { rows, starts, ends, timestamps };
}

/** groupText of the kernel: a text column's rows grouped by value (see aggregateTable). */
function kernelGroups(a: Arena, c: Col, rows: number): { ng: number; group: Int32Array; first: Int32Array; hashes: Int32Array } {
  let cap = 16;
  while (cap < rows * 1.3) cap *= 2;
  const head = a.i32(cap).fill(-1);
  const group = a.i32(rows);
  const first = a.i32(rows);
  const hashes = a.i32(rows);
  scanKernel.groupings++;
  const ng = a.kernel.groupText(c.bytes.byteOffset, c.start!.byteOffset, c.end!.byteOffset, rows, head.byteOffset, cap - 1, group.byteOffset, first.byteOffset, hashes.byteOffset);
  return { ng, group, first: first.subarray(0, ng), hashes: hashes.subarray(0, ng) };
}

/** Typed values parsed from their spans (the scan kernel's output) as scanTyped parses them; null at a value not of its type. */
function parseSpans(mem: Alloc, text: ByteChars, how: number, st: Int32Array, en: Int32Array, rows: number): { num: Float64Array; nul: Uint8Array } | null {
  const num = mem.f64(rows);
  const nul = mem.u8(rows);
  for (let r = 0; r < rows; r++) {
    const a = st[r]!;
    const b = en[r]!;
    if (a === b) {
      nul[r] = 1;
      continue;
    }
    const v = how === PARSE_TIMESTAMP ? parseTimestampSpan(text, a, b) : how === PARSE_FLOAT ? parseFloatSpan(text, a, b) : how === PARSE_INT ? parseIntSpan(text, a, b) : parseBoolNumber(text, a, b);
    if (v === undefined) return null;
    num[r] = v;
  }
  return { num, nul };
}

/** A CSV source as a Table, or null when it is not one this executor reads (see the header). */
function loadCsv(s: SourceConfig, arena: Arena | null): Table | null {
  if (s.delimiter !== undefined && (s.delimiter.length !== 1 || s.delimiter.charCodeAt(0) >= 128)) return null;
  const D = (s.delimiter ?? ',').charCodeAt(0);
  if (D === QUOTE || D === LF || D === CR) return null;
  let a: Arena | null = null; // the arena, when the file went into it
  const buf = readWhole(s.path, (size) => {
    const at = arena ? arena.alloc(size) : -1;
    if (at < 0) return Buffer.from(new SharedArrayBuffer(size));
    a = arena;
    return Buffer.from(arena!.sab, at, size);
  });
  if (buf === null || buf.length === 0) return null;
  const text = new ByteChars(buf);
  const len = buf.length;

  // the first line: the header, or the width of a headerless file
  const firstEnd = buf.indexOf(LF) < 0 ? len : buf.indexOf(LF);
  if (firstEnd === 0) return null;
  // quotes, carriage returns, control and non-ASCII bytes (a BOM included) take the row reader;
  // scanRows checks the rows
  for (let i = 0; i < firstEnd; i++) if (oddByte(buf[i]!, D)) return null;
  const first = buf.toString('latin1', 0, firstEnd).split(String.fromCharCode(D));
  const header = s.header ?? true;
  const names = header ? first.map((v, i) => (v === '' ? `column_${i + 1}` : v)) : first.map((_, i) => `column_${i + 1}`);
  const nf = names.length;
  const at = new Map<string, number>();
  for (let i = 0; i < nf; i++) {
    if (at.has(names[i]!)) return null;
    at.set(names[i]!, i);
  }
  for (const name of Object.keys(s.types)) if (!at.has(name)) return null;
  const selected = s.select ?? names;
  if (new Set(selected).size !== selected.length || selected.some((n) => !at.has(n))) return null;

  // Types first: declared, or inferred from the first INFER_ROWS rows (scanned into small arrays).
  const ns = selected.length;
  const body = header ? firstEnd + 1 : 0;
  const types: FieldType[] = selected.map((n) => (Object.hasOwn(s.types, n) ? s.types[n]! : 'string'));
  const undeclared = selected.map((n) => !Object.hasOwn(s.types, n));
  if (undeclared.some(Boolean)) {
    // every selected field as a span, for the first rows only
    const spans = new Int8Array(nf).fill(SKIP);
    const slots = new Int32Array(nf).fill(-1);
    selected.forEach((n, t) => {
      spans[at.get(n)!] = SPAN;
      slots[at.get(n)!] = t;
    });
    const pre: ScanOut = { starts: selected.map(() => i32(INFER_ROWS)), ends: selected.map(() => i32(INFER_ROWS)), nums: [], nuls: [] };
    const n = scanTyped(buf, text, body, D, nf, spans, slots, pre, INFER_ROWS);
    if (n < 0) return null;
    const st = pre.starts;
    const en = pre.ends;
    for (let t = 0; t < ns; t++) {
      if (!undeclared[t]) continue;
      const samples: string[] = [];
      for (let i = 0; i < n; i++) if (en[t]![i]! > st[t]![i]!) samples.push(buf.toString('latin1', st[t]![i]!, en[t]![i]!));
      types[t] = inferType(samples);
    }
  }

  if (a !== null) {
    // the kernel: spans of every selected field, then the typed ones parsed from theirs
    const spanSlot = new Int32Array(nf).fill(-1);
    for (let t = 0; t < ns; t++) spanSlot[at.get(selected[t]!)!] = t;
    const k = kernelScan(a, buf, body, D, nf, spanSlot, ns);
    if (k === null) return null; // blank or ragged lines, odd bytes: the row reader's rules and errors
    const cols: Col[] = new Array(ns);
    for (let t = 0; t < ns; t++) {
      const type = types[t]!;
      if (type === 'string') {
        cols[t] = makeCol('string', buf, k.starts[t]!, k.ends[t]!, null, null);
        continue;
      }
      const how = type === 'int' ? PARSE_INT : type === 'float' ? PARSE_FLOAT : type === 'timestamp' ? PARSE_TIMESTAMP : PARSE_BOOL;
      const v = how === PARSE_TIMESTAMP ? k.timestamps(t, text) : parseSpans(a, text, how, k.starts[t]!, k.ends[t]!, k.rows);
      if (v === null) return null; // a value not of its type
      cols[t] = makeCol(type, EMPTY, null, null, v.num, v.nul);
    }
    return { name: s.name, fields: selected.map((n) => s.rename[n] ?? n), cols, length: k.rows, delimiter: D, arena: true };
  }

  // rows estimated from the first MiB (the arrays grow if that was short, and are cut to size)
  const sample = Math.min(len, 1 << 20);
  let lf = 0;
  for (let i = 0; i < sample; i++) if (buf[i] === LF) lf++;
  const estimate = Math.ceil(((lf + 1) * len * 1.02) / sample) + 64;
  // text fields keep their spans; typed ones are parsed during the scan into numbers and null flags
  const store = new Int8Array(nf).fill(SKIP);
  const slot = new Int32Array(nf).fill(-1);
  const textIdx: number[] = [];
  const numIdx: number[] = [];
  for (let t = 0; t < ns; t++) {
    const f = at.get(selected[t]!)!;
    const type = types[t]!;
    store[f] = type === 'string' ? SPAN : type === 'int' ? PARSE_INT : type === 'float' ? PARSE_FLOAT : type === 'timestamp' ? PARSE_TIMESTAMP : PARSE_BOOL;
    slot[f] = type === 'string' ? textIdx.push(t) - 1 : numIdx.push(t) - 1;
  }
  const out: ScanOut = {
    starts: textIdx.map(() => i32(estimate)),
    ends: textIdx.map(() => i32(estimate)),
    nums: numIdx.map(() => f64s(estimate)),
    nuls: numIdx.map(() => u8(estimate)),
  };
  const rows = scanTyped(buf, text, body, D, nf, store, slot, out);
  if (rows < 0) return null; // blank or ragged lines, odd bytes, values not of their type: the row reader's rules and errors

  const cols: Col[] = new Array(ns);
  textIdx.forEach((t, i) => (cols[t] = makeCol('string', buf, out.starts[i]!.subarray(0, rows), out.ends[i]!.subarray(0, rows), null, null)));
  numIdx.forEach((t, i) => (cols[t] = makeCol(types[t]!, EMPTY, null, null, out.nums[i]!.subarray(0, rows), out.nuls[i]!.subarray(0, rows))));
  const fields = selected.map((n) => s.rename[n] ?? n);
  return { name: s.name, fields, cols, length: rows, delimiter: D };
}

/** What scanTyped does with a field of the file. */
const SKIP = -1;
const SPAN = 0;
const PARSE_INT = 1;
const PARSE_FLOAT = 2;
const PARSE_TIMESTAMP = 3;
const PARSE_BOOL = 4;

/** scanTyped's output arrays (grown as needed): spans of text fields, numbers and null flags of typed ones. */
interface ScanOut {
  starts: Int32Array[];
  ends: Int32Array[];
  nums: Float64Array[];
  nuls: Uint8Array[];
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T, cap: number): T {
  const b = make(cap);
  b.set(a);
  return b;
}

/**
 * The full scan: each selected text field's span, each typed field parsed in place (the row
 * reader's span parsers) — no span is kept for those. Returns the rows read, or −1 at a blank line,
 * a row with another field count, an odd byte (see oddByte) or a value that is not of its type.
 */
function scanTyped(buf: Uint8Array, text: ByteChars, pos: number, D: number, nf: number, store: Int8Array, slot: Int32Array, out: ScanOut, maxRows = Infinity): number {
  const len = buf.length;
  let cap = out.starts.length > 0 ? out.starts[0]!.length : out.nums.length > 0 ? out.nums[0]!.length : Infinity;
  const plain = Math.max(D, QUOTE);
  let r = 0;
  while (pos < len && r < maxRows) {
    if (r === cap) {
      cap *= 2;
      out.starts = out.starts.map((a) => grow(a, i32, cap));
      out.ends = out.ends.map((a) => grow(a, i32, cap));
      out.nums = out.nums.map((a) => grow(a, f64s, cap));
      out.nuls = out.nuls.map((a) => grow(a, u8, cap));
    }
    let f = 0;
    let fs = pos;
    for (;;) {
      const c = buf[pos]!;
      if (c > plain && c < 127) {
        pos++;
        continue;
      }
      const last = c !== D;
      if (last && c !== LF && pos < len) {
        if (c < 32 || c > 126 || c === QUOTE) return -1;
        pos++;
        continue;
      }
      // a field ends at pos: the delimiter, the line end or the end of the text
      if (last ? f !== nf - 1 : f >= nf - 1) return -1; // ragged
      if (last && pos === fs && f === 0) return -1; // a blank line
      const how = store[f]!;
      if (how === SPAN) {
        const i = slot[f]!;
        out.starts[i]![r] = fs;
        out.ends[i]![r] = pos;
      } else if (how !== SKIP) {
        const i = slot[f]!;
        if (pos === fs) out.nuls[i]![r] = 1;
        else {
          let v: number | undefined;
          if (how === PARSE_TIMESTAMP) v = parseTimestampSpan(text, fs, pos);
          else if (how === PARSE_FLOAT) v = parseFloatSpan(text, fs, pos);
          else if (how === PARSE_INT) v = parseIntSpan(text, fs, pos);
          else v = parseBoolNumber(text, fs, pos);
          if (v === undefined) return -1;
          out.nums[i]![r] = v;
        }
      }
      f++;
      fs = ++pos;
      if (last) break;
    }
    r++;
  }
  return r;
}

/** A byte the columnar reader leaves to the row reader: a quote, CR, another control byte or non-ASCII. */
const oddByte = (c: number, D: number): boolean => c !== D && (c < 32 || c > 126 || c === QUOTE);

const parseBoolNumber = (s: Chars, a: number, b: number): number | undefined => {
  const v = parseBoolSpan(s, a, b);
  return v === undefined ? undefined : v ? 1 : 0;
};

/** Every column is made here, so that all share one object shape. */
function makeCol(type: FieldType, bytes: Buffer, start: Int32Array | null, end: Int32Array | null, num: Float64Array | null, nul: Uint8Array | null): Col {
  return { type, bytes, start, end, num, nul };
}

// ---------------------------------------------------------------------------------------------
// Keys: hashing and comparing cells in place

const NULL_HASH = 0x2545f491;
const SEED = 0x811c9dc5 | 0;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** The hash of a cell; equal cells (by the row engine's key equality) hash equally. */
function hashCell(c: Col, r: number, h: number): number {
  if (isNull(c, r)) return Math.imul(h ^ NULL_HASH, 0x01000193);
  if (c.type === 'string') {
    const t = c.bytes;
    for (let i = c.start![r]!, e = c.end![r]!; i < e; i++) h = Math.imul(h ^ t[i]!, 0x01000193);
    return h;
  }
  const v = c.num![r]!;
  f64[0] = v === 0 ? 0 : v; // -0 and 0 are one key
  h = Math.imul(h ^ u32[0]!, 0x01000193);
  return Math.imul(h ^ u32[1]!, 0x01000193);
}

/** Whether two cells are the same key (both null counts as equal: used for grouping). */
function sameCell(a: Col, ra: number, b: Col, rb: number): boolean {
  const na = isNull(a, ra);
  const nb = isNull(b, rb);
  if (na || nb) return na && nb;
  if (a.type === 'string') {
    const as = a.start![ra]!;
    const n = a.end![ra]! - as;
    const bs = b.start![rb]!;
    if (b.end![rb]! - bs !== n) return false;
    const ta = a.bytes;
    const tb = b.bytes;
    for (let i = 0; i < n; i++) if (ta[as + i] !== tb[bs + i]) return false;
    return true;
  }
  const x = a.num![ra]!;
  const y = b.num![rb]!;
  return x === y || (x !== x && y !== y);
}

/** Key kinds must agree for in-place comparison: text with text, numbers with numbers of a type. */
const keyKind = (c: Col): string => (c.type === 'string' ? 'text' : c.type === 'bool' ? 'bool' : c.type === 'timestamp' ? 'ts' : 'num');

/**
 * Rows of a table by key: open addressing over the first row of each key, the later rows of a
 * key chained behind it in table order.
 */
/** A KeyIndex's arrays (on shared memory): what crosses threads. */
interface IndexData {
  /** The indexed table's key columns (indexes into its cols). */
  fields: number[];
  head: Int32Array;
  next: Int32Array;
  tail: Int32Array;
  hashes: Int32Array;
  mask: number;
  duplicates: boolean;
  /** Whether its arrays are in the integration's Arena (the kernel can probe it). */
  arena: boolean;
}

/** Slots of an index for `rows` keys: at most ~77 % full (linear probing stays short); smaller tables touch less fresh memory. */
function indexCapacity(rows: number): number {
  let cap = 16;
  while (cap < rows * 1.3) cap *= 2;
  return cap;
}

class KeyIndex {
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly hashes: Int32Array;
  private readonly tail: Int32Array;
  private readonly mask: number;
  duplicates = false;

  /**
   * An index for `rows` rows, or one rebuilt from another thread's `data`. Without `chain`, later
   * rows of a key are not linked (grouping needs only the first).
   */
  constructor(
    readonly keys: Col[],
    rows: number,
    data?: IndexData,
    private readonly chain = true,
    mem: Alloc = SHARED,
  ) {
    if (data) {
      ({ head: this.head, next: this.next, tail: this.tail, hashes: this.hashes, mask: this.mask, duplicates: this.duplicates } = data);
      return;
    }
    const cap = indexCapacity(rows);
    this.mask = cap - 1;
    this.head = mem.i32(cap).fill(-1);
    this.next = chain ? mem.i32(rows).fill(-1) : EMPTY_I32;
    this.tail = chain ? mem.i32(rows) : EMPTY_I32;
    this.hashes = mem.i32(rows);
  }

  data(fields: number[], arena = false): IndexData {
    return { fields, head: this.head, next: this.next, tail: this.tail, hashes: this.hashes, mask: this.mask, duplicates: this.duplicates, arena };
  }
  hash(cols: Col[], r: number): number {
    let h = SEED;
    for (let k = 0; k < cols.length; k++) h = hashCell(cols[k]!, r, h);
    return h;
  }

  /** The first indexed row whose key equals the cells (`cols[k]`, row `rows[k]`) hashed to `h`, or −1. */
  find(cols: Col[], rows: Int32Array, h: number): number {
    const keys = this.keys;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const row = this.head[slot]!;
      if (row < 0) return -1;
      if (this.hashes[row] !== h) continue;
      let same = true;
      for (let k = 0; k < keys.length && same; k++) same = sameCell(cols[k]!, rows[k]!, keys[k]!, row);
      if (same) return row;
    }
  }

  /** Adds a row whose key (hashed to `h`) no added row has. */
  addDistinct(r: number, h: number): void {
    this.hashes[r] = h;
    let slot = h & this.mask;
    while (this.head[slot]! >= 0) slot = (slot + 1) & this.mask;
    this.head[slot] = r;
    if (this.chain) this.tail[r] = r;
  }

  /** Adds a row of the indexed table; returns the first row of its key (itself when new). */
  add(r: number): number {
    const keys = this.keys;
    const h = this.hash(keys, r);
    this.hashes[r] = h;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const row = this.head[slot]!;
      if (row < 0) {
        this.head[slot] = r;
        if (this.chain) this.tail[r] = r;
        return r;
      }
      if (this.hashes[row] !== h) continue;
      let same = true;
      for (let k = 0; k < keys.length && same; k++) same = sameCell(keys[k]!, r, keys[k]!, row);
      if (same) {
        if (this.chain) {
          this.next[this.tail[row]!] = r;
          this.tail[row] = r;
        }
        this.duplicates = true;
        return row;
      }
    }
  }
}

/**
 * The join index of a table on key fields: rows with a null in any key are left out (they match
 * nothing). Null when a field is missing.
 */
function buildJoinIndex(t: Table, keyFields: string[], arena: Arena | null = null): IndexData | null {
  const fields = keyFields.map((f) => t.fields.indexOf(f));
  if (fields.some((i) => i < 0)) return null;
  const cols = fields.map((i) => t.cols[i]!);
  const a = t.arena ? arena : null; // in the arena with its table
  const known = t.distinctKeys && t.distinctKeys.fields.join() === fields.join() ? t.distinctKeys.hashes : null;
  if (a !== null && !known && cols.length === 1 && isText(cols[0]!)) {
    // one text key: indexed by the kernel
    const cap = indexCapacity(t.length);
    const head = a.i32(cap).fill(-1);
    const next = a.i32(t.length).fill(-1);
    const tail = a.i32(t.length);
    const hashes = a.i32(t.length);
    scanKernel.indexed++;
    const dup = a.kernel.indexText(colSpec(a, cols[0]!), t.length, head.byteOffset, cap - 1, next.byteOffset, tail.byteOffset, hashes.byteOffset);
    return { fields, head, next, tail, hashes, mask: cap - 1, duplicates: dup === 1, arena: true };
  }
  const index = new KeyIndex(cols, t.length, undefined, true, a ?? SHARED);
  if (known) {
    // an aggregation's groups: hashed already, and no key twice (nothing to compare)
    for (let r = 0; r < t.length; r++) {
      let hasNull = false;
      for (const c of cols) if (isNull(c, r)) hasNull = true;
      if (!hasNull) index.addDistinct(r, known[r]!);
    }
    return index.data(fields, a !== null);
  }
  for (let r = 0; r < t.length; r++) {
    let hasNull = false;
    for (const c of cols) if (isNull(c, r)) hasNull = true;
    if (!hasNull) index.add(r);
  }
  return index.data(fields, a !== null);
}

// ---------------------------------------------------------------------------------------------
// Aggregation before joining (aggregate.ts's semantics: groups in order of first appearance,
// nulls skipped, sums added in row order)

function aggregateTable(t: Table, spec: NonNullable<SourceConfig['aggregate']>, arena: Arena | null): Table | null {
  const a = t.arena ? arena : null; // the kernel groups and the outputs go in the arena with the table
  const mem: Alloc = a ?? SHARED;
  const by = spec.by.map((f) => t.fields.indexOf(f));
  if (by.some((i) => i < 0)) return null;
  const outs = Object.entries(spec.fields).map(([name, { op, field }]) => ({ name, op, index: field === '*' ? -1 : t.fields.indexOf(field) }));
  if (outs.some((o) => o.op === 'countDistinct' || (o.index < 0 && o.op !== 'count'))) return null;
  // min / max of a text column compare strings: supported; of bools: taken by the row engine
  if (outs.some((o) => (o.op === 'min' || o.op === 'max') && t.cols[o.index]!.type === 'bool')) return null;
  if (outs.some((o) => (o.op === 'sum' || o.op === 'mean') && o.index >= 0 && isText(t.cols[o.index]!))) return null;
  const keyCols = by.map((i) => t.cols[i]!);
  let group: Int32Array;
  let firstRow: ArrayLike<number>;
  let ng: number;
  let hashes: Int32Array;
  const kernelGrouped = a !== null && keyCols.length === 1 && isText(keyCols[0]!);
  if (kernelGrouped) {
    // one text key, read by the scan kernel: grouped there
    const k = kernelGroups(a, keyCols[0]!, t.length);
    ({ group, ng, hashes } = k);
    firstRow = k.first;
  } else {
    const index = new KeyIndex(keyCols, t.length, undefined, false);
    group = new Int32Array(t.length);
    const first: number[] = [];
    const groupOf = new Int32Array(t.length); // first row → group id
    for (let r = 0; r < t.length; r++) {
      const head = index.add(r);
      if (head === r) {
        groupOf[r] = first.length;
        first.push(r);
      }
      group[r] = groupOf[head]!;
    }
    firstRow = first;
    ng = first.length;
    hashes = i32(ng);
    for (let g = 0; g < ng; g++) hashes[g] = index.hashes[first[g]!]!;
  }
  const cols: Col[] = by.map((i) => pickRows(mem, t.cols[i]!, firstRow, ng));
  // Arrays only as each op needs them, accumulating straight into its output: fresh memory costs
  // a page fault per 4 KiB, on some machines a large share of the run.
  for (const o of outs) {
    const src = o.index >= 0 ? t.cols[o.index]! : null;
    if (o.op === 'min' || o.op === 'max') {
      // the value itself: spans and numbers as in the source column (the row holding it, per group)
      const c = src!;
      const best = i32(ng).fill(-1);
      for (let r = 0; r < t.length; r++) {
        if (isNull(c, r)) continue;
        const g = group[r]!;
        const b = best[g]!;
        if (b < 0 || (o.op === 'min' ? less(c, r, b) : less(c, b, r))) best[g] = r;
      }
      const picked = pickRows(mem, c, best, ng);
      cols.push(makeCol(aggregateType(o.op, c.type), picked.bytes, picked.start, picked.end, picked.num, picked.nul));
      continue;
    }
    const num = mem.f64(ng); // count, or sum
    const nul = mem.u8(ng);
    if (kernelGrouped) {
      // the groups are in the arena: counted and summed there, in row order as below
      const cnt = o.op === 'mean' ? a.f64(ng).byteOffset : 0;
      a.kernel.aggregateNum(group.byteOffset, t.length, src ? colSpec(a, src) : 0, o.op === 'count' ? 0 : o.op === 'sum' ? 1 : 2, num.byteOffset, nul.byteOffset, cnt, ng);
      cols.push(makeCol(aggregateType(o.op, src?.type), EMPTY, null, null, num, nul));
      continue;
    }
    const count = o.op === 'mean' ? new Float64Array(ng) : null;
    if (o.op !== 'count') nul.fill(1); // a group without values: null
    for (let r = 0; r < t.length; r++) {
      if (src !== null && isNull(src, r)) continue;
      const g = group[r]!;
      if (o.op === 'count') num[g]!++;
      else {
        num[g]! += src!.num![r]!;
        nul[g] = 0;
        if (count) count[g]!++;
      }
    }
    if (count) for (let g = 0; g < ng; g++) if (count[g]! > 0) num[g] = num[g]! / count[g]!;
    cols.push(makeCol(aggregateType(o.op, src?.type), EMPTY, null, null, num, nul));
  }
  return {
    name: t.name,
    fields: [...by.map((i) => t.fields[i]!), ...outs.map((o) => o.name)],
    cols,
    length: ng,
    delimiter: t.delimiter,
    arena: a !== null,
    distinctKeys: { fields: by.map((_, k) => k), hashes },
  };
}

/** Column `c` at rows `rows[0..n)` (−1: null), as a new column of the same type. */
function pickRows(mem: Alloc, c: Col, rows: ArrayLike<number>, n: number): Col {
  if (c.num === null) {
    const st = mem.i32(n);
    const en = mem.i32(n);
    for (let g = 0; g < n; g++) {
      const r = rows[g]!;
      if (r < 0) continue; // an empty span: null
      st[g] = c.start![r]!;
      en[g] = c.end![r]!;
    }
    return makeCol(c.type, c.bytes, st, en, null, null);
  }
  const num = mem.f64(n);
  const nul = mem.u8(n);
  for (let g = 0; g < n; g++) {
    const r = rows[g]!;
    if (r < 0 || isNull(c, r)) nul[g] = 1;
    else num[g] = c.num[r]!;
  }
  return makeCol(c.type, EMPTY, null, null, num, nul);
}

/** a < b for two non-null cells of one column (JavaScript's < on the values). */
function less(c: Col, a: number, b: number): boolean {
  if (c.type !== 'string') return c.num![a]! < c.num![b]!;
  return compareText(c, a, c, b) < 0;
}

function compareText(a: Col, ra: number, b: Col, rb: number): number {
  const as = a.start![ra]!;
  const ae = a.end![ra]!;
  const bs = b.start![rb]!;
  const be = b.end![rb]!;
  const n = Math.min(ae - as, be - bs);
  const ta = a.bytes;
  const tb = b.bytes;
  for (let i = 0; i < n; i++) {
    const d = ta[as + i]! - tb[bs + i]!;
    if (d !== 0) return d;
  }
  return ae - as - (be - bs);
}

// ---------------------------------------------------------------------------------------------
// The run

const SUPPORTED: ReadonlySet<Strategy> = new Set(['preferPrimary', 'preferSecondary', 'mostRecent', 'mostComplete', 'firstNonNull', 'longest', 'min', 'max']);

/** Whether the executor can take this config at all (the data may still send it to the row engine). */
function configFits(config: IntegrationConfig, hooks: IntegrateHooks): boolean {
  if (hooks.primaryLimit !== undefined) return false;
  const order = [config.primary, ...config.joins.map((j) => j.source)];
  if (new Set(order).size !== order.length) return false;
  for (const name of order) {
    const s = config.sources.get(name);
    if (!s || s.format !== 'csv' || (s as { open?: unknown }).open !== undefined) return false;
    if (Object.keys(s.compute).length > 0 || Object.keys(s.defaults).length > 0) return false;
  }
  for (const j of config.joins) {
    if (j.type !== 'left' && j.type !== 'inner') return false;
    if (j.match.kind !== 'exact' || j.on.length === 0) return false;
  }
  for (const rule of Object.values(config.resolve)) if (!SUPPORTED.has(rule.strategy) || rule.expression !== undefined) return false;
  if (config.output.fields?.includes('_score')) return false;
  return true;
}

/** A field several participants have, resolved by a rule. */
type ManyPlan = { name: string; type: FieldType; kind: 'resolved'; where: { p: number; c: number }[]; rule: ResolveConfig; stamp: number[] | null };

/** Per output field: where its values come from. */
type Plan =
  | { name: string; type: FieldType; kind: 'one'; p: number; c: number }
  | ManyPlan;

/** A finished columnar integration: written as CSV straight from the columns, or turned into rows. */
export interface ColumnarResult {
  fields: string[];
  types: FieldType[];
  report: IntegrationReport;
  length: number;
  /** Writes the result as CSV (through a temporary file and a rename for a path), as writeCsv would write resultBatch's batch. */
  writeCsv(output: string | NodeJS.WritableStream, o: { numberFormats: Record<string, string>; provenance: boolean }): Promise<{ rows: number; bytes: number }>;
  /** The result as the row engine returns it; with a limit, only the first rows (and the helper thread, if any, stays up for writeCsv). */
  toResult(limit?: number): IntegrationResult;
  /** Stops the helper thread, if any (writeCsv and toResult do it; call it when using neither). */
  close(): void;
  /** Sources the helper thread loaded, joins it probed, fields it resolved and output rows it formatted (all 0 without one). */
  readonly helperWork: { loads: number; rows: number; fields: number; probes: number };
}

/** Options of integrateColumnar. */
export interface ColumnarOptions {
  /** Threads: 2 (the default, when there are 2 cores or more) loads sources and formats output on a helper thread too; 1 runs on this thread only. */
  threads?: number;
  /** Inputs smaller than this (bytes, all files) run on this thread only: a thread costs ~50 ms to start. Default 4 MB. */
  parallelMinBytes?: number;
}

/**
 * A source read and, when asked, aggregated — with its join index on `joinKeys` when given, so
 * that a helper thread builds it too. Null when the row engine must take it.
 */
export function loadSourceTable(s: SourceConfig, joinKeys?: string[], arena: Arena | null = null): Table | null {
  let t = loadCsv(s, arena);
  if (t !== null && s.aggregate) t = aggregateTable(t, s.aggregate, arena);
  if (t !== null && joinKeys) t.index = buildJoinIndex(t, joinKeys, arena);
  return t;
}

/**
 * Runs the integration on the columnar executor, or returns null when the config or the files
 * need the row engine (`integrate` in combine.ts). Never throws for bad input: the row engine
 * reports it. With a helper thread, sources load two at a time (largest first) and the helper
 * formats half of the output.
 */
export async function integrateColumnar(config: IntegrationConfig, hooks: IntegrateHooks = {}, options: ColumnarOptions = {}): Promise<ColumnarResult | null> {
  if (!configFits(config, hooks)) {
    dropEarlyHelper();
    return null;
  }
  const order = [config.primary, ...config.joins.map((j) => j.source)];
  const sizes = new Map(order.map((n) => [n, fileSize(config.sources.get(n)!.path)]));
  let total = 0;
  for (const v of sizes.values()) total += v;
  const threads = options.threads ?? Math.min(2, availableParallelism());
  const helper = threads > 1 && total >= (options.parallelMinBytes ?? 4_000_000) ? startHelper() : null;
  const arena = newArena();
  // records from which work is shared with the helper thread
  const splitMin = options.parallelMinBytes === 0 ? 1 : SPLIT_MIN_RECORDS;
  dropEarlyHelper(); // not wanted here
  let done = false;
  try {
    const loaded = new Map<string, Table | null>();
    const queue = [...order].sort((a, b) => sizes.get(b)! - sizes.get(a)!);
    const keysOf = (name: string) => config.joins.find((j) => j.source === name)?.on.map((k) => k.right);
    const pending: Promise<void>[] = [];
    let helperBusy = false;
    // a join is probed as soon as the primary and its source are both loaded: on this thread when
    // this thread loaded the source, else on the helper thread (which has just finished it)
    const early: EarlyProbes = new Map();
    const joinOf = new Map(config.joins.map((jn, i) => [jn.source, i + 1]));
    const probeLoaded = (name: string, onHelper: boolean) => {
      const p0 = loaded.get(config.primary);
      const t = loaded.get(name);
      const j = joinOf.get(name);
      if (!p0 || !t || j === undefined || early.has(j) || p0.length < splitMin) return;
      const x = probePlan(config, p0, t, j, null, arena);
      if (!x) return;
      if (onHelper && helper) {
        // the helper thread has just finished it and this thread is free: half each
        const mid = x.heads.length >>> 1;
        const theirs = helper.probe(p0, x.lIdx, t, x.heads, 0, mid, arena);
        probeRows(arena, p0, x.keyCols, t, x.heads, mid, x.heads.length, x.index);
        early.set(j, theirs);
      } else {
        probeRows(arena, p0, x.keyCols, t, x.heads, 0, x.heads.length, x.index);
        early.set(j, x.heads);
      }
    };
    const loadedHere = (name: string) => {
      if (name === config.primary) for (const other of loaded.keys()) probeLoaded(other, false);
      else probeLoaded(name, false);
    };
    const feedHelper = () => {
      if (!helper || helperBusy || queue.length === 0) return;
      const name = queue.shift()!;
      helperBusy = true;
      hooks.onProgress?.({ phase: 'load', detail: name });
      pending.push(
        helper.load(config.sources.get(name)!, keysOf(name), arena).then((t) => {
          loaded.set(name, t);
          helperBusy = false;
          if (name === config.primary) loadedHere(name);
          else probeLoaded(name, true);
          feedHelper();
        }),
      );
    };
    // this thread takes the largest source (the helper is still starting), the helper the next
    let first = true;
    while (queue.length > 0) {
      const name = queue.shift()!;
      if (first) feedHelper();
      first = false;
      hooks.onProgress?.({ phase: 'load', detail: name });
      const t = loadSourceTable(config.sources.get(name)!, keysOf(name), arena);
      loaded.set(name, t);
      if (t === null) break;
      loadedHere(name);
      // let the helper's answers in (it takes the next source as soon as it is free)
      if (helper) await new Promise((r) => setImmediate(r));
    }
    while (pending.length > 0) await pending.shift();
    const parts: Table[] = [];
    for (const name of order) {
      const t = loaded.get(name);
      if (!t) return null;
      parts.push(t);
    }
    const result = await joinAndResolve(config, hooks, parts, helper, splitMin, early, arena);
    done = result !== null;
    return result;
  } finally {
    if (!done) helper?.close();
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Records from which resolving and formatting are shared with the helper thread. */
const SPLIT_MIN_RECORDS = 10_000;

/** Per join (1…): the heads of each primary row (probePrimary's output), done or under way. */
type EarlyProbes = Map<number, Int32Array | Promise<Int32Array>>;

async function joinAndResolve(
  config: IntegrationConfig,
  hooks: IntegrateHooks,
  parts: Table[],
  helper: Helper | null,
  splitMin: number,
  early: EarlyProbes,
  arena: Arena | null,
): Promise<ColumnarResult | null> {
  const mem: Alloc = arena ?? SHARED;
  const np = parts.length;
  const report: IntegrationReport = { engine: 'columnar', sources: {}, joins: [], conflicts: {}, fuzzyBands: {}, outputRows: 0 };
  for (const p of parts) report.sources[p.name] = { rows: p.length, matched: 0, unmatched: 0 };

  // records: per participant, the row of each record (−1: none)
  let nrec = parts[0]!.length;
  let recs: Int32Array[] = parts.map((_, p) => {
    const a = mem.i32(nrec);
    if (p === 0) for (let i = 0; i < nrec; i++) a[i] = i;
    else a.fill(-1);
    return a;
  });

  // Joins keyed on the primary's fields only are probed per primary row up front (some already
  // while loading), independent of each other: with a helper thread, every other one on the helper.
  const plan: ProbePlan[] = [];
  for (let j = 1; j < np; j++) {
    if (early.has(j)) continue;
    const x = probePlan(config, parts[0]!, parts[j]!, j, parts.slice(1, j), arena);
    if (x) plan.push(x);
  }
  const useHelper = helper !== null && plan.length > 1 && parts[0]!.length >= splitMin;
  plan.forEach((x, i) => {
    if (useHelper && i % 2 === 1) early.set(x.j, helper!.probe(parts[0]!, x.lIdx, parts[x.j]!, x.heads, 0, x.heads.length, arena));
  });
  for (const x of plan) {
    if (early.has(x.j)) continue;
    probeRows(arena, x.primary, x.keyCols, x.src, x.heads, 0, x.heads.length, x.index);
    early.set(x.j, x.heads);
  }

  let primaryInOrder = true; // recs[0][rec] = rec (no join has expanded or dropped records yet)
  for (let j = 1; j < np; j++) {
    const join = config.joins[j - 1]!;
    const src = parts[j]!;
    hooks.onProgress?.({ phase: 'join', detail: `${parts[0]!.name} ⋈ ${src.name}` });
    const rIdx = join.on.map((k) => src.fields.indexOf(k.right));
    if (rIdx.some((i) => i < 0)) return null;
    const rCols = rIdx.map((i) => src.cols[i]!);
    // the left side of each key: the first participant so far that has the field (and a value)
    const lWhere = join.on.map((k) => {
      const w: { p: number; c: Col }[] = [];
      for (let p = 0; p < j; p++) {
        const i = parts[p]!.fields.indexOf(k.left);
        if (i >= 0) w.push({ p, c: parts[p]!.cols[i]! });
      }
      return w;
    });
    if (lWhere.some((w, k) => w.length === 0 || w.some((x) => keyKind(x.c) !== keyKind(rCols[k]!)))) return null;
    const data = src.index && src.index.fields.join() === rIdx.join() ? src.index : buildJoinIndex(src, join.on.map((k) => k.right), arena)!;
    const index = new KeyIndex(rCols, src.length, data);
    if (index.duplicates && config.sources.get(join.source)!.unique) return null; // the row engine names the key
    // the first matching row of each record (−1: none), then the records, expanded per match
    let heads: Int32Array;
    const byRow = early.get(j);
    if (byRow !== undefined) {
      const hb = await byRow;
      const p0 = recs[0]!;
      if (primaryInOrder) heads = hb;
      else {
        heads = mem.i32(nrec);
        for (let rec = 0; rec < nrec; rec++) heads[rec] = hb[p0[rec]!]!;
      }
    } else {
      heads = mem.i32(nrec);
      const single = lWhere.length === 1 && lWhere[0]!.length === 1;
      if (single) probeSingle(index, recs[lWhere[0]![0]!.p]!, lWhere[0]![0]!.c, heads);
      else probeMany(index, recs, lWhere, heads);
    }
    const kept = join.type === 'left';
    let matched = 0;
    let total = 0;
    if (!index.duplicates) {
      // one row a key: no chains to follow
      if (arena !== null) matched = arena.kernel.countMatched(heads.byteOffset, nrec); // heads and recs are in the arena
      else for (let rec = 0; rec < nrec; rec++) if (heads[rec]! >= 0) matched++;
      total = kept ? nrec : matched;
    } else {
      for (let rec = 0; rec < nrec; rec++) {
        const h = heads[rec]!;
        if (h < 0) {
          if (kept) total++;
          continue;
        }
        matched++;
        for (let row = h; row >= 0; row = index.next[row]!) total++;
      }
    }
    const unmatched = nrec - matched;
    if (!(kept && !index.duplicates)) primaryInOrder = false;
    recs = kept && !index.duplicates ? recs.map((a, p) => (p === j ? heads : a)) : expand(mem, recs, heads, index.next, j, kept, total);
    nrec = total;
    report.joins.push({ source: src.name, type: join.type, match: 'exact', matchedRecords: matched, unmatchedRecords: unmatched, addedFromSource: 0 });
  }

  // matched / unmatched per source: a row is matched when its record holds another participant
  const matchedOf = parts.map(() => 0);
  if (arena !== null) {
    const ptrs = arena.i32(np);
    const marks = arena.i32(np);
    const counts = arena.i32(np);
    parts.forEach((p, i) => {
      ptrs[i] = recs[i]!.byteOffset;
      marks[i] = arena.u8(p.length).byteOffset;
    });
    arena.kernel.matchedRows(ptrs.byteOffset, np, nrec, marks.byteOffset, counts.byteOffset);
    counts.forEach((c, i) => (matchedOf[i] = c));
  } else {
    const marks = parts.map((p) => new Uint8Array(p.length));
    for (let rec = 0; rec < nrec; rec++) {
      let present = 0;
      for (let p = 0; p < np; p++) if (recs[p]![rec]! >= 0) present++;
      if (present < 2) continue;
      for (let p = 0; p < np; p++) {
        const r = recs[p]![rec]!;
        if (r >= 0) marks[p]![r] = 1;
      }
    }
    marks.forEach((m, i) => {
      let n = 0;
      for (let r = 0; r < m.length; r++) n += m[r]!;
      matchedOf[i] = n;
    });
  }
  parts.forEach((p, i) => (report.sources[p.name] = { rows: p.length, matched: matchedOf[i]!, unmatched: p.length - matchedOf[i]! }));

  hooks.onProgress?.({ phase: 'resolve', detail: `${nrec} records` });
  return resolve(config, parts, recs, nrec, report, helper, splitMin, arena);
}

/** A join to probe per primary row (probePrimary): its index, the primary's key columns and the output. */
interface ProbePlan {
  j: number;
  index: KeyIndex;
  lIdx: number[];
  keyCols: Col[];
  heads: Int32Array;
  primary: Table;
  src: Table;
}

/**
 * probePrimary for rows [start, end) of the primary against `src`'s join index: by the kernel for
 * one text key when all of it is in the arena.
 */
function probeRows(arena: Arena | null, primary: Table, keyCols: Col[], src: Table, heads: Int32Array, start: number, end: number, index?: KeyIndex): void {
  const data = src.index!;
  const rCols = data.fields.map((i) => src.cols[i]!);
  if (arena !== null && data.arena && primary.arena && src.arena && keyCols.length === 1 && isText(keyCols[0]!) && isText(rCols[0]!)) {
    scanKernel.probed++;
    arena.kernel.probeText(colSpec(arena, keyCols[0]!), colSpec(arena, rCols[0]!), data.head.byteOffset, data.mask, data.hashes.byteOffset, heads.byteOffset, start, end);
    return;
  }
  probePrimary(index ?? new KeyIndex(rCols, src.length, data), keyCols, heads, start, end);
}

/**
 * The probe of join j (source `src`) per primary row, or null when its keys are not the primary's
 * alone: a key field the primary lacks, or holds nulls where an earlier secondary (`earlier`; null:
 * not known yet, so nulls are refused) may have the value.
 */
function probePlan(config: IntegrationConfig, primary: Table, src: Table, j: number, earlier: Table[] | null, arena: Arena | null): ProbePlan | null {
  const mem: Alloc = arena ?? SHARED;
  const join = config.joins[j - 1]!;
  const lIdx = join.on.map((k) => primary.fields.indexOf(k.left));
  const rIdx = join.on.map((k) => src.fields.indexOf(k.right));
  if (lIdx.some((i) => i < 0) || rIdx.some((i) => i < 0)) return null;
  const keyCols = lIdx.map((i) => primary.cols[i]!);
  // a key field an earlier secondary also has is read from it where the primary's is null
  if (join.on.some((k, i) => hasNull(keyCols[i]!, arena && primary.arena ? arena : null) && (earlier === null || earlier.some((p) => p.fields.includes(k.left))))) return null;
  const rCols = rIdx.map((i) => src.cols[i]!);
  if (keyCols.some((c, k) => keyKind(c) !== keyKind(rCols[k]!))) return null;
  const data = src.index && src.index.fields.join() === rIdx.join() ? src.index : buildJoinIndex(src, join.on.map((k) => k.right), arena)!;
  src.index = data;
  return { j, index: new KeyIndex(rCols, src.length, data), lIdx, keyCols, heads: mem.i32(primary.length), primary, src };
}

/** Whether a column holds a null. */
function hasNull(c: Col, arena: Arena | null = null): boolean {
  if (arena !== null) {
    const n = c.nul !== null ? c.nul.length : c.start!.length;
    return arena.kernel.firstNull(colSpec(arena, c), n) < n;
  }
  const n = c.nul !== null ? c.nul.length : c.start!.length;
  for (let r = 0; r < n; r++) if (isNull(c, r)) return true;
  return false;
}


/** heads[r]: the first indexed row matching the key cells of primary row r (−1: none, or a null in the key). */
function probePrimary(index: KeyIndex, keyCols: Col[], heads: Int32Array, start = 0, end = heads.length): void {
  const nk = keyCols.length;
  const keyRows = new Int32Array(nk);
  if (nk === 1) {
    const c = keyCols[0]!;
    for (let r = start; r < end; r++) {
      if (isNull(c, r)) heads[r] = -1;
      else {
        keyRows[0] = r;
        heads[r] = index.find(keyCols, keyRows, hashCell(c, r, SEED));
      }
    }
    return;
  }
  for (let r = start; r < end; r++) {
    let h = SEED;
    let nul = false;
    for (let k = 0; k < nk && !nul; k++) {
      if (isNull(keyCols[k]!, r)) nul = true;
      else h = hashCell(keyCols[k]!, r, h);
      keyRows[k] = r;
    }
    heads[r] = nul ? -1 : index.find(keyCols, keyRows, h);
  }
}

/** heads[rec]: the first indexed row matching the key read from `rows[rec]` of column `c`, or −1. */
function probeSingle(index: KeyIndex, rows: Int32Array, c: Col, heads: Int32Array): void {
  const keyCols = [c];
  const keyRows = new Int32Array(1);
  for (let rec = 0; rec < heads.length; rec++) {
    const r = rows[rec]!;
    if (r < 0 || isNull(c, r)) {
      heads[rec] = -1;
      continue;
    }
    keyRows[0] = r;
    heads[rec] = index.find(keyCols, keyRows, hashCell(c, r, SEED));
  }
}

/** probeSingle for composite keys, or keys several participants hold (the first non-null value wins). */
function probeMany(index: KeyIndex, recs: Int32Array[], lWhere: { p: number; c: Col }[][], heads: Int32Array): void {
  const nk = lWhere.length;
  const keyCols = new Array<Col>(nk);
  const keyRows = new Int32Array(nk);
  for (let rec = 0; rec < heads.length; rec++) {
    let ok = true;
    for (let k = 0; k < nk && ok; k++) {
      ok = false;
      for (const w of lWhere[k]!) {
        const r = recs[w.p]![rec]!;
        if (r >= 0 && !isNull(w.c, r)) {
          keyCols[k] = w.c;
          keyRows[k] = r;
          ok = true;
          break;
        }
      }
    }
    let head = -1;
    if (ok) {
      let h = SEED;
      for (let k = 0; k < nk; k++) h = hashCell(keyCols[k]!, keyRows[k]!, h);
      head = index.find(keyCols, keyRows, h);
    }
    heads[rec] = head;
  }
}

/** The records after join j: each matched record once per matching row (in table order), unmatched ones kept for a left join. */
function expand(mem: Alloc, recs: Int32Array[], heads: Int32Array, next: Int32Array, j: number, kept: boolean, total: number): Int32Array[] {
  // one match per record (the usual case): the other participants' arrays stay as they are
  let simple = total === heads.length;
  for (let rec = 0; rec < heads.length && simple; rec++) if ((heads[rec]! < 0 && !kept) || (heads[rec]! >= 0 && next[heads[rec]!]! >= 0)) simple = false;
  if (simple) return recs.map((a, p) => (p === j ? heads : a));
  const np = recs.length;
  const out = recs.map(() => mem.i32(total));
  const oj = out[j]!;
  let n = 0;
  for (let rec = 0; rec < heads.length; rec++) {
    const h = heads[rec]!;
    if (h < 0 && !kept) continue;
    for (let row = h; ; row = next[row]!) {
      for (let p = 0; p < np; p++) out[p]![n] = recs[p]![rec]!;
      oj[n] = row;
      n++;
      if (row < 0 || next[row]! < 0) break;
    }
  }
  return out;
}

/** −2: the default; −1: null; p ≥ 0: the participant the value comes from. */
const FROM_DEFAULT = -2;
const FROM_NONE = -1;

async function resolve(
  config: IntegrationConfig,
  parts: Table[],
  recs: Int32Array[],
  nrec: number,
  report: IntegrationReport,
  helper: Helper | null,
  splitMin: number,
  arena: Arena | null,
): Promise<ColumnarResult | null> {
  const mem: Alloc = arena ?? SHARED;
  const all: string[] = [];
  const typeOf = new Map<string, FieldType>();
  for (const p of parts) {
    p.fields.forEach((f, i) => {
      if (!typeOf.has(f)) {
        all.push(f);
        typeOf.set(f, p.cols[i]!.type);
      }
    });
  }
  const outFields = config.output.fields ?? all;
  const plans: Plan[] = [];
  for (const name of outFields) {
    const dot = name.indexOf('.');
    const qp = dot < 0 ? -1 : parts.findIndex((x) => x.name === name.slice(0, dot));
    const qi = qp < 0 ? -1 : parts[qp]!.fields.indexOf(name.slice(dot + 1));
    if (qi >= 0) {
      plans.push({ name, type: parts[qp]!.cols[qi]!.type, kind: 'one', p: qp, c: qi });
      continue;
    }
    const where = parts.map((p, pi) => ({ p: pi, c: p.fields.indexOf(name) })).filter((x) => x.c >= 0);
    if (where.length === 0 && config.defaults[name] === undefined) return null; // unknown field: the row engine says so
    const rule: ResolveConfig = config.resolve[name] ?? { strategy: 'preferPrimary' };
    const type = typeOf.get(name) ?? 'string';
    if (where.length === 1) {
      plans.push({ name, type, kind: 'one', p: where[0]!.p, c: where[0]!.c });
      continue;
    }
    const cols = where.map((w) => parts[w.p]!.cols[w.c]!);
    if (cols.length > 0 && (rule.strategy === 'longest' || rule.strategy === 'min' || rule.strategy === 'max') && new Set(cols.map((c) => (isText(c) ? 'text' : c.type === 'bool' ? 'bool' : 'num'))).size > 1) return null;
    if (cols.length > 0 && ((rule.strategy === 'longest' && !isText(cols[0]!)) || ((rule.strategy === 'min' || rule.strategy === 'max') && cols[0]!.type === 'bool'))) return null;
    let stamp: number[] | null = null;
    if (rule.strategy === 'mostRecent') {
      stamp = parts.map((p) => p.fields.indexOf(rule.timestamp!));
      // text or bool timestamps are parsed / skipped by the row engine's rules: not here
      if (stamp.some((i, p) => i >= 0 && (isText(parts[p]!.cols[i]!) || parts[p]!.cols[i]!.type === 'bool'))) return null;
    }
    plans.push({ name, type, kind: 'resolved', where, rule, stamp });
  }

  // resolve: per output field and record, the participant its value comes from
  const from = plans.map(() => mem.i8(nrec));
  const conflictCount = plans.map(() => 0);
  const conflictFirst = plans.map(() => -1);
  const dflt = (plan: Plan) => (config.defaults[plan.name] !== undefined ? FROM_DEFAULT : FROM_NONE);
  // A join key field under the default rule: where the primary has it (never null here), every
  // participant joined on it holds the same value, so the primary's is taken and nothing conflicts.
  const sameKey = plans.map((plan) => {
    if (plan.kind !== 'resolved' || plan.rule.strategy !== 'preferPrimary' || plan.rule.order || plan.where[0]!.p !== 0) return false;
    const cols = plan.where.map((w) => parts[w.p]!.cols[w.c]!);
    // not floats: NaN equals NaN as a key, not as a value
    if (!(cols.every(isText) || cols.every((c) => c.type === 'int'))) return false;
    if (!plan.where.slice(1).every((w) => config.joins[w.p - 1]!.on.some((k) => k.left === plan.name && k.right === plan.name))) return false;
    return !hasNull(cols[0]!, arena && parts[0]!.arena ? arena : null);
  });
  sameKey.forEach((same, k) => same && from[k]!.fill(0));
  // every other field, per record: with a helper thread, it takes the second half of the records
  const jobs: ResolveJob[] = [];
  plans.forEach((plan, k) => {
    if (!sameKey[k]) jobs.push({ plan, from: from[k]!, dflt: dflt(plan) });
  });
  const mid = helper && nrec >= splitMin ? nrec >>> 1 : nrec;
  const shared = mid < nrec ? helper!.resolve(jobs, recs, parts, mid, nrec, arena) : null;
  const mine = runResolve(jobs, recs, parts, 0, mid, arena);
  const theirs = shared ? await shared : null;
  let j = 0;
  plans.forEach((plan, k) => {
    if (sameKey[k]) return;
    const a = mine[j]!;
    const b = theirs?.[j];
    j++;
    conflictCount[k] = a.count + (b?.count ?? 0);
    conflictFirst[k] = a.first >= 0 ? a.first : (b?.first ?? -1);
  });
  // conflicts in the order the row engine meets them: by first record, then by field
  plans
    .map((p, k) => ({ p, k, first: conflictFirst[k]! }))
    .filter((x) => conflictCount[x.k]! > 0)
    .sort((a, b) => a.first - b.first || a.k - b.k)
    .forEach((x) => (report.conflicts[x.p.name] = { strategy: (x.p as { rule: ResolveConfig }).rule.strategy, resolved: conflictCount[x.k]! }));

  /** Per output field and participant: the column the value is read from. */
  const colOf = plans.map((plan) => {
    const m: (Col | null)[] = parts.map(() => null);
    if (plan.kind === 'one') m[plan.p] = parts[plan.p]!.cols[plan.c]!;
    else for (const w of plan.where) m[w.p] = parts[w.p]!.cols[w.c]!;
    return m;
  });

  /** The row engine's value of output field k in record rec (defaults included). */
  const value = (k: number, rec: number): Value => {
    const p = from[k]![rec]!;
    if (p === FROM_DEFAULT) return config.defaults[plans[k]!.name]!;
    if (p === FROM_NONE) return null;
    return valueOf(colOf[k]![p]!, recs[p]![rec]!);
  };
  // sort: an index permutation, skipped when the records are already in order. Cells are
  // compared in place (text bytes, numbers); other pairs (defaults, booleans, mixed types) as the
  // row engine compares values.
  let orderIdx: Int32Array | null = null;
  if (config.output.sort.length) {
    const keys = config.output.sort.map((name) => outFields.indexOf(name));
    if (keys.some((k) => k < 0)) return null;
    const cmpCell = (k: number, x: number, y: number): number => {
      const px = from[k]![x]!;
      const py = from[k]![y]!;
      if (px >= 0 && py >= 0) {
        const cx = colOf[k]![px]!;
        const cy = colOf[k]![py]!;
        if (cx.type === 'string' && cy.type === 'string') return compareText(cx, recs[px]![x]!, cy, recs[py]![y]!);
        if (cx.num !== null && cy.num !== null && cx.type !== 'bool' && cy.type !== 'bool') {
          const a = cx.num[recs[px]![x]!]!;
          const b = cy.num[recs[py]![y]!]!;
          return a === b ? 0 : a - b;
        }
      }
      return compareValues(value(k, x), value(k, y));
    };
    const compare = (x: number, y: number): number => {
      for (const k of keys) {
        const c = cmpCell(k, x, y);
        if (c) return c;
      }
      return x - y;
    };
    let sorted = true;
    const k0 = keys[0]!;
    const plan0 = plans[k0]!;
    const p0 = plan0.kind === 'one' ? plan0.p : sameKey[k0] ? 0 : -1;
    if (keys.length === 1 && p0 >= 0 && isText(colOf[k0]![p0]!)) {
      // one text key from one participant (the usual case): its spans compared in a plain loop
      const c = colOf[k0]![p0]!;
      const rows = recs[p0]!;
      const f = from[k0]!;
      // the kernel skips to the first pair out of order or with a null (then taken here)
      const skip = arena !== null && parts[p0]!.arena ? arena.kernel.firstUnsorted(colSpec(arena, c), rows.byteOffset, f.byteOffset, nrec) : 1;
      for (let rec = skip; rec < nrec && sorted; rec++) {
        if (f[rec - 1]! >= 0 && f[rec]! >= 0 ? compareText(c, rows[rec - 1]!, c, rows[rec]!) > 0 : compare(rec - 1, rec) > 0) sorted = false;
      }
    } else for (let rec = 1; rec < nrec && sorted; rec++) if (compare(rec - 1, rec) > 0) sorted = false;
    if (!sorted) {
      const idx = Array.from({ length: nrec }, (_, i) => i);
      idx.sort(compare);
      orderIdx = mem.i32(nrec);
      orderIdx.set(idx);
    }
  }
  report.outputRows = nrec;
  const types = plans.map((p) => p.type);
  const names = parts.map((p) => p.name);

  const provenanceOf = (k: number, rec: number): string => {
    const p = from[k]![rec]!;
    return p === FROM_DEFAULT ? 'default' : p === FROM_NONE ? '' : names[p]!;
  };
  const data: WriteData = { tables: parts, from, recs, orderIdx, memory: arena?.memory };
  let closed = false;
  const close = () => {
    if (!closed) helper?.close();
    closed = true;
  };

  return {
    fields: outFields,
    types,
    report,
    length: nrec,
    helperWork: helper?.done ?? { loads: 0, rows: 0, fields: 0, probes: 0 },
    toResult(limit?: number): IntegrationResult {
      if (limit === undefined) close();
      const n = Math.min(nrec, limit ?? nrec);
      const rows: Value[][] = new Array(n);
      const provenance: string[][] | null = config.output.provenance ? new Array(n) : null;
      for (let i = 0; i < n; i++) {
        const rec = orderIdx ? orderIdx[i]! : i;
        rows[i] = plans.map((_, k) => value(k, rec));
        if (provenance) provenance[i] = plans.map((_, k) => provenanceOf(k, rec));
      }
      return { fields: outFields, types, rows, provenance, report };
    },
    async writeCsv(output, o) {
      try {
        const big = nrec >= splitMin;
        return await writeColumns(output, writeMeta(plans, outFields, parts, config.defaults, o), data, nrec, outFields, big && !closed ? helper : null);
      } finally {
        close();
      }
    },
    close,
  };
}

/** A field only participant p has: p where its value is present, else the default or nothing. */
function resolveOne(f: Int8Array, rows: Int32Array, c: Col, p: number, dflt: number, start: number, end: number): void {
  for (let rec = start; rec < end; rec++) {
    const r = rows[rec]!;
    f[rec] = r >= 0 && !isNull(c, r) ? p : dflt;
  }
}

const TWO_WAY: ReadonlySet<Strategy> = new Set(['preferPrimary', 'preferSecondary', 'firstNonNull', 'mostComplete', 'mostRecent', 'min', 'max', 'longest']);

/**
 * resolveMany for a field two participants have (the usual case), in one loop over plain locals:
 * the same choices as pick(), several times faster than the general loop.
 */
function resolveTwo(f: Int8Array, plan: ManyPlan, recs: Int32Array[], parts: Table[], dflt: number, start: number, end: number): { count: number; first: number } {
  const [w0, w1] = plan.where as [{ p: number; c: number }, { p: number; c: number }];
  const p0 = w0.p;
  const p1 = w1.p;
  const c0 = parts[p0]!.cols[w0.c]!;
  const c1 = parts[p1]!.cols[w1.c]!;
  const rows0 = recs[p0]!;
  const rows1 = recs[p1]!;
  const strategy = plan.rule.strategy;
  // the choice when both are present, for the rules that do not look at the values
  const fixed = strategy === 'preferPrimary' ? (p0 === 0 ? 0 : p1 === 0 ? 1 : 0) : strategy === 'preferSecondary' ? (p0 !== 0 ? 0 : p1 !== 0 ? 1 : 0) : strategy === 'firstNonNull' || strategy === 'mostComplete' ? 0 : -1;
  const s0 = plan.stamp && plan.stamp[p0]! >= 0 ? parts[p0]!.cols[plan.stamp[p0]!]! : null;
  const s1 = plan.stamp && plan.stamp[p1]! >= 0 ? parts[p1]!.cols[plan.stamp[p1]!]! : null;
  const text = isText(c0);
  let count = 0;
  let first = -1;
  for (let rec = start; rec < end; rec++) {
    const r0 = rows0[rec]!;
    const r1 = rows1[rec]!;
    const a = r0 >= 0 && !isNull(c0, r0);
    const b = r1 >= 0 && !isNull(c1, r1);
    if (!a || !b) {
      f[rec] = a ? p0 : b ? p1 : dflt;
      continue;
    }
    if (differ(c0, r0, c1, r1)) {
      if (count === 0) first = rec;
      count++;
    }
    let pick1: boolean;
    if (fixed >= 0) pick1 = fixed === 1;
    else if (strategy === 'mostRecent') {
      // the first candidate with a timestamp greater than the ones before (pick()'s rule)
      let t0 = s0 !== null && !isNull(s0, r0) ? s0.num![r0]! : -Infinity;
      if (t0 !== t0) t0 = -Infinity; // NaN: no time
      const t1 = s1 !== null && !isNull(s1, r1) ? s1.num![r1]! : -Infinity;
      pick1 = t1 > t0;
    } else if (strategy === 'longest') pick1 = c1.end![r1]! - c1.start![r1]! > c0.end![r0]! - c0.start![r0]!;
    else {
      const d = text ? compareText(c1, r1, c0, r0) : c1.num![r1]! < c0.num![r0]! ? -1 : c1.num![r1]! > c0.num![r0]! ? 1 : 0;
      pick1 = strategy === 'min' ? d < 0 : d > 0;
    }
    f[rec] = pick1 ? p1 : p0;
  }
  return { count, first };
}

/** A field several participants have: the rule's pick per record, and the conflicts met. */
function resolveMany(f: Int8Array, plan: ManyPlan, recs: Int32Array[], parts: Table[], dflt: number, start: number, end: number): { count: number; first: number } {
  const where = plan.where;
  if (where.length === 2 && TWO_WAY.has(plan.rule.strategy) && !plan.rule.order) return resolveTwo(f, plan, recs, parts, dflt, start, end);
  const nw = where.length;
  const cols = where.map((w) => parts[w.p]!.cols[w.c]!);
  const rows = where.map((w) => recs[w.p]!);
  const ps = Int8Array.from(where, (w) => w.p);
  const rule = plan.rule;
  // preferPrimary, preferSecondary and firstNonNull without an order are decided here; the
  // other rules by pick()
  const simple = rule.strategy === 'preferPrimary' || rule.strategy === 'preferSecondary' || ((rule.strategy === 'firstNonNull' || rule.strategy === 'mostComplete') && !rule.order);
  const wantPrimary = rule.strategy === 'preferPrimary';
  const wantSecondary = rule.strategy === 'preferSecondary';
  const cand: number[] = []; // indexes into where of the present (non-null) values
  const candRows: number[] = []; // and their rows
  let count = 0;
  let first = -1;
  for (let rec = start; rec < end; rec++) {
    let n = 0;
    let w0 = -1;
    let r0 = -1;
    let chosen = -1;
    let conflict = false;
    for (let w = 0; w < nw; w++) {
      const r = rows[w]![rec]!;
      if (r < 0 || isNull(cols[w]!, r)) continue;
      if (n === 0) {
        w0 = w;
        r0 = r;
      } else if (!conflict && differ(cols[w]!, r, cols[w0]!, r0)) conflict = true;
      if (chosen < 0 && ((wantPrimary && ps[w] === 0) || (wantSecondary && ps[w] !== 0))) chosen = w;
      n++;
    }
    if (n === 0) {
      f[rec] = dflt;
      continue;
    }
    if (conflict) {
      if (count === 0) first = rec;
      count++;
    }
    if (simple) {
      f[rec] = ps[chosen >= 0 ? chosen : w0]!;
      continue;
    }
    cand.length = 0;
    candRows.length = 0;
    for (let w = 0; w < nw; w++) {
      const r = rows[w]![rec]!;
      if (r >= 0 && !isNull(cols[w]!, r)) {
        cand.push(w);
        candRows.push(r);
      }
    }
    f[rec] = ps[cand[pick(rule, cand, candRows, where, cols, parts, plan.stamp)]!]!;
  }
  return { count, first };
}

/** Whether two present cells differ as the row engine's `!==` on their values sees it. */
function differ(a: Col, ra: number, b: Col, rb: number): boolean {
  const ta = isText(a);
  if (ta !== isText(b) || (a.type === 'bool') !== (b.type === 'bool')) return true;
  if (ta) return compareText(a, ra, b, rb) !== 0;
  return a.num![ra] !== b.num![rb];
}

/**
 * pick() of combine.ts over the present candidates: `cand[i]` indexes `where`, `rows[i]` is its
 * row; candidates are in participant order. Returns an index into `cand`.
 */
function pick(rule: ResolveConfig, cand: number[], rows: number[], where: { p: number; c: number }[], cols: Col[], parts: Table[], stamp: number[] | null): number {
  const n = cand.length;
  switch (rule.strategy) {
    case 'preferPrimary':
      for (let i = 0; i < n; i++) if (where[cand[i]!]!.p === 0) return i;
      return 0;
    case 'preferSecondary':
      for (let i = 0; i < n; i++) if (where[cand[i]!]!.p !== 0) return i;
      return 0;
    case 'mostComplete':
    case 'firstNonNull':
      if (rule.order) {
        for (const name of rule.order) for (let i = 0; i < n; i++) if (parts[where[cand[i]!]!.p]!.name === name) return i;
      }
      return 0;
    case 'longest': {
      let best = 0;
      let bestLen = -1;
      for (let i = 0; i < n; i++) {
        const c = cols[cand[i]!]!;
        const len = c.end![rows[i]!]! - c.start![rows[i]!]!;
        if (len > bestLen) {
          best = i;
          bestLen = len;
        }
      }
      return best;
    }
    case 'mostRecent': {
      let best = 0;
      let bestT = -Infinity;
      for (let i = 0; i < n; i++) {
        const p = where[cand[i]!]!.p;
        const si = stamp![p]!;
        if (si < 0) continue;
        const sc = parts[p]!.cols[si]!;
        const r = rows[i]!;
        if (isNull(sc, r)) continue;
        const t = sc.num![r]!;
        if (t > bestT) {
          bestT = t;
          best = i;
        }
      }
      return best;
    }
    case 'min':
    case 'max': {
      const min = rule.strategy === 'min';
      let best = 0;
      for (let i = 1; i < n; i++) {
        const a = cols[cand[i]!]!;
        const b = cols[cand[best]!]!;
        const d = isText(a) ? compareText(a, rows[i]!, b, rows[best]!) : a.num![rows[i]!]! < b.num![rows[best]!]! ? -1 : a.num![rows[i]!]! > b.num![rows[best]!]! ? 1 : 0;
        if (min ? d < 0 : d > 0) best = i;
      }
      return best;
    }
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// CSV output straight from the columns

const HOW_TEXT = 0;
const HOW_TEXT_QUOTED = 1;
const HOW_BOOL = 2;
const HOW_NUMBER = 3;

/** What formatting needs besides the columns: plain data, so that a worker thread can take it. */
export interface WriteMeta {
  types: FieldType[];
  /** Per output field: digits of its '%.Nf' format, or −1. */
  digits: number[];
  /** Per output field: how numbers go out — 1 whole numbers as digits, 2 timestamps, 0 formatted. */
  numberKind: number[];
  /** Per output field: its default as CSV text, or null. */
  defaultText: (string | null)[];
  /** Per output field and participant: the column index the value is read from, or −1. */
  colRef: number[][];
  /** Participant names (provenance). */
  names: string[];
  provenance: boolean;
}

/** The arrays formatting reads, all on shared memory when a helper thread formats a part. */
export interface WriteData {
  tables: Table[];
  from: Int8Array[];
  recs: Int32Array[];
  orderIdx: Int32Array | null;
  /** The Arena all of them are in, when they are (the kernel then writes the CSV). */
  memory?: WebAssembly.Memory;
}

/** What writes CSV rows into a buffer: RowFormatter, or KernelFormatter when the data is in an Arena. */
interface Formatter {
  pos: number;
  /** Formats rows from `i` until `end` or until about OUT_CHUNK bytes are held; returns the row to go on from. */
  fill(i: number, end: number): number;
  putStr(s: string): void;
  /** The bytes held; the formatter goes on in its other buffer (the caller is done with these before taking again). */
  take(): Buffer;
}

/** The formatter for `data`: the kernel's when it can write all of it. */
function formatterFor(meta: WriteMeta, data: WriteData): Formatter {
  const arena = meta.provenance ? null : arenaOf(data.memory);
  return arena !== null && data.tables.every((t) => t.arena) ? new KernelFormatter(meta, data, arena) : new RowFormatter(meta, data);
}

const OUT_CHUNK = 1 << 20;
const SPECIAL = /[,"\r\n]/;
/** writeCsv's cell(): quoted only when needed, '' as "". */
const csvText = (s: string): string => (s.length === 0 ? '""' : SPECIAL.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const DAY_MS = 86_400_000;

function writeMeta(plans: Plan[], outFields: string[], parts: Table[], defaults: Record<string, Value>, o: { numberFormats: Record<string, string>; provenance: boolean }): WriteMeta {
  const types = plans.map((p) => p.type);
  const digits = outFields.map((f) => {
    const m = o.numberFormats[f] ? /^%\.(\d+)f$/.exec(o.numberFormats[f]!) : null;
    return m ? Number(m[1]) : -1;
  });
  const defaultText = plans.map((p, k) => {
    const v = defaults[p.name];
    if (v === undefined || v === null) return null;
    if (typeof v === 'number') return csvText(formatNumber(types[k]!, digits[k]!, v));
    if (typeof v === 'string') return csvText(v);
    return String(v);
  });
  const colRef = plans.map((plan) => {
    const m = parts.map(() => -1);
    if (plan.kind === 'one') m[plan.p] = plan.c;
    else for (const w of plan.where) m[w.p] = w.c;
    return m;
  });
  const numberKind = plans.map((p, k) => (digits[k]! >= 0 ? 0 : p.type === 'int' || p.type === 'string' ? 1 : p.type === 'timestamp' ? 2 : 0));
  return { types, digits, numberKind, defaultText, colRef, names: parts.map((p) => p.name), provenance: o.provenance };
}

/** A number as resultBatch + writeCsv write it in a field of `type` with a '%.Nf' format (`digits` ≥ 0). */
function formatNumber(type: FieldType, digits: number, v: number): string {
  if (digits >= 0) return v.toFixed(digits);
  return type === 'timestamp' ? formatTimestampFast(v) : formatValue(v, type);
}

/** The CSV header line, as writeCsv writes it. */
function headerLine(outFields: string[], provenance: boolean): string {
  const header = outFields.map(csvText);
  if (provenance) for (const f of outFields) header.push(csvText(`${f}_source`));
  return `${header.join(',')}\n`;
}

/**
 * Formats output rows as CSV bytes into a buffer, straight from the columns: string fields as
 * their input bytes, whole non-negative numbers and whole-second timestamps of years 0–9999 as
 * digits written in place, other numbers through formatNumber. The same on either thread.
 */
export class RowFormatter implements Formatter {
  buf: Buffer;
  pos = 0;
  private spare: Buffer | null = null;
  /** Per output field × participant (k · participants + p): the column its values come from. */
  private readonly flat: (Col | null)[];
  /** … and how its cells are written (HOW_*). */
  private readonly how: Uint8Array;

  constructor(
    private readonly meta: WriteMeta,
    private readonly data: WriteData,
    capacity = OUT_CHUNK + 65536,
  ) {
    this.buf = Buffer.allocUnsafe(capacity);
    const np = data.tables.length;
    this.flat = meta.colRef.flatMap((refs) => refs.map((c, p) => (c >= 0 ? data.tables[p]!.cols[c]! : null)));
    this.how = Uint8Array.from(this.flat, (c, i) => {
      if (c === null) return HOW_NUMBER;
      // text from a ','-delimited file cannot hold ',': copied without looking for it
      if (c.type === 'string') return data.tables[i % np]!.delimiter === COMMA ? HOW_TEXT : HOW_TEXT_QUOTED;
      return c.type === 'bool' ? HOW_BOOL : HOW_NUMBER;
    });
  }

  /** Formats rows from `i` until `end` or until OUT_CHUNK bytes are held; returns the next row. */
  fill(i: number, end: number): number {
    const { from, recs, orderIdx } = this.data;
    const meta = this.meta;
    const nk = meta.types.length;
    const np = recs.length;
    const how = this.how;
    const flat = this.flat;
    while (i < end && this.pos < OUT_CHUNK) {
      const rec = orderIdx ? orderIdx[i]! : i;
      if (this.pos + 4096 > this.buf.length) this.ensure(4096);
      for (let k = 0; k < nk; k++) {
        if (k > 0) this.buf[this.pos++] = COMMA;
        const p = from[k]![rec]!;
        if (p < 0) {
          if (p === FROM_DEFAULT && meta.defaultText[k] !== null) this.putStr(meta.defaultText[k]!);
          continue;
        }
        const c = flat[k * np + p]!;
        const r = recs[p]![rec]!;
        switch (how[k * np + p]) {
          case HOW_TEXT:
            this.copySpan(c.bytes, c.start![r]!, c.end![r]!);
            break;
          case HOW_TEXT_QUOTED:
            this.putSpan(c.bytes, c.start![r]!, c.end![r]!);
            break;
          case HOW_BOOL:
            this.putStr(c.num![r] === 1 ? 'true' : 'false');
            break;
          default: {
            const v = c.num![r]!;
            const kind = meta.numberKind[k]!;
            if (kind === 1 && v >= 0 && v < 1e15 && v === Math.floor(v)) this.putInt(v);
            else if (kind !== 2 || !this.putTimestamp(v)) this.putStr(formatNumber(meta.types[k]!, meta.digits[k]!, v));
          }
        }
        if (this.pos + 64 > this.buf.length) this.ensure(64);
      }
      if (meta.provenance) {
        for (let k = 0; k < nk; k++) {
          const p = from[k]![rec]!;
          this.putStr(`,${csvText(p === FROM_DEFAULT ? 'default' : p === FROM_NONE ? '' : meta.names[p]!)}`);
        }
      }
      this.ensure(1);
      this.buf[this.pos++] = LF;
      i++;
    }
    return i;
  }

  take(): Buffer {
    const full = this.buf.subarray(0, this.pos);
    const next = this.spare ?? Buffer.allocUnsafe(this.buf.length);
    this.spare = this.buf;
    this.buf = next;
    this.pos = 0;
    return full;
  }

  private ensure(n: number): void {
    if (this.pos + n > this.buf.length) {
      const b = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n + 65536));
      this.buf.copy(b, 0, 0, this.pos);
      this.buf = b;
    }
  }

  putStr(s: string): void {
    this.ensure(s.length * 3 + 1);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) {
        pos += buf.write(s.slice(i), pos, 'utf8');
        break;
      }
      buf[pos++] = c;
    }
    this.pos = pos;
  }

  private copySpan(t: Buffer, s: number, e: number): void {
    this.ensure(e - s);
    const buf = this.buf;
    let pos = this.pos;
    for (let x = s; x < e; x++) buf[pos++] = t[x]!;
    this.pos = pos;
  }

  private putSpan(t: Buffer, s: number, e: number): void {
    this.ensure(e - s + 3);
    const buf = this.buf;
    const at = this.pos;
    let pos = at;
    let quote = false;
    for (let x = s; x < e; x++) {
      const ch = t[x]!;
      if (ch === COMMA) quote = true;
      buf[pos++] = ch;
    }
    if (quote) {
      // only when the input's delimiter was not ','; it holds no quotes (see loadCsv)
      buf.copyWithin(at + 1, at, pos);
      buf[at] = QUOTE;
      pos++;
      buf[pos++] = QUOTE;
    }
    this.pos = pos;
  }

  private putInt(v: number): void {
    let n = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) n++;
    const buf = this.buf;
    const pos = this.pos;
    let q = v;
    for (let d = n - 1; d >= 0; d--) {
      buf[pos + d] = 48 + (q % 10);
      q = Math.floor(q / 10);
    }
    this.pos = pos + n;
  }

  /** YYYY-MM-DDTHH:MM:SS for whole seconds in years 0–9999 (formatTimestamp's text); false otherwise. */
  private putTimestamp(ms: number): boolean {
    if (!(ms % 1000 === 0 && ms >= -62_167_219_200_000 && ms < 253_402_300_800_000)) return false;
    const day = Math.floor(ms / DAY_MS);
    const sec = (ms - day * DAY_MS) / 1000;
    // civil_from_days (H. Hinnant)
    const z = day + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    const buf = this.buf;
    const pos = this.pos;
    put2(buf, pos, Math.floor(y / 100));
    put2(buf, pos + 2, y % 100);
    buf[pos + 4] = 45; // -
    put2(buf, pos + 5, m);
    buf[pos + 7] = 45;
    put2(buf, pos + 8, d);
    buf[pos + 10] = 84; // T
    put2(buf, pos + 11, Math.floor(sec / 3600));
    buf[pos + 13] = 58; // :
    put2(buf, pos + 14, Math.floor(sec / 60) % 60);
    buf[pos + 16] = 58;
    put2(buf, pos + 17, sec % 60);
    this.pos = pos + 19;
    return true;
  }
}

/** Two decimal digits of v (0–99) at buf[pos]. */
function put2(buf: Uint8Array, pos: number, v: number): void {
  buf[pos] = 48 + Math.floor(v / 10);
  buf[pos + 1] = 48 + (v % 10);
}

const K_TEXT = 0;
const K_TEXT_QUOTED = 1;
const K_BOOL = 2;
const K_INT = 3;
const K_TIMESTAMP = 4;
const K_FIXED = 5;
const K_JS = 6;

/**
 * RowFormatter's output, written by the kernel's `format` straight from the Arena (text copied,
 * whole numbers, timestamps and '%.Nf' numbers formatted there); the cells it leaves (other numbers,
 * and values outside its fast paths) are written here with formatNumber, as RowFormatter does.
 */
class KernelFormatter implements Formatter {
  buf: Buffer;
  pos = 0;
  /** The field to go on from in the record fill stopped in. */
  private k = 0;
  private cap = OUT_CHUNK;
  private other: Buffer;
  private readonly flat: (Col | null)[];
  private readonly ptr: { from: number; recs: number; cells: number; defaults: number; state: number; order: number };
  private readonly state: Int32Array;

  constructor(
    private readonly meta: WriteMeta,
    private readonly data: WriteData,
    private readonly arena: Arena,
  ) {
    const nk = meta.types.length;
    const np = data.recs.length;
    const a = arena;
    this.flat = meta.colRef.flatMap((refs) => refs.map((c, p) => (c >= 0 ? data.tables[p]!.cols[c]! : null)));
    const from = a.i32(nk);
    data.from.forEach((f, k) => (from[k] = f.byteOffset));
    const recs = a.i32(np);
    data.recs.forEach((r, p) => (recs[p] = r.byteOffset));
    const cells = a.i32(nk * np * 8);
    this.flat.forEach((c, x) => {
      const k = Math.floor(x / np);
      const o = x * 8;
      if (c === null) cells[o] = K_JS;
      else if (c.type === 'string') {
        cells[o] = data.tables[x % np]!.delimiter === COMMA ? K_TEXT : K_TEXT_QUOTED;
        cells[o + 1] = c.start!.byteOffset;
        cells[o + 2] = c.end!.byteOffset;
        cells[o + 3] = c.bytes.byteOffset;
      } else {
        const kind = meta.numberKind[k]!;
        cells[o] = c.type === 'bool' ? K_BOOL : kind === 1 ? K_INT : kind === 2 ? K_TIMESTAMP : meta.digits[k]! >= 0 ? K_FIXED : K_JS;
        cells[o + 4] = c.num!.byteOffset;
        cells[o + 6] = meta.digits[k]!;
      }
    });
    const defaults = a.i32(nk * 2);
    meta.defaultText.forEach((text, k) => {
      defaults[2 * k + 1] = -1;
      if (text === null) return;
      const bytes = Buffer.from(text, 'utf8');
      const at = a.u8(bytes.length);
      at.set(bytes);
      defaults[2 * k] = at.byteOffset;
      defaults[2 * k + 1] = bytes.length;
    });
    this.state = a.i32(4);
    this.ptr = { from: from.byteOffset, recs: recs.byteOffset, cells: cells.byteOffset, defaults: defaults.byteOffset, state: this.state.byteOffset, order: data.orderIdx?.byteOffset ?? 0 };
    this.buf = this.newBuffer(OUT_CHUNK + 65536);
    this.other = this.newBuffer(OUT_CHUNK + 65536);
  }

  private newBuffer(n: number): Buffer {
    const at = this.arena.u8(n);
    return Buffer.from(at.buffer, at.byteOffset, n);
  }

  fill(i: number, end: number): number {
    const { meta, data, ptr, state } = this;
    const nk = meta.types.length;
    const np = data.recs.length;
    scanKernel.formatted++;
    for (;;) {
      const status = this.arena.kernel.format(ptr.from, ptr.recs, ptr.cells, ptr.defaults, nk, np, ptr.order, i, end, this.k, this.buf.byteOffset, this.pos, this.cap, ptr.state);
      i = state[0]!;
      this.k = state[1]!;
      this.pos = state[2]!;
      if (status === 0) return i;
      if (status === 1) {
        if (this.pos > 0) return i;
        // one cell longer than a buffer: bigger buffers
        this.cap *= 4;
        this.buf = this.newBuffer(this.cap + 65536);
        this.other = this.newBuffer(this.cap + 65536);
        continue;
      }
      // a cell for formatNumber (its comma written): then the next field
      const rec = data.orderIdx ? data.orderIdx[i]! : i;
      const p = data.from[this.k]![rec]!;
      const c = this.flat[this.k * np + p]!;
      this.putStr(formatNumber(meta.types[this.k]!, meta.digits[this.k]!, c.num![data.recs[p]![rec]!]!));
      this.k++;
    }
  }

  putStr(s: string): void {
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  take(): Buffer {
    const full = this.buf.subarray(0, this.pos);
    [this.buf, this.other] = [this.other, this.buf];
    this.pos = 0;
    return full;
  }
}

/** Formats rows [start, end) into chunks (a helper thread's part of the output). */
export function formatPart(meta: WriteMeta, data: WriteData, start: number, end: number): Buffer[] {
  const f = formatterFor(meta, data);
  const chunks: Buffer[] = [];
  for (let i = start; i < end || f.pos > 0; ) {
    i = f.fill(i, end);
    // a copy of its own (transferable) per chunk; the formatter's buffers are reused
    const full = f.take();
    const chunk = Buffer.from(new ArrayBuffer(full.length));
    full.copy(chunk);
    chunks.push(chunk);
  }
  return chunks;
}

/**
 * Writes the result (through a temporary file and a rename for a path). With a helper, the helper
 * formats the second half of the rows while this thread formats and writes the first.
 */
async function writeColumns(output: string | NodeJS.WritableStream, meta: WriteMeta, data: WriteData, nrec: number, outFields: string[], helper: Helper | null): Promise<{ rows: number; bytes: number }> {
  const sink = await openSink(output);
  try {
    const mid = helper ? nrec >>> 1 : nrec;
    const rest = helper && mid < nrec ? helper.format(meta, data, mid, nrec) : null;
    const f = formatterFor(meta, data);
    f.putStr(headerLine(outFields, meta.provenance));
    // Two buffers, reused once each write has finished (a file sink; a stream gets copies): one
    // is formatted while the other is being written. Fresh memory costs a page fault per 4 KiB,
    // which on some machines is much of the writing time.
    const toFile = typeof output === 'string';
    let inFlight: Promise<void> | null = null;
    for (let i = 0; i < mid || f.pos > 0; ) {
      i = f.fill(i, mid);
      if (inFlight) await inFlight;
      const full = f.take();
      inFlight = sink.writeBytes(toFile ? full : Buffer.from(full));
    }
    if (inFlight) await inFlight;
    if (rest) for (const chunk of await rest) await sink.writeBytes(chunk);
    await sink.commit();
    return { rows: nrec, bytes: sink.bytes };
  } catch (err) {
    await sink.abort();
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// The helper thread

declare const __COMBINE_WORKER_BUNDLE__: string | undefined;

function workerScript(): string {
  if (typeof __COMBINE_WORKER_BUNDLE__ === 'string') return join(__dirname, __COMBINE_WORKER_BUNDLE__);
  return join(__dirname, 'columnar-worker-tsx.cjs');
}

/** A worker thread that loads sources and formats output parts; any failure falls back to this thread's work. */
export interface Helper {
  /** What the helper did itself (its failures are redone on this thread and not counted). */
  readonly done: { loads: number; rows: number; fields: number; probes: number };
  load(s: SourceConfig, joinKeys: string[] | undefined, arena: Arena | null): Promise<Table | null>;
  format(meta: WriteMeta, data: WriteData, start: number, end: number): Promise<Buffer[]>;
  /** Resolves these fields for records [start, end) (writing their `from` arrays, on shared memory); their conflicts there. */
  resolve(jobs: ResolveJob[], recs: Int32Array[], tables: Table[], start: number, end: number, arena: Arena | null): Promise<{ count: number; first: number }[]>;
  /** probePrimary of the primary's key columns `keyIdx` against `src`'s join index, for primary rows [start, end), into `heads` (shared memory). */
  probe(primary: Table, keyIdx: number[], src: Table, heads: Int32Array, start: number, end: number, arena: Arena | null): Promise<Int32Array>;
  close(): void;
}

interface ResolveJob {
  plan: Plan;
  from: Int8Array;
  dflt: number;
}

/**
 * Each job's field resolved for records [start, end); the conflicts met there. With an Arena that
 * holds every table, the kernel resolves the fields resolveOne and resolveTwo would.
 */
const runResolve = (jobs: ResolveJob[], recs: Int32Array[], tables: Table[], start: number, end: number, arena: Arena | null) => {
  const k = arena !== null && tables.every((t) => t.arena) ? new KernelResolve(arena) : null;
  return jobs.map((j) => {
    const plan = j.plan;
    if (plan.kind === 'resolved') return (k && k.two(j.from, plan, recs, tables, j.dflt, start, end)) || resolveMany(j.from, plan, recs, tables, j.dflt, start, end);
    const c = tables[plan.p]!.cols[plan.c]!;
    if (k) k.one(j.from, recs[plan.p]!, c, plan.p, j.dflt, start, end);
    else resolveOne(j.from, recs[plan.p]!, c, plan.p, j.dflt, start, end);
    return { count: 0, first: -1 };
  });
};

/** The kernel's description of a column in the arena (see kernel/scan.ts): its offset. */
function colSpec(arena: Arena, c: Col): number {
  const d = arena.i32(6);
  if (isText(c)) d.set([0, c.start!.byteOffset, c.end!.byteOffset, c.bytes.byteOffset, 0, 0]);
  else d.set([c.type === 'bool' ? 2 : 1, 0, 0, 0, c.num!.byteOffset, c.nul!.byteOffset]);
  return d.byteOffset;
}

/** The kernel's resolveOne and resolveTwo, on columns in an Arena. */
class KernelResolve {
  private readonly specs = new Map<Col, number>();
  private readonly out: Int32Array;
  constructor(private readonly arena: Arena) {
    this.out = arena.i32(2);
  }
  private spec(c: Col): number {
    let at = this.specs.get(c);
    if (at === undefined) {
      at = colSpec(this.arena, c);
      this.specs.set(c, at);
    }
    return at;
  }
  one(f: Int8Array, rows: Int32Array, c: Col, p: number, dflt: number, start: number, end: number): void {
    this.arena.kernel.resolveOne(f.byteOffset, rows.byteOffset, this.spec(c), p, dflt, start, end);
  }
  /** resolveTwo's result, or null for a field it does not take. */
  two(f: Int8Array, plan: ManyPlan, recs: Int32Array[], parts: Table[], dflt: number, start: number, end: number): { count: number; first: number } | null {
    const strategy = plan.rule.strategy;
    if (plan.where.length !== 2 || !TWO_WAY.has(strategy) || plan.rule.order) return null;
    const [w0, w1] = plan.where as [{ p: number; c: number }, { p: number; c: number }];
    const p0 = w0.p;
    const p1 = w1.p;
    const fixed = strategy === 'preferPrimary' ? (p0 === 0 ? 0 : p1 === 0 ? 1 : 0) : strategy === 'preferSecondary' ? (p0 !== 0 ? 0 : p1 !== 0 ? 1 : 0) : strategy === 'firstNonNull' || strategy === 'mostComplete' ? 0 : -1;
    const stamp = (p: number) => (plan.stamp && plan.stamp[p]! >= 0 ? this.spec(parts[p]!.cols[plan.stamp[p]!]!) : 0);
    const s = fixed >= 0 ? 0 : strategy === 'mostRecent' ? 1 : strategy === 'longest' ? 2 : strategy === 'min' ? 3 : 4;
    const c0 = this.spec(parts[p0]!.cols[w0.c]!);
    const c1 = this.spec(parts[p1]!.cols[w1.c]!);
    scanKernel.resolved++;
    this.arena.kernel.resolveTwo(f.byteOffset, recs[p0]!.byteOffset, recs[p1]!.byteOffset, p0, p1, c0, c1, stamp(p0), stamp(p1), s, fixed, dflt, start, end, this.out.byteOffset);
    return { count: this.out[0]!, first: this.out[1]! };
  }
}
const runProbe = (primary: Table, keyIdx: number[], src: Table, heads: Int32Array, start: number, end: number, arena: Arena | null): Int32Array => {
  probeRows(arena, primary, keyIdx.map((i) => primary.cols[i]!), src, heads, start, end);
  return heads;
};

/** Columns as they arrive from another thread (Buffers come as plain Uint8Arrays). */
export function reviveTable(t: Table): Table {
  const bytes = (b: Uint8Array) => (b.byteLength === 0 ? EMPTY : Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  return { ...t, cols: t.cols.map((c) => makeCol(c.type, bytes(c.bytes), c.start, c.end, c.num, c.nul)) };
}

/** A helper thread started ahead of integrateColumnar (see prestartHelper), not yet taken. */
let early: Worker | null = null;

/**
 * Starts the helper thread now, so that it is ready when integrateColumnar runs (a CLI calls this
 * before reading its config). It does not keep the process alive; integrateColumnar takes it or
 * stops it.
 */
export function prestartHelper(): void {
  if (early !== null || availableParallelism() < 2) return;
  try {
    early = new Worker(workerScript());
    early.unref();
    early.on('error', () => undefined);
  } catch {
    early = null;
  }
}

function dropEarlyHelper(): void {
  void early?.terminate();
  early = null;
}

function startHelper(): Helper | null {
  let worker: Worker;
  try {
    worker = early ?? new Worker(workerScript());
    early = null;
    worker.ref();
  } catch {
    return null;
  }
  let seq = 0;
  let broken = false;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  worker.on('message', (m: { id: number; result?: unknown; error?: string }) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.error !== undefined) w?.reject(new Error(m.error));
    else w?.resolve(m.result);
  });
  const fail = (err: unknown) => {
    broken = true;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('combine helper thread exited')));
  const call = (msg: object): Promise<unknown> =>
    broken
      ? Promise.reject(new Error('combine helper thread is gone'))
      : new Promise((resolve, reject) => {
          const id = ++seq;
          waiting.set(id, { resolve, reject });
          worker.postMessage({ id, ...msg });
        });
  const done = { loads: 0, rows: 0, fields: 0, probes: 0 };
  /** The helper's answer, counted as its work; when it fails, this thread does the work itself. */
  const ask = <T,>(msg: object, work: keyof typeof done, amount: number, answer: (r: unknown) => T, here: () => T): Promise<T> =>
    call(msg).then((r) => {
      done[work] += amount;
      return answer(r);
    }, here);
  return {
    done,
    load: (s, joinKeys, arena) =>
      ask({ kind: 'load', source: s, joinKeys, memory: arena?.memory }, 'loads', 1, (t) => (t ? reviveTable(t as Table) : null), () => loadSourceTable(s, joinKeys, arena)),
    format: (meta, data, start, end) =>
      ask(
        { kind: 'format', meta, data, start, end },
        'rows',
        end - start,
        (chunks) => (chunks as Uint8Array[]).map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)),
        () => formatPart(meta, data, start, end),
      ),
    resolve: (jobs, recs, tables, start, end, arena) =>
      ask(
        { kind: 'resolve', jobs, recs, tables, start, end, memory: arena?.memory },
        'fields',
        jobs.length,
        (r) => r as { count: number; first: number }[],
        () => runResolve(jobs, recs, tables, start, end, arena),
      ),
    probe: (primary, keyIdx, src, heads, start, end, arena) =>
      ask({ kind: 'probe', primary, keyIdx, src, heads, start, end, memory: arena?.memory }, 'probes', 1, () => heads, () => runProbe(primary, keyIdx, src, heads, start, end, arena)),
    close: () => {
      broken = true;
      void worker.terminate();
    },
  };
}

/** The helper thread's side: answers load and format requests (columnar-worker.ts). */
export function serveHelper(port: { on(ev: 'message', f: (m: unknown) => void): void; postMessage(m: unknown, transfer?: ArrayBuffer[]): void }): void {
  port.on('message', (raw) => {
    const m = raw as
      | { id: number; kind: 'load'; source: SourceConfig; joinKeys?: string[]; memory?: WebAssembly.Memory }
      | { id: number; kind: 'format'; meta: WriteMeta; data: WriteData; start: number; end: number }
      | { id: number; kind: 'resolve'; jobs: ResolveJob[]; recs: Int32Array[]; tables: Table[]; start: number; end: number; memory?: WebAssembly.Memory }
      | { id: number; kind: 'probe'; primary: Table; keyIdx: number[]; src: Table; heads: Int32Array; start: number; end: number; memory?: WebAssembly.Memory };
    try {
      if (m.kind === 'load') {
        port.postMessage({ id: m.id, result: loadSourceTable(m.source, m.joinKeys, arenaOf(m.memory)) });
      } else if (m.kind === 'probe') {
        runProbe(reviveTable(m.primary), m.keyIdx, reviveTable(m.src), m.heads, m.start, m.end, arenaOf(m.memory));
        port.postMessage({ id: m.id, result: true });
      } else if (m.kind === 'resolve') {
        port.postMessage({ id: m.id, result: runResolve(m.jobs, m.recs, m.tables.map(reviveTable), m.start, m.end, arenaOf(m.memory)) });
      } else {
        const data = { ...m.data, tables: m.data.tables.map(reviveTable) };
        const chunks = formatPart(m.meta, data, m.start, m.end);
        port.postMessage({ id: m.id, result: chunks }, chunks.map((c) => c.buffer as ArrayBuffer));
      }
    } catch (err) {
      port.postMessage({ id: m.id, error: (err as Error).message ?? String(err) });
    }
  });
}
