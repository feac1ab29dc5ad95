// `trebuchet integrate` and `trebuchet transform` end to end: the real bin on real files and pipes,
// through the esbuild bundle (built here, as `npm install` does).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, ROOT, cliEnv, runCli } from './helpers/cli.ts';

jest.setTimeout(120_000);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'trebuchet-data-cli-'));
const w = (name: string, text: string) => {
  writeFileSync(path.join(tmp, name), text);
  return path.join(tmp, name);
};

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-cli.js')], { cwd: ROOT });
  w('customers.csv', 'customer_id,name,email,city,updated_at\nC1,Ann Lee,ann@a.com,Boston,2024-01-01T00:00:00\nC2,"Ray, Bob",bob@a.com,Austin,2024-03-01T00:00:00\nC3,Cy Dee,cy@a.com,Boston,2024-01-05T00:00:00\n');
  w('orders.csv', 'order_id,customer_id,amount\n1,C1,5.25\n2,C1,4.5\n3,C3,7\n');
  w('crm.csv', 'customer_id,name,email,phone,updated_at\nC1,Ann Lee-Smith,ann@b.com,555-1,2024-02-01T00:00:00\nC2,Bob Ray,bob@b.com,555-2,2024-01-01T00:00:00\n');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const MERGE = `
sources:
  customers: { path: customers.csv, types: { updated_at: timestamp } }
  orders:
    path: orders.csv
    aggregate: { by: [customer_id], fields: { order_count: { count: '*' }, total_amount: { sum: amount } } }
  crm: { path: crm.csv, types: { updated_at: timestamp } }
primary: customers
joins:
  - { source: orders, type: left, on: customer_id }
  - { source: crm, type: left, on: customer_id }
resolve:
  name: { strategy: mostRecent, timestamp: updated_at }
  email: { strategy: mostRecent, timestamp: updated_at }
  updated_at: { strategy: max }
defaults: { order_count: 0, total_amount: 0 }
output:
  fields: [customer_id, name, email, phone, order_count, total_amount, updated_at]
  sort: [customer_id]
  format: { total_amount: '%.2f' }
`;

describe('trebuchet integrate', () => {
  it('merges, aggregates and resolves by the most recent record; writes CSV and a report', async () => {
    const config = w('merge.yaml', MERGE);
    const out = path.join(tmp, 'out.csv');
    const report = path.join(tmp, 'report.json');
    const r = await runCli(['integrate', config, '--out', out, '--report', report]);
    expect(r.stderr).toMatch(/^integrate: 3 rows; customers 3 \(3 matched\), orders 2 \(2 matched\), crm 2 \(2 matched\)/);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(
      [
        'customer_id,name,email,phone,order_count,total_amount,updated_at',
        'C1,Ann Lee-Smith,ann@b.com,555-1,2,9.75,2024-02-01T00:00:00',
        'C2,"Ray, Bob",bob@a.com,555-2,0,0.00,2024-03-01T00:00:00',
        'C3,Cy Dee,cy@a.com,,1,7.00,2024-01-05T00:00:00',
        '',
      ].join('\n'),
    );
    const rep = JSON.parse(readFileSync(report, 'utf8'));
    expect(rep.conflicts).toMatchObject({ name: { strategy: 'mostRecent', resolved: 2 }, email: { strategy: 'mostRecent', resolved: 2 } });
    expect(rep.outputRows).toBe(3);
    // "Ray, Bob" is quoted: the row engine ran
    expect(rep.engine).toBe('rows');
  });

  it('writes JSON Lines with provenance when asked', async () => {
    const config = w('prov.yaml', `${MERGE.replace("format: { total_amount: '%.2f' }", 'provenance: true')}`);
    const out = path.join(tmp, 'out.jsonl');
    const r = await runCli(['integrate', config, '--out', out]);
    expect(r.code).toBe(0);
    const first = JSON.parse(readFileSync(out, 'utf8').split('\n')[0]!);
    expect(first).toMatchObject({ customer_id: 'C1', name: 'Ann Lee-Smith', name_source: 'crm', email_source: 'crm', order_count_source: 'orders', customer_id_source: 'customers' });
  });

  it.each([
    ['sources: { a: { path: missing.csv } }', /^trebuchet: file not found: missing.csv/],
    ['sources: { a: { path: customers.csv } }\njoins: [{ source: b, on: id }]', /^trebuchet: integrate config: joins\[0\]\.source: unknown source "b"/],
    ['sources: { a: { path: customers.csv } }\noutput: { fields: [nope] }', /^trebuchet: output\.fields: unknown field "nope"/],
  ])('bad config %j: exit 1, one line, no output file', async (yaml, message) => {
    const out = path.join(tmp, `bad-${Math.random().toString(36).slice(2)}.csv`);
    const r = await runCli(['integrate', w('bad.yaml', yaml), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('takes the columnar executor on plain files, with the same output as the row engine', async () => {
    // no quoted field: the columnar executor runs (the first test's "Ray, Bob" sends it to the row engine)
    w('customers-plain.csv', 'customer_id,name,email,city,updated_at\nC1,Ann Lee,ann@a.com,Boston,2024-01-01T00:00:00\nC2,Bob Ray,bob@a.com,Austin,2024-03-01T00:00:00\nC3,Cy Dee,cy@a.com,Boston,2024-01-05T00:00:00\n');
    const config = w('plain.yaml', MERGE.replace('path: customers.csv', 'path: customers-plain.csv'));
    const out = path.join(tmp, 'plain.csv');
    const report = path.join(tmp, 'plain-report.json');
    const r = await runCli(['integrate', config, '--out', out, '--report', report]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ engine: 'columnar', outputRows: 3 });
    expect(readFileSync(out, 'utf8')).toBe(
      [
        'customer_id,name,email,phone,order_count,total_amount,updated_at',
        'C1,Ann Lee-Smith,ann@b.com,555-1,2,9.75,2024-02-01T00:00:00',
        'C2,Bob Ray,bob@a.com,555-2,0,0.00,2024-03-01T00:00:00',
        'C3,Cy Dee,cy@a.com,,1,7.00,2024-01-05T00:00:00',
        '',
      ].join('\n'),
    );
  });

  it('draws a progress bar on a terminal (a pseudo-terminal from script(1)) and clears it', async () => {
    const config = w('tty.yaml', MERGE);
    const out = path.join(tmp, 'tty.csv');
    const command = [process.execPath, BIN, 'integrate', config, '--out', out].map((a) => `'${a}'`).join(' ');
    const r = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
      const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => chunks.push(d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, text: Buffer.concat(chunks).toString('utf8') }));
    });
    expect(r.code).toBe(0);
    // 3 sources + 2 joins + resolve + write = 7 steps, each redrawn in place, then the line cleared
    for (let step = 1; step <= 7; step++) expect(r.text).toContain(`/7 `.replace('/', `${step}/`));
    const redraw = '\r\x1b[K';
    expect(r.text).toContain(`${redraw}integrate [${'-'.repeat(20)}] 1/7 load customers…`);
    expect(r.text).toContain(`${redraw}integrate [${'#'.repeat(17)}${'-'.repeat(3)}] 7/7 write ${out}…`);
    expect(r.text).toContain(`${redraw}integrate: 3 rows;`);
    expect(existsSync(out)).toBe(true);
  });

  it('refuses a ragged CSV row with its line number', async () => {
    w('ragged.csv', 'id,name\n1,Ann\n2\n');
    const r = await runCli(['integrate', w('ragged.yaml', 'sources: { a: { path: ragged.csv } }')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line 3/);
  });
});

describe('trebuchet transform', () => {
  const input = ['{"id":1,"city":"Boston","amount":10}', '{"id":2,"city":"Austin","amount":25.5}', '{"id":3,"city":"Boston","amount":7}', '{"id":4,"city":"Denver","amount":100}'].join('\n') + '\n';

  it('streams JSON Lines through the steps, with stats on stderr', async () => {
    const pipeline = w('p.yaml', "steps:\n  - filter: \"amount < 50\"\n  - derive: { big: 'amount > 9' }\n  - sort: [-amount]\n  - select: [id, big]\n");
    const r = await runCli(['transform', pipeline, '--stats'], { input });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { id: 2, big: true },
      { id: 1, big: true },
      { id: 3, big: false },
    ]);
    expect(r.stderr).toMatch(/transform: step 1 filter: 4 in, 3 out/);
  });

  it('aggregates', async () => {
    const pipeline = w('agg.yaml', "- aggregate: { by: [city], fields: { n: { count: '*' }, total: { sum: amount } } }\n- sort: [city]\n");
    const r = await runCli(['transform', pipeline], { input });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { city: 'Austin', n: 1, total: 25.5 },
      { city: 'Boston', n: 2, total: 17 },
      { city: 'Denver', n: 1, total: 100 },
    ]);
  });

  it.each([
    ["- filter: \"amount >\"", /^trebuchet: pipeline step 1 \(filter\): .*1:9/],
    ['- sort: [colour]', /^trebuchet: pipeline step 1 \(sort\): unknown field "colour"/],
    ["- derive: { x: 'amount / 0' }", /division/i],
  ])('bad pipeline %j: exit 1 with one line naming the step', async (yaml, message) => {
    const r = await runCli(['transform', w('bad-p.yaml', yaml)], { input });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});
