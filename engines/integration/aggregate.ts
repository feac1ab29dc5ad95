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

interface Acc {
  key: Value[];
  count: number[];
  sum: number[];
  min: (number | string | null)[];
  max: (number | string | null)[];
  distinct: (Set<Value> | null)[];
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
  const groups = new Map<unknown, Acc>();
  const n = spec.outputs.length;
  const single = spec.by.length === 1;
  const by0 = spec.by[0] ?? 0;
  for (const row of rows) {
    // one key field: the value itself is the Map key (1 and '1' stay apart); several: a joined
    // string with the types (\u0000 does not occur in the text keys we read)
    const k: unknown = single ? (row[by0] ?? null) : spec.by.map((i) => `${typeof row[i]}:${String(row[i])}`).join('\u0000');
    let acc = groups.get(k);
    if (!acc) {
      const key = spec.by.map((i) => row[i] ?? null);
      acc = {
        key,
        count: new Array<number>(n).fill(0),
        sum: new Array<number>(n).fill(0),
        min: new Array<number | string | null>(n).fill(null),
        max: new Array<number | string | null>(n).fill(null),
        distinct: spec.outputs.map((o) => (o.op === 'countDistinct' ? new Set<Value>() : null)),
      };
      groups.set(k, acc);
    }
    for (let j = 0; j < n; j++) {
      const o = spec.outputs[j]!;
      if (o.index < 0) {
        acc.count[j]!++;
        continue;
      }
      const v = row[o.index];
      if (v === null || v === undefined) continue;
      acc.count[j]!++;
      if (o.op === 'countDistinct') acc.distinct[j]!.add(v);
      else if (o.op === 'sum' || o.op === 'mean') acc.sum[j]! += typeof v === 'number' ? v : Number(v);
      else if (o.op === 'min' || o.op === 'max') {
        const x = typeof v === 'boolean' ? Number(v) : v;
        if (o.op === 'min' && (acc.min[j] === null || x < acc.min[j]!)) acc.min[j] = x;
        if (o.op === 'max' && (acc.max[j] === null || x > acc.max[j]!)) acc.max[j] = x;
      }
    }
  }
  const out: Value[][] = [];
  for (const acc of groups.values()) {
    const row: Value[] = [...acc.key];
    spec.outputs.forEach((o, j) => {
      const c = acc.count[j]!;
      switch (o.op) {
        case 'count':
          row.push(c);
          break;
        case 'countDistinct':
          row.push(acc.distinct[j]!.size);
          break;
        case 'sum':
          row.push(c === 0 ? null : acc.sum[j]!);
          break;
        case 'mean':
          row.push(c === 0 ? null : acc.sum[j]! / c);
          break;
        case 'min':
          row.push(acc.min[j]!);
          break;
        case 'max':
          row.push(acc.max[j]!);
          break;
      }
    });
    out.push(row);
  }
  return out;
}
