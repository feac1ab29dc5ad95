// Peer: plain Node, no library — fs.readFileSync, String.split and Map — with the pandas peer's task and
// semantics (pandas_merge.py): orders grouped by customer_id → order_count, total_amount (sum of amount,
// as doubles, like pandas); customers LEFT JOIN that LEFT JOIN crm (customer_id, name, email, phone,
// updated_at); name / email / updated_at from crm when crm.updated_at > customers.updated_at (the
// timestamps all have the form YYYY-MM-DDTHH:MM:SS, so comparing the strings compares the times); no
// orders → 0 and 0.00; total_amount written with 2 decimals; sorted by customer_id; written as
// customer_id,name,email,city,phone,order_count,total_amount,updated_at (the same bytes as pandas's CSV).
// The files have a header row, '\n' line ends and no quoted fields (the generator guarantees it).
// usage: node bench/combine/peers/plain_node.js DATA_DIR OUT_CSV
// Prints one JSON line after the task (./checksum.js: rows and sha256 of the written CSV).
'use strict';
const t0 = performance.now();
const fs = require('node:fs');
const path = require('node:path');

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: plain_node.js DATA_DIR OUT_CSV');
  process.exit(2);
}

/** The lines of a CSV file (without the header and the final empty line) and the header's column → index. */
function readCsv(name) {
  const lines = fs.readFileSync(path.join(dir, name), 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const col = Object.fromEntries(lines[0].split(',').map((h, i) => [h, i]));
  return { col, lines: lines.slice(1) };
}

// orders → per customer_id: [count, sum] (each line split and dropped)
const orders = readCsv('orders.csv');
const agg = new Map();
{
  const id = orders.col.customer_id;
  const amount = orders.col.amount;
  for (const line of orders.lines) {
    const r = line.split(',');
    const a = agg.get(r[id]);
    if (a) { a[0] += 1; a[1] += Number(r[amount]); } else agg.set(r[id], [1, Number(r[amount])]);
  }
}

// crm → per customer_id: its fields
const crm = readCsv('crm.csv');
const crmById = new Map();
for (const line of crm.lines) {
  const r = line.split(',');
  crmById.set(r[crm.col.customer_id], r);
}

const cust = readCsv('customers.csv');
const c = cust.col;
const k = crm.col;
const rows = cust.lines.map((line) => line.split(',')).sort((a, b) => (a[c.customer_id] < b[c.customer_id] ? -1 : a[c.customer_id] > b[c.customer_id] ? 1 : 0));
const outLines = new Array(rows.length + 1);
outLines[0] = 'customer_id,name,email,city,phone,order_count,total_amount,updated_at';
for (let i = 0; i < rows.length; i++) {
  const r = rows[i];
  const id = r[c.customer_id];
  const m = crmById.get(id);
  const a = agg.get(id);
  const newer = m !== undefined && m[k.updated_at] > r[c.updated_at];
  const src = newer ? m : r;
  const f = newer ? k : c;
  outLines[i + 1] = `${id},${src[f.name]},${src[f.email]},${r[c.city]},${m ? m[k.phone] : ''},`
    + `${a ? a[0] : 0},${a ? a[1].toFixed(2) : '0.00'},${src[f.updated_at]}`;
}
fs.writeFileSync(out, `${outLines.join('\n')}\n`);

require('./checksum').reportOutput('plain-node', out, t0);
