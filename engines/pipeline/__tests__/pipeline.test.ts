// Purpose pipelines on in-memory batches: every step kind, validation errors that name the step and
// the position, stats per step, and the external sort (forced with a small run size).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordBatch, Schema, Value } from '../../integration/table.ts';
import { buildPipeline, parsePipeline, PipelineError, prepareJoins, runPipeline } from '../pipeline.ts';

const schema: Schema = {
  fields: [
    { name: 'id', type: 'int' },
    { name: 'city', type: 'string' },
    { name: 'amount', type: 'float' },
    { name: 'tag', type: 'string' },
  ],
};
const data: Value[][] = [
  [1, 'Boston', 10, 'a'],
  [2, 'Austin', 25.5, null],
  [3, 'Boston', 7, 'b'],
  [4, 'Denver', 100, 'a'],
  [5, 'Austin', 3, 'c'],
  [6, 'Boston', 10, 'a'],
];

function batches(rows: Value[][], size = 2): RecordBatch[] {
  const out: RecordBatch[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const part = rows.slice(i, i + size);
    out.push({ schema, columns: schema.fields.map((_, f) => part.map((r) => r[f]!)), length: part.length });
  }
  return out;
}

async function run(yaml: string, rows = data, sortRunRows?: number): Promise<{ fields: string[]; rows: Value[][]; stats: { kind: string; rowsIn: number; rowsOut: number }[] }> {
  const { stages, output } = buildPipeline(parsePipeline(yaml), schema, { sortRunRows });
  const out: Value[][] = [];
  async function* input() {
    yield* batches(rows);
  }
  for await (const b of runPipeline(stages, output, input())) {
    for (let r = 0; r < b.length; r++) out.push(b.columns.map((c) => c[r]!));
  }
  return { fields: output.fields.map((f) => f.name), rows: out, stats: stages.map((s) => s.stats) };
}

describe('steps', () => {
  it('filter by expression and by structured conditions (and/or/not, every operator)', async () => {
    expect((await run("- filter: \"city = 'Boston' and amount >= 10\"")).rows.map((r) => r[0])).toEqual([1, 6]);
    const structured = `
- filter:
    or:
      - { field: amount, op: gt, value: 50 }
      - and: [{ field: city, op: in, value: [Austin] }, { not: { field: tag, op: isNull } }]
`;
    expect((await run(structured)).rows.map((r) => r[0])).toEqual([4, 5]);
    for (const [op, value, ids] of [
      ['eq', 'Austin', [2, 5]],
      ['neq', 'Boston', [2, 4, 5]],
      ['lt', 10, [3, 5]],
      ['lte', 10, [1, 3, 5, 6]],
      ['gte', 25.5, [2, 4]],
      ['contains', 'ost', [1, 3, 6]],
      ['startsWith', 'Den', [4]],
      ['regex', '^A.*n$', [2, 5]],
    ] as const) {
      const field = typeof value === 'number' ? 'amount' : 'city';
      const r = await run(`- filter: { field: ${field}, op: ${op}, value: ${JSON.stringify(value)} }`);
      expect([op, r.rows.map((x) => x[0])]).toEqual([op, ids]);
    }
    expect((await run('- filter: { field: tag, op: isNull }')).rows.map((r) => r[0])).toEqual([2]);
  });

  it('map/derive computes fields from the incoming row; select and rename reshape', async () => {
    const r = await run(`
- derive: { double: 'amount * 2', label: "concat(upper(city), '-', id)" }
- select: [id, double, label]
- rename: { double: twice }
`);
    expect(r.fields).toEqual(['id', 'twice', 'label']);
    expect(r.rows[0]).toEqual([1, 20, 'BOSTON-1']);
    expect(r.rows[1]).toEqual([2, 51, 'AUSTIN-2']);
  });

  it('cast converts types and names the row of a failing value', async () => {
    const r = await run('- cast: { amount: int }', data.filter((x) => Number.isInteger(x[2])));
    expect(r.rows.map((x) => x[2])).toEqual([10, 7, 100, 3, 10]);
    await expect(run('- cast: { amount: int }')).rejects.toThrow(/pipeline step 1 \(cast\): row 2: field "amount": cannot cast 25.5 to int/);
  });

  it('dedupe by key keeps the first or the last', async () => {
    expect((await run('- dedupe: { by: [city] }')).rows.map((r) => r[0])).toEqual([1, 2, 4]);
    expect((await run('- dedupe: { by: [city], keep: last }')).rows.map((r) => r[0])).toEqual([4, 5, 6]);
    expect((await run('- dedupe: { by: [city, amount] }')).rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5]);
  });

  it('sort (stable, several keys, descending), limit, seeded sample', async () => {
    expect((await run('- sort: [city, -amount]')).rows.map((r) => r[0])).toEqual([2, 5, 1, 6, 3, 4]);
    expect((await run('- sort: [{ field: amount, order: desc }]\n- limit: 2')).rows.map((r) => r[0])).toEqual([4, 2]);
    const a = await run('- sample: { fraction: 0.5, seed: 7 }');
    const b = await run('- sample: { fraction: 0.5, seed: 7 }');
    expect(a.rows).toEqual(b.rows);
    expect((await run('- sample: { n: 3, seed: 1 }')).rows).toHaveLength(3);
  });

  it('aggregate groups with count, sum, mean, min, max, countDistinct and percentiles', async () => {
    const r = await run(`
- aggregate:
    by: [city]
    fields:
      n: { count: '*' }
      total: { sum: amount }
      avg: { mean: amount }
      lo: { min: amount }
      hi: { max: amount }
      tags: { countDistinct: tag }
      p50: { percentile: { field: amount, p: 0.5 } }
- sort: [city]
`);
    expect(r.fields).toEqual(['city', 'n', 'total', 'avg', 'lo', 'hi', 'tags', 'p50']);
    expect(r.rows).toEqual([
      ['Austin', 2, 28.5, 14.25, 3, 25.5, 1, 14.25],
      ['Boston', 3, 27, 9, 7, 10, 2, 10],
      ['Denver', 1, 100, 100, 100, 100, 1, 100],
    ]);
  });

  it('reports rows in and out per step', async () => {
    const r = await run("- filter: \"city != 'Denver'\"\n- sort: [id]\n- limit: 3");
    expect(r.stats.map((s) => [s.kind, s.rowsIn, s.rowsOut])).toEqual([
      ['filter', 6, 5],
      ['sort', 5, 5],
      ['limit', 5, 3],
    ]);
  });
});

describe('validation before running', () => {
  it.each([
    ['- explode: {}', /pipeline step 1 \(explode\): unknown step "explode"/],
    ['- filter: "amount >"', /pipeline step 1 \(filter\): .*1:9/],
    ['- select: [id]\n- filter: "city = \'x\'"', /pipeline step 2 \(filter\): .*unknown field "city"/],
    ['- sort: [colour]', /pipeline step 1 \(sort\): unknown field "colour"/],
    ['- filter: { field: city, op: like, value: x }', /unknown operator "like"/],
    ['- rename: { id: city }', /two fields would be called "city"/],
    ['- aggregate: { by: [city], fields: { x: { median: amount } } }', /unknown operation "median"/],
    ['- { filter: "true", limit: 1 }', /a step has exactly one kind/],
    ['steps: 3', /expected a list of steps/],
  ])('%j', (yaml, message) => {
    expect(() => buildPipeline(parsePipeline(yaml), schema)).toThrow(message);
  });

  it('errors carry the step number as a detail', () => {
    try {
      buildPipeline(parsePipeline('- limit: 1\n- sort: [nope]'), schema);
      throw new Error('no error');
    } catch (err) {
      expect(err).toBeInstanceOf(PipelineError);
      expect((err as PipelineError).details).toMatchObject({ step: 2, kind: 'sort', field: 'nope' });
      expect((err as PipelineError).code).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses a YAML bomb', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'steps: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]'].join('\n');
    expect(() => parsePipeline(bomb)).toThrow(/not valid YAML/);
  });
});

describe('external sort', () => {
  it('spills sorted runs and merges them in order, stably', async () => {
    const many: Value[][] = Array.from({ length: 2000 }, (_, i) => [i, ['Boston', 'Austin', 'Denver'][i % 3]!, (i * 7919) % 1000, null]);
    // runs of 300 rows: 7 files merged
    const r = await run('- sort: [amount, id]', many, 300);
    const expected = [...many].sort((a, b) => (a[2] as number) - (b[2] as number) || (a[0] as number) - (b[0] as number));
    expect(r.rows.map((x) => x[0])).toEqual(expected.map((x) => x[0]));
  });
});

describe('join (delegating to Combine)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'purpose-join-'));
    writeFileSync(join(dir, 'cities.csv'), 'city,state,tag\nBoston,MA,x\nAustin,TX,y\nAustin,TX,z\n');
    writeFileSync(join(dir, 'people.csv'), 'who,city\nAnn Lee,Boston\nBob Ray,Austin\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function runJoin(yaml: string): Promise<{ fields: string[]; rows: Value[][] }> {
    const steps = parsePipeline(yaml);
    const joins = await prepareJoins(steps, dir);
    const { stages, output } = buildPipeline(steps, schema, { joins });
    const out: Value[][] = [];
    async function* input() {
      yield* batches(data);
    }
    for await (const b of runPipeline(stages, output, input())) for (let r = 0; r < b.length; r++) out.push(b.columns.map((c) => c[r]!));
    return { fields: output.fields.map((f) => f.name), rows: out };
  }

  it('left-joins a CSV on a key, every match, with clashing names qualified', async () => {
    const r = await runJoin('- join: { source: cities.csv, on: city, type: left }\n- select: [id, city, state, cities.tag]');
    expect(r.fields).toEqual(['id', 'city', 'state', 'cities.tag']);
    expect(r.rows).toEqual([
      [1, 'Boston', 'MA', 'x'],
      [2, 'Austin', 'TX', 'y'],
      [2, 'Austin', 'TX', 'z'],
      [3, 'Boston', 'MA', 'x'],
      [4, 'Denver', null, null],
      [5, 'Austin', 'TX', 'y'],
      [5, 'Austin', 'TX', 'z'],
      [6, 'Boston', 'MA', 'x'],
    ]);
  });

  it('inner-joins by fuzzy match within blocks and keeps the score', async () => {
    const r = await runJoin("- derive: { person: \"if(id = 1, 'Ann Leee', if(id = 2, 'Bob Ray', 'Nobody'))\" }\n- join: { source: people.csv, type: inner, match: { kind: fuzzy, primaryField: person, field: who, block: city, threshold: 85 } }\n- select: [id, who, _score]");
    expect(r.rows.map((x) => x.slice(0, 2))).toEqual([
      [1, 'Ann Lee'],
      [2, 'Bob Ray'],
    ]);
    expect(r.rows[1]![2]).toBe(100);
  });

  it('refuses an unknown field of the joined source and a path outside the data directory', async () => {
    await expect(runJoin('- join: { source: cities.csv, on: { city: town } }')).rejects.toThrow(/pipeline step 1 \(join\): unknown field "town" in cities/);
    await expect(prepareJoins(parsePipeline('- join: { source: ../../etc/passwd, on: x }'), dir, dir)).rejects.toThrow(/outside the data directory/);
  });
});
