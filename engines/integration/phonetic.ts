// Phonetic codes for Combine's blocking keys: American Soundex and the original Metaphone
// (Lawrence Philips, 1990, as specified by Apache commons-codec's `Metaphone`), plus the accent
// folding both need. Codes are computed over the Latin letters of a value only.

/**
 * Letters NFD does not decompose but every record-linkage pipeline folds anyway ("Łódź" →
 * "lodz", "Straße" → "strasse"). Lower-case keys: callers fold case first or look up both.
 */
const FOLD: Readonly<Record<string, string>> = {
  ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ı: 'i', ß: 'ss', ẞ: 'SS',
  æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', þ: 'th', Þ: 'TH', ð: 'd', Ð: 'D',
};
const FOLD_PATTERN = /[øØłŁđĐħĦıßẞæÆœŒþÞðÐ]/g;
const COMBINING_MARKS = /\p{M}+/gu;

/** True when every UTF-16 code unit of `s` is below 128. */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
}

/**
 * Removes accents: NFD, drop combining marks, NFC again (so Hangul and other scripts whose
 * syllables NFD splits into non-mark parts come back composed), then folds the few Latin
 * letters that carry no combining mark (ø, ł, đ, ß, æ, œ, þ, ð, ħ, dotless ı). ASCII is returned
 * as is without normalising.
 */
export function stripAccents(s: string): string {
  if (isAscii(s)) return s;
  return s
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .normalize('NFC')
    .replace(FOLD_PATTERN, (ch) => FOLD[ch] ?? ch);
}

/** The upper-case ASCII letters of `s` after accent folding; everything else is dropped. */
function latinLetters(s: string): string {
  return stripAccents(s).toUpperCase().replace(/[^A-Z]/g, '');
}

/** Soundex digit per letter A..Z; '0' = vowel (separates equal codes), '-' = H/W (transparent). */
const SOUNDEX_CODES = '0123012-02245501262301-202';

/**
 * American Soundex (the US National Archives rules): the first letter, then up to three digits
 * (BFPV 1, CGJKQSXZ 2, DT 3, L 4, MN 5, R 6), equal adjacent codes written once, also across H
 * and W but not across vowels (A E I O U Y), padded with zeros: "Robert" → "R163", "Ashcraft" →
 * "A261", "Pfister" → "P236". Accents are folded and non-letters ignored, so a multi-word value is
 * coded as one word; a value without Latin letters gives "".
 */
export function soundex(s: string): string {
  const letters = latinLetters(s);
  if (letters.length === 0) return '';
  let code = letters[0]!;
  const first = SOUNDEX_CODES[letters.charCodeAt(0) - 65]!;
  // An initial H or W carries no code, so the next consonant is always written.
  let prev = first === '-' ? '0' : first;
  for (let i = 1; i < letters.length && code.length < 4; i++) {
    const d = SOUNDEX_CODES[letters.charCodeAt(i) - 65]!;
    if (d === '-') continue;
    if (d !== '0' && d !== prev) code += d;
    prev = d;
  }
  return code.padEnd(4, '0');
}

const VOWELS = 'AEIOU';
/** Letters that make C, G soft and make a following D + G into J. */
const FRONT_VOWELS = 'EIY';
/** After these, H is silent (CH, SH, PH, TH, GH are handled by the consonant). */
const H_SILENT_AFTER = 'CSPTG';

/**
 * The original Metaphone (Philips 1990) with commons-codec's reading of its rules, truncated to
 * `maxLength` characters (default 4, commons-codec's default; pass Infinity for the full code).
 * "0" stands for TH. Accents are folded and non-letters dropped, so a multi-word value is coded
 * as one word: "Smith" and "Smyth" → "SM0", "Knight" and "Night" → "NT", "Philip" → "FLP".
 * Chosen over Double Metaphone because a blocking key needs one code, not a primary/alternate
 * pair, and its ~20 rules can be checked by reading them.
 */
export function metaphone(s: string, maxLength = 4): string {
  let w = latinLetters(s);
  if (w.length === 0) return '';
  if (w.length === 1) return w;
  // Initial exceptions: KN GN PN AE WR drop their first letter, WH → W, X → S.
  const c0 = w[0]!;
  const c1 = w[1]!;
  if (((c0 === 'K' || c0 === 'G' || c0 === 'P') && c1 === 'N') || (c0 === 'A' && c1 === 'E') || (c0 === 'W' && c1 === 'R')) {
    w = w.slice(1);
  } else if (c0 === 'W' && c1 === 'H') {
    w = 'W' + w.slice(2);
  } else if (c0 === 'X') {
    w = 'S' + w.slice(1);
  }
  const n = w.length;
  const at = (i: number): string => (i >= 0 && i < n ? w[i]! : '');
  const isVowel = (i: number): boolean => i < n && VOWELS.includes(at(i));
  const isFront = (i: number): boolean => i < n && FRONT_VOWELS.includes(at(i));
  const region = (i: number, t: string): boolean => w.startsWith(t, i);
  let code = '';
  for (let i = 0; i < n && code.length < maxLength; i++) {
    const ch = w[i]!;
    // Doubled letters count once, except CC ("accident" → AKST).
    if (ch !== 'C' && at(i - 1) === ch) continue;
    switch (ch) {
      case 'A':
      case 'E':
      case 'I':
      case 'O':
      case 'U':
        if (i === 0) code += ch;
        break;
      case 'B':
        if (!(at(i - 1) === 'M' && i === n - 1)) code += 'B';
        break;
      case 'C':
        if (at(i - 1) === 'S' && i < n - 1 && isFront(i + 1)) break; // SCI SCE SCY: silent
        if (region(i, 'CIA')) code += 'X';
        else if (i < n - 1 && isFront(i + 1)) code += 'S';
        else if (at(i - 1) === 'S' && at(i + 1) === 'H') code += 'K'; // SCH
        // Initial CH before a consonant is hard ("Christ" → KRST). The early implementations test
        // for a consonant, as their comment says; later commons-codec releases test for a vowel.
        else if (at(i + 1) === 'H') code += i === 0 && n >= 3 && !isVowel(2) ? 'K' : 'X';
        else code += 'K';
        break;
      case 'D':
        if (at(i + 1) === 'G' && isFront(i + 2)) {
          code += 'J';
          i += 2;
        } else code += 'T';
        break;
      case 'G':
        if (at(i + 1) === 'H' && (i + 2 === n || !isVowel(i + 2))) break; // GH at end or before a consonant
        if (i > 0 && (region(i, 'GN') || region(i, 'GNED'))) break;
        code += i < n - 1 && isFront(i + 1) && at(i - 1) !== 'G' ? 'J' : 'K';
        break;
      case 'H':
        if (i === n - 1) break;
        if (i > 0 && H_SILENT_AFTER.includes(at(i - 1))) break;
        if (isVowel(i + 1)) code += 'H';
        break;
      case 'K':
        if (at(i - 1) !== 'C') code += 'K';
        break;
      case 'P':
        code += at(i + 1) === 'H' ? 'F' : 'P';
        break;
      case 'Q':
        code += 'K';
        break;
      case 'S':
        code += region(i, 'SH') || region(i, 'SIO') || region(i, 'SIA') ? 'X' : 'S';
        break;
      case 'T':
        if (region(i, 'TIA') || region(i, 'TIO')) code += 'X';
        else if (region(i, 'TCH')) break;
        else code += region(i, 'TH') ? '0' : 'T';
        break;
      case 'V':
        code += 'F';
        break;
      case 'W':
      case 'Y':
        if (isVowel(i + 1)) code += ch;
        break;
      case 'X':
        code += 'KS';
        break;
      case 'Z':
        code += 'S';
        break;
      default:
        code += ch; // F J L M N R
    }
  }
  return code.length > maxLength ? code.slice(0, maxLength) : code;
}
