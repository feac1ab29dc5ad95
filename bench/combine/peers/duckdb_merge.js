// Copied from /work/shared/bench/combine_duckdb_merge.js (the shared definition of the DuckDB peer), so that
// the benchmark runs from a fresh clone (and resolves @duckdb/node-api from this repository). The SQL is
// unchanged; added only: the JSON line on stdout after the task (./checksum.js: rows and sha256 of the
// written CSV; its read-back time, checksum_s, is subtracted from the wall time by the runner).
// Peer C2: DuckDB (@duckdb/node-api): one SQL statement reading the 3 CSVs and COPYing the result CSV.
// usage: node bench/combine/peers/duckdb_merge.js DATA_DIR OUT_CSV [--threads N]   (default: DuckDB default = all cores)
'use strict';
const t0 = performance.now();
const { DuckDBInstance } = require('@duckdb/node-api');
(async () => {
  const args = process.argv.slice(2);
  const [d, out] = args;
  const cfg = args.includes('--threads') ? { threads: args[args.indexOf('--threads') + 1] } : {};
  const inst = await DuckDBInstance.create(':memory:', cfg);
  const con = await inst.connect();
  await con.run(`
    COPY (
      WITH agg AS (
        SELECT customer_id, count(*) AS order_count, sum(amount) AS total_amount
        FROM read_csv('${d}/orders.csv') GROUP BY customer_id),
      crm AS (SELECT customer_id, name, email, phone, updated_at FROM read_csv('${d}/crm.csv'))
      SELECT c.customer_id,
             CASE WHEN r.updated_at > c.updated_at THEN r.name ELSE c.name END AS name,
             CASE WHEN r.updated_at > c.updated_at THEN r.email ELSE c.email END AS email,
             c.city, r.phone,
             coalesce(a.order_count, 0) AS order_count,
             round(coalesce(a.total_amount, 0), 2) AS total_amount,
             strftime(CASE WHEN r.updated_at > c.updated_at THEN r.updated_at ELSE c.updated_at END,
                      '%Y-%m-%dT%H:%M:%S') AS updated_at
      FROM read_csv('${d}/customers.csv') c
      LEFT JOIN agg a ON a.customer_id = c.customer_id
      LEFT JOIN crm r ON r.customer_id = c.customer_id
      ORDER BY c.customer_id
    ) TO '${out}' (HEADER, DELIMITER ',')`);
  con.closeSync?.();
  process.stderr.write(`IN_SCRIPT_S ${((performance.now() - t0) / 1000).toFixed(3)}\n`);
  require('./checksum').reportOutput('duckdb', out, t0);
})();
