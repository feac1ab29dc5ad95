// The columnar executor against the row engine: on generated files and configs covering every
// feature the executor takes, both must write the same CSV bytes, return the same rows and the same
// report (key order included). Inputs the executor does not take must send it back (null) so the
// row engine runs — and reports errors — as before.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { integrate } from '../combine.ts';
import { integrateColumnar, loadSourceTable, scanKernel } from '../columnar.ts';
import { parseIntegrationConfig, type IntegrationConfig } from '../config.ts';
import { writeCsv } from '../csv.ts';
import { resultBatch } from '../output.ts';
import { mulberry32 } from './typos.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'columnar-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rng = mulberry32;

type Rand = () => number;
const pickOne = <T,>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rand, p: number) => r() < p;

function csvFile(name: string, header: string[], rows: string[][], d: string): string {
  const path = join(dir, name);
  writeFileSync(path, `${[header, ...rows].map((row) => row.join(d)).join('\n')}\n`);
  return name;
}

/** Field texts of several shapes per type, with nulls (empty fields). */
const gen = {
  id: (r: Rand, n: number, strKeys: boolean) => (chance(r, 0.03) ? '' : strKeys ? `K${String(Math.floor(r() * n)).padStart(3, '0')}` : String(Math.floor(r() * n))),
  grp: (r: Rand) => pickOne(r, ['x', 'y', 'z']),
  name: (r: Rand, d: string) => (chance(r, 0.1) ? '' : `${pickOne(r, ['Ann', 'Bob', 'Cy', 'Dee', 'Eve', 'Al'])}${d !== ',' && chance(r, 0.2) ? ', Jr' : ''} ${pickOne(r, ['Lee', 'Ray', 'Fox', 'Smithson', 'O'])}`),
  score: (r: Rand) => (chance(r, 0.1) ? '' : pickOne(r, [String(Math.floor(r() * 100)), (r() * 100).toFixed(2), '1.50', '-0.0', '3', '2.5e1', '007', 'nan'])),
  ts: (r: Rand) =>
    chance(r, 0.1)
      ? ''
      : pickOne(r, [
          `2024-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}T0${Math.floor(r() * 9)}:1${Math.floor(r() * 9)}:2${Math.floor(r() * 9)}`,
          `2023-12-3${Math.floor(r() * 2)}`,
          `2024-02-29 23:59:59.${Math.floor(r() * 999)}Z`,
          '2024-05-05T05:05:05+02:00',
        ]),
  flag: (r: Rand) => (chance(r, 0.1) ? '' : pickOne(r, ['true', 'false', 'TRUE', 'False'])),
  code: (r: Rand) => (chance(r, 0.1) ? '' : pickOne(r, ['007', '42', '-3', '0', '+5'])),
  amount: (r: Rand) => (chance(r, 0.1) ? '' : (r() * 1000).toFixed(pickOne(r, [0, 1, 2]))),
  label: (r: Rand) => (chance(r, 0.2) ? '' : pickOne(r, ['red', 'green', 'blue', 'amber'])),
};

interface Case {
  yaml: string;
  describe: string;
}

/** A random supported integration over three generated files. */
function makeCase(seed: number): Case {
  const r = rng(seed);
  const d = pickOne(r, [',', ',', ';', '|', '\t']);
  const n = 20 + Math.floor(r() * 200);
  const strKeys = chance(r, 0.5);
  const keyN = Math.max(5, Math.floor(n * pickOne(r, [0.5, 1, 2])));
  const a = csvFile(`a${seed}.csv`, ['id', 'grp', 'name', 'score', 'ts', 'flag', 'code', 'city'], Array.from({ length: n }, () => [gen.id(r, keyN, strKeys), gen.grp(r), gen.name(r, d), gen.score(r), gen.ts(r), gen.flag(r), gen.code(r), pickOne(r, ['Boston', 'Austin', ''])]), d);
  const b = csvFile(`b${seed}.csv`, ['id', 'grp', 'name', 'score', 'ts', 'phone'], Array.from({ length: Math.floor(n * 0.8) }, () => [gen.id(r, keyN, strKeys), gen.grp(r), gen.name(r, d), gen.score(r), gen.ts(r), chance(r, 0.2) ? '' : `555-${Math.floor(r() * 100)}`]), d);
  const c = csvFile(`c${seed}.csv`, ['oid', 'id', 'amount', 'qty', 'when', 'label'], Array.from({ length: n * 2 }, (_, i) => [String(i), gen.id(r, keyN, strKeys), gen.amount(r), gen.code(r), gen.ts(r), gen.label(r)]), d);
  const delim = d === ',' ? '' : `, delimiter: ${JSON.stringify(d)}`;
  const composite = chance(r, 0.3);
  const on = composite ? '[id, grp]' : 'id';
  const ops = ['count: "*"', 'count: amount', 'sum: amount', 'mean: amount', 'min: amount', 'max: amount', 'min: label', 'max: when', 'sum: qty'];
  const aggFields = ops.filter(() => chance(r, 0.5)).map((op, i) => `a${i}: { ${op} }`);
  if (aggFields.length === 0) aggFields.push('n: { count: "*" }');
  const aggregate = chance(r, 0.7);
  const cSource = aggregate ? `{ path: ${c}${delim}, aggregate: { by: [id], fields: { ${aggFields.join(', ')} } } }` : `{ path: ${c}${delim}, select: [id, amount, label, when] }`;
  const bTypes = chance(r, 0.3) ? ', types: { score: float }' : '';
  const strategies = ['preferPrimary', 'preferSecondary', 'mostRecent', 'mostComplete', 'firstNonNull', 'longest', 'min', 'max'];
  const resolve: string[] = [];
  for (const field of ['name', 'score', 'ts', 'id']) {
    if (!chance(r, 0.7)) continue;
    let s = pickOne(r, strategies);
    if (s === 'longest' && field !== 'name') s = 'max';
    if ((s === 'min' || s === 'max') && field === 'name' && chance(r, 0.5)) s = 'preferSecondary';
    const extra = s === 'mostRecent' ? `, timestamp: ${chance(r, 0.3) ? 'score' : 'ts'}` : s === 'firstNonNull' && chance(r, 0.5) ? ', order: [b, a]' : '';
    resolve.push(`${field}: { strategy: ${s}${extra} }`);
  }
  const all = ['id', 'grp', 'name', 'score', 'ts', 'flag', 'code', 'city', 'phone', 'b.name', 'a.score', 'b.ts'];
  const cFields = aggregate ? aggFields.map((f) => f.slice(0, f.indexOf(':'))) : ['amount', 'label', 'when'];
  const outFields = chance(r, 0.25) ? null : [...all, ...cFields].filter(() => chance(r, 0.7));
  const fieldsLine = outFields && outFields.length ? `fields: [${outFields.map((f) => JSON.stringify(f)).join(', ')}], ` : '';
  const sortable = outFields && outFields.length ? outFields : ['id', 'name', 'score'];
  const sort = chance(r, 0.7) ? `sort: [${[pickOne(r, sortable), pickOne(r, sortable)].filter((x, i, xs) => xs.indexOf(x) === i).map((f) => JSON.stringify(f)).join(', ')}], ` : '';
  const formats = chance(r, 0.5) ? `formats: { score: '%.2f', ${cFields[0]}: '%.1f' }, ` : '';
  const defaults = chance(r, 0.5) ? `defaults: { ${cFields[0]}: 0, phone: 'none', name: 'anon', ts: 1700000000000 }\n` : '';
  const yaml = `
sources:
  a: { path: ${a}${delim} }
  b: { path: ${b}${delim}${bTypes} }
  c: ${cSource}
primary: a
joins:
  - { source: b, type: ${pickOne(r, ['left', 'inner'])}, on: ${on} }
  - { source: c, type: ${pickOne(r, ['left', 'left', 'inner'])}, on: id }
${resolve.length ? `resolve: { ${resolve.join(', ')} }\n` : ''}${defaults}output: { ${fieldsLine}${sort}${formats}provenance: ${chance(r, 0.3)} }
`;
  return { yaml, describe: `seed ${seed}` };
}

async function rowEngineCsv(config: IntegrationConfig, out: string): Promise<void> {
  const result = await integrate(config);
  await writeCsv([resultBatch(result, { numberFormats: config.output.numberFormats, provenance: config.output.provenance, timestampsAsText: true })], out);
}

describe('columnar executor = row engine', () => {
  it.each(Array.from({ length: 60 }, (_, i) => i + 1))('generated case %i: same CSV bytes, rows and report', async (seed) => {
    const { yaml } = makeCase(seed);
    const config = parseIntegrationConfig(yaml, { baseDir: dir });
    const expected = await integrate(config);
    const fast = await integrateColumnar(config, {}, { threads: 1 });
    expect(fast).not.toBeNull();
    const got = fast!.toResult();
    expect(got.fields).toEqual(expected.fields);
    expect(got.types).toEqual(expected.types);
    expect(got.rows).toEqual(expected.rows);
    expect(got.provenance).toEqual(expected.provenance);
    expect(JSON.stringify({ ...fast!.report, engine: 'rows' })).toBe(JSON.stringify(expected.report));
    expect(fast!.report.engine).toBe('columnar');
    const rowOut = join(dir, `row${seed}.csv`);
    const colOut = join(dir, `col${seed}.csv`);
    await rowEngineCsv(config, rowOut);
    const written = await fast!.writeCsv(colOut, { numberFormats: config.output.numberFormats, provenance: config.output.provenance });
    const want = readFileSync(rowOut, 'utf8');
    expect(readFileSync(colOut, 'utf8')).toBe(want);
    expect(written.rows).toBe(expected.rows.length);
    expect(written.bytes).toBe(Buffer.byteLength(want));
  });

  it('the generated cases exercise what they claim: conflicts, defaults, duplicates, sorting', async () => {
    let conflicts = 0;
    let multi = 0;
    let sorted = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const config = parseIntegrationConfig(makeCase(seed).yaml, { baseDir: dir });
      const fast = (await integrateColumnar(config, {}, { threads: 1 }))!;
      conflicts += Object.keys(fast.report.conflicts).length;
      if (fast.report.joins.some((j) => j.matchedRecords > 0) && fast.length > fast.report.sources.a!.rows) multi++;
      if (config.output.sort.length) sorted++;
    }
    expect(conflicts).toBeGreaterThan(30);
    expect(multi).toBeGreaterThan(5);
    expect(sorted).toBeGreaterThan(20);
  });

  it('with a helper thread (sources loaded, joins probed, fields resolved and output formatted on both threads): the same bytes and report', async () => {
    let resolvedByHelper = 0;
    for (const seed of [3, 11, 19, 27, 35, 43]) {
      const config = parseIntegrationConfig(makeCase(seed).yaml, { baseDir: dir });
      const single = (await integrateColumnar(config, {}, { threads: 1 }))!;
      const phases: string[] = [];
      const parallel = (await integrateColumnar(config, { onProgress: (p) => phases.push(`${p.phase} ${p.detail}`) }, { threads: 2, parallelMinBytes: 0 }))!;
      expect(parallel).not.toBeNull();
      expect(phases.filter((p) => p.startsWith('load')).sort()).toEqual(['load a', 'load b', 'load c']);
      expect(JSON.stringify(parallel.report)).toBe(JSON.stringify(single.report));
      const o = { numberFormats: config.output.numberFormats, provenance: config.output.provenance };
      const one = join(dir, `one${seed}.csv`);
      const two = join(dir, `two${seed}.csv`);
      await single.writeCsv(one, o);
      await parallel.writeCsv(two, o);
      expect(readFileSync(two, 'utf8')).toBe(readFileSync(one, 'utf8'));
      expect(readFileSync(two, 'utf8').split('\n').length).toBeGreaterThan(3);
      // the helper really did its part (its failures would be redone here, silently)
      expect(parallel.helperWork.loads).toBeGreaterThanOrEqual(1);
      expect(parallel.helperWork.rows).toBe(parallel.length - (parallel.length >>> 1));
      resolvedByHelper += parallel.helperWork.fields;
      expect(single.helperWork).toEqual({ loads: 0, rows: 0, fields: 0, probes: 0 });
    }
    expect(resolvedByHelper).toBeGreaterThan(0);
  }, 60_000);

  it('a join whose source the helper thread loaded is probed there, as soon as the primary is loaded too', async () => {
    // the primary (largest, no null keys) loads here; the helper thread, started meanwhile, takes b
    const n = 20_000;
    csvFile('pa.csv', ['id', 'name'], Array.from({ length: n }, (_, i) => [`K${i}`, `n${i % 97}`]), ',');
    csvFile('pb.csv', ['id', 'x'], Array.from({ length: 300 }, (_, i) => [`K${i * 7}`, String(i)]), ',');
    csvFile('pc.csv', ['id', 'y'], Array.from({ length: 200 }, (_, i) => [`K${i * 3}`, `y${i}`]), ',');
    const config = parseIntegrationConfig('sources: { a: { path: pa.csv }, b: { path: pb.csv }, c: { path: pc.csv } }\nprimary: a\njoins: [{ source: b, type: left, on: id }, { source: c, type: left, on: id }]\n', { baseDir: dir });
    const single = (await integrateColumnar(config, {}, { threads: 1 }))!;
    const parallel = (await integrateColumnar(config, {}, { threads: 2, parallelMinBytes: 0 }))!;
    expect(parallel.helperWork.probes).toBe(1);
    expect(JSON.stringify(parallel.report)).toBe(JSON.stringify(single.report));
    const rows = parallel.toResult().rows;
    expect(rows).toEqual(single.toResult().rows);
    expect(rows[21]).toEqual(['K21', 'n21', 3, 'y7']);
  }, 60_000);

  it('reads past its row estimate (long lines first, then 50,000 short ones)', async () => {
    const long = Array.from({ length: 1100 }, (_, i) => `${i},${'x'.repeat(1000)}`);
    const short = Array.from({ length: 50_000 }, (_, i) => `${1100 + i},n${i % 7}`);
    writeFileSync(join(dir, 'grow.csv'), `id,name\n${[...long, ...short].join('\n')}\n`);
    writeFileSync(join(dir, 'grow-b.csv'), 'id,tag\n5,a\n20000,b\n50000,c\n');
    const config = parseIntegrationConfig('sources: { a: { path: grow.csv }, b: { path: grow-b.csv } }\nprimary: a\njoins: [{ source: b, type: left, on: id }]\noutput: { sort: [name, id] }\n', { baseDir: dir });
    const fast = (await integrateColumnar(config, {}, { threads: 1 }))!;
    expect(fast.length).toBe(51_100);
    const expected = await integrate(config);
    expect(fast.toResult().rows).toEqual(expected.rows);
  });

  it('writes to a stream as to a file', async () => {
    const config = parseIntegrationConfig(makeCase(7).yaml, { baseDir: dir });
    const fast = (await integrateColumnar(config, {}, { threads: 2, parallelMinBytes: 0 }))!;
    const chunks: Buffer[] = [];
    const { Writable } = await import('node:stream');
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        chunks.push(chunk);
        cb();
      },
    });
    await fast.writeCsv(sink, { numberFormats: config.output.numberFormats, provenance: config.output.provenance });
    const file = join(dir, 'stream-ref.csv');
    await rowEngineCsv(config, file);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(readFileSync(file, 'utf8'));
  });
});

describe('the WebAssembly scan kernel', () => {
  /** A table's cells as text (null for nulls), for comparing two loads of one file. */
  const dump = (t: NonNullable<ReturnType<typeof loadSourceTable>>) =>
    t.cols.map((c) => Array.from({ length: t.length }, (_, r) => (c.start ? c.bytes.toString('latin1', c.start[r]!, c.end![r]!) : c.nul![r] ? null : c.num![r]!)));
  const load = (file: string, types: Record<string, string>, kernel: boolean, delimiter?: string) => {
    scanKernel.enabled = kernel;
    try {
      const config = parseIntegrationConfig(`sources: { a: { path: ${file}, types: ${JSON.stringify(types)}${delimiter ? `, delimiter: ${JSON.stringify(delimiter)}` : ''} } }\n`, { baseDir: dir });
      const t = loadSourceTable(config.sources.get('a')!);
      return t && { fields: t.fields, length: t.length, cells: dump(t) };
    } finally {
      scanKernel.enabled = true;
    }
  };

  it('runs: the generated cases load through it; it groups, indexes and probes their text keys and resolves their fields', async () => {
    const before = { ...scanKernel };
    for (let seed = 1; seed <= 20; seed++) {
      const config = parseIntegrationConfig(makeCase(seed).yaml, { baseDir: dir });
      expect(await integrateColumnar(config, {}, { threads: 1 })).not.toBeNull();
    }
    expect(scanKernel.used - before.used).toBe(60);
    expect(scanKernel.groupings - before.groupings).toBeGreaterThan(3);
    expect(scanKernel.resolved - before.resolved).toBeGreaterThan(20);
    expect(scanKernel.indexed - before.indexed).toBeGreaterThan(5);
    expect(scanKernel.probed - before.probed).toBeGreaterThan(5);
    expect(scanKernel.formatted - before.formatted).toBe(0); // toResult only: nothing written
  });

  /** The columnar CSV (the kernel writes it) and the row engine's, for one config. */
  const bothCsv = async (yaml: string, name: string) => {
    const config = parseIntegrationConfig(yaml, { baseDir: dir });
    const before = scanKernel.formatted;
    const fast = (await integrateColumnar(config, {}, { threads: 1 }))!;
    expect(fast).not.toBeNull();
    await fast.writeCsv(join(dir, `${name}-col.csv`), { numberFormats: config.output.numberFormats, provenance: config.output.provenance });
    await rowEngineCsv(config, join(dir, `${name}-row.csv`));
    return { col: readFileSync(join(dir, `${name}-col.csv`), 'utf8'), row: readFileSync(join(dir, `${name}-row.csv`), 'utf8'), formatted: scanKernel.formatted - before };
  };

  it('writes CSV as the row engine does: numbers of every kind, its fast paths and what it leaves to formatNumber', async () => {
    // %.2f ties and near-ties, negatives (−0.00), huge and tiny values, floats with no format,
    // whole numbers past 1e15, timestamps with milliseconds and outside years 0–9999, booleans
    const amounts = ['0.125', '0.135', '1.005', '2.675', '-0.001', '-1.5', '0', '1e21', '123456789012.345', '0.000001', '5e-324', '99.995', '1.45', '-0', '4503599627370497', '7'];
    const stamps = ['2024-02-29T23:59:59', '1970-01-01', '2024-01-01T00:00:00.123', '0001-01-01T00:00:00', '2024-06-01 12:00:00', '2024-06-01T12:00:00Z', '2024-06-01T12:00:00+02:00'];
    const rows = Array.from({ length: 400 }, (_, i) => [`K${i}`, amounts[i % amounts.length]!, amounts[(i * 7) % amounts.length]!, String(i % 3 === 0 ? 2 ** 52 + i * 2 : i), stamps[i % stamps.length]!, i % 2 ? 'true' : 'false']);
    csvFile('nums.csv', ['id', 'amt', 'raw', 'n', 'ts', 'flag'], rows, ',');
    csvFile('nums-b.csv', ['id', 'extra'], Array.from({ length: 50 }, (_, i) => [`K${i * 3}`, `x${i}`]), ',');
    const yaml = `sources: { a: { path: nums.csv, types: { amt: float, raw: float, n: int, ts: timestamp, flag: bool } }, b: { path: nums-b.csv } }
primary: a
joins: [{ source: b, type: left, on: id }]
defaults: { extra: 'zoë, "q"' }
output: { fields: [id, amt, raw, n, ts, flag, extra], format: { amt: '%.2f' } }
`;
    const { col, row, formatted } = await bothCsv(yaml, 'nums');
    expect(formatted).toBeGreaterThan(0);
    expect(col).toBe(row);
    expect(col).toContain('-0.00');
    expect(col).toContain('"zoë, ""q"""');
  });

  it('writes a cell longer than its output buffer (2 MB), and text that needs quotes from a ; file', async () => {
    writeFileSync(join(dir, 'long.csv'), `id;text\n1;${'a,b '.repeat(500_000)}\n2;plain\n3;x,y\n`);
    writeFileSync(join(dir, 'long-b.csv'), 'id;v\n1;one\n3;three\n');
    const { col, row, formatted } = await bothCsv("sources: { a: { path: long.csv, delimiter: ';' }, b: { path: long-b.csv, delimiter: ';' } }\nprimary: a\njoins: [{ source: b, type: left, on: id }]\n", 'long');
    expect(formatted).toBeGreaterThan(0);
    expect(col.length).toBeGreaterThan(2_000_000);
    expect(col).toBe(row);
  });

  it('reads 400 random files as the JavaScript scan does: the same cells, or both refuse', () => {
    const r = rng(2026);
    // mostly plain text; now and then a byte either scan refuses, a ragged row, a blank line
    const plain = 'abcxyzABC019 .-_:@';
    const odd = ['"', '\r', '\x01', '\x7f', '\u00e9', '\x00'];
    let same = 0;
    let refused = 0;
    for (let i = 0; i < 400; i++) {
      const d = pickOne(r, [',', ';', '\t', '|']);
      const nf = 1 + Math.floor(r() * 4);
      const rows: string[] = [];
      const n = Math.floor(r() * 60);
      for (let k = 0; k < n; k++) {
        const width = chance(r, 0.01) ? nf + pickOne(r, [-1, 1]) : nf;
        const cells = Array.from({ length: Math.max(width, 0) }, () => {
          let v = '';
          const len = Math.floor(r() * (chance(r, 0.1) ? 40 : 9));
          for (let j = 0; j < len; j++) v += chance(r, 0.002) ? pickOne(r, odd) : plain[Math.floor(r() * plain.length)]!;
          return v;
        });
        rows.push(chance(r, 0.005) ? '' : cells.join(d));
      }
      const header = Array.from({ length: nf }, (_, j) => `f${j}`);
      const end = chance(r, 0.5) ? '\n' : '';
      writeFileSync(join(dir, 'k.csv'), Buffer.from(`${[header.join(d), ...rows].join('\n')}${end}`, 'latin1'));
      const types = Object.fromEntries(header.map((h) => [h, 'string']));
      const js = load('k.csv', types, false, d);
      const wasm = load('k.csv', types, true, d);
      expect(wasm).toEqual(js);
      if (js) same++;
      else refused++;
    }
    expect(same).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(20);
  });

  it('refuses what the JavaScript scan refuses past the first rows (no inference scan before it)', () => {
    const types = { id: 'int', name: 'string' };
    const rows = Array.from({ length: 3000 }, (_, i) => `${i},name${i}`);
    const cases: [string, (xs: string[]) => string[]][] = [
      ['a quote', (xs) => xs.map((x, i) => (i === 2500 ? `${x}"` : x))],
      ['a CR', (xs) => xs.map((x, i) => (i === 2501 ? `${x}\r` : x))],
      ['a ragged row', (xs) => xs.map((x, i) => (i === 2502 ? `${x},z` : x))],
      ['a blank line', (xs) => xs.map((x, i) => (i === 2503 ? '' : x))],
      ['a value that is no int', (xs) => xs.map((x, i) => (i === 2504 ? 'x,y' : x))],
    ];
    writeFileSync(join(dir, 'k.csv'), `id,name\n${rows.join('\n')}\n`);
    expect(load('k.csv', types, true)!.length).toBe(3000);
    for (const [, change] of cases) {
      writeFileSync(join(dir, 'k.csv'), `id,name\n${change(rows).join('\n')}\n`);
      expect(load('k.csv', types, true)).toBeNull();
      expect(load('k.csv', types, false)).toBeNull();
    }
  });
});

describe('inputs the executor leaves to the row engine', () => {
  const base = (a: string, extra = '') => {
    writeFileSync(join(dir, 'fa.csv'), a);
    writeFileSync(join(dir, 'fb.csv'), 'id,v\n1,x\n2,y\n');
    return parseIntegrationConfig(`sources: { a: { path: fa.csv }, b: { path: fb.csv${extra} } }\nprimary: a\njoins: [{ source: b, type: left, on: id }]\n`, { baseDir: dir });
  };
  it.each([
    ['a quoted field', 'id,name\n1,"Lee, Ann"\n'],
    ['CRLF line ends', 'id,name\r\n1,Ann\r\n'],
    ['non-ASCII text', 'id,name\n1,Zoë\n'],
    ['a BOM', '\ufeffid,name\n1,Ann\n'],
    ['a ragged row', 'id,name\n1,Ann,extra\n'],
    ['a blank line', 'id,name\n1,Ann\n\n2,Bob\n'],
    ['a duplicate header', 'id,id\n1,2\n'],
  ])('%s', async (_, text) => {
    expect(await integrateColumnar(base(text))).toBeNull();
  });

  it('a value that does not fit its declared type', async () => {
    writeFileSync(join(dir, 'fa.csv'), 'id,n\n1,2\n2,x\n');
    const config = parseIntegrationConfig('sources: { a: { path: fa.csv, types: { n: int } }, b: { path: fb.csv } }\nprimary: a\njoins: [{ source: b, type: left, on: id }]\n', { baseDir: dir });
    expect(await integrateColumnar(config)).toBeNull();
  });

  it('a value past the inference rows that does not fit the inferred type', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `${i},${i === 1200 ? 'x' : i * 2}`);
    writeFileSync(join(dir, 'fa.csv'), `id,n\n${rows.join('\n')}\n`);
    const config = parseIntegrationConfig('sources: { a: { path: fa.csv }, b: { path: fb.csv } }\nprimary: a\njoins: [{ source: b, type: left, on: id }]\n', { baseDir: dir });
    expect(await integrateColumnar(config)).toBeNull();
    await expect(integrate(config)).rejects.toThrow(/line 1202/);
  });

  it('a missing file', async () => {
    const config = parseIntegrationConfig('sources: { a: { path: nope.csv }, b: { path: fb.csv } }\nprimary: a\njoins: [{ source: b, type: left, on: id }]\n', { baseDir: dir });
    expect(await integrateColumnar(config)).toBeNull();
  });

  it('duplicate keys in a source declared unique (the row engine names the key)', async () => {
    writeFileSync(join(dir, 'fb2.csv'), 'id,v\n1,x\n1,y\n');
    writeFileSync(join(dir, 'fa.csv'), 'id,name\n1,Ann\n');
    const config = parseIntegrationConfig('sources: { a: { path: fa.csv }, b: { path: fb2.csv, unique: true } }\nprimary: a\njoins: [{ source: b, type: left, on: id }]\n', { baseDir: dir });
    expect(await integrateColumnar(config)).toBeNull();
    await expect(integrate(config)).rejects.toThrow(/declared unique but key "1" occurs more than once/);
  });

  it.each([
    ['a fuzzy join', 'joins: [{ source: b, type: left, match: { kind: fuzzy, field: v } }]'],
    ['a normalized join', 'joins: [{ source: b, type: left, on: id, match: { kind: normalized, field: v } }]'],
    ['a full join', 'joins: [{ source: b, type: full, on: id }]'],
    ['a union', 'joins: [{ source: b, type: union, on: id }]'],
    ['a custom rule', 'joins: [{ source: b, type: left, on: id }]\nresolve: { id: { strategy: custom, expression: "id" } }'],
    ['a sum rule', 'joins: [{ source: b, type: left, on: id }]\nresolve: { id: { strategy: sum } }'],
  ])('%s', async (_, joins) => {
    writeFileSync(join(dir, 'fa.csv'), 'id,name,v\n1,Ann,x\n');
    const config = parseIntegrationConfig(`sources: { a: { path: fa.csv }, b: { path: fb.csv } }\nprimary: a\n${joins}\n`, { baseDir: dir });
    expect(await integrateColumnar(config)).toBeNull();
  });

  it('computed fields and per-source defaults', async () => {
    writeFileSync(join(dir, 'fa.csv'), 'id,name\n1,Ann\n');
    const computed = parseIntegrationConfig('sources: { a: { path: fa.csv, compute: { up: "upper(name)" } }, b: { path: fb.csv } }\nprimary: a\njoins: [{ source: b, type: left, on: id }]\n', { baseDir: dir });
    expect(await integrateColumnar(computed)).toBeNull();
    const defaulted = parseIntegrationConfig('sources: { a: { path: fa.csv, defaults: { name: x } }, b: { path: fb.csv } }\nprimary: a\njoins: [{ source: b, type: left, on: id }]\n', { baseDir: dir });
    expect(await integrateColumnar(defaulted)).toBeNull();
  });

  it('the same integration on plain files is taken', async () => {
    expect(await integrateColumnar(base('id,name\n1,Ann\n3,Cy\n'))).not.toBeNull();
  });
});
