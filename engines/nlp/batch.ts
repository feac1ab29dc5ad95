// A batch split over threads with keywords that do not depend on the split. Each thread analyses
// its part (phase 1) and reports the document frequency of the terms it saw; the coordinator adds
// the parts' frequencies up (`DfMerger`) and hands each part the batch-wide frequency of its own
// terms; each part then ranks its keywords (phase 2). Term ids are local to a thread, so only
// term strings cross threads, and ties are broken by the term's text: results are identical for any
// number of threads.
import type { Gospel, ResolvedOptions } from './engine.ts';
import { TermTable, idfTable } from './keywords.ts';
import type { Analysis } from './types.ts';
import { grown } from './grown.ts';

/** What a part reports after phase 1: its terms and how many of its documents hold each. */
export interface PartTerms {
  documents: number;
  terms: string[];
  df: Int32Array;
}

export class BatchPart {
  readonly results: Analysis[] = [];
  private readonly table: TermTable | undefined;

  constructor(
    private readonly gospel: Gospel,
    private readonly options: ResolvedOptions,
  ) {
    this.table = options.sections.has('keywords') ? new TermTable(gospel.vocab) : undefined;
  }

  /** Phase 1 for one document; returns its index in the part. */
  add(text: string): number {
    this.results.push(this.gospel.analyzeOne(text, this.options, this.table));
    return this.results.length - 1;
  }

  /** The part's terms with their document frequencies, for the batch-wide merge. */
  terms(): PartTerms {
    const table = this.table;
    if (!table) return { documents: this.results.length, terms: [], df: new Int32Array(0) };
    const strings = this.gospel.vocab.strings;
    const ids = table.touched;
    const df = new Int32Array(ids.length);
    const terms = new Array<string>(ids.length);
    for (let k = 0; k < ids.length; k++) {
      terms[k] = strings[ids[k]!]!;
      df[k] = table.df[ids[k]!]!;
    }
    return { documents: this.results.length, terms, df };
  }

  /**
   * Phase 2: keywords from the batch-wide frequencies `df` (aligned with `terms()`) over
   * `documents` documents in the whole batch. Without `df`, the part is the whole batch.
   */
  finish(documents?: number, df?: Int32Array): Analysis[] {
    const table = this.table;
    if (!table) return this.results;
    const ids = table.touched;
    let merged = table.df;
    if (df) {
      merged = new Int32Array(table.df.length);
      for (let k = 0; k < ids.length; k++) merged[ids[k]!] = df[k]!;
    }
    const idf = idfTable(documents ?? this.results.length, merged, ids, this.gospel.vocab.size);
    for (let d = 0; d < this.results.length; d++) this.results[d]!.keywords = table.top(d, this.options.keywords, idf);
    return this.results;
  }
}

/** Adds up the parts' document frequencies by term. */
export class DfMerger {
  private readonly index = new Map<string, number>();
  private counts = new Int32Array(1 << 16);
  private readonly maps: Int32Array[] = [];
  documents = 0;

  /** Adds one part's frequencies; returns a handle for `dfFor`. */
  add(part: PartTerms): number {
    const map = new Int32Array(part.terms.length);
    for (let k = 0; k < part.terms.length; k++) {
      const term = part.terms[k]!;
      let g = this.index.get(term);
      if (g === undefined) {
        g = this.index.size;
        this.index.set(term, g);
        if (g === this.counts.length) this.counts = grown(this.counts, g * 2);
      }
      this.counts[g]! += part.df[k]!;
      map[k] = g;
    }
    this.documents += part.documents;
    this.maps.push(map);
    return this.maps.length - 1;
  }

  /** The batch-wide frequencies of part `handle`'s terms, aligned with its `terms`. */
  dfFor(handle: number): Int32Array {
    const map = this.maps[handle]!;
    const df = new Int32Array(map.length);
    for (let k = 0; k < map.length; k++) df[k] = this.counts[map[k]!]!;
    return df;
  }
}

/** Analyses a batch on this thread: keywords by TF-IDF over the batch, RAKE for a batch of one. */
export function analyzeBatchOn(gospel: Gospel, texts: readonly string[], options: ResolvedOptions): Analysis[] {
  if (texts.length === 1) return [gospel.analyzeOne(texts[0]!, options)];
  const part = new BatchPart(gospel, options);
  for (const text of texts) part.add(text);
  return part.finish();
}
