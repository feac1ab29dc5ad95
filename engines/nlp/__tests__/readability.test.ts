// Readability: the published Flesch formulas on texts with known counts, and the syllable counter
// against dictionary syllable counts.
import { analyze } from '../index.ts';
import { countSyllables, readability } from '../readability.ts';

describe('Flesch formulas', () => {
  test('"The cat sat on the mat." — 6 words, 6 syllables, 1 sentence', () => {
    // 206.835 − 1.015 × 6 − 84.6 × 1 = 116.145; 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45
    expect(analyze('The cat sat on the mat.', { only: ['readability'] }).readability).toEqual({ fleschReadingEase: 116.15, fleschKincaidGrade: -1.45 });
  });

  test('the Flesch–Kincaid article\'s platypus sentence: 13 words, 24 syllables', () => {
    const text = 'The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.';
    const { stats, readability: r } = analyze(text, { only: ['stats', 'readability'] });
    expect(stats).toMatchObject({ words: 13, sentences: 1, syllables: 24 });
    expect(r!.fleschReadingEase).toBeCloseTo(206.835 - 1.015 * 13 - 84.6 * (24 / 13), 2); // 37.46
    expect(r!.fleschKincaidGrade).toBeCloseTo(0.39 * 13 + 11.8 * (24 / 13) - 15.59, 2); // 11.26
  });

  test('formula values for given counts, and zeros without words', () => {
    expect(readability(100, 5, 150)).toEqual({ fleschReadingEase: 59.64, fleschKincaidGrade: 9.91 });
    expect(readability(0, 0, 0)).toEqual({ fleschReadingEase: 0, fleschKincaidGrade: 0 });
  });

  test('harder prose scores lower than a children\'s sentence', () => {
    const easy = analyze('See the dog run. The dog is fast. We like the dog.', { only: ['readability'] }).readability!;
    const hard = analyze(
      'Notwithstanding considerable methodological heterogeneity, the investigators systematically characterised the pharmacokinetic interactions.',
      { only: ['readability'] },
    ).readability!;
    expect(easy.fleschReadingEase).toBeGreaterThan(90);
    expect(hard.fleschReadingEase).toBeLessThan(0);
    expect(hard.fleschKincaidGrade).toBeGreaterThan(easy.fleschKincaidGrade + 10);
  });
});

describe('syllable counter', () => {
  // Syllable counts as given by Merriam-Webster's hyphenation.
  const dictionary: [string, number][] = [
    ['the', 1], ['cat', 1], ['table', 2], ['little', 2], ['make', 1], ['makes', 1], ['named', 1], ['wanted', 2],
    ['boxes', 2], ['wishes', 2], ['apple', 2], ['beautiful', 3], ['syllable', 3], ['readability', 5], ['university', 5],
    ['computer', 3], ['information', 4], ['education', 4], ['everything', 4], ['family', 3], ['people', 2], ['simple', 2],
    ['history', 3], ['yesterday', 3], ['happy', 2], ['quickly', 2], ['create', 2], ['idea', 3], ['area', 3], ['real', 1],
    ['house', 1], ['houses', 2], ['jumped', 1], ['started', 2], ['ended', 2], ['played', 1], ['system', 2], ['systems', 2],
    ['program', 2], ['language', 2], ['different', 3], ['important', 3], ['government', 3], ['interesting', 4], ['business', 2],
    ['every', 3], ['because', 2], ['before', 2], ['another', 3], ['water', 2], ['paper', 2], ['number', 2], ['animal', 3],
    ['elephant', 3], ['banana', 3], ['tomato', 3], ['potato', 3], ['dictionary', 4], ['mississippi', 4], ['fire', 1],
  ];

  test('agrees with the dictionary on at least 95% of common words', () => {
    const wrong = dictionary.filter(([word, n]) => countSyllables(word) !== n);
    expect(wrong.length / dictionary.length).toBeLessThanOrEqual(0.05);
  });

  test('every word with a letter has at least one syllable; none without', () => {
    expect(countSyllables('rhythm')).toBeGreaterThanOrEqual(1);
    expect(countSyllables('x')).toBe(1);
    expect(countSyllables("'")).toBe(0);
  });
});
