// Group-by aggregation over rows: count, count of distinct values, sum, mean, min and max, per
// group in order of first appearance. Used before joining (orders per customer) and by Purpose's
// aggregate step.
import type { AggregateOp } from './config.ts';
import type { FieldType, Value } from './table.ts';

export interface AggregateSpec {
  by: number[];
  /** op over the field at `index` (−1 for count(*)). */
  outputs: { name: string; op: AggregateOp; index: number }[];
}

/** The type of an aggregate's result given its input field's type. */
export function aggregateType(op: AggregateOp, input: FieldType | undefined): FieldType {
  if (op === 'count' || op === 'countDistinct') return 'int';
  if (op === 'mean') return 'float';
  if (op === 'sum') return input === 'int' ? 'int' : 'float';
  return input ?? 'string';
}

/** Aggregates rows (arrays of values) by the key fields; returns one row per group: keys, then outputs. */
export function aggregateRows(rows: Iterable<Value[]>, spec: AggregateSpec): Value[][] {
  // groups get dense ids; their accumulators live in flat arrays (group × output), which keeps
  // the allocation per group to its key
  const ids = new Map<unknown, number>();
  const keys: Value[][] = [];
  const n = spec.outputs.length;
  const outs = spec.outputs;
  const needMinMax = outs.some((o) => o.op === 'min' || o.op === 'max');
  let cap = 1024;
  let count = new Float64Array(cap * n);
  let sum = new Float64Array(cap * n);
  const mins: (number | string | null)[] = [];
  const maxs: (number | string | null)[] = [];
  const distinct: (Set<Value> | null)[] = [];
  const single = spec.by.length === 1;
  const by0 = spec.by[0] ?? 0;
  for (const row of rows) {
    // one key field: the value itself is the Map key (1 and '1' stay apart); several: a joined
    // string with the types (\u0000 does not occur in the text keys we read)
    const k: unknown = single ? (row[by0] ?? null) : spec.by.map((i) => `${typeof row[i]}:${String(row[i])}`).join('\u0000');
    let g = ids.get(k);
    if (g === undefined) {
      g = keys.length;
      ids.set(k, g);
      keys.push(spec.by.map((i) => row[i] ?? null));
      if (g === cap) {
        cap *= 2;
        const c2 = new Float64Array(cap * n);
        c2.set(count);
        count = c2;
        const s2 = new Float64Array(cap * n);
        s2.set(sum);
        sum = s2;
      }
      for (let j = 0; j < n; j++) {
        if (needMinMax) {
          mins.push(null);
          maxs.push(null);
        }
        distinct.push(outs[j]!.op === 'countDistinct' ? new Set<Value>() : null);
      }
    }
    const base = g * n;
    for (let j = 0; j < n; j++) {
      const o = outs[j]!;
      if (o.index < 0) {
        count[base + j]!++;
        continue;
      }
      const v = row[o.index];
      if (v === null || v === undefined) continue;
      count[base + j]!++;
      switch (o.op) {
        case 'sum':
        case 'mean':
          sum[base + j]! += typeof v === 'number' ? v : Number(v);
          break;
        case 'countDistinct':
          distinct[base + j]!.add(v);
          break;
        case 'min': {
          const x = typeof v === 'boolean' ? Number(v) : v;
          if (mins[base + j] === null || x < mins[base + j]!) mins[base + j] = x;
          break;
        }
        case 'max': {
          const x = typeof v === 'boolean' ? Number(v) : v;
          if (maxs[base + j] === null || x > maxs[base + j]!) maxs[base + j] = x;
          break;
        }
      }
    }
  }
  const out: Value[][] = new Array(keys.length);
  for (let g = 0; g < keys.length; g++) {
    const row: Value[] = keys[g]!;
    const base = g * n;
    for (let j = 0; j < n; j++) {
      const c = count[base + j]!;
      switch (outs[j]!.op) {
        case 'count':
          row.push(c);
          break;
        case 'countDistinct':
          row.push(distinct[base + j]!.size);
          break;
        case 'sum':
          row.push(c === 0 ? null : sum[base + j]!);
          break;
        case 'mean':
          row.push(c === 0 ? null : sum[base + j]! / c);
          break;
        case 'min':
          row.push(mins[base + j]!);
          break;
        case 'max':
          row.push(maxs[base + j]!);
          break;
      }
    }
    out[g] = row;
  }
  return out;
}
