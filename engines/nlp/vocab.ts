// The vocabulary: every distinct case-folded word gets a small integer id, looked up straight from
// a range of the input text by a hash computed while scanning: no substring is made for a word
// already known (most words of a document), only for a new one.
// Per-id attributes (lexicon valence, stop word, VADER rule role, syllables) are computed once, when
// the word is first seen, so the per-token work is array reads.
import { countSyllables } from './readability.ts';
import * as chars from './chars.ts';
import { ABBREVIATIONS, BOOSTERS, EMOJI_NAMES, IDIOMS, NEGATIONS, STOP_WORDS, loadVaderLexicon } from './lexicon.ts';
import { grown } from './grown.ts';

// Local copies: compiled to CommonJS (tsx, Jest), every use of an imported binding is a getter call,
// which costs more than the tokenizer's own work per character.
const { lowerCode } = chars;
// Math.imul through a local: inside Jest's sandbox every global lookup of Math is ~100x slower.
const imul = Math.imul;

// Flags per id.
export const F_STOP = 1;
export const F_NEGATION = 2;
export const F_IDIOM = 4; // appears in one of VADER's idioms or two-word dampeners
export const F_ABBREVIATION = 8;
export const F_LEXICON = 16;
export const F_PHRASE = 32; // a two-word keyphrase, not a word

// VADER's rule words, by role.
export const R_NONE = 0;
export const R_KIND = 1;
export const R_OF = 2;
export const R_LEAST = 3;
export const R_AT = 4;
export const R_VERY = 5;
export const R_NEVER = 6;
export const R_SO = 7;
export const R_THIS = 8;
export const R_BUT = 9;

const ROLES = new Map([
  ['kind', R_KIND], ['of', R_OF], ['least', R_LEAST], ['at', R_AT], ['very', R_VERY],
  ['never', R_NEVER], ['so', R_SO], ['this', R_THIS], ['but', R_BUT],
]);

const NEGATION_SET = new Set(NEGATIONS);
let sharedLexicon: Map<string, number> | undefined;
let idiomWords: Set<string> | undefined;

/** The VADER lexicon, loaded once per thread. */
export function lexicon(): Map<string, number> {
  sharedLexicon ??= loadVaderLexicon();
  return sharedLexicon;
}

function idiomWordSet(): Set<string> {
  if (!idiomWords) {
    idiomWords = new Set();
    // Only the distinctive words: every idiom holds one, and flagging "the" or "of" would send
    // nearly every sentence through the (string-building) idiom check.
    for (const phrase of [...IDIOMS.keys(), 'just enough', 'kind of', 'sort of']) for (const w of phrase.split(' ')) if (!['the', 'of', 'to'].includes(w)) idiomWords.add(w);
  }
  return idiomWords;
}

/** Longest word interned; longer runs (hashes, base64, junk) are tokens without an id. */
export const MAX_WORD_LENGTH = 64;

export class Vocab {
  /** Case-folded text of each id. */
  strings: string[] = [];
  valence = new Float64Array(1024);
  booster = new Float64Array(1024);
  /** Flags (F_*) in bits 0-7 and VADER rule role (R_*) in bits 8-15: one read, which the tokenizer copies into its token layout. */
  info = new Int32Array(1024);
  /** Syllables of each word; 0 = not counted yet (see `syllablesOf`). */
  syllables = new Uint8Array(1024);
  /** For phrases: the ids of their two words. */
  first = new Int32Array(1024);
  second = new Int32Array(1024);

  // Words are found by a 64-bit hash of their case-folded code units (two 32-bit multiplicative
  // hashes, FNV-1a and a golden-ratio variant) plus their length, without comparing characters:
  // the comparison loop was a third of the tokenizer's time. Two different words are taken for one
  // only if all 64 bits and the length agree: for a vocabulary of a million words the chance that
  // any two do is about 3 in 100 million (n² / 2^65).
  private hashA = new Int32Array(1024);
  private hashB = new Int32Array(1024);
  private length = new Int32Array(1024);
  // Open addressing, linear probing. Slot s is [hashA, hashB, id + 1, length] at 4s (id + 1 = 0:
  // empty): a probe reads one cache line. Load factor kept under 1/2.
  private table = new Int32Array(4 << 12);
  private mask = (1 << 12) - 1;
  private words = 0;
  private phraseTable = new Int32Array(1 << 12);
  private phraseMask = (1 << 12) - 1;
  private phraseCount = 0;
  private readonly lexicon = lexicon();

  get size(): number {
    return this.strings.length;
  }

  /**
   * The id of `text[start, end)` case-folded, given its two hashes (`HASH_A`/`HASH_B` steps over
   * `lowerCode` of each code unit, as the tokenizer computes them while scanning); interned when new.
   */
  lookupHashed(text: string, start: number, end: number, a: number, b: number): number {
    const len = end - start;
    const table = this.table;
    const mask = this.mask;
    let slot = a & mask;
    for (;;) {
      const at = slot << 2;
      const entry = table[at + 2]!;
      if (entry === 0) break;
      if (table[at] === a && table[at + 1] === b && table[at + 3] === len) return entry - 1;
      slot = (slot + 1) & mask;
    }
    return this.insertRange(text, start, end, a, b, slot);
  }

  /** The miss path of `lookupHashed`, apart so that the hit path stays small enough to inline. */
  private insertRange(text: string, start: number, end: number, a: number, b: number, slot: number): number {
    let folded = '';
    for (let k = start; k < end; k++) folded += String.fromCharCode(lowerCode(text.charCodeAt(k)));
    return this.insert(folded, a, b, slot);
  }

  /** The id of `text[start, end)` case-folded; interned when new. */
  lookup(text: string, start: number, end: number): number {
    let a = HASH_SEED_A;
    let b = HASH_SEED_B;
    for (let k = start; k < end; k++) {
      const c = lowerCode(text.charCodeAt(k));
      a = imul(a ^ c, HASH_A);
      b = imul(b ^ c, HASH_B);
    }
    return this.lookupHashed(text, start, end, a, b);
  }

  /** The id of a word given as a string (emoji, emoticons, tests); interned when new. */
  idOf(word: string): number {
    return this.lookup(word, 0, word.length);
  }

  /** Syllables of word `id`, counted once. */
  syllablesOf(id: number): number {
    let n = this.syllables[id]!;
    if (n === 0) {
      n = Math.max(1, Math.min(255, countSyllables(this.strings[id]!)));
      this.syllables[id] = n;
    }
    return n;
  }

  /** The id of the two-word phrase (a, b), interned when new. */
  phrase(a: number, b: number): number {
    const key = (imul(a, 0x9e3779b1) ^ b) >>> 0;
    let slot = key & this.phraseMask;
    for (;;) {
      const entry = this.phraseTable[slot]!;
      if (entry === 0) break;
      const id = entry - 1;
      if (this.first[id] === a && this.second[id] === b) return id;
      slot = (slot + 1) & this.phraseMask;
    }
    const id = this.addEntry(`${this.strings[a]} ${this.strings[b]}`);
    this.info[id] = F_PHRASE;
    this.first[id] = a;
    this.second[id] = b;
    this.phraseTable[slot] = id + 1;
    if (++this.phraseCount * 2 > this.phraseTable.length) this.phraseTable = this.rehash(this.phraseTable, (i) => (imul(this.first[i]!, 0x9e3779b1) ^ this.second[i]!) >>> 0, (m) => (this.phraseMask = m), F_PHRASE);
    return id;
  }

  private insert(folded: string, a: number, b: number, slot: number): number {
    const id = this.addEntry(folded);
    this.hashA[id] = a;
    this.hashB[id] = b;
    this.length[id] = folded.length;
    const at = slot << 2;
    this.table[at] = a;
    this.table[at + 1] = b;
    this.table[at + 2] = id + 1;
    this.table[at + 3] = folded.length;
    this.describe(id, folded);
    if (++this.words * 8 > this.table.length) this.rehashWords();
    return id;
  }

  private addEntry(text: string): number {
    const id = this.strings.length;
    if (id === this.info.length) this.grow();
    this.strings.push(text);
    this.valence[id] = 0;
    this.booster[id] = 0;
    this.info[id] = 0;
    this.syllables[id] = 0;
    return id;
  }

  /** Attributes of a new word, read once from the word lists. */
  private describe(id: number, word: string): void {
    let flags = 0;
    let valence = this.lexicon.get(word);
    const emojiName = EMOJI_NAMES.get(word);
    if (emojiName !== undefined) {
      valence = emojiName.split(' ').reduce((sum, w) => sum + (this.lexicon.get(w) ?? 0), 0);
      if (valence === 0) valence = undefined;
    }
    if (valence !== undefined) {
      flags |= F_LEXICON;
      this.valence[id] = valence;
    }
    if (STOP_WORDS.has(word)) flags |= F_STOP;
    if (NEGATION_SET.has(word) || word.includes("n't")) flags |= F_NEGATION;
    if (idiomWordSet().has(word)) flags |= F_IDIOM;
    if (ABBREVIATIONS.has(word)) flags |= F_ABBREVIATION;

    this.booster[id] = BOOSTERS.get(word) ?? 0;
    this.info[id] = flags | ((ROLES.get(word) ?? R_NONE) << 8);
  }

  private grow(): void {
    const n = this.info.length * 2;
    this.valence = grown(this.valence, n);
    this.booster = grown(this.booster, n);
    this.info = grown(this.info, n);
    this.syllables = grown(this.syllables, n);
    this.first = grown(this.first, n);
    this.second = grown(this.second, n);
    this.hashA = grown(this.hashA, n);
    this.hashB = grown(this.hashB, n);
    this.length = grown(this.length, n);
  }

  private rehashWords(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length / 4 - 1;
    for (let id = 0; id < this.strings.length; id++) {
      if ((this.info[id]! & F_PHRASE) !== 0) continue;
      let slot = this.hashA[id]! & mask;
      while (table[4 * slot + 2] !== 0) slot = (slot + 1) & mask;
      table[4 * slot] = this.hashA[id]!;
      table[4 * slot + 1] = this.hashB[id]!;
      table[4 * slot + 2] = id + 1;
      table[4 * slot + 3] = this.length[id]!;
    }
    this.table = table;
    this.mask = mask;
  }

  /** Doubles the phrase table. */
  private rehash(old: Int32Array<ArrayBuffer>, keyOf: (id: number) => number, setMask: (m: number) => void, phraseFlag: number): Int32Array<ArrayBuffer> {
    const table = new Int32Array(old.length * 2);
    const mask = table.length - 1;
    for (let id = 0; id < this.strings.length; id++) {
      if ((this.info[id]! & F_PHRASE) !== phraseFlag) continue;
      let slot = keyOf(id) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    setMask(mask);
    return table;
  }
}

/** The two word hashes: FNV-1a (offset basis, prime) and a golden-ratio multiplicative hash. */
export const HASH_SEED_A = 0x811c9dc5 | 0;
export const HASH_A = 0x01000193;
export const HASH_SEED_B = 0x2545f491;
export const HASH_B = 0x9e3779b1 | 0;
