#!/usr/bin/env node
// NLP benchmark peer: wink-nlp with wink-eng-lite-web-model, used as its documentation shows.
//
// Sentiment: `nlp.readDoc(text).out(its.sentiment)` → { score } (document sentiment, −1…1).
// Keywords: wink's BM25 vectorizer (`wink-nlp/utilities/bm25-vectorizer`, default k1 1.2, b 0.75,
// no norm) learned on every document's word tokens (`its.type === 'word'`, stop words removed with
// the model's `its.stopWordFlag`, `its.normal` form), so IDF is over the whole corpus; then
// `bm25.doc(i).out(its.tf)` (terms sorted by weight) and the top 10.
//
// Usage: node bench/nlp/peers/wink.js CORPUS.jsonl OUT.jsonl
'use strict';
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');
const BM25Vectorizer = require('wink-nlp/utilities/bm25-vectorizer');
const { readCorpus, writeResults, args } = require('./io');

const TOP = 10;
const { input, output } = args('wink.js');
const docs = readCorpus(input);

const nlp = winkNLP(model);
const its = nlp.its;
const bm25 = BM25Vectorizer();
const isKeywordToken = (t) => t.out(its.type) === 'word' && !t.out(its.stopWordFlag);

const results = new Array(docs.length);
for (let i = 0; i < docs.length; i++) {
  const { id, text } = docs[i];
  const doc = nlp.readDoc(text);
  results[i] = { id, sentiment: { score: doc.out(its.sentiment) }, keywords: null };
  // wink's tokenizer makes an empty "word" of the middle dot in "START..END"; drop empty terms.
  bm25.learn(doc.tokens().filter(isKeywordToken).out(its.normal).filter((w) => w.length > 0));
}

for (let i = 0; i < docs.length; i++) {
  const top = bm25.doc(i).out(its.tf).slice(0, TOP);
  results[i].keywords = top.map(([term, score]) => ({ term, score }));
}

writeResults(output, results);
