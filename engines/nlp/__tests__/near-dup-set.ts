// A seeded, generated collection for near-duplicate tests: base documents drawn from an English
// vocabulary with a Zipf-like skew (so unrelated documents share common words and some shingles,
// as real text does) and variants of some bases with a few words substituted, deleted or inserted.

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). Same sequence on every platform. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Roughly by frequency, so the skewed draw makes the first words the common ones. */
export const VOCABULARY: readonly string[] = `
the of and to in a is that for it as was with be by on not he this are or his from at which but
have an they you were her she there been one all we their has would when if so no will more can
who out about what up them some could into other time only new these two may first then do any
like my now over such our man me even most made after also did many before must through back
years where much your way well down should because each just those people how too little state
good very make world still own see men work long get here between both life being under never
day same another know while last might us great old year off come since against go came right
used take three states himself few house use during without again place american around however
home small found mrs thought went say part once general high upon school every does got united
left number course war until always away something fact though water less public put thing
almost hand enough far took head yet government system better set told nothing night end why
called across eyes find going look asked later knew point next program city business give group
toward young days let room president side social given present several order national possible
rather second face per among form important often things looking early white case john become
large big need four within felt along children saw best church ever least power development
light seemed family interest want members mind country area others done turned although
open problem sense certain kind river garden letter market winter summer morning evening window
table paper music story money friend doctor teacher student village harbor bridge mountain forest
`
  .trim()
  .split(/\s+/);

export interface GeneratedDoc {
  id: string;
  words: string[];
}

export interface VariantPair {
  base: string;
  variant: string;
  /** Number of single-word edits (substitute, delete or insert) applied to the base. */
  edits: number;
}

export interface NearDupSet {
  docs: GeneratedDoc[];
  pairs: VariantPair[];
}

export interface NearDupSetOptions {
  seed: number;
  bases?: number;
  variants?: number;
  minWords?: number;
  maxWords?: number;
  maxEdits?: number;
}

/** Bases `b0…`, variants `v0…` (each of a distinct base), in one deterministic sequence. */
export function makeNearDupSet({
  seed,
  bases = 1000,
  variants = 300,
  minWords = 100,
  maxWords = 300,
  maxEdits = 5,
}: NearDupSetOptions): NearDupSet {
  const random = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  // u² skews towards the front of the list: "the" is drawn ~6% of the time, the last words ~0.1%.
  const word = () => VOCABULARY[Math.floor(random() ** 2 * VOCABULARY.length)]!;

  const docs: GeneratedDoc[] = [];
  for (let i = 0; i < bases; i++) {
    docs.push({ id: `b${i}`, words: Array.from({ length: int(minWords, maxWords) }, word) });
  }

  // A partial Fisher–Yates shuffle picks `variants` distinct bases.
  const order = docs.map((_, i) => i);
  const pairs: VariantPair[] = [];
  for (let v = 0; v < variants; v++) {
    const j = int(v, order.length - 1);
    [order[v], order[j]] = [order[j]!, order[v]!];
    const base = docs[order[v]!]!;
    const words = [...base.words];
    const edits = int(1, maxEdits);
    for (let e = 0; e < edits; e++) {
      const kind = int(0, 2);
      if (kind === 0) words[int(0, words.length - 1)] = word();
      else if (kind === 1) words.splice(int(0, words.length - 1), 1);
      else words.splice(int(0, words.length), 0, word());
    }
    docs.push({ id: `v${v}`, words });
    pairs.push({ base: base.id, variant: `v${v}`, edits });
  }
  return { docs, pairs };
}
