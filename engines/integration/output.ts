// An integration result as the batch the writers take: number formats ('%.2f') applied,
// provenance columns (`<field>_source`) added when asked, and — for CSV — timestamps formatted
// with a per-day date cache (Date#toISOString for each of 200,000 values cost 0.4 s of a 5 s merge).
import type { IntegrationResult } from './combine.ts';
import { formatValue } from './infer.ts';
import type { Field, RecordBatch } from './table.ts';

const DAY_MS = 86_400_000;
const dates = new Map<number, string>();
const two = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** YYYY-MM-DDTHH:MM:SS(.sss) in UTC, exactly as formatValue writes a timestamp. */
export function formatTimestampFast(ms: number): string {
  if (!Number.isFinite(ms) || ms % 1000 !== 0) return formatValue(ms, 'timestamp');
  const day = Math.floor(ms / DAY_MS);
  let date = dates.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dates.size < 100_000) dates.set(day, date);
  }
  const sec = (ms - day * DAY_MS) / 1000;
  return `${date}T${two[Math.floor(sec / 3600)]}:${two[Math.floor(sec / 60) % 60]}:${two[sec % 60]}`;
}

export interface OutputOptions {
  /** printf-like formats per field ('%.2f'). */
  numberFormats: Record<string, string>;
  provenance: boolean;
  /** Write timestamps as text here (CSV); JSON writers format them themselves. */
  timestampsAsText: boolean;
}

export function resultBatch(result: IntegrationResult, o: OutputOptions): RecordBatch {
  const digits = result.fields.map((f) => {
    const m = o.numberFormats[f] ? /^%\.(\d+)f$/.exec(o.numberFormats[f]!) : null;
    return m ? Number(m[1]) : -1;
  });
  const asText = result.fields.map((_, f) => o.timestampsAsText && result.types[f] === 'timestamp' && digits[f]! < 0);
  const fields: Field[] = result.fields.map((name, f) => ({ name, type: digits[f]! >= 0 || asText[f] ? 'string' : result.types[f]! }));
  const rows = result.rows;
  const columns = result.fields.map((_, f) =>
    rows.map((r) => {
      const v = r[f] ?? null;
      if (typeof v !== 'number') return v;
      if (digits[f]! >= 0) return v.toFixed(digits[f]!);
      return asText[f] ? formatTimestampFast(v) : v;
    }),
  );
  if (o.provenance && result.provenance) {
    result.fields.forEach((name, f) => {
      fields.push({ name: `${name}_source`, type: 'string' });
      columns.push(result.provenance!.map((p) => p[f] ?? ''));
    });
  }
  return { schema: { fields }, columns, length: rows.length };
}
