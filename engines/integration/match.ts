// Record matching for Combine: text normalisation, fuzzball-compatible similarity scores,
// blocking keys, and a matcher that indexes a build side and finds the best (or every) match of
// a probe among the records of its block only, never all pairs.

import { InvalidInputError } from '../errors.ts';
import { isAscii, metaphone, soundex, stripAccents } from './phonetic.ts';

// Module-scope aliases: inside a vm context (Jest) every `Math.x` in a hot loop is a slow global lookup.
const { abs, floor, imul, max, min, round } = Math;

// ---------------------------------------------------------------------------------------------
// Glossary and conventions
//   score        0..100, higher is more similar. `levenshteinRatio` and `tokenSetRatio` return
//                integers rounded exactly as fuzzball rounds (`Math.round`, so x.5 goes up);
//                `jaroWinkler` returns an unrounded float (100 × the Jaro–Winkler similarity).
//                An empty string (after processing) scores 0 against anything, itself included,
//                as in fuzzball: an empty name never matches.
//   indel        the edit distance with insertions and deletions only, lenA + lenB − 2·LCS; it is
//                python-Levenshtein's and fuzzball's Levenshtein with substitutions costing 2.
//   process      the standalone score functions first apply fuzzball's default `full_process`
//                (`fullProcess`) unless called with `{ process: false }`. The matcher instead
//                applies its own `normalize` options once per record and scores the results raw.
//   block        a string key; the matcher compares a probe with the build records of the same
//                key only. A null key means "no candidates" (see `MatcherOptions.globalBlock`).
//   ties         the highest score wins, then the lowest id.
// ---------------------------------------------------------------------------------------------

/** Which cleanups `normalize` applies; each defaults to true, pass false to keep that aspect. */
export interface NormalizeOptions {
  /** Lower-case (locale-independent `toLowerCase`). */
  case?: boolean;
  /** Collapse runs of whitespace to one space and trim. */
  whitespace?: boolean;
  /** Strip accents: NFD, drop combining marks, NFC; fold ø ł đ ß æ œ þ ð ħ ı. */
  accents?: boolean;
  /** Every character that is not a letter, digit or whitespace (or mark, with accents kept) becomes a space. */
  punctuation?: boolean;
}

const ASCII_PUNCTUATION = /[^A-Za-z0-9\s]/g;
const PUNCTUATION = /[^\p{L}\p{N}\s]/gu;
const PUNCTUATION_KEEP_MARKS = /[^\p{L}\p{N}\p{M}\s]/gu;
const WHITESPACE_RUN = /\s+/g;

/**
 * Normalises text for matching: lower-case, strip accents, punctuation to spaces, then collapse
 * and trim whitespace ("  Zoë O'Brien-Smith " → "zoe o brien smith"). ASCII input skips the
 * Unicode work (NFD, property classes) entirely.
 */
export function normalize(s: string, options: NormalizeOptions = {}): string {
  const lower = options.case !== false;
  const punctuation = options.punctuation !== false;
  const whitespace = options.whitespace !== false;
  let out = s;
  if (isAscii(s)) {
    if (lower) out = out.toLowerCase();
    if (punctuation) out = out.replace(ASCII_PUNCTUATION, ' ');
  } else {
    const accents = options.accents !== false;
    // Accents go first: "İ" must lose its dot before lower-casing would turn it into "i" + U+0307.
    if (accents) out = stripAccents(out);
    if (lower) out = out.toLowerCase();
    if (punctuation) out = out.replace(accents ? PUNCTUATION : PUNCTUATION_KEEP_MARKS, ' ');
  }
  if (whitespace) out = out.replace(WHITESPACE_RUN, ' ').trim();
  return out;
}

const FUZZBALL_NON_ALNUM = /[^\p{L}\p{N}]/gu;

/**
 * fuzzball's default `full_process` (force_ascii false, collapseWhitespace true): every code point
 * that is not a letter or digit becomes a space, then lower-case, trim, collapse whitespace.
 * Unlike `normalize` it keeps accents, and it turns combining marks into spaces.
 */
export function fullProcess(s: string): string {
  return s.replace(FUZZBALL_NON_ALNUM, ' ').toLowerCase().trim().replace(WHITESPACE_RUN, ' ');
}

/** Options of the standalone score functions. */
export interface ScoreOptions {
  /** Apply `fullProcess` to both strings first, as fuzzball does by default. Default true. */
  process?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Bit-parallel LCS (Hyyrö 2004, as in rapidfuzz). The pattern's match vectors PM[c] have bit i
// set where pattern[i] = c; one text character updates the state S of all pattern positions at
// once: u = S & PM[c]; S = (S + u) | (S − u). LCS = number of zero bits of S in the pattern's
// length. Patterns longer than 32 characters use ⌈m/32⌉ words with the addition's carry
// propagated between them. Characters are UTF-16 code units, as fuzzball compares them.
// ---------------------------------------------------------------------------------------------

/** popcount of a 32-bit integer. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return imul(x, 0x01010101) >>> 24;
}

/** The LCS from the final state words S[0..words) of a pattern of length m. */
function lcsFromState(state: Int32Array, words: number, m: number): number {
  let lcs = 0;
  for (let w = 0; w < words - 1; w++) lcs += popcount(~state[w]!);
  const rest = m - ((words - 1) << 5);
  const mask = rest === 32 ? -1 : (1 << rest) - 1;
  return lcs + popcount(~state[words - 1]! & mask);
}

/** One text character through a multi-word state; `pmBase` + w·stride + local is PM[w][c]. */
function advanceWords(state: Int32Array, words: number, pm: Int32Array, pmBase: number, stride: number, local: number): void {
  let carry = 0;
  for (let w = 0; w < words; w++) {
    const x = state[w]!;
    const u = x & pm[pmBase + w * stride + local]!;
    // x − u has no borrow (u ⊆ x), so it is x & ~u; the addition carries into the next word.
    const sum = (x >>> 0) + (u >>> 0) + carry;
    carry = sum > 0xffffffff ? 1 : 0;
    state[w] = sum | (x & ~u);
  }
}

/**
 * Scratch of the standalone functions: code unit → 1-based index in the current pattern's
 * alphabet (0 = not in the pattern, whose PM row stays all zero). Reset after every call.
 */
const LOCAL = new Int32Array(65536);
let scratchPm = new Int32Array(256);
let scratchState = new Int32Array(8);

/** Length of the longest common subsequence of two strings (UTF-16 code units). */
function lcsLength(a: string, b: string): number {
  if (a.length > b.length) {
    const t = a;
    a = b;
    b = t;
  }
  const m = a.length;
  if (m === 0) return 0;
  const words = (m + 31) >>> 5;
  let sigma = 0;
  for (let i = 0; i < m; i++) {
    const c = a.charCodeAt(i);
    if (LOCAL[c] === 0) LOCAL[c] = ++sigma;
  }
  const stride = sigma + 1;
  if (scratchPm.length < stride * words) scratchPm = new Int32Array(stride * words * 2);
  const pm = scratchPm;
  pm.fill(0, 0, stride * words);
  for (let i = 0; i < m; i++) pm[(i >>> 5) * stride + LOCAL[a.charCodeAt(i)]!]! |= 1 << (i & 31);
  let lcs: number;
  if (words === 1) {
    let s = -1;
    for (let j = 0; j < b.length; j++) {
      const u = s & pm[LOCAL[b.charCodeAt(j)]!]!;
      s = (s + u) | (s - u);
    }
    lcs = popcount(~s & (m === 32 ? -1 : (1 << m) - 1));
  } else {
    if (scratchState.length < words) scratchState = new Int32Array(words * 2);
    const state = scratchState;
    state.fill(-1, 0, words);
    for (let j = 0; j < b.length; j++) advanceWords(state, words, pm, 0, stride, LOCAL[b.charCodeAt(j)]!);
    lcs = lcsFromState(state, words, m);
  }
  for (let i = 0; i < m; i++) LOCAL[a.charCodeAt(i)] = 0;
  return lcs;
}

/**
 * fuzzball's ratio from the summed lengths and the indel distance, with its exact floating-point
 * expression so that x.5 cases round identically.
 */
function ratioOf(lensum: number, distance: number): number {
  return round(100 * ((lensum - distance) / lensum));
}

/** fuzzball `ratio` of two already-processed strings (0 when either is empty). */
function rawRatio(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  const lensum = a.length + b.length;
  return ratioOf(lensum, lensum - 2 * lcsLength(a, b));
}

/**
 * Levenshtein ratio as fuzzball's `ratio` (python-Levenshtein's `ratio`):
 * round(100 · (lenA + lenB − indel) / (lenA + lenB)), an integer in 0..100. Processed with
 * `fullProcess` first unless `{ process: false }`.
 */
export function levenshteinRatio(a: string, b: string, options: ScoreOptions = {}): number {
  if (options.process !== false) {
    a = fullProcess(a);
    b = fullProcess(b);
  }
  return rawRatio(a, b);
}

const NON_SPACE_RUN = /\S+/g;

/** The distinct whitespace-separated tokens of `s`, sorted by UTF-16 code units (as `Array#sort`). */
function sortedTokenSet(s: string): string[] {
  const found = s.match(NON_SPACE_RUN);
  if (found === null) return [];
  return [...new Set(found)].sort();
}

/**
 * fuzzball's token_set_ratio of two sorted token sets. With S the sorted intersection, D1 and D2
 * the sorted differences (all joined by spaces), A = "S D1" and B = "S D2", the score is
 * max(ratio(S, A), ratio(S, B), ratio(A, B)). Because S is a prefix of A and B, the first two
 * need no alignment (LCS = |S|), and ratio(A, B) only needs LCS(D1, D2): a shared prefix adds
 * to the LCS and leaves the indel distance of the rest unchanged.
 */
function tokenSetOfSets(t1: readonly string[], t2: readonly string[]): number {
  if (t1.length === 0 || t2.length === 0) return 0;
  const set1 = new Set(t1);
  const set2 = new Set(t2);
  const sect = t1.filter((t) => set2.has(t)).join(' ');
  const d1 = t1.filter((t) => !set2.has(t)).join(' ');
  const d2 = t2.filter((t) => !set1.has(t)).join(' ');
  const s = sect.length;
  if (s > 0 && (d1.length === 0 || d2.length === 0)) return 100;
  const lcs = lcsLength(d1, d2);
  if (s === 0) return ratioOf(d1.length + d2.length, d1.length + d2.length - 2 * lcs);
  const a = s + 1 + d1.length;
  const b = s + 1 + d2.length;
  const r1 = ratioOf(s + a, a - s);
  const r2 = ratioOf(s + b, b - s);
  const r3 = ratioOf(a + b, d1.length + d2.length - 2 * lcs);
  return max(r1, r2, r3);
}

/**
 * Token set ratio as fuzzball's `token_set_ratio` (integer 0..100): word order and repeated
 * words do not matter, and a name whose words are a subset of the other's scores 100 ("john
 * smith" vs "smith john jr"). Processed with `fullProcess` first unless `{ process: false }`.
 */
export function tokenSetRatio(a: string, b: string, options: ScoreOptions = {}): number {
  if (options.process !== false) {
    a = fullProcess(a);
    b = fullProcess(b);
  }
  if (a.length === 0 || b.length === 0) return 0;
  return tokenSetOfSets(sortedTokenSet(a), sortedTokenSet(b));
}

/** Winkler's prefix scale: each common leading character (at most `JW_MAX_PREFIX`) closes 10% of the gap to 1. */
const JW_PREFIX_SCALE = 0.1;
const JW_MAX_PREFIX = 4;

let jwFlagsA = new Uint8Array(64);
let jwFlagsB = new Uint8Array(64);

/**
 * Jaro–Winkler similarity × 100 (float) of a[aOff, aOff+aLen) and b[bOff, bOff+bLen). Matching
 * window ⌊max/2⌋ − 1 (at least 0); the prefix bonus applies at every Jaro value (no 0.7 boost
 * threshold), as in `natural`'s JaroWinklerDistance.
 */
function jaroWinklerCodes(a: Uint16Array, aOff: number, aLen: number, b: Uint16Array, bOff: number, bLen: number): number {
  if (aLen === 0 || bLen === 0) return 0;
  if (jwFlagsA.length < aLen) jwFlagsA = new Uint8Array(aLen * 2);
  if (jwFlagsB.length < bLen) jwFlagsB = new Uint8Array(bLen * 2);
  const fa = jwFlagsA;
  const fb = jwFlagsB;
  fa.fill(0, 0, aLen);
  fb.fill(0, 0, bLen);
  const window = max(0, (max(aLen, bLen) >> 1) - 1);
  let m = 0;
  for (let i = 0; i < aLen; i++) {
    const c = a[aOff + i]!;
    const hi = min(i + window + 1, bLen);
    for (let k = max(0, i - window); k < hi; k++) {
      if (fb[k] === 0 && b[bOff + k] === c) {
        fa[i] = 1;
        fb[k] = 1;
        m++;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let t = 0;
  for (let i = 0, k = 0; i < aLen; i++) {
    if (fa[i] === 0) continue;
    while (fb[k] === 0) k++;
    if (a[aOff + i] !== b[bOff + k]) t++;
    k++;
  }
  const jaro = (m / aLen + m / bLen + (m - t / 2) / m) / 3;
  return 100 * (jaro + commonPrefix(a, aOff, aLen, b, bOff, bLen) * JW_PREFIX_SCALE * (1 - jaro));
}

function commonPrefix(a: Uint16Array, aOff: number, aLen: number, b: Uint16Array, bOff: number, bLen: number): number {
  const limit = min(JW_MAX_PREFIX, aLen, bLen);
  let l = 0;
  while (l < limit && a[aOff + l] === b[bOff + l]) l++;
  return l;
}

/**
 * An upper bound of `jaroWinklerCodes` from the lengths, an upper bound m of the matching
 * characters (at most min(la, lb)) and of the common prefix, assuming no transpositions.
 */
function jaroWinklerBound(aLen: number, bLen: number, m: number, prefix: number): number {
  const jaro = (m / aLen + m / bLen + 1) / 3;
  return 100 * (jaro + prefix * JW_PREFIX_SCALE * (1 - jaro));
}

let jwScratchA: Uint16Array = new Uint16Array(64);
let jwScratchB: Uint16Array = new Uint16Array(64);

function toCodes(s: string, into: Uint16Array): Uint16Array {
  const out = into.length >= s.length ? into : new Uint16Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * Jaro–Winkler similarity × 100 as an unrounded float in 0..100 (prefix scale 0.1, at most 4
 * prefix characters). Processed with `fullProcess` first unless `{ process: false }`.
 */
export function jaroWinkler(a: string, b: string, options: ScoreOptions = {}): number {
  if (options.process !== false) {
    a = fullProcess(a);
    b = fullProcess(b);
  }
  jwScratchA = toCodes(a, jwScratchA);
  jwScratchB = toCodes(b, jwScratchB);
  return jaroWinklerCodes(jwScratchA, 0, a.length, jwScratchB, 0, b.length);
}

// ---------------------------------------------------------------------------------------------
// Blocking keys
// ---------------------------------------------------------------------------------------------

/** How `blockKey` derives a key: the value as is, normalised, phonetic, or the first N normalised characters. */
export type BlockKind = 'exact' | 'normalized' | 'soundex' | 'metaphone' | `prefix:${number}`;

/**
 * A blocking key for a value, or null when the value is missing or yields an empty key (missing
 * values must not all land in one giant block). 'soundex' and 'metaphone' code the Latin letters
 * of the whole value as one word, so use them on a single-word field (surname, city);
 * 'prefix:N' takes the first N code points of the normalised value.
 */
export function blockKey(value: string | null | undefined, kind: BlockKind): string | null {
  if (value === null || value === undefined) return null;
  let key: string;
  if (kind === 'exact') key = value;
  else if (kind === 'normalized') key = normalize(value);
  else if (kind === 'soundex') key = soundex(value);
  else if (kind === 'metaphone') key = metaphone(value);
  else if (kind.startsWith('prefix:')) {
    const n = Number(kind.slice(7));
    if (!Number.isInteger(n) || n < 1) throw new InvalidInputError(`match: block kind "${kind}" needs a positive integer length`);
    const norm = normalize(value);
    key = isAscii(norm) ? norm.slice(0, n) : Array.from(norm).slice(0, n).join('');
  } else {
    throw new InvalidInputError(`match: unknown block kind "${String(kind)}"`, { kind });
  }
  return key.length === 0 ? null : key;
}

// ---------------------------------------------------------------------------------------------
// Matcher
// ---------------------------------------------------------------------------------------------

export type MatchAlgorithm = 'exact' | 'normalized' | 'jaroWinkler' | 'levenshtein' | 'tokenSet';

/** A record as the `field`/`block` conveniences read it. */
export type MatchRecord = Readonly<Record<string, unknown>>;

export interface MatcherOptions {
  algorithm: MatchAlgorithm;
  /** Minimum score (inclusive) of a match, 0..100. Default 90. Ignored by 'exact' and 'normalized' (score 100). */
  threshold?: number;
  /** Cleanups applied to both sides before 'normalized' and the fuzzy algorithms (default: all). */
  normalize?: NormalizeOptions;
  /** The record field whose text `addRecord`/`bestRecord`/`allRecord` match on. */
  field?: string;
  /** The block key of a record for `addRecord`/`bestRecord`/`allRecord` (e.g. its city); none means null. */
  block?: (record: MatchRecord) => string | null;
  /**
   * Fuzzy algorithms only: when true, a null block key is one more block (the "global" block), so
   * records added with null are compared with probes passing null — use it for small tables that
   * need no blocking, knowing it compares all their pairs. When false (default) a null key means
   * "no candidates": records added with null are never fuzzy candidates and probes with null match
   * nothing.
   */
  globalBlock?: boolean;
}

export interface MatchResult {
  id: number;
  score: number;
}

/** Counters of the probe side, for tuning thresholds and blocking. */
export interface MatcherStats {
  /** Build records added (including those never reachable: empty text, or null block without `globalBlock`). */
  records: number;
  blocks: number;
  probes: number;
  /** Candidates looked at (pairs in the same block). */
  candidates: number;
  /** Candidates whose exact score was computed (the others were ruled out by an upper bound). */
  scored: number;
}

export interface Matcher {
  readonly options: Readonly<Required<Pick<MatcherOptions, 'algorithm' | 'threshold' | 'globalBlock'>>>;
  /** Indexes a build-side record. Ids need not be unique or ordered; ties go to the lowest id. */
  add(id: number, text: string | null, blockKey: string | null): void;
  /** The best match (highest score ≥ threshold, then lowest id), or null. */
  best(text: string | null, blockKey: string | null): MatchResult | null;
  /** Every match with score ≥ threshold, by score descending then id ascending. */
  all(text: string | null, blockKey: string | null): MatchResult[];
  /** `add` with the text of `options.field` and the key of `options.block`. */
  addRecord(id: number, record: MatchRecord): void;
  bestRecord(record: MatchRecord): MatchResult | null;
  allRecord(record: MatchRecord): MatchResult[];
  stats(): MatcherStats;
}

const ALGORITHMS: readonly MatchAlgorithm[] = ['exact', 'normalized', 'jaroWinkler', 'levenshtein', 'tokenSet'];

/** Default threshold on the 0..100 scale: one typo in a typical "First Last" name still reaches it. */
export const DEFAULT_THRESHOLD = 90;

/**
 * Creates a matcher. 'exact' (raw text equality) and 'normalized' (equality after `normalize`)
 * use a hash map and ignore block keys; 'jaroWinkler', 'levenshtein' and 'tokenSet' compare the
 * normalised probe with the normalised build records of the same block only, scoring them as
 * `jaroWinkler`/`levenshteinRatio`/`tokenSetRatio` with `{ process: false }` would.
 */
export function createMatcher(options: MatcherOptions): Matcher {
  if (!ALGORITHMS.includes(options.algorithm)) {
    throw new InvalidInputError(`match: unknown algorithm "${String(options.algorithm)}", expected one of ${ALGORITHMS.join(', ')}`, {
      algorithm: options.algorithm,
    });
  }
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 100)) {
    throw new InvalidInputError(`match: threshold must be a number in 0..100, found ${String(threshold)}`, { threshold });
  }
  const index: Index =
    options.algorithm === 'exact' || options.algorithm === 'normalized'
      ? new HashIndex(options.algorithm === 'normalized', options.normalize ?? {})
      : options.algorithm === 'tokenSet'
        ? new TokenSetIndex(threshold, options.normalize ?? {}, options.globalBlock === true)
        : new CharIndex(options.algorithm, threshold, options.normalize ?? {}, options.globalBlock === true);
  const field = options.field;
  const blockOf = options.block;
  const textOf = (record: MatchRecord, method: string): string | null => {
    if (field === undefined) throw new InvalidInputError(`match: ${method} needs the "field" option`);
    const v = record[field];
    return v === null || v === undefined ? null : String(v);
  };
  const keyOf = (record: MatchRecord): string | null => (blockOf ? blockOf(record) : null);
  const add = (id: number, text: string | null, key: string | null): void => {
    if (typeof id !== 'number' || !Number.isFinite(id)) throw new InvalidInputError(`match: record id must be a finite number, found ${String(id)}`);
    index.add(id, text, key);
  };
  return {
    options: { algorithm: options.algorithm, threshold, globalBlock: options.globalBlock === true },
    add,
    best: (text, key) => index.best(text, key),
    all: (text, key) => index.all(text, key),
    addRecord: (id, record) => add(id, textOf(record, 'addRecord'), keyOf(record)),
    bestRecord: (record) => index.best(textOf(record, 'bestRecord'), keyOf(record)),
    allRecord: (record) => index.all(textOf(record, 'allRecord'), keyOf(record)),
    stats: () => index.stats(),
  };
}

interface Index {
  add(id: number, text: string | null, key: string | null): void;
  best(text: string | null, key: string | null): MatchResult | null;
  all(text: string | null, key: string | null): MatchResult[];
  stats(): MatcherStats;
}

function byScoreThenId(x: MatchResult, y: MatchResult): number {
  return y.score - x.score || x.id - y.id;
}

/** 'exact' and 'normalized': text (or normalised text) → ids in insertion order. */
class HashIndex implements Index {
  private readonly map = new Map<string, number[]>();
  private records = 0;
  private probes = 0;

  constructor(
    private readonly normalized: boolean,
    private readonly normalizeOptions: NormalizeOptions,
  ) {}

  private keyOf(text: string): string {
    return this.normalized ? normalize(text, this.normalizeOptions) : text;
  }

  add(id: number, text: string | null): void {
    this.records++;
    if (text === null) return;
    const k = this.keyOf(text);
    if (k.length === 0) return;
    const ids = this.map.get(k);
    if (ids) ids.push(id);
    else this.map.set(k, [id]);
  }

  best(text: string | null): MatchResult | null {
    this.probes++;
    const ids = text === null ? undefined : this.map.get(this.keyOf(text));
    if (!ids) return null;
    let lowest = ids[0]!;
    for (const id of ids) if (id < lowest) lowest = id;
    return { id: lowest, score: 100 };
  }

  all(text: string | null): MatchResult[] {
    this.probes++;
    const ids = text === null ? undefined : this.map.get(this.keyOf(text));
    if (!ids) return [];
    return [...ids].sort((x, y) => x - y).map((id) => ({ id, score: 100 }));
  }

  stats(): MatcherStats {
    return { records: this.records, blocks: 0, probes: this.probes, candidates: 0, scored: 0 };
  }
}

/**
 * A record's signature, 6 integers stored with its block entry so the prefilter reads contiguous
 * memory: [key, once, twice, length, token0, token1]. `length` is the length of the string the
 * algorithm scores (for 'tokenSet', the distinct sorted tokens joined by spaces); `once`/`twice`
 * have bit b set when at least one/two of its characters c have c & 31 = b (a–z get buckets 1–26
 * of their own, the space 0). `key` is the bloom of the token ids ('tokenSet'), the first
 * character ('jaroWinkler') or 0 ('levenshtein'). 'tokenSet' keeps the ids of a record's tokens
 * when it has at most two (NO_TOKEN fills the gap), else MANY_TOKENS in both: most names are then
 * checked for a shared token without leaving the block.
 *
 * The bag bound popcount(once1 ^ once2) + popcount(twice1 ^ twice2) is a lower bound of the indel
 * distance: the bag distance Σ_c |n1(c) − n2(c)| is one (every insertion or deletion changes one
 * count by one), and merging characters into buckets and counting only the levels "≥ 1" and
 * "≥ 2" can only lower it.
 */
const SIG = 6;
const NO_TOKEN = -2;
const MANY_TOKENS = -3;

/** Accumulates once/twice/length over code units, then writes a signature with the caller's key and tokens. */
class SignatureBuilder {
  once = 0;
  twice = 0;
  length = 0;

  reset(): void {
    this.once = 0;
    this.twice = 0;
    this.length = 0;
  }

  add(c: number): void {
    const bit = 1 << (c & 31);
    this.twice |= this.once & bit;
    this.once |= bit;
    this.length++;
  }

  write(sig: Int32Array, key: number, token0 = NO_TOKEN, token1 = NO_TOKEN): void {
    sig[0] = key;
    sig[1] = this.once;
    sig[2] = this.twice;
    sig[3] = this.length;
    sig[4] = token0;
    sig[5] = token1;
  }
}

/** A block's entries, struct-of-arrays: entry i is record members[i] with signature sigs[SIG·i, SIG·i + SIG). */
class Block {
  members = new Int32Array(8);
  sigs = new Int32Array(8 * SIG);
  length = 0;
  /** The largest signature length of the block's entries. */
  maxLength = 0;

  push(r: number, sig: Int32Array): void {
    if (this.length === this.members.length) {
      const members = new Int32Array(this.length * 2);
      members.set(this.members);
      this.members = members;
      const sigs = new Int32Array(this.length * 2 * SIG);
      sigs.set(this.sigs);
      this.sigs = sigs;
    }
    this.members[this.length] = r;
    this.sigs.set(sig, this.length * SIG);
    this.length++;
    if (sig[3]! > this.maxLength) this.maxLength = sig[3]!;
  }
}

function grownInt32(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const next = new Int32Array(max(need, a.length * 2));
  next.set(a);
  return next;
}

function grownUint16(a: Uint16Array, need: number): Uint16Array {
  if (need <= a.length) return a;
  const next = new Uint16Array(max(need, a.length * 2));
  next.set(a);
  return next;
}

function grownFloat64(a: Float64Array, need: number): Float64Array {
  if (need <= a.length) return a;
  const next = new Float64Array(max(need, a.length * 2));
  next.set(a);
  return next;
}

/**
 * Float scores are compared with their bounds with this slack, so that a rounding difference in
 * the last bit between a bound and the exact score can never prune a match.
 */
const FLOAT_SLACK = 1e-9;

/**
 * Shared by the fuzzy indexes: ids, blocks, counters and the scan. The scan first rules out a
 * candidate from the two signatures alone (length and bag-distance bounds: no memory but the
 * block's own is read); only survivors reach the subclass's `score`, which returns the exact
 * score, or −1 when it is below `need` (possibly decided by a further bound).
 */
abstract class BlockedIndex implements Index {
  protected ids: Float64Array = new Float64Array(1024);
  protected count = 0;
  private readonly blocks = new Map<string | null, Block>();
  private probes = 0;
  protected candidates = 0;
  protected scored = 0;
  /** The record signature being stored, and the current probe's. */
  protected readonly sig = new Int32Array(SIG);
  protected readonly probeSig = new Int32Array(SIG);
  /** 'tokenSet': the probe's token ids (−1 = unknown to the build side) and their count. */
  protected probeTokenIds: Int32Array = new Int32Array(8);
  protected probeTokenCount = 0;
  /** See `maxIndelTable`; 'jaro' uses none. */
  private indelTable = new Int32Array(64);
  private readonly noTable = new Int32Array(0);

  constructor(
    /** 'ratio': the prefilter bounds an indel ratio; 'jaro': a Jaro–Winkler similarity. */
    private readonly bound: 'ratio' | 'jaro',
    protected readonly threshold: number,
    protected readonly normalizeOptions: NormalizeOptions,
    private readonly globalBlock: boolean,
  ) {}

  /** Stores the record's normalised text and fills `sig`; false when it is empty (such a record never matches). */
  protected abstract store(record: number, text: string): boolean;
  /** Prepares the probe and fills `probeSig`; false when it is empty. */
  protected abstract prepare(text: string): boolean;
  /** `bag` is the bag bound of the probe's and the record's signatures (a lower bound of their indel distance). */
  protected abstract score(record: number, need: number, bag: number): number;

  add(id: number, text: string | null, key: string | null): void {
    const r = this.count;
    this.ids = grownFloat64(this.ids, r + 1);
    this.ids[r] = id;
    this.count++;
    if (text === null || (key === null && !this.globalBlock)) return;
    if (!this.store(r, normalize(text, this.normalizeOptions))) return;
    let block = this.blocks.get(key);
    if (!block) {
      block = new Block();
      this.blocks.set(key, block);
    }
    block.push(r, this.sig);
  }

  private candidatesOf(text: string | null, key: string | null): Block | undefined {
    this.probes++;
    if (text === null || (key === null && !this.globalBlock)) return undefined;
    const block = this.blocks.get(key);
    if (!block || !this.prepare(normalize(text, this.normalizeOptions))) return undefined;
    this.candidates += block.length;
    return block;
  }

  best(text: string | null, key: string | null): MatchResult | null {
    const block = this.candidatesOf(text, key);
    return block ? this.scan(block, null) : null;
  }

  all(text: string | null, key: string | null): MatchResult[] {
    const block = this.candidatesOf(text, key);
    if (!block) return [];
    const out: MatchResult[] = [];
    this.scan(block, out);
    return out.sort(byScoreThenId);
  }

  /**
   * Scores the block's entries against the prepared probe: into `out` every entry reaching the
   * threshold, or, when `out` is null, returns the best one — then `need` rises to the best score
   * so far, since a candidate must at least tie it (a tie wins with a lower id).
   *
   * The prefilter rules an entry out from the two signatures alone. 'ratio': unless the entry may
   * share a token with the probe (token blooms intersect and, if it has at most two tokens, one of
   * them is the probe's), its score is the indel ratio of the two whole strings, whose indel
   * distance is at least the length difference and the bag bound, raised to the parity of the
   * summed lengths (indel = sum − 2·LCS); `maxIndel[len]` holds the largest distance that still
   * reaches `need`. 'jaro': at most Σ_c min(n1, n2) = (sum − bag distance)/2 characters can
   * match, and the Winkler prefix needs equal first characters.
   */
  private scan(block: Block, out: MatchResult[] | null): MatchResult | null {
    const { members, sigs } = block;
    const ids = this.ids;
    const p = this.probeSig;
    const pKey = p[0]!;
    const pOnce = p[1]!;
    const pTwice = p[2]!;
    const pLen = p[3]!;
    const ratio = this.bound === 'ratio';
    const tokenIds = this.probeTokenIds;
    const tokenCount = this.probeTokenCount;
    let need = this.threshold;
    let maxIndel = ratio ? this.maxIndelTable(pLen, block.maxLength, need) : this.noTable;
    let bestScore = -1;
    let bestId = 0;
    for (let i = 0, o = 0; i < block.length; i++, o += SIG) {
      const len = sigs[o + 3]!;
      const bag = popcount(pOnce ^ sigs[o + 1]!) + popcount(pTwice ^ sigs[o + 2]!);
      if (ratio) {
        let mayShare = (sigs[o]! & pKey) !== 0;
        if (mayShare) {
          const t0 = sigs[o + 4]!;
          if (t0 !== MANY_TOKENS) {
            const t1 = sigs[o + 5]!;
            mayShare = false;
            for (let q = 0; q < tokenCount; q++) {
              const t = tokenIds[q]!;
              if (t === t0 || t === t1) mayShare = true;
            }
          }
        }
        if (!mayShare) {
          let lb = pLen > len ? pLen - len : len - pLen;
          if (bag > lb) lb = bag;
          lb += (pLen + len - lb) & 1;
          if (lb > maxIndel[len]!) continue;
        }
      } else {
        const m = min(pLen, len, (pLen + len - bag) >> 1);
        const prefix = sigs[o] === pKey ? min(JW_MAX_PREFIX, pLen, len) : 0;
        if (jaroWinklerBound(pLen, len, m, prefix) + FLOAT_SLACK < need) continue;
      }
      const r = members[i]!;
      const s = this.score(r, need, bag);
      if (s < 0) continue;
      const id = ids[r]!;
      if (out !== null) out.push({ id, score: s });
      else if (s > bestScore || (s === bestScore && id < bestId)) {
        bestScore = s;
        bestId = id;
        if (s > need) {
          need = s;
          if (ratio) maxIndel = this.maxIndelTable(pLen, block.maxLength, need);
        }
      }
    }
    return bestScore < 0 ? null : { id: bestId, score: bestScore };
  }

  /**
   * maxIndel[len] = the largest indel distance d with ratioOf(pLen + len, d) ≥ need, for len in
   * 0..maxLength: the prefilter's test becomes one comparison instead of a division and a rounding.
   */
  private maxIndelTable(pLen: number, maxLength: number, need: number): Int32Array {
    if (this.indelTable.length <= maxLength) this.indelTable = new Int32Array(maxLength * 2 + 1);
    const table = this.indelTable;
    for (let len = 0; len <= maxLength; len++) {
      const lensum = pLen + len;
      // ratio ≥ need ⇔ d ≤ lensum·(100 − need + 0.5)/100, up to rounding: start there and correct.
      let d = min(lensum, max(0, floor((lensum * (100.5 - need)) / 100)));
      while (d > 0 && ratioOf(lensum, d) < need) d--;
      while (d < lensum && ratioOf(lensum, d + 1) >= need) d++;
      table[len] = d;
    }
    return table;
  }

  stats(): MatcherStats {
    return { records: this.count, blocks: this.blocks.size, probes: this.probes, candidates: this.candidates, scored: this.scored };
  }
}

/**
 * 'levenshtein' and 'jaroWinkler' over whole normalised strings. Layout: record r's text is
 * chars[start[r], start[r] + len[r]) (UTF-16 code units, one arena for all records).
 */
class CharIndex extends BlockedIndex {
  private chars: Uint16Array = new Uint16Array(1 << 16);
  private used = 0;
  private start: Int32Array = new Int32Array(1024);
  private len: Int32Array = new Int32Array(1024);
  private probe: Uint16Array = new Uint16Array(64);
  private probeLen = 0;
  private readonly pattern = new ProbePattern();
  private readonly signature = new SignatureBuilder();

  constructor(
    private readonly algorithm: 'levenshtein' | 'jaroWinkler',
    threshold: number,
    normalizeOptions: NormalizeOptions,
    globalBlock: boolean,
  ) {
    super(algorithm === 'jaroWinkler' ? 'jaro' : 'ratio', threshold, normalizeOptions, globalBlock);
  }

  private sign(text: string, sig: Int32Array): void {
    const b = this.signature;
    b.reset();
    for (let i = 0; i < text.length; i++) b.add(text.charCodeAt(i));
    b.write(sig, this.algorithm === 'jaroWinkler' ? text.charCodeAt(0) : 0);
  }

  protected store(r: number, text: string): boolean {
    if (text.length === 0) return false;
    this.sign(text, this.sig);
    this.chars = grownUint16(this.chars, this.used + text.length);
    for (let i = 0; i < text.length; i++) this.chars[this.used + i] = text.charCodeAt(i);
    this.start = grownInt32(this.start, r + 1);
    this.len = grownInt32(this.len, r + 1);
    this.start[r] = this.used;
    this.len[r] = text.length;
    this.used += text.length;
    return true;
  }

  protected prepare(text: string): boolean {
    if (text.length === 0) return false;
    this.sign(text, this.probeSig);
    this.probe = toCodes(text, this.probe);
    this.probeLen = text.length;
    if (this.algorithm === 'levenshtein') this.pattern.reset(this.probe, [0], [text.length], 1, text.length);
    return true;
  }

  protected score(r: number, need: number): number {
    const start = this.start[r]!;
    const len = this.len[r]!;
    const pl = this.probeLen;
    if (this.algorithm === 'jaroWinkler') {
      this.scored++;
      const s = jaroWinklerCodes(this.probe, 0, pl, this.chars, start, len);
      return s >= need ? s : -1;
    }
    const lensum = pl + len;
    if (ratioOf(lensum, abs(pl - len)) < need) return -1;
    this.scored++;
    const lcs = this.pattern.lcsWithRange(1, this.chars, start, len);
    const s = ratioOf(lensum, lensum - 2 * lcs);
    return s >= need ? s : -1;
  }
}

/** Unicode code unit of the space that joins tokens. */
const SPACE = 32;
/** Probes with at most this many tokens cache one PM table per subset of their tokens (2^6 = 64 tables). */
const MAX_CACHED_TOKENS = 6;
/** Token subsets are bit masks in a 32-bit integer; records with more tokens take the string path. */
const MAX_MASK_TOKENS = 30;

/**
 * The probe side of the bit-parallel LCS: the probe's pieces (tokens, or one whole string) and a
 * cache of PM tables, one per subset (bit mask) of pieces joined in order by single spaces. Chars
 * map to a local alphabet 1..sigma through `local` (65,536 entries, 0 = not in the probe), so a
 * table is (sigma + 1) × words integers however large the build side's alphabet.
 */
class ProbePattern {
  private readonly local = new Int32Array(65536);
  private alphabet: number[] = [];
  private sigma = 0;
  private codes: Uint16Array = new Uint16Array(64);
  private pieceStart: number[] = [];
  private pieceLen: number[] = [];
  private pieces = 0;
  private words = 1;
  private stride = 1;
  private pm: Int32Array = new Int32Array(64);
  private built = new Uint8Array(64);
  /** With more pieces than MAX_CACHED_TOKENS there is one table slot; this is the mask it holds. */
  private slotMask = -1;
  private state: Int32Array = new Int32Array(4);
  /** Set by `table`: offset of the requested mask's PM table and its words. */
  base = 0;
  tableWords = 1;

  /** Starts a probe whose pieces are codes[pieceStart[i], +pieceLen[i]); `maxLength` bounds any joined subset. */
  reset(codes: Uint16Array, pieceStart: number[], pieceLen: number[], pieces: number, maxLength: number): void {
    for (const c of this.alphabet) this.local[c] = 0;
    this.alphabet = [];
    this.sigma = 0;
    this.codes = codes;
    this.pieceStart = pieceStart;
    this.pieceLen = pieceLen;
    this.pieces = pieces;
    this.register(SPACE);
    for (let p = 0; p < pieces; p++) {
      const s = pieceStart[p]!;
      for (let i = s; i < s + pieceLen[p]!; i++) this.register(codes[i]!);
    }
    this.stride = this.sigma + 1;
    this.words = max(1, (maxLength + 31) >>> 5);
    const slots = pieces <= MAX_CACHED_TOKENS ? 1 << pieces : 1;
    const size = slots * this.words * this.stride;
    if (this.pm.length < size) this.pm = new Int32Array(size * 2);
    if (this.built.length < slots) this.built = new Uint8Array(slots * 2);
    this.built.fill(0, 0, slots);
    this.slotMask = -1;
    if (this.state.length < this.words) this.state = new Int32Array(this.words * 2);
  }

  private register(c: number): void {
    if (this.local[c] !== 0) return;
    this.local[c] = ++this.sigma;
    this.alphabet.push(c);
  }

  /** Makes the PM table of the pieces in `mask` current (`base`, `tableWords`); returns its length m. */
  table(mask: number): number {
    let slot: number;
    if (this.pieces <= MAX_CACHED_TOKENS) slot = mask;
    else {
      slot = 0;
      if (this.slotMask !== mask) this.built[0] = 0;
      this.slotMask = mask;
    }
    const stride = this.stride;
    const base = slot * this.words * stride;
    let m = 0;
    for (let p = 0; p < this.pieces; p++) if ((mask >>> p) & 1) m += (m > 0 ? 1 : 0) + this.pieceLen[p]!;
    this.base = base;
    this.tableWords = max(1, (m + 31) >>> 5);
    if (this.built[slot] === 1) return m;
    const pm = this.pm;
    const local = this.local;
    pm.fill(0, base, base + this.words * stride);
    let pos = 0;
    for (let p = 0; p < this.pieces; p++) {
      if (((mask >>> p) & 1) === 0) continue;
      if (pos > 0) {
        pm[base + (pos >>> 5) * stride + local[SPACE]!]! |= 1 << (pos & 31);
        pos++;
      }
      const s = this.pieceStart[p]!;
      const e = s + this.pieceLen[p]!;
      for (let i = s; i < e; i++, pos++) pm[base + (pos >>> 5) * stride + local[this.codes[i]!]!]! |= 1 << (pos & 31);
    }
    this.built[slot] = 1;
    return m;
  }

  /** LCS of the pieces in `mask` with text[start, start + len). */
  lcsWithRange(mask: number, text: Uint16Array, start: number, len: number): number {
    const m = this.table(mask);
    if (m === 0) return 0;
    const pm = this.pm;
    const local = this.local;
    const base = this.base;
    const words = this.tableWords;
    if (words === 1) {
      let s = -1;
      for (let i = start; i < start + len; i++) {
        const u = s & pm[base + local[text[i]!]!]!;
        s = (s + u) | (s - u);
      }
      return popcount(~s & (m === 32 ? -1 : (1 << m) - 1));
    }
    const state = this.state;
    state.fill(-1, 0, words);
    for (let i = start; i < start + len; i++) advanceWords(state, words, pm, base, this.stride, local[text[i]!]!);
    return lcsFromState(state, words, m);
  }

  /**
   * LCS of the pieces in `mask` with a candidate's tokens `tokens[first, first + n)` that are not
   * in `skip` (bit j = token j), joined by single spaces in order; token t is text[tokStart[t], +tokLen[t]).
   */
  lcsWithTokens(mask: number, tokens: Int32Array, first: number, n: number, skip: number, tokStart: Int32Array, tokLen: Int32Array, text: Uint16Array): number {
    const m = this.table(mask);
    if (m === 0) return 0;
    const pm = this.pm;
    const local = this.local;
    const base = this.base;
    const words = this.tableWords;
    const spaceLocal = local[SPACE]!;
    let joined = false;
    if (words === 1) {
      let s = -1;
      for (let j = 0; j < n; j++) {
        if ((skip >>> j) & 1) continue;
        if (joined) {
          const u = s & pm[base + spaceLocal]!;
          s = (s + u) | (s - u);
        }
        joined = true;
        const t = tokens[first + j]!;
        const e = tokStart[t]! + tokLen[t]!;
        for (let i = tokStart[t]!; i < e; i++) {
          const u = s & pm[base + local[text[i]!]!]!;
          s = (s + u) | (s - u);
        }
      }
      return popcount(~s & (m === 32 ? -1 : (1 << m) - 1));
    }
    const state = this.state;
    const stride = this.stride;
    state.fill(-1, 0, words);
    for (let j = 0; j < n; j++) {
      if ((skip >>> j) & 1) continue;
      if (joined) advanceWords(state, words, pm, base, stride, spaceLocal);
      joined = true;
      const t = tokens[first + j]!;
      const e = tokStart[t]! + tokLen[t]!;
      for (let i = tokStart[t]!; i < e; i++) advanceWords(state, words, pm, base, stride, local[text[i]!]!);
    }
    return lcsFromState(state, words, m);
  }
}

/**
 * 'tokenSet'. Layout: every distinct token gets an id (`tokenIds`) and its chars in one arena
 * (tokChars[tokStart[t], +tokLen[t])); record r is its distinct tokens sorted as strings,
 * recTokens[recFirst[r], +recCount[r]), with recChars[r] = the sum of their lengths. Comparing
 * token ids finds the intersection without touching chars; only LCS(D1, D2) reads them.
 */
class TokenSetIndex extends BlockedIndex {
  private readonly tokenIds = new Map<string, number>();
  private tokenText: string[] = [];
  private tokChars: Uint16Array = new Uint16Array(1 << 14);
  private tokCharsUsed = 0;
  private tokStart: Int32Array = new Int32Array(1024);
  private tokLen: Int32Array = new Int32Array(1024);
  private recTokens: Int32Array = new Int32Array(4096);
  private recTokensUsed = 0;
  private recFirst: Int32Array = new Int32Array(1024);
  private recCount: Int32Array = new Int32Array(1024);
  private recChars: Int32Array = new Int32Array(1024);

  // The current probe: k distinct tokens sorted as strings (ids in `probeTokenIds`, −1 when the
  // build side has never seen them, so they match no record token) and the sum of their lengths.
  private probeTokens: string[] = [];
  private probeChars = 0;
  private k = 0;
  private readonly pattern = new ProbePattern();
  private readonly signature = new SignatureBuilder();

  constructor(threshold: number, normalizeOptions: NormalizeOptions, globalBlock: boolean) {
    super('ratio', threshold, normalizeOptions, globalBlock);
  }

  /** Signature of the sorted tokens joined by spaces, keyed by the bloom of their ids (−1: none). */
  private sign(tokens: readonly string[], ids: ArrayLike<number>, sig: Int32Array): void {
    const b = this.signature;
    b.reset();
    let bloom = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (i > 0) b.add(SPACE);
      for (let j = 0; j < t.length; j++) b.add(t.charCodeAt(j));
      const id = ids[i]!;
      if (id >= 0) bloom |= 1 << (imul(id, 0x9e3779b1) >>> 27);
    }
    if (tokens.length > 2) b.write(sig, bloom, MANY_TOKENS, MANY_TOKENS);
    else b.write(sig, bloom, ids[0]!, tokens.length === 2 ? ids[1]! : NO_TOKEN);
  }

  protected store(r: number, text: string): boolean {
    const tokens = sortedTokenSet(text);
    if (tokens.length === 0) return false;
    this.recTokens = grownInt32(this.recTokens, this.recTokensUsed + tokens.length);
    this.recFirst = grownInt32(this.recFirst, r + 1);
    this.recCount = grownInt32(this.recCount, r + 1);
    this.recChars = grownInt32(this.recChars, r + 1);
    this.recFirst[r] = this.recTokensUsed;
    this.recCount[r] = tokens.length;
    let chars = 0;
    for (const token of tokens) {
      this.recTokens[this.recTokensUsed++] = this.intern(token);
      chars += token.length;
    }
    this.recChars[r] = chars;
    this.sign(tokens, this.recTokens.subarray(this.recFirst[r]!, this.recTokensUsed), this.sig);
    return true;
  }

  private intern(token: string): number {
    let id = this.tokenIds.get(token);
    if (id !== undefined) return id;
    id = this.tokenText.length;
    this.tokenIds.set(token, id);
    this.tokenText.push(token);
    this.tokStart = grownInt32(this.tokStart, id + 1);
    this.tokLen = grownInt32(this.tokLen, id + 1);
    this.tokChars = grownUint16(this.tokChars, this.tokCharsUsed + token.length);
    this.tokStart[id] = this.tokCharsUsed;
    this.tokLen[id] = token.length;
    for (let i = 0; i < token.length; i++) this.tokChars[this.tokCharsUsed++] = token.charCodeAt(i);
    return id;
  }

  protected prepare(text: string): boolean {
    const tokens = sortedTokenSet(text);
    const k = tokens.length;
    if (k === 0) return false;
    this.probeTokens = tokens;
    this.k = k;
    this.probeTokenIds = grownInt32(this.probeTokenIds, k);
    this.probeTokenCount = k;
    let total = 0;
    for (let i = 0; i < k; i++) total += tokens[i]!.length;
    const codes = new Uint16Array(total);
    const starts: number[] = [];
    const lens: number[] = [];
    let at = 0;
    for (let i = 0; i < k; i++) {
      const t = tokens[i]!;
      this.probeTokenIds[i] = this.tokenIds.get(t) ?? -1;
      starts.push(at);
      lens.push(t.length);
      for (let j = 0; j < t.length; j++) codes[at++] = t.charCodeAt(j);
    }
    this.probeChars = total;
    this.sign(tokens, this.probeTokenIds, this.probeSig);
    if (k <= MAX_MASK_TOKENS) this.pattern.reset(codes, starts, lens, k, total + k - 1);
    return true;
  }

  protected score(r: number, need: number, bag: number): number {
    const k = this.k;
    const n = this.recCount[r]!;
    if (k > MAX_MASK_TOKENS || n > MAX_MASK_TOKENS) return this.scoreByStrings(r, need);
    const first = this.recFirst[r]!;
    const recTokens = this.recTokens;
    const probeIds = this.probeTokenIds;
    // Intersection by token id: bit i of `common` = probe token i is shared, bit j of `shared` =
    // record token j is; sLen = the shared tokens' total length.
    let common = 0;
    let shared = 0;
    let sCount = 0;
    let sLen = 0;
    for (let j = 0; j < n; j++) {
      const t = recTokens[first + j]!;
      for (let i = 0; i < k; i++) {
        if (probeIds[i] === t) {
          common |= 1 << i;
          shared |= 1 << j;
          sCount++;
          sLen += this.tokLen[t]!;
          break;
        }
      }
    }
    const d1Count = k - sCount;
    const d2Count = n - sCount;
    // A subset of the other side scores 100 (fuzzball: ratio(S, S) = 100).
    if (sCount > 0 && (d1Count === 0 || d2Count === 0)) {
      this.scored++;
      return 100;
    }
    const d1 = d1Count === 0 ? 0 : this.probeChars - sLen + d1Count - 1;
    const d2 = d2Count === 0 ? 0 : this.recChars[r]! - sLen + d2Count - 1;
    let best12 = 0;
    let lensum = d1 + d2;
    if (sCount > 0) {
      const s = sLen + sCount - 1;
      const a = s + 1 + d1;
      const b = s + 1 + d2;
      // ratio(S, A) and ratio(S, B): S is a prefix of both, so the indel distance is the length difference.
      best12 = max(ratioOf(s + a, a - s), ratioOf(s + b, b - s));
      lensum = a + b;
    }
    // ratio(A, B) ≤ its value at the smallest possible distance. A and B are permutations of the
    // whole probe and record strings (same characters), so the bag bound holds for them too.
    let lb = d1 > d2 ? d1 - d2 : d2 - d1;
    if (bag > lb) lb = bag;
    lb += (d1 + d2 - lb) & 1;
    const bound = ratioOf(lensum, lb);
    if (best12 >= bound) {
      if (best12 < need) return -1;
      this.scored++;
      return best12;
    }
    if (bound < need) return -1;
    this.scored++;
    const probeMask = ~common & ((1 << k) - 1);
    const lcs = this.pattern.lcsWithTokens(probeMask, recTokens, first, n, shared, this.tokStart, this.tokLen, this.tokChars);
    const s = max(best12, ratioOf(lensum, d1 + d2 - 2 * lcs));
    return s >= need ? s : -1;
  }

  /** Probes or records with more than MAX_MASK_TOKENS tokens: the same score through strings. */
  private scoreByStrings(r: number, need: number): number {
    this.scored++;
    const first = this.recFirst[r]!;
    const tokens: string[] = [];
    for (let j = 0; j < this.recCount[r]!; j++) tokens.push(this.tokenText[this.recTokens[first + j]!]!);
    const s = tokenSetOfSets(this.probeTokens, tokens);
    return s >= need ? s : -1;
  }
}
