// Document similarity for collections: Jaccard over word shingles, cosine over TF-IDF, and a
// MinHash + LSH index that finds the most similar (near-duplicate) documents of a collection
// without comparing all pairs. Integer arithmetic only in hashing, so signatures are identical on
// every platform and process.

import { InvalidInputError } from '../errors.ts';

// ---------------------------------------------------------------------------------------------
// Glossary
//   word         a maximal run of letters, digits and combining marks, lower-cased (`shingleWords`).
//   shingle      k consecutive words joined by U+001F; a document is the *set* of its shingles.
//   signature    MinHash of a shingle set: numPerm uint32 values, value i = the minimum of
//                permutation i over the set's hashed shingles. P(sig_a[i] = sig_b[i]) = J(a, b).
//   band         `rows` consecutive signature values; two documents are LSH candidates when all
//                rows of at least one of the `bands` bands are equal.
// ---------------------------------------------------------------------------------------------

/**
 * Joins the words of a shingle. A control character no tokenizer keeps, so shingles of words that
 * contain spaces cannot collide ("a b"+"c" vs "a"+"b c").
 */
const SHINGLE_SEPARATOR = '\u001f';

/** Letters, digits and combining marks (marks keep Devanagari vowel signs or a decomposed "ı̇" inside their word). */
const NON_WORD = /[^\p{L}\p{N}\p{M}]+/u;

/**
 * Splits a text into the lower-cased words used for shingling: runs of Unicode letters, digits
 * and combining marks; everything else separates words ("don't" → ["don", "t"]). NFC first, so
 * precomposed and decomposed accents give the same words. Deliberately simpler than the engine's
 * tokenizer: near-duplicate detection needs a stable split, not linguistic tokens.
 */
export function shingleWords(text: string): string[] {
  const words = text.normalize('NFC').toLowerCase().split(NON_WORD);
  // split yields "" at either end when the text starts or ends with a separator.
  return words.filter((w) => w.length > 0);
}

/**
 * The set of word k-shingles (k consecutive words, joined by U+001F). A document shorter than k
 * words (but not empty) is one shingle of all its words, so short texts still compare; no words
 * gives the empty set.
 */
export function shingles(words: readonly string[], k = 3): Set<string> {
  assertInteger('shingles', 'k', k, 1);
  const out = new Set<string>();
  if (words.length === 0) return out;
  if (words.length <= k) {
    out.add(words.join(SHINGLE_SEPARATOR));
    return out;
  }
  for (let i = 0; i + k <= words.length; i++) out.add(words.slice(i, i + k).join(SHINGLE_SEPARATOR));
  return out;
}

/**
 * Jaccard similarity |a ∩ b| / |a ∪ b| in [0, 1]. Two empty sets are identical and give 1, which
 * is also what `estimateJaccard` returns for their (equal, all-0xffffffff) signatures.
 */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Jaccard similarity of the word k-shingles of two texts. */
export function textJaccard(a: string, b: string, k = 3): number {
  return jaccard(shingles(shingleWords(a), k), shingles(shingleWords(b), k));
}

// ---------------------------------------------------------------------------------------------
// Cosine over TF-IDF
// ---------------------------------------------------------------------------------------------

/**
 * TF-IDF vectors of a collection of tokenised documents, fitted on that collection: raw term
 * counts times the smoothed idf `ln((1 + n) / (1 + df)) + 1` (scikit-learn's default, so a term
 * in every document still counts), each vector L2-normalised. An empty document is an empty map.
 */
export function tfidfVectors(docs: readonly (readonly string[])[]): Map<string, number>[] {
  const counts = docs.map((doc) => {
    const tf = new Map<string, number>();
    for (const term of doc) tf.set(term, (tf.get(term) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counts) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length;
  return counts.map((tf) => {
    let norm = 0;
    for (const [term, count] of tf) {
      const weight = count * (Math.log((1 + n) / (1 + df.get(term)!)) + 1);
      tf.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    for (const [term, weight] of tf) tf.set(term, weight / norm);
    return tf;
  });
}

/**
 * Cosine similarity of two sparse vectors (normalised or not). A zero vector has no direction:
 * the result is 0, as in scikit-learn, even for two empty documents (unlike `jaccard`).
 */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [term, x] of small) {
    const y = large.get(term);
    if (y !== undefined) dot += x * y;
  }
  if (dot === 0) return 0;
  return dot / Math.sqrt(squaredNorm(a) * squaredNorm(b));
}

function squaredNorm(v: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return s;
}

/**
 * Pairwise TF-IDF cosine matrix of a few texts (words from `shingleWords`, idf fitted on these
 * texts). O(n²) pairs: for small sets; use a `LshIndex` to search a collection.
 */
export function textCosine(texts: readonly string[]): number[][] {
  const vectors = tfidfVectors(texts.map(shingleWords));
  const n = vectors.length;
  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      // Rounding can push a vector's cosine with itself a hair above 1.
      const c = Math.min(1, cosine(vectors[i]!, vectors[j]!));
      matrix[i]![j] = c;
      matrix[j]![i] = c;
    }
  }
  return matrix;
}

// ---------------------------------------------------------------------------------------------
// Hashing: MurmurHash3 (x86, 32-bit) and a 32-bit permutation
// ---------------------------------------------------------------------------------------------

// A module binding, not `Math.imul` at each call: inside a vm context (Jest runs every test file in
// one) each lookup of a global such as `Math` goes through an interceptor and the hashing loops
// ran ~100× slower (nodejs/node#31658, jestjs/jest#5163).
const imul = Math.imul;

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function mixBlock(h: number, k: number): number {
  k = imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (imul(h, 5) + 0xe6546b64) | 0;
}

function murmur3Bytes(bytes: Uint8Array, len: number, seed: number): number {
  let h = seed | 0;
  const blocks = len & ~3;
  let i = 0;
  for (; i < blocks; i += 4) {
    h = mixBlock(h, bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
  }
  const tail = len & 3;
  if (tail > 0) {
    let k = bytes[i]!;
    if (tail > 1) k |= bytes[i + 1]! << 8;
    if (tail > 2) k |= bytes[i + 2]! << 16;
    k = imul(k, C1);
    k = (k << 15) | (k >>> 17);
    h ^= imul(k, C2);
  }
  return fmix32(h ^ len);
}

/** MurmurHash3 of `words[start, end)` read as little-endian bytes (= murmur3_32 of those bytes). */
function murmur3Words(words: ArrayLike<number>, start: number, end: number, seed: number): number {
  let h = seed | 0;
  for (let i = start; i < end; i++) h = mixBlock(h, words[i]!);
  return fmix32(h ^ ((end - start) * 4));
}

const encoder = new TextEncoder();

/**
 * MurmurHash3 x86 32-bit of the UTF-8 bytes of `text` (lone surrogates become U+FFFD), unsigned.
 * The standard function, so the shingle hashes can be reproduced elsewhere (Python `mmh3`, Go,
 * SQL extensions) and checked against published test vectors.
 */
export function murmurhash3(text: string, seed = 0): number {
  const bytes = encoder.encode(text);
  return murmur3Bytes(bytes, bytes.length, seed);
}

// ---------------------------------------------------------------------------------------------
// MinHash
// ---------------------------------------------------------------------------------------------

export interface MinHasherOptions {
  /** Number of permutations = signature length. Default 128: standard error √(J(1−J)/128) ≤ 0.044. */
  numPerm?: number;
  /** Selects the permutations; signatures are comparable only between equal (numPerm, seed). Default 1. */
  seed?: number;
}

/** The value of every slot of the signature of an empty set (no shingle ever lowered it). */
export const EMPTY_SLOT = 0xffffffff;

/**
 * MinHash signatures of shingle sets.
 *
 * Each shingle is hashed once to 32 bits with MurmurHash3 over its UTF-8 bytes (seed 0). Then
 * permutation i maps that hash x to `lowbias32((x · a_i + b_i) mod 2³²)`, where a_i (odd) and b_i
 * are `murmur3_32` of the little-endian uint32 `2i` and `2i + 1` with the hasher's seed, and
 * lowbias32 is Chris Wellons' 32-bit integer finaliser. Every step is a bijection of the uint32
 * range (odd multiply, add, xor-shift, odd multiply), so each slot is a true permutation of the
 * hashes, computed with `Math.imul` — the textbook `(a·x + b) mod p` with p = 2⁶¹−1 would need
 * BigInt or 64-bit emulation in JavaScript and be ~10× slower. The two-stage hash makes a
 * signature cost one string hash per shingle plus a few integer operations per (shingle, slot).
 *
 * A 32-bit shingle hash means two distinct shingles collide with probability 2⁻³²: harmless for
 * similarity (a handful of collisions in a million-shingle collection).
 */
export class MinHasher {
  readonly numPerm: number;
  readonly seed: number;
  private readonly a: Uint32Array;
  private readonly b: Uint32Array;
  /** Reused UTF-8 buffer for shingle hashing; grows to the longest shingle seen. */
  private scratch = new Uint8Array(256);

  constructor({ numPerm = 128, seed = 1 }: MinHasherOptions = {}) {
    assertInteger('MinHasher', 'numPerm', numPerm, 1);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new InvalidInputError(`MinHasher: seed must be an integer in [0, 2^32), got ${seed}`, { field: 'seed' });
    }
    this.numPerm = numPerm;
    this.seed = seed;
    this.a = new Uint32Array(numPerm);
    this.b = new Uint32Array(numPerm);
    const counter = new Uint32Array(1);
    for (let i = 0; i < numPerm; i++) {
      counter[0] = 2 * i;
      this.a[i] = murmur3Words(counter, 0, 1, seed) | 1;
      counter[0] = 2 * i + 1;
      this.b[i] = murmur3Words(counter, 0, 1, seed);
    }
  }

  /** MinHash signature of a set of shingles (duplicates are harmless). Empty → every slot 0xffffffff. */
  signature(shingleSet: Iterable<string>): Uint32Array {
    const { numPerm, a, b } = this;
    const sig = new Uint32Array(numPerm).fill(EMPTY_SLOT);
    for (const shingle of shingleSet) {
      const x = this.hashShingle(shingle);
      for (let i = 0; i < numPerm; i++) {
        let v = (imul(x, a[i]!) + b[i]!) | 0;
        v ^= v >>> 16;
        v = imul(v, 0x7feb352d);
        v ^= v >>> 15;
        v = imul(v, 0x846ca68b);
        v ^= v >>> 16;
        v >>>= 0;
        if (v < sig[i]!) sig[i] = v;
      }
    }
    return sig;
  }

  /** Signature of a text's word k-shingles. */
  textSignature(text: string, k = 3): Uint32Array {
    return this.signature(shingles(shingleWords(text), k));
  }

  private hashShingle(shingle: string): number {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (this.scratch.length < shingle.length * 3) this.scratch = new Uint8Array(shingle.length * 3);
    const { written } = encoder.encodeInto(shingle, this.scratch);
    return murmur3Bytes(this.scratch, written, 0);
  }
}

/**
 * Estimated Jaccard similarity of the sets behind two signatures: the fraction of equal slots
 * (a multiple of 1/numPerm). Both signatures must come from the same `MinHasher` settings.
 */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) {
    throw new InvalidInputError(`estimateJaccard: signatures differ in length (${a.length} and ${b.length})`);
  }
  if (a.length === 0) return 1;
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}

/** A signature as bytes for storage (e.g. Postgres `bytea`): 4 bytes per slot, little-endian. */
export function encodeSignature(sig: Uint32Array): Buffer {
  const buf = Buffer.alloc(sig.length * 4);
  for (let i = 0; i < sig.length; i++) buf.writeUInt32LE(sig[i]!, i * 4);
  return buf;
}

/** Inverse of `encodeSignature`; accepts any Uint8Array (Prisma returns `Bytes` as Uint8Array). */
export function decodeSignature(bytes: Uint8Array): Uint32Array {
  if (bytes.length % 4 !== 0) {
    throw new InvalidInputError(`decodeSignature: ${bytes.length} bytes is not a whole number of 4-byte slots`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sig = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < sig.length; i++) sig[i] = view.getUint32(i * 4, true);
  return sig;
}

// ---------------------------------------------------------------------------------------------
// LSH (banding)
// ---------------------------------------------------------------------------------------------

/**
 * Probability that two documents with Jaccard similarity `s` share at least one band, i.e. become
 * candidates: 1 − (1 − sʳ)ᵇ. For the default b = 32, r = 4 (threshold ≈ (1/b)^(1/r) ≈ 0.42):
 *
 *   s    0.2    0.3    0.4    0.5    0.6    0.7     0.8          0.9
 *   P    0.050  0.229  0.564  0.873  0.988  0.9998  0.99999995   ≈1
 *
 * so near-duplicates (s ≥ 0.8) are missed with probability ~5·10⁻⁸, "k most similar" queries still
 * see most documents above 0.5, and unrelated documents (s < 0.2) rarely cost a comparison.
 * 16 × 8 would give only P(0.8) = 0.947.
 */
export function lshCandidateProbability(s: number, bands: number, rows: number): number {
  return 1 - (1 - s ** rows) ** bands;
}

/**
 * One key per band, `${band}:${hex of the band's rows, 8 digits each}` — e.g. `3:00c0ffee…` — for
 * an SQL table of (key, document) with an index on key: the candidates of a signature are the
 * documents sharing any of its keys. The key is the band's values themselves, not a hash of them,
 * so it has no false matches and nothing but the signature to keep stable.
 */
export function bandKeys(sig: Uint32Array, bands: number, rows: number): string[] {
  assertInteger('bandKeys', 'bands', bands, 1);
  assertInteger('bandKeys', 'rows', rows, 1);
  assertBanding('bandKeys', bands, rows, sig.length);
  const keys: string[] = [];
  for (let band = 0; band < bands; band++) {
    let hex = '';
    for (let i = band * rows; i < (band + 1) * rows; i++) hex += sig[i]!.toString(16).padStart(8, '0');
    keys.push(`${band}:${hex}`);
  }
  return keys;
}

export interface LshOptions {
  /** Default 32. */
  bands?: number;
  /** Default 4. */
  rows?: number;
  /** When given, checked now: bands × rows must equal it (else the mismatch shows at the first `add`). */
  numPerm?: number;
}

export interface LshQueryOptions {
  /** Drop results whose estimated Jaccard is below this. Default 0. */
  minSimilarity?: number;
  /** Ids never returned, e.g. the query document itself. */
  exclude?: string | readonly string[];
}

export interface LshMatch {
  id: string;
  /** Estimated Jaccard similarity (fraction of equal signature slots). */
  similarity: number;
}

export interface LshStats {
  queries: number;
  /** Candidates whose signature was compared with the query's, summed over queries. */
  candidatesCompared: number;
}

/** Second seed of the in-memory band hash; any constant other than 0 works. */
const BAND_SEED_2 = 0x9747b28c;

/**
 * In-memory MinHash LSH index: finds the k documents most similar to a signature by comparing it
 * only with the documents that share a band with it.
 *
 * Buckets are keyed by a 53-bit hash of the band (two MurmurHash3 values: 32 + 21 bits) rather than
 * the `bandKeys` strings: a number key costs a fraction of the memory, and a false match (p ≈ 2⁻⁵³
 * per pair and band) only adds a candidate that the exact signature comparison then scores.
 */
export class LshIndex {
  readonly bands: number;
  readonly rows: number;
  /** buckets[band]: band hash → ids of the documents with that band. */
  private readonly buckets: Map<number, Set<string>>[];
  private readonly docs = new Map<string, { sig: Uint32Array; keys: number[] }>();
  private counters: LshStats = { queries: 0, candidatesCompared: 0 };

  constructor({ bands = 32, rows = 4, numPerm }: LshOptions = {}) {
    assertInteger('LshIndex', 'bands', bands, 1);
    assertInteger('LshIndex', 'rows', rows, 1);
    if (numPerm !== undefined) assertBanding('LshIndex', bands, rows, numPerm);
    this.bands = bands;
    this.rows = rows;
    this.buckets = Array.from({ length: bands }, () => new Map());
  }

  /** Number of documents in the index. */
  get size(): number {
    return this.docs.size;
  }

  /** Work done by queries so far (for monitoring and tests). */
  get stats(): Readonly<LshStats> {
    return { ...this.counters };
  }

  resetStats(): void {
    this.counters = { queries: 0, candidatesCompared: 0 };
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  /** Adds a document; an id already present is replaced (re-indexing an edited document). */
  add(id: string, sig: Uint32Array): void {
    assertBanding('LshIndex', this.bands, this.rows, sig.length);
    this.remove(id);
    const keys = this.keysOf(sig);
    // Copy: a caller reusing its array must not silently change the indexed signature.
    this.docs.set(id, { sig: sig.slice(), keys });
    for (let band = 0; band < this.bands; band++) {
      const bucket = this.buckets[band]!;
      const key = keys[band]!;
      let ids = bucket.get(key);
      if (!ids) bucket.set(key, (ids = new Set()));
      ids.add(id);
    }
  }

  /** Removes a document; returns whether it was present. */
  remove(id: string): boolean {
    const doc = this.docs.get(id);
    if (!doc) return false;
    this.docs.delete(id);
    for (let band = 0; band < this.bands; band++) {
      const bucket = this.buckets[band]!;
      const key = doc.keys[band]!;
      const ids = bucket.get(key)!;
      ids.delete(id);
      // Empty buckets would otherwise accumulate as documents come and go.
      if (ids.size === 0) bucket.delete(key);
    }
    return true;
  }

  /**
   * The at most `k` (a positive integer, or Infinity for all) indexed documents most similar to
   * `sig` among those sharing a band with it, by estimated Jaccard descending, then id ascending
   * (code-unit order, locale-independent) so equal scores come back in a stable order.
   */
  query(sig: Uint32Array, k: number, { minSimilarity = 0, exclude }: LshQueryOptions = {}): LshMatch[] {
    assertBanding('LshIndex', this.bands, this.rows, sig.length);
    if (k !== Number.POSITIVE_INFINITY) assertInteger('LshIndex.query', 'k', k, 1);
    if (!(minSimilarity >= 0 && minSimilarity <= 1)) {
      throw new InvalidInputError(`LshIndex.query: minSimilarity must be in [0, 1], got ${minSimilarity}`, {
        field: 'minSimilarity',
      });
    }
    const excluded = new Set(typeof exclude === 'string' ? [exclude] : (exclude ?? []));
    const keys = this.keysOf(sig);
    const candidates = new Set<string>();
    for (let band = 0; band < this.bands; band++) {
      const ids = this.buckets[band]!.get(keys[band]!);
      if (ids) for (const id of ids) if (!excluded.has(id)) candidates.add(id);
    }
    this.counters.queries++;
    this.counters.candidatesCompared += candidates.size;
    const matches: LshMatch[] = [];
    for (const id of candidates) {
      const similarity = estimateJaccard(sig, this.docs.get(id)!.sig);
      if (similarity >= minSimilarity) matches.push({ id, similarity });
    }
    matches.sort((x, y) => y.similarity - x.similarity || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    return matches.length > k ? matches.slice(0, k) : matches;
  }

  private keysOf(sig: Uint32Array): number[] {
    const keys: number[] = [];
    for (let band = 0; band < this.bands; band++) {
      const start = band * this.rows;
      const end = start + this.rows;
      const hi = murmur3Words(sig, start, end, 0);
      const lo = murmur3Words(sig, start, end, BAND_SEED_2) >>> 11;
      keys.push(hi * 2 ** 21 + lo);
    }
    return keys;
  }
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

function assertInteger(subject: string, field: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new InvalidInputError(`${subject}: ${field} must be an integer ≥ ${min}, got ${value}`, { field });
  }
}

function assertBanding(subject: string, bands: number, rows: number, numPerm: number): void {
  if (bands * rows !== numPerm) {
    throw new InvalidInputError(
      `${subject}: bands × rows (${bands} × ${rows} = ${bands * rows}) must equal the signature length numPerm (${numPerm})`,
      { bands, rows, numPerm },
    );
  }
}
