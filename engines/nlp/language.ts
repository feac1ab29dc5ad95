// Language identification: which language a text is written in, with a confidence.
// Wraps eld (Efficient Language Detector, Apache-2.0, byte n-grams, 60 languages). eld is ESM-only,
// so its model is loaded once, asynchronously (`loadLanguageModel`); detection is then synchronous.

import type { Language } from './types';

type Eld = (typeof import('eld/small'))['eld'];

/**
 * The loaded detector. Written once by `loadLanguageModel` and only read afterwards: every caller
 * shares the same immutable n-gram tables (about 47 MB of heap), so there is no per-call state.
 */
let eld: Eld | undefined;
let loading: Promise<void> | undefined;

/**
 * ISO 639-1 codes `detectLanguage` can return, besides `und`. eld names Norwegian `no`; what it
 * learned is Bokmål, reported here as `nb`. `ku` is Kurdish in Arabic script (Sorani).
 */
const SUPPORTED: readonly string[] = [
  'am', 'ar', 'az', 'be', 'bg', 'bn', 'ca', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'eu', 'fa', 'fi', 'fr', 'gu', 'he',
  'hi', 'hr', 'hu', 'hy', 'is', 'it', 'ja', 'ka', 'kn', 'ko', 'ku', 'lo', 'lt', 'lv', 'ml', 'mr', 'ms', 'nb', 'nl', 'or',
  'pa', 'pl', 'pt', 'ro', 'ru', 'sk', 'sl', 'sq', 'sr', 'sv', 'ta', 'te', 'th', 'tl', 'tr', 'uk', 'ur', 'vi', 'yo', 'zh',
];
const FROM_ELD: Readonly<Record<string, string>> = { no: 'nb' };

const UNDETERMINED: Language = Object.freeze({ code: 'und', confidence: 0 });

/**
 * Only the first SAMPLE_BYTES of UTF-8 are examined, so a 10 MB text costs what a 1 KB one does. The
 * sample is cut at a word boundary and scored in chunks of at most CHUNK_BYTES, because eld itself
 * reads only about 350 bytes of a string (it stops at the first space after 350 bytes, at 380 bytes
 * at the latest): without chunks, everything after the first ~60 Latin words would be ignored.
 */
const SAMPLE_BYTES = 1024;
const CHUNK_BYTES = 330;

/**
 * Fewer letters than this and the text is `und`. On prefixes of 10,700 held-out sentences of the
 * 55 test languages (bench/nlp/lang-set.py --holdout), eld is right 80% of the time at 6 letters,
 * 85% at 8, 89% at 10 and 93% at 15. A Han, kana or Hangul character counts as two letters: 5 of
 * them are as telling as 10 letters of an alphabet (93% at 6, 88% at 5).
 */
const MIN_LETTERS = 10;

/**
 * Below this share of letters (and combining marks: Indic vowel signs are marks) among the
 * non-space characters, the text is not prose but numbers, symbols or binary junk: `und`.
 * Sentences of the test set are above 0.8; bytes decoded as UTF-8 or Latin-1 are near 0.3.
 */
const MIN_LETTER_SHARE = 0.5;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * URLs, e-mail addresses and words with digits (versions, codes, numbers) say nothing of the
 * language. The lookbehinds make each alternative start only at the start of a word: without them
 * a 2 KB run of letters costs quadratic backtracking (200 ms instead of 1).
 */
const NOT_WORDS = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}])(?:https?:\/\/|www\.)\S+`,
    String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+\.[\p{L}\p{N}.-]+`,
    String.raw`(?<![\p{L}\p{N}])[\p{L}\p{N}]*\p{N}[\p{L}\p{N}]*`,
  ].join('|'),
  'giu',
);

/**
 * Loads the language model once (eld's "small" n-gram tables: 1.6 MB of JavaScript, 0.4-0.5 s);
 * later calls return the same promise. Must resolve before `detectLanguage` is called.
 * "small" because "medium", measured on the same sentences, is right 0.1 point more often but loads
 * 40% slower with 15 MB more heap. The specifier stays a literal so that bundlers can see it.
 */
export function loadLanguageModel(): Promise<void> {
  loading ??= import('eld/small').then(
    (mod) => {
      eld = mod.eld;
    },
    (err: unknown) => {
      loading = undefined;
      const reason = err instanceof Error ? err.message : String(err);
      throw new Error(`gospel: could not load the language model "eld/small": ${reason}`, { cause: err });
    },
  );
  return loading;
}

/** The codes `detectLanguage` can return (ISO 639-1), sorted; `und` is not listed. */
export function supportedLanguages(): string[] {
  return [...SUPPORTED];
}

/**
 * Identifies the language of `text`. Deterministic, and never throws on any string (lone
 * surrogates, binary junk, megabytes of text) once the model is loaded.
 *
 * `code` is an ISO 639-1 code from `supportedLanguages()`, or `und` with confidence 0 when the
 * text has fewer than MIN_LETTERS letters (digits, punctuation, emoji, one short word) or when
 * the detector finds no language whose n-grams fit the text (eld's reliability test fails on
 * most of the sample: gibberish, binary junk, a language it does not know).
 *
 * `confidence` estimates the probability that `code` is right, from the relative margin between
 * the two best languages' scores, (best − second) / best, and from the text's length; see
 * `confidenceOf`. Rounded to 3 decimals.
 *
 * Only the first SAMPLE_BYTES (1 KB, about 170 English words: enough for prose, and a third of the
 * time of 2 KB in a batch of documents) of UTF-8 are examined.
 */
export function detectLanguage(text: string): Language {
  if (!eld) throw new Error('gospel: language model not loaded; call loadLanguageModel() first');
  if (typeof text !== 'string' || text.length === 0) return UNDETERMINED;
  // A UTF-16 code unit is at least one UTF-8 byte, so SAMPLE_BYTES code units hold the sample.
  let sample = text.slice(0, SAMPLE_BYTES).replace(LONE_SURROGATE, ' ');
  if (text.length > SAMPLE_BYTES) sample = sample.replace(/\s\S*$/, '');
  sample = sample.replace(NOT_WORDS, ' ');
  const { letters, lettersOrMarks, nonSpace } = letterCounts(sample);
  if (letters < MIN_LETTERS || lettersOrMarks < MIN_LETTER_SHARE * nonSpace) {
    return UNDETERMINED;
  }

  const totals = new Map<string, number>();
  let weight = 0;
  let reliableWeight = 0;
  for (const chunk of chunks(sample)) {
    const w = chunk.bytes;
    weight += w;
    const result = eld.detect(chunk.text);
    if (!result.language) continue;
    if (result.isReliable()) reliableWeight += w;
    for (const [code, score] of Object.entries(result.getScores())) {
      totals.set(code, (totals.get(code) ?? 0) + score * w);
    }
  }
  if (weight === 0 || reliableWeight < weight / 2) return UNDETERMINED;

  let best = '';
  let first = 0;
  let second = 0;
  for (const [code, total] of totals) {
    if (total > first || (total === first && code < best)) {
      second = first;
      first = total;
      best = code;
    } else if (total > second) {
      second = total;
    }
  }
  if (!best || first <= 0) return UNDETERMINED;
  return { code: FROM_ELD[best] ?? best, confidence: confidenceOf((first - second) / first, letters) };
}

/**
 * Probability that the best language is right, by logistic regression on the relative margin
 * between the two best scores and the number of letters (Han, kana, Hangul counted twice),
 * fitted on 51,000 detections of held-out sentences and of their prefixes of 10 to 50 letters,
 * in the 55 languages of the test set; on those, confidence and accuracy differ by 0.005 on
 * average (expected calibration error):
 *   confidence = 1 / (1 + e^−z),  z = 2.4 + 1.35·ln(margin + 0.01) + 1.4·ln(min(letters, 100)).
 * Letters are capped at 100 because longer texts with a close call were too rare to fit. A near
 * tie on 10 letters gives 0.35, on 100 letters 0.91; a margin of 0.1 gives 0.93 to 0.996.
 */
function confidenceOf(margin: number, letters: number): number {
  const z = 2.4 + 1.35 * Math.log(margin + 0.01) + 1.4 * Math.log(Math.min(letters, 100));
  return Math.round(1000 / (1 + Math.exp(-z))) / 1000;
}

/**
 * Letters (Han, kana and Hangul counted twice), letters and combining marks, and non-space
 * characters, in one pass: ASCII by code, the rest by the Unicode properties (cached per character).
 * Written out rather than three regex matches, which built an array of every letter of the sample.
 */
function letterCounts(s: string): { letters: number; lettersOrMarks: number; nonSpace: number } {
  let letters = 0;
  let lettersOrMarks = 0;
  let nonSpace = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (c === 32 || (c >= 9 && c <= 13)) continue;
      nonSpace++;
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        letters++;
        lettersOrMarks++;
      }
      continue;
    }
    let kind = KIND_CACHE.get(c);
    if (kind === undefined) {
      const ch = String.fromCharCode(c);
      kind = /\s/u.test(ch) ? K_SPACE : DENSE_ONE.test(ch) ? K_DENSE : /\p{L}/u.test(ch) ? K_LETTER : /\p{M}/u.test(ch) ? K_MARK : K_OTHER;
      KIND_CACHE.set(c, kind);
    }
    if (kind === K_SPACE) continue;
    nonSpace++;
    if (kind === K_LETTER) {
      letters++;
      lettersOrMarks++;
    } else if (kind === K_DENSE) {
      letters += 2;
      lettersOrMarks++;
    } else if (kind === K_MARK) lettersOrMarks++;
  }
  return { letters, lettersOrMarks, nonSpace };
}

const K_SPACE = 0;
const K_LETTER = 1;
const K_DENSE = 2;
const K_MARK = 3;
const K_OTHER = 4;
const KIND_CACHE = new Map<number, number>();
const DENSE_ONE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;


interface Chunk {
  text: string;
  bytes: number;
}

/**
 * Splits the sample into pieces of at most CHUNK_BYTES of UTF-8, cut at whitespace (inside a
 * longer run without spaces, such as Chinese or Thai, at a code point), stopping after
 * SAMPLE_BYTES in all.
 */
function chunks(sample: string): Chunk[] {
  const out: Chunk[] = [];
  let parts: string[] = [];
  let bytes = 0;
  let total = 0;
  const flush = (): void => {
    if (bytes > 0) out.push({ text: parts.join(' '), bytes });
    parts = [];
    bytes = 0;
  };
  for (const word of sample.split(/\s+/)) {
    if (!word) continue;
    for (const piece of pieces(word)) {
      const b = utf8Length(piece);
      if (total + b > SAMPLE_BYTES) {
        flush();
        return out;
      }
      if (bytes + b + 1 > CHUNK_BYTES) flush();
      parts.push(piece);
      bytes += b + (parts.length > 1 ? 1 : 0);
      total += b + 1;
    }
  }
  flush();
  return out;
}

/** A word longer than CHUNK_BYTES, cut into pieces of at most CHUNK_BYTES at code points. */
function pieces(word: string): string[] {
  if (word.length * 3 <= CHUNK_BYTES) return [word];
  const out: string[] = [];
  let piece = '';
  let bytes = 0;
  for (const ch of word) {
    const b = utf8Length(ch);
    if (bytes + b > CHUNK_BYTES) {
      out.push(piece);
      piece = '';
      bytes = 0;
    }
    piece += ch;
    bytes += b;
  }
  if (piece) out.push(piece);
  return out;
}

/** UTF-8 length of a well-formed string (lone surrogates were replaced before). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
