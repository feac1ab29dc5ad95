// Keywords. In a batch: TF-IDF as scikit-learn's TfidfVectorizer computes it (raw term counts ×
// smoothed idf ln((1 + n) / (1 + df)) + 1, L2-normalised per document), so scores are in [0, 1] and
// comparable to sklearn's. Terms are words that are not stop words, plus two-word keyphrases: a pair
// of adjacent non-stop words inside one sentence that occurs at least twice in the document (one
// occurrence is usually chance; requiring two keeps the phrase vocabulary small). For a lone document:
// RAKE (Rose et al. 2010) over runs of up to three non-stop words.
import * as scanner from './scanner.ts';
import { type Scan } from './scanner.ts';
import type { Keyword } from './types.ts';
import * as vocabModule from './vocab.ts';
import { type Vocab } from './vocab.ts';
import { grown } from './grown.ts';
const { F_STOP } = vocabModule;

// Local copies: compiled to CommonJS (tsx, Jest), every use of an imported binding is a getter call,
// which costs more than the tokenizer's own work per character.
const { K_WORD, T_ABBREV } = scanner;
// Math.imul through a local: inside Jest's sandbox every global lookup of Math is ~100x slower.
const imul = Math.imul;

/**
 * Is token t a keyword candidate: a word of 2+ characters with a vocabulary id that is neither a
 * stop word nor an abbreviation ("Dr", "e.g")?
 */
function candidate(scan: Scan, t: number): boolean {
  return scan.kind[t] === K_WORD && scan.id[t]! >= 0 && (scan.info[t]! & F_STOP) === 0 && (scan.flags[t]! & T_ABBREV) === 0 && scan.end[t]! - scan.start[t]! >= 2;
}

/**
 * Term counts of the documents of one batch, back to back: document d's terms are
 * ids[offset[d], offset[d + 1]) with counts[…]; `df` counts the documents holding each id.
 */
export class TermTable {
  ids = new Int32Array(1 << 16);
  counts = new Int32Array(1 << 16);
  offsets: number[] = [0];
  df = new Int32Array(1024);
  /** Ids with df > 0, in first-seen order. */
  touched: number[] = [];
  private used = 0;
  private stamp = new Int32Array(1024);
  private slot = new Int32Array(1024);
  // Pair counting for keyphrases: open addressing over (a, b), reset per document.
  private pairA = new Int32Array(1024);
  private pairB = new Int32Array(1024);
  private pairN = new Int32Array(1024);
  private pairUsed: number[] = [];
  private bestW = new Float64Array(16);
  private bestId = new Int32Array(16);

  constructor(private readonly vocab: Vocab) {}

  get documents(): number {
    return this.offsets.length - 1;
  }

  /** Adds the terms of one scanned document; returns its index in the batch. */
  add(scan: Scan, phrases: boolean): number {
    const vocab = this.vocab;
    const doc = this.offsets.length; // stamps are doc + 1 so that 0 means "never"
    for (let s = 0; s < scan.sentences; s++) {
      const last = scan.sentEnd[s]!;
      let previous = -1;
      for (let t = scan.sentStart[s]!; t < last; t++) {
        if (!candidate(scan, t)) {
          previous = -1;
          continue;
        }
        const id = scan.id[t]!;
        this.count(id, doc);
        if (phrases && previous >= 0) this.countPair(previous, id);
        previous = id;
      }
    }
    if (phrases) {
      for (const p of this.pairUsed) {
        if (this.pairN[p]! >= 2) {
          const id = vocab.phrase(this.pairA[p]!, this.pairB[p]!);
          this.count(id, doc);
          this.counts[this.slot[id]!] = this.pairN[p]!;
        }
        this.pairN[p] = 0;
      }
      this.pairUsed.length = 0;
    }
    this.offsets.push(this.used);
    return doc - 1;
  }

  private count(id: number, doc: number): void {
    if (id >= this.stamp.length) this.growIds(id);
    if (this.stamp[id] === doc) {
      this.counts[this.slot[id]!]!++;
      return;
    }
    this.stamp[id] = doc;
    if (this.used === this.ids.length) {
      this.ids = grown(this.ids, this.used * 2);
      this.counts = grown(this.counts, this.used * 2);
    }
    this.slot[id] = this.used;
    this.ids[this.used] = id;
    this.counts[this.used] = 1;
    this.used++;
    if (this.df[id]! === 0) this.touched.push(id);
    this.df[id]!++;
  }

  private countPair(a: number, b: number): void {
    const mask = this.pairA.length - 1;
    let p = (imul(a, 0x9e3779b1) ^ b) & mask;
    while (this.pairN[p]! !== 0) {
      if (this.pairA[p] === a && this.pairB[p] === b) {
        this.pairN[p]!++;
        return;
      }
      p = (p + 1) & mask;
    }
    this.pairA[p] = a;
    this.pairB[p] = b;
    this.pairN[p] = 1;
    this.pairUsed.push(p);
    if (this.pairUsed.length * 2 > this.pairA.length) this.growPairs();
  }

  private growPairs(): void {
    const oldA = this.pairA;
    const oldB = this.pairB;
    const oldN = this.pairN;
    const n = oldA.length * 2;
    this.pairA = new Int32Array(n);
    this.pairB = new Int32Array(n);
    this.pairN = new Int32Array(n);
    const used = this.pairUsed;
    this.pairUsed = [];
    for (const p of used) {
      const a = oldA[p]!;
      const b = oldB[p]!;
      const mask = n - 1;
      let q = (imul(a, 0x9e3779b1) ^ b) & mask;
      while (this.pairN[q]! !== 0) q = (q + 1) & mask;
      this.pairA[q] = a;
      this.pairB[q] = b;
      this.pairN[q] = oldN[p]!;
      this.pairUsed.push(q);
    }
  }

  private growIds(id: number): void {
    let n = this.stamp.length;
    while (n <= id) n *= 2;
    this.stamp = grown(this.stamp, n);
    this.slot = grown(this.slot, n);
    this.df = grown(this.df, n);
  }

  /**
   * The top `n` terms of document `doc` by TF-IDF, given each id's idf. Ties are broken by the
   * term's text so that the result does not depend on id order (which differs between threads).
   */
  top(doc: number, n: number, idf: Float64Array): Keyword[] {
    const from = this.offsets[doc]!;
    const to = this.offsets[doc + 1]!;
    let norm = 0;
    if (this.bestW.length < n) {
      this.bestW = new Float64Array(n);
      this.bestId = new Int32Array(n);
    }
    const bestW = this.bestW;
    const bestId = this.bestId;
    let size = 0;
    const strings = this.vocab.strings;
    for (let k = from; k < to; k++) {
      const id = this.ids[k]!;
      const w = this.counts[k]! * idf[id]!;
      norm += w * w;
      if (n === 0 || (size === n && w < bestW[size - 1]!)) continue;
      // Insertion into the sorted top list (n is small); ties by term text.
      let at = size;
      while (at > 0 && (bestW[at - 1]! < w || (bestW[at - 1] === w && strings[bestId[at - 1]!]! > strings[id]!))) at--;
      if (at >= n) continue;
      const last = size < n ? size : n - 1;
      for (let q = last; q > at; q--) {
        bestW[q] = bestW[q - 1]!;
        bestId[q] = bestId[q - 1]!;
      }
      bestW[at] = w;
      bestId[at] = id;
      if (size < n) size++;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const out: Keyword[] = new Array<Keyword>(size);
    for (let k = 0; k < size; k++) out[k] = { term: strings[bestId[k]!]!, score: Math.round(bestW[k]! * scale * 1e4) / 1e4 };
    return out;
  }
}

/** Smoothed idf per id for a batch of `n` documents with document frequencies `df`. */
export function idfTable(n: number, df: Int32Array, ids: readonly number[], size: number): Float64Array {
  const idf = new Float64Array(size);
  for (const id of ids) idf[id] = Math.log((1 + n) / (1 + df[id]!)) + 1;
  return idf;
}

/** Longest RAKE keyphrase, in words. */
export const RAKE_MAX_WORDS = 3;

/**
 * RAKE for one document: candidate phrases are runs of non-stop words (split at stop words,
 * punctuation and sentence ends; longer runs cut every RAKE_MAX_WORDS words); a word scores degree/frequency,
 * a phrase the sum of its words; scores are divided by the best so the top keyword scores 1.
 */
export function rake(scan: Scan, vocab: Vocab, n: number, phrases: boolean): Keyword[] {
  if (n <= 0) return [];
  const runs: number[][] = [];
  for (let s = 0; s < scan.sentences; s++) {
    let run: number[] = [];
    const flush = () => {
      // Runs longer than the limit are cut into consecutive phrases of at most that many words.
      const max = phrases ? RAKE_MAX_WORDS : 1;
      for (let k = 0; k < run.length; k += max) runs.push(run.slice(k, k + max));
      run = [];
    };
    for (let t = scan.sentStart[s]!; t < scan.sentEnd[s]!; t++) {
      if (candidate(scan, t)) run.push(scan.id[t]!);
      else flush();
    }
    flush();
  }
  const freq = new Map<number, number>();
  const degree = new Map<number, number>();
  for (const run of runs) {
    for (const id of run) {
      freq.set(id, (freq.get(id) ?? 0) + 1);
      degree.set(id, (degree.get(id) ?? 0) + run.length);
    }
  }
  const scored = new Map<string, number>();
  for (const run of runs) {
    const phrase = run.map((id) => vocab.strings[id]!).join(' ');
    if (scored.has(phrase)) continue;
    let score = 0;
    for (const id of run) score += degree.get(id)! / freq.get(id)!;
    scored.set(phrase, score);
  }
  const ranked = [...scored].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, n);
  const best = ranked[0]?.[1] ?? 1;
  return ranked.map(([term, score]) => ({ term, score: Math.round((score / best) * 1e4) / 1e4 }));
}
