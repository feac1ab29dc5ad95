// Accuracy and speed of engines/nlp/language.ts on a labelled sentence set: per language, overall,
// confidence calibration, and sentences per second. Default set: the committed test fixture.
// Usage: node --import tsx bench/nlp/lang-accuracy.ts [set.jsonl]   (lines {"lang","text","source"})
// A larger held-out set for calibration: python3 bench/nlp/lang-set.py --out /tmp/x.jsonl --holdout bench/.data/lang-holdout.jsonl
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { detectLanguage, loadLanguageModel } from '../../engines/nlp/language';

interface Row {
  lang: string;
  text: string;
  source: string;
}

interface Outcome {
  row: Row;
  code: string;
  confidence: number;
}

const DEFAULT_SET = path.join(__dirname, '../../engines/nlp/__tests__/fixtures/lang-sentences.jsonl');
const CONFIDENCE_BINS = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 1.0001];
const PREFIX_LETTERS = [10, 15, 20, 30];
const LETTER = /\p{L}/u;
const DENSE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/**
 * The shortest prefix of `text` with `letters` letters (Han, kana, Hangul counting two, as in
 * language.ts), completed to the end of its word; undefined when the text is shorter.
 */
function prefix(text: string, letters: number): string | undefined {
  const cps = [...text];
  let n = 0;
  let i = 0;
  for (; i < cps.length && n < letters; i++) {
    const ch = cps[i] as string;
    if (LETTER.test(ch)) n += DENSE.test(ch) ? 2 : 1;
  }
  if (n < letters) return undefined;
  while (i < cps.length && /\S/.test(cps[i] as string) && !UNSPACED.test(cps[i] as string)) i++;
  return cps.slice(0, i).join('');
}

function readSet(file: string): Row[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Row);
}

function pct(n: number, d: number): string {
  return d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`;
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? DEFAULT_SET;
  const rows = readSet(file);

  const t0 = performance.now();
  await loadLanguageModel();
  const loadMs = performance.now() - t0;

  const outcomes: Outcome[] = rows.map((row) => ({ row, ...detectLanguage(row.text) }));

  // Speed: whole passes over the set until at least a second has gone by, after one warm-up pass.
  let passes = 0;
  const t1 = performance.now();
  while (performance.now() - t1 < 1000) {
    for (const row of rows) detectLanguage(row.text);
    passes++;
  }
  const perSecond = (passes * rows.length) / ((performance.now() - t1) / 1000);
  const chars = rows.reduce((n, r) => n + r.text.length, 0) / rows.length;

  const byLang = new Map<string, { ok: number; und: number; n: number; errors: Map<string, number> }>();
  for (const o of outcomes) {
    const s = byLang.get(o.row.lang) ?? { ok: 0, und: 0, n: 0, errors: new Map<string, number>() };
    s.n++;
    if (o.code === o.row.lang) s.ok++;
    else {
      if (o.code === 'und') s.und++;
      s.errors.set(o.code, (s.errors.get(o.code) ?? 0) + 1);
    }
    byLang.set(o.row.lang, s);
  }
  const ok = outcomes.filter((o) => o.code === o.row.lang).length;
  const und = outcomes.filter((o) => o.code === 'und').length;

  console.log(`set: ${path.relative(process.cwd(), file)} — ${rows.length} sentences, ${byLang.size} languages, mean ${chars.toFixed(0)} chars`);
  console.log(`model load: ${loadMs.toFixed(0)} ms · detection: ${Math.round(perSecond)} sentences/s (one thread)`);
  console.log(`overall accuracy: ${pct(ok, rows.length)} (${ok}/${rows.length}), und: ${und}\n`);
  console.log('lang  accuracy      n  und  mistaken for');
  for (const [lang, s] of [...byLang].sort((a, b) => a[1].ok / a[1].n - b[1].ok / b[1].n || a[0].localeCompare(b[0]))) {
    const errors = [...s.errors].map(([code, n]) => `${code}×${n}`).join(' ');
    console.log(`${lang.padEnd(5)} ${pct(s.ok, s.n).padStart(8)} ${String(s.n).padStart(6)} ${String(s.und).padStart(4)}  ${errors}`);
  }

  console.log('\nconfidence calibration (detected sentences only)');
  console.log('confidence       n   mean conf   accuracy');
  const detected = outcomes.filter((o) => o.code !== 'und');
  for (let i = 0; i + 1 < CONFIDENCE_BINS.length; i++) {
    const lo = CONFIDENCE_BINS[i] as number;
    const hi = CONFIDENCE_BINS[i + 1] as number;
    const bin = detected.filter((o) => o.confidence >= lo && o.confidence < hi);
    if (bin.length === 0) continue;
    const mean = bin.reduce((s, o) => s + o.confidence, 0) / bin.length;
    const acc = bin.filter((o) => o.code === o.row.lang).length;
    console.log(`[${lo}, ${Math.min(1, hi)})`.padEnd(14) + `${String(bin.length).padStart(6)}   ${mean.toFixed(3).padStart(9)}   ${pct(acc, bin.length).padStart(8)}`);
  }

  console.log('\nshort texts: the first N letters of each sentence (to the end of the word)');
  console.log('letters       n   accuracy   und   mean conf');
  for (const letters of PREFIX_LETTERS) {
    const results = rows.flatMap((row) => {
      const text = prefix(row.text, letters);
      return text === undefined ? [] : [{ lang: row.lang, ...detectLanguage(text) }];
    });
    const acc = results.filter((r) => r.code === r.lang).length;
    const undCount = results.filter((r) => r.code === 'und').length;
    const mean = results.reduce((s, r) => s + r.confidence, 0) / results.length;
    console.log(`${String(letters).padEnd(8)}${String(results.length).padStart(6)}   ${pct(acc, results.length).padStart(8)}  ${String(undCount).padStart(4)}   ${mean.toFixed(3).padStart(9)}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
