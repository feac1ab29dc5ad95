// Peer: nodejs-polars (0.25.2, lazy API) — the pandas peer's task and semantics (pandas_merge.py):
// orders grouped by customer_id → order_count (rows), total_amount (sum of amount); customers LEFT JOIN
// that LEFT JOIN crm (customer_id, name, email, phone, updated_at; clashing names get the suffix _crm);
// name / email / updated_at taken from crm when crm.updated_at > customers.updated_at (a missing crm row
// never wins); order_count null → 0, total_amount null → 0.0, rounded to 2 decimals; sorted by
// customer_id; written as customer_id,name,email,city,phone,order_count,total_amount,updated_at with
// floats %.2f and timestamps YYYY-MM-DDTHH:MM:SS (the same bytes as pandas's CSV).
// usage: node bench/combine/peers/polars_merge.js DATA_DIR OUT_CSV
// Prints one JSON line after the task (./checksum.js: rows and sha256 of the written CSV).
'use strict';
const t0 = performance.now();
const path = require('node:path');
const pl = require('nodejs-polars');

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: polars_merge.js DATA_DIR OUT_CSV');
  process.exit(2);
}
const TS = '%Y-%m-%dT%H:%M:%S';
const str = pl.Utf8;
const ts = (name) => pl.col(name).str.strptime(pl.Datetime('ms'), TS);

const customers = pl.scanCSV(path.join(dir, 'customers.csv'), {
  schema: { customer_id: str, name: str, email: str, city: str, updated_at: str },
}).withColumns(ts('updated_at'));
const agg = pl.scanCSV(path.join(dir, 'orders.csv'), {
  schema: { order_id: str, customer_id: str, amount: pl.Float64, status: str, updated_at: str },
}).select('customer_id', 'amount')
  .groupBy('customer_id')
  .agg(pl.len().alias('order_count'), pl.col('amount').sum().alias('total_amount'));
const crm = pl.scanCSV(path.join(dir, 'crm.csv'), {
  schema: { customer_id: str, name: str, email: str, phone: str, city: str, updated_at: str },
}).select('customer_id', 'name', 'email', 'phone', 'updated_at')
  .withColumns(ts('updated_at'));

const newer = pl.col('updated_at_crm').gt(pl.col('updated_at')).fillNull(false);
const pick = (name) => pl.when(newer).then(pl.col(`${name}_crm`)).otherwise(pl.col(name)).alias(name);

customers
  .join(agg, { on: 'customer_id', how: 'left' })
  .join(crm, { on: 'customer_id', how: 'left', suffix: '_crm' })
  .select(
    'customer_id', pick('name'), pick('email'), 'city', 'phone',
    pl.col('order_count').fillNull(0).cast(pl.Int64),
    pl.col('total_amount').fillNull(0.0).round(2),
    pick('updated_at'),
  )
  .sort('customer_id')
  .collectSync()
  .writeCSV(out, { floatPrecision: 2, datetimeFormat: TS });

require('./checksum').reportOutput('polars', out, t0);
