// Purpose's expression language: literals, precedence, every operator and function, SQL-style null
// semantics, static types and casts, errors with exact positions, security and limits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '../../errors.ts';
import type { RecordBatch, Schema, Value } from '../../integration/table.ts';
import {
  compileExpression,
  evaluateBatch,
  evaluateRow,
  EXPRESSION_LIMITS,
  ExpressionError,
  FUNCTION_NAMES,
  parseTimestamp,
  type ExpressionErrorReason,
} from '../expr.ts';

const schema: Schema = {
  fields: [
    { name: 'a', type: 'int' },
    { name: 'b', type: 'int' },
    { name: 'f', type: 'float' },
    { name: 's', type: 'string' },
    { name: 't', type: 'timestamp' },
    { name: 'flag', type: 'bool' },
  ],
};

function run(source: string, row: Record<string, Value> = {}, withSchema?: Schema): Value {
  return evaluateRow(compileExpression(source, withSchema), row);
}

function errorOf(fn: () => unknown): ExpressionError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ExpressionError) return err;
    throw err;
  }
  throw new Error('expected an ExpressionError');
}

const compileError = (source: string, withSchema?: Schema) => errorOf(() => compileExpression(source, withSchema));
const runError = (source: string, row: Record<string, Value> = {}, withSchema?: Schema) => {
  const expr = compileExpression(source, withSchema);
  return errorOf(() => evaluateRow(expr, row));
};

const utc = (iso: string) => Date.parse(iso);

describe('literals', () => {
  test.each<[string, Value]>([
    ['42', 42],
    ['0', 0],
    ['3.25', 3.25],
    ['1e3', 1000],
    ['2.5E-2', 0.025],
    ['1e+2', 100],
    ["'single'", 'single'],
    ['"double"', 'double'],
    ["'it\\'s'", "it's"],
    ['"say \\"hi\\""', 'say "hi"'],
    ["'a\\nb\\tc\\rd'", 'a\nb\tc\rd'],
    ["'back\\\\slash'", 'back\\slash'],
    ["'\\u{1F600}'", '😀'],
    ["'\\u00e9'", 'é'],
    ["'mixed \"quotes\"'", 'mixed "quotes"'],
    ["''", ''],
    ['true', true],
    ['FALSE', false],
    ['null', null],
    ["timestamp('2024-01-02T03:04:05Z')", utc('2024-01-02T03:04:05Z')],
  ])('%s', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  test('static types of literals', () => {
    expect(compileExpression('1').type).toBe('int');
    expect(compileExpression('1.0').type).toBe('float');
    expect(compileExpression('1e3').type).toBe('float');
    expect(compileExpression("'x'").type).toBe('string');
    expect(compileExpression('true').type).toBe('bool');
    expect(compileExpression('null').type).toBe('null');
    expect(compileExpression("timestamp('2024-01-01')").type).toBe('timestamp');
  });
});

describe('field references', () => {
  test('bare, backquoted, unicode, and `row` is just a field', () => {
    expect(run('price * qty', { price: 2.5, qty: 4 })).toBe(10);
    expect(run('`unit price` * 2', { 'unit price': 3 })).toBe(6);
    expect(run('`a``b`', { 'a`b': 'tick' })).toBe('tick');
    expect(run('größe + 1', { größe: 2 })).toBe(3);
    expect(run('_x1 + row', { _x1: 1, row: 2 })).toBe(3);
    expect(run('`and` or `null`', { and: false, null: true })).toBe(true);
  });

  test('fields lists each referenced name once, in order of first use', () => {
    expect(compileExpression('b + a * b - `c d`').fields).toEqual(['b', 'a', 'c d']);
    expect(compileExpression('1 + 2').fields).toEqual([]);
  });

  test('evaluate reads values through get(index)', () => {
    const expr = compileExpression('x - y');
    const row = [10, 4];
    expect(expr.evaluate((i) => row[i] ?? null)).toBe(6);
  });

  test('a field missing from the row reads as null', () => {
    expect(run('x is null', {})).toBe(true);
    expect(run('x + 1', {})).toBeNull();
  });

  test('function and keyword names are case-insensitive; field names are not', () => {
    expect(run("UPPER('a') & Lower('B') & startsWith('ab', 'a')")).toBe('Abtrue');
    expect(run('X IS NOT NULL AND x IS NULL', { X: 1 })).toBe(true);
    expect(run('x NOT IN [1, 2]', { x: 3 })).toBe(true);
  });

  test('a name is a function only when "(" follows: `if` and `lower` can be fields', () => {
    expect(run('if + lower', { if: 1, lower: 2 })).toBe(3);
  });
});

describe('precedence', () => {
  // [expression, row, expected, what it shows]
  test.each<[string, Record<string, Value>, Value]>([
    ['1 + 2 * 3', {}, 7],
    ['(1 + 2) * 3', {}, 9],
    ['10 - 4 - 3', {}, 3], // left-associative
    ['100 / 10 / 5', {}, 2],
    ['2 * 3 % 4', {}, 2],
    ['2 * (3 % 4)', {}, 6],
    ['-2 * 3', {}, -6],
    ['-(2 + 3)', {}, -5],
    ['- -2', {}, 2],
    ['2 - -2', {}, 4],
    ['1 + 2 & 3', {}, '33'], // + before &
    ["'a' & 1 + 2", {}, 'a3'],
    ['x ?? 1 + 2', { x: 10 }, 10], // + before ??
    ["x ?? 'a' & 'b'", { x: 'z' }, 'z'], // & before ??
    ['x ?? y is null', { x: 1, y: null }, false], // ?? before is null
    ['x is null in [true]', { x: null }, true], // is null before in
    ['true = 1 in [1, 2]', {}, true], // in before =
    ["'a' & 'b' = 'ab'", {}, true], // & before =
    ['1 + 2 > 2 * 1', {}, true],
    ['not 1 = 2', {}, true], // comparison before not
    ['not x in [1]', { x: 2 }, true],
    ['! false = true', {}, true],
    ['not true and false', {}, false], // not before and
    ['true or false and false', {}, true], // and before or
    ['true || false && false', {}, true],
    ['(true or false) and false', {}, false],
    ['1 < 2 and 2 < 3 or 1 > 2', {}, true],
    ['not not true', {}, true],
  ])('%s', (source, row, expected) => {
    expect(run(source, row)).toBe(expected);
  });

  test('long flat chains stay shallow (no nesting limit, no deep recursion)', () => {
    expect(run('1' + ' + 1'.repeat(2000))).toBe(2001);
    expect(run('x = 0' + ' or x = 1'.repeat(900), { x: 1 })).toBe(true);
    expect(run('x' + ' ?? x'.repeat(1500) + ' ?? 7', {})).toBe(7);
  });
});

describe('operators', () => {
  test.each<[string, Value]>([
    ['7 + 2', 9],
    ['7 - 9', -2],
    ['6 * 7', 42],
    ['7 / 2', 3.5],
    ['6 / 3', 2],
    ['7 % 3', 1],
    ['-7 % 3', -1], // sign of the dividend, as in SQL
    ['5.5 % 2', 1.5],
    ['0.1 + 0.2 > 0.3', true],
    ['-x', null],
    ["'ab' & 'cd'", 'abcd'],
    ["'n=' & 1 & ', ok=' & true & ', pi=' & 3.5", 'n=1, ok=true, pi=3.5'],
    ['1 = 1', true],
    ['1 == 1.0', true],
    ['1 != 2', true],
    ['1 <> 1', false],
    ['1 < 2', true],
    ['2 <= 2', true],
    ['3 > 2', true],
    ['2 >= 3', false],
    ["'apple' < 'banana'", true],
    ["'B' < 'a'", true], // binary (code unit) order
    ["'abc' = 'abc'", true],
    ['true = true', true],
    ['false < true', true],
    ["timestamp('2024-01-02') > timestamp('2024-01-01')", true],
    ["2 in [1, 2, 3]", true],
    ["4 in [1, 2, 3]", false],
    ["4 not in [1, 2, 3]", true],
    ["'b' in ['a', 'b']", true],
    ['2 in [1.5, 2.0]', true],
    ['1 in []', false],
    ['1 is null', false],
    ['1 is not null', true],
    ['null ?? 2', 2],
    ['1 ?? 2', 1],
    ['null ?? null ?? 3', 3],
  ])('%s', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  test('in with non-constant items compares per row', () => {
    expect(run('x in [y, z + 1]', { x: 3, y: 1, z: 2 })).toBe(true);
    expect(run('x in [y, z]', { x: 3, y: 1, z: null })).toBeNull();
    expect(run('x not in [y, z]', { x: 3, y: 1, z: 2 })).toBe(true);
  });

  test('integers have one zero', () => {
    expect(run('0 * -1')).toBe(0);
    expect(run('-4 % 2')).toBe(0);
    expect(run('-x', { x: 0 })).toBe(0);
  });
});

describe('null semantics', () => {
  test.each<[string, Value]>([
    ['null + 1', null],
    ['1 - null', null],
    ['null * 2', null],
    ['null / 2', null],
    ['2 / null', null],
    ['null % 2', null],
    ['-null', null],
    ['null = null', null],
    ['null != 1', null],
    ['1 < null', null],
    ['true and null', null],
    ['null and false', false],
    ['false and null', false],
    ['null and null', null],
    ['false or null', null],
    ['null or true', true],
    ['true or null', true],
    ['null or null', null],
    ['not null', null],
    ['null is null', true],
    ['null is not null', false],
    ['null in [1, 2]', null],
    ['1 in [1, null]', true],
    ['3 in [1, null]', null],
    ['3 not in [1, null]', null],
    ['3 not in [1, 2]', true],
    ['null ?? 2', 2],
    ['coalesce(null, null)', null],
    ["concat('a', null, 'b')", 'ab'],
    ["'a' & null", 'a'],
    ['if(null, 1, 2)', 2],
    ['lower(null)', null],
    ['length(null)', null],
    ['substr(null, 1)', null],
    ["substr('abc', null)", null],
    ["replace('abc', null, 'x')", null],
    ['abs(null)', null],
    ['round(null, 2)', null],
    ['int(null)', null],
    ['string(null)', null],
    ['timestamp(null)', null],
    ['max(1, null, 3)', null],
    ['year(null)', null],
    ["daysBetween(null, timestamp('2024-01-01'))", null],
    ["matches(null, 'x')", null],
  ])('%s → %p', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  test('null fields behave like null literals', () => {
    const row = { x: null, ok: null };
    expect(run('x + 1', row)).toBeNull();
    expect(run('x > 1 or true', row)).toBe(true);
    expect(run('x > 1 and false', row)).toBe(false);
    expect(run('ok and x = 1', row)).toBeNull();
  });

  test('a null condition takes the else branch, as a filter drops it', () => {
    expect(run("if(x > 1, 'kept', 'dropped')", { x: null })).toBe('dropped');
  });
});

describe('functions', () => {
  test('every documented function is covered below', () => {
    expect([...FUNCTION_NAMES].sort()).toEqual(
      [
        'abs', 'bool', 'ceil', 'coalesce', 'concat', 'contains', 'day', 'daysBetween', 'endsWith', 'float', 'floor', 'hour', 'if', 'int',
        'length', 'lower', 'matches', 'max', 'min', 'month', 'replace', 'round', 'startsWith', 'string', 'substr', 'timestamp', 'trim',
        'upper', 'year',
      ].sort(),
    );
  });

  test.each<[string, Value]>([
    ["lower('ÀbC')", 'àbc'],
    ["upper('straße')", 'STRASSE'],
    ["trim('  a b \\t')", 'a b'],
    ["length('')", 0],
    ["length('héllo')", 5],
    ["length('a😀b')", 3], // code points, not UTF-16 units
    ["substr('hello', 1)", 'hello'],
    ["substr('hello', 2)", 'ello'],
    ["substr('hello', 2, 3)", 'ell'],
    ["substr('hello', 0, 2)", 'h'], // SQL: positions 0 and 1, of which only 1 exists
    ["substr('hello', 4, 10)", 'lo'],
    ["substr('hello', 9)", ''],
    ["substr('hello', 2, 0)", ''],
    ["substr('a😀b', 2, 1)", '😀'],
    ["replace('a-b-c', '-', '+')", 'a+b+c'],
    ["replace('abc', '', 'x')", 'abc'],
    ["replace('a.b', '.', '$&')", 'a$&b'], // literal replacement, no $ patterns
    ["contains('hello', 'ell')", true],
    ["contains('hello', 'xyz')", false],
    ["startsWith('hello', 'he')", true],
    ["STARTSWITH('hello', 'lo')", false],
    ["endsWith('hello', 'lo')", true],
    ["matches('abc123', '[0-9]+$')", true],
    ["matches('ABC', '^abc$')", false],
    ["matches('ABC', '^abc$', 'i')", true],
    ["matches('a\\nb', '^b$', 'm')", true],
    ["matches('é', '^.$')", true], // unicode mode
    ["matches('😀', '^.$')", true],
    ["concat('a', 1, true, null, 2.5)", 'a1true2.5'],
    ["concat(null)", ''],
    ["coalesce(null, 'x', 'y')", 'x'],
    ['coalesce(1)', 1],
    ["if(1 > 2, 'a', 'b')", 'b'],
    ['if(true, 1, 2.5)', 1],
    ['abs(-3)', 3],
    ['abs(-2.5)', 2.5],
    ['round(2.5)', 3],
    ['round(-2.5)', -3], // half away from zero
    ['round(2.4)', 2],
    ['round(1.005, 2)', 1.01],
    ['round(1234.5678, 2)', 1234.57],
    ['round(1250, -2)', 1300],
    ['round(1249, -2)', 1200],
    ['round(-1250, -2)', -1300],
    ['round(7, 2)', 7],
    ['floor(2.7)', 2],
    ['floor(-2.1)', -3],
    ['ceil(2.1)', 3],
    ['ceil(-0.5)', 0],
    ['min(3, 1, 2)', 1],
    ['max(3, 1, 2)', 3],
    ['max(1, 2.5)', 2.5],
    ["min('b', 'a', 'c')", 'a'],
    ['min(7)', 7],
    ["max(timestamp('2024-01-01'), timestamp('2023-01-01'))", utc('2024-01-01')],
    ["year(timestamp('2024-02-29T13:45:00Z'))", 2024],
    ["month(timestamp('2024-02-29T13:45:00Z'))", 2],
    ["day(timestamp('2024-02-29T13:45:00Z'))", 29],
    ["hour(timestamp('2024-02-29T13:45:00Z'))", 13],
    ["year(timestamp('1969-12-31T23:00:00Z'))", 1969],
    ["month(timestamp('1969-12-31T23:00:00Z'))", 12],
    ["day(timestamp('1969-12-31T23:00:00Z'))", 31],
    ["hour(timestamp('1969-12-31T23:00:00Z'))", 23],
    ["daysBetween(timestamp('2024-01-01T23:00:00Z'), timestamp('2024-01-02T01:00:00Z'))", 1], // calendar days
    ["daysBetween(timestamp('2024-01-02'), timestamp('2024-01-01'))", -1],
    ["daysBetween(timestamp('2024-01-01T01:00:00Z'), timestamp('2024-01-01T23:00:00Z'))", 0],
    ["daysBetween(timestamp('2024-01-01'), timestamp('2024-03-01'))", 60],
  ])('%s', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  test('if() evaluates only the branch it takes', () => {
    expect(run('if(x = 0, 0, 1 / x)', { x: 0 })).toBe(0);
    expect(run('coalesce(x, 1 / y)', { x: 5, y: 0 })).toBe(5);
    expect(run('false and 1 / y > 0', { y: 0 })).toBe(false);
  });

  test('year/month/day/hour agree with Date in UTC across four centuries', () => {
    const expr = compileExpression('year(t) * 1000000 + month(t) * 10000 + day(t) * 100 + hour(t)');
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 48271) % 2147483647;
      const t = Math.floor(((seed / 2147483647) * 2 - 1) * 6.4e12); // 1767 to 2172
      const d = new Date(t);
      const expected = d.getUTCFullYear() * 1000000 + (d.getUTCMonth() + 1) * 10000 + d.getUTCDate() * 100 + d.getUTCHours();
      expect(evaluateRow(expr, { t })).toBe(expected);
    }
  });

  test('functions on fields check their argument kinds at run time without a schema', () => {
    expect(run('lower(x)', { x: 'ABC' })).toBe('abc');
    const err = runError('lower(x)', { x: 5 });
    expect(err.message).toBe('expression "lower(x)": lower() needs a string as argument 1, found 5 at 1:1');
    expect(err.details.reason).toBe('type');
  });
});

describe('types and casts', () => {
  test.each<[string, string]>([
    ['a + b', 'int'],
    ['a - b * 2', 'int'],
    ['a % b', 'int'],
    ['a / b', 'float'],
    ['a + f', 'float'],
    ['-a', 'int'],
    ['t + a', 'timestamp'],
    ['t - 1000', 'timestamp'],
    ['t - t', 'int'],
    ['a = b', 'bool'],
    ['s in [\'x\']', 'bool'],
    ['a is null', 'bool'],
    ['s & a', 'string'],
    ['lower(s)', 'string'],
    ['length(s)', 'int'],
    ['round(f, 2)', 'float'],
    ['round(a)', 'int'],
    ['abs(f)', 'float'],
    ['int(s)', 'int'],
    ['float(a)', 'float'],
    ['string(t)', 'string'],
    ['bool(s)', 'bool'],
    ['timestamp(s)', 'timestamp'],
    ['year(t)', 'int'],
    ['daysBetween(t, t)', 'int'],
    ['a ?? f', 'float'],
    ['coalesce(a, null)', 'int'],
    ['if(flag, a, f)', 'float'],
    ['min(a, f)', 'float'],
    ['a + null', 'null'],
    ['null', 'null'],
  ])('%s : %s (with the schema)', (source, type) => {
    expect(compileExpression(source, schema).type).toBe(type);
  });

  test('without a schema the type is known only where the expression fixes it', () => {
    expect(compileExpression('x').type).toBe('any');
    expect(compileExpression('x + 1').type).toBe('any');
    expect(compileExpression('x * 1.5').type).toBe('float');
    expect(compileExpression('x / 2').type).toBe('float');
    expect(compileExpression('x > 1').type).toBe('bool');
    expect(compileExpression('lower(x)').type).toBe('string');
    expect(compileExpression('x ?? 1').type).toBe('any');
  });

  test('integer arithmetic overflows past 2^53 instead of losing precision', () => {
    for (const source of ['9007199254740991 + 1', '9007199254740991 * 2', '-9007199254740991 - 1']) {
      expect(runError(source).details.reason).toBe('overflow');
    }
    expect(runError('x + 1', { x: 9007199254740991 }).message).toBe(
      'expression "x + 1": integer overflow: 9007199254740991 + 1 is beyond 2^53 at 1:3',
    );
    expect(runError('a * b', { a: 2 ** 40, b: 2 ** 20 }, schema).details).toMatchObject({ reason: 'overflow', position: 2 });
    // A float stays a float: rounding is its nature, only Infinity is refused.
    expect(run('f + 1', { f: 2 ** 53 }, schema)).toBe(2 ** 53);
    expect(run('x * 1.5', { x: 2 ** 53 })).toBe(1.5 * 2 ** 53);
    expect(runError('1e308 * 10').details.reason).toBe('overflow');
    expect(run('x + 1', { x: 0.5 })).toBe(1.5);
  });

  test.each<[string, Value]>([
    ["int('12')", 12],
    ["int(' -7 ')", -7],
    ["int('3.9')", 3],
    ["int('-3.9')", -3],
    ['int(3.9)', 3],
    ['int(-3.9)', -3],
    ['int(true)', 1],
    ["int('1e3')", 1000],
    ["float('2.5')", 2.5],
    ["float('1e3')", 1000],
    ["float('-.5')", -0.5],
    ['float(true)', 1],
    ['float(2)', 2],
    ['string(12)', '12'],
    ['string(1.5)', '1.5'],
    ['string(true)', 'true'],
    ["string('x')", 'x'],
    ["string(timestamp('2024-01-02'))", '2024-01-02T00:00:00.000Z'],
    ["bool('true')", true],
    ["bool('FALSE')", false],
    ["bool(' yes ')", true],
    ["bool('0')", false],
    ['bool(0)', false],
    ['bool(2)', true],
    ['bool(false)', false],
    ["timestamp('2024-01-02T03:04:05Z')", utc('2024-01-02T03:04:05Z')],
    ["timestamp('2024-01-02')", utc('2024-01-02T00:00:00Z')],
    ["timestamp('2024-01-02T03:04:05')", utc('2024-01-02T03:04:05Z')], // no offset means UTC
    ["timestamp('2024-01-02 03:04')", utc('2024-01-02T03:04:00Z')],
    ["timestamp('2024-01-02T03:04:05.678+02:00')", utc('2024-01-02T01:04:05.678Z')],
    ["timestamp('2024-01-02T03:04:05.6789-0530')", utc('2024-01-02T08:34:05.678Z')],
    ["timestamp('2024-02-29')", utc('2024-02-29T00:00:00Z')],
    ["timestamp('1969-12-31T23:59:59Z')", -1000],
    ["timestamp('0001-01-01')", Date.UTC(2000, 0, 1) - 730_119 * 86_400_000],
    ['timestamp(1700000000000)', 1700000000000],
  ])('%s', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  test.each<[string, string]>([
    ["int('abc')", 'cannot cast "abc" to int'],
    ["int('')", 'cannot cast "" to int'],
    ["int('0x10')", 'cannot cast "0x10" to int'],
    ["int('1e20')", 'cannot cast "1e20" to int: beyond 2^53'],
    ['int(1e20)', 'cannot cast 100000000000000000000 to int: beyond 2^53'],
    ["float('abc')", 'cannot cast "abc" to float'],
    ["float('Infinity')", 'cannot cast "Infinity" to float'],
    ["float('1e999')", 'cannot cast "1e999" to float'],
    ["bool('maybe')", 'cannot cast "maybe" to bool'],
    ["timestamp('2024-02-30')", 'cannot cast "2024-02-30" to timestamp: expected ISO-8601 like "2024-01-02T03:04:05Z"'],
    ["timestamp('2023-02-29')", 'cannot cast "2023-02-29" to timestamp: expected ISO-8601 like "2024-01-02T03:04:05Z"'],
    ["timestamp('2024-01-02T24:00:00Z')", 'cannot cast "2024-01-02T24:00:00Z" to timestamp: expected ISO-8601 like "2024-01-02T03:04:05Z"'],
    ["timestamp('yesterday')", 'cannot cast "yesterday" to timestamp: expected ISO-8601 like "2024-01-02T03:04:05Z"'],
    ['timestamp(x)', 'cannot cast 1.5 to timestamp: expected epoch milliseconds'],
  ])('%s fails: %s', (source, problem) => {
    const err = runError(source, { x: 1.5 });
    expect(err.details.reason).toBe('bad-cast');
    expect(err.message).toBe(`expression "${source}": ${problem} at 1:1`);
  });

  test('a bad cast names the value in details', () => {
    expect(runError('int(s)', { s: 'abc' }, schema).details).toEqual({
      expression: 'int(s)',
      position: 0,
      line: 1,
      column: 1,
      reason: 'bad-cast',
      value: 'abc',
    });
  });

  test('parseTimestamp is strict about impossible dates', () => {
    expect(parseTimestamp('2024-13-01')).toBeUndefined();
    expect(parseTimestamp('2024-04-31')).toBeUndefined();
    expect(parseTimestamp('2024-01-01T12:60')).toBeUndefined();
    expect(parseTimestamp('2024-1-1')).toBeUndefined();
    expect(parseTimestamp('2000-02-29T00:00:00z')).toBe(utc('2000-02-29T00:00:00Z'));
  });
});

describe('compile-time errors name the position', () => {
  // Every row has exactly three items: Jest passes a `done` callback to a test taking more.
  test.each<[string, ExpressionErrorReason, string]>([
    ['a +* b', 'syntax', 'unexpected "*" at 1:4'],
    ['', 'syntax', 'unexpected end of expression at 1:1'],
    ['(1 + 2', 'syntax', 'unexpected end of expression, expected ")" at 1:7'],
    ['1 + 2)', 'syntax', 'unexpected ")" at 1:6'],
    ['f(1,)', 'syntax', 'unexpected ")" at 1:5'],
    ["'abc", 'syntax', 'unterminated string at 1:1'],
    ["'a\\qb'", 'syntax', 'unknown escape "\\q" at 1:3'],
    ["'\\u{110000}'", 'syntax', 'unicode escape \\u{110000} is beyond U+10FFFF at 1:2'],
    ["'\\uZZ'", 'syntax', 'malformed unicode escape: use \\u{1F600} or \\u00e9 at 1:2'],
    ['12abc', 'syntax', 'malformed number "12abc" at 1:1'],
    ['1.', 'syntax', 'malformed number "1." at 1:1'],
    ['.5', 'syntax', 'unexpected "." at 1:1'],
    ['a # b', 'syntax', 'unexpected "#" at 1:3'],
    ['x in 1', 'syntax', 'unexpected "1", expected "[" at 1:6'],
    ['x in [1, 2', 'syntax', 'unexpected end of expression, expected "]" at 1:11'],
    ['x is 5', 'syntax', 'unexpected "5", expected "null" at 1:6'],
    ['1 < 2 < 3', 'syntax', 'comparisons cannot be chained: use "and" or parentheses before "<" at 1:7'],
    ['1 = not true', 'syntax', 'unexpected "not" at 1:5'],
    ['`` + 1', 'syntax', 'empty field name `` at 1:1'],
    ['`abc', 'syntax', 'unterminated `quoted` field name at 1:1'],
    ["x = 'it' 's'", 'syntax', 'unexpected string "s" at 1:10'],
    ['99999999999999999', 'overflow', 'integer 99999999999999999 is beyond 2^53; write it as a float (99999999999999999.0) at 1:1'],
    ['1e999', 'overflow', 'number 1e999 is out of range at 1:1'],
    ['foo(1)', 'unknown-function', 'unknown function "foo" at 1:1'],
    ['lower()', 'arity', 'lower() takes 1 argument, found 0 at 1:1'],
    ["x + lower('a', 'b')", 'arity', 'lower() takes 1 argument, found 2 at 1:5'],
    ["substr('a')", 'arity', 'substr() takes 2 to 3 arguments, found 1 at 1:1'],
    ['if(true, 1)', 'arity', 'if() takes 3 arguments, found 2 at 1:1'],
    ['concat()', 'arity', 'concat() takes at least 1 argument, found 0 at 1:1'],
    ["1 + 'a'", 'type', '"+" needs numbers, found string; join strings with & or concat() at 1:3'],
    ["'a' * 2", 'type', '"*" needs numbers, found string at 1:5'],
    ['true - 1', 'type', '"-" needs numbers, found bool at 1:6'],
    ["'a' = 1", 'type', 'cannot compare string with int at 1:5'],
    ["1 in ['a']", 'type', 'cannot compare int with string in a list at 1:7'],
    ["x in [1, 'a']", 'type', 'list mixes int and string at 1:10'],
    ['1 and true', 'type', '"and" needs bools, found int at 1:3'],
    ["true or 'x'", 'type', '"or" needs bools, found string at 1:6'],
    ['not 1', 'type', '"not" needs a bool, found int at 1:1'],
    ["-'a'", 'type', 'unary "-" needs a number, found string at 1:1'],
    ['lower(5)', 'type', 'lower() needs a string as argument 1, found int at 1:7'],
    ["substr('abc', 1.5)", 'type', 'substr() needs an int as argument 2, found float at 1:15'],
    ['if(1, 2, 3)', 'type', 'if() needs a bool as argument 1, found int at 1:4'],
    ["if(true, 1, 'a')", 'type', 'if() branches mix int and string at 1:13'],
    ["coalesce(1, 'a')", 'type', 'coalesce() mixes int and string at 1:13'],
    ["1 ?? 'a'", 'type', '"??" mixes int and string at 1:3'],
    ['max(1, true)', 'type', 'max() needs a number, string or timestamp as argument 2, found bool at 1:8'],
    ["min(1, 'a')", 'type', 'min() mixes int and string at 1:8'],
    ['year(1.5)', 'type', 'year() needs a timestamp as argument 1, found float at 1:6'],
    ["matches('abc', '(')", 'bad-regex', 'invalid regular expression "(": Unterminated group at 1:16'],
    ['matches(x, x)', 'bad-regex', 'matches() needs its pattern as a constant string at 1:12'],
    ["matches(x, 'a', 'g')", 'bad-regex', 'matches() flags must be among "i", "m", "s", each once; found "g" at 1:17'],
    ["matches(x, 'a', 'ii')", 'bad-regex', 'matches() flags must be among "i", "m", "s", each once; found "ii" at 1:17'],
  ])('%s', (source, reason, problem) => {
    const err = compileError(source);
    expect(err.message).toBe(`expression "${source}": ${problem}`);
    expect(err.details.reason).toBe(reason);
    expect(err.details.expression).toBe(source);
  });

  test.each<[string, ExpressionErrorReason, string]>([
    ['a + x', 'unknown-field', 'unknown field "x" at 1:5 (known: a, b, f, s, t, flag)'],
    ['s + 1', 'type', '"+" needs numbers, found string; join strings with & or concat() at 1:3'],
    ['s = a', 'type', 'cannot compare string with int at 1:3'],
    ['t + 1.5', 'type', '"+" cannot combine timestamp and float at 1:3'],
    ['a - t', 'type', '"-" cannot combine int and timestamp at 1:3'],
    ['t * 2', 'type', '"*" cannot combine timestamp and int at 1:3'],
    ['flag + 1', 'type', '"+" needs numbers, found bool at 1:6'],
    ['a and flag', 'type', '"and" needs bools, found int at 1:3'],
  ])('%s (with the schema)', (source, reason, problem) => {
    const err = compileError(source, schema);
    expect(err.message).toBe(`expression "${source}": ${problem}`);
    expect(err.details.reason).toBe(reason);
    expect(err.details.expression).toBe(source);
  });

  test('details carry offset, line and column; lines count from 1', () => {
    const err = compileError('a\n  + * b');
    expect(err.details).toEqual({ expression: 'a\n  + * b', position: 6, line: 2, column: 5, reason: 'syntax' });
    expect(err.message).toBe('expression "a\n  + * b": unexpected "*" at 2:5');
  });

  test('the unknown-field list is cut after ten names', () => {
    const many: Schema = { fields: Array.from({ length: 12 }, (_, i) => ({ name: `c${i}`, type: 'int' as const })) };
    expect(compileError('c0 + nope', many).message).toBe(
      'expression "c0 + nope": unknown field "nope" at 1:6 (known: c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, …)',
    );
  });

  test('an empty schema knows no fields; timestamps compare with any number', () => {
    expect(compileError('t > 5.5', { fields: [] }).message).toBe('expression "t > 5.5": unknown field "t" at 1:1 (known: none)');
    expect(run('t > 5.5', { t: 6 }, { fields: [{ name: 't', type: 'timestamp' }] })).toBe(true);
  });

  test('without a schema any field name is accepted', () => {
    expect(compileExpression('anything * 2').fields).toEqual(['anything']);
  });

  test('ExpressionError is a BAD_USER_INPUT domain error', () => {
    const err = compileError('1 +');
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.name).toBe('ExpressionError');
  });
});

describe('runtime errors name the operator or call', () => {
  test('division and modulo by zero', () => {
    expect(runError('a / b', { a: 1, b: 0 }).message).toBe('expression "a / b": division by zero at 1:3');
    expect(runError('a / b', { a: 1, b: 0 }).details).toEqual({ expression: 'a / b', position: 2, line: 1, column: 3, reason: 'division-by-zero' });
    expect(runError('1 + a % b', { a: 1, b: 0 }, schema).message).toBe('expression "1 + a % b": modulo by zero at 1:7');
    expect(runError('x / 0.0', { x: 1.5 }).details.reason).toBe('division-by-zero');
  });

  test('a constant that fails is reported when evaluated, not when compiled', () => {
    const expr = compileExpression('if(x, 1 / 0, 2)');
    expect(evaluateRow(expr, { x: false })).toBe(2);
    expect(errorOf(() => evaluateRow(expr, { x: true })).message).toBe('expression "if(x, 1 / 0, 2)": division by zero at 1:9');
  });

  test.each<[string, Record<string, Value>, string]>([
    ['x + 1', { x: 'a' }, '"+" needs numbers, found "a" at 1:3'],
    ['-x', { x: true }, 'unary "-" needs a number, found true at 1:1'],
    ['x < y', { x: 'a', y: 1 }, 'cannot compare string with number: "a" < 1 at 1:3'],
    ['x = 1', { x: true }, 'cannot compare bool with number: true = 1 at 1:3'],
    ["x in ['a', 'b']", { x: 1 }, 'cannot compare number with string: 1 in a list of strings at 1:3'],
    ['x in [y]', { x: 1, y: 'a' }, 'cannot compare number with string: 1 in a list of strings at 1:3'],
    ['x and true', { x: 1 }, '"and" needs bools, found 1 at 1:3'],
    ['true and x', { x: 'yes' }, '"and" needs bools, found "yes" at 1:6'],
    ['not x', { x: 0 }, '"not" needs a bool, found 0 at 1:1'],
    ['if(x, 1, 2)', { x: 'y' }, 'if() needs a bool as argument 1, found "y" at 1:1'],
    ["'<' & substr(x, 1)", { x: 5 }, 'substr() needs a string as argument 1, found 5 at 1:7'],
    ["substr('abc', x)", { x: 1.5 }, 'substr() needs an int as argument 2, found 1.5 at 1:1'],
    ["matches(x, 'a')", { x: 1 }, 'matches() needs a string as argument 1, found 1 at 1:1'],
    ['max(x, y)', { x: 1, y: 'a' }, 'max() cannot compare number with string at 1:1'],
    ["substr('abc', 1, x)", { x: -1 }, 'substr() length must not be negative, found -1 at 1:1'],
    ['round(1.5, x)', { x: 16 }, 'round() digits must be between -15 and 15, found 16 at 1:1'],
  ])('%s with %p', (source, row, problem) => {
    expect(runError(source, row).message).toBe(`expression "${source}": ${problem}`);
  });
});

describe('security', () => {
  test('JS-internal names are plain fields that read the row', () => {
    const row = JSON.parse('{"constructor": 1, "__proto__": 2, "toString": 3, "hasOwnProperty": 4, "valueOf": 5, "prototype": 6}') as Record<string, Value>;
    expect(run('constructor + `__proto__` + toString + hasOwnProperty + valueOf + prototype', row)).toBe(21);
    expect(run('__proto__', row)).toBe(2);
  });

  test('absent, they read as null, never as Object.prototype members', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']) {
      expect(run(`\`${name}\``, {})).toBeNull();
      expect(run(`\`${name}\` is null`, {})).toBe(true);
    }
  });

  test('with a schema, such names are unknown fields unless declared', () => {
    expect(compileError('constructor', schema).details.reason).toBe('unknown-field');
    const own: Schema = { fields: [{ name: '__proto__', type: 'int' }, { name: 'constructor', type: 'string' }] };
    expect(compileExpression('__proto__ + 1', own).type).toBe('int');
    expect(evaluateRow(compileExpression('constructor & __proto__', own), JSON.parse('{"__proto__": 7, "constructor": "c"}'))).toBe('c7');
  });

  test('names of JS globals and prototype members are not functions', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'eval', 'Function', 'require', 'hasOwnProperty']) {
      expect(compileError(`${name}('1')`).details.reason).toBe('unknown-function');
    }
  });

  test('non-scalar row values never enter an expression', () => {
    const row = { x: { toString: () => 'boom' }, y: [1], z: () => 1 } as unknown as Record<string, Value>;
    expect(run('x', row)).toBeNull();
    expect(run('y', row)).toBeNull();
    expect(run('z', row)).toBeNull();
  });

  test('the compiler uses neither eval nor Function', () => {
    const source = readFileSync(join(__dirname, '..', 'expr.ts'), 'utf8');
    expect(source).not.toMatch(/\beval\s*\(/);
    expect(source).not.toMatch(/\bnew\s+Function\b|\bFunction\s*\(/);
  });

  test('a 1 MB expression is refused before parsing, with a short message', () => {
    const huge = '1+'.repeat(500_000) + '1';
    const err = compileError(huge);
    expect(err.details.reason).toBe('too-long');
    expect(err.message).toBe('expression "' + huge.slice(0, 79) + '…": expression is 1000001 characters long, over the limit of 10000 at 1:1');
    expect(err.details.expression.length).toBe(EXPRESSION_LIMITS.maxLength + 1);
  });

  test('10,000-deep nesting is refused cleanly, never with a stack overflow', () => {
    expect(compileError('('.repeat(10_000) + '1' + ')'.repeat(10_000)).details.reason).toBe('too-long');
    const deep = [
      '-'.repeat(9_999) + '1',
      'not '.repeat(2_400) + 'true',
      'abs('.repeat(1_999) + '1' + ')'.repeat(1_999),
      'x in ['.repeat(1_400) + ']'.repeat(1_400),
      '('.repeat(4_999) + '1' + ')'.repeat(4_999),
    ];
    for (const source of deep) {
      expect(source.length).toBeLessThanOrEqual(EXPRESSION_LIMITS.maxLength);
      const err = compileError(source);
      expect(err.details.reason).toBe('too-deep');
      expect(err.message).toContain('expression nests deeper than 100 levels at 1:');
    }
  });

  test('nesting up to 100 levels is fine; the 101st is refused where it opens', () => {
    expect(run('('.repeat(100) + '1' + ')'.repeat(100))).toBe(1);
    expect(run('abs('.repeat(50) + '-'.repeat(50) + '1' + ')'.repeat(50))).toBe(1);
    const err = compileError('('.repeat(101) + '1' + ')'.repeat(101));
    expect(err.details).toMatchObject({ reason: 'too-deep', position: 100, column: 101 });
  });

  test('long lists within the source limit work; the documented item limit is 10,000', () => {
    const items = Array.from({ length: 2000 }, (_, i) => i);
    expect(run(`x in [${items.join(',')}]`, { x: 1999 })).toBe(true);
    expect(EXPRESSION_LIMITS.maxListItems).toBe(10_000);
  });

  test('regular expressions longer than 1000 characters are refused (ReDoS surface)', () => {
    const pattern = 'a'.repeat(1001);
    const err = compileError(`matches(x, '${pattern}')`);
    expect(err.details).toMatchObject({ reason: 'bad-regex', position: 11 });
    expect(err.message).toContain('pattern is 1001 characters long, over the limit of 1000');
    expect(run(`matches(x, '${'a'.repeat(1000)}')`, { x: 'a'.repeat(1000) })).toBe(true);
  });

  test('a non-string source is refused', () => {
    expect(() => compileExpression(42 as unknown as string)).toThrow(InvalidInputError);
  });
});

describe('evaluateBatch', () => {
  const batch: RecordBatch = {
    schema: { fields: [{ name: 'amount', type: 'float' }, { name: 'city', type: 'string' }] },
    columns: [
      [150, 50, null, 200],
      ['Boston', 'Austin', 'Austin', 'Denver'],
    ],
    length: 4,
  };

  test('evaluates column-major rows by field name', () => {
    const expr = compileExpression("amount * 1.1 > 100 and lower(city) in ['boston','austin']", batch.schema);
    expect(evaluateBatch(expr, batch)).toEqual([true, false, null, false]);
  });

  test('a referenced field missing from the batch is an input error', () => {
    expect(() => evaluateBatch(compileExpression('qty + 1'), batch)).toThrow('expression "qty + 1": field "qty" is not in the batch');
  });

  test('constant subexpressions are computed once, at compile time', () => {
    const expr = compileExpression("timestamp('2024-01-01') + 86400000 * 2");
    expect(expr.evaluate(() => {
      throw new Error('no field to read');
    })).toBe(utc('2024-01-03T00:00:00Z'));
  });
});
