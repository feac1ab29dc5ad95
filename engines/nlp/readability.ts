// Readability: Flesch reading ease and Flesch–Kincaid grade, with an English syllable counter.
//   reading ease = 206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words)   (Flesch 1948)
//   grade        = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59     (Kincaid et al. 1975)
import type { Readability } from './types.ts';

/** Words whose syllable count the vowel-group rules get wrong. */
const EXCEPTIONS = new Map<string, number>([
  ['the', 1], ['every', 3], ['everything', 4], ['everyone', 3], ['different', 3], ['business', 2],
  ['family', 3], ['area', 3], ['idea', 3], ['real', 1], ['really', 2], ['create', 2], ['created', 3],
  ['people', 2], ['one', 1], ['once', 1], ['someone', 2], ['something', 2], ['sometimes', 2],
  ['somewhere', 2], ['anyone', 3], ['whole', 1], ['simile', 3], ['recipe', 3], ['apostrophe', 4],
  ['catastrophe', 4], ['coyote', 3], ['being', 2], ['doing', 2], ['going', 2], ['seeing', 2],
  ['science', 2], ['quiet', 2], ['poem', 2], ['poet', 2], ['lion', 2], ['naive', 2],
  ['user', 2], ['users', 2], ['file', 1], ['files', 1], ['fire', 1], ['hour', 1], ['hours', 1], ['our', 1],
  ['queue', 1], ['via', 2], ['ion', 2], ['preview', 2], ['reuse', 2], ['maybe', 2],
]);

const VOWEL = new Uint8Array(128);
for (const c of 'aeiouy') VOWEL[c.charCodeAt(0)] = 1;

/**
 * Syllables in one lowercase English word: vowel groups (a e i o u y), less a silent final "e"
 * (but not "-le" after a consonant: "ta-ble"), less "-es"/"-ed" endings that add none ("makes",
 * "named"); at least 1 for any word with a letter. Non-ASCII letters count as vowel groups of
 * their own runs, a fair guess for other Latin-script languages.
 */
export function countSyllables(word: string): number {
  const known = EXCEPTIONS.get(word);
  if (known !== undefined) return known;
  let count = 0;
  let inVowel = false;
  let letters = 0;
  const n = word.length;
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    const vowel = c < 128 ? VOWEL[c] === 1 : c >= 0xc0 && c <= 0x24f && isLatinVowel(c);
    if ((c >= 97 && c <= 122) || c >= 0xc0) letters++;
    if (vowel && !inVowel) count++;
    inVowel = vowel;
  }
  if (letters === 0) return 0;
  if (n > 2 && word.charCodeAt(n - 1) === 101 /* e */) {
    const before = word.charCodeAt(n - 2);
    const le = before === 108 /* l */ && n > 3 && VOWEL[word.charCodeAt(n - 3)] !== 1;
    if (!le && VOWEL[before] !== 1) count--;
  } else if (n > 3 && (word.endsWith('es') || word.endsWith('ed'))) {
    const before = word.charCodeAt(n - 3);
    // "-ted", "-ded", "-ses", "-zes", "-ces", "-ges", "-shes", "-ches", "-xes" keep their syllable.
    const keeps = word.endsWith('ed') ? before === 116 || before === 100 : 'szcgx'.includes(word[n - 3]!) || word.endsWith('shes') || word.endsWith('ches');
    if (!keeps && VOWEL[before] !== 1) count--;
  }
  return Math.max(1, count);
}

function isLatinVowel(c: number): boolean {
  // Latin-1 and Latin Extended-A vowels with diacritics (à é ï ö ű ą ę …) by their base letter.
  const base = String.fromCharCode(c).normalize('NFD').charCodeAt(0);
  return base < 128 && VOWEL[base] === 1;
}

/** Both Flesch scores, rounded to 2 decimals; zeros for a text without words. */
export function readability(words: number, sentences: number, syllables: number): Readability {
  if (words === 0) return { fleschReadingEase: 0, fleschKincaidGrade: 0 };
  const wps = words / Math.max(1, sentences);
  const spw = syllables / words;
  return {
    fleschReadingEase: round2(206.835 - 1.015 * wps - 84.6 * spw),
    fleschKincaidGrade: round2(0.39 * wps + 11.8 * spw - 15.59),
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
