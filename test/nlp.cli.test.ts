// `trebuchet nlp analyze` end to end: the real bin as a child process, JSON Lines on real pipes and
// files, through the esbuild bundle (built here, as `npm install` does) and through the sources.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, cliEnv, ROOT, runCli } from './helpers/cli';

jest.setTimeout(120_000);

const SENTENCES = readFileSync(path.join(ROOT, 'engines/nlp/__tests__/fixtures/sentences-en.txt'), 'utf8').split('\n').filter(Boolean);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'trebuchet-nlp-cli-'));

/** Runs `trebuchet nlp analyze …` with `input` on stdin (a string or raw bytes). */
const analyze = (args: string[], input: string | Buffer = '', extraEnv: NodeJS.ProcessEnv = {}) =>
  runCli(['nlp', 'analyze', ...args], { input, env: cliEnv(extraEnv) });

const lines = (stdout: string) => stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const docs = (n: number, offset = 0) =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ id: `d${i + offset}`, text: `${SENTENCES[(i + offset) % SENTENCES.length]} ${SENTENCES[(i * 7 + offset + 1) % SENTENCES.length]}` })).join('\n') + '\n';

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-cli.js')], { cwd: ROOT, env: cliEnv() });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('each output line has the documented shape', async () => {
  const r = await analyze([], `${JSON.stringify({ id: 'a', text: 'I love this library. The results are excellent and the documentation is clear.' })}\n`);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  const [line] = lines(r.stdout);
  expect(Object.keys(line!)).toEqual(['id', 'language', 'sentiment', 'keywords', 'readability', 'stats']);
  expect(line).toMatchObject({
    id: 'a',
    language: { code: 'en', confidence: expect.any(Number) },
    sentiment: { compound: expect.any(Number), positive: expect.any(Number), negative: expect.any(Number), neutral: expect.any(Number), label: 'positive' },
    readability: { fleschReadingEase: expect.any(Number), fleschKincaidGrade: expect.any(Number) },
    stats: { words: 13, sentences: 2 },
  });
  expect((line!.keywords as { term: string; score: number }[]).length).toBeGreaterThan(0);
  expect((line!.language as { confidence: number }).confidence).toBeGreaterThan(0.5);
});

test('--only keeps just the named sections; --keywords sets the count', async () => {
  const r = await analyze(['--only', 'sentiment,keywords', '--keywords', '3'], docs(20));
  expect(r.code).toBe(0);
  const out = lines(r.stdout);
  expect(out).toHaveLength(20);
  for (const line of out) {
    expect(Object.keys(line)).toEqual(['id', 'sentiment', 'keywords']);
    expect((line.keywords as unknown[]).length).toBeLessThanOrEqual(3);
  }
  expect(out.map((l) => l.id)).toEqual(Array.from({ length: 20 }, (_, i) => `d${i}`));
});

test('bad lines go to stderr with their line number and the stream goes on; --strict stops with exit 1', async () => {
  const input = [
    JSON.stringify({ id: 1, text: 'A good start.' }),
    'not json at all',
    JSON.stringify({ id: 3 }),
    JSON.stringify({ id: 4, text: 42 }),
    '[1, 2]',
    '',
    JSON.stringify({ text: 'No id: the line number stands in.' }),
  ].join('\n');
  const r = await analyze(['--only', 'sentiment'], input);
  expect(r.code).toBe(0);
  expect(lines(r.stdout).map((l) => l.id)).toEqual([1, 7]);
  expect(r.stderr).toContain('line 2: not valid JSON');
  expect(r.stderr).toContain('line 3: missing "text"');
  expect(r.stderr).toContain('line 4: "text" must be a string, found number');
  expect(r.stderr).toContain('line 5: expected a JSON object with "text", found an array');
  expect(r.stderr).toContain('2 documents analysed, 4 bad lines skipped');

  const strict = await analyze(['--only', 'sentiment', '--strict'], input);
  expect(strict.code).toBe(1);
  expect(lines(strict.stdout).map((l) => l.id)).toEqual([1]); // what came before the bad line
  expect(strict.stderr).toContain('line 2: not valid JSON');
  expect(strict.stderr).not.toContain('line 3:'); // nothing after it is reported
  expect(strict.stderr).toContain('stopped at the first bad line (--strict) after 1 document');

  // Blank lines before the bad one are not documents; the cut counts them right, also in a big batch on two threads.
  const many = `${docs(700)}\n   \n${docs(300, 700)}not json\n${docs(5, 1000)}`;
  const cut = await analyze(['--only', 'sentiment', '--strict', '--threads', '2'], many);
  expect(cut.code).toBe(1);
  expect(lines(cut.stdout).map((l) => l.id)).toEqual(Array.from({ length: 1000 }, (_, i) => `d${i}`));
});

test('empty text, invalid UTF-8, lone surrogates and binary junk never crash the stream', async () => {
  const input = Buffer.concat([
    Buffer.from(`${JSON.stringify({ id: 'empty', text: '' })}\n`),
    Buffer.from('{"id":"bad-utf8","text":"caf'),
    Buffer.from([0xc3, 0x28, 0xff]),
    Buffer.from(' is good"}\n'),
    Buffer.from('{"id":"surrogate","text":"half \\ud800 a pair, great"}\n'),
    Buffer.from([0x00, 0x01, 0x02, 0xfe, 0x7b, 0x0a]),
    Buffer.from(`${JSON.stringify({ id: 'last', text: 'Still here and fine.' })}\n`),
  ]);
  const r = await analyze(['--threads', '1'], input);
  expect(r.code).toBe(0);
  const out = lines(r.stdout);
  expect(out.map((l) => l.id)).toEqual(['empty', 'bad-utf8', 'surrogate', 'last']);
  expect(out[0]).toMatchObject({ language: { code: 'und' }, sentiment: { compound: 0, label: 'neutral' }, keywords: [], stats: { words: 0, sentences: 0 } });
  expect(out[1]!.sentiment).toMatchObject({ label: 'positive' });
  expect(r.stderr).toContain('line 2: warning: invalid UTF-8 replaced by U+FFFD');
  expect(r.stderr).toContain('line 4: not valid JSON');
  expect(r.stderr).not.toContain('line 4: warning'); // junk that is not JSON gets one error, not two

  // Input with no usable line at all (a binary file) is a failure.
  const binary = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919 + 13) % 256));
  const junk = await analyze([], binary);
  expect(junk.code).toBe(1);
  expect(junk.stdout).toBe('');
  expect(junk.stderr).toMatch(/0 documents analysed, \d+ bad lines? skipped/);
});

test('a 10 MB document is analysed', async () => {
  const sentence = 'The committee approved the excellent proposal after a long and careful debate. ';
  const text = sentence.repeat(Math.ceil((10 * 1024 * 1024) / sentence.length));
  const r = await analyze(['--only', 'stats,sentiment,keywords,language'], `${JSON.stringify({ id: 'big', text })}\n`);
  expect(r.code).toBe(0);
  const [line] = lines(r.stdout);
  expect(line).toMatchObject({ id: 'big', language: { code: 'en' }, sentiment: { label: 'positive' }, stats: { sentences: Math.ceil((10 * 1024 * 1024) / sentence.length) } });
});

test('files as arguments, in order; a missing file is a one-line error with exit 1', async () => {
  const a = path.join(tmp, 'a.jsonl');
  const b = path.join(tmp, 'b.jsonl');
  writeFileSync(a, docs(3));
  writeFileSync(b, docs(2, 3));
  const r = await analyze(['--only', 'sentiment', a, b]);
  expect(r.code).toBe(0);
  expect(lines(r.stdout).map((l) => l.id)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4']);
  const missing = await analyze([path.join(tmp, 'nope.jsonl')]);
  expect(missing.code).toBe(1);
  expect(missing.stderr.trim().split('\n')).toEqual([`trebuchet: cannot read "${path.join(tmp, 'nope.jsonl')}": ENOENT`]);
  const bad = await analyze(['--keywords', 'many'], '');
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('--keywords must be an integer from 0 to 100, found "many"');
  const badOnly = await analyze(['--only', 'sentiment,mood'], '');
  expect(badOnly.code).toBe(1);
  expect(badOnly.stderr).toContain('--only: unknown section "mood"');
});

test('identical output for 1 and 2 threads, and for the bundle and the TypeScript sources', async () => {
  const input = docs(1500);
  const one = await analyze(['--threads', '1', '--only', 'sentiment,keywords,stats,readability'], input);
  const two = await analyze(['--threads', '2', '--only', 'sentiment,keywords,stats,readability'], input);
  const sources = await analyze(['--threads', '2', '--only', 'sentiment,keywords,stats,readability'], input, { TREBUCHET_NLP_BUNDLE: '0' });
  expect(one.code).toBe(0);
  expect(lines(one.stdout)).toHaveLength(1500);
  expect(two.stdout).toBe(one.stdout);
  expect(sources.stdout).toBe(one.stdout);
});

test('streams: results of the first batch arrive before the input ends', async () => {
  const child = spawn(process.execPath, [BIN, 'nlp', 'analyze', '--batch', '50', '--only', 'sentiment'], { cwd: ROOT, env: cliEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  let received = '';
  const firstOutput = new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => {
    received += d.toString();
    if (received.includes('\n')) resolve();
  }));
  child.stdin.write(docs(120));
  await firstOutput; // stdin is still open: the tool answered without seeing the end of its input
  expect(lines(received.slice(0, received.lastIndexOf('\n') + 1)).length).toBeGreaterThanOrEqual(50);
  child.stdin.end(docs(30, 120));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code).toBe(0);
  expect(lines(received)).toHaveLength(150);
});
