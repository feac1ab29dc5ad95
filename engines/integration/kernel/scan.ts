// Combine's CSV scan kernel, in AssemblyScript compiled to WebAssembly with 128-bit SIMD
// (scripts/build-wasm.js → dist/combine-scan.wasm). This file is AssemblyScript, not TypeScript: it
// is excluded from tsc, eslint and Jest.
//
// Why a hand-written kernel: the columnar executor's JavaScript scan (scanTyped in columnar.ts)
// looks at every byte in a branchy loop, ~5 ns a byte here; reading the files was a third of the
// benchmark's time. This kernel looks at 16 bytes at a time: one compare per class (delimiter, line
// end, bytes the columnar reader refuses) and a bit mask of the field ends, so the per-byte cost is a
// fraction of a nanosecond and the rest is per field. It finds field spans only; typed fields are
// parsed from their spans in JavaScript by the row reader's own span parsers, so values are the same.
//
// The memory is imported (shared, owned by the caller, one per file) and nothing is allocated here:
// every pointer is the caller's. Positions are stored relative to `buf`.

/** Span slot t of row r: [start, end). */
@inline function putSpan(spans: usize, stride: usize, t: i32, r: i32, start: i32, end: i32): void {
  const a = spans + ((<usize>t << 1) * stride) + (<usize>r << 2);
  store<i32>(a, start);
  store<i32>(a + stride, end);
}

/**
 * Scans the rows of the CSV text at buf[pos, len) with delimiter D and nf fields a row.
 * slots: i32[nf], the span slot of each field (−1: not kept); slot t's starts are i32[cap] at
 * spans + 2t·cap·4 and its ends at spans + (2t + 1)·cap·4.
 * Returns the rows read, or −1 at a blank line, a row with another field count, or a byte the
 * columnar reader leaves to the row reader (a quote, a control byte other than the delimiter and
 * LF, or a byte over 126), or −2 when more than cap rows were found.
 */
export function scan(buf: usize, len: i32, pos: i32, D: i32, nf: i32, slots: usize, spans: usize, cap: i32): i32 {
  const vD = i8x16.splat(<i8>D);
  const vL = i8x16.splat(10);
  const v32 = i8x16.splat(32);
  const v126 = i8x16.splat(126);
  const vQ = i8x16.splat(34);
  const last = nf - 1;
  const stride = <usize>cap << 2;
  let r: i32 = 0;
  let f: i32 = 0;
  let fs: i32 = pos;
  let p: i32 = pos;
  while (p + 16 <= len) {
    const v = v128.load(buf + <usize>p);
    const sep = v128.or(i8x16.eq(v, vD), i8x16.eq(v, vL));
    const odd = v128.andnot(v128.or(v128.or(i8x16.lt_u(v, v32), i8x16.gt_u(v, v126)), i8x16.eq(v, vQ)), sep);
    if (v128.any_true(odd)) return -1;
    let bits = i8x16.bitmask(sep);
    while (bits != 0) {
      const at = p + ctz(bits);
      bits &= bits - 1;
      const t = load<i32>(slots + (<usize>f << 2));
      if (load<u8>(buf + <usize>at) == 10) {
        if (f != last) return -1;
        if (at == fs && f == 0) return -1;
        if (r >= cap) return -2;
        if (t >= 0) putSpan(spans, stride, t, r, fs, at);
        r++;
        f = 0;
      } else {
        if (f >= last) return -1;
        if (t >= 0) putSpan(spans, stride, t, r, fs, at);
        f++;
      }
      fs = at + 1;
    }
    p += 16;
  }
  // the last bytes, one at a time; then a last row without a line end
  for (; p <= len; p++) {
    const end = p == len;
    if (end && fs == len && f == 0) break;
    const c: i32 = end ? 10 : <i32>load<u8>(buf + <usize>p);
    if (c != D && c != 10) {
      if (c < 32 || c > 126 || c == 34) return -1;
      continue;
    }
    const t = load<i32>(slots + (<usize>f << 2));
    if (c == 10) {
      if (f != last) return -1;
      if (p == fs && f == 0) return -1;
      if (r >= cap) return -2;
    } else if (f >= last) return -1;
    if (t >= 0) putSpan(spans, stride, t, r, fs, p);
    if (c == 10) {
      r++;
      f = 0;
    } else f++;
    fs = p + 1;
  }
  return r;
}

@inline function digit2(p: usize): i32 {
  const a = <i32>load<u8>(p) - 48;
  const b = <i32>load<u8>(p + 1) - 48;
  return <u32>a <= 9 && <u32>b <= 9 ? a * 10 + b : -1;
}

/**
 * Timestamps from spans (i32[rows] starts and ends, relative to buf), for the two commonest forms
 * only: YYYY-MM-DD and YYYY-MM-DD[T|t| ]HH:MM:SS, no zone (UTC), as parseTimestampSpan (infer.ts)
 * reads them: epoch milliseconds into f64[rows] at out; nul[r] = 1 for an empty span. A span of
 * another form, or an impossible date or time, is left as NaN for the caller to parse. Returns how
 * many were left.
 */
export function timestamps(buf: usize, starts: usize, ends: usize, rows: i32, out: usize, nul: usize): i32 {
  let left: i32 = 0;
  for (let r: i32 = 0; r < rows; r++) {
    const a = load<i32>(starts + (<usize>r << 2));
    const n = load<i32>(ends + (<usize>r << 2)) - a;
    const o = out + (<usize>r << 3);
    if (n == 0) {
      store<u8>(nul + <usize>r, 1);
      continue;
    }
    const p = buf + <usize>a;
    let ok = (n == 10 || n == 19) && load<u8>(p + 4) == 45 && load<u8>(p + 7) == 45;
    const y1 = digit2(p);
    const y2 = digit2(p + 2);
    const mo = digit2(p + 5);
    const d = digit2(p + 8);
    ok = ok && y1 >= 0 && y2 >= 0 && mo >= 1 && mo <= 12 && d >= 1;
    const y = y1 * 100 + y2;
    const dim = mo == 2 ? ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28) : mo == 4 || mo == 6 || mo == 9 || mo == 11 ? 30 : 31;
    ok = ok && d <= dim;
    let secs: i32 = 0;
    if (ok && n == 19) {
      const sep = load<u8>(p + 10);
      const h = digit2(p + 11);
      const mi = digit2(p + 14);
      const s = digit2(p + 17);
      ok = (sep == 84 || sep == 116 || sep == 32) && load<u8>(p + 13) == 58 && load<u8>(p + 16) == 58 && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 59;
      secs = (h * 60 + mi) * 60 + s;
    }
    if (!ok) {
      store<f64>(o, NaN);
      left++;
      continue;
    }
    // days_from_civil (H. Hinnant), as infer.ts
    const yy = mo <= 2 ? y - 1 : y;
    const era = (yy >= 0 ? yy : yy - 399) / 400;
    const yoe = yy - era * 400;
    const doy = (153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5 + d - 1;
    const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const days = era * 146097 + doe - 719468;
    store<f64>(o, <f64>days * 86400000.0 + <f64>secs * 1000.0);
  }
  return left;
}

// Key hashing as columnar.ts's hashCell does it for one text field (FNV-1a over the bytes from
// SEED; a null, an empty span, is its own key), so that the JavaScript side can use these hashes.
const SEED: i32 = 0x811c9dc5;
const NULL_HASH: i32 = 0x2545f491;
const PRIME: i32 = 0x01000193;

/**
 * Groups rows by the bytes of one text field (i32[rows] span starts and ends, relative to buf),
 * in order of first appearance: group[r] is row r's group, first[g] the first row of group g and
 * ghash[g] its key's hash. head: i32[mask + 1] slots, all −1 on entry (mask + 1 a power of two
 * above the rows). Returns the number of groups.
 */
export function groupText(buf: usize, starts: usize, ends: usize, rows: i32, head: usize, mask: i32, group: usize, first: usize, ghash: usize): i32 {
  let ng: i32 = 0;
  for (let r: i32 = 0; r < rows; r++) {
    const a = load<i32>(starts + (<usize>r << 2));
    const n = load<i32>(ends + (<usize>r << 2)) - a;
    let h = SEED;
    if (n == 0) h = (h ^ NULL_HASH) * PRIME;
    else for (let i: i32 = 0; i < n; i++) h = (h ^ <i32>load<u8>(buf + <usize>(a + i))) * PRIME;
    let slot = h & mask;
    for (;;) {
      const g = load<i32>(head + (<usize>slot << 2));
      if (g < 0) {
        store<i32>(head + (<usize>slot << 2), ng);
        store<i32>(first + (<usize>ng << 2), r);
        store<i32>(ghash + (<usize>ng << 2), h);
        store<i32>(group + (<usize>r << 2), ng);
        ng++;
        break;
      }
      if (load<i32>(ghash + (<usize>g << 2)) == h) {
        const f = load<i32>(first + (<usize>g << 2));
        const b = load<i32>(starts + (<usize>f << 2));
        if (load<i32>(ends + (<usize>f << 2)) - b == n && (n == 0 || memory.compare(buf + <usize>a, buf + <usize>b, <usize>n) == 0)) {
          store<i32>(group + (<usize>r << 2), g);
          break;
        }
      }
      slot = (slot + 1) & mask;
    }
  }
  return ng;
}

/** Line ends (LF bytes) in buf[0, len): a bound on the rows, for sizing the span arrays. */
export function countLines(buf: usize, len: i32): i32 {
  const vL = i8x16.splat(10);
  let n: i32 = 0;
  let p: i32 = 0;
  while (p + 16 <= len) {
    n += <i32>popcnt(i8x16.bitmask(i8x16.eq(v128.load(buf + <usize>p), vL)));
    p += 16;
  }
  for (; p < len; p++) if (load<u8>(buf + <usize>p) == 10) n++;
  return n;
}

// ---- CSV output (columnar.ts's RowFormatter, byte for byte) -----------------------------------
//
// cells: per output field k and participant p (k·np + p), 8 i32: how, start, end, bytes, num, nul,
// digits, unused — how the values of field k taken from participant p are written and where they
// are. from[k] (i8[rows]): −2 the field's default, −1 nothing, p the participant; recs[p]
// (i32[rows]): participant p's row of each record. defaults: per field, offset and length of its
// default's CSV text (length −1: none). A cell this kernel does not format (a number of another
// kind, or one outside the fast paths) is left to the caller: see format's result.

const HOW_TEXT = 0;
const HOW_TEXT_QUOTED = 1;
const HOW_BOOL = 2;
const HOW_INT = 3;
const HOW_TIMESTAMP = 4;
const HOW_FIXED = 5;
const HOW_JS = 6;

@inline function putDigits(out: usize, pos: i32, v: u64, minDigits: i32): i32 {
  let n: i32 = 1;
  for (let x = v; x >= 10; x /= 10) n++;
  if (n < minDigits) n = minDigits;
  let q = v;
  for (let d = n - 1; d >= 0; d--) {
    store<u8>(out + <usize>(pos + d), <u8>(48 + <i32>(q % 10)));
    q /= 10;
  }
  return pos + n;
}

@inline function put2(out: usize, pos: i32, v: i32): void {
  store<u8>(out + <usize>pos, <u8>(48 + v / 10));
  store<u8>(out + <usize>(pos + 1), <u8>(48 + v % 10));
}

/** YYYY-MM-DDTHH:MM:SS of whole-second epoch ms in years 0–9999 at out + pos; −1 for other values. */
function putTimestamp(out: usize, pos: i32, ms: f64): i32 {
  if (!(ms % 1000 == 0 && ms >= -62167219200000 && ms < 253402300800000)) return -1;
  const day = <i32>Math.floor(ms / 86400000);
  const sec = <i32>((ms - <f64>day * 86400000) / 1000);
  // civil_from_days (H. Hinnant)
  const z = day + 719468;
  const era = (z >= 0 ? z : z - 146096) / 146097;
  const doe = z - era * 146097;
  const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const mp = (5 * doy + 2) / 153;
  const d = doy - (153 * mp + 2) / 5 + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  put2(out, pos, y / 100);
  put2(out, pos + 2, y % 100);
  store<u8>(out + <usize>(pos + 4), 45);
  put2(out, pos + 5, m);
  store<u8>(out + <usize>(pos + 7), 45);
  put2(out, pos + 8, d);
  store<u8>(out + <usize>(pos + 10), 84);
  put2(out, pos + 11, sec / 3600);
  store<u8>(out + <usize>(pos + 13), 58);
  put2(out, pos + 14, (sec / 60) % 60);
  store<u8>(out + <usize>(pos + 16), 58);
  put2(out, pos + 17, sec % 60);
  return pos + 19;
}

/**
 * v.toFixed(digits) at out + pos for v ≥ 0 whose digits-scaled value is below 2^52 and not within
 * rounding error of a tie (JavaScript rounds the exact value half up; those and the rest are the
 * caller's); −1 otherwise.
 */
function putFixed(out: usize, pos: i32, v: f64, digits: i32): i32 {
  if (!(v >= 0) || digits > 9) return -1;
  let p: f64 = 1;
  for (let i = 0; i < digits; i++) p *= 10;
  const x = v * p;
  if (!(x < 4503599627370496)) return -1;
  const fl = Math.floor(x);
  const frac = x - fl;
  if (Math.abs(frac - 0.5) <= x * 2.3e-16 + 1e-15) return -1;
  const n = <u64>fl + (frac > 0.5 ? 1 : 0);
  if (digits == 0) return putDigits(out, pos, n, 1);
  // the digits of n with at least digits + 1 of them, a point before the last `digits`
  const end = putDigits(out, pos, n, digits + 1);
  for (let i = end - 1; i >= end - digits; i--) store<u8>(out + <usize>(i + 1), load<u8>(out + <usize>i));
  store<u8>(out + <usize>(end - digits), 46);
  return end + 1;
}

/** Where format stopped: the record, the field and the bytes held. */
@inline function saveState(state: usize, i: i32, k: i32, pos: i32): void {
  store<i32>(state, i);
  store<i32>(state + 4, k);
  store<i32>(state + 8, pos);
}

/**
 * Formats records i… (in orderIdx's order when orderIdx ≠ 0) from field k0 of the first one, into
 * out + pos while fewer than cap bytes are held, until record end. state (i32[3]) receives the
 * record and field to go on from and the bytes held; returns 0 when done, 1 when out is full (go on
 * from state's record and field after taking the bytes), 2 when the cell at state's record and field
 * is the caller's to write (its comma written; go on from the next field).
 */
export function format(
  fromPtrs: usize, recPtrs: usize, cells: usize, defaults: usize, nk: i32, np: i32, orderIdx: usize,
  i: i32, end: i32, k0: i32, out: usize, pos: i32, cap: i32, state: usize,
): i32 {
  let k = k0;
  while (i < end) {
    const rec = orderIdx != 0 ? load<i32>(orderIdx + (<usize>i << 2)) : i;
    for (; k < nk; k++) {
      if (pos + 64 > cap) {
        saveState(state, i, k, pos);
        return 1;
      }
      const p = <i32>load<i8>(load<i32>(fromPtrs + (<usize>k << 2)) + <usize>rec);
      const comma = k > 0;
      if (p < 0) {
        if (p == -2) {
          const dlen = load<i32>(defaults + (<usize>k << 3) + 4);
          if (dlen >= 0) {
            if (pos + dlen + 2 > cap) {
              saveState(state, i, k, pos);
              return 1;
            }
            if (comma) { store<u8>(out + <usize>pos, 44); pos++; }
            memory.copy(out + <usize>pos, <usize>load<i32>(defaults + (<usize>k << 3)), <usize>dlen);
            pos += dlen;
            continue;
          }
        }
        if (comma) { store<u8>(out + <usize>pos, 44); pos++; }
        continue;
      }
      const cell = cells + (<usize>(k * np + p) << 5);
      const how = load<i32>(cell);
      const r = load<i32>(load<i32>(recPtrs + (<usize>p << 2)) + (<usize>rec << 2));
      if (how <= HOW_TEXT_QUOTED) {
        const bytes = <usize>load<i32>(cell + 12);
        const s = load<i32>(load<i32>(cell + 4) + (<usize>r << 2));
        const n = load<i32>(load<i32>(cell + 8) + (<usize>r << 2)) - s;
        if (pos + n + 4 > cap) {
          saveState(state, i, k, pos);
          return 1;
        }
        if (comma) { store<u8>(out + <usize>pos, 44); pos++; }
        let quote = false;
        if (how == HOW_TEXT_QUOTED) for (let x = 0; x < n; x++) if (load<u8>(bytes + <usize>(s + x)) == 44) quote = true;
        if (quote) { store<u8>(out + <usize>pos, 34); pos++; }
        memory.copy(out + <usize>pos, bytes + <usize>s, <usize>n);
        pos += n;
        if (quote) { store<u8>(out + <usize>pos, 34); pos++; }
        continue;
      }
      if (comma) { store<u8>(out + <usize>pos, 44); pos++; }
      const v = load<f64>(load<i32>(cell + 16) + (<usize>r << 3));
      let at: i32 = -1;
      if (how == HOW_BOOL) {
        if (v == 1) {
          store<u32>(out + <usize>pos, 0x65757274); // true
          at = pos + 4;
        } else {
          store<u32>(out + <usize>pos, 0x736c6166); // fals
          store<u8>(out + <usize>(pos + 4), 101);
          at = pos + 5;
        }
      } else if (how == HOW_INT) {
        if (v >= 0 && v < 1e15 && v == Math.floor(v)) at = putDigits(out, pos, <u64>v, 1);
      } else if (how == HOW_TIMESTAMP) at = putTimestamp(out, pos, v);
      else if (how == HOW_FIXED) at = putFixed(out, pos, v, load<i32>(cell + 24));
      if (at < 0) {
        saveState(state, i, k, pos);
        return 2;
      }
      pos = at;
    }
    { store<u8>(out + <usize>pos, 10); pos++; }
    k = 0;
    i++;
  }
  saveState(state, i, 0, pos);
  return 0;
}

// ---- Resolving a field two participants have (columnar.ts's resolveTwo, choice for choice) -----
//
// A column is described by i32[6] at `c`: kind (0 text, 1 number, 2 boolean), span starts, span
// ends, bytes (text), values, null flags (numbers and booleans).

@inline function isNullAt(c: usize, r: i32): bool {
  if (load<i32>(c) == 0) return load<i32>(<usize>load<i32>(c + 4) + (<usize>r << 2)) == load<i32>(<usize>load<i32>(c + 8) + (<usize>r << 2));
  return load<u8>(<usize>load<i32>(c + 20) + <usize>r) == 1;
}

@inline function numAt(c: usize, r: i32): f64 {
  return load<f64>(<usize>load<i32>(c + 16) + (<usize>r << 3));
}

/** compareText of columnar.ts: bytes, then lengths. */
function compareSpans(a: usize, ra: i32, b: usize, rb: i32): i32 {
  const as = load<i32>(<usize>load<i32>(a + 4) + (<usize>ra << 2));
  const al = load<i32>(<usize>load<i32>(a + 8) + (<usize>ra << 2)) - as;
  const bs = load<i32>(<usize>load<i32>(b + 4) + (<usize>rb << 2));
  const bl = load<i32>(<usize>load<i32>(b + 8) + (<usize>rb << 2)) - bs;
  const pa = <usize>load<i32>(a + 12) + <usize>as;
  const pb = <usize>load<i32>(b + 12) + <usize>bs;
  const n = al < bl ? al : bl;
  for (let i = 0; i < n; i++) {
    const d = <i32>load<u8>(pa + <usize>i) - <i32>load<u8>(pb + <usize>i);
    if (d != 0) return d;
  }
  return al - bl;
}

const S_FIXED = 0;
const S_MOST_RECENT = 1;
const S_LONGEST = 2;
const S_MIN = 3;
const S_MAX = 4;

/**
 * f[rec] for records [start, end): p0 or p1 where only one has a value, dflt where neither, else the
 * rule's pick (S_FIXED: p1 when fixed is 1; S_MOST_RECENT by the timestamp columns s0 / s1, 0 when
 * a participant has none). out (i32[2]) receives the conflicts (both present, values differing) and
 * the first record with one (−1: none).
 */
export function resolveTwo(
  f: usize, rows0: usize, rows1: usize, p0: i32, p1: i32, c0: usize, c1: usize, s0: usize, s1: usize,
  strategy: i32, fixed: i32, dflt: i32, start: i32, end: i32, out: usize,
): void {
  const k0 = load<i32>(c0);
  const k1 = load<i32>(c1);
  const text = k0 == 0;
  // differ(): other kinds always differ; text by bytes; numbers by !== (NaN differs from itself)
  const kindsDiffer = (k0 == 0) != (k1 == 0) || (k0 == 2) != (k1 == 2);
  let count: i32 = 0;
  let first: i32 = -1;
  for (let rec = start; rec < end; rec++) {
    const r0 = load<i32>(rows0 + (<usize>rec << 2));
    const r1 = load<i32>(rows1 + (<usize>rec << 2));
    const a = r0 >= 0 && !isNullAt(c0, r0);
    const b = r1 >= 0 && !isNullAt(c1, r1);
    if (!a || !b) {
      store<i8>(f + <usize>rec, <i8>(a ? p0 : b ? p1 : dflt));
      continue;
    }
    const differs = kindsDiffer || (text ? compareSpans(c0, r0, c1, r1) != 0 : numAt(c0, r0) != numAt(c1, r1));
    if (differs) {
      if (count == 0) first = rec;
      count++;
    }
    let pick1: bool;
    if (strategy == S_FIXED) pick1 = fixed == 1;
    else if (strategy == S_MOST_RECENT) {
      let t0 = s0 != 0 && !isNullAt(s0, r0) ? numAt(s0, r0) : -Infinity;
      if (t0 != t0) t0 = -Infinity;
      const t1 = s1 != 0 && !isNullAt(s1, r1) ? numAt(s1, r1) : -Infinity;
      pick1 = t1 > t0;
    } else if (strategy == S_LONGEST) {
      const l1 = load<i32>(<usize>load<i32>(c1 + 8) + (<usize>r1 << 2)) - load<i32>(<usize>load<i32>(c1 + 4) + (<usize>r1 << 2));
      const l0 = load<i32>(<usize>load<i32>(c0 + 8) + (<usize>r0 << 2)) - load<i32>(<usize>load<i32>(c0 + 4) + (<usize>r0 << 2));
      pick1 = l1 > l0;
    } else {
      let d: i32;
      if (text) d = compareSpans(c1, r1, c0, r0);
      else {
        const x1 = numAt(c1, r1);
        const x0 = numAt(c0, r0);
        d = x1 < x0 ? -1 : x1 > x0 ? 1 : 0;
      }
      pick1 = strategy == S_MIN ? d < 0 : d > 0;
    }
    store<i8>(f + <usize>rec, <i8>(pick1 ? p1 : p0));
  }
  store<i32>(out, count);
  store<i32>(out + 4, first);
}

/** resolveOne of columnar.ts: f[rec] = p where participant p has a value, else dflt. */
export function resolveOne(f: usize, rows: usize, c: usize, p: i32, dflt: i32, start: i32, end: i32): void {
  for (let rec = start; rec < end; rec++) {
    const r = load<i32>(rows + (<usize>rec << 2));
    store<i8>(f + <usize>rec, <i8>(r >= 0 && !isNullAt(c, r) ? p : dflt));
  }
}

// ---- Small passes over every record (columnar.ts's loops, where the arrays are in the arena) ----

/** How many of i32[n] at a are ≥ 0 (matched records of a join). */
export function countMatched(a: usize, n: i32): i32 {
  let m: i32 = 0;
  for (let i = 0; i < n; i++) if (load<i32>(a + (<usize>i << 2)) >= 0) m++;
  return m;
}

/**
 * Matched rows per participant: a row is matched when a record holding it holds another
 * participant too. recPtrs: i32[np] pointers to each participant's i32[nrec] rows; marks: i32[np]
 * pointers to zeroed u8 arrays, one a row; counts: i32[np] out.
 */
export function matchedRows(recPtrs: usize, np: i32, nrec: i32, marks: usize, counts: usize): void {
  for (let p = 0; p < np; p++) store<i32>(counts + (<usize>p << 2), 0);
  for (let rec = 0; rec < nrec; rec++) {
    let present: i32 = 0;
    for (let p = 0; p < np; p++) if (load<i32>(<usize>load<i32>(recPtrs + (<usize>p << 2)) + (<usize>rec << 2)) >= 0) present++;
    if (present < 2) continue;
    for (let p = 0; p < np; p++) {
      const r = load<i32>(<usize>load<i32>(recPtrs + (<usize>p << 2)) + (<usize>rec << 2));
      if (r < 0) continue;
      const m = <usize>load<i32>(marks + (<usize>p << 2)) + <usize>r;
      if (load<u8>(m) == 0) {
        store<u8>(m, 1);
        store<i32>(counts + (<usize>p << 2), load<i32>(counts + (<usize>p << 2)) + 1);
      }
    }
  }
}

/**
 * The first record from 1 on whose text (column c, rows at `rows`) sorts before the previous
 * record's, or whose field or the previous one's comes from no participant (from[rec] < 0); n when
 * there is none (the records are in order as far as this can tell).
 */
export function firstUnsorted(c: usize, rows: usize, from: usize, n: i32): i32 {
  for (let rec = 1; rec < n; rec++) {
    if (load<i8>(from + <usize>(rec - 1)) < 0 || load<i8>(from + <usize>rec) < 0) return rec;
    if (compareSpans(c, load<i32>(rows + (<usize>(rec - 1) << 2)), c, load<i32>(rows + (<usize>rec << 2))) > 0) return rec;
  }
  return n;
}

// ---- Keys: join indexes, probes and aggregation on one text key (columnar.ts's KeyIndex) --------

@inline function hashSpan(c: usize, r: i32): i32 {
  const s = load<i32>(<usize>load<i32>(c + 4) + (<usize>r << 2));
  const e = load<i32>(<usize>load<i32>(c + 8) + (<usize>r << 2));
  const b = <usize>load<i32>(c + 12);
  let h = SEED;
  for (let i = s; i < e; i++) h = (h ^ <i32>load<u8>(b + <usize>i)) * PRIME;
  return h;
}

@inline function sameSpan(a: usize, ra: i32, b: usize, rb: i32): bool {
  const as = load<i32>(<usize>load<i32>(a + 4) + (<usize>ra << 2));
  const n = load<i32>(<usize>load<i32>(a + 8) + (<usize>ra << 2)) - as;
  const bs = load<i32>(<usize>load<i32>(b + 4) + (<usize>rb << 2));
  if (load<i32>(<usize>load<i32>(b + 8) + (<usize>rb << 2)) - bs != n) return false;
  return n == 0 || memory.compare(<usize>load<i32>(a + 12) + <usize>as, <usize>load<i32>(b + 12) + <usize>bs, <usize>n) == 0;
}

/**
 * A join index on one text column (KeyIndex.add for every row with a value, in order): head
 * i32[mask + 1] all −1, next i32[rows] all −1, tail and hashes i32[rows]. Returns 1 when a key
 * occurs twice.
 */
export function indexText(c: usize, rows: i32, head: usize, mask: i32, next: usize, tail: usize, hashes: usize): i32 {
  let dup: i32 = 0;
  for (let r: i32 = 0; r < rows; r++) {
    if (isNullAt(c, r)) continue;
    const h = hashSpan(c, r);
    store<i32>(hashes + (<usize>r << 2), h);
    let slot = h & mask;
    for (;;) {
      const row = load<i32>(head + (<usize>slot << 2));
      if (row < 0) {
        store<i32>(head + (<usize>slot << 2), r);
        store<i32>(tail + (<usize>r << 2), r);
        break;
      }
      if (load<i32>(hashes + (<usize>row << 2)) == h && sameSpan(c, row, c, r)) {
        store<i32>(next + (<usize>load<i32>(tail + (<usize>row << 2)) << 2), r);
        store<i32>(tail + (<usize>row << 2), r);
        dup = 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return dup;
}

/** heads[r] for rows [start, end) of text column pc: the first row of column ic's index (head, mask, hashes) with the same key, −1 for none or a null. */
export function probeText(pc: usize, ic: usize, head: usize, mask: i32, hashes: usize, heads: usize, start: i32, end: i32): void {
  for (let r = start; r < end; r++) {
    let found: i32 = -1;
    if (!isNullAt(pc, r)) {
      const h = hashSpan(pc, r);
      let slot = h & mask;
      for (;;) {
        const row = load<i32>(head + (<usize>slot << 2));
        if (row < 0) break;
        if (load<i32>(hashes + (<usize>row << 2)) == h && sameSpan(pc, r, ic, row)) {
          found = row;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    store<i32>(heads + (<usize>r << 2), found);
  }
}

/**
 * One aggregate of aggregateTable over rows [0, n) in groups (i32[n]): op 0 count (of rows with a
 * value in src, or of rows when src is 0), 1 sum, 2 mean, into num f64[ng] (zeroed) and nul u8[ng]
 * (1 for a group without values, sums and means only); cnt f64[ng] zeroed scratch for means.
 */
export function aggregateNum(group: usize, n: i32, src: usize, op: i32, num: usize, nul: usize, cnt: usize, ng: i32): void {
  if (op != 0) for (let g = 0; g < ng; g++) store<u8>(nul + <usize>g, 1);
  for (let r = 0; r < n; r++) {
    if (src != 0 && isNullAt(src, r)) continue;
    const g = <usize>load<i32>(group + (<usize>r << 2));
    if (op == 0) store<f64>(num + (g << 3), load<f64>(num + (g << 3)) + 1);
    else {
      store<f64>(num + (g << 3), load<f64>(num + (g << 3)) + numAt(src, r));
      store<u8>(nul + g, 0);
      if (op == 2) store<f64>(cnt + (g << 3), load<f64>(cnt + (g << 3)) + 1);
    }
  }
  if (op == 2) for (let g = 0; g < ng; g++) {
    const k = load<f64>(cnt + (<usize>g << 3));
    if (k > 0) store<f64>(num + (<usize>g << 3), load<f64>(num + (<usize>g << 3)) / k);
  }
}

/** The first row of column c without a value, or n. */
export function firstNull(c: usize, n: i32): i32 {
  for (let r = 0; r < n; r++) if (isNullAt(c, r)) return r;
  return n;
}
