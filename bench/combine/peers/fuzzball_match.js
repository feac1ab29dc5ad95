// Fuzzy peer: fuzzball (2.2.6). For each crm record (in file order; the first N with --limit N), the
// candidates are the customers in the same city (blocking); each is scored with
// fuzz.token_set_ratio(crm.name, customer.name) with fuzzball's default options (full_process: lower
// case, non-alphanumerics to spaces, trimmed); the best score wins (the first customer in file order on
// a tie) and is kept if ≥ 90 (--threshold). Output: one CSV row per kept match,
//   customer_id,customers.customer_id,name,customers.name,_score
// (the crm record's id, the matched customer's id, both names, the score: the columns ours writes for
// bench/combine/fuzzy.yaml). Records whose city has no customer, or whose best score is below the
// threshold, have no row.
// usage: node bench/combine/peers/fuzzball_match.js DATA_DIR OUT_CSV [--limit N] [--threshold 90]
// Prints one JSON line after the task (./checksum.js) with, besides rows and sha256: records (crm
// records processed), matched, comparisons, load_s (start-up and reading both files) and match_s (the
// matching loop), from which the runner extrapolates to all crm records.
'use strict';
const t0 = performance.now();
const fs = require('node:fs');
const path = require('node:path');
const fuzz = require('fuzzball');

const args = process.argv.slice(2);
const [dir, out] = args;
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const limit = opt('--limit', Infinity);
const threshold = opt('--threshold', 90);
if (!dir || !out || !(limit > 0) || !Number.isFinite(threshold)) {
  console.error('usage: fuzzball_match.js DATA_DIR OUT_CSV [--limit N] [--threshold 90]');
  process.exit(2);
}

/** A CSV file's data lines and header's column → index (no quoted fields in these files). */
function readCsv(name) {
  const lines = fs.readFileSync(path.join(dir, name), 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const col = Object.fromEntries(lines[0].split(',').map((h, i) => [h, i]));
  return { col, lines: lines.slice(1) };
}

// customers, blocked by city: city → [{ id, name }] in file order
const cust = readCsv('customers.csv');
const byCity = new Map();
for (const line of cust.lines) {
  const r = line.split(',');
  const city = r[cust.col.city];
  let block = byCity.get(city);
  if (!block) byCity.set(city, (block = []));
  block.push({ id: r[cust.col.customer_id], name: r[cust.col.name] });
}
const crm = readCsv('crm.csv');
const n = Math.min(limit, crm.lines.length);
const t1 = performance.now();

const outLines = ['customer_id,customers.customer_id,name,customers.name,_score'];
let comparisons = 0;
for (let i = 0; i < n; i++) {
  const r = crm.lines[i].split(',');
  const name = r[crm.col.name];
  const block = byCity.get(r[crm.col.city]);
  if (!block) continue;
  let best = -1;
  let bestAt = -1;
  for (let j = 0; j < block.length; j++) {
    const s = fuzz.token_set_ratio(name, block[j].name);
    if (s > best) { best = s; bestAt = j; }
  }
  comparisons += block.length;
  if (best >= threshold) {
    const m = block[bestAt];
    outLines.push(`${r[crm.col.customer_id]},${m.id},${name},${m.name},${best}`);
  }
}
const t2 = performance.now();
fs.writeFileSync(out, `${outLines.join('\n')}\n`);

require('./checksum').reportOutput('fuzzball', out, t0, {
  records: n, matched: outLines.length - 1, comparisons, threshold,
  load_s: +((t1 - t0) / 1000).toFixed(3), match_s: +((t2 - t1) / 1000).toFixed(3),
});
