// Word lists the engine reads: the VADER valence lexicon, VADER's rule words, English stop words
// and the emoji the sentiment model scores. Loaded once per thread.
import { readFileSync } from 'node:fs';
import { eng as stopwordEng } from 'stopword';

/**
 * The VADER lexicon (Hutto & Gilbert 2014; 7,500 entries: words, slang and emoticons with a mean
 * valence in [-4, 4]) as published in the npm package `vader-sentiment` 1.1.3 (Apache-2.0),
 * file `src/vader_lexicon.js`. That file is ES-module source inside a CommonJS package, which
 * neither `require` nor our bundler path can load as-is, so we read it as text: one
 * `key: value,` entry per line, keys bare or quoted with `\\` escapes.
 */
export function loadVaderLexicon(): Map<string, number> {
  const path = require.resolve('vader-sentiment/src/vader_lexicon.js');
  const source = readFileSync(path, 'utf8');
  const body = source.slice(source.indexOf('export const lexicon'));
  const entry = /^\s+(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|([^\s:'"]+)):\s*(-?\d+(?:\.\d+)?),?\s*$/gm;
  const lexicon = new Map<string, number>();
  for (let m = entry.exec(body); m; m = entry.exec(body)) {
    const raw = m[1] ?? m[2] ?? m[3] ?? '';
    lexicon.set(raw.replace(/\\(.)/g, '$1'), Number(m[4]));
  }
  // The published file has 7,502 entries; far fewer means its format changed under us.
  if (lexicon.size < 7000) {
    throw new Error(`gospel: the VADER lexicon at ${path} has an unexpected format (${lexicon.size} entries read)`);
  }
  return lexicon;
}

// VADER's rule constants, from the reference implementation (vaderSentiment.py / its JS port).
export const B_INCR = 0.293;
export const B_DECR = -0.293;
export const C_INCR = 0.733;
export const N_SCALAR = -0.74;

export const NEGATIONS: readonly string[] = [
  'aint', 'arent', 'cannot', 'cant', 'couldnt', 'darent', 'didnt', 'doesnt', "ain't", "aren't", "can't",
  "couldn't", "daren't", "didn't", "doesn't", 'dont', 'hadnt', 'hasnt', 'havent', 'isnt', 'mightnt',
  'mustnt', 'neither', "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", 'neednt',
  "needn't", 'never', 'none', 'nope', 'nor', 'not', 'nothing', 'nowhere', 'oughtnt', 'shant', 'shouldnt',
  'uhuh', 'wasnt', 'werent', "oughtn't", "shan't", "shouldn't", 'uh-uh', "wasn't", "weren't", 'without',
  'wont', 'wouldnt', "won't", "wouldn't", 'rarely', 'seldom', 'despite',
];

/** Degree adverbs: boosters raise the valence of the word they modify, dampeners lower it. */
export const BOOSTERS: ReadonlyMap<string, number> = new Map<string, number>([
  ...[
    'absolutely', 'amazingly', 'awfully', 'completely', 'considerably', 'decidedly', 'deeply', 'effing',
    'enormously', 'entirely', 'especially', 'exceptionally', 'extremely', 'fabulously', 'flipping',
    'flippin', 'fricking', 'frickin', 'frigging', 'friggin', 'fully', 'fucking', 'greatly', 'hella',
    'highly', 'hugely', 'incredibly', 'intensely', 'majorly', 'more', 'most', 'particularly', 'purely',
    'quite', 'really', 'remarkably', 'so', 'substantially', 'thoroughly', 'totally', 'tremendously', 'uber',
    'unbelievably', 'unusually', 'utterly', 'very',
  ].map((w): [string, number] => [w, B_INCR]),
  ...[
    'almost', 'barely', 'hardly', 'kinda', 'kindof', 'kind-of', 'less', 'little', 'marginally',
    'occasionally', 'partly', 'scarcely', 'slightly', 'somewhat', 'sorta', 'sortof', 'sort-of',
  ].map((w): [string, number] => [w, B_DECR]),
]);

/** Two-word dampeners ("kind of good"): checked as the two words before a sentiment word. */
export const BOOSTER_BIGRAMS: ReadonlySet<string> = new Set(['just enough', 'kind of', 'sort of']);

/** Idioms whose valence replaces that of the sentiment word inside them. */
export const IDIOMS: ReadonlyMap<string, number> = new Map([
  ['the shit', 3],
  ['the bomb', 3],
  ['bad ass', 1.5],
  ['yeah right', -2],
  ['cut the mustard', 2],
  ['kiss of death', -1.5],
  ['hand to mouth', -2],
]);

/**
 * Emoji scored through their Unicode (CLDR) short names, as VADER 3.3 does: the name's words are
 * looked up in the lexicon and their valences summed. Only common emoji are listed; others are
 * tokens with no valence.
 */
export const EMOJI_NAMES: ReadonlyMap<string, string> = new Map([
  ['😀', 'grinning face'], ['😃', 'grinning face with big eyes'], ['😄', 'grinning face with smiling eyes'],
  ['😁', 'beaming face with smiling eyes'], ['😆', 'grinning squinting face laugh'], ['😅', 'grinning face with sweat'],
  ['🤣', 'rolling on the floor laughing'], ['😂', 'face with tears of joy'], ['🙂', 'slightly smiling face'],
  ['😊', 'smiling face with smiling eyes'], ['😇', 'smiling face with halo'], ['🥰', 'smiling face with hearts love'],
  ['😍', 'smiling face with heart-eyes love'], ['🤩', 'star-struck excited'], ['😘', 'face blowing a kiss'],
  ['😋', 'face savoring food yummy'], ['😎', 'smiling face with sunglasses cool'], ['🤗', 'hugging face hug'],
  ['🤔', 'thinking face'], ['😐', 'neutral face'], ['😑', 'expressionless face'], ['🙄', 'face with rolling eyes'],
  ['😏', 'smirking face smirk'], ['😒', 'unamused face'], ['😔', 'pensive face sad'], ['😕', 'confused face'],
  ['🙁', 'slightly frowning face frown'], ['☹', 'frowning face frown'], ['😟', 'worried face'], ['😢', 'crying face'],
  ['😭', 'loudly crying face'], ['😤', 'face with steam from nose angry'], ['😠', 'angry face'], ['😡', 'pouting face rage'],
  ['🤬', 'face with symbols on mouth cursing'], ['😱', 'face screaming in fear'], ['😨', 'fearful face'],
  ['😰', 'anxious face with sweat'], ['😞', 'disappointed face'], ['😩', 'weary face'], ['😫', 'tired face'],
  ['🤮', 'face vomiting disgusting'], ['🤢', 'nauseated face sick'], ['💩', 'pile of poo'], ['👍', 'thumbs up good'],
  ['👎', 'thumbs down bad'], ['👏', 'clapping hands applause'], ['🙏', 'folded hands thanks'], ['💪', 'flexed biceps strong'],
  ['❤', 'red heart love'], ['💕', 'two hearts love'], ['💔', 'broken heart'], ['🎉', 'party popper celebrate'],
  ['✨', 'sparkles'], ['🔥', 'fire'], ['⭐', 'star'], ['🌟', 'glowing star'], ['💯', 'hundred points perfect'],
  ['✅', 'check mark button'], ['❌', 'cross mark'], ['⚠', 'warning'], ['😴', 'sleeping face'], ['🤯', 'exploding head shocked'],
]);

/**
 * English stop words: the `stopword` package's list (MIT) plus the function words and
 * contractions it lacks. Its 108 words leave "not", "will", "its" and "don't" in keywords;
 * bigger lists such as stopwords-iso also drop content words ("computer", "great").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...stopwordEng,
  ...`a about above across after again against all almost alone along already also although always am among an and
another any anybody anyone anything anyway anywhere are aren't around as at be became because become becomes been
before being below beside besides between beyond both but by can can't cannot could couldn't did didn't do does
doesn't doing don't done down during each either else enough etc even ever every everyone everything except few
for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him
himself his how how's however i i'd i'll i'm i've if in into is isn't it it's its itself just least less let let's
may maybe me might mine more most much must mustn't my myself neither no nobody none nor not nothing now of off
often on once one only onto or other others otherwise ought our ours ourselves out over own per perhaps quite
rather really same shall shan't she she'd she'll she's should shouldn't since so some somebody someone something
sometimes somewhat still such than that that's the their theirs them themselves then there there's therefore
these they they'd they'll they're they've this those though through thus to together too toward towards under
unless until up upon us used very via was wasn't we we'd we'll we're we've were weren't what what's whatever when
when's where where's whether which while who who's whoever whom whose why why's will with within without won't
would wouldn't yes yet you you'd you'll you're you've your yours yourself yourselves`.split(/\s+/),
]);

/**
 * Abbreviations after which a period does not end a sentence (lowercase, without the period).
 * Single initials ("J. Smith") are handled by the tokenizer.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'vs', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'fig', 'figs', 'no',
  'nos', 'vol', 'vols', 'approx', 'al', 'cf', 'ca', 'gen', 'gov', 'sen', 'rep', 'rev', 'capt', 'col', 'lt',
  'sgt', 'ave', 'blvd', 'rd', 'ft', 'pp', 'ed', 'eds', 'esp', 'resp', 'viz', 'ibid', 'op', 'cit', 'ch',
]);
