// Keywords: TF-IDF exactly as scikit-learn's TfidfVectorizer defines it (smoothed idf, L2 norm),
// stop words, keyphrases, RAKE for a lone document, and results independent of the thread count.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, analyzeBatch, createNlpPool } from '../index.ts';

describe('TF-IDF over a batch', () => {
  const docs = ['the cat and the dog and the cat food', 'dog food is great dog food', 'bird seed'];

  test('scores are raw count × (ln((1+n)/(1+df)) + 1), L2-normalised over the document', () => {
    const [first] = analyzeBatch(docs, { only: ['keywords'], keywords: 5, maxPhraseWords: 1 });
    // Terms of doc 0 after stop words: cat ×2 (df 1), dog ×1 (df 2), food ×1 (df 2); n = 3.
    const idf = (df: number) => Math.log(4 / (1 + df)) + 1;
    const w = { cat: 2 * idf(1), dog: idf(2), food: idf(2) };
    const norm = Math.hypot(w.cat, w.dog, w.food);
    expect(first!.keywordMethod).toBe('tfidf');
    expect(first!.keywords).toEqual([
      { term: 'cat', score: Math.round((w.cat / norm) * 1e4) / 1e4 },
      { term: 'dog', score: Math.round((w.dog / norm) * 1e4) / 1e4 },
      { term: 'food', score: Math.round((w.food / norm) * 1e4) / 1e4 },
    ]);
  });

  test('stop words never appear; equal scores are ordered by term', () => {
    const results = analyzeBatch(docs, { only: ['keywords'], keywords: 10 });
    for (const r of results) for (const k of r.keywords!) expect(['the', 'and', 'is']).not.toContain(k.term);
    expect(results[2]!.keywords!.map((k) => k.term)).toEqual(['bird', 'seed']);
  });

  test('a pair of words repeated in a document becomes a keyphrase', () => {
    const [, second] = analyzeBatch(docs, { only: ['keywords'], keywords: 3 });
    expect(second!.keywords![0]!.term).toBe('dog food');
    const [, singleWords] = analyzeBatch(docs, { only: ['keywords'], keywords: 3, maxPhraseWords: 1 });
    expect(singleWords!.keywords!.map((k) => k.term)).not.toContain('dog food');
  });

  test('bad options are BAD_USER_INPUT errors naming the option', () => {
    expect(() => analyze('x', { keywords: -1 })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringContaining('keywords') }));
    expect(() => analyze('x', { keywords: 1000 })).toThrow(/keywords must be an integer from 0 to 100/);
    expect(() => analyze('x', { only: ['colour' as never] })).toThrow(/unknown analysis section "colour"/);
  });
});

describe('RAKE for a lone document', () => {
  test('multi-word phrases of non-stop words rank first, best scores 1', () => {
    const { keywords, keywordMethod } = analyze(
      'Compatibility of systems of linear constraints over the set of natural numbers. Criteria of compatibility of a system of linear Diophantine equations are given.',
      { only: ['keywords'], keywords: 4 },
    );
    expect(keywordMethod).toBe('rake');
    // Word scores deg/freq as in Rose et al. (2010): linear 5/2, diophantine 3, equations 3, constraints 2,
    // natural 2, numbers 2, compatibility 1 → phrases 8.5, 4.5, 4, 1 (ties by term), divided by 8.5.
    expect(keywords).toEqual([
      { term: 'linear diophantine equations', score: 1 },
      { term: 'linear constraints', score: Math.round((4.5 / 8.5) * 1e4) / 1e4 },
      { term: 'natural numbers', score: Math.round((4 / 8.5) * 1e4) / 1e4 },
      { term: 'compatibility', score: Math.round((1 / 8.5) * 1e4) / 1e4 },
    ]);
  });

  test('no words, no keywords; keywords: 0 gives an empty list', () => {
    expect(analyze('... !!!', { only: ['keywords'] }).keywords).toEqual([]);
    expect(analyze('A fine sentence about cats.', { only: ['keywords'], keywords: 0 }).keywords).toEqual([]);
  });
});

describe('worker pool', () => {
  const corpus = readFileSync(path.join(__dirname, 'fixtures', 'sentences-en.txt'), 'utf8').split('\n').filter(Boolean);
  const texts = Array.from({ length: 600 }, (_, i) => `${corpus[i % corpus.length]} ${corpus[(i * 7 + 3) % corpus.length]} ${corpus[(i * 13 + 5) % corpus.length]}`);

  test('results are identical for 1, 2 and 3 threads and equal the in-thread batch', async () => {
    const options = { only: ['sentiment', 'keywords', 'stats', 'readability'] as const, keywords: 8 };
    const here = analyzeBatch(texts, { ...options, only: [...options.only] });
    for (const threads of [1, 2, 3]) {
      const pool = createNlpPool({ threads });
      const progress: number[] = [];
      try {
        const results = await pool.analyzeBatch(texts, { ...options, only: [...options.only] }, (done, total) => {
          expect(total).toBe(texts.length);
          progress.push(done);
        });
        expect(results).toEqual(here);
        expect(progress.at(-1)).toBe(texts.length);
        expect(progress).toEqual([...progress].sort((a, b) => a - b));
      } finally {
        await pool.close();
      }
    }
  }, 120_000);

  test('bad options fail before any work; a closed pool refuses work', async () => {
    const pool = createNlpPool({ threads: 2 });
    await expect(pool.analyzeBatch(['a b'], { keywords: 101 })).rejects.toThrow(/keywords must be/);
    await pool.close();
    await expect(pool.analyzeBatch(['a b'])).rejects.toThrow(/closed/);
    expect(() => createNlpPool({ threads: 0 })).toThrow(/threads must be/);
  });
});
