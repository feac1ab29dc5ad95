// Purpose: declarative, streaming transform pipelines (YAML or JSON). A pipeline is validated as a
// whole before it runs (unknown step, unknown field where the schema is known, bad expression:
// the error names the step and the position); then batches of rows flow through the steps. Steps
// that need all rows (sort, aggregate, dedupe keeping the last) gather them first; sort spills
// sorted runs to temporary files beyond a row budget and merges them. Every step reports rows in,
// rows out and its time.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InvalidInputError } from '../errors.ts';
import { compileExpression, ExpressionError, type CompiledExpression } from './expr.ts';
import { castValue } from '../integration/infer.ts';
import { loadSource, type LoadedSource } from '../integration/combine.ts';
import { createMatcher, normalize } from '../integration/match.ts';
import { basename, isAbsolute, relative, resolve as resolvePath } from 'node:path';
import { compareValues, type Field, type FieldType, type RecordBatch, type Schema, type Value } from '../integration/table.ts';

/** A pipeline error: names the step (index and kind) and, for expressions, the position. */
export class PipelineError extends InvalidInputError {
  constructor(step: number | null, kind: string | null, message: string, details: Record<string, unknown> = {}) {
    super(step === null ? `pipeline: ${message}` : `pipeline step ${step + 1} (${kind}): ${message}`, { step: step === null ? null : step + 1, kind, ...details });
  }
}

export interface StepStats {
  step: number;
  kind: string;
  rowsIn: number;
  rowsOut: number;
  ms: number;
}

type Row = Value[];

const STEP_KINDS = ['filter', 'map', 'derive', 'select', 'rename', 'cast', 'dedupe', 'sort', 'limit', 'sample', 'aggregate', 'join'] as const;
type StepKind = (typeof STEP_KINDS)[number];
const FILTER_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'contains', 'startsWith', 'regex', 'isNull'] as const;
const AGG_OPS = ['count', 'sum', 'mean', 'min', 'max', 'countDistinct', 'percentile'] as const;

/** A step as the runtime executes it: a batch of rows in, rows out (`flush` for gathering steps). */
interface Stage {
  kind: StepKind;
  schema: Schema;
  push(rows: Row[]): Row[];
  flush?(): Row[];
  stats: StepStats;
}

const MAX_PIPELINE_BYTES = 1024 * 1024;
/** Rows the sort step keeps in memory before it spills a sorted run to disk. */
export const SORT_RUN_ROWS = 500_000;

/** Parses a pipeline document (YAML or JSON): `{ steps: [ { filter: … }, … ] }` or a bare list. */
export function parsePipeline(text: string): unknown[] {
  if (text.length > MAX_PIPELINE_BYTES) throw new PipelineError(null, null, `the definition is larger than ${MAX_PIPELINE_BYTES} bytes`);
  let doc: unknown;
  try {
    doc = parseYaml(text, { maxAliasCount: 100, uniqueKeys: true });
  } catch (err) {
    throw new PipelineError(null, null, `not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const steps = Array.isArray(doc) ? doc : typeof doc === 'object' && doc !== null ? (doc as { steps?: unknown }).steps : undefined;
  if (!Array.isArray(steps)) throw new PipelineError(null, null, 'expected a list of steps (or { steps: [...] })');
  return steps;
}

function expr(step: number, kind: string, source: string, schema: Schema): CompiledExpression {
  try {
    return compileExpression(source, schema);
  } catch (err) {
    if (err instanceof ExpressionError) throw new PipelineError(step, kind, err.message, err.details);
    throw err;
  }
}

function fieldOf(step: number, kind: string, schema: Schema, name: unknown): number {
  if (typeof name !== 'string') throw new PipelineError(step, kind, `expected a field name, found ${JSON.stringify(name)}`);
  const i = schema.fields.findIndex((f) => f.name === name);
  if (i < 0) throw new PipelineError(step, kind, `unknown field "${name}" (fields: ${schema.fields.map((f) => f.name).join(', ')})`, { field: name });
  return i;
}

const quote = (v: unknown) => (typeof v === 'string' ? `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : v === null ? 'null' : String(v));
const ident = (f: string) => `\`${f.replace(/`/g, '')}\``;

/** A structured filter as an expression in the language of expr.ts (one evaluator for both forms). */
function filterSource(f: unknown, step: number): string {
  if (typeof f === 'string') return f;
  if (typeof f !== 'object' || f === null) throw new PipelineError(step, 'filter', `expected an expression or a condition, found ${JSON.stringify(f)}`);
  const o = f as Record<string, unknown>;
  if ('expr' in o) return String(o.expr);
  if ('and' in o || 'or' in o) {
    const list = (o.and ?? o.or) as unknown;
    if (!Array.isArray(list) || list.length === 0) throw new PipelineError(step, 'filter', `"${'and' in o ? 'and' : 'or'}" needs a non-empty list`);
    return `(${list.map((x) => filterSource(x, step)).join('and' in o ? ') and (' : ') or (')})`;
  }
  if ('not' in o) return `not (${filterSource(o.not, step)})`;
  const op = o.op;
  if (typeof op !== 'string' || !(FILTER_OPS as readonly string[]).includes(op)) throw new PipelineError(step, 'filter', `unknown operator ${JSON.stringify(op)} (known: ${FILTER_OPS.join(', ')})`);
  const field = ident(String(o.field));
  const v = o.value;
  switch (op) {
    case 'eq':
      return `${field} = ${quote(v)}`;
    case 'neq':
      return `${field} != ${quote(v)}`;
    case 'gt':
      return `${field} > ${quote(v)}`;
    case 'gte':
      return `${field} >= ${quote(v)}`;
    case 'lt':
      return `${field} < ${quote(v)}`;
    case 'lte':
      return `${field} <= ${quote(v)}`;
    case 'in':
      if (!Array.isArray(v)) throw new PipelineError(step, 'filter', '"in" needs a list value');
      return `${field} in [${v.map(quote).join(', ')}]`;
    case 'contains':
      return `contains(${field}, ${quote(v)})`;
    case 'startsWith':
      return `startsWith(${field}, ${quote(v)})`;
    case 'regex':
      return `matches(${field}, ${quote(v)})`;
    default:
      return v === false ? `${field} is not null` : `${field} is null`;
  }
}

function stats(step: number, kind: string): StepStats {
  return { step: step + 1, kind, rowsIn: 0, rowsOut: 0, ms: 0 };
}

/** Builds the stages of a pipeline against the input schema; throws PipelineError before any row is read. */
export interface BuildOptions {
  seed?: number;
  sortRunRows?: number;
  /** The right-hand sides of `join` steps, by step index (from prepareJoins). */
  joins?: Map<number, LoadedSource>;
}

interface JoinSpec {
  source: { path: string; types?: Record<string, FieldType>; select?: string[]; delimiter?: string; as?: string };
  on: { left: string; right: string }[];
  type: 'inner' | 'left';
  match: { kind: 'exact' | 'normalized' | 'fuzzy'; field?: string; primaryField?: string; threshold: number; block?: string };
}

function joinSpec(i: number, arg: unknown): JoinSpec {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) throw new PipelineError(i, 'join', 'expected { source: file, on: key, type: inner|left }');
  const o = arg as Record<string, unknown>;
  const src = typeof o.source === 'string' ? { path: o.source } : (o.source as JoinSpec['source'] | undefined);
  if (!src || typeof src.path !== 'string') throw new PipelineError(i, 'join', 'source: expected a file path or { path: … }');
  const type = o.type ?? 'left';
  if (type !== 'inner' && type !== 'left') throw new PipelineError(i, 'join', `type: expected inner or left, found ${JSON.stringify(type)}`);
  const m = (o.match ?? { kind: 'exact' }) as JoinSpec['match'];
  if (!['exact', 'normalized', 'fuzzy'].includes(m.kind)) throw new PipelineError(i, 'join', `match.kind: expected exact, normalized or fuzzy, found ${JSON.stringify(m.kind)}`);
  const on =
    o.on === undefined ? [] : typeof o.on === 'string' ? [{ left: o.on, right: o.on }] : Array.isArray(o.on) ? o.on.map((f) => ({ left: String(f), right: String(f) })) : Object.entries(o.on as Record<string, unknown>).map(([l, r]) => ({ left: l, right: String(r) }));
  if (m.kind !== 'fuzzy' && on.length === 0) throw new PipelineError(i, 'join', 'on: an exact or normalized join needs a key');
  if (m.kind === 'fuzzy' && !m.field) throw new PipelineError(i, 'join', 'match.field: a fuzzy join needs the field to compare');
  return { source: src, on, type, match: { ...m, threshold: m.threshold ?? 90 } };
}

/** Loads the right-hand side of every `join` step (through Combine's source loader). Paths are
 *  relative to `baseDir` and, with `confineTo`, must stay inside it. */
export async function prepareJoins(steps: unknown[], baseDir: string, confineTo?: string): Promise<Map<number, LoadedSource>> {
  const out = new Map<number, LoadedSource>();
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as Record<string, unknown> | null;
    if (!step || typeof step !== 'object' || !('join' in step)) continue;
    const spec = joinSpec(i, step.join);
    const path = isAbsolute(spec.source.path) ? spec.source.path : resolvePath(baseDir, spec.source.path);
    if (confineTo) {
      const rel = relative(resolvePath(confineTo), path);
      if (rel.startsWith('..') || isAbsolute(rel)) throw new PipelineError(i, 'join', `source "${spec.source.path}" is outside the data directory`, { reason: 'forbidden' });
    }
    const ext = path.toLowerCase().split('.').pop();
    out.set(
      i,
      await loadSource({
        name: spec.source.as ?? basename(path).replace(/\.[^.]*$/, ''),
        path,
        format: ext === 'json' ? 'json' : ext === 'jsonl' || ext === 'ndjson' ? 'jsonl' : 'csv',
        delimiter: spec.source.delimiter,
        types: spec.source.types ?? {},
        select: spec.source.select,
        rename: {},
        compute: {},
        defaults: {},
        unique: false,
      }),
    );
  }
  return out;
}

function joinStage(i: number, arg: unknown, schema: Schema, st: StepStats, right: LoadedSource | undefined): Stage {
  const spec = joinSpec(i, arg);
  if (!right) throw new PipelineError(i, 'join', 'the joined source is not loaded (prepareJoins before buildPipeline)');
  const rIndex = (name: string) => {
    const k = right.fields.indexOf(name);
    if (k < 0) throw new PipelineError(i, 'join', `unknown field "${name}" in ${right.name} (fields: ${right.fields.join(', ')})`, { field: name });
    return k;
  };
  // right fields are appended; a name the left side already has becomes "<source>.<name>"
  const names = new Set(schema.fields.map((f) => f.name));
  const added = right.fields.map((f, k) => ({ name: names.has(f) ? `${right.name}.${f}` : f, type: right.types[k]! }));
  const outSchema: Schema = { fields: [...schema.fields.map((f) => ({ ...f })), ...added, ...(spec.match.kind === 'fuzzy' ? [{ name: '_score', type: 'float' as FieldType }] : [])] };
  const width = right.fields.length;
  const empty: Value[] = new Array(width).fill(null);
  let find: (row: Row) => { rows: Value[][]; score: number | null };
  if (spec.match.kind === 'fuzzy') {
    const m = spec.match;
    const rf = rIndex(m.field!);
    const lf = fieldOf(i, 'join', schema, m.primaryField ?? m.field);
    const rb = m.block ? rIndex(m.block) : -1;
    const lb = m.block ? fieldOf(i, 'join', schema, m.block) : -1;
    const matcher = createMatcher({ algorithm: 'tokenSet', threshold: m.threshold });
    right.rows.forEach((r, k) => matcher.add(k, r[rf] === null || r[rf] === undefined ? null : String(r[rf]), rb >= 0 ? (r[rb] === null ? null : String(r[rb])) : ''));
    find = (row) => {
      const text = row[lf];
      const best = text === null || text === undefined ? null : matcher.best(String(text), lb >= 0 ? (row[lb] === null ? null : String(row[lb])) : '');
      return best ? { rows: [right.rows[best.id]!], score: best.score } : { rows: [], score: null };
    };
  } else {
    const rk = spec.on.map((k) => rIndex(k.right));
    const lk = spec.on.map((k) => fieldOf(i, 'join', schema, k.left));
    const norm = spec.match.kind === 'normalized' ? (v: Value) => (typeof v === 'string' ? normalize(v) : v) : (v: Value) => v;
    const key = (vals: Value[]) => (vals.some((v) => v === null || v === '') ? null : vals.map(String).join('\u0000'));
    const index = new Map<string, Value[][]>();
    for (const r of right.rows) {
      const k = key(rk.map((f) => norm(r[f] ?? null)));
      if (k === null) continue;
      const list = index.get(k);
      if (list) list.push(r);
      else index.set(k, [r]);
    }
    find = (row) => {
      const k = key(lk.map((f) => norm(row[f] ?? null)));
      return { rows: (k !== null && index.get(k)) || [], score: null };
    };
  }
  const fuzzy = spec.match.kind === 'fuzzy';
  return {
    kind: 'join',
    schema: outSchema,
    stats: st,
    push: (rows) => {
      const out: Row[] = [];
      for (const r of rows) {
        const hit = find(r);
        if (hit.rows.length === 0) {
          if (spec.type === 'left') out.push(fuzzy ? [...r, ...empty, null] : [...r, ...empty]);
          continue;
        }
        for (const m of hit.rows) out.push(fuzzy ? [...r, ...m, hit.score] : [...r, ...m]);
      }
      return out;
    },
  };
}

export function buildPipeline(steps: unknown[], input: Schema, options: BuildOptions = {}): { stages: Stage[]; output: Schema } {
  let schema: Schema = { fields: input.fields.map((f) => ({ ...f })) };
  const stages: Stage[] = [];
  steps.forEach((raw, i) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new PipelineError(i, 'unknown', `expected a mapping such as { filter: … }, found ${JSON.stringify(raw)}`);
    const keys = Object.keys(raw);
    if (keys.length !== 1) throw new PipelineError(i, 'unknown', `a step has exactly one kind, found ${keys.length ? keys.join(', ') : 'none'}`);
    const kind = keys[0] as StepKind;
    if (!(STEP_KINDS as readonly string[]).includes(kind)) throw new PipelineError(i, kind, `unknown step "${kind}" (known: ${STEP_KINDS.join(', ')})`);
    const arg = (raw as Record<string, unknown>)[kind];
    const stage = kind === 'join' ? joinStage(i, arg, schema, stats(i, kind), options.joins?.get(i)) : makeStage(i, kind, arg, schema, options.seed ?? 42, options.sortRunRows ?? SORT_RUN_ROWS);
    stages.push(stage);
    schema = stage.schema;
  });
  return { stages, output: schema };
}

function makeStage(i: number, kind: StepKind, arg: unknown, schema: Schema, seed: number, sortRunRows: number): Stage {
  const st = stats(i, kind);
  const fields = schema.fields;
  switch (kind) {
    case 'filter': {
      const e = expr(i, kind, filterSource(arg, i), schema);
      const idx = e.fields.map((f) => fields.findIndex((x) => x.name === f));
      return { kind, schema, stats: st, push: (rows) => rows.filter((r) => e.evaluate((k) => r[idx[k]!] ?? null) === true) };
    }
    case 'map':
    case 'derive': {
      if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) throw new PipelineError(i, kind, 'expected a mapping of field: expression');
      const out: Field[] = fields.map((f) => ({ ...f }));
      const plans: { target: number; e: CompiledExpression; idx: number[] }[] = [];
      for (const [name, source] of Object.entries(arg as Record<string, unknown>)) {
        if (typeof source !== 'string' && typeof source !== 'number' && typeof source !== 'boolean') throw new PipelineError(i, kind, `field "${name}": expected an expression`);
        const e = expr(i, kind, String(source), schema);
        const idx = e.fields.map((f) => fields.findIndex((x) => x.name === f));
        let target = out.findIndex((f) => f.name === name);
        const type: FieldType = e.type === 'any' || e.type === 'null' ? 'string' : e.type;
        if (target < 0) {
          target = out.length;
          out.push({ name, type });
        } else out[target] = { name, type };
        plans.push({ target, e, idx });
      }
      const width = out.length;
      return {
        kind,
        schema: { fields: out },
        stats: st,
        push: (rows) =>
          rows.map((r) => {
            const next = r.slice();
            next.length = width;
            // every expression sees the row as it came in (no order dependence between outputs)
            for (const p of plans) next[p.target] = p.e.evaluate((k) => r[p.idx[k]!] ?? null);
            for (let k = 0; k < width; k++) if (next[k] === undefined) next[k] = null;
            return next;
          }),
      };
    }
    case 'select': {
      const names = Array.isArray(arg) ? arg : [arg];
      const idx = names.map((n) => fieldOf(i, kind, schema, n));
      return { kind, schema: { fields: idx.map((k) => ({ ...fields[k]! })) }, stats: st, push: (rows) => rows.map((r) => idx.map((k) => r[k] ?? null)) };
    }
    case 'rename': {
      if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) throw new PipelineError(i, kind, 'expected a mapping of old: new');
      const out = fields.map((f) => ({ ...f }));
      for (const [from, to] of Object.entries(arg as Record<string, unknown>)) {
        const k = fieldOf(i, kind, schema, from);
        if (typeof to !== 'string' || !to) throw new PipelineError(i, kind, `"${from}": expected a new name`);
        out[k]!.name = to;
      }
      const seen = new Set<string>();
      for (const f of out) {
        if (seen.has(f.name)) throw new PipelineError(i, kind, `two fields would be called "${f.name}"`);
        seen.add(f.name);
      }
      return { kind, schema: { fields: out }, stats: st, push: (rows) => rows };
    }
    case 'cast': {
      if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) throw new PipelineError(i, kind, 'expected a mapping of field: type');
      const out = fields.map((f) => ({ ...f }));
      const plans: { k: number; type: FieldType; name: string }[] = [];
      for (const [name, type] of Object.entries(arg as Record<string, unknown>)) {
        const k = fieldOf(i, kind, schema, name);
        if (!['string', 'int', 'float', 'bool', 'timestamp'].includes(String(type))) throw new PipelineError(i, kind, `"${name}": unknown type ${JSON.stringify(type)}`);
        out[k]!.type = type as FieldType;
        plans.push({ k, type: type as FieldType, name });
      }
      let row = 0;
      return {
        kind,
        schema: { fields: out },
        stats: st,
        push: (rows) =>
          rows.map((r) => {
            row++;
            const next = r.slice();
            for (const p of plans) {
              const v = next[p.k] ?? null;
              if (v === null) continue;
              try {
                next[p.k] = p.type === 'string' ? String(v) : typeof v === 'string' ? castValue(v, p.type) : castNonString(v, p.type);
              } catch {
                throw new PipelineError(i, kind, `row ${row}: field "${p.name}": cannot cast ${JSON.stringify(v)} to ${p.type}`, { row, field: p.name });
              }
            }
            return next;
          }),
      };
    }
    case 'limit': {
      const n = Number(typeof arg === 'object' && arg !== null ? (arg as { n?: unknown }).n : arg);
      if (!Number.isInteger(n) || n < 0) throw new PipelineError(i, kind, `expected a row count, found ${JSON.stringify(arg)}`);
      let left = n;
      return {
        kind,
        schema,
        stats: st,
        push: (rows) => {
          const out = rows.slice(0, Math.max(0, left));
          left -= out.length;
          return out;
        },
      };
    }
    case 'sample': {
      const o = (typeof arg === 'object' && arg !== null ? arg : { fraction: arg }) as { fraction?: unknown; n?: unknown; seed?: unknown };
      const rng = mulberry32(Number(o.seed ?? seed) >>> 0);
      if (o.n !== undefined) {
        const n = Number(o.n);
        if (!Number.isInteger(n) || n < 0) throw new PipelineError(i, kind, `n: expected a row count, found ${JSON.stringify(o.n)}`);
        // reservoir sampling (Algorithm R): n rows, uniformly, in one pass
        const keep: Row[] = [];
        let seen = 0;
        return {
          kind,
          schema,
          stats: st,
          push: (rows) => {
            for (const r of rows) {
              seen++;
              if (keep.length < n) keep.push(r);
              else {
                const j = Math.floor(rng() * seen);
                if (j < n) keep[j] = r;
              }
            }
            return [];
          },
          flush: () => keep,
        };
      }
      const f = Number(o.fraction);
      if (!(f >= 0 && f <= 1)) throw new PipelineError(i, kind, `fraction: expected a number in [0, 1], found ${JSON.stringify(o.fraction)}`);
      return { kind, schema, stats: st, push: (rows) => rows.filter(() => rng() < f) };
    }
    case 'dedupe': {
      const o = (typeof arg === 'object' && arg !== null && !Array.isArray(arg) ? arg : { by: arg }) as { by?: unknown; keep?: unknown };
      const by = (o.by === undefined ? fields.map((f) => f.name) : Array.isArray(o.by) ? o.by : [o.by]).map((n) => fieldOf(i, kind, schema, n));
      const keep = o.keep ?? 'first';
      if (keep !== 'first' && keep !== 'last') throw new PipelineError(i, kind, `keep: expected first or last, found ${JSON.stringify(keep)}`);
      const key = (r: Row) => by.map((k) => `${typeof r[k]}:${String(r[k])}`).join('\u0000');
      if (keep === 'first') {
        const seen = new Set<string>();
        return {
          kind,
          schema,
          stats: st,
          push: (rows) =>
            rows.filter((r) => {
              const k = key(r);
              if (seen.has(k)) return false;
              seen.add(k);
              return true;
            }),
        };
      }
      const last = new Map<string, Row>();
      return {
        kind,
        schema,
        stats: st,
        push: (rows) => {
          for (const r of rows) {
            const k = key(r);
            last.delete(k); // re-insert: the output keeps the order of each key's last occurrence
            last.set(k, r);
          }
          return [];
        },
        flush: () => [...last.values()],
      };
    }
    case 'sort': {
      const specs = (Array.isArray(arg) ? arg : [arg]).map((s) => {
        if (typeof s === 'string') return { k: fieldOf(i, kind, schema, s.replace(/^-/, '')), desc: s.startsWith('-') };
        const o = s as { field?: unknown; order?: unknown };
        if (o.order !== undefined && o.order !== 'asc' && o.order !== 'desc') throw new PipelineError(i, kind, `order: expected asc or desc, found ${JSON.stringify(o.order)}`);
        return { k: fieldOf(i, kind, schema, o.field), desc: o.order === 'desc' };
      });
      return sortStage(i, schema, specs, st, sortRunRows);
    }
    case 'aggregate':
      return aggregateStage(i, arg, schema, st);
    case 'join':
      throw new PipelineError(i, kind, 'internal: join steps are built by joinStage');
  }
}

function castNonString(v: Value, type: FieldType): Value {
  if (type === 'int') {
    const n = typeof v === 'boolean' ? Number(v) : Number(v);
    if (!Number.isInteger(n)) throw new Error('bad cast');
    return n;
  }
  if (type === 'float') return typeof v === 'boolean' ? Number(v) : Number(v);
  if (type === 'bool') {
    if (typeof v === 'number' && (v === 0 || v === 1)) return v === 1;
    if (typeof v === 'boolean') return v;
    throw new Error('bad cast');
  }
  if (type === 'timestamp' && typeof v === 'number') return v;
  throw new Error('bad cast');
}

/** Sort, stable; beyond SORT_RUN_ROWS rows, sorted runs go to temporary JSON files and are merged. */
function sortStage(i: number, schema: Schema, specs: { k: number; desc: boolean }[], st: StepStats, runRows: number): Stage {
  const cmp = (a: Row, b: Row) => {
    for (const s of specs) {
      const c = compareValues(a[s.k] ?? null, b[s.k] ?? null);
      if (c) return s.desc ? -c : c;
    }
    return 0;
  };
  let buf: Row[] = [];
  const runs: string[] = [];
  let dir: string | null = null;
  const spill = () => {
    dir ??= mkdtempSync(joinPath(tmpdir(), 'purpose-sort-'));
    const file = joinPath(dir, `run-${runs.length}.json`);
    writeFileSync(file, JSON.stringify(buf.sort(cmp)));
    runs.push(file);
    buf = [];
  };
  return {
    kind: 'sort',
    schema,
    stats: st,
    push: (rows) => {
      for (const r of rows) {
        buf.push(r);
        if (buf.length >= runRows) spill();
      }
      return [];
    },
    flush: () => {
      if (runs.length === 0) return buf.sort(cmp);
      spill();
      try {
        // k-way merge of the runs; ties keep run order, so the sort stays stable
        const lists = runs.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Row[]);
        const pos = lists.map(() => 0);
        const out: Row[] = [];
        for (;;) {
          let best = -1;
          for (let r = 0; r < lists.length; r++) {
            if (pos[r]! >= lists[r]!.length) continue;
            if (best < 0 || cmp(lists[r]![pos[r]!]!, lists[best]![pos[best]!]!) < 0) best = r;
          }
          if (best < 0) return out;
          out.push(lists[best]![pos[best]!++]!);
        }
      } finally {
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function aggregateStage(i: number, arg: unknown, schema: Schema, st: StepStats): Stage {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) throw new PipelineError(i, 'aggregate', 'expected { by: [...], fields: { name: { op: field } } }');
  const o = arg as { by?: unknown; fields?: unknown };
  const by = (o.by === undefined ? [] : Array.isArray(o.by) ? o.by : [o.by]).map((n) => fieldOf(i, 'aggregate', schema, n));
  if (typeof o.fields !== 'object' || o.fields === null) throw new PipelineError(i, 'aggregate', 'fields: expected a mapping of name: { op: field }');
  const outs = Object.entries(o.fields as Record<string, unknown>).map(([name, spec]) => {
    if (typeof spec !== 'object' || spec === null) throw new PipelineError(i, 'aggregate', `fields.${name}: expected { op: field }`);
    const [op, target] = Object.entries(spec as Record<string, unknown>)[0] ?? [];
    if (!op || !(AGG_OPS as readonly string[]).includes(op)) throw new PipelineError(i, 'aggregate', `fields.${name}: unknown operation ${JSON.stringify(op)} (known: ${AGG_OPS.join(', ')})`);
    if (op === 'percentile') {
      const t = target as { field?: unknown; p?: unknown };
      const p = Number(t?.p);
      if (!(p >= 0 && p <= 1)) throw new PipelineError(i, 'aggregate', `fields.${name}: percentile needs p in [0, 1]`);
      return { name, op, k: fieldOf(i, 'aggregate', schema, t.field), p };
    }
    return { name, op, k: target === '*' && op === 'count' ? -1 : fieldOf(i, 'aggregate', schema, target), p: 0 };
  });
  const outSchema: Schema = {
    fields: [
      ...by.map((k) => ({ ...schema.fields[k]! })),
      ...outs.map((x) => ({ name: x.name, type: (x.op === 'count' || x.op === 'countDistinct' ? 'int' : x.op === 'min' || x.op === 'max' ? schema.fields[x.k]!.type : 'float') as FieldType })),
    ],
  };
  const groups = new Map<string, { key: Value[]; vals: Value[][] }>();
  return {
    kind: 'aggregate',
    schema: outSchema,
    stats: st,
    push: (rows) => {
      for (const r of rows) {
        const key = by.map((k) => r[k] ?? null);
        const id = key.map((v) => `${typeof v}:${String(v)}`).join('\u0000');
        let g = groups.get(id);
        if (!g) groups.set(id, (g = { key, vals: outs.map(() => []) }));
        outs.forEach((x, j) => {
          const v = x.k < 0 ? true : (r[x.k] ?? null);
          if (v !== null) g!.vals[j]!.push(v);
        });
      }
      return [];
    },
    flush: () =>
      [...groups.values()].map((g) => [
        ...g.key,
        ...outs.map((x, j): Value => {
          const vals = g.vals[j]!;
          if (x.op === 'count') return vals.length;
          if (x.op === 'countDistinct') return new Set(vals).size;
          if (vals.length === 0) return null;
          if (x.op === 'min') return vals.reduce((a, b) => (compareValues(b, a) < 0 ? b : a));
          if (x.op === 'max') return vals.reduce((a, b) => (compareValues(b, a) > 0 ? b : a));
          const nums = vals.map(Number).sort((a, b) => a - b);
          if (x.op === 'sum') return nums.reduce((a, b) => a + b, 0);
          if (x.op === 'mean') return nums.reduce((a, b) => a + b, 0) / nums.length;
          // percentile: linear interpolation between closest ranks (numpy's default)
          const pos = x.p * (nums.length - 1);
          const lo = Math.floor(pos);
          return nums[lo]! + (nums[Math.min(lo + 1, nums.length - 1)]! - nums[lo]!) * (pos - lo);
        }),
      ]),
  };
}

/** A small seeded PRNG (mulberry32): `sample` is reproducible for a seed. */
function mulberry32(seed: number): () => number {
  let a = seed || 1;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs batches through the stages; yields output batches; `stats` fills as it goes. */
export async function* runPipeline(stages: Stage[], output: Schema, input: AsyncIterable<RecordBatch>): AsyncIterable<RecordBatch> {
  const toBatch = (rows: Row[]): RecordBatch => ({
    schema: output,
    columns: output.fields.map((_, f) => rows.map((r) => r[f] ?? null)),
    length: rows.length,
  });
  const through = (rows: Row[], from: number): Row[] => {
    let cur = rows;
    for (let s = from; s < stages.length && cur.length; s++) {
      const stage = stages[s]!;
      const t = performance.now();
      stage.stats.rowsIn += cur.length;
      cur = stage.push(cur);
      stage.stats.rowsOut += cur.length;
      stage.stats.ms += performance.now() - t;
    }
    return cur;
  };
  for await (const batch of input) {
    const rows: Row[] = new Array(batch.length);
    for (let r = 0; r < batch.length; r++) rows[r] = batch.columns.map((c) => c[r] ?? null);
    const out = through(rows, 0);
    if (out.length) yield toBatch(out);
  }
  // gathering steps release their rows in order, each through the steps after it
  for (let s = 0; s < stages.length; s++) {
    const stage = stages[s]!;
    if (!stage.flush) continue;
    const t = performance.now();
    const rows = stage.flush();
    stage.stats.rowsOut += rows.length;
    stage.stats.ms += performance.now() - t;
    const out = through(rows, s + 1);
    if (out.length) yield toBatch(out);
  }
}
