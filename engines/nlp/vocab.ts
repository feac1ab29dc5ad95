// The vocabulary: every distinct case-folded word gets a small integer id, looked up straight from
// a range of the input text without allocating a substring (most words of a document are already
// known, and allocating ~2.5 M substrings per 10k documents was the tokenizer's main cost).
// Per-id attributes (lexicon valence, stop word, VADER rule role, syllables) are computed once, when
// the word is first seen, so the per-token work is array reads.
import { countSyllables } from './readability.ts';
import * as chars from './chars.ts';
import { ABBREVIATIONS, BOOSTERS, EMOJI_NAMES, IDIOMS, NEGATIONS, STOP_WORDS, loadVaderLexicon } from './lexicon.ts';

// Local copies: compiled to CommonJS (tsx, Jest), every use of an imported binding is a getter call,
// which costs more than the tokenizer's own work per character.
const { LOWER, lowerCode } = chars;
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
    for (const phrase of [...IDIOMS.keys(), 'just enough', 'kind of', 'sort of']) for (const w of phrase.split(' ')) idiomWords.add(w);
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
  flags = new Uint8Array(1024);
  role = new Uint8Array(1024);
  syllables = new Uint8Array(1024);
  /** For phrases: the ids of their two words. */
  first = new Int32Array(1024);
  second = new Int32Array(1024);

  private hashes = new Int32Array(1024);
  // Folded characters of every word, back to back; id i occupies [offset[i], offset[i] + length[i]).
  private chars = new Uint16Array(1 << 16);
  private charsUsed = 0;
  private offset = new Int32Array(1024);
  private length = new Int32Array(1024);
  // Open addressing, linear probing. Slot s is [hash, id + 1, offset of its chars, length] at 4s
  // (id + 1 = 0: empty), so a probe and its length check read one cache line, then the chars.
  // Load factor kept under 1/2.
  private table = new Int32Array(4 << 12);
  private mask = (1 << 12) - 1;
  private phraseTable = new Int32Array(1 << 12);
  private phraseMask = (1 << 12) - 1;
  private phraseCount = 0;
  private readonly lexicon = lexicon();

  get size(): number {
    return this.strings.length;
  }

  /**
   * The id of `text[start, end)` case-folded, whose folded FNV-1a hash is `hash`; interned when
   * new. The caller computed `hash` while scanning, with `foldHash`.
   */
  lookup(text: string, start: number, end: number, hash: number): number {
    const len = end - start;
    const table = this.table;
    let slot = hash & this.mask;
    for (;;) {
      const at = slot << 2;
      const entry = table[at + 1]!;
      if (entry === 0) break;
      if (table[at] === hash && table[at + 3] === len) {
        const off = table[at + 2]!;
        const chars = this.chars;
        let k = 0;
        while (k < len) {
          const c = text.charCodeAt(start + k);
          if (chars[off + k] !== (c < 256 ? LOWER[c]! : lowerCode(c))) break;
          k++;
        }
        if (k === len) return entry - 1;
      }
      slot = (slot + 1) & this.mask;
    }
    let folded = '';
    for (let k = start; k < end; k++) folded += String.fromCharCode(lowerCode(text.charCodeAt(k)));
    return this.insert(folded, hash, slot);
  }

  /** The id of a word given as a string (emoji, emoticons, tests); interned when new. */
  idOf(word: string): number {
    return this.lookup(word, 0, word.length, foldHash(word, 0, word.length));
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
    const id = this.addEntry(`${this.strings[a]} ${this.strings[b]}`, 0);
    this.flags[id] = F_PHRASE;
    this.first[id] = a;
    this.second[id] = b;
    this.phraseTable[slot] = id + 1;
    if (++this.phraseCount * 2 > this.phraseTable.length) this.phraseTable = this.rehash(this.phraseTable, (i) => (imul(this.first[i]!, 0x9e3779b1) ^ this.second[i]!) >>> 0, (m) => (this.phraseMask = m), F_PHRASE);
    return id;
  }

  private insert(folded: string, hash: number, slot: number): number {
    const id = this.addEntry(folded, hash);
    const len = folded.length;
    if (this.charsUsed + len > this.chars.length) {
      const grown = new Uint16Array(Math.max(this.chars.length * 2, this.charsUsed + len));
      grown.set(this.chars);
      this.chars = grown;
    }
    this.offset[id] = this.charsUsed;
    this.length[id] = len;
    for (let k = 0; k < len; k++) this.chars[this.charsUsed + k] = folded.charCodeAt(k);
    this.charsUsed += len;
    this.table[4 * slot] = hash;
    this.table[4 * slot + 1] = id + 1;
    this.table[4 * slot + 2] = this.offset[id]!;
    this.table[4 * slot + 3] = len;
    this.describe(id, folded);
    if ((this.strings.length - this.phraseCount) * 8 > this.table.length) this.rehashWords();
    return id;
  }

  private addEntry(text: string, hash: number): number {
    const id = this.strings.length;
    if (id === this.flags.length) this.grow();
    this.strings.push(text);
    this.hashes[id] = hash;
    this.valence[id] = 0;
    this.booster[id] = 0;
    this.flags[id] = 0;
    this.role[id] = R_NONE;
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
    if (NEGATIONS.includes(word) || word.includes("n't")) flags |= F_NEGATION;
    if (idiomWordSet().has(word)) flags |= F_IDIOM;
    if (ABBREVIATIONS.has(word)) flags |= F_ABBREVIATION;
    this.flags[id] = flags;
    this.booster[id] = BOOSTERS.get(word) ?? 0;
    this.role[id] = ROLES.get(word) ?? R_NONE;
    this.syllables[id] = Math.min(255, countSyllables(word));
  }

  private grow(): void {
    const n = this.flags.length * 2;
    const f64 = (a: Float64Array) => { const b = new Float64Array(n); b.set(a); return b; };
    const u8 = (a: Uint8Array) => { const b = new Uint8Array(n); b.set(a); return b; };
    const i32 = (a: Int32Array) => { const b = new Int32Array(n); b.set(a); return b; };
    this.valence = f64(this.valence);
    this.booster = f64(this.booster);
    this.flags = u8(this.flags);
    this.role = u8(this.role);
    this.syllables = u8(this.syllables);
    this.first = i32(this.first);
    this.second = i32(this.second);
    this.hashes = i32(this.hashes);
    this.offset = i32(this.offset);
    this.length = i32(this.length);
  }

  private rehashWords(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length / 4 - 1;
    for (let id = 0; id < this.strings.length; id++) {
      if ((this.flags[id]! & F_PHRASE) !== 0) continue;
      const hash = this.hashes[id]!;
      let slot = hash & mask;
      while (table[4 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[4 * slot] = hash;
      table[4 * slot + 1] = id + 1;
      table[4 * slot + 2] = this.offset[id]!;
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
      if ((this.flags[id]! & F_PHRASE) !== phraseFlag) continue;
      let slot = keyOf(id) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    setMask(mask);
    return table;
  }
}

/** FNV-1a over the case-folded code units of `text[start, end)`; the tokenizer inlines the same. */
export function foldHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = imul(h ^ lowerCode(text.charCodeAt(k)), 0x01000193);
  return h;
}
