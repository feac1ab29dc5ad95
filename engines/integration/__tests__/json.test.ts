// The JSON sources and sinks: JSON Lines and top-level arrays, whole and cut into tiny chunks,
// type inference from JSON values, malformed input reported with its line, and round trips.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { JsonError, inferJsonType, readJsonArray, readJsonLines, writeJsonArray, writeJsonLines, type JsonOptions } from '../json.ts';
import type { FieldType, RecordBatch, Value } from '../table.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'json-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Reader = (input: string | NodeJS.ReadableStream, options?: JsonOptions) => AsyncIterable<RecordBatch>;
type Row = Record<string, Value>;

function pieces(input: string | Buffer, size: number): (string | Buffer)[] {
  if (size === 0) return [input];
  const out: (string | Buffer)[] = [];
  for (let i = 0; i < input.length; i += size) out.push(input.slice(i, i + size));
  return out;
}

async function batches(read: Reader, input: string | Buffer, options: JsonOptions = {}, size = 0): Promise<RecordBatch[]> {
  const out: RecordBatch[] = [];
  for await (const b of read(Readable.from(pieces(input, size)), options)) out.push(b);
  return out;
}

function toRows(bs: RecordBatch[]): Row[] {
  const rows: Row[] = [];
  for (const b of bs) for (let r = 0; r < b.length; r++) rows.push(Object.fromEntries(b.schema.fields.map((f, i) => [f.name, (b.columns[i] as Value[])[r] as Value])));
  return rows;
}

async function failure(read: Reader, input: string, options: JsonOptions = {}, size = 0): Promise<JsonError> {
  try {
    await batches(read, input, options, size);
  } catch (err) {
    if (err instanceof JsonError) return err;
    throw err;
  }
  throw new Error('expected a JsonError');
}

const ts = (s: string) => Date.parse(s);
const types = (bs: RecordBatch[]) => Object.fromEntries((bs[0]?.schema.fields ?? []).map((f) => [f.name, f.type]));

describe('inferJsonType', () => {
  it.each<[unknown[], FieldType]>([
    [[1, 2, null], 'int'],
    [[1, 2.5], 'float'],
    [[2 ** 60], 'float'],
    [[true, false], 'bool'],
    [['a', 'b'], 'string'],
    [['2024-01-02', '2024-01-02T03:04:05Z', ''], 'timestamp'],
    [['2024-01-02', 'soon'], 'string'],
    [[''], 'string'],
    [[1, 'a'], 'string'],
    [[true, 1], 'string'],
    [[{ a: 1 }], 'string'],
    [[[1, 2]], 'string'],
    [[null, undefined], 'string'],
    [[], 'string'],
  ])('%j → %s', (values, type) => {
    expect(inferJsonType(values)).toBe(type);
  });
});

describe.each<[string, Reader, (records: string[]) => string]>([
  ['readJsonLines', readJsonLines, (rs) => `${rs.join('\n')}\n`],
  ['readJsonArray', readJsonArray, (rs) => `[\n${rs.join(',\n')}\n]\n`],
])('%s', (_name, read, encode) => {
  describe.each([0, 1, 2, 3, 7])('chunks of %i', (size) => {
    it('reads records with inferred types, missing keys as null, nested values as JSON text', async () => {
      const text = encode([
        '{"id": 1, "name": "Zoë \\"Z\\" [x]", "score": 2.5, "ok": true, "at": "2024-01-02T03:04:05Z", "tags": ["a", {"b": "}"}]}',
        '{"id": 2, "score": 3, "ok": false, "at": "2024-01-03", "extra": null}',
        '{"name": "日本 😀", "id": -3, "tags": {"k": [1, 2]}}',
      ]);
      const bs = await batches(read, Buffer.from(text), {}, size);
      expect(types(bs)).toEqual({ id: 'int', name: 'string', score: 'float', ok: 'bool', at: 'timestamp', tags: 'string', extra: 'string' });
      expect(toRows(bs)).toEqual([
        { id: 1, name: 'Zoë "Z" [x]', score: 2.5, ok: true, at: ts('2024-01-02T03:04:05Z'), tags: '["a",{"b":"}"}]', extra: null },
        { id: 2, name: null, score: 3, ok: false, at: ts('2024-01-03T00:00:00Z'), tags: null, extra: null },
        { id: -3, name: '日本 😀', score: null, ok: null, at: null, tags: '{"k":[1,2]}', extra: null },
      ]);
    });

    it('casts to declared types, from JSON values or their text', async () => {
      const text = encode(['{"a": "42", "b": 1704153600000, "c": "TRUE", "d": 7, "e": ""}']);
      const bs = await batches(read, text, { types: { a: 'int', b: 'timestamp', c: 'bool', d: 'string', e: 'float', f: 'int' } }, size);
      expect(toRows(bs)).toEqual([{ a: 42, b: 1704153600000, c: true, d: '7', e: null, f: null }]);
    });

    it('refuses a value that does not cast, naming line and field', async () => {
      const text = encode(['{"a": 1}', '{"a": 2}', '{"a": "three"}']);
      const err = await failure(read, text, { types: { a: 'int' } }, size);
      expect(err.message).toMatch(/: line [0-9]+: field "a": cannot read "three" as int$/);
      expect(err.details).toMatchObject({ field: 'a', value: 'three', type: 'int', reason: 'bad-value' });
    });

    it('refuses a key not seen in the first inferRows records, unless selecting', async () => {
      const text = encode(['{"a": 1}', '{"a": 2}', '{"a": 3, "b": 4}']);
      const err = await failure(read, text, { inferRows: 2 }, size);
      expect(err.message).toMatch(/: line [0-9]+: unknown field "b" \(the fields come from the first 2 records: raise inferRows, or declare it in types\)$/);
      expect(err.details).toMatchObject({ field: 'b', reason: 'unknown-field' });
      expect(toRows(await batches(read, text, { inferRows: 3 }, size))).toEqual([
        { a: 1, b: null },
        { a: 2, b: null },
        { a: 3, b: 4 },
      ]);
      // b has no value in the sample, so it is a string field.
      expect(toRows(await batches(read, text, { inferRows: 1, select: ['b', 'z'] }, size))).toEqual([
        { b: null, z: null },
        { b: null, z: null },
        { b: '4', z: null },
      ]);
    });

    it('refuses an element that is not an object', async () => {
      const err = await failure(read, encode(['{"a": 1}', '[1, 2]']), {}, size);
      expect(err.message).toMatch(/: line [0-9]+: expected an object, found an array$/);
      expect(err.details.reason).toBe('not-an-object');
    });
  });

  it('cuts batches at batchRows, also when inferRows is larger', async () => {
    const text = encode(Array.from({ length: 25 }, (_, i) => `{"n": ${i}}`));
    const bs = await batches(read, text, { batchRows: 10, inferRows: 17 });
    expect(bs.map((b) => b.length)).toEqual([10, 10, 5]);
    expect(bs.flatMap((b) => b.columns[0])).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('refuses a record longer than maxRecordBytes', async () => {
    const text = encode(['{"a": 1}', `{"a": "${'x'.repeat(100)}"}`]);
    for (const size of [0, 3]) expect((await failure(read, text, { maxRecordBytes: 50 }, size)).details).toMatchObject({ line: 3 - (read === readJsonLines ? 1 : 0), reason: 'record-too-large' });
  });

  it('names the file in errors', async () => {
    const path = join(dir, read === readJsonLines ? 'bad.jsonl' : 'bad.json');
    writeFileSync(path, encode(['{"a": 1}', '{"a": }']));
    await expect(
      (async () => {
        for await (const _ of read(path, { chunkSize: 4 }));
      })(),
    ).rejects.toThrow(new RegExp(`^json ${read === readJsonLines ? 'bad\\.jsonl: line 2' : 'bad\\.json: line 3'}: not valid JSON \\(`));
  });
});

describe('readJsonLines', () => {
  it('skips blank lines, takes CRLF, and counts lines for errors', async () => {
    const text = '{"a": 1}\r\n\r\n   \n{"a": 2}\r\n{"a": 3,}\r\n';
    for (const size of [0, 1, 4]) {
      const err = await failure(readJsonLines, text, {}, size);
      expect(err.message).toMatch(/^json: line 5: not valid JSON \(/);
      expect(err.details).toEqual({ line: 5, reason: 'bad-json' });
    }
    expect(toRows(await batches(readJsonLines, '{"a": 1}\r\n\r\n{"a": 2}'))).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('gives no batch for an empty input, or one empty batch when the fields are known', async () => {
    expect(await batches(readJsonLines, '')).toEqual([]);
    expect(await batches(readJsonLines, '\n\n', { types: { a: 'int' } })).toEqual([{ schema: { fields: [{ name: 'a', type: 'int' }] }, columns: [[]], length: 0 }]);
  });

  it('streams 200,000 lines in bounded batches', async () => {
    async function* source(): AsyncGenerator<Buffer> {
      const lines: string[] = [];
      for (let start = 0; start < 200_000; start += 5000) {
        for (let i = 0; i < 5000; i++) lines[i] = `{"id":${start + i},"v":"x${i % 7}"}\n`;
        yield Buffer.from(lines.join(''));
      }
    }
    let n = 0;
    let max = 0;
    for await (const b of readJsonLines(Readable.from(source()), { batchRows: 8192 })) {
      if ((b.columns[0] as number[])[0] !== n) throw new Error('rows out of order');
      n += b.length;
      max = Math.max(max, b.length);
    }
    expect(n).toBe(200_000);
    expect(max).toBe(8192);
  });
});

describe('readJsonArray', () => {
  it('reads an empty array and whitespace around it', async () => {
    expect(await batches(readJsonArray, ' \n [ \n ] \n')).toEqual([]);
    expect(await batches(readJsonArray, '[]', { select: ['a'] })).toEqual([{ schema: { fields: [{ name: 'a', type: 'string' }] }, columns: [[]], length: 0 }]);
  });

  it.each([
    ['', 'empty', 'json: line 1: empty input, expected a JSON array'],
    ['\n  \n', 'empty', 'json: line 3: empty input, expected a JSON array'],
    ['{"a": 1}', 'not-an-array', 'json: line 1: expected a JSON array of objects, found "{" first'],
    ['[{"a": 1},\n{"a": 2}', 'unterminated', 'json: line 2: the array is never closed (input ends inside it)'],
    ['[{"a": 1},\n', 'unterminated', 'json: line 2: the array is never closed (input ends inside it)'],
    ['[{"a": "]"}', 'unterminated', 'json: line 1: the array is never closed (input ends inside it)'],
    ['[{"a": 1},\n]', 'bad-json', 'json: line 2: not valid JSON (a comma before the closing bracket)'],
    ['[{"a": 1}] x', 'bad-json', 'json: line 1: not valid JSON ("x" after the closing bracket)'],
    ['[{"a": 1},\n\n{"a":\n 2 3}]', 'bad-json', undefined],
    ['[1]', 'not-an-object', 'json: line 1: expected an object, found a number'],
    ['[null]', 'not-an-object', 'json: line 1: expected an object, found null'],
  ])('refuses %j (%s)', async (text, reason, message) => {
    for (const size of [0, 1]) {
      const err = await failure(readJsonArray, text, {}, size);
      expect(err.details.reason).toBe(reason);
      if (message !== undefined) expect(err.message).toBe(message);
      else expect(err.details.line).toBe(3);
    }
  });

  it('reads an element across many lines and chunks, escapes included', async () => {
    const text = '[{\n"a": "x\\\\",\n"b": "\\"]}\\n",\n"c": [\n{"d": 1}\n]\n}]';
    for (const size of [0, 1, 2]) expect(toRows(await batches(readJsonArray, text, {}, size))).toEqual([{ a: 'x\\', b: '"]}\n', c: '[{"d":1}]' }]);
  });
});

describe('writers', () => {
  const schema = {
    fields: [
      { name: 'id', type: 'int' as const },
      { name: 'name', type: 'string' as const },
      { name: 'x', type: 'float' as const },
      { name: 'ok', type: 'bool' as const },
      { name: 'at', type: 'timestamp' as const },
    ],
  };
  const data: Value[][] = [
    [1, 'Zoë "Z"\n', 1.5, true, ts('2024-01-02T03:04:05Z')],
    [2, null, NaN, false, ts('2024-01-02T03:04:05.250Z')],
    [3, '', -0.25, null, null],
  ];
  const batchOf = (rs: Value[][]): RecordBatch => ({ schema, columns: schema.fields.map((_, i) => rs.map((r) => r[i] as Value)), length: rs.length });

  async function collect(write: typeof writeJsonLines, bs: RecordBatch[]): Promise<{ text: string; result: { rows: number; bytes: number } }> {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => (text += c.toString()));
    const result = await write(bs, out);
    return { text, result };
  }

  it('writes JSON Lines with every field, NaN as null, timestamps as ISO with Z', async () => {
    const { text, result } = await collect(writeJsonLines, [batchOf(data.slice(0, 2)), batchOf(data.slice(2))]);
    expect(text).toBe(
      '{"id":1,"name":"Zoë \\"Z\\"\\n","x":1.5,"ok":true,"at":"2024-01-02T03:04:05Z"}\n' +
        '{"id":2,"name":null,"x":null,"ok":false,"at":"2024-01-02T03:04:05.250Z"}\n' +
        '{"id":3,"name":"","x":-0.25,"ok":null,"at":null}\n',
    );
    expect(result).toEqual({ rows: 3, bytes: Buffer.byteLength(text) });
  });

  it('writes a JSON array, and [] for no rows', async () => {
    const { text } = await collect(writeJsonArray, [batchOf(data.slice(0, 1)), batchOf([]), batchOf(data.slice(2))]);
    expect(text).toBe('[\n{"id":1,"name":"Zoë \\"Z\\"\\n","x":1.5,"ok":true,"at":"2024-01-02T03:04:05Z"},\n{"id":3,"name":"","x":-0.25,"ok":null,"at":null}\n]\n');
    expect(JSON.parse(text)).toHaveLength(2);
    expect((await collect(writeJsonArray, [])).text).toBe('[]\n');
  });

  it.each<[string, typeof writeJsonLines, Reader]>([
    ['lines', writeJsonLines, readJsonLines],
    ['array', writeJsonArray, readJsonArray],
  ])('round-trips through a file (%s)', async (name, write, read) => {
    const path = join(dir, `round-${name}.json`);
    const result = await write(
      (async function* () {
        yield batchOf(data);
      })(),
      path,
    );
    expect(result.bytes).toBe(readFileSync(path).length);
    const bs: RecordBatch[] = [];
    for await (const b of read(path, { types: { x: 'float' } })) bs.push(b);
    expect(bs[0]?.schema).toEqual(schema);
    expect(toRows(bs).map((r) => Object.values(r))).toEqual(data.map((r) => r.map((v) => (Number.isNaN(v) ? null : v))));
  });
});
