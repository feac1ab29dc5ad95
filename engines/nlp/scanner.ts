// The tokenizer: one pass over a document fills a flat, reused token layout (kind, offsets,
// vocabulary id, flags) and the sentence boundaries over it; every feature reads that layout.
//
// Tokens: words (with contractions "don't", hyphenation "well-known", dotted forms "e.g", "node.js"),
// numbers ("1,234.5", "50%"), URLs, e-mail addresses, emoji (with modifiers and ZWJ sequences),
// emoticons from the VADER lexicon (":-)", "<3"), punctuation and symbols. Han, kana and Hangul are
// one token per character. A sentence ends at . ! ? … (and 。！？) unless the period follows an
// abbreviation ("Dr.", "e.g.", an initial "J.") or the next word starts in lowercase; a blank line
// also ends a sentence.
import * as chars from './chars.ts';
import * as vocabModule from './vocab.ts';
import { type Vocab } from './vocab.ts';
import { grown } from './grown.ts';
const { F_ABBREVIATION, HASH_A, HASH_B, HASH_SEED_A, HASH_SEED_B, MAX_WORD_LENGTH } = vocabModule;

// Local copies: compiled to CommonJS (tsx, Jest), every use of an imported binding is a getter call,
// which costs more than the tokenizer's own work per character.
const { C_DIGIT, C_EMOJI, C_HIGH_SURROGATE, C_IDEOGRAPH, C_LETTER, C_LOWER, C_NEWLINE, C_PUNCT, C_SPACE, C_TERMINAL, C_UPPER, CLASS, LOWER, charClass, isAstralEmoji, lowerCode } = chars;
// Math.imul through a local: inside Jest's sandbox every global lookup of Math is ~100x slower.
const imul = Math.imul;

export const K_WORD = 0;
export const K_NUMBER = 1;
export const K_URL = 2;
export const K_EMAIL = 3;
export const K_EMOJI = 4;
export const K_EMOTICON = 5;
export const K_PUNCT = 6;
export const K_SYMBOL = 7;

export const KIND_NAMES = ['word', 'number', 'url', 'email', 'emoji', 'emoticon', 'punct', 'symbol'] as const;

/** Token flag: all cased letters are capitals (Python's `str.isupper`). */
export const T_UPPER = 1;
/** Token flag: a word whose trailing period does not end a sentence (abbreviation, initial). */
export const T_ABBREV = 2;

/**
 * The layout of one scanned document. Token t spans text[start[t], end[t]); `id[t]` is its
 * vocabulary id (-1 for punctuation, symbols, numbers and over-long words). Sentence s covers tokens
 * [sentStart[s], sentEnd[s]); `sentBang[s]` / `sentQuery[s]` count its ! and ? marks.
 */
export class Scan {
  text = '';
  tokens = 0;
  kind = new Uint8Array(256);
  flags = new Uint8Array(256);
  start = new Int32Array(256);
  end = new Int32Array(256);
  id = new Int32Array(256);
  /** The vocabulary's `info` (flags | role << 8) of each token's id, 0 without one: later passes read it in token order. */
  info = new Int32Array(256);
  sentences = 0;
  sentStart = new Int32Array(32);
  sentEnd = new Int32Array(32);
  sentBang = new Int32Array(32);
  sentQuery = new Int32Array(32);
  /** Unicode code points in the text. */
  characters = 0;
  // The open sentence while scanning: its first token and its ! and ? marks.
  sentFirst = 0;
  bang = 0;
  query = 0;

  push(kind: number, start: number, end: number, id: number, flags: number, info = 0): void {
    const t = this.tokens;
    if (t === this.kind.length) this.growTokens();
    this.kind[t] = kind;
    this.start[t] = start;
    this.end[t] = end;
    this.id[t] = id;
    this.flags[t] = flags;
    this.info[t] = info;
    this.tokens = t + 1;
  }

  private growTokens(): void {
    const n = this.kind.length * 2;
    this.kind = grown(this.kind, n);
    this.flags = grown(this.flags, n);
    this.start = grown(this.start, n);
    this.end = grown(this.end, n);
    this.id = grown(this.id, n);
    this.info = grown(this.info, n);
  }

  addSentence(first: number, last: number, bang: number, query: number): void {
    const s = this.sentences;
    if (s === this.sentStart.length) {
      const n = s * 2;
      this.sentStart = grown(this.sentStart, n);
      this.sentEnd = grown(this.sentEnd, n);
      this.sentBang = grown(this.sentBang, n);
      this.sentQuery = grown(this.sentQuery, n);
    }
    this.sentStart[s] = first;
    this.sentEnd[s] = last;
    this.sentBang[s] = bang;
    this.sentQuery[s] = query;
    this.sentences = s + 1;
  }
}

function isWordChar(cls: number): boolean {
  return cls === C_LOWER || cls === C_UPPER || cls === C_LETTER || cls === C_DIGIT;
}

function isLetterClass(cls: number): boolean {
  return cls === C_LOWER || cls === C_UPPER || cls === C_LETTER;
}

const CLOSERS = new Set([34, 39, 41, 93, 125, 0x201d, 0x2019, 0xbb, 0x300d, 0x300f]); // " ' ) ] } ” ’ » 」 』
const OPENERS = new Set([34, 39, 40, 91, 123, 0x201c, 0x2018, 0xab, 0x300c, 0x300e]); // " ' ( [ { “ ‘ « 「 『

/** Scans `text` into `scan` (reset first), interning words into `vocab`. */
export function scanText(text: string, vocab: Vocab, scan: Scan, emoticons: ReadonlySet<string>): void {
  noteEmoticonStarts(emoticons);
  scan.text = text;
  scan.tokens = 0;
  scan.sentences = 0;
  const n = text.length;
  let surrogatePairs = 0;
  scan.sentFirst = 0;
  scan.bang = 0;
  scan.query = 0;

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = c < 256 ? CLASS[c]! : charClass(c);

    if (cls === C_SPACE) {
      i++;
      continue;
    }
    if (cls === C_NEWLINE) {
      // A blank line (two line breaks with only spaces between) ends a paragraph and its sentence.
      let j = i + 1;
      let breaks = 1;
      if (c === 13 && j < n && text.charCodeAt(j) === 10) j++;
      while (j < n) {
        const d = text.charCodeAt(j);
        const dc = charClass(d);
        if (dc === C_NEWLINE) {
          if (!(d === 10 && text.charCodeAt(j - 1) === 13)) breaks++;
        } else if (dc !== C_SPACE) break;
        j++;
      }
      if (breaks >= 2 && hasContent(scan)) closeSentence(scan);
      i = j;
      continue;
    }

    if (cls === C_LOWER || cls === C_UPPER || cls === C_LETTER) {
      const start = i;
      let h = HASH_SEED_A;
      let g = HASH_SEED_B;
      let upper = false;
      let lower = false;
      let dots = 0;
      let segment = 0;
      let longestSegment = 0;
      let j = i;
      // The word's case-folded code units go to `buf` as they are hashed, for the vocabulary lookup.
      while (j < n) {
        const d = text.charCodeAt(j);
        // Latin-1 is pre-filled: read the tables directly, skipping the calls (the hottest loop).
        const dc = d < 256 ? CLASS[d]! : charClass(d);
        let folded = d;
        if (dc === C_LOWER) lower = true;
        else if (dc === C_UPPER) {
          upper = true;
          folded = d < 256 ? LOWER[d]! : lowerCode(d);
        } else if (dc !== C_LETTER && dc !== C_DIGIT) {
          if ((d === 39 || d === 0x2019) && j > start && j + 1 < n && isLetterClass(charClass(text.charCodeAt(j + 1)))) {
            folded = 39; // apostrophe inside a word: contraction or possessive; ’ folds to '
          } else if ((d === 45 || d === 0x2010 || d === 0x2011) && j + 1 < n && isWordChar(charClass(text.charCodeAt(j + 1)))) {
            // hyphen between word characters
          } else if (d === 46 && j + 1 < n && isWordChar(charClass(text.charCodeAt(j + 1)))) {
            dots++;
            if (segment > longestSegment) longestSegment = segment;
            segment = -1;
          } else break;
        }
        segment++;
        h = imul(h ^ folded, HASH_A);
        g = imul(g ^ folded, HASH_B);
        j++;
      }
      if (segment > longestSegment) longestSegment = segment;
      const d = j < n ? text.charCodeAt(j) : 0;
      if (d === 64 /* @ */ || d === 43 /* + */ || d === 95 /* _ */ || d === 37 /* % */) {
        // An e-mail address: the local part may go on with + _ % . - before the "@".
        let at = j;
        while (at < n && isLocalPart(text.charCodeAt(at))) at++;
        if (at + 1 < n && text.charCodeAt(at) === 64 && isWordChar(charClass(text.charCodeAt(at + 1)))) {
          i = scanEmail(text, start, at, scan);
          continue;
        }
      }
      if (d === 58 /* : */ && text.startsWith('//', j + 1) && isUrlScheme(text, start, j)) {
        i = scanUrl(text, start, scan);
        continue;
      }
      const len = j - start;
      if (dots >= 2 && (text.startsWith('www.', start) || text.startsWith('WWW.', start))) {
        i = scanUrl(text, start, scan);
        continue;
      }
      const id = len <= MAX_WORD_LENGTH ? vocab.lookupHashed(text, start, j, h, g) : -1;
      let flags = upper && !lower ? T_UPPER : 0;
      // An abbreviation: a listed word ("Dr"), a dotted form of short parts ("e.g", "U.S", "Ph.D"),
      // or a single capital initial ("J").
      const info = id >= 0 ? vocab.info[id]! : 0;
      if (
        (info & F_ABBREVIATION) !== 0 ||
        (dots > 0 && longestSegment <= 2) ||
        (len === 1 && upper)
      )
        flags |= T_ABBREV;
      scan.push(K_WORD, start, j, id, flags, info);
      i = j;
      continue;
    }

    if (cls === C_DIGIT) {
      const start = i;
      let j = i + 1;
      let letters = false;
      let upper = false;
      let lower = false;
      while (j < n) {
        const d = text.charCodeAt(j);
        const dc = charClass(d);
        if (dc === C_DIGIT) j++;
        else if ((d === 46 || d === 44 || d === 58) && j + 1 < n && charClass(text.charCodeAt(j + 1)) === C_DIGIT) j += 2;
        else if (isLetterClass(dc)) {
          letters = true;
          if (dc === C_UPPER) upper = true;
          else if (dc === C_LOWER) lower = true;
          j++;
        } else break;
      }
      if (!letters && j < n && text.charCodeAt(j) === 37 /* % */) j++;
      if (letters) {
        const id = j - start <= MAX_WORD_LENGTH ? vocab.lookup(text, start, j) : -1;
        scan.push(K_WORD, start, j, id, upper && !lower ? T_UPPER : 0, id >= 0 ? vocab.info[id]! : 0);
      } else scan.push(K_NUMBER, start, j, -1, 0);
      i = j;
      continue;
    }

    if (cls === C_IDEOGRAPH) {
      const id = vocab.lookup(text, i, i + 1);
      scan.push(K_WORD, i, i + 1, id, 0, vocab.info[id]!);
      i++;
      continue;
    }

    if (cls === C_HIGH_SURROGATE || cls === C_EMOJI) {
      const cp = text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      if (width === 2) surrogatePairs++;
      if (cls === C_EMOJI || isAstralEmoji(cp)) {
        let j = i + width;
        // Modifiers: variation selector, skin tones, keycap, tags; ZWJ joins the next pictograph.
        for (;;) {
          const d = text.codePointAt(j);
          if (d === undefined) break;
          if (d === 0xfe0f || d === 0x20e3 || (d >= 0x1f3fb && d <= 0x1f3ff) || (d >= 0xe0020 && d <= 0xe007f) || (d >= 0x1f1e6 && d <= 0x1f1ff && cp >= 0x1f1e6 && cp <= 0x1f1ff && j === i + 2)) {
            if (d > 0xffff) surrogatePairs++;
            j += d > 0xffff ? 2 : 1;
          } else if (d === 0x200d) {
            const e = text.codePointAt(j + 1);
            if (e === undefined || !(isAstralEmoji(e) || charClass(e & 0xffff) === C_EMOJI)) break;
            if (e > 0xffff) surrogatePairs++;
            j += 1 + (e > 0xffff ? 2 : 1);
          } else break;
        }
        const id = vocab.lookup(text, i, i + width);
        scan.push(K_EMOJI, i, j, id, 0, vocab.info[id]!);
        i = j;
      } else {
        scan.push(K_SYMBOL, i, i + width, -1, 0);
        i += width;
      }
      continue;
    }

    // Punctuation and symbols. An emoticon is a whole whitespace-delimited run found in the lexicon.
    const prev = i === 0 ? 32 : text.charCodeAt(i - 1);
    if ((c < 128 ? EMOTICON_START[c] === 1 : false) && (i === 0 || charClass(prev) === C_SPACE || charClass(prev) === C_NEWLINE)) {
      const end = emoticonEnd(text, i, emoticons);
      if (end > 0) {
        // Python's isupper, as VADER applies it: ":D" is an all-caps item.
        const caps = /[A-Z]/.test(text.slice(i, end)) && !/[a-z]/.test(text.slice(i, end));
        const id = vocab.lookup(text, i, end);
        scan.push(K_EMOTICON, i, end, id, caps ? T_UPPER : 0, vocab.info[id]!);
        i = end;
        continue;
      }
    }

    if (cls === C_TERMINAL) {
      const start = i;
      let j = i;
      let marks = 0;
      let strong = false; // ! ? or a CJK / Arabic / Devanagari terminal: always ends the sentence
      let ellipsis = false;
      while (j < n && charClass(text.charCodeAt(j)) === C_TERMINAL) {
        const d = text.charCodeAt(j);
        if (d === 33 || d === 0xff01) scan.bang++;
        else if (d === 63 || d === 0xff1f || d === 0x61f) scan.query++;
        if (d === 0x2026) ellipsis = true;
        else if (d !== 46) strong = true;
        marks++;
        j++;
      }
      scan.push(K_PUNCT, start, j, -1, 0);
      // Closing quotes and brackets right after the mark belong to the ending sentence.
      let k = j;
      while (k < n && CLOSERS.has(text.charCodeAt(k))) {
        scan.push(K_PUNCT, k, k + 1, -1, 0);
        k++;
      }
      if (endsSentence(text, scan, start, j, k, strong, ellipsis || marks > 1)) closeSentence(scan);
      i = k;
      continue;
    }

    scan.push(cls === C_PUNCT ? K_PUNCT : K_SYMBOL, i, i + 1, -1, 0);
    i++;
  }
  closeSentence(scan);
  scan.characters = n - surrogatePairs;
}

/** Does the open sentence hold anything but punctuation and symbols? */
function hasContent(scan: Scan): boolean {
  for (let t = scan.sentFirst; t < scan.tokens; t++) if (scan.kind[t]! < K_PUNCT) return true;
  return false;
}

/** Ends the open sentence at the current token; one without words joins the sentence before it. */
function closeSentence(scan: Scan): void {
  if (scan.tokens > scan.sentFirst) {
    if (hasContent(scan)) scan.addSentence(scan.sentFirst, scan.tokens, scan.bang, scan.query);
    else if (scan.sentences > 0) {
      const s = scan.sentences - 1;
      scan.sentEnd[s] = scan.tokens;
      scan.sentBang[s]! += scan.bang;
      scan.sentQuery[s]! += scan.query;
    }
  }
  scan.sentFirst = scan.tokens;
  scan.bang = 0;
  scan.query = 0;
}

/** Does the terminal run text[start, end) (closers up to `after`) end its sentence? */
function endsSentence(text: string, scan: Scan, start: number, end: number, after: number, strong: boolean, ellipsis: boolean): boolean {
  const n = text.length;
  // Find the next visible character, skipping spaces and opening quotes.
  let k = after;
  let spaced = false;
  while (k < n) {
    const cls = charClass(text.charCodeAt(k));
    if (cls === C_SPACE || cls === C_NEWLINE) spaced = true;
    else if (!OPENERS.has(text.charCodeAt(k))) break;
    k++;
  }
  if (k >= n) return true;
  const c = text.charCodeAt(k);
  const cjk = text.charCodeAt(end - 1) > 0x2fff;
  if (!spaced && !cjk && after === end) return false; // "3.5", "a.b": not a boundary
  if (strong) return true;
  const nextClass = charClass(c);
  if (ellipsis) return nextClass === C_UPPER; // "..." ends a sentence only before a capital
  const prevToken = scan.tokens - (after - end) - 2;
  if (prevToken >= 0 && scan.end[prevToken] === start && (scan.flags[prevToken]! & T_ABBREV) !== 0) return false;
  return nextClass !== C_LOWER;
}

function isLocalPart(c: number): boolean {
  return c === 43 || c === 95 || c === 37 || c === 46 || c === 45 || isWordChar(c < 256 ? CLASS[c]! : charClass(c));
}

function isUrlScheme(text: string, start: number, end: number): boolean {
  const scheme = text.slice(start, end).toLowerCase();
  return scheme === 'http' || scheme === 'https' || scheme === 'ftp' || scheme === 'file' || scheme === 'mailto';
}

/** A URL runs to the next whitespace, less trailing punctuation. */
function scanUrl(text: string, start: number, scan: Scan): number {
  let j = start;
  const n = text.length;
  while (j < n) {
    const cls = charClass(text.charCodeAt(j));
    if (cls === C_SPACE || cls === C_NEWLINE) break;
    j++;
  }
  while (j > start && ',.;:!?)]}"\'>'.includes(text[j - 1]!)) j--;
  scan.push(K_URL, start, j, -1, 0);
  return j;
}

/** An e-mail address: the local part already scanned, then "@" and a dotted domain. */
function scanEmail(text: string, start: number, at: number, scan: Scan): number {
  let j = at + 1;
  const n = text.length;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (isWordChar(charClass(d)) || d === 45 || d === 95 || (d === 46 && j + 1 < n && isWordChar(charClass(text.charCodeAt(j + 1))))) j++;
    else break;
  }
  scan.push(K_EMAIL, start, j, -1, 0);
  return j;
}

/** ASCII characters that begin some emoticon of the set `scanText` was given (refilled when the set changes). */
const EMOTICON_START = new Uint8Array(128);
let emoticonStartsOf: ReadonlySet<string> | undefined;

function noteEmoticonStarts(emoticons: ReadonlySet<string>): void {
  if (emoticonStartsOf === emoticons) return;
  EMOTICON_START.fill(0);
  for (const e of emoticons) {
    const c = e.charCodeAt(0);
    if (c < 128) EMOTICON_START[c] = 1;
    const upper = e.toUpperCase().charCodeAt(0);
    if (upper < 128) EMOTICON_START[upper] = 1;
  }
  emoticonStartsOf = emoticons;
}

const TRAILING = new Set([46, 44, 33, 63, 59, 34, 39]); // . , ! ? ; " '

/** End of an emoticon starting at `i` (a lexicon entry up to the next whitespace), or 0. */
function emoticonEnd(text: string, i: number, emoticons: ReadonlySet<string>): number {
  const n = text.length;
  let j = i;
  let letters = 0;
  while (j < n && j - i < 12) {
    const cls = charClass(text.charCodeAt(j));
    if (cls === C_SPACE || cls === C_NEWLINE) break;
    // Four letters in a row: a word such as "-option", never an emoticon of the lexicon.
    if (cls === C_LOWER || cls === C_UPPER) {
      if (++letters === 4) return 0;
    } else letters = 0;
    j++;
  }
  if (j - i < 2 || (j < n && charClass(text.charCodeAt(j)) !== C_SPACE && charClass(text.charCodeAt(j)) !== C_NEWLINE)) return 0;
  for (let end = j; end - i >= 2; end--) {
    if (emoticons.has(text.slice(i, end).toLowerCase())) return end;
    if (!TRAILING.has(text.charCodeAt(end - 1))) break;
  }
  return 0;
}

