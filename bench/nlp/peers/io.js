// Corpus input and result output shared by the JavaScript peers of the NLP benchmark, so that every
// peer pays the same (plain, unoptimised) I/O: the whole JSONL file read at once, one JSON.parse per
// line, one JSON.stringify per result line, one write at the end.
'use strict';
const fs = require('node:fs');

/** Reads `{"id","src","text"}` lines; returns [{ id, text }]. */
function readCorpus(path) {
  const docs = [];
  for (const line of fs.readFileSync(path, 'utf8').split('\n')) {
    if (line.length === 0) continue;
    const d = JSON.parse(line);
    docs.push({ id: d.id, text: d.text });
  }
  return docs;
}

/** Writes one JSON line per result: `{ id, sentiment: {...}, keywords: [{ term, score }, ...] }`. */
function writeResults(path, results) {
  const out = new Array(results.length);
  for (let i = 0; i < results.length; i++) out[i] = JSON.stringify(results[i]);
  fs.writeFileSync(path, out.join('\n') + '\n');
}

/** `node peer.js CORPUS.jsonl OUT.jsonl` */
function args(name) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error(`usage: node ${name} CORPUS.jsonl OUT.jsonl`);
    process.exit(2);
  }
  return { input, output };
}

module.exports = { readCorpus, writeResults, args };
