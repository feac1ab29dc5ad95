// Combine's text ↔ value conversions: which FieldType a column of strings holds, and casting and
// formatting in both directions. The span parsers read a slice of a larger string in place, so the
// CSV reader converts a field without first cutting it out as a substring.
import { InvalidInputError } from '../errors.ts';
import type { FieldType, Value } from './table.ts';

/** The field types, for validating declared types. */
export const FIELD_TYPES: readonly FieldType[] = ['string', 'int', 'float', 'bool', 'timestamp'];

/** Values quoted in messages and details are cut to this many characters: a field may be 64 MiB. */
const QUOTED_MAX = 100;

/** A value quoted for a message, cut to a readable length. */
export function quoteValue(text: string): string {
  return JSON.stringify(text.length > QUOTED_MAX ? `${text.slice(0, QUOTED_MAX)}…` : text);
}

/** A text that is not a valid value of the type. `details.value` is the text, cut to 100 characters. */
export class CastError extends InvalidInputError {
  constructor(text: string, type: FieldType) {
    super(`cannot read ${quoteValue(text)} as ${type}`, {
      value: text.length > QUOTED_MAX ? `${text.slice(0, QUOTED_MAX)}…` : text,
      type,
    });
  }
}

/**
 * Text the span parsers read: a string, or bytes seen as Latin-1 characters (the columnar
 * executor parses fields in the file's bytes without decoding them; see columnar.ts).
 */
export interface Chars {
  charCodeAt(index: number): number;
  slice(start: number, end: number): string;
}

const ZERO = 48;
const MAX_FAST_DIGITS = 15; // 10^15 < 2^53: the mantissa and the power of ten are both exact
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i); // exact doubles up to 10^22

/**
 * An integer in `s[start, end)`: optional sign, ASCII digits, a safe integer. Undefined otherwise.
 * `-0` reads as 0.
 */
export function parseIntSpan(s: Chars, start: number, end: number): number | undefined {
  let i = start;
  let neg = false;
  const c = s.charCodeAt(i);
  if (c === 45 || c === 43) {
    neg = c === 45;
    i++;
  }
  if (i >= end) return undefined;
  if (end - i > MAX_FAST_DIGITS) return parseLongInt(s, i, end, neg);
  let n = 0;
  for (; i < end; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return neg ? 0 - n : n;
}

function parseLongInt(s: Chars, i: number, end: number, neg: boolean): number | undefined {
  for (let j = i; j < end; j++) {
    const d = s.charCodeAt(j) - ZERO;
    if (d < 0 || d > 9) return undefined;
  }
  const n = Number(s.slice(i, end));
  if (!Number.isSafeInteger(n)) return undefined;
  return neg ? 0 - n : n;
}

const FLOAT_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL_FLOATS: Record<string, number> = {
  nan: NaN,
  '+nan': NaN,
  '-nan': NaN,
  inf: Infinity,
  '+inf': Infinity,
  '-inf': -Infinity,
  infinity: Infinity,
  '+infinity': Infinity,
  '-infinity': -Infinity,
};

/**
 * A float in `s[start, end)`: decimal with optional sign, fraction and exponent (`1`, `-2.5`,
 * `.5`, `1e-3`), or NaN / Inf / Infinity in any case. Undefined otherwise.
 */
export function parseFloatSpan(s: Chars, start: number, end: number): number | undefined {
  // Fast path (Clinger): at most 15 digits and no exponent, so m / 10^k is one correctly rounded
  // division of two exact doubles, the same double as Number(text).
  let i = start;
  let neg = false;
  const c = s.charCodeAt(i);
  if (c === 45 || c === 43) {
    neg = c === 45;
    i++;
  }
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < end; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (d >= 0 && d <= 9) {
      m = m * 10 + d;
      digits++;
    } else if (d === -2 && frac < 0) {
      frac = digits; // '.'
    } else {
      break;
    }
  }
  if (i === end && digits > 0 && digits <= MAX_FAST_DIGITS) {
    const v = frac < 0 ? m : m / (POW10[digits - frac] as number);
    return neg ? -v : v;
  }
  return parseFloatText(s.slice(start, end));
}

function parseFloatText(text: string): number | undefined {
  if (FLOAT_RE.test(text)) return Number(text);
  return SPECIAL_FLOATS[text.toLowerCase()];
}

/** `true` or `false` in any case; undefined otherwise. */
export function parseBoolSpan(s: Chars, start: number, end: number): boolean | undefined {
  const n = end - start;
  if (n === 4) {
    if (
      (s.charCodeAt(start) | 0x20) === 116 && // t
      (s.charCodeAt(start + 1) | 0x20) === 114 && // r
      (s.charCodeAt(start + 2) | 0x20) === 117 && // u
      (s.charCodeAt(start + 3) | 0x20) === 101 // e
    )
      return true;
  } else if (n === 5) {
    if (
      (s.charCodeAt(start) | 0x20) === 102 && // f
      (s.charCodeAt(start + 1) | 0x20) === 97 && // a
      (s.charCodeAt(start + 2) | 0x20) === 108 && // l
      (s.charCodeAt(start + 3) | 0x20) === 115 && // s
      (s.charCodeAt(start + 4) | 0x20) === 101 // e
    )
      return false;
  }
  return undefined;
}

function digit2(s: Chars, i: number): number {
  const a = s.charCodeAt(i) - ZERO;
  const b = s.charCodeAt(i + 1) - ZERO;
  if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9)) return -1;
  return a * 10 + b;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  // Integer division by `| 0` (operands are small), not Math.floor: a global lookup per call is
  // slow inside a vm context such as Jest's.
  y -= m <= 2 ? 1 : 0;
  const era = ((y >= 0 ? y : y - 399) / 400) | 0;
  const yoe = y - era * 400;
  const doy = (((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) | 0) + d - 1;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * An ISO-8601 timestamp in `s[start, end)` as epoch milliseconds: `YYYY-MM-DD`, then optionally
 * `T` (or a space) `HH:MM`, `:SS`, `.fraction` (1–9 digits, cut to milliseconds) and a zone `Z` or
 * `±HH:MM` (or `±HHMM`, `±HH`). No zone means UTC. Undefined otherwise, including impossible dates.
 */
export function parseTimestampSpan(s: Chars, start: number, end: number): number | undefined {
  const n = end - start;
  if (n < 10 || s.charCodeAt(start + 4) !== 45 || s.charCodeAt(start + 7) !== 45) return undefined;
  const y1 = digit2(s, start);
  const y2 = digit2(s, start + 2);
  const mo = digit2(s, start + 5);
  const d = digit2(s, start + 8);
  if (y1 < 0 || y2 < 0 || mo < 1 || mo > 12 || d < 1) return undefined;
  const y = y1 * 100 + y2;
  if (d > daysInMonth(y, mo)) return undefined;
  const days = daysFromCivil(y, mo, d);
  if (n === 10) return days * 86_400_000;
  if (n < 16) return undefined;
  let i = start + 10;
  const sep = s.charCodeAt(i);
  if ((sep !== 84 && sep !== 116 && sep !== 32) || s.charCodeAt(i + 3) !== 58) return undefined;
  const h = digit2(s, i + 1);
  const mi = digit2(s, i + 4);
  if (h < 0 || h > 23 || mi < 0 || mi > 59) return undefined;
  i += 6;
  let sec = 0;
  let ms = 0;
  if (i < end && s.charCodeAt(i) === 58) {
    if (i + 3 > end) return undefined;
    sec = digit2(s, i + 1);
    if (sec < 0 || sec > 59) return undefined;
    i += 3;
    if (i < end && s.charCodeAt(i) === 46) {
      i++;
      let k = 0;
      for (; i < end && k < 9; i++, k++) {
        const dd = s.charCodeAt(i) - ZERO;
        if (!(dd >= 0 && dd <= 9)) break;
        if (k < 3) ms = ms * 10 + dd;
      }
      if (k === 0) return undefined;
      if (k < 3) ms *= k === 1 ? 100 : 10;
    }
  }
  let offset = 0;
  if (i < end) {
    const z = s.charCodeAt(i);
    if (z === 90 || z === 122) {
      i++;
    } else if (z === 43 || z === 45) {
      if (i + 3 > end) return undefined;
      const oh = digit2(s, i + 1);
      if (oh < 0 || oh > 23) return undefined;
      i += 3;
      let om = 0;
      if (i < end) {
        if (s.charCodeAt(i) === 58) i++;
        if (i + 2 > end) return undefined;
        om = digit2(s, i);
        if (om < 0 || om > 59) return undefined;
        i += 2;
      }
      offset = (oh * 60 + om) * (z === 43 ? 1 : -1);
    } else {
      return undefined;
    }
  }
  if (i !== end) return undefined;
  return days * 86_400_000 + ((h * 60 + mi - offset) * 60 + sec) * 1000 + ms;
}

/** The value of `s[start, end)` as `type`, or undefined when it is not one. The span must not be empty. */
export function castSpan(s: string, start: number, end: number, type: FieldType): Value | undefined {
  switch (type) {
    case 'string':
      return s.slice(start, end);
    case 'int':
      return parseIntSpan(s, start, end);
    case 'float':
      return parseFloatSpan(s, start, end);
    case 'bool':
      return parseBoolSpan(s, start, end);
    case 'timestamp':
      return parseTimestampSpan(s, start, end);
  }
}

const INT_SHAPED = /^[+-]?\d+$/;

/**
 * The narrowest type every non-empty sample fits: `int` (safe integers, optional sign), then
 * `float`, `bool` (true/false in any case), `timestamp` (ISO-8601, see parseTimestampSpan), else
 * `string`. Empty strings are nulls and do not vote; no votes at all gives `string`.
 * Integer-shaped texts beyond the safe range (long identifiers) are not counted as floats, and
 * NaN/Inf count as floats only beside at least one finite number, so such columns stay strings.
 */
export function inferType(samples: readonly string[]): FieldType {
  let isInt = true;
  let isFloat = true;
  let isBool = true;
  let isTimestamp = true;
  let votes = 0;
  let finite = false;
  for (const s of samples) {
    const n = s.length;
    if (n === 0) continue;
    votes++;
    if (isInt && parseIntSpan(s, 0, n) === undefined) isInt = false;
    if (isFloat) {
      const v = parseFloatSpan(s, 0, n);
      if (v === undefined || (n > MAX_FAST_DIGITS && INT_SHAPED.test(s) && !Number.isSafeInteger(v))) isFloat = false;
      else if (Number.isFinite(v)) finite = true;
    }
    if (isBool && parseBoolSpan(s, 0, n) === undefined) isBool = false;
    if (isTimestamp && parseTimestampSpan(s, 0, n) === undefined) isTimestamp = false;
    if (!isInt && !isFloat && !isBool && !isTimestamp) return 'string';
  }
  if (votes === 0) return 'string';
  if (isInt) return 'int';
  if (isFloat && finite) return 'float';
  if (isBool) return 'bool';
  if (isTimestamp) return 'timestamp';
  return 'string';
}

/**
 * `text` as a value of `type`: `''` is null, a string is the text as is, other types by the rules
 * of inferType (declared floats also take integer-shaped texts of any size).
 * @throws CastError when the text is not a value of the type.
 */
export function castValue(text: string, type: FieldType): Value {
  if (text.length === 0) return null;
  const v = castSpan(text, 0, text.length, type);
  if (v === undefined) throw new CastError(text, type);
  return v;
}

/**
 * A float's shortest round-trip text, with `.0` on whole numbers (`1.0`, not `1`) so the column
 * reads back as float; `NaN`, `Infinity`, `-Infinity` as JavaScript spells them.
 */
export function formatFloat(v: number): string {
  const s = String(v);
  if (Number.isInteger(v) && s.indexOf('e') < 0) return Object.is(v, -0) ? '-0.0' : `${s}.0`;
  return s;
}

/**
 * Epoch milliseconds as `YYYY-MM-DDTHH:MM:SS`, with `.sss` when not a whole second, in UTC and
 * without a zone suffix (the readers take a zoneless timestamp as UTC). Not-finite numbers give ''.
 */
export function formatTimestamp(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const iso = new Date(ms).toISOString(); // …T03:04:05.678Z; the year may be ±YYYYYY
  return ms % 1000 === 0 ? iso.slice(0, iso.length - 5) : iso.slice(0, iso.length - 1);
}

/**
 * A value as text for `type`: null is '', timestamps by formatTimestamp, floats by formatFloat,
 * the rest by String. A value whose JavaScript type does not match `type` is written by String.
 */
export function formatValue(v: Value, type: FieldType): string {
  if (v === null) return '';
  if (typeof v === 'number') {
    if (type === 'timestamp') return formatTimestamp(v);
    if (type === 'float') return formatFloat(v);
  }
  return typeof v === 'string' ? v : String(v);
}
