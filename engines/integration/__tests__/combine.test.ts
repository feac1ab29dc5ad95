// Combine end to end on small files with fixed expectations: every join mode, composite keys,
// duplicate build-side keys, aggregation before joining, every conflict strategy, provenance,
// normalised and fuzzy matching, the report, and config errors that name their place.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { integrate, type IntegrationResult } from '../combine.ts';
import { parseIntegrationConfig } from '../config.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'combine-'));
  const w = (name: string, text: string) => writeFileSync(join(dir, name), text);
  w('people.csv', 'id,name,email,city,updated_at\n1,Ann Lee,ann@a.com,Boston,2024-01-01T00:00:00\n2,Bob Ray,,Austin,2024-03-01T00:00:00\n3,Cy Dee,cy@a.com,Boston,2024-01-05T00:00:00\n');
  w('crm.csv', 'id,name,email,phone,updated_at\n1,Ann Lee-Smith,ann@b.com,555-1,2024-02-01T00:00:00\n2,Bob Ray,bob@b.com,555-2,2024-01-01T00:00:00\n4,Dan Fox,dan@b.com,555-4,2024-01-01T00:00:00\n');
  w('orders.csv', 'order_id,id,amount\n10,1,5.5\n11,1,4.5\n12,3,7\n13,9,1\n');
  w('dups.csv', 'id,tag\n1,x\n1,y\n2,z\n');
  w('multi.csv', 'first,last,score\nAnn,Lee,3\nBob,Ray,4\n');
  w('names.csv', 'first,last,city\nAnn,Lee,Boston\nbob,RAY,Austin\n');
  w('fuzzy.csv', 'cid,fullname,city\n100,Ann Leee,Boston\n200,Bob Ray,Austin\n300,Zed Q,Boston\n');
  // Cy moved to Denver; Zed is nobody's
  w('moved.csv', 'cid,fullname,city\n100,Ann Leee,Boston\n300,Cy Deee,Denver\n400,Zed Q,Denver\n');
  // the same, with e-mail addresses and a namesake of Cy's in Chicago
  w('moved-email.csv', 'cid,fullname,mail,city\n100,Ann Leee,ann@a.com,Boston\n300,Cy Deee,cy@a.com,Denver\n301,Cy Dee,cy.dee@b.com,Chicago\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(yaml: string): Promise<IntegrationResult> {
  return integrate(parseIntegrationConfig(yaml, { baseDir: dir }));
}

const rows = (r: IntegrationResult) => r.rows.map((row) => Object.fromEntries(r.fields.map((f, i) => [f, row[i]])));

describe('join modes on id (people ⋈ crm)', () => {
  const cfg = (type: string) => `
sources: { people: { path: people.csv }, crm: { path: crm.csv } }
primary: people
joins: [{ source: crm, type: ${type}, on: id }]
output: { fields: [id, people.name, crm.name], sort: [id] }
`;
  it.each([
    ['inner', [[1, 'Ann Lee', 'Ann Lee-Smith'], [2, 'Bob Ray', 'Bob Ray']]],
    ['left', [[1, 'Ann Lee', 'Ann Lee-Smith'], [2, 'Bob Ray', 'Bob Ray'], [3, 'Cy Dee', null]]],
    ['right', [[1, 'Ann Lee', 'Ann Lee-Smith'], [2, 'Bob Ray', 'Bob Ray'], [4, null, 'Dan Fox']]],
    ['full', [[1, 'Ann Lee', 'Ann Lee-Smith'], [2, 'Bob Ray', 'Bob Ray'], [3, 'Cy Dee', null], [4, null, 'Dan Fox']]],
    ['union', [[1, 'Ann Lee', 'Ann Lee-Smith'], [2, 'Bob Ray', 'Bob Ray'], [3, 'Cy Dee', null], [4, null, 'Dan Fox']]],
    ['intersection', [[1, 'Ann Lee', 'Ann Lee-Smith'], [2, 'Bob Ray', 'Bob Ray']]],
  ])('%s', async (type, expected) => {
    const r = await run(cfg(type));
    expect(r.rows).toEqual(expected);
  });

  it('reports rows, matched and unmatched per source', async () => {
    const r = await run(cfg('full'));
    expect(r.report.sources).toEqual({ people: { rows: 3, matched: 2, unmatched: 1 }, crm: { rows: 3, matched: 2, unmatched: 1 } });
    expect(r.report.joins[0]).toMatchObject({ source: 'crm', type: 'full', matchedRecords: 2, unmatchedRecords: 1, addedFromSource: 1 });
    expect(r.report.outputRows).toBe(4);
  });
});

describe('keys', () => {
  it('matches every duplicate on the build side by default, and refuses them when unique', async () => {
    const r = await run(`
sources: { people: { path: people.csv }, dups: { path: dups.csv } }
joins: [{ source: dups, type: left, on: id }]
output: { fields: [id, tag], sort: [id, tag] }
`);
    expect(r.rows).toEqual([[1, 'x'], [1, 'y'], [2, 'z'], [3, null]]);
    await expect(
      run(`
sources: { people: { path: people.csv }, dups: { path: dups.csv, unique: true } }
joins: [{ source: dups, on: id }]
`),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/declared unique but key "1" occurs more than once/) });
  });

  it('joins on composite keys and on differently named fields', async () => {
    const r = await run(`
sources: { names: { path: names.csv }, multi: { path: multi.csv, rename: { first: given } } }
primary: names
joins: [{ source: multi, type: left, on: { first: given, last: last } }]
output: { fields: [first, last, score] }
`);
    expect(rows(r)).toEqual([
      { first: 'Ann', last: 'Lee', score: 3 },
      { first: 'bob', last: 'RAY', score: null },
    ]);
  });

  it('normalised matching ignores case, accents, spaces and punctuation', async () => {
    const r = await run(`
sources: { names: { path: names.csv }, multi: { path: multi.csv } }
primary: names
joins: [{ source: multi, type: left, on: [first, last], match: { kind: normalized, field: first } }]
output: { fields: [first, score] }
`);
    expect(r.rows).toEqual([['Ann', 3], ['bob', 4]]);
  });

  it('fuzzy matching within blocks keeps the score', async () => {
    const r = await run(`
sources: { people: { path: people.csv }, fuzzy: { path: fuzzy.csv } }
joins: [{ source: fuzzy, type: left, match: { kind: fuzzy, algorithm: tokenSet, primaryField: name, field: fullname, threshold: 80, block: city } }]
output: { fields: [id, name, cid, _score] }
`);
    const out = rows(r);
    expect(out[0]).toMatchObject({ id: 1, cid: 100 });
    expect(out[0]!._score).toBeGreaterThanOrEqual(80);
    expect(out[1]).toMatchObject({ id: 2, cid: 200, _score: 100 });
    expect(out[2]).toMatchObject({ id: 3, cid: null, _score: null });
    expect(Object.values(r.report.fuzzyBands.fuzzy!).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('fallback blocks try records left without a match in their block again, in order', async () => {
    const cfg = (fallback: string) => `
sources: { people: { path: people.csv }, moved: { path: moved.csv } }
joins: [{ source: moved, type: left, match: { kind: fuzzy, primaryField: name, field: fullname, threshold: 85, block: city${fallback} } }]
output: { fields: [id, name, cid, _score] }
`;
    // by city alone, Cy (Boston) misses his record (Denver)
    expect(rows(await run(cfg('')))[2]).toMatchObject({ id: 3, cid: null });
    // a second pass on the first two letters of the name finds it; Ann keeps her city match
    const r = await run(cfg(', fallbackBlocks: [{ field: fullname, primaryField: name, key: "prefix:2" }]'));
    const out = rows(r);
    expect(out.map((x) => [x.id, x.cid])).toEqual([
      [1, 100],
      [2, null],
      [3, 300],
    ]);
    expect(out[2]!._score).toBeGreaterThanOrEqual(85);
    expect(r.report.joins[0]).toMatchObject({ matchedRecords: 2, unmatchedRecords: 1 });
  });
});

describe('a fallback block on another field', () => {
  const cfg = (fallback: string) => `
sources: { people: { path: people.csv }, moved: { path: moved-email.csv } }
joins: [{ source: moved, type: left, match: { kind: fuzzy, primaryField: name, field: fullname, threshold: 85, block: city, fallbackBlocks: [${fallback}] } }]
output: { fields: [id, cid, _score] }
`;
  it('by name prefix, a namesake elsewhere wins over the customer who moved', async () => {
    expect(rows(await run(cfg('{ field: fullname, primaryField: name, key: "prefix:2" }')))[2]).toMatchObject({ id: 3, cid: 301, _score: 100 });
  });
  it('by exact e-mail address (primaryField email, field mail), the customer who moved is found', async () => {
    const r = await run(cfg('{ field: mail, primaryField: email, key: exact }'));
    const out = rows(r);
    expect(out.map((x) => [x.id, x.cid])).toEqual([
      [1, 100],
      [2, null], // Bob has no e-mail address: no block, no match
      [3, 300],
    ]);
    expect(out[2]!._score).toBeGreaterThanOrEqual(85);
    expect(out[2]!._score).toBeLessThan(100);
  });
});

describe('fallback blocks in the config', () => {
  const base = (fb: string) => `sources: { a: { path: people.csv }, b: { path: moved.csv } }\njoins: [{ source: b, match: { kind: fuzzy, field: fullname, primaryField: name, block: city, fallbackBlocks: ${fb} } }]\n`;
  it.each([
    ['[]', /joins\[0\]\.match\.fallbackBlocks: expected a list/],
    ['[{ key: soundex }]', /fallbackBlocks\[0\]\.field: expected a non-empty string/],
    ['[{ field: fullname, key: "prefix:0" }]', /fallbackBlocks\[0\]\.key: expected one of exact, normalized, soundex, metaphone or prefix:N/],
    ['[{ field: fullname, nope: 1 }]', /fallbackBlocks\[0\]: unknown key "nope"/],
  ])('%s is refused, naming the place', (fb, message) => {
    expect(() => parseIntegrationConfig(base(fb), { baseDir: dir })).toThrow(message);
  });
  it('apply to fuzzy matches only', () => {
    expect(() => parseIntegrationConfig('sources: { a: { path: people.csv }, b: { path: crm.csv } }\njoins: [{ source: b, on: id, match: { fallbackBlocks: [{ field: id }] } }]\n', { baseDir: dir })).toThrow(/fallback blocks apply to fuzzy matches only/);
  });
  it('an unknown field is an error naming the source', async () => {
    await expect(run(base('[{ field: nope }]'))).rejects.toThrow(/unknown field "nope"/);
  });
});

describe('aggregation before joining', () => {
  it('aggregates orders per person (count, sum, mean, min, max) and fills defaults', async () => {
    const r = await run(`
sources:
  people: { path: people.csv }
  orders:
    path: orders.csv
    aggregate: { by: [id], fields: { n: { count: '*' }, total: { sum: amount }, avg: { mean: amount }, lo: { min: amount }, hi: { max: amount } } }
joins: [{ source: orders, type: left, on: id }]
defaults: { n: 0, total: 0 }
output: { fields: [id, n, total, avg, lo, hi] }
`);
    expect(r.rows).toEqual([
      [1, 2, 10, 5, 4.5, 5.5],
      [2, 0, 0, null, null, null],
      [3, 1, 7, 7, 7, 7],
    ]);
  });
});

describe('conflict resolution and provenance', () => {
  const cfg = (rule: string, field = 'email') => `
sources: { people: { path: people.csv }, crm: { path: crm.csv } }
primary: people
joins: [{ source: crm, type: left, on: id }]
resolve: { ${field}: ${rule} }
output: { fields: [id, ${field}], provenance: true }
`;
  const values = (r: IntegrationResult) => r.rows.map((x) => x[1]);
  const sources = (r: IntegrationResult) => r.provenance!.map((p) => p[1]);

  it('preferPrimary (the default) falls back to the secondary when the primary is empty', async () => {
    const r = await run(cfg('{ strategy: preferPrimary }'));
    expect(values(r)).toEqual(['ann@a.com', 'bob@b.com', 'cy@a.com']);
    expect(sources(r)).toEqual(['people', 'crm', 'people']);
    expect(r.report.conflicts.email).toEqual({ strategy: 'preferPrimary', resolved: 1 });
  });
  it('preferSecondary', async () => {
    const r = await run(cfg('{ strategy: preferSecondary }'));
    expect(values(r)).toEqual(['ann@b.com', 'bob@b.com', 'cy@a.com']);
    expect(sources(r)).toEqual(['crm', 'crm', 'people']);
  });
  it('mostRecent by updated_at', async () => {
    const r = await run(cfg('{ strategy: mostRecent, timestamp: updated_at }', 'name'));
    // Ann: crm newer; Bob: people newer; Cy: only people
    expect(values(r)).toEqual(['Ann Lee-Smith', 'Bob Ray', 'Cy Dee']);
    expect(sources(r)).toEqual(['crm', 'people', 'people']);
  });
  it('mostComplete, longest, firstNonNull in a source order', async () => {
    expect(values(await run(cfg('{ strategy: mostComplete }')))).toEqual(['ann@a.com', 'bob@b.com', 'cy@a.com']);
    expect(values(await run(cfg('{ strategy: longest }', 'name')))).toEqual(['Ann Lee-Smith', 'Bob Ray', 'Cy Dee']);
    const r = await run(cfg('{ strategy: firstNonNull, order: [crm, people] }'));
    expect(values(r)).toEqual(['ann@b.com', 'bob@b.com', 'cy@a.com']);
  });
  it('numeric min, max, sum and mean', async () => {
    const numeric = (rule: string) => `
sources: { people: { path: people.csv }, crm: { path: crm.csv, rename: { phone: p } , compute: { id2: 'id * 10' } }, p2: { path: people.csv, compute: { id2: 'id + 1' } } }
joins: [{ source: crm, type: left, on: id }, { source: p2, type: left, on: id }]
resolve: { id2: ${rule} }
output: { fields: [id, id2] }
`;
    expect((await run(numeric('{ strategy: min }'))).rows).toEqual([[1, 2], [2, 3], [3, 4]]);
    expect((await run(numeric('{ strategy: max }'))).rows).toEqual([[1, 10], [2, 20], [3, 4]]);
    expect((await run(numeric('{ strategy: sum }'))).rows).toEqual([[1, 12], [2, 23], [3, 4]]);
    expect((await run(numeric('{ strategy: mean }'))).rows).toEqual([[1, 6], [2, 11.5], [3, 4]]);
  });
  it('a custom rule is an expression over qualified fields', async () => {
    // qualified names are back-quoted in the expression language
    const r = await run(cfg("{ strategy: custom, expression: \"if(`crm.phone` is null, email, concat(email, ' / ', `crm.email`))\" }"));
    expect(values(r)).toEqual(['ann@a.com / ann@b.com', ' / bob@b.com', 'cy@a.com']);
    expect(sources(r)).toEqual(['computed', 'computed', 'computed']);
  });
});

describe('config errors name their place', () => {
  it.each([
    ['sources: {}', /sources: declares no source/],
    ['sources: { a: { path: people.csv } }\njoins: [{ source: b, on: id }]', /joins\[0\]\.source: unknown source "b"/],
    ['sources: { a: { path: people.csv }, b: { path: crm.csv } }\njoins: [{ source: b, type: sideways, on: id }]', /joins\[0\]\.type: expected one of inner, left/],
    ['sources: { a: { path: people.csv }, b: { path: crm.csv } }\njoins: [{ source: b }]', /joins\[0\]\.on: an exact join needs a key/],
    ['sources: { a: { path: people.csv } }\nresolve: { x: { strategy: loudest } }', /resolve\.x\.strategy: expected one of/],
    ['sources: { a: { path: people.csv, colour: red } }', /sources\.a: unknown key "colour"/],
    ['a: &a [1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]', /not valid YAML|unknown key/],
  ])('%j', (yaml, message) => {
    expect(() => parseIntegrationConfig(yaml, { baseDir: dir })).toThrow(message);
  });

  it('refuses a path outside the data directory with FORBIDDEN', () => {
    expect(() => parseIntegrationConfig('sources: { a: { path: ../../etc/passwd } }', { baseDir: dir, confineTo: dir })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('an unknown output field names the fields there are', async () => {
    await expect(run('sources: { people: { path: people.csv } }\noutput: { fields: [id, colour] }')).rejects.toThrow(/output.fields: unknown field "colour" \(fields: id, name, email, city, updated_at\)/);
  });
});
