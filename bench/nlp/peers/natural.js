#!/usr/bin/env node
// NLP benchmark peer: `natural`, used as its documentation shows.
//
// Sentiment: `new SentimentAnalyzer('English', PorterStemmer, 'afinn').getSentiment(tokens)` on
// `WordTokenizer` tokens → { score } (mean AFINN score per token). Timed only: natural never resets
// its negation flag within a document (every word after the first "not" is flipped), so these
// scores are not comparable with the other peers'.
// Keywords: `natural.TfIdf`, `addDocument(text)` for every document (its own tokenizer, lowercase,
// its English stop-word list), so IDF is over the whole corpus; then `listTerms(i)` (sorted by
// tf-idf) and the top 10.
//
// Usage: DOTENV_CONFIG_QUIET=true node bench/nlp/peers/natural.js CORPUS.jsonl OUT.jsonl
// (natural pulls in dotenv, which otherwise prints a tip on stdout.)
'use strict';
process.env.DOTENV_CONFIG_QUIET ??= 'true';
const natural = require('natural');
const { readCorpus, writeResults, args } = require('./io');

const TOP = 10;
const { input, output } = args('natural.js');
const docs = readCorpus(input);

const tokenizer = new natural.WordTokenizer();
const analyzer = new natural.SentimentAnalyzer('English', natural.PorterStemmer, 'afinn');
const tfidf = new natural.TfIdf();

const results = new Array(docs.length);
for (let i = 0; i < docs.length; i++) {
  const { id, text } = docs[i];
  results[i] = { id, sentiment: { score: analyzer.getSentiment(tokenizer.tokenize(text)) }, keywords: null };
  tfidf.addDocument(text);
}

for (let i = 0; i < docs.length; i++) {
  const top = tfidf.listTerms(i).slice(0, TOP);
  results[i].keywords = top.map((t) => ({ term: t.term, score: t.tfidf }));
}

writeResults(output, results);
