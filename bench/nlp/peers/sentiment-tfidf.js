#!/usr/bin/env node
// NLP benchmark peer: Node `sentiment` (AFINN-165) + a naive JavaScript TF-IDF, the baseline a
// developer would write in an afternoon.
//
// Sentiment: `new Sentiment().analyze(text)` → { score, comparative } (its own tokenizer, AFINN-165
// with its one-word negation rule).
// Keywords: lowercase, words = runs of ≥ 2 Unicode letters/digits/underscores (sklearn's default
// token pattern `\b\w\w+\b`), sklearn's English stop-word list (below), Map-based term counts per
// document and document frequencies over the whole corpus, weight = count × (ln((1 + N)/(1 + df)) + 1)
// L2-normalised per document (sklearn's TfidfVectorizer defaults), sort, top 10. So its keywords
// should match the sklearn peer's, ties aside.
//
// Usage: node bench/nlp/peers/sentiment-tfidf.js CORPUS.jsonl OUT.jsonl
'use strict';
const Sentiment = require('sentiment');
const { readCorpus, writeResults, args } = require('./io');

const TOP = 10;
// scikit-learn's ENGLISH_STOP_WORDS (sklearn.feature_extraction.text, 318 words, BSD licence).
const STOP_WORDS = new Set(`
  a about above across after afterwards again against all almost alone along already also
  although always am among amongst amoungst amount an and another any anyhow anyone anything
  anyway anywhere are around as at back be became because become becomes becoming been before
  beforehand behind being below beside besides between beyond bill both bottom but by call can
  cannot cant co con could couldnt cry de describe detail do done down due during each eg eight
  either eleven else elsewhere empty enough etc even ever every everyone everything everywhere
  except few fifteen fifty fill find fire first five for former formerly forty found four from
  front full further get give go had has hasnt have he hence her here hereafter hereby herein
  hereupon hers herself him himself his how however hundred i ie if in inc indeed interest into
  is it its itself keep last latter latterly least less ltd made many may me meanwhile might
  mill mine more moreover most mostly move much must my myself name namely neither never
  nevertheless next nine no nobody none noone nor not nothing now nowhere of off often on once
  one only onto or other others otherwise our ours ourselves out over own part per perhaps
  please put rather re same see seem seemed seeming seems serious several she should show side
  since sincere six sixty so some somehow someone something sometime sometimes somewhere still
  such system take ten than that the their them themselves then thence there thereafter thereby
  therefore therein thereupon these they thick thin third this those though three through
  throughout thru thus to together too top toward towards twelve twenty two un under until up
  upon us very via was we well were what whatever when whence whenever where whereafter whereas
  whereby wherein whereupon wherever whether which while whither who whoever whole whom whose
  why will with within without would yet you your yours yourself yourselves
`.trim().split(/\s+/));
const WORD = /[\p{L}\p{N}_]{2,}/gu;

const { input, output } = args('sentiment-tfidf.js');
const docs = readCorpus(input);
const sentiment = new Sentiment();

const counts = new Array(docs.length);
const df = new Map();
const results = new Array(docs.length);
for (let i = 0; i < docs.length; i++) {
  const { id, text } = docs[i];
  const s = sentiment.analyze(text);
  results[i] = { id, sentiment: { score: s.score, comparative: s.comparative }, keywords: null };
  const tf = new Map();
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    if (STOP_WORDS.has(w)) continue;
    tf.set(w, (tf.get(w) || 0) + 1);
  }
  for (const w of tf.keys()) df.set(w, (df.get(w) || 0) + 1);
  counts[i] = tf;
}

const n = docs.length;
const idf = new Map();
for (const [w, d] of df) idf.set(w, Math.log((1 + n) / (1 + d)) + 1);

for (let i = 0; i < n; i++) {
  const scored = [];
  let norm = 0;
  for (const [w, c] of counts[i]) {
    const x = c * idf.get(w);
    norm += x * x;
    scored.push({ term: w, score: x });
  }
  norm = Math.sqrt(norm) || 1;
  scored.sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : 1));
  const top = scored.slice(0, TOP);
  for (const k of top) k.score /= norm;
  results[i].keywords = top;
}

writeResults(output, results);
