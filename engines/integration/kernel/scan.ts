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
        if (t >= 0) {
          const a = spans + ((<usize>t << 1) * stride) + (<usize>r << 2);
          store<i32>(a, fs);
          store<i32>(a + stride, at);
        }
        r++;
        f = 0;
      } else {
        if (f >= last) return -1;
        if (t >= 0) {
          const a = spans + ((<usize>t << 1) * stride) + (<usize>r << 2);
          store<i32>(a, fs);
          store<i32>(a + stride, at);
        }
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
    if (t >= 0) {
      const a = spans + ((<usize>t << 1) * stride) + (<usize>r << 2);
      store<i32>(a, fs);
      store<i32>(a + stride, p);
    }
    if (c == 10) {
      r++;
      f = 0;
    } else f++;
    fs = p + 1;
  }
  return r;
}
