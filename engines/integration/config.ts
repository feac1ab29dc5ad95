// An integration, as declared in YAML or JSON: sources (with per-source mapping and aggregation),
// the primary source, joins with their match rules, conflict resolution per field and the output.
// parseIntegrationConfig validates everything before any data is read; errors name the path in
// the config (`joins[1].on`) and what was found.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ForbiddenError, InvalidInputError } from '../errors.ts';
import type { BlockKind } from './match.ts';
import type { FieldType, RecordBatch } from './table.ts';

export type JoinType = 'inner' | 'left' | 'right' | 'full' | 'union' | 'intersection';
export type AggregateOp = 'count' | 'sum' | 'mean' | 'min' | 'max' | 'countDistinct';
export type Strategy =
  | 'preferPrimary'
  | 'preferSecondary'
  | 'mostRecent'
  | 'mostComplete'
  | 'longest'
  | 'min'
  | 'max'
  | 'sum'
  | 'mean'
  | 'firstNonNull'
  | 'custom';
export type MatchKind = 'exact' | 'normalized' | 'fuzzy';
export type FuzzyAlgorithm = 'jaroWinkler' | 'levenshtein' | 'tokenSet';

export interface SourceConfig {
  name: string;
  /** Absolute path. */
  path: string;
  /**
   * Where the rows come from when they are not in a file (`path` and the reader options are then
   * unused): batches carrying the schema, at least one (it may be empty). Set by the caller after
   * parsing — a database table or query, say; a YAML config never sets it.
   */
  open?: () => AsyncIterable<RecordBatch>;
  format: 'csv' | 'json' | 'jsonl';
  delimiter?: string;
  header?: boolean;
  types: Record<string, FieldType>;
  select?: string[];
  rename: Record<string, string>;
  /** Computed fields: name → expression (engines/pipeline/expr). */
  compute: Record<string, string>;
  defaults: Record<string, string | number | boolean | null>;
  aggregate?: { by: string[]; fields: Record<string, { op: AggregateOp; field: string | '*' }> };
  /** Build side: duplicate keys are an error instead of matching every row. */
  unique: boolean;
}

export interface MatchConfig {
  kind: MatchKind;
  algorithm: FuzzyAlgorithm;
  /** The primary side's field compared (fuzzy/normalized); defaults to `field`. */
  primaryField?: string;
  field?: string;
  threshold: number;
  /** Blocking field (same name on both sides): fuzzy matching only compares records in the same block. */
  block?: string;
  /**
   * Further blocking passes for records left without a match in their block: each compares them
   * with the records sharing another key (`field` as is, normalised, phonetic or a prefix), in order.
   */
  fallbackBlocks: { field: string; primaryField?: string; key: BlockKind }[];
}

export interface JoinConfig {
  source: string;
  type: JoinType;
  /** Key pairs: primary (or accumulated) field → this source's field. */
  on: { left: string; right: string }[];
  match: MatchConfig;
}

export interface ResolveConfig {
  strategy: Strategy;
  /** mostRecent: the timestamp field (the same name in every source). */
  timestamp?: string;
  /** firstNonNull: source order. */
  order?: string[];
  /** custom: an expression over the primary's fields and back-quoted qualified ones, e.g. ``if(`crm.score` > 3, `crm.name`, name)``. */
  expression?: string;
}

export interface OutputConfig {
  path?: string;
  format: 'csv' | 'json' | 'jsonl';
  fields?: string[];
  sort: string[];
  /** printf-like number formats per field: '%.2f'. */
  numberFormats: Record<string, string>;
  provenance: boolean;
}

export interface IntegrationConfig {
  baseDir: string;
  sources: Map<string, SourceConfig>;
  primary: string;
  joins: JoinConfig[];
  resolve: Record<string, ResolveConfig>;
  defaults: Record<string, string | number | boolean | null>;
  output: OutputConfig;
}

const STRATEGIES: readonly Strategy[] = ['preferPrimary', 'preferSecondary', 'mostRecent', 'mostComplete', 'longest', 'min', 'max', 'sum', 'mean', 'firstNonNull', 'custom'];
const JOINS: readonly JoinType[] = ['inner', 'left', 'right', 'full', 'union', 'intersection'];
const AGGS: readonly AggregateOp[] = ['count', 'sum', 'mean', 'min', 'max', 'countDistinct'];
const TYPES: readonly FieldType[] = ['string', 'int', 'float', 'bool', 'timestamp'];

const BLOCK_KEYS = ['exact', 'normalized', 'soundex', 'metaphone'] as const;

/**
 * `fallbackBlocks`: a list of `{ field, primaryField?, key? }` — the joined source's field, the
 * primary side's (default: the same name), and how the key is derived (exact, normalized, soundex,
 * metaphone or prefix:N; default exact).
 */
function fallbackBlocks(v: unknown, path: string): { field: string; primaryField?: string; key: BlockKind }[] {
  if (!Array.isArray(v) || v.length === 0) throw new ConfigError(path, `expected a list of { field, primaryField, key }, found ${describe(v)}`);
  return v.map((entry, i) => {
    const p = `${path}[${i}]`;
    const e = obj(entry, p);
    known(e, ['field', 'primaryField', 'key'], p);
    const field = str(e.field, `${p}.field`);
    const primaryField = e.primaryField === undefined ? undefined : str(e.primaryField, `${p}.primaryField`);
    if (e.key === undefined) return { field, primaryField, key: 'exact' as BlockKind };
    const key = str(e.key, `${p}.key`);
    if (!(BLOCK_KEYS as readonly string[]).includes(key) && !/^prefix:[1-9]\d{0,2}$/.test(key)) {
      throw new ConfigError(`${p}.key`, `expected one of ${BLOCK_KEYS.join(', ')} or prefix:N, found "${key.slice(0, 40)}"`);
    }
    return { field, primaryField, key: key as BlockKind };
  });
}

/** A config error: names the place in the config. */
export class ConfigError extends InvalidInputError {
  constructor(path: string, message: string) {
    super(`integrate config: ${path}: ${message}`, { path });
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function obj(v: unknown, path: string): Obj {
  if (!isObj(v)) throw new ConfigError(path, `expected a mapping, found ${describe(v)}`);
  return v;
}

function str(v: unknown, path: string): string {
  if (typeof v !== 'string' || v === '') throw new ConfigError(path, `expected a non-empty string, found ${describe(v)}`);
  return v;
}

function strList(v: unknown, path: string): string[] {
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v) || v.length === 0) throw new ConfigError(path, `expected a name or a list of names, found ${describe(v)}`);
  return v.map((x, i) => str(x, `${path}[${i}]`));
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw new ConfigError(path, `expected one of ${allowed.join(', ')}, found ${describe(v)}`);
  return v as T;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v).slice(0, 40)}`;
}

function known(o: Obj, keys: readonly string[], path: string): void {
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new ConfigError(path, `unknown key "${k}" (known: ${keys.join(', ')})`);
}

function scalars(v: unknown, path: string): Record<string, string | number | boolean | null> {
  if (v === undefined) return {};
  const o = obj(v, path);
  for (const [k, x] of Object.entries(o)) {
    if (x !== null && !['string', 'number', 'boolean'].includes(typeof x)) throw new ConfigError(`${path}.${k}`, `expected a value, found ${describe(x)}`);
  }
  return o as Record<string, string | number | boolean | null>;
}

export interface ParseOptions {
  /** Folder the config's relative paths are resolved against (usually the config file's folder). */
  baseDir: string;
  /** When set, every source and output path must lie inside this folder (FORBIDDEN otherwise). */
  confineTo?: string;
}

/** Largest config text accepted. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Parses and validates a YAML (or JSON) integration config. */
export function parseIntegrationConfig(text: string, options: ParseOptions): IntegrationConfig {
  if (text.length > MAX_CONFIG_BYTES) throw new ConfigError('(file)', `larger than ${MAX_CONFIG_BYTES} bytes`);
  let doc: unknown;
  try {
    // maxAliasCount caps alias expansion: a "billion laughs" document fails instead of exhausting memory
    doc = parseYaml(text, { maxAliasCount: 100, prettyErrors: true, uniqueKeys: true });
  } catch (err) {
    throw new ConfigError('(file)', `not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const root = obj(doc, '(root)');
  known(root, ['sources', 'primary', 'joins', 'resolve', 'defaults', 'output'], '(root)');
  const place = (p: string, path: string) => {
    const abs = isAbsolute(p) ? p : resolve(options.baseDir, p);
    if (options.confineTo) {
      const rel = relative(resolve(options.confineTo), abs);
      if (rel.startsWith('..') || isAbsolute(rel)) throw new ForbiddenError(`integrate config: ${path}: "${p}" is outside the data directory`, { path });
    }
    return abs;
  };

  const sources = new Map<string, SourceConfig>();
  const rawSources = obj(root.sources, 'sources');
  if (Object.keys(rawSources).length === 0) throw new ConfigError('sources', 'declares no source');
  for (const [name, raw] of Object.entries(rawSources)) {
    const p = `sources.${name}`;
    const s = obj(raw, p);
    known(s, ['path', 'format', 'delimiter', 'header', 'types', 'select', 'rename', 'compute', 'defaults', 'aggregate', 'unique'], p);
    const file = place(str(s.path, `${p}.path`), `${p}.path`);
    const ext = file.toLowerCase().split('.').pop();
    const format = s.format !== undefined ? oneOf(s.format, ['csv', 'json', 'jsonl'] as const, `${p}.format`) : ext === 'json' ? 'json' : ext === 'jsonl' || ext === 'ndjson' ? 'jsonl' : 'csv';
    const types: Record<string, FieldType> = {};
    if (s.types !== undefined) for (const [f, t] of Object.entries(obj(s.types, `${p}.types`))) types[f] = oneOf(t, TYPES, `${p}.types.${f}`);
    const rename: Record<string, string> = {};
    if (s.rename !== undefined) for (const [f, t] of Object.entries(obj(s.rename, `${p}.rename`))) rename[f] = str(t, `${p}.rename.${f}`);
    const compute: Record<string, string> = {};
    if (s.compute !== undefined) for (const [f, e] of Object.entries(obj(s.compute, `${p}.compute`))) compute[f] = str(e, `${p}.compute.${f}`);
    let aggregate: SourceConfig['aggregate'];
    if (s.aggregate !== undefined) {
      const a = obj(s.aggregate, `${p}.aggregate`);
      known(a, ['by', 'fields'], `${p}.aggregate`);
      const fields: Record<string, { op: AggregateOp; field: string }> = {};
      for (const [out, spec] of Object.entries(obj(a.fields, `${p}.aggregate.fields`))) {
        const q = `${p}.aggregate.fields.${out}`;
        const o = obj(spec, q);
        const keys = Object.keys(o);
        if (keys.length !== 1) throw new ConfigError(q, `expected one operation such as { sum: amount }, found ${keys.length}`);
        const op = oneOf(keys[0], AGGS, q);
        fields[out] = { op, field: str(o[op], `${q}.${op}`) };
      }
      aggregate = { by: strList(a.by, `${p}.aggregate.by`), fields };
    }
    if (s.unique !== undefined && typeof s.unique !== 'boolean') throw new ConfigError(`${p}.unique`, `expected true or false, found ${describe(s.unique)}`);
    if (s.header !== undefined && typeof s.header !== 'boolean') throw new ConfigError(`${p}.header`, `expected true or false, found ${describe(s.header)}`);
    sources.set(name, {
      name,
      path: file,
      format,
      delimiter: s.delimiter === undefined ? undefined : str(s.delimiter, `${p}.delimiter`),
      header: s.header as boolean | undefined,
      types,
      select: s.select === undefined ? undefined : strList(s.select, `${p}.select`),
      rename,
      compute,
      defaults: scalars(s.defaults, `${p}.defaults`),
      aggregate,
      unique: s.unique === true,
    });
  }

  const primary = str(root.primary ?? [...sources.keys()][0], 'primary');
  if (!sources.has(primary)) throw new ConfigError('primary', `unknown source "${primary}" (sources: ${[...sources.keys()].join(', ')})`);

  const joins: JoinConfig[] = [];
  const rawJoins = root.joins === undefined ? [] : root.joins;
  if (!Array.isArray(rawJoins)) throw new ConfigError('joins', `expected a list, found ${describe(rawJoins)}`);
  rawJoins.forEach((raw, i) => {
    const p = `joins[${i}]`;
    const j = obj(raw, p);
    known(j, ['source', 'type', 'on', 'match'], p);
    const source = str(j.source, `${p}.source`);
    if (!sources.has(source)) throw new ConfigError(`${p}.source`, `unknown source "${source}"`);
    if (source === primary) throw new ConfigError(`${p}.source`, `"${source}" is the primary source`);
    const type = j.type === undefined ? 'left' : oneOf(j.type, JOINS, `${p}.type`);
    let match: MatchConfig = { kind: 'exact', algorithm: 'tokenSet', threshold: 90, fallbackBlocks: [] };
    if (j.match !== undefined) {
      const m = obj(j.match, `${p}.match`);
      known(m, ['kind', 'algorithm', 'primaryField', 'field', 'threshold', 'block', 'fallbackBlocks'], `${p}.match`);
      const kind = oneOf(m.kind ?? 'exact', ['exact', 'normalized', 'fuzzy'] as const, `${p}.match.kind`);
      const threshold = m.threshold === undefined ? 90 : m.threshold;
      if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 100)) throw new ConfigError(`${p}.match.threshold`, `expected a number in [0, 100], found ${describe(threshold)}`);
      match = {
        kind,
        algorithm: m.algorithm === undefined ? 'tokenSet' : oneOf(m.algorithm, ['jaroWinkler', 'levenshtein', 'tokenSet'] as const, `${p}.match.algorithm`),
        field: m.field === undefined ? undefined : str(m.field, `${p}.match.field`),
        primaryField: m.primaryField === undefined ? undefined : str(m.primaryField, `${p}.match.primaryField`),
        threshold,
        block: m.block === undefined ? undefined : str(m.block, `${p}.match.block`),
        fallbackBlocks: m.fallbackBlocks === undefined ? [] : fallbackBlocks(m.fallbackBlocks, `${p}.match.fallbackBlocks`),
      };
      if (match.fallbackBlocks.length > 0 && kind !== 'fuzzy') throw new ConfigError(`${p}.match.fallbackBlocks`, 'fallback blocks apply to fuzzy matches only');
      if (kind !== 'exact' && !match.field) throw new ConfigError(`${p}.match.field`, `a ${kind} match needs the field to compare`);
    }
    let on: { left: string; right: string }[] = [];
    if (j.on === undefined) {
      if (match.kind === 'exact') throw new ConfigError(`${p}.on`, 'an exact join needs a key: on: field, on: [a, b] or on: { primaryField: field }');
    } else if (isObj(j.on)) {
      on = Object.entries(j.on).map(([l, r]) => ({ left: l, right: str(r, `${p}.on.${l}`) }));
    } else {
      on = strList(j.on, `${p}.on`).map((f) => ({ left: f, right: f }));
    }
    joins.push({ source, type, on, match });
  });

  const resolveCfg: Record<string, ResolveConfig> = {};
  if (root.resolve !== undefined) {
    for (const [field, raw] of Object.entries(obj(root.resolve, 'resolve'))) {
      const p = `resolve.${field}`;
      const r = typeof raw === 'string' ? { strategy: raw } : obj(raw, p);
      known(r, ['strategy', 'timestamp', 'order', 'expression'], p);
      const strategy = oneOf(r.strategy, STRATEGIES, `${p}.strategy`);
      const cfg: ResolveConfig = { strategy };
      if (strategy === 'mostRecent') cfg.timestamp = str(r.timestamp ?? 'updated_at', `${p}.timestamp`);
      if (strategy === 'firstNonNull' && r.order !== undefined) {
        cfg.order = strList(r.order, `${p}.order`);
        for (const s of cfg.order) if (!sources.has(s)) throw new ConfigError(`${p}.order`, `unknown source "${s}"`);
      }
      if (strategy === 'custom') cfg.expression = str(r.expression, `${p}.expression`);
      resolveCfg[field] = cfg;
    }
  }

  const o = root.output === undefined ? {} : obj(root.output, 'output');
  known(o, ['path', 'format', 'fields', 'sort', 'provenance', 'formats'], 'output');
  const outPath = o.path === undefined ? undefined : place(str(o.path, 'output.path'), 'output.path');
  // `format` is the file format (csv, json, jsonl) or, as a mapping, number formats per field
  // (`format: { total_amount: '%.2f' }`, the same as `formats:`)
  const numberFormats = isObj(o.format) ? o.format : o.formats;
  const formats: Record<string, string> = {};
  if (numberFormats !== undefined) {
    for (const [f, spec] of Object.entries(obj(numberFormats, 'output.formats'))) {
      const s = str(spec, `output.formats.${f}`);
      if (!/^%\.\d{1,2}f$/.test(s)) throw new ConfigError(`output.formats.${f}`, `expected a format like %.2f, found "${s}"`);
      formats[f] = s;
    }
  }
  const fileFormat = typeof o.format === 'string' ? oneOf(o.format, ['csv', 'json', 'jsonl'] as const, 'output.format') : undefined;
  const output: OutputConfig = {
    path: outPath,
    format: fileFormat ?? (outPath?.endsWith('.json') ? 'json' : outPath?.endsWith('.jsonl') ? 'jsonl' : 'csv'),
    fields: o.fields === undefined ? undefined : strList(o.fields, 'output.fields'),
    sort: o.sort === undefined ? [] : strList(o.sort, 'output.sort'),
    numberFormats: formats,
    provenance: o.provenance === true,
  };
  return { baseDir: options.baseDir, sources, primary, joins, resolve: resolveCfg, defaults: scalars(root.defaults, 'defaults'), output };
}

/** The folder a config file's relative paths refer to. */
export function configDir(configPath: string): string {
  return dirname(resolve(configPath));
}
