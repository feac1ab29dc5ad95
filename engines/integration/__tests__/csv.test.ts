// The CSV source and sink: RFC 4180 edge cases, each read whole and cut into tiny chunks (so every
// record, quote and line end also straddles a chunk boundary), types declared and inferred, the
// errors with their lines, write → read round trips, and streaming in bounded batches.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { NotFoundError } from '../../errors.ts';
import { CsvError, readCsv, writeCsv, type CsvOptions } from '../csv.ts';
import type { RecordBatch, Value } from '../table.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'csv-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The input cut into pieces of `size` characters (or bytes for a Buffer); 0 = one piece. */
function pieces(input: string | Buffer, size: number): (string | Buffer)[] {
  if (size === 0) return [input];
  const out: (string | Buffer)[] = [];
  for (let i = 0; i < input.length; i += size) out.push(input.slice(i, i + size));
  return out;
}

type Source = string | Buffer | Readable;

async function batches(input: Source, options: CsvOptions = {}, size = 0): Promise<RecordBatch[]> {
  const stream = input instanceof Readable ? input : Readable.from(pieces(input, size));
  const out: RecordBatch[] = [];
  for await (const b of readCsv(stream, options)) out.push(b);
  return out;
}

type Row = Record<string, Value>;

function toRows(bs: RecordBatch[]): Row[] {
  const rows: Row[] = [];
  for (const b of bs) for (let r = 0; r < b.length; r++) rows.push(Object.fromEntries(b.schema.fields.map((f, i) => [f.name, (b.columns[i] as Value[])[r] as Value])));
  return rows;
}

async function rows(input: string | Buffer, options: CsvOptions = {}, size = 0): Promise<Row[]> {
  return toRows(await batches(input, options, size));
}

async function failure(input: Source, options: CsvOptions = {}, size = 0): Promise<CsvError> {
  try {
    await batches(input, options, size);
  } catch (err) {
    if (err instanceof CsvError) return err;
    throw err;
  }
  throw new Error('expected a CsvError');
}

const SIZES = [0, 1, 2, 3, 5, 7];
const ts = (s: string) => Date.parse(`${s}Z`);

describe('RFC 4180 records, whole and in chunks of 1–7 characters', () => {
  describe.each(SIZES)('chunks of %i', (size) => {
    it('reads a header and typed rows', async () => {
      const text = 'id,name,score,ok,at\n1,Ann,2.5,true,2024-01-02\n2,Bob,-1,FALSE,2024-01-02T03:04:05\n';
      const bs = await batches(text, {}, size);
      expect(bs[0]?.schema.fields).toEqual([
        { name: 'id', type: 'int' },
        { name: 'name', type: 'string' },
        { name: 'score', type: 'float' },
        { name: 'ok', type: 'bool' },
        { name: 'at', type: 'timestamp' },
      ]);
      expect(toRows(bs)).toEqual([
        { id: 1, name: 'Ann', score: 2.5, ok: true, at: ts('2024-01-02T00:00:00') },
        { id: 2, name: 'Bob', score: -1, ok: false, at: ts('2024-01-02T03:04:05') },
      ]);
    });

    it('reads quoted fields with delimiters, line breaks and doubled quotes', async () => {
      const text = 'a,b,c\n"x,y","line1\nline2","say ""hi"""\n"","crlf\r\ninside",""""\n';
      expect(await rows(text, {}, size)).toEqual([
        { a: 'x,y', b: 'line1\nline2', c: 'say "hi"' },
        { a: '', b: 'crlf\r\ninside', c: '"' },
      ]);
    });

    it('takes \\r\\n, \\n and a lone \\r as line ends', async () => {
      expect(await rows('a,b\r\n1,2\r\n3,4\r\n', {}, size)).toEqual([{ a: 1, b: 2 }, { a: 3, b: 4 }]);
      expect(await rows('a,b\r1,2\r3,4\r', {}, size)).toEqual([{ a: 1, b: 2 }, { a: 3, b: 4 }]);
      expect(await rows('a,b\n1,2\r\n3,4\r5,6', {}, size)).toEqual([{ a: 1, b: 2 }, { a: 3, b: 4 }, { a: 5, b: 6 }]);
    });

    it('reads a quoted header with delimiters, quotes and line breaks', async () => {
      expect(await rows('"a,1","b\r\n""2""",c\n1,2,3\n', {}, size)).toEqual([{ 'a,1': 1, 'b\r\n"2"': 2, c: 3 }]);
      expect((await failure('"a\nb",c\n1,2\n3\n', {}, size)).details).toMatchObject({ line: 4, reason: 'ragged-row' });
    });

    it('counts lines across quoted line breaks and CRLF in error messages', async () => {
      const err = await failure('a,b\r\n"1\r\n2\n3",x\r\n4\r\n', {}, size);
      expect(err.details).toMatchObject({ line: 5, reason: 'ragged-row' });
    });

    it('reads Uint8Array chunks', async () => {
      const parts = pieces(Buffer.from('a,b\n1,ü\n'), size).map((p) => new Uint8Array(p as Buffer));
      expect(toRows(await batches(Readable.from(parts)))).toEqual([{ a: 1, b: 'ü' }]);
    });

    it('strips a BOM and decodes UTF-8 split between chunks', async () => {
      const text = Buffer.from('\ufeffname,city\nZoë,Kraków\n"日本",Ünïcödé 😀\n', 'utf8');
      const expected = [
        { name: 'Zoë', city: 'Kraków' },
        { name: '日本', city: 'Ünïcödé 😀' },
      ];
      expect(await rows(text, {}, size)).toEqual(expected);
      expect((await batches(text, {}, size))[0]?.schema.fields[0]?.name).toBe('name');
    });

    it.each([
      [';', 'a;b\n"1;2";3\n', [{ a: '1;2', b: 3 }]],
      ['\t', 'a\tb\n1\t"x\ty"\n', [{ a: 1, b: 'x\ty' }]],
      ['|', 'a|b\n,|\n|\n', [{ a: ',', b: null }, { a: null, b: null }]],
    ])('reads delimiter %j', async (delimiter, text, expected) => {
      expect(await rows(text, { delimiter }, size)).toEqual(expected);
    });

    it('reads another quote character', async () => {
      expect(await rows("a,b\n'x,y',\"z\"\n", { quote: "'" }, size)).toEqual([{ a: 'x,y', b: '"z"' }]);
    });

    it('keeps whitespace, literal quotes in unquoted fields, and text after a closing quote', async () => {
      expect(await rows('a,b,c\n  x , 5 ,say "hi"\n"ab"cd,"q" ,e\n', {}, size)).toEqual([
        { a: '  x ', b: ' 5 ', c: 'say "hi"' },
        { a: 'abcd', b: 'q ', c: 'e' },
      ]);
    });

    it('reads an unquoted empty field as null and a quoted one as the empty string', async () => {
      expect(await rows('s,n\n,\n"",""\nx,1\n', {}, size)).toEqual([
        { s: null, n: null },
        { s: '', n: null },
        { s: 'x', n: 1 },
      ]);
    });

    it('reads a trailing delimiter as a last empty field', async () => {
      expect(await rows('a,b\n1,\n2,', {}, size)).toEqual([{ a: 1, b: null }, { a: 2, b: null }]);
    });

    it('ignores blank lines at the end and before the header', async () => {
      expect(await rows('\n\r\na,b\n1,2\n\n\r\n\n', {}, size)).toEqual([{ a: 1, b: 2 }]);
      expect(await rows('a,b\n1,2', {}, size)).toEqual([{ a: 1, b: 2 }]);
    });

    it('reads a blank line in the middle as a ragged row, or as null in a one-column file', async () => {
      expect((await failure('a,b\n1,2\n\n3,4\n', {}, size)).message).toBe('csv: line 3: expected 2 fields, found 1');
      expect(await rows('a,b\n1,2\n\n3,4\n', { ragged: 'skip' }, size)).toEqual([{ a: 1, b: 2 }, { a: 3, b: 4 }]);
      expect(await rows('a\n1\n\n2\n\n', {}, size)).toEqual([{ a: 1 }, { a: null }, { a: 2 }]);
    });

    it('names fields column_1… without a header, or by columns', async () => {
      expect(await rows('1,x\n2,y\n', { header: false }, size)).toEqual([
        { column_1: 1, column_2: 'x' },
        { column_1: 2, column_2: 'y' },
      ]);
      expect(await rows('1,x\n', { header: false, columns: ['id', 'tag'] }, size)).toEqual([{ id: 1, tag: 'x' }]);
      expect(await rows('a,b\n1,x\n', { columns: ['id', 'tag'] }, size)).toEqual([{ id: 1, tag: 'x' }]);
    });

    it('applies the ragged policies', async () => {
      const text = 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n';
      const err = await failure(text, {}, size);
      expect(err.message).toBe('csv: line 3: expected 3 fields, found 2');
      expect(err.details).toEqual({ line: 3, reason: 'ragged-row' });
      expect(await rows(text, { ragged: 'skip' }, size)).toEqual([
        { a: 1, b: 2, c: 3 },
        { a: 10, b: 11, c: 12 },
      ]);
      expect(await rows(text, { ragged: 'pad' }, size)).toEqual([
        { a: 1, b: 2, c: 3 },
        { a: 4, b: 5, c: null },
        { a: 6, b: 7, c: 8 },
        { a: 10, b: 11, c: 12 },
      ]);
    });

    it('refuses an unterminated quote, naming the line where the field opens', async () => {
      const err = await failure('a,b\n1,2\n3,"open\nstill\nopen\n', {}, size);
      expect(err.message).toBe('csv: line 3: unterminated quoted field (field 2 opens with a quote that is never closed)');
      expect(err.details).toMatchObject({ line: 3, column: 2, field: 'b', reason: 'unterminated-quote' });
    });

    it('refuses a field longer than maxFieldBytes', async () => {
      const long = 'x'.repeat(50);
      for (const text of [`a,b\n1,${long}\n`, `a,b\n1,"${long}"\n`, `a,b\n1,${long}`, `a,b\n1,"${long}`]) {
        const err = await failure(text, { maxFieldBytes: 40 }, size);
        expect(err.details).toMatchObject({ line: 2, column: 2, reason: 'field-too-large' });
      }
      expect(await rows(`a\n${'y'.repeat(40)}\n`, { maxFieldBytes: 40 }, size)).toEqual([{ a: 'y'.repeat(40) }]);
    });

    it('selects fields in the order asked, without converting the others', async () => {
      const text = 'a,b,c\nnot-an-int,x,1\nbad,y,2\n';
      expect(await rows(text, { select: ['c', 'b'], types: { a: 'int' } }, size)).toEqual([
        { c: 1, b: 'x' },
        { c: 2, b: 'y' },
      ]);
    });

    it('reads declared types and refuses values that do not cast', async () => {
      const text = 'id,amount\n1,2\n2,3.5\n3,n/a\n';
      expect(await rows('id,amount\n1,2\n', { types: { id: 'string', amount: 'float' } }, size)).toEqual([{ id: '1', amount: 2 }]);
      const err = await failure(text, { types: { amount: 'float' } }, size);
      expect(err.message).toBe('csv: line 4: field "amount": cannot read "n/a" as float');
      expect(err.details).toEqual({ line: 4, column: 2, field: 'amount', value: 'n/a', type: 'float', reason: 'bad-value' });
    });
  });
});

describe('types', () => {
  it('infers from the first inferRows rows and reports a later misfit with a hint', async () => {
    const text = `n\n${Array.from({ length: 5 }, (_, i) => i).join('\n')}\nfive\n`;
    const err = await failure(text, { inferRows: 3 });
    expect(err.message).toBe('csv: line 7: field "n": cannot read "five" as int (type inferred from the first 3 rows: declare it in types or raise inferRows)');
    expect(await rows(text, { inferRows: 10 })).toHaveLength(6);
  });

  it('reports a bad declared value among the rows held for inference', async () => {
    const err = await failure('a,b\n1,x\nq,y\n', { types: { a: 'int' } });
    expect(err.details).toMatchObject({ line: 3, field: 'a', value: 'q', reason: 'bad-value' });
  });

  it('reads undeclared fields as strings with inferRows 0', async () => {
    expect(await rows('a,b\n1,2\n', { inferRows: 0, types: { b: 'int' } })).toEqual([{ a: '1', b: 2 }]);
  });

  it('keeps numbers unboxed-friendly: ints, floats and timestamps as numbers, nulls as null', async () => {
    const bs = await batches('i,f,t\n1,1.5,2024-01-01\n,,\n3,2,2024-01-02T00:00:00.250Z\n', { inferRows: 1 });
    expect(toRows(bs)).toEqual([
      { i: 1, f: 1.5, t: ts('2024-01-01T00:00:00') },
      { i: null, f: null, t: null },
      { i: 3, f: 2, t: ts('2024-01-02T00:00:00.250') },
    ]);
  });

  it('refuses an unknown declared type, select or types name', async () => {
    expect(() => readCsv(Readable.from(['a\n']), { types: { a: 'date' as never } })).toThrow('csv: field "a": unknown type "date"');
    expect((await failure('a,b\n1,2\n', { select: ['a', 'z'] })).details).toMatchObject({ field: 'z', reason: 'unknown-field' });
    expect((await failure('a,b\n1,2\n', { types: { z: 'int' } })).message).toBe('csv: types names unknown field "z" (fields: "a", "b")');
  });
});

describe('shape', () => {
  it('gives one empty batch carrying the schema for a header-only input', async () => {
    const bs = await batches('a,b\n', { types: { b: 'int' } });
    expect(bs).toEqual([{ schema: { fields: [{ name: 'a', type: 'string' }, { name: 'b', type: 'int' }] }, columns: [[], []], length: 0 }]);
  });

  it.each(['', '\ufeff', '\n\r\n\n'])('refuses an empty input %j', async (text) => {
    const err = await failure(text);
    expect(err.message).toBe('csv: empty input, expected a header');
    expect(err.details.reason).toBe('empty');
  });

  it('gives an empty batch for an empty input with header false and columns', async () => {
    expect(await batches('', { header: false, columns: ['x'] })).toEqual([{ schema: { fields: [{ name: 'x', type: 'string' }] }, columns: [[]], length: 0 }]);
  });

  it('refuses duplicate header names', async () => {
    const err = await failure('id,name,id\n1,2,3\n');
    expect(err.message).toBe('csv: line 1: duplicate column name "id" (columns 1 and 3)');
    expect(err.details).toMatchObject({ reason: 'duplicate-header', field: 'id', column: 3 });
  });

  it('names empty header fields by position', async () => {
    expect(await rows('a,,c\n1,2,3\n')).toEqual([{ a: 1, column_2: 2, c: 3 }]);
  });

  it('cuts batches at batchRows, also when inferRows is larger', async () => {
    const text = `n\n${Array.from({ length: 25 }, (_, i) => i).join('\n')}\n`;
    for (const [batchRows, inferRows] of [
      [10, 3],
      [10, 17],
      [4, 100],
      [25, 25],
    ] as const) {
      const bs = await batches(text, { batchRows, inferRows });
      expect(bs.map((b) => b.length)).toEqual(batchRows === 25 ? [25] : batchRows === 10 ? [10, 10, 5] : [4, 4, 4, 4, 4, 4, 1]);
      expect(bs.flatMap((b) => b.columns[0])).toEqual(Array.from({ length: 25 }, (_, i) => i));
      expect(bs.every((b) => b.schema.fields[0]?.type === 'int')).toBe(true);
    }
  });

  it('refuses bad options when called', () => {
    const input = Readable.from(['a\n']);
    expect(() => readCsv(input, { delimiter: ';;' })).toThrow(CsvError);
    expect(() => readCsv(input, { quote: ',' })).toThrow('quote must be one character other than a line break and the delimiter');
    expect(() => readCsv(input, { batchRows: 0 })).toThrow('batchRows must be an integer ≥ 1, found 0');
    expect(() => readCsv(input, { ragged: 'drop' as never })).toThrow(CsvError);
  });
});

describe('files', () => {
  it('reads a file in chunks of any size, naming it in errors', async () => {
    const path = join(dir, 'people.csv');
    writeFileSync(path, '\ufeffid,name\r\n1,"Zoë\r\nX"\r\n2,Bob\r\n3\r\n');
    for (const chunkSize of [1, 2, 3, 5, 64, 1 << 20]) {
      const got: Row[] = [];
      await expect(
        (async () => {
          for await (const b of readCsv(path, { chunkSize })) got.push(...toRows([b]));
        })(),
      ).rejects.toThrow('csv people.csv: line 5: expected 2 fields, found 1');
      const ok = await (async () => {
        const out: Row[] = [];
        for await (const b of readCsv(path, { chunkSize, ragged: 'skip' })) out.push(...toRows([b]));
        return out;
      })();
      expect(ok).toEqual([
        { id: 1, name: 'Zoë\r\nX' },
        { id: 2, name: 'Bob' },
      ]);
    }
  });

  it('puts the file name in the details', async () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'a\n"x\n');
    const err = await (async () => {
      try {
        for await (const _ of readCsv(path));
      } catch (e) {
        return e as CsvError;
      }
    })();
    expect(err?.details).toMatchObject({ file: 'bad.csv', line: 2, reason: 'unterminated-quote' });
  });

  it('refuses a missing file with NotFoundError', async () => {
    const it = readCsv(join(dir, 'nope.csv'))[Symbol.asyncIterator]();
    await expect(it.next()).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('huge fields', () => {
  it('fails fast on a 2 GB field without reading or holding it whole', async () => {
    const chunk = Buffer.alloc(1 << 16, 'x');
    let pulled = 0;
    const total = 2 * 1024 * 1024 * 1024;
    async function* source(): AsyncGenerator<Buffer> {
      yield Buffer.from('a,b\n1,');
      while (pulled < total) {
        pulled += chunk.length;
        yield chunk;
      }
    }
    const maxFieldBytes = 1 << 20;
    const err = await failure(Readable.from(source()), { maxFieldBytes });
    expect(err.details).toMatchObject({ line: 2, column: 2, field: 'b', reason: 'field-too-large' });
    expect(pulled).toBeLessThan(maxFieldBytes + 4 * chunk.length);
  });

  it('fails fast on a huge quoted field and on a huge header', async () => {
    for (const start of ['a,b\n1,"', '"']) {
      let pulled = 0;
      async function* source(): AsyncGenerator<string> {
        yield start;
        for (;;) {
          pulled += 4096;
          yield 'y,\n'.repeat(1365) + 'y';
        }
      }
      const err = await failure(Readable.from(source()), { maxFieldBytes: 100_000 });
      expect(err.details.reason).toBe('field-too-large');
      expect(pulled).toBeLessThan(120_000);
    }
  });
});

describe('writeCsv', () => {
  const schema = {
    fields: [
      { name: 'id', type: 'int' as const },
      { name: 'text', type: 'string' as const },
      { name: 'x', type: 'float' as const },
      { name: 'ok', type: 'bool' as const },
      { name: 'at', type: 'timestamp' as const },
    ],
  };
  const data: Value[][] = [
    [1, 'plain', 1.5, true, ts('2024-01-02T03:04:05')],
    [2, 'a,b', 2, false, ts('2024-01-02T03:04:05.250')],
    [3, 'say "hi"', -0.1, null, null],
    [4, 'two\nlines', null, true, 0],
    [5, '', 1e21, false, ts('1999-12-31T23:59:59')],
    [6, null, NaN, null, null],
    [7, ' spaced ', 0.30000000000000004, true, null],
    [8, 'cr\r\nlf', 123456.789, false, null],
  ];
  const batchOf = (rs: Value[][]): RecordBatch => ({ schema, columns: schema.fields.map((_, i) => rs.map((r) => r[i] as Value)), length: rs.length });

  it('quotes only when needed and writes "" for the empty string', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const result = await writeCsv([batchOf(data.slice(0, 6))], out);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text).toBe(
      'id,text,x,ok,at\n' +
        '1,plain,1.5,true,2024-01-02T03:04:05\n' +
        '2,"a,b",2.0,false,2024-01-02T03:04:05.250\n' +
        '3,"say ""hi""",-0.1,,\n' +
        '4,"two\nlines",,true,1970-01-01T00:00:00\n' +
        '5,"",1e+21,false,1999-12-31T23:59:59\n' +
        '6,,NaN,,\n',
    );
    expect(result).toEqual({ rows: 6, bytes: Buffer.byteLength(text) });
  });

  it('round-trips every type through a file, in several batches', async () => {
    const path = join(dir, 'round.csv');
    const result = await writeCsv(
      (async function* () {
        yield batchOf(data.slice(0, 3));
        yield batchOf([]);
        yield batchOf(data.slice(3));
      })(),
      path,
    );
    expect(result.rows).toBe(8);
    expect(result.bytes).toBe(readFileSync(path).length);
    for (const inferRows of [1, 1000]) {
      const bs: RecordBatch[] = [];
      for await (const b of readCsv(path, { inferRows, chunkSize: 7 })) bs.push(b);
      expect(bs[0]?.schema).toEqual(schema);
      const got = toRows(bs);
      expect(got.map((r) => Object.values(r))).toEqual(data);
    }
  });

  it('writes the chosen fields, another delimiter, no header, CRLF', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => (text += c.toString()));
    await writeCsv([batchOf(data.slice(0, 2))], out, { fields: ['text', 'id'], delimiter: ';', header: false, newline: '\r\n' });
    expect(text).toBe('plain;1\r\na,b;2\r\n');
  });

  it('quotes numbers when the delimiter could be part of them', async () => {
    let text = '';
    const out = new PassThrough();
    out.on('data', (c: Buffer) => (text += c.toString()));
    await writeCsv([batchOf(data.slice(0, 1))], out, { delimiter: '.', fields: ['x', 'at'] });
    expect(text).toBe('x.at\n"1.5".2024-01-02T03:04:05\n');
  });

  it('writes only a header when there are no batches but fields are given', async () => {
    const path = join(dir, 'empty.csv');
    expect(await writeCsv([], path, { fields: ['a', 'b'] })).toEqual({ rows: 0, bytes: 4 });
    expect(readFileSync(path, 'utf8')).toBe('a,b\n');
  });

  it('leaves nothing behind when the batches fail midway', async () => {
    const sub = mkdtempSync(join(dir, 'fail-'));
    const path = join(sub, 'out.csv');
    async function* failing(): AsyncGenerator<RecordBatch> {
      yield batchOf(data);
      throw new Error('source broke');
    }
    await expect(writeCsv(failing(), path)).rejects.toThrow('source broke');
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(sub)).toEqual([]);
  });

  it('replaces an existing file only when complete', async () => {
    const path = join(dir, 'keep.csv');
    writeFileSync(path, 'old\n');
    await expect(
      writeCsv(
        (function* () {
          yield batchOf(data);
          throw new Error('boom');
        })(),
        path,
      ),
    ).rejects.toThrow('boom');
    expect(readFileSync(path, 'utf8')).toBe('old\n');
  });
});

describe('streaming', () => {
  it('reads a generated 1,000,000-row input in bounded batches', async () => {
    const rowsTotal = 1_000_000;
    async function* source(): AsyncGenerator<string | Buffer> {
      yield 'id,code,amount,at\n';
      const step = 10_000;
      const lines: string[] = new Array<string>(step);
      for (let start = 0; start < rowsTotal; start += step) {
        for (let i = start; i < start + step; i++) lines[i - start] = `${i},C${i % 977},${(i % 1000) / 4},2024-01-01T00:00:${10 + (i % 50)}\n`;
        yield Buffer.from(lines.join(''));
      }
    }
    let count = 0;
    let batchesSeen = 0;
    let maxLength = 0;
    let idSum = 0;
    for await (const b of readCsv(Readable.from(source()), { batchRows: 10_000 })) {
      batchesSeen++;
      maxLength = Math.max(maxLength, b.length);
      expect(b.schema.fields.map((f) => f.type)).toEqual(['int', 'string', 'float', 'timestamp']);
      expect(b.columns.every((c) => c.length === b.length)).toBe(true);
      const ids = b.columns[0] as number[];
      if (ids[0] !== count) throw new Error(`batch ${batchesSeen} starts at ${ids[0]}, expected ${count}`);
      for (const id of ids) idSum += id;
      count += b.length;
    }
    expect(count).toBe(rowsTotal);
    expect(maxLength).toBe(10_000);
    expect(batchesSeen).toBe(100);
    expect(idSum).toBe((rowsTotal * (rowsTotal - 1)) / 2);
  });
});
