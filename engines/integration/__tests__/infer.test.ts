// Type inference, casting and formatting, table-driven: every rule of inferType, every accepted
// and refused text of castValue, and formatValue's round trips.
import { InvalidInputError } from '../../errors.ts';
import { CastError, castValue, formatValue, inferType, parseFloatSpan, parseIntSpan, parseTimestampSpan } from '../infer.ts';
import type { FieldType, Value } from '../table.ts';

describe('inferType', () => {
  it.each<[string[], FieldType]>([
    [['1', '-2', '+3', '007'], 'int'],
    [['9007199254740991', '-9007199254740991'], 'int'],
    [['1', '2.5'], 'float'],
    [['.5', '1.', '-1e3', '2E-7'], 'float'],
    [['1', 'NaN', 'inf'], 'float'],
    [['NaN'], 'string'], // NaN alone is not evidence of a numeric column
    [['9007199254740992'], 'string'], // beyond the safe range: an identifier, not a float
    [['true', 'FALSE', 'True'], 'bool'],
    [['1', '0'], 'int'], // 0/1 are ints, never bools
    [['2024-01-02', '2024-01-02T03:04:05', '2024-01-02T03:04:05.123Z', '2024-01-02T03:04:05+02:00'], 'timestamp'],
    [['2024-01-02 03:04'], 'timestamp'],
    [['2024-02-30'], 'string'], // impossible date
    [['1', 'x'], 'string'],
    [['true', '1'], 'string'],
    [['2024-01-02', '5'], 'string'],
    [['', '', '1'], 'int'], // empty strings are nulls and do not vote
    [['', ''], 'string'],
    [[], 'string'],
    [[' 1'], 'string'], // whitespace is kept, so this is text
    [['1,5'], 'string'],
  ])('%j → %s', (samples, type) => {
    expect(inferType(samples)).toBe(type);
  });
});

describe('castValue', () => {
  const utc = (s: string) => Date.parse(s);
  it.each<[string, FieldType, Value]>([
    ['', 'int', null],
    ['', 'string', null],
    ['abc', 'string', 'abc'],
    [' a ', 'string', ' a '],
    ['42', 'int', 42],
    ['-42', 'int', -42],
    ['+7', 'int', 7],
    ['-0', 'int', 0],
    ['123456789012345678', 'float', 123456789012345680],
    ['2.5', 'float', 2.5],
    ['-0.125', 'float', -0.125],
    ['1e3', 'float', 1000],
    ['3', 'float', 3],
    ['Infinity', 'float', Infinity],
    ['-inf', 'float', -Infinity],
    ['TRUE', 'bool', true],
    ['false', 'bool', false],
    ['2024-01-02', 'timestamp', utc('2024-01-02T00:00:00Z')],
    ['2024-01-02T03:04:05', 'timestamp', utc('2024-01-02T03:04:05Z')],
    ['2024-01-02T03:04:05.5', 'timestamp', utc('2024-01-02T03:04:05.500Z')],
    ['2024-01-02T03:04:05.123456789Z', 'timestamp', utc('2024-01-02T03:04:05.123Z')],
    ['2024-01-02T03:04:05+02:00', 'timestamp', utc('2024-01-02T01:04:05Z')],
    ['2024-01-02T03:04:05-0130', 'timestamp', utc('2024-01-02T04:34:05Z')],
    ['2024-02-29T23:59:59Z', 'timestamp', utc('2024-02-29T23:59:59Z')],
    ['1969-12-31T23:59:59.999', 'timestamp', -1],
    ['1600-03-01', 'timestamp', utc('1600-03-01T00:00:00Z')],
  ])('%j as %s → %p', (text, type, value) => {
    expect(castValue(text, type)).toBe(value);
  });

  it.each<[string, FieldType]>([
    ['1.5', 'int'],
    ['9007199254740992', 'int'],
    ['12a', 'int'],
    ['-', 'int'],
    [' 1', 'int'],
    ['1,5', 'float'],
    ['.', 'float'],
    ['e5', 'float'],
    ['yes', 'bool'],
    ['1', 'bool'],
    ['2023-02-29', 'timestamp'],
    ['2024-13-01', 'timestamp'],
    ['2024-01-02T24:00:00', 'timestamp'],
    ['2024-01-02T03:04:05.', 'timestamp'],
    ['2024-01-02T03:04:05+25:00', 'timestamp'],
    ['2024-01-02X03:04:05', 'timestamp'],
    ['1704153600000', 'timestamp'],
  ])('%j is not a %s', (text, type) => {
    expect(() => castValue(text, type)).toThrow(CastError);
    try {
      castValue(text, type);
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidInputError);
      expect((err as CastError).code).toBe('BAD_USER_INPUT');
      expect((err as CastError).details).toEqual({ value: text, type });
      expect((err as Error).message).toBe(`cannot read ${JSON.stringify(text)} as ${type}`);
    }
  });

  it('cuts long values in the error', () => {
    const long = 'x'.repeat(1000);
    try {
      castValue(long, 'int');
      throw new Error('no error');
    } catch (err) {
      expect(((err as CastError).details.value as string).length).toBe(101);
    }
  });

  it('reads floats exactly as Number does (fast path and fallback)', () => {
    const texts = ['0.1', '0.3', '123456.789012345', '1.7976931348623157e308', '5e-324', '0.000001', '99999999999999.99', '1234567890123456789.5'];
    for (const t of texts) expect(castValue(t, 'float')).toBe(Number(t));
    const wrong: string[] = [];
    let seed = 7;
    for (let i = 0; i < 20000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const t = (seed / 1000).toFixed(seed % 7);
      if (castValue(t, 'float') !== Number(t)) wrong.push(t);
    }
    expect(wrong).toEqual([]);
  });

  it('parses spans inside a longer text without reading past them', () => {
    const text = '12,2024-01-02T03:04:05,7.5';
    expect(parseIntSpan(text, 0, 2)).toBe(12);
    expect(parseTimestampSpan(text, 3, 13)).toBe(Date.parse('2024-01-02T00:00:00Z'));
    expect(parseTimestampSpan(text, 3, 22)).toBe(Date.parse('2024-01-02T03:04:05Z'));
    expect(parseFloatSpan(text, 23, 26)).toBe(7.5);
  });
});

describe('formatValue', () => {
  it.each<[Value, FieldType, string]>([
    [null, 'string', ''],
    [null, 'int', ''],
    ['a,b', 'string', 'a,b'],
    [42, 'int', '42'],
    [-3, 'int', '-3'],
    [2.5, 'float', '2.5'],
    [0.1, 'float', '0.1'],
    [1, 'float', '1.0'],
    [-0, 'float', '-0.0'],
    [1e21, 'float', '1e+21'],
    [1.5e-7, 'float', '1.5e-7'],
    [NaN, 'float', 'NaN'],
    [-Infinity, 'float', '-Infinity'],
    [true, 'bool', 'true'],
    [false, 'bool', 'false'],
    [Date.parse('2024-01-02T03:04:05Z'), 'timestamp', '2024-01-02T03:04:05'],
    [Date.parse('2024-01-02T03:04:05.120Z'), 'timestamp', '2024-01-02T03:04:05.120'],
    [0, 'timestamp', '1970-01-01T00:00:00'],
    [-1, 'timestamp', '1969-12-31T23:59:59.999'],
    [NaN, 'timestamp', ''],
  ])('%p as %s → %j', (v, type, text) => {
    expect(formatValue(v, type)).toBe(text);
  });

  it.each<[Value, FieldType]>([
    [123, 'int'],
    [0.1 + 0.2, 'float'],
    [1 / 3, 'float'],
    [-1e-300, 'float'],
    [Infinity, 'float'],
    [true, 'bool'],
    [Date.parse('1999-12-31T23:59:59.001Z'), 'timestamp'],
    ['x', 'string'],
  ])('round-trips %p as %s through castValue', (v, type) => {
    expect(castValue(formatValue(v, type), type)).toBe(v);
  });

  it('formats floats so they infer back as float', () => {
    expect(inferType([formatValue(1, 'float'), formatValue(2, 'float')])).toBe('float');
  });
});
