// Sentiment: VADER (Hutto & Gilbert 2014), ported onto the scanned token layout. Within a sentence
// the rules are VADER's, step for step (valence lexicon; ALL-CAPS emphasis when only some words are
// capitalised; boosters and dampeners up to three words back, decaying 1, 0.95, 0.9; negation up to
// three words back; "never so/this"; "least"; idioms; "kind of"; "but" halving what comes before it
// and raising what follows by half; ! and ? emphasis). A document is scored sentence by sentence —
// so a "but" or a "!!!" acts on its own sentence, not the whole text — and the sentence sums are
// added before the compound normalisation x / sqrt(x² + 15). For a one-sentence text this is VADER.
import { BOOSTER_BIGRAMS, B_DECR, C_INCR, IDIOMS, N_SCALAR } from './lexicon.ts';
import * as scanner from './scanner.ts';
import { type Scan } from './scanner.ts';
import type { Sentiment, SentimentLabel } from './types.ts';
import * as vocabModule from './vocab.ts';
import { type Vocab } from './vocab.ts';
import { grown } from './grown.ts';
const { K_EMAIL, K_EMOJI, K_EMOTICON, K_NUMBER, K_URL, K_WORD, T_UPPER } = scanner;

// Local copies: compiled to CommonJS (tsx, Jest), every use of an imported binding is a getter call,
// which costs more than the tokenizer's own work per character.
const { F_IDIOM, F_LEXICON, F_NEGATION, R_AT, R_BUT, R_KIND, R_LEAST, R_NEVER, R_OF, R_SO, R_THIS, R_VERY } = vocabModule;

/** VADER's thresholds on the compound score for the label. */
export const POSITIVE_THRESHOLD = 0.05;
export const NEGATIVE_THRESHOLD = -0.05;

const UPPER = 1 << 16;

export class SentimentScorer {
  // The sentence's items: token index, vocabulary id, and packed info (vocabulary flags in bits
  // 0-7, rule role in 8-15, all-caps in bit 16), gathered once so the rules read flat arrays.
  private items = new Int32Array(256);
  private ids = new Int32Array(256);
  private info = new Int32Array(256);
  private values = new Float64Array(256);
  private lexiconItems = 0;
  private butAt = -1;
  private scan!: Scan;
  private count = 0;
  private capDiff = false;
  /** Does the sentence hold a word of an idiom? Only then are idioms looked for. */
  private idiomWords = false;

  constructor(private readonly vocab: Vocab) {}

  /** Scores a scanned document. */
  score(scan: Scan): Sentiment {
    this.scan = scan;
    let total = 0;
    let posSum = 0;
    let negSum = 0;
    let neutral = 0;
    for (let s = 0; s < scan.sentences; s++) {
      const m = this.collect(scan.sentStart[s]!, scan.sentEnd[s]!);
      if (m === 0) continue;
      if (this.lexiconItems === 0) {
        // No word of the lexicon: every item is neutral and no rule can change that.
        neutral += m;
        continue;
      }
      const values = this.values;
      const info = this.info;
      for (let k = 0; k < m; k++) values[k] = (info[k]! & F_LEXICON) !== 0 ? this.valence(k) : 0;
      // "but": what precedes it counts half, what follows one and a half times.
      const but = this.butAt;
      if (but >= 0) {
        for (let q = 0; q < m; q++) if (q < but) values[q]! *= 0.5;
        else if (q > but) values[q]! *= 1.5;
      }
      let sum = 0;
      let pos = 0;
      let neg = 0;
      let neu = 0;
      for (let k = 0; k < m; k++) {
        const v = values[k]!;
        sum += v;
        // +1 / -1 compensate for neutral words counting 1 each (VADER's sift_sentiment_scores).
        if (v > 0) pos += v + 1;
        else if (v < 0) neg += v - 1;
        else neu++;
      }
      const emphasis = punctuationEmphasis(scan.sentBang[s]!, scan.sentQuery[s]!);
      if (sum > 0) sum += emphasis;
      else if (sum < 0) sum -= emphasis;
      if (pos > -neg) pos += emphasis;
      else if (pos < -neg) neg -= emphasis;
      total += sum;
      posSum += pos;
      negSum += neg;
      neutral += neu;
    }
    return toSentiment(total, posSum, negSum, neutral);
  }

  /** Gathers the sentence's sentiment items (VADER drops one-character words); returns their count. */
  private collect(first: number, last: number): number {
    const scan = this.scan;
    const kinds = scan.kind;
    const infos = scan.info;
    let m = 0;
    let upper = 0;
    let idiom = false;
    let lexiconItems = 0;
    let butAt = -1;
    for (let t = first; t < last; t++) {
      const kind = kinds[t]!;
      if (kind === K_WORD || kind === K_NUMBER || kind === K_URL || kind === K_EMAIL) {
        if (scan.end[t]! - scan.start[t]! < 2) continue;
      } else if (kind !== K_EMOJI && kind !== K_EMOTICON) continue;
      if (m === this.items.length) this.grow();
      const id = scan.id[t]!;
      let info = infos[t]!;
      if (info !== 0) {
        if ((info & F_LEXICON) !== 0) lexiconItems++;
        if ((info & F_IDIOM) !== 0) idiom = true;
        if (((info >> 8) & 0xff) === R_BUT && butAt < 0) butAt = m;
      }
      if ((scan.flags[t]! & T_UPPER) !== 0) {
        info |= UPPER;
        upper++;
      }
      this.items[m] = t;
      this.ids[m] = id;
      this.info[m] = info;
      m++;
    }
    this.count = m;
    this.lexiconItems = lexiconItems;
    this.butAt = butAt;
    this.idiomWords = idiom;
    // ALL-CAPS emphasis counts only when some, not all, of the words are in capitals.
    this.capDiff = upper > 0 && upper < m;
    return m;
  }

  private grow(): void {
    const n = this.items.length * 2;
    this.items = grown(this.items, n);
    this.ids = grown(this.ids, n);
    this.info = grown(this.info, n);
    this.values = new Float64Array(n);
  }

  private id(k: number): number {
    return this.ids[k]!;
  }

  private role(k: number): number {
    return (this.info[k]! >> 8) & 0xff;
  }

  private upper(k: number): boolean {
    return (this.info[k]! & UPPER) !== 0;
  }

  private has(k: number, flag: number): boolean {
    return (this.info[k]! & flag) !== 0;
  }

  private valence(k: number): number {
    const vocab = this.vocab;
    const id = this.id(k);
    if ((k < this.count - 1 && this.role(k) === R_KIND && this.role(k + 1) === R_OF) || vocab.booster[id] !== 0) return 0;
    let v = vocab.valence[id]!;
    if (this.capDiff && this.upper(k)) v += v > 0 ? C_INCR : -C_INCR;
    for (let s = 0; s < 3; s++) {
      if (k <= s || this.has(k - s - 1, F_LEXICON)) continue;
      let scalar = this.scalar(k - s - 1, v);
      if (s === 1) scalar *= 0.95;
      else if (s === 2) scalar *= 0.9;
      v += scalar;
      if (s === 0) {
        if (this.has(k - 1, F_NEGATION)) v *= N_SCALAR;
      } else if (s === 1) {
        if (this.role(k - 2) === R_NEVER && (this.role(k - 1) === R_SO || this.role(k - 1) === R_THIS)) v *= 1.5;
        else if (this.has(k - 2, F_NEGATION)) v *= N_SCALAR;
      } else {
        const r1 = this.role(k - 1);
        const r2 = this.role(k - 2);
        if ((this.role(k - 3) === R_NEVER && (r2 === R_SO || r2 === R_THIS)) || r1 === R_SO || r1 === R_THIS) v *= 1.25;
        else if (this.has(k - 3, F_NEGATION)) v *= N_SCALAR;
        v = this.idioms(k, v);
      }
    }
    // "least": "least good" negates; "at least" and "very least" do not.
    if (k > 1 && this.role(k - 1) === R_LEAST) {
      const r2 = this.role(k - 2);
      if (r2 !== R_AT && r2 !== R_VERY) v *= N_SCALAR;
    } else if (k > 0 && this.role(k - 1) === R_LEAST) v *= N_SCALAR;
    return v;
  }

  /** The booster/dampener effect of item k on valence v (0 when k is neither). */
  private scalar(k: number, v: number): number {
    const id = this.id(k);
    if (id < 0) return 0;
    let scalar = this.vocab.booster[id]!;
    if (scalar === 0) return 0;
    if (v < 0) scalar = -scalar;
    if (this.capDiff && this.upper(k)) scalar += v > 0 ? C_INCR : -C_INCR;
    return scalar;
  }

  /** VADER's idiom check around item k (k > 2); strings are built only near an idiom word. */
  private idioms(k: number, v: number): number {
    const m = this.count;
    if (!this.idiomWords) return v;
    let near = false;
    for (let q = k - 3; q <= Math.min(m - 1, k + 2); q++) if (this.has(q, F_IDIOM)) near = true;
    if (!near) return v;
    const w = (q: number): string => {
      const id = this.id(q);
      return id >= 0 ? this.vocab.strings[id]! : this.scan.text.slice(this.scan.start[this.items[q]!]!, this.scan.end[this.items[q]!]!).toLowerCase();
    };
    const sequences = [`${w(k - 1)} ${w(k)}`, `${w(k - 2)} ${w(k - 1)} ${w(k)}`, `${w(k - 2)} ${w(k - 1)}`, `${w(k - 3)} ${w(k - 2)} ${w(k - 1)}`, `${w(k - 3)} ${w(k - 2)}`];
    for (const seq of sequences) {
      const idiom = IDIOMS.get(seq);
      if (idiom !== undefined) {
        v = idiom;
        break;
      }
    }
    if (m - 1 > k) v = IDIOMS.get(`${w(k)} ${w(k + 1)}`) ?? v;
    if (m - 1 > k + 1) v = IDIOMS.get(`${w(k)} ${w(k + 1)} ${w(k + 2)}`) ?? v;
    if (BOOSTER_BIGRAMS.has(sequences[4]!) || BOOSTER_BIGRAMS.has(sequences[2]!)) v += B_DECR;
    return v;
  }
}

/** VADER's emphasis from up to four "!" (0.292 each) and two or more "?" (0.18 each, at most 0.96). */
export function punctuationEmphasis(bang: number, query: number): number {
  const ep = Math.min(bang, 4) * 0.292;
  const qm = query > 1 ? (query <= 3 ? query * 0.18 : 0.96) : 0;
  return ep + qm;
}

/** VADER's normalisation of a valence sum into [-1, 1]. */
export function normalize(score: number, alpha = 15): number {
  const x = score / Math.sqrt(score * score + alpha);
  return x < -1 ? -1 : x > 1 ? 1 : x;
}

export function labelOf(compound: number): SentimentLabel {
  return compound >= POSITIVE_THRESHOLD ? 'positive' : compound <= NEGATIVE_THRESHOLD ? 'negative' : 'neutral';
}

function toSentiment(total: number, pos: number, neg: number, neu: number): Sentiment {
  const sum = pos + Math.abs(neg) + neu;
  // A text without sentiment items (empty, only punctuation) is wholly neutral.
  if (sum === 0) return { compound: 0, positive: 0, negative: 0, neutral: 1, label: 'neutral' };
  const compound = Math.round(normalize(total) * 1e4) / 1e4;
  return {
    compound,
    positive: Math.round(Math.abs(pos / sum) * 1e3) / 1e3,
    negative: Math.round(Math.abs(neg / sum) * 1e3) / 1e3,
    neutral: Math.round(Math.abs(neu / sum) * 1e3) / 1e3,
    label: labelOf(compound),
  };
}
