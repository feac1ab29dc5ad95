// Sentiment: VADER's rules, checked by sign and ordering on hand-made sentences, and against the
// reference JavaScript port of VADER (npm `vader-sentiment`) sentence by sentence.
import { analyze } from '../index.ts';
import type { Sentiment } from '../types.ts';

const { SentimentIntensityAnalyzer } = require('vader-sentiment') as {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number; pos: number; neg: number; neu: number } };
};

const sentiment = (text: string): Sentiment => analyze(text, { only: ['sentiment'] }).sentiment!;
const compound = (text: string): number => sentiment(text).compound;

describe('sentiment rules', () => {
  test('intensity: "good" < "very good" < "VERY good!!!"', () => {
    const good = compound('The food was good.');
    const veryGood = compound('The food was very good.');
    const shouted = compound('The food was VERY good!!!');
    expect(good).toBeGreaterThan(0);
    expect(veryGood).toBeGreaterThan(good);
    expect(shouted).toBeGreaterThan(veryGood);
  });

  test('negation turns positive to negative, up to three words back', () => {
    expect(compound('The food was not good.')).toBeLessThan(0);
    expect(sentiment('The food was not good.').label).toBe('negative');
    expect(compound("The food isn't very good.")).toBeLessThan(0);
    expect(compound('The food was never really that good.')).toBeLessThan(0);
    expect(compound('The food was not bad.')).toBeGreaterThan(0);
  });

  test('"but": the clause after it dominates', () => {
    expect(compound('The food was good, but the service was awful.')).toBeLessThan(0);
    expect(compound('The food was awful, but the service was good.')).toBeGreaterThan(0);
  });

  test('dampeners lower, boosters raise', () => {
    expect(compound('It was slightly good.')).toBeLessThan(compound('It was good.'));
    expect(compound('It is kind of good.')).toBeLessThan(compound('It is good.'));
    expect(compound('It was extremely bad.')).toBeLessThan(compound('It was bad.'));
  });

  test('ALL CAPS emphasise only when the rest is not in capitals', () => {
    expect(compound('The movie was GREAT.')).toBeGreaterThan(compound('The movie was great.'));
    // Everything in capitals: no differential, same as lowercase.
    expect(compound('THE MOVIE WAS GREAT.')).toBeCloseTo(compound('the movie was great.'), 4);
  });

  test('exclamation marks add emphasis (up to four), question marks from two on', () => {
    const one = compound('Great!');
    expect(compound('Great!!')).toBeGreaterThan(one);
    expect(compound('Great!!!!')).toBe(compound('Great!!!!!!!'));
    expect(compound('Is it bad??')).toBeLessThan(compound('Is it bad?'));
  });

  test('emoticons and emoji carry sentiment', () => {
    expect(compound('see you tomorrow :)')).toBeGreaterThan(0.2);
    expect(compound('see you tomorrow :(')).toBeLessThan(-0.2);
    expect(compound('see you tomorrow 😀')).toBeGreaterThan(0.2);
    expect(compound('see you tomorrow 😢')).toBeLessThan(-0.2);
    expect(compound('see you tomorrow ❤️')).toBeGreaterThan(0.2);
  });

  test('"least", "at least", idioms', () => {
    expect(compound('This is the least good option.')).toBeLessThan(0);
    expect(compound('At least it was good.')).toBeGreaterThan(0);
    expect(compound('Honestly that show was the bomb.')).toBeGreaterThan(0.3);
    expect(compound('Honestly that show was the bomb.')).toBeGreaterThan(compound('Honestly that show was the attack.'));
    // Case does not matter for rule words (the JS port compares "Not" and "Never" case-sensitively).
    expect(compound('Not bad at all')).toBeGreaterThan(0);
    expect(compound('Never so happy in my whole life.')).toBeGreaterThan(compound('So happy in my whole life.'));
  });

  test('proportions sum to 1 and the label follows VADER thresholds', () => {
    for (const text of ['I love it.', 'I hate it.', 'The table has four legs.', 'Good and bad and ugly.']) {
      const s = sentiment(text);
      expect(s.positive + s.negative + s.neutral).toBeCloseTo(1, 2);
      expect(s.label).toBe(s.compound >= 0.05 ? 'positive' : s.compound <= -0.05 ? 'negative' : 'neutral');
    }
    expect(sentiment('The table has four legs.').label).toBe('neutral');
  });

  test('empty and symbol-only texts are neutral', () => {
    for (const text of ['', '   ', '...', '12 34', '\u0000\u0001']) {
      expect(sentiment(text)).toEqual({ compound: 0, positive: 0, negative: 0, neutral: 1, label: 'neutral' });
    }
  });
});

describe('agreement with the reference VADER port', () => {
  // Single sentences whose whitespace tokens VADER reads as we do (one punctuation mark at most
  // at a word's end), so the two implementations see the same items.
  const sentences = [
    'VADER is smart, handsome, and funny.',
    'VADER is smart, handsome, and funny!',
    'VADER is very smart, handsome, and funny.',
    'VADER is VERY SMART, handsome, and FUNNY.',
    'VADER is VERY SMART, handsome, and FUNNY!!!',
    'VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!',
    'VADER is not smart, handsome, nor funny.',
    'The book was good.',
    'At least it isn\'t a horrible book.',
    'The book was only kind of good.',
    'The plot was good, but the characters are uncompelling and the dialog is not great.',
    'Today SUX!',
    'Today only kinda sux, I\'ll get by, lol',
    'Make sure you :) or :D today!',
    'not bad at all',
    'The service was slow and the food was cold.',
    'I absolutely love this phone, it works perfectly.',
    'This is the worst experience I have ever had.',
    'It was a decent movie with some boring parts.',
    'never so happy in my whole life.',
    'That movie was the bomb.',
    'That deal was the kiss of death for us.',
    'I was sort of happy with it.',
  ];
  test.each(sentences)('%s', (text) => {
    const reference = SentimentIntensityAnalyzer.polarity_scores(text);
    const ours = sentiment(text);
    expect(ours.compound).toBeCloseTo(reference.compound, 4);
    expect(ours.positive).toBeCloseTo(reference.pos, 3);
    expect(ours.negative).toBeCloseTo(reference.neg, 3);
    expect(ours.neutral).toBeCloseTo(reference.neu, 3);
  });
});
