// Character classes and case folding for the tokenizer, as flat tables over the BMP.
// Hand-written rather than regex-per-character because the tokenizer visits every character of
// every document: a table read is ~20x cheaper than a Unicode property regex test. Tables are
// filled lazily, one 256-character block at a time, so an English-only run never pays for the
// blocks it does not see.

export const C_OTHER = 0; // symbols and anything unclassified
export const C_SPACE = 1;
export const C_NEWLINE = 2;
export const C_LOWER = 3;
export const C_UPPER = 4;
export const C_LETTER = 5; // letters without case (Arabic, Hebrew, Thai, Devanagari, …) and marks
export const C_DIGIT = 6;
export const C_TERMINAL = 7; // . ! ? … and their CJK / Arabic forms
export const C_PUNCT = 8;
export const C_IDEOGRAPH = 9; // Han, Hiragana, Katakana, Hangul syllables: one token per character
export const C_HIGH_SURROGATE = 10;
export const C_LOW_SURROGATE = 11;
export const C_EMOJI = 12; // BMP pictographs (☀ ❤ ✨ ⭐)

/** Class of each BMP code unit; entries below 256 are always filled, so hot loops may read them directly. */
export const CLASS = new Uint8Array(65536);
/** Simple lowercase of each BMP code unit; same filling rule as CLASS. */
export const LOWER = new Uint16Array(65536);
const READY = new Uint8Array(256);

const reUpper = /\p{Lu}|\p{Lt}/u;
const reLetter = /\p{L}|\p{M}/u;
const reDigit = /\p{Nd}/u;
const rePunct = /\p{P}/u;
const reSpace = /\s/u;
const reIdeograph = /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}/u;
const reEmoji = /\p{Extended_Pictographic}/u;

function fillBlock(block: number): void {
  const base = block << 8;
  for (let c = base; c < base + 256; c++) {
    const s = String.fromCharCode(c);
    const lower = s.toLowerCase();
    // Characters whose lowercase is longer than one code unit (İ) keep their own code.
    LOWER[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
    let cls = C_OTHER;
    if (c >= 0xd800 && c <= 0xdbff) cls = C_HIGH_SURROGATE;
    else if (c >= 0xdc00 && c <= 0xdfff) cls = C_LOW_SURROGATE;
    else if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) cls = C_NEWLINE;
    else if (reSpace.test(s)) cls = C_SPACE;
    else if (reIdeograph.test(s) && reLetter.test(s)) cls = C_IDEOGRAPH;
    else if (reLetter.test(s)) cls = reUpper.test(s) ? C_UPPER : lower !== s ? C_UPPER : s.toUpperCase() !== s ? C_LOWER : C_LETTER;
    else if (reDigit.test(s)) cls = C_DIGIT;
    else if (s === '.' || s === '!' || s === '?' || s === '…' || s === '。' || s === '！' || s === '？' || s === '؟' || s === '।')
      cls = C_TERMINAL;
    else if (reEmoji.test(s) && c > 0xff) cls = C_EMOJI;
    else if (rePunct.test(s)) cls = C_PUNCT;
    CLASS[c] = cls;
  }
  READY[block] = 1;
}

/** The class of UTF-16 code unit `c` (one of the `C_*` constants). */
export function charClass(c: number): number {
  if (READY[c >> 8] === 0) fillBlock(c >> 8);
  return CLASS[c]!;
}

/** Simple lowercase of one code unit; the curly apostrophe folds to `'` so "don’t" = "don't". */
export function lowerCode(c: number): number {
  if (c === 0x2019) return 39;
  if (READY[c >> 8] === 0) fillBlock(c >> 8);
  return LOWER[c]!;
}

// Pre-fill ASCII and Latin-1 so the hot path for English never branches into fillBlock.
fillBlock(0);

/** Is this astral code point an emoji (pictographs, emoticons, transport, flags, …)? */
export function isAstralEmoji(cp: number): boolean {
  return (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x1f1e6 && cp <= 0x1f1ff);
}
