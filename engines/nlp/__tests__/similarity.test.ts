import {
  EMPTY_SLOT,
  LshIndex,
  MinHasher,
  bandKeys,
  cosine,
  decodeSignature,
  encodeSignature,
  estimateJaccard,
  jaccard,
  lshCandidateProbability,
  murmurhash3,
  shingleWords,
  shingles,
  textCosine,
  textJaccard,
  tfidfVectors,
} from '../similarity';
import { makeNearDupSet, mulberry32 } from './near-dup-set';

/** A shingle as `shingles` builds it. */
const sh = (...words: string[]) => words.join('\u001f');

describe('shingleWords', () => {
  it('lower-cases and splits on anything but letters, digits and marks', () => {
    expect(shingleWords("  The CAT's 2 naïve-dogs, Ünïcode… 日本語!  ")).toEqual([
      'the',
      'cat',
      's',
      '2',
      'naïve',
      'dogs',
      'ünïcode',
      '日本語',
    ]);
  });

  it('gives the same words for precomposed and decomposed accents', () => {
    expect(shingleWords('caf\u00e9')).toEqual(shingleWords('cafe\u0301'));
    expect(shingleWords('caf\u00e9')).toEqual(['café']);
  });

  it('gives no words for empty or punctuation-only text', () => {
    expect(shingleWords('')).toEqual([]);
    expect(shingleWords(' -- !? ')).toEqual([]);
  });
});

describe('shingles', () => {
  it('makes the set of word k-shingles', () => {
    expect(shingles(['a', 'b', 'c', 'd'], 2)).toEqual(new Set([sh('a', 'b'), sh('b', 'c'), sh('c', 'd')]));
    expect(shingles(['a', 'b', 'a', 'b', 'a'], 2)).toEqual(new Set([sh('a', 'b'), sh('b', 'a')]));
    expect(shingles(['a', 'b', 'c', 'd'])).toEqual(new Set([sh('a', 'b', 'c'), sh('b', 'c', 'd')]));
  });

  it('keeps a document shorter than k as one shingle, and an empty one as no shingle', () => {
    expect(shingles(['a', 'b'], 3)).toEqual(new Set([sh('a', 'b')]));
    expect(shingles(['a', 'b', 'c'], 3)).toEqual(new Set([sh('a', 'b', 'c')]));
    expect(shingles([], 3)).toEqual(new Set());
  });

  it('does not confuse words containing spaces with word boundaries', () => {
    expect(jaccard(shingles(['a b', 'c'], 2), shingles(['a', 'b c'], 2))).toBe(0);
  });

  it('rejects a k that is not a positive integer', () => {
    expect(() => shingles(['a'], 0)).toThrow('shingles: k must be an integer ≥ 1, got 0');
    expect(() => shingles(['a'], 1.5)).toThrow('got 1.5');
  });
});

describe('jaccard', () => {
  it('is |A ∩ B| / |A ∪ B|', () => {
    expect(jaccard(new Set(['1', '2', '3', '4']), new Set(['3', '4', '5']))).toBeCloseTo(2 / 5, 12);
    expect(jaccard(new Set(['x']), new Set(['y']))).toBe(0);
    expect(jaccard(new Set(['x', 'y']), new Set(['y', 'x']))).toBe(1);
    expect(jaccard(new Set(['x']), new Set())).toBe(0);
  });

  it('is 1 for two empty sets', () => {
    expect(jaccard(new Set(), new Set())).toBe(1);
  });

  it('compares the shingles of two texts', () => {
    // {the cat, cat sat, sat on, on the, the mat} vs {the cat, cat sat, sat on, on a, a mat}: 3 / 7.
    expect(textJaccard('The cat sat on the mat.', 'the cat sat on a mat', 2)).toBeCloseTo(3 / 7, 12);
    // 3-shingles: {the cat sat, cat sat on, sat on the, on the mat} vs {…, sat on a, on a mat}: 2 / 6.
    expect(textJaccard('The cat sat on the mat.', 'the cat sat on a mat')).toBeCloseTo(2 / 6, 12);
  });
});

describe('TF-IDF and cosine', () => {
  // n = 3; df(a) = 3, df(b) = 2, df(c) = 1 → idf a = 1, b = ln(4/3) + 1, c = ln 2 + 1.
  const docs = [['a', 'b'], ['a', 'c'], ['a', 'a', 'b']];

  it('weights raw counts by the smoothed idf and L2-normalises', () => {
    const [v0, v1, v2] = tfidfVectors(docs);
    expect(v0!.get('a')).toBeCloseTo(0.6133555370, 9);
    expect(v0!.get('b')).toBeCloseTo(0.789806929, 9);
    expect(v1!.get('c')).toBeCloseTo(0.8610369959, 9);
    expect(v2!.get('a')).toBeCloseTo(0.8408019732, 9);
    expect(v2!.get('b')).toBeCloseTo(0.5413428137, 9);
    expect([...v0!.keys()].sort()).toEqual(['a', 'b']);
  });

  it('gives the cosine of the vectors', () => {
    const [v0, v1, v2] = tfidfVectors(docs);
    const ib = Math.log(4 / 3) + 1;
    const ic = Math.log(2) + 1;
    expect(cosine(v0!, v1!)).toBeCloseTo(1 / (Math.sqrt(1 + ib * ib) * Math.sqrt(1 + ic * ic)), 12);
    expect(cosine(v0!, v1!)).toBeCloseTo(0.311917248, 8);
    expect(cosine(v0!, v2!)).toBeCloseTo(0.9432668510, 9);
    expect(cosine(v1!, v2!)).toBeCloseTo(0.4275833864, 9);
  });

  it('normalises unnormalised vectors and gives 0 for a zero vector', () => {
    expect(cosine(new Map([['x', 3], ['y', 4]]), new Map([['x', 1]]))).toBeCloseTo(0.6, 12);
    expect(cosine(new Map(), new Map([['x', 1]]))).toBe(0);
    expect(cosine(new Map(), new Map())).toBe(0);
    expect(tfidfVectors([[], ['x']])[0]).toEqual(new Map());
  });

  it('builds the pairwise matrix of a few texts', () => {
    // n = 4 with the empty text: idf(red) = idf(car) = ln(5/3) + 1, idf(apple) = idf(blue) = ln(5/2) + 1.
    const m = textCosine(['Red apple', 'red car!', 'blue CAR', '']);
    const r = Math.log(5 / 3) + 1;
    const a = Math.log(5 / 2) + 1;
    const expected = r / (Math.SQRT2 * Math.sqrt(r * r + a * a));
    expect(expected).toBeCloseTo(0.4377912311, 9);
    expect(m[0]![1]).toBeCloseTo(expected, 12);
    expect(m[1]![2]).toBeCloseTo(expected, 12);
    expect(m[1]![0]).toBe(m[0]![1]);
    expect(m[0]![2]).toBe(0);
    expect([0, 1, 2].map((i) => m[i]![i])).toEqual([1, 1, 1].map(() => expect.closeTo(1, 12)));
    expect(m[3]).toEqual([0, 0, 0, 0]);
  });
});

describe('murmurhash3', () => {
  it('matches the published MurmurHash3 x86_32 vectors', () => {
    expect(murmurhash3('', 0)).toBe(0);
    expect(murmurhash3('', 1)).toBe(0x514e28b7);
    expect(murmurhash3('test', 0)).toBe(0xba6bd213);
    expect(murmurhash3('Hello, world!', 0)).toBe(0xc0363e43);
    expect(murmurhash3('The quick brown fox jumps over the lazy dog', 0)).toBe(0x2e4ff723);
    expect(murmurhash3('aaaa', 0x9747b28c)).toBe(0x5a97808a);
    expect(murmurhash3('Hello, world!', 0x9747b28c)).toBe(0x24884cba);
  });

  it('hashes UTF-8 bytes (values from an independent Python implementation)', () => {
    expect(murmurhash3('héllo wörld')).toBe(0x97f7f274);
    expect(murmurhash3('日本語')).toBe(0xa5a47297);
    expect(murmurhash3('naïve café 😀', 42)).toBe(0xf6c02138);
  });
});

describe('MinHasher', () => {
  const text = 'The quick brown fox jumps over the lazy dog';

  it('is deterministic, and pinned: a change of hash or permutations fails here', () => {
    const sig = new MinHasher().textSignature(text);
    expect(sig).toHaveLength(128);
    expect(new MinHasher().textSignature(text)).toEqual(sig);
    expect(Array.from(sig.subarray(0, 4))).toEqual([0x121eea28, 0x2dbed20a, 0x0699e016, 0x0598c219]);
  });

  it('computes the documented permutations: lowbias32(h · a_i + b_i), a_i, b_i = murmur3 of 2i, 2i + 1', () => {
    const lowbias32 = (x: number) => {
      x ^= x >>> 16;
      x = Math.imul(x, 0x7feb352d);
      x ^= x >>> 15;
      x = Math.imul(x, 0x846ca68b);
      x ^= x >>> 16;
      return x >>> 0;
    };
    // For 2i + 1 < 128 the little-endian uint32 is four ASCII bytes, the same in UTF-8.
    const le = (n: number) => String.fromCharCode(n, 0, 0, 0);
    const seed = 7;
    const hasher = new MinHasher({ numPerm: 8, seed });
    const h = murmurhash3('one shingle');
    const sig = hasher.signature(['one shingle']);
    for (let i = 0; i < 8; i++) {
      const a = (murmurhash3(le(2 * i), seed) | 1) >>> 0;
      const b = murmurhash3(le(2 * i + 1), seed);
      expect(sig[i]).toBe(lowbias32((Math.imul(h, a) + b) | 0));
    }
  });

  it('depends on the set only, not on order or repetition, and on the seed', () => {
    const hasher = new MinHasher({ numPerm: 64 });
    expect(hasher.signature(['x', 'y', 'z'])).toEqual(hasher.signature(['z', 'x', 'y', 'x']));
    expect(new MinHasher({ numPerm: 64, seed: 2 }).signature(['x', 'y', 'z'])).not.toEqual(
      hasher.signature(['x', 'y', 'z']),
    );
  });

  it('gives all 0xffffffff for the empty set', () => {
    const sig = new MinHasher({ numPerm: 16 }).signature([]);
    expect(Array.from(sig)).toEqual(new Array(16).fill(EMPTY_SLOT));
    expect(EMPTY_SLOT).toBe(0xffffffff);
  });

  it('estimates Jaccard with the error of independent permutations', () => {
    // 200 pairs with true J spread over [0, 1): |common| ∈ [0, 200), |only A| ∈ [0, 100), |only B| ∈ [1, 100].
    const random = mulberry32(7);
    let next = 0;
    const pairs = Array.from({ length: 200 }, () => {
      const [common, onlyA, onlyB] = [Math.floor(random() * 200), Math.floor(random() * 100), 1 + Math.floor(random() * 100)];
      const shared = Array.from({ length: common }, () => `s${next++}`);
      const a = new Set([...shared, ...Array.from({ length: onlyA }, () => `s${next++}`)]);
      const b = new Set([...shared, ...Array.from({ length: onlyB }, () => `s${next++}`)]);
      return { a, b, truth: jaccard(a, b) };
    });

    for (const numPerm of [128, 512]) {
      const hasher = new MinHasher({ numPerm });
      const errors = pairs.map(({ a, b, truth }) => estimateJaccard(hasher.signature(a), hasher.signature(b)) - truth);
      const rms = Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length);
      // Each slot matches with probability J, independently: variance J(1 − J) / numPerm.
      const theory = Math.sqrt(pairs.reduce((s, p) => s + (p.truth * (1 - p.truth)) / numPerm, 0) / pairs.length);
      const bias = errors.reduce((s, e) => s + e, 0) / errors.length;
      const within = errors.filter((e) => Math.abs(e) <= 0.1).length / errors.length;
      expect(rms).toBeLessThan(1.2 * theory);
      expect(Math.abs(bias)).toBeLessThan(0.01);
      // ±0.1 is 2.3σ at J = 0.5 for 128 slots (a few pairs may exceed it), 4.5σ for 512.
      expect(within).toBeGreaterThanOrEqual(numPerm === 128 ? 0.95 : 1);
    }
  });

  it('rejects bad parameters and mismatched signatures', () => {
    expect(() => new MinHasher({ numPerm: 0 })).toThrow('MinHasher: numPerm must be an integer ≥ 1, got 0');
    expect(() => new MinHasher({ seed: -1 })).toThrow('MinHasher: seed must be an integer in [0, 2^32), got -1');
    expect(() => estimateJaccard(new Uint32Array(4), new Uint32Array(5))).toThrow(
      'estimateJaccard: signatures differ in length (4 and 5)',
    );
  });
});

describe('signature storage', () => {
  it('encodes 4 little-endian bytes per slot and decodes them back', () => {
    const sig = Uint32Array.from([1, 0xdeadbeef, 0xffffffff]);
    const bytes = encodeSignature(sig);
    expect(bytes.toString('hex')).toBe('01000000' + 'efbeadde' + 'ffffffff');
    expect(decodeSignature(bytes)).toEqual(sig);
  });

  it('decodes a view at an unaligned offset', () => {
    const backing = new Uint8Array(9);
    backing.set([2, 0, 0, 0, 3, 0, 0, 0], 1);
    expect(Array.from(decodeSignature(backing.subarray(1)))).toEqual([2, 3]);
  });

  it('rejects a length that is not a multiple of 4', () => {
    expect(() => decodeSignature(new Uint8Array(5))).toThrow('decodeSignature: 5 bytes is not a whole number of 4-byte slots');
  });
});

describe('bandKeys', () => {
  it('makes one exact hex key per band', () => {
    const sig = Uint32Array.from([1, 2, 3, 4, 0xa, 0xb, 0xc, 0xdeadbeef]);
    expect(bandKeys(sig, 2, 4)).toEqual([
      '0:00000001000000020000000300000004',
      '1:0000000a0000000b0000000cdeadbeef',
    ]);
    expect(bandKeys(sig, 4, 2)[3]).toBe('3:0000000cdeadbeef');
  });

  it('names the values when bands × rows does not match the signature', () => {
    expect(() => bandKeys(new Uint32Array(100), 32, 4)).toThrow(
      'bandKeys: bands × rows (32 × 4 = 128) must equal the signature length numPerm (100)',
    );
    expect(() => bandKeys(new Uint32Array(0), 0, 4)).toThrow('bandKeys: bands must be an integer ≥ 1, got 0');
  });
});

describe('LSH S-curve', () => {
  it('makes near-duplicates candidates almost surely with 32 bands of 4 rows', () => {
    expect(lshCandidateProbability(0.8, 32, 4)).toBeCloseTo(0.99999995, 8);
    expect(lshCandidateProbability(0.5, 32, 4)).toBeCloseTo(0.8732, 4);
    expect(lshCandidateProbability(0.2, 32, 4)).toBeCloseTo(0.04995, 4);
    // The alternative split of 128 slots would miss 5% of near-duplicates at s = 0.8.
    expect(lshCandidateProbability(0.8, 16, 8)).toBeCloseTo(0.94705, 4);
  });
});

describe('LshIndex', () => {
  // 2 bands × 4 rows. The query's bands are 1 2 3 4 | 5 6 7 8.
  const q = Uint32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
  const sig = (...values: number[]) => Uint32Array.from(values);
  const fill = () => {
    const index = new LshIndex({ bands: 2, rows: 4, numPerm: 8 });
    index.add('same', sig(1, 2, 3, 4, 5, 6, 7, 8)); // 8/8
    index.add('band0+1', sig(1, 2, 3, 4, 5, 0, 0, 0)); // 5/8
    index.add('z-band0', sig(1, 2, 3, 4, 0, 0, 0, 0)); // 4/8
    index.add('a-band1', sig(0, 0, 0, 0, 5, 6, 7, 8)); // 4/8
    index.add('no-band', sig(1, 2, 3, 0, 5, 6, 7, 0)); // 6/8 but shares no whole band
    return index;
  };

  it('ranks the candidates by estimated Jaccard, then by id', () => {
    const index = fill();
    expect(index.size).toBe(5);
    expect(index.query(q, 10)).toEqual([
      { id: 'same', similarity: 1 },
      { id: 'band0+1', similarity: 5 / 8 },
      { id: 'a-band1', similarity: 0.5 },
      { id: 'z-band0', similarity: 0.5 },
    ]);
    expect(index.stats).toEqual({ queries: 1, candidatesCompared: 4 });
  });

  it('limits to k, filters by minSimilarity and excludes ids', () => {
    const index = fill();
    expect(index.query(q, 2).map((m) => m.id)).toEqual(['same', 'band0+1']);
    expect(index.query(q, Infinity, { minSimilarity: 0.6 }).map((m) => m.id)).toEqual(['same', 'band0+1']);
    expect(index.query(q, 10, { exclude: 'same' }).map((m) => m.id)).toEqual(['band0+1', 'a-band1', 'z-band0']);
    expect(index.query(q, 10, { exclude: ['same', 'a-band1'] }).map((m) => m.id)).toEqual(['band0+1', 'z-band0']);
    // Excluded ids are not compared at all.
    index.resetStats();
    index.query(q, 10, { exclude: ['same', 'a-band1'] });
    expect(index.stats.candidatesCompared).toBe(2);
  });

  it('removes documents and their buckets', () => {
    const index = fill();
    expect(index.remove('same')).toBe(true);
    expect(index.remove('same')).toBe(false);
    expect(index.has('same')).toBe(false);
    expect(index.size).toBe(4);
    expect(index.query(q, 10).map((m) => m.id)).toEqual(['band0+1', 'a-band1', 'z-band0']);
    for (const id of ['band0+1', 'a-band1', 'z-band0', 'no-band']) index.remove(id);
    expect(index.size).toBe(0);
    index.resetStats();
    expect(index.query(q, 10)).toEqual([]);
    expect(index.stats.candidatesCompared).toBe(0);
  });

  it('replaces a document added again under the same id, and keeps its own copy', () => {
    const index = fill();
    const moving = sig(1, 2, 3, 4, 9, 9, 9, 9);
    index.add('same', moving);
    moving[0] = 42;
    expect(index.size).toBe(5);
    expect(index.query(q, 1)).toEqual([{ id: 'band0+1', similarity: 5 / 8 }]);
    expect(index.query(sig(1, 2, 3, 4, 9, 9, 9, 9), 1)).toEqual([{ id: 'same', similarity: 1 }]);
  });

  it('rejects bad parameters with messages naming the values', () => {
    expect(() => new LshIndex({ bands: 32, rows: 4, numPerm: 100 })).toThrow(
      'LshIndex: bands × rows (32 × 4 = 128) must equal the signature length numPerm (100)',
    );
    expect(() => new LshIndex({ bands: 0 })).toThrow('LshIndex: bands must be an integer ≥ 1, got 0');
    expect(() => new LshIndex({ rows: 2.5 })).toThrow('LshIndex: rows must be an integer ≥ 1, got 2.5');
    const index = new LshIndex();
    expect(() => index.add('x', new Uint32Array(64))).toThrow('(32 × 4 = 128) must equal the signature length numPerm (64)');
    expect(() => index.query(new Uint32Array(128), 0)).toThrow('LshIndex.query: k must be an integer ≥ 1, got 0');
    expect(() => index.query(new Uint32Array(128), 1, { minSimilarity: 1.5 })).toThrow(
      'LshIndex.query: minSimilarity must be in [0, 1], got 1.5',
    );
  });
});

describe('near-duplicates in a generated collection', () => {
  // 1000 bases of 100–300 words, 300 variants with 1–5 single-word edits.
  const set = makeNearDupSet({ seed: 42 });
  const shingleSets = new Map(set.docs.map((d) => [d.id, shingles(d.words)]));
  const truth = (a: string, b: string) => jaccard(shingleSets.get(a)!, shingleSets.get(b)!);
  const sigs = new Map<string, Uint32Array>();
  const index = new LshIndex({ bands: 32, rows: 4, numPerm: 128 });

  beforeAll(() => {
    const hasher = new MinHasher({ numPerm: 128 });
    for (const [id, s] of shingleSets) sigs.set(id, hasher.signature(s));
    for (const [id, s] of sigs) index.add(id, s);
  });

  it('finds the base of ≥ 95% of variants with J ≥ 0.8 among the top 5, comparing few candidates', () => {
    index.resetStats();
    let near = 0;
    let found = 0;
    for (const { base, variant } of set.pairs) {
      const top = index.query(sigs.get(variant)!, 5, { exclude: variant });
      expect(top.map((m) => m.id)).not.toContain(variant);
      if (truth(base, variant) < 0.8) continue;
      near++;
      if (top.some((m) => m.id === base)) found++;
    }
    const recall = found / near;
    const perQuery = index.stats.candidatesCompared / index.stats.queries;
    console.log(
      `near-dup recall ${found}/${near} = ${recall.toFixed(4)} (J ≥ 0.8, top 5); ` +
        `${perQuery.toFixed(2)} candidates compared per query of ${index.size} documents`,
    );
    // The set must actually exercise the threshold: most pairs near-duplicates, some below.
    expect(near).toBeGreaterThan(250);
    expect(near).toBeLessThan(set.pairs.length);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(perQuery).toBeLessThan(0.01 * index.size);
  });

  it('reports near-duplicate pairs of the whole collection precisely', () => {
    index.resetStats();
    const reported: [string, string][] = [];
    for (const [id, s] of sigs) {
      for (const m of index.query(s, Infinity, { minSimilarity: 0.8, exclude: id })) if (id < m.id) reported.push([id, m.id]);
    }
    const correct = reported.filter(([a, b]) => truth(a, b) >= 0.8).length;
    const allPairs = (index.size * (index.size - 1)) / 2;
    console.log(
      `near-dup precision ${correct}/${reported.length} (estimated ≥ 0.8 vs true ≥ 0.8); ` +
        `${index.stats.candidatesCompared} comparisons for ${index.size} queries, all pairs ${allPairs}`,
    );
    expect(reported.length).toBeGreaterThan(250);
    expect(correct / reported.length).toBeGreaterThanOrEqual(0.9);
    // Each pair is seen from both sides: far below the n(n−1) of comparing all pairs.
    expect(index.stats.candidatesCompared).toBeLessThan(0.01 * 2 * allPairs);
  });
});
