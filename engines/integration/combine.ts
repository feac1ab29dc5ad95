// Combine's integration run: load every source (streaming reader, mapping, computed fields,
// aggregation), join the secondaries to the primary one by one (exact, normalised or fuzzy keys;
// inner, left, right, full, union, intersection), resolve the fields several sources provide with
// a per-field strategy, keep each value's provenance, and report what happened.
//
// Data layout: a source is row-major (`rows[r][f]`, fields by index). A joined record is an array
// holding, per participant (0 = primary, j = j-th join), the row it matched or null, plus the
// fuzzy score of each join. Output fields are resolved from those parts at the end.
import { InvalidInputError } from '../errors.ts';
import { compileExpression, type CompiledExpression } from '../pipeline/expr.ts';
import { aggregateRows, aggregateType } from './aggregate.ts';
import type { IntegrationConfig, JoinConfig, ResolveConfig, SourceConfig, Strategy } from './config.ts';
import { readCsv } from './csv.ts';
import { readJsonArray, readJsonLines } from './json.ts';
import { blockKey, createMatcher, normalize, type Matcher, type MatchResult } from './match.ts';
import type { FieldType, RecordBatch, Schema, Value } from './table.ts';

export interface LoadedSource {
  name: string;
  fields: string[];
  types: FieldType[];
  rows: Value[][];
}

export interface IntegrationReport {
  /** Which executor ran: 'columnar' (columnar.ts, CSV sources and the common joins) or 'rows' (this file, everything). */
  engine: 'columnar' | 'rows';
  sources: Record<string, { rows: number; matched: number; unmatched: number }>;
  joins: { source: string; type: string; match: string; matchedRecords: number; unmatchedRecords: number; addedFromSource: number }[];
  conflicts: Record<string, { strategy: Strategy; resolved: number }>;
  /** Fuzzy matches per join, counted by score band ("90–94", "95–99", "100"). */
  fuzzyBands: Record<string, Record<string, number>>;
  outputRows: number;
}

export interface IntegrationResult {
  fields: string[];
  types: FieldType[];
  rows: Value[][];
  /** Per output row and field, the source the value came from ('' when null, 'default' for a default). */
  provenance: string[][] | null;
  report: IntegrationReport;
}

export interface IntegrateHooks {
  onProgress?: (p: { phase: 'load' | 'join' | 'resolve'; detail: string }) => void;
  /** Only the first N rows of the primary source (sampling runs). */
  primaryLimit?: number;
}

/** A duplicate-key, unknown-field or computed-field problem found while integrating. */
export class IntegrationError extends InvalidInputError {}

async function* openSource(s: SourceConfig): AsyncIterable<RecordBatch> {
  if (s.open) {
    // A caller's provider: `select` keeps and orders its fields as the file readers do.
    const select = s.select;
    for await (const batch of s.open()) {
      if (!select) {
        yield batch;
        continue;
      }
      const index = select.map((name) => {
        const i = batch.schema.fields.findIndex((f) => f.name === name);
        if (i < 0) throw new IntegrationError(`source "${s.name}": select: unknown field "${name}" (fields: ${batch.schema.fields.map((f) => f.name).join(', ')})`, { source: s.name, field: name });
        return i;
      });
      yield { schema: { fields: index.map((i) => batch.schema.fields[i]!) }, columns: index.map((i) => batch.columns[i]!), length: batch.length };
    }
    return;
  }
  const common = { types: s.types, select: s.select };
  if (s.format === 'csv') yield* readCsv(s.path, { ...common, delimiter: s.delimiter, header: s.header });
  else if (s.format === 'jsonl') yield* readJsonLines(s.path, common);
  else yield* readJsonArray(s.path, common);
}

/** Reads a source completely and applies its rename, computed fields, defaults and aggregation. */
export async function loadSource(s: SourceConfig): Promise<LoadedSource> {
  let schema: Schema | undefined;
  const rows: Value[][] = [];
  for await (const batch of openSource(s)) {
    schema ??= batch.schema;
    const cols = batch.columns;
    const nf = cols.length;
    for (let r = 0; r < batch.length; r++) {
      const row = new Array<Value>(nf);
      for (let f = 0; f < nf; f++) row[f] = cols[f]![r] ?? null;
      rows.push(row);
    }
  }
  const fields = (schema?.fields ?? (s.select ?? []).map((name) => ({ name, type: 'string' as FieldType }))).map((f) => ({ ...f }));
  for (const f of fields) if (s.rename[f.name] !== undefined) f.name = s.rename[f.name]!;
  const names = fields.map((f) => f.name);
  const types = fields.map((f) => f.type);
  // computed fields, in declaration order: later ones may use earlier ones
  for (const [name, source] of Object.entries(s.compute)) {
    let expr: CompiledExpression;
    try {
      expr = compileExpression(source, { fields: names.map((n, i) => ({ name: n, type: types[i]! })) });
    } catch (err) {
      throw new IntegrationError(`source "${s.name}": computed field "${name}": ${(err as Error).message}`, { source: s.name, field: name });
    }
    const idx = expr.fields.map((f) => names.indexOf(f));
    for (const row of rows) row.push(expr.evaluate((i) => row[idx[i]!] ?? null));
    names.push(name);
    types.push(expr.type === 'any' || expr.type === 'null' ? 'string' : expr.type);
  }
  for (const [field, value] of Object.entries(s.defaults)) {
    const i = names.indexOf(field);
    if (i < 0) throw new IntegrationError(`source "${s.name}": default for unknown field "${field}" (fields: ${names.join(', ')})`, { source: s.name, field });
    for (const row of rows) if (row[i] === null || row[i] === '') row[i] = value;
  }
  if (!s.aggregate) return { name: s.name, fields: names, types, rows };
  const by = s.aggregate.by.map((f) => {
    const i = names.indexOf(f);
    if (i < 0) throw new IntegrationError(`source "${s.name}": aggregate.by: unknown field "${f}" (fields: ${names.join(', ')})`, { source: s.name, field: f });
    return i;
  });
  const outputs = Object.entries(s.aggregate.fields).map(([name, { op, field }]) => {
    const index = field === '*' ? -1 : names.indexOf(field);
    if (field !== '*' && index < 0) throw new IntegrationError(`source "${s.name}": aggregate.fields.${name}: unknown field "${field}"`, { source: s.name, field });
    return { name, op, index };
  });
  return {
    name: s.name,
    fields: [...by.map((i) => names[i]!), ...outputs.map((o) => o.name)],
    types: [...by.map((i) => types[i]!), ...outputs.map((o) => aggregateType(o.op, o.index >= 0 ? types[o.index] : undefined))],
    rows: aggregateRows(rows, { by, outputs }),
  };
}

/** A joined record: the matched row of each participant (or null) and each join's fuzzy score. */
interface JoinedRecord {
  parts: (Value[] | null)[];
  scores: (number | null)[];
}

function keyOf1(v: Value): string | null {
  return v === null || v === '' ? null : String(v);
}

function keyOf(values: Value[]): string | null {
  if (values.some((v) => v === null || v === '')) return null;
  return values.length === 1 ? String(values[0]) : values.map(String).join('\u0000');
}

export async function integrate(config: IntegrationConfig, hooks: IntegrateHooks = {}): Promise<IntegrationResult> {
  const order = [config.primary, ...config.joins.map((j) => j.source)];
  const loaded = new Map<string, LoadedSource>();
  for (const name of new Set(order)) {
    hooks.onProgress?.({ phase: 'load', detail: name });
    loaded.set(name, await loadSource(config.sources.get(name)!));
  }
  const participants = order.map((n) => loaded.get(n)!);
  const report: IntegrationReport = { engine: 'rows', sources: {}, joins: [], conflicts: {}, fuzzyBands: {}, outputRows: 0 };
  for (const p of participants) report.sources[p.name] = { rows: p.rows.length, matched: 0, unmatched: 0 };

  if (hooks.primaryLimit !== undefined && participants[0]!.rows.length > hooks.primaryLimit) {
    participants[0] = { ...participants[0]!, rows: participants[0]!.rows.slice(0, hooks.primaryLimit) };
  }
  const primary = participants[0]!;
  const width = participants.length;
  let records: JoinedRecord[] = primary.rows.map((row) => {
    const parts = new Array<Value[] | null>(width).fill(null);
    parts[0] = row;
    return { parts, scores: new Array<number | null>(width).fill(null) };
  });

  /** Reads field `name` from a record: the first participant (in join order so far) that has it non-null. */
  const reader = (name: string, upto: number) => {
    const where: [number, number][] = [];
    for (let p = 0; p < upto; p++) {
      const i = participants[p]!.fields.indexOf(name);
      if (i >= 0) where.push([p, i]);
    }
    if (where.length === 0) return null;
    return (rec: JoinedRecord): Value => {
      for (const [p, i] of where) {
        const v = rec.parts[p]?.[i];
        if (v !== null && v !== undefined) return v;
      }
      return null;
    };
  };

  config.joins.forEach((join, j0) => {
    const j = j0 + 1;
    const src = participants[j]!;
    hooks.onProgress?.({ phase: 'join', detail: `${primary.name} ⋈ ${src.name}` });
    const next = joinOne(records, join, j, src, participants.slice(0, j), reader, config.sources.get(join.source)!.unique, report);
    records = next;
  });

  // matched / unmatched per source: a source's row is matched when its record has another participant
  const matchedRows = participants.map(() => new Set<Value[]>());
  for (const rec of records) {
    const present = rec.parts.filter(Boolean).length;
    if (present < 2) continue;
    rec.parts.forEach((row, p) => row && matchedRows[p]!.add(row));
  }
  participants.forEach((p, i) => {
    const m = matchedRows[i]!.size;
    report.sources[p.name] = { rows: p.rows.length, matched: m, unmatched: p.rows.length - m };
  });

  hooks.onProgress?.({ phase: 'resolve', detail: `${records.length} records` });
  return resolveRecords(config, participants, records, report);
}

function joinOne(
  records: JoinedRecord[],
  join: JoinConfig,
  j: number,
  src: LoadedSource,
  before: LoadedSource[],
  reader: (name: string, upto: number) => ((rec: JoinedRecord) => Value) | null,
  unique: boolean,
  report: IntegrationReport,
): JoinedRecord[] {
  const field = (name: string, side: string) => {
    const i = src.fields.indexOf(name);
    if (i < 0) throw new IntegrationError(`join with "${src.name}": ${side}: unknown field "${name}" in "${src.name}" (fields: ${src.fields.join(', ')})`, { source: src.name, field: name });
    return i;
  };
  const left = (name: string) => {
    const r = reader(name, j);
    if (!r) throw new IntegrationError(`join with "${src.name}": unknown field "${name}" in ${before.map((b) => `"${b.name}"`).join(', ')}`, { source: src.name, field: name });
    return r;
  };
  const used = new Uint8Array(src.rows.length);
  const out: JoinedRecord[] = [];
  // records are fixed-width (one slot per participant): a single match fills the slot in place,
  // each further match of the same record gets a copy
  const extend = (rec: JoinedRecord, row: Value[] | null, score: number | null, copy: boolean): JoinedRecord => {
    const r = copy ? { parts: rec.parts.slice(), scores: rec.scores.slice() } : rec;
    r.parts[j] = row;
    r.scores[j] = score;
    return r;
  };
  const bands: Record<string, number> = {};
  let matchedRecords = 0;
  let unmatchedRecords = 0;
  const collapse = join.type === 'union' || join.type === 'intersection';

  let lookup: (rec: JoinedRecord) => { row: number; score: number | null }[];
  if (join.match.kind === 'fuzzy') {
    const m = join.match;
    const rf = field(m.field!, 'match.field');
    const lf = left(m.primaryField ?? m.field!);
    const rb = m.block ? field(m.block, 'match.block') : -1;
    const lb = m.block ? left(m.block) : null;
    const matcher = createMatcher({ algorithm: m.algorithm, threshold: m.threshold });
    src.rows.forEach((row, i) => {
      const text = row[rf];
      if (text !== null && text !== undefined) matcher.add(i, String(text), rb >= 0 ? (row[rb] === null ? null : String(row[rb])) : '');
    });
    // fallback passes: their matchers are built on first use, over the same rows
    const passes = m.fallbackBlocks.map((b) => ({ ...b, rf: field(b.field, 'match.fallbackBlocks.field'), lf: left(b.primaryField ?? b.field), matcher: null as Matcher | null }));
    const fallback = (text: string, rec: JoinedRecord): MatchResult | null => {
      for (const pass of passes) {
        if (!pass.matcher) {
          const pm = createMatcher({ algorithm: m.algorithm, threshold: m.threshold });
          src.rows.forEach((row, i) => {
            const t = row[rf];
            const v = row[pass.rf];
            if (t !== null && t !== undefined) pm.add(i, String(t), blockKey(v === null || v === undefined ? null : String(v), pass.key));
          });
          pass.matcher = pm;
        }
        const v = pass.lf(rec);
        const found = pass.matcher.best(text, blockKey(v === null ? null : String(v), pass.key));
        if (found) return found;
      }
      return null;
    };
    lookup = (rec) => {
      const text = lf(rec);
      if (text === null) return [];
      const block = lb ? lb(rec) : '';
      const best = matcher.best(String(text), block === null ? null : String(block)) ?? (passes.length ? fallback(String(text), rec) : null);
      if (!best) return [];
      const band = best.score >= 100 ? '100' : best.score >= 95 ? '95–99' : best.score >= 90 ? '90–94' : `${Math.floor(best.score / 10) * 10}–${Math.floor(best.score / 10) * 10 + 9}`;
      bands[band] = (bands[band] ?? 0) + 1;
      return [{ row: best.id, score: best.score }];
    };
  } else {
    if (join.on.length === 0) throw new IntegrationError(`join with "${src.name}": no key (on:)`, { source: src.name });
    const rIdx = join.on.map((k) => field(k.right, `on.${k.left}`));
    const lRead = join.on.map((k) => left(k.left));
    const norm = join.match.kind === 'normalized' ? (v: Value) => (typeof v === 'string' ? normalize(v) : v) : (v: Value) => v;
    const index = new Map<string, number[]>();
    const single = rIdx.length === 1;
    const r0 = rIdx[0]!;
    const l0 = lRead[0]!;
    // one key field (the common case) without building arrays per row
    const rightKey = single ? (row: Value[]) => keyOf1(norm(row[r0] ?? null)) : (row: Value[]) => keyOf(rIdx.map((f) => norm(row[f] ?? null)));
    const leftKey = single ? (rec: JoinedRecord) => keyOf1(norm(l0(rec))) : (rec: JoinedRecord) => keyOf(lRead.map((r) => norm(r(rec))));
    src.rows.forEach((row, i) => {
      const k = rightKey(row);
      if (k === null) return;
      const list = index.get(k);
      if (!list) index.set(k, [i]);
      else if (unique) throw new IntegrationError(`source "${src.name}" is declared unique but key "${k.split('\u0000').join(', ')}" occurs more than once`, { source: src.name, key: k });
      else list.push(i);
    });
    lookup = (rec) => {
      const k = leftKey(rec);
      if (k === null) return [];
      const list = index.get(k);
      if (!list) return [];
      return (collapse ? list.slice(0, 1) : list).map((row) => ({ row, score: null }));
    };
  }

  const seenKeys = collapse ? new Set<string>() : null;
  for (const rec of records) {
    const hits = lookup(rec);
    if (hits.length) {
      matchedRecords++;
      const n = join.type === 'intersection' || join.type === 'union' ? 1 : hits.length;
      // copies first (from the untouched record), then the record itself takes the first match
      for (let h = n - 1; h >= 0; h--) {
        const hit = hits[h]!;
        used[hit.row] = 1;
        out.push(extend(rec, src.rows[hit.row]!, hit.score, h > 0));
      }
      if (n > 1) {
        // keep the matches in build-side order
        const tail = out.splice(out.length - n, n).reverse();
        out.push(...tail);
      }
    } else {
      unmatchedRecords++;
      if (join.type === 'left' || join.type === 'full' || join.type === 'union') out.push(rec);
    }
  }
  let added = 0;
  if (join.type === 'right' || join.type === 'full' || join.type === 'union') {
    const keyFields = join.match.kind === 'fuzzy' ? [] : join.on.map((k) => src.fields.indexOf(k.right));
    src.rows.forEach((row, i) => {
      if (used[i]) return;
      if (seenKeys && keyFields.length) {
        // union: one record per key among the unmatched rows too
        const k = keyOf(keyFields.map((f) => row[f] ?? null));
        if (k !== null) {
          if (seenKeys.has(k)) return;
          seenKeys.add(k);
        }
      }
      const parts = new Array<Value[] | null>(records[0]?.parts.length ?? j + 1).fill(null);
      parts[j] = row;
      out.push({ parts, scores: new Array<number | null>(parts.length).fill(null) });
      added++;
    });
  }
  report.joins.push({ source: src.name, type: join.type, match: join.match.kind, matchedRecords, unmatchedRecords, addedFromSource: added });
  if (join.match.kind === 'fuzzy') report.fuzzyBands[src.name] = bands;
  return out;
}

const isEmpty = (v: Value | undefined) => v === null || v === undefined || v === '';

function resolveRecords(config: IntegrationConfig, participants: LoadedSource[], records: JoinedRecord[], report: IntegrationReport): IntegrationResult {
  // every field name in join order: the primary's first
  const all: string[] = [];
  const typeOf = new Map<string, FieldType>();
  for (const p of participants) {
    p.fields.forEach((f, i) => {
      if (!typeOf.has(f)) {
        all.push(f);
        typeOf.set(f, p.types[i]!);
      }
    });
  }
  const qualified = (name: string) => {
    const dot = name.indexOf('.');
    if (dot < 0) return null;
    const p = participants.findIndex((x) => x.name === name.slice(0, dot));
    if (p < 0) return null;
    const i = participants[p]!.fields.indexOf(name.slice(dot + 1));
    return i < 0 ? null : { p, i };
  };
  const outFields = config.output.fields ?? all;
  const lastFuzzy = config.joins.reduce((acc, jn, k) => (jn.match.kind === 'fuzzy' ? k + 1 : acc), -1);
  const plans = outFields.map((name) => {
    if (name === '_score') {
      if (lastFuzzy < 0) throw new IntegrationError('output.fields: "_score" needs a fuzzy join', { field: name });
      return { name, type: 'float' as FieldType, kind: 'score' as const, join: lastFuzzy };
    }
    const q = qualified(name);
    if (q) return { name, type: participants[q.p]!.types[q.i]!, kind: 'qualified' as const, ...q };
    const where = participants.map((p, pi) => ({ p: pi, i: p.fields.indexOf(name) })).filter((x) => x.i >= 0);
    if (where.length === 0 && config.defaults[name] === undefined) {
      throw new IntegrationError(`output.fields: unknown field "${name}" (fields: ${all.join(', ')})`, { field: name });
    }
    const rule: ResolveConfig = config.resolve[name] ?? { strategy: 'preferPrimary' };
    return { name, type: typeOf.get(name) ?? 'string', kind: 'resolved' as const, where, rule, custom: rule.expression ? compileCustom(rule.expression, participants) : null, stamp: rule.timestamp ? participants.map((p) => p.fields.indexOf(rule.timestamp!)) : null };
  });
  const wantProvenance = config.output.provenance;
  const rows: Value[][] = [];
  const provenance: string[][] | null = wantProvenance ? [] : null;
  for (const rec of records) {
    const row: Value[] = new Array(plans.length);
    const prov: string[] = wantProvenance ? new Array(plans.length) : [];
    for (let k = 0; k < plans.length; k++) {
      const plan = plans[k]!;
      let value: Value = null;
      let from = '';
      if (plan.kind === 'score') {
        value = rec.scores[plan.join] ?? null;
        from = value === null ? '' : participants[plan.join]!.name;
      } else if (plan.kind === 'qualified') {
        value = rec.parts[plan.p]?.[plan.i] ?? null;
        from = value === null ? '' : participants[plan.p]!.name;
      } else if (plan.where.length === 1 && !plan.custom) {
        // one source has this field: nothing to resolve
        const w = plan.where[0]!;
        value = rec.parts[w.p]?.[w.i] ?? null;
        from = value === null ? '' : participants[w.p]!.name;
      } else {
        const cands = plan.where.filter((w) => rec.parts[w.p]).map((w) => ({ p: w.p, v: rec.parts[w.p]![w.i] ?? null }));
        const present = cands.filter((c) => !isEmpty(c.v));
        if (present.length > 1 && present.some((c) => c.v !== present[0]!.v)) {
          const c = (report.conflicts[plan.name] ??= { strategy: plan.rule.strategy, resolved: 0 });
          c.resolved++;
        }
        const chosen = pick(plan.rule, cands, present, rec, participants, plan.stamp, plan.custom);
        value = chosen.v;
        from = chosen.p < 0 ? (value === null ? '' : 'computed') : value === null ? '' : participants[chosen.p]!.name;
      }
      if (value === null && config.defaults[plan.name] !== undefined) {
        value = config.defaults[plan.name]!;
        from = 'default';
      }
      row[k] = value;
      if (wantProvenance) prov[k] = from;
    }
    rows.push(row);
    if (provenance) provenance.push(prov);
  }
  const types = plans.map((p) => p.type);
  if (config.output.sort.length) sortRows(rows, provenance, config.output.sort.map((f) => outFields.indexOf(f)), config.output.sort);
  report.outputRows = rows.length;
  return { fields: outFields, types, rows, provenance, report };
}

function compileCustom(expression: string, participants: LoadedSource[]) {
  const fields = participants.flatMap((p, pi) => p.fields.map((f, i) => ({ name: pi === 0 ? f : `${p.name}.${f}`, type: p.types[i]!, p: pi, i })));
  // primary fields are also reachable qualified
  fields.push(...participants[0]!.fields.map((f, i) => ({ name: `${participants[0]!.name}.${f}`, type: participants[0]!.types[i]!, p: 0, i })));
  let expr: CompiledExpression;
  try {
    expr = compileExpression(expression, { fields: fields.map((f) => ({ name: f.name, type: f.type })) });
  } catch (err) {
    throw new IntegrationError(`resolve: custom expression: ${(err as Error).message}`, { expression });
  }
  const refs = expr.fields.map((n) => fields.find((f) => f.name === n)!);
  return (rec: JoinedRecord) => expr.evaluate((k) => rec.parts[refs[k]!.p]?.[refs[k]!.i] ?? null);
}

function pick(
  rule: ResolveConfig,
  cands: { p: number; v: Value }[],
  present: { p: number; v: Value }[],
  rec: JoinedRecord,
  participants: LoadedSource[],
  stamp: number[] | null,
  custom: ((rec: JoinedRecord) => Value) | null,
): { p: number; v: Value } {
  const none = { p: -1, v: null };
  if (rule.strategy === 'custom') return { p: -1, v: custom!(rec) };
  if (present.length === 0) return cands[0] ?? none;
  switch (rule.strategy) {
    case 'preferPrimary':
      return present.find((c) => c.p === 0) ?? present[0]!;
    case 'preferSecondary':
      return present.find((c) => c.p !== 0) ?? present[0]!;
    case 'mostComplete':
    case 'firstNonNull': {
      if (rule.order) {
        for (const name of rule.order) {
          const c = present.find((x) => participants[x.p]!.name === name);
          if (c) return c;
        }
      }
      return present[0]!;
    }
    case 'longest':
      return present.reduce((a, b) => (String(b.v).length > String(a.v).length ? b : a));
    case 'mostRecent': {
      let best = present[0]!;
      let bestT = -Infinity;
      for (const c of present) {
        const t = stamp && stamp[c.p]! >= 0 ? rec.parts[c.p]![stamp[c.p]!] : null;
        const tn = typeof t === 'number' ? t : typeof t === 'string' ? Date.parse(t) : NaN;
        if (!Number.isNaN(tn) && tn > bestT) {
          bestT = tn;
          best = c;
        }
      }
      return best;
    }
    case 'min':
    case 'max': {
      let best = present[0]!;
      for (const c of present) if (rule.strategy === 'min' ? c.v! < best.v! : c.v! > best.v!) best = c;
      return best;
    }
    case 'sum':
    case 'mean': {
      const nums = present.map((c) => Number(c.v)).filter((x) => !Number.isNaN(x));
      const sum = nums.reduce((a, b) => a + b, 0);
      return { p: -1, v: rule.strategy === 'sum' ? sum : nums.length ? sum / nums.length : null };
    }
  }
  return present[0]!;
}

function sortRows(rows: Value[][], provenance: string[][] | null, keys: number[], names: string[]): void {
  keys.forEach((k, i) => {
    if (k < 0) throw new IntegrationError(`output.sort: "${names[i]}" is not an output field`, { field: names[i] });
  });
  const order = rows.map((_, i) => i);
  const cmp = (a: Value, b: Value) => {
    if (a === b) return 0;
    if (a === null) return 1; // nulls last
    if (b === null) return -1;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    const sa = String(a);
    const sb = String(b);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  };
  order.sort((x, y) => {
    for (const k of keys) {
      const c = cmp(rows[x]![k]!, rows[y]![k]!);
      if (c) return c;
    }
    return x - y;
  });
  const copy = order.map((i) => rows[i]!);
  copy.forEach((r, i) => (rows[i] = r));
  if (provenance) {
    const p = order.map((i) => provenance[i]!);
    p.forEach((r, i) => (provenance[i] = r));
  }
}
