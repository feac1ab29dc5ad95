// The text-analytics service: one-off analyses, and document collections stored through Prisma —
// batches analysed on the engine's worker pool and stored in one transaction with progress events,
// filtered paging, and near-duplicate search by MinHash LSH. Resolvers call it; loaders read through it.
import { randomUUID } from 'node:crypto';
import { ConflictError, DomainError, EngineFailureError, InvalidInputError, NotFoundError } from '../../engines/errors';
import {
  analyze,
  bandKeys,
  createNlpPool,
  decodeSignature,
  encodeSignature,
  estimateJaccard,
  MinHasher,
  prepareNlp,
  resolveOptions,
  shingles,
  shingleWords,
  type Analysis,
  type AnalyzeOptions,
  type NlpPool,
  type Section,
  WorkerFailure,
} from '../../engines/nlp/index';
import type { Clock } from '../clock';
import type { SqlPort } from '../db/migrate';
import { Prisma, type PrismaClient } from '../db';
import { decodeCursor, encodeCursor, fromGlobalId, pageSize } from '../ids';
import { filterIterator, type PubSub } from '../pubsub';
import { keysetPage, type Page } from './registry';
import {
  bandCandidates,
  insertBands,
  insertDocuments,
  insertKeywords,
  isUuid,
  lockCollection,
  makeUuidV7,
  signatureFromText,
  signatureToText,
  storedExternalIds,
  type BandRow,
  type DocumentCollectionRow,
  type DocumentRow,
  type KeywordRow,
} from './nlp-store';

export type { DocumentCollectionRow, DocumentRow } from './nlp-store';

/** Topic carrying the progress of every addDocuments call; subscribers filter by collection. */
export const INGEST_TOPIC = 'nlp.ingest';

export type SentimentLabel = 'POSITIVE' | 'NEGATIVE' | 'NEUTRAL';
export type IngestPhase = 'ANALYZING' | 'STORING' | 'DONE' | 'FAILED';
export type AnalysisSection = 'STATS' | 'READABILITY' | 'SENTIMENT' | 'KEYWORDS' | 'LANGUAGE' | 'SENTENCES';

/** What `documentIngestProgress` subscribers receive; plain JSON so it crosses processes over LISTEN/NOTIFY. */
export interface IngestProgressEvent {
  collection: string;
  ingestId: string;
  phase: IngestPhase;
  processed: number;
  total: number;
  error: string | null;
  at: string;
}

export interface NlpLimits {
  /** Documents per addDocuments call. */
  maxDocumentsPerCall: number;
  /** UTF-8 bytes per text, in addDocuments and analyzeText. */
  maxTextBytes: number;
  /** Documents per INSERT (their keyword and band rows go in one INSERT each, too). */
  insertChunk: number;
  /** How long the ingest transaction may run before Prisma rolls it back. */
  transactionTimeoutMs: number;
}

/** Texts up to this many UTF-16 code units (≈ a few milliseconds of work) are analysed on the request's thread. */
const ANALYZE_HERE_CHARS = 32 * 1024;

export const DEFAULT_NLP_LIMITS: NlpLimits = {
  maxDocumentsPerCall: 10_000,
  maxTextBytes: 1024 * 1024,
  insertChunk: 500,
  transactionTimeoutMs: 5 * 60_000,
};

export interface NlpDeps {
  prisma: PrismaClient;
  /** Plain SQL for the similarity lookup. */
  sql: SqlPort;
  pubsub: PubSub;
  clock: Clock;
  limits?: Partial<NlpLimits>;
  /** Worker threads of the analysis pool (created on the first addDocuments). Default 2. */
  threads?: number;
  /** Errors that must not fail the request (a lost progress event) are reported here. */
  onBackgroundError?: (err: unknown, what: string) => void;
}

export interface AnalyzeTextOptions {
  keywords?: number | null;
  maxPhraseWords?: number | null;
  only?: readonly AnalysisSection[] | null;
}

export interface DocumentInput {
  externalId?: string | null;
  text: string;
}

export interface AddDocumentsOptions {
  keywords?: number | null;
  maxPhraseWords?: number | null;
  onDuplicate?: 'FAIL' | 'SKIP' | null;
}

export interface DocumentFilter {
  language?: string | null;
  sentimentLabel?: SentimentLabel | null;
  keyword?: string | null;
}

/** Parent of `AddDocumentsPayload`. */
export interface AddDocumentsResult {
  collection: DocumentCollectionRow;
  ingestId: string;
  added: number;
  skipped: number;
  documents: DocumentRow[];
}

/** Parent of `SimilarDocument`: the document is loaded by the resolver through a DataLoader. */
export interface SimilarMatch {
  documentId: string;
  similarity: number;
}

/** Parent of `DocumentConnection`. */
export type DocumentPage = Page<DocumentRow> & { totalCount(): Promise<number> };
/** Parent of `DocumentCollectionConnection`. */
export type CollectionPage = Page<DocumentCollectionRow> & { totalCount(): Promise<number> };

const COLLECTION_NAME = /^[a-z0-9][a-z0-9._-]{0,127}$/;
const LANGUAGE_CODE = /^[a-z]{2,3}$/;
const MAX_EXTERNAL_ID = 256;
const MAX_SIMILAR = 100;

// MinHash with 128 permutations banded 32 × 4: documents with Jaccard similarity 0.5 share a band
// with probability 0.87, near-duplicates (≥ 0.8) practically always, unrelated texts (< 0.2) rarely
// (see lshCandidateProbability in engines/nlp/similarity.ts). Changing any of these invalidates
// every stored signature and band.
const NUM_PERM = 128;
const MINHASH_SEED = 1;
const BANDS = 32;
const ROWS = 4;
const SHINGLE_WORDS = 3;

/** Progress events per phase, at most: enough for a progress bar, few enough for NOTIFY. */
const PROGRESS_STEPS = 20;

const SECTIONS: Record<AnalysisSection, Section> = {
  STATS: 'stats',
  READABILITY: 'readability',
  SENTIMENT: 'sentiment',
  KEYWORDS: 'keywords',
  LANGUAGE: 'language',
  // The engine splits sentences with its token pass; the tokens themselves are dropped.
  SENTENCES: 'tokens',
};

/** analyzeText's sections when `only` is not given: all of them. */
const ALL_API_SECTIONS = Object.keys(SECTIONS) as AnalysisSection[];

const LABELS: Record<string, SentimentLabel> = { positive: 'POSITIVE', negative: 'NEGATIVE', neutral: 'NEUTRAL' };

export function validateCollectionName(name: string): void {
  if (!COLLECTION_NAME.test(name)) {
    throw new InvalidInputError(
      `invalid collection name "${name.slice(0, 140)}": use 1–128 lowercase letters, digits, "-", "_" or ".", starting with a letter or digit`,
      { field: 'collection' },
    );
  }
}

function intOption(field: string, value: number | null | undefined, min: number, max: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidInputError(`${field} must be an integer from ${min} to ${max}, found ${value}`, { field });
  }
  return value;
}

/** Engine options from the API's, validated by the engine's own rules (BAD_USER_INPUT naming the option). */
function engineOptions(options: { keywords?: number | null; maxPhraseWords?: number | null; only?: readonly AnalysisSection[] | null } | null | undefined): AnalyzeOptions {
  const out: AnalyzeOptions = {};
  if (options?.keywords !== null && options?.keywords !== undefined) out.keywords = options.keywords;
  if (options?.maxPhraseWords !== null && options?.maxPhraseWords !== undefined) out.maxPhraseWords = options.maxPhraseWords;
  if (options?.only) out.only = [...new Set(options.only.map((s) => SECTIONS[s]))];
  resolveOptions(out);
  return out;
}

/** The analysis as stored and served: tokens are large and not part of the API. */
function withoutTokens(analysis: Analysis): Analysis {
  const { tokens: _tokens, ...rest } = analysis;
  return rest;
}

/** Keyword rows of a document: lower-cased (the filter compares lower-cased), one per term, best score kept. */
function keywordRows(documentId: string, analysis: Analysis): KeywordRow[] {
  const best = new Map<string, number>();
  for (const { term, score } of analysis.keywords ?? []) {
    const t = term.toLowerCase();
    if (!best.has(t) || score > (best.get(t) as number)) best.set(t, score);
  }
  return [...best].map(([term, score]) => ({ documentId, term, score }));
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class NlpService {
  private readonly limits: NlpLimits;
  private readonly hasher = new MinHasher({ numPerm: NUM_PERM, seed: MINHASH_SEED });
  private readonly newId: () => string;
  private pool: NlpPool | null = null;
  private prepared: Promise<void> | null = null;

  constructor(private readonly deps: NlpDeps) {
    this.limits = { ...DEFAULT_NLP_LIMITS, ...deps.limits };
    this.newId = makeUuidV7(deps.clock);
  }

  private get prisma(): PrismaClient {
    return this.deps.prisma;
  }

  /** Loads the language model once, on first use. */
  private prepare(): Promise<void> {
    this.prepared ??= prepareNlp().catch((err: unknown) => {
      this.prepared = null;
      throw err;
    });
    return this.prepared;
  }

  private workers(): NlpPool {
    this.pool ??= createNlpPool({ threads: this.deps.threads ?? 2 });
    return this.pool;
  }

  /** Stops the analysis pool's workers. */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
  }

  private checkText(field: string, text: string, details: Record<string, unknown> = {}): void {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > this.limits.maxTextBytes) {
      throw new InvalidInputError(`${field} is ${bytes} bytes of UTF-8, over the limit of ${this.limits.maxTextBytes}`, { ...details, field, limit: this.limits.maxTextBytes });
    }
  }

  // ── analysis ──────────────────────────────────────────────────────────────

  /**
   * Analyses one text (keywords by RAKE); nothing is stored. Texts over ANALYZE_HERE_CHARS go to a
   * worker thread: a 1 MiB text takes the better part of a second, which would stall every other
   * request of this node.
   */
  async analyzeText(text: string, options?: AnalyzeTextOptions | null): Promise<Analysis> {
    this.checkText('text', text);
    const opts = engineOptions({ ...options, only: options?.only ?? ALL_API_SECTIONS });
    if (text.length > ANALYZE_HERE_CHARS) return withoutTokens(await this.workers().analyzeOne(text, opts));
    await this.prepare();
    return withoutTokens(analyze(text, opts));
  }

  // ── collections ───────────────────────────────────────────────────────────

  async findCollection(name: string): Promise<DocumentCollectionRow | null> {
    return this.prisma.documentCollection.findUnique({ where: { name } });
  }

  async requireCollection(name: string): Promise<DocumentCollectionRow> {
    const row = await this.findCollection(name);
    if (!row) throw new NotFoundError(`document collection "${name}" not found`, { collection: name });
    return row;
  }

  async collectionsByIds(ids: readonly string[]): Promise<DocumentCollectionRow[]> {
    return this.prisma.documentCollection.findMany({ where: { id: { in: [...ids] } } });
  }

  async listCollections(first?: number | null, after?: string | null): Promise<CollectionPage> {
    const take = pageSize(first);
    const afterName = after ? decodeCursor<string>('documentCollections', after, 'string') : undefined;
    const rows = await this.prisma.documentCollection.findMany({
      where: afterName === undefined ? {} : { name: { gt: afterName } },
      orderBy: { name: 'asc' },
      take: take + 1,
    });
    return keysetPage(rows, take, afterName, (c) => encodeCursor('documentCollections', c.name), { totalCount: () => this.prisma.documentCollection.count() });
  }

  /**
   * Removes a collection with its documents, keywords and bands (the foreign keys cascade). Under
   * the collection's row lock, so an ingest still running finishes first and its documents are
   * counted and removed too.
   */
  async removeCollection(name: string): Promise<{ name: string; removedDocuments: number }> {
    const row = await this.requireCollection(name);
    const removed = await this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "DocumentCollection" WHERE id = ${row.id}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new NotFoundError(`document collection "${name}" not found`, { collection: name });
      const count = await tx.document.count({ where: { collectionId: row.id } });
      await tx.documentCollection.delete({ where: { id: row.id } });
      return count;
    });
    return { name, removedDocuments: removed };
  }

  // ── documents ─────────────────────────────────────────────────────────────

  /** A document by global id; null when none has it. BAD_USER_INPUT for an id that is not a document id. */
  async findDocument(globalId: string): Promise<DocumentRow | null> {
    return this.prisma.document.findUnique({ where: { id: this.documentIdOf(globalId) } });
  }

  async documentsByIds(ids: readonly string[]): Promise<DocumentRow[]> {
    return this.prisma.document.findMany({ where: { id: { in: [...ids] } } });
  }

  private documentIdOf(globalId: string): string {
    const ref = fromGlobalId(globalId);
    const id = ref?.type === 'Document' ? ref.id : null;
    if (!id) throw new InvalidInputError(`"${globalId.slice(0, 64)}" is not a document id`, { argument: 'id' });
    return id;
  }

  /** Documents of a collection in the order they were added (by id, see makeUuidV7), filtered. */
  async listDocuments(collection: string, filter: DocumentFilter | null | undefined, first?: number | null, after?: string | null): Promise<DocumentPage> {
    const take = pageSize(first);
    const afterId = after ? decodeCursor<string>('documents', after, 'string') : undefined;
    if (afterId !== undefined && !isUuid(afterId)) throw new InvalidInputError(`malformed cursor "${(after as string).slice(0, 64)}" for documents`, { argument: 'after' });
    const where: Prisma.DocumentWhereInput = {};
    if (filter?.language) {
      const language = filter.language.toLowerCase();
      if (!LANGUAGE_CODE.test(language)) throw new InvalidInputError(`filter.language must be a 2- or 3-letter language code, found "${filter.language.slice(0, 20)}"`, { field: 'filter.language' });
      where.language = language;
    }
    if (filter?.sentimentLabel) where.sentimentLabel = filter.sentimentLabel;
    const keyword = filter?.keyword?.trim().toLowerCase();
    const c = await this.requireCollection(collection);
    where.collectionId = c.id;
    if (keyword) where.keywords = { some: { collectionId: c.id, term: keyword } };
    const rows = await this.prisma.document.findMany({
      where: afterId === undefined ? where : { AND: [where, { id: { gt: afterId } }] },
      orderBy: { id: 'asc' },
      take: take + 1,
    });
    return keysetPage(rows, take, afterId, (d) => encodeCursor('documents', d.id), { totalCount: () => this.prisma.document.count({ where }) });
  }

  /**
   * The `k` documents of the same collection most similar to the given one: candidates are the
   * documents sharing a band key (an index lookup), ranked by the estimated Jaccard similarity of
   * their stored signatures. Never the document itself.
   */
  async similarDocuments(globalId: string, k?: number | null, minSimilarity?: number | null): Promise<SimilarMatch[]> {
    const id = this.documentIdOf(globalId);
    const count = intOption('k', k, 1, MAX_SIMILAR) ?? 10;
    if (minSimilarity !== null && minSimilarity !== undefined && !(minSimilarity >= 0 && minSimilarity <= 1)) {
      throw new InvalidInputError(`minSimilarity must be in [0, 1], found ${minSimilarity}`, { field: 'minSimilarity' });
    }
    const doc = await this.prisma.document.findUnique({ where: { id }, select: { id: true, collectionId: true, signature: true } });
    if (!doc) throw new NotFoundError(`document "${globalId}" not found`, { id: globalId });
    const sig = decodeSignature(signatureFromText(doc.signature));
    // A text without words stored no bands (see prepareRows), so no other document shares one with it.
    // Candidates sharing the most bands first; far more than k, so the ranking by signature decides.
    const candidates = await bandCandidates(this.deps.sql, doc.collectionId, bandKeys(sig, BANDS, ROWS), id, Math.max(20 * count, 200));
    return candidates
      .map((c) => ({ documentId: c.documentId, similarity: estimateJaccard(sig, decodeSignature(signatureFromText(c.signature))) }))
      .filter((m) => m.similarity >= (minSimilarity ?? 0))
      .sort((a, b) => b.similarity - a.similarity || (a.documentId < b.documentId ? -1 : 1))
      .slice(0, count);
  }

  // ── ingestion ─────────────────────────────────────────────────────────────

  /** Validates the call; returns the externalIds given (null for none), in input order. */
  private validateBatch(collection: string, documents: readonly DocumentInput[]): (string | null)[] {
    validateCollectionName(collection);
    if (documents.length === 0) throw new InvalidInputError('addDocuments: give at least one document', { field: 'documents' });
    if (documents.length > this.limits.maxDocumentsPerCall) {
      throw new InvalidInputError(`addDocuments: ${documents.length} documents, over the limit of ${this.limits.maxDocumentsPerCall} per call; split the batch`, {
        field: 'documents',
        limit: this.limits.maxDocumentsPerCall,
      });
    }
    const seen = new Map<string, number>();
    return documents.map((d, index) => {
      const at = { field: 'documents', index };
      this.checkText(`documents[${index}].text`, d.text, at);
      if (d.text.trim() === '') throw new InvalidInputError(`documents[${index}].text is blank`, at);
      // Postgres text cannot hold U+0000.
      if (d.text.includes('\u0000')) throw new InvalidInputError(`documents[${index}].text contains a NUL character (U+0000)`, at);
      const externalId = d.externalId ?? null;
      if (externalId === null) return null;
      if (externalId.length < 1 || externalId.length > MAX_EXTERNAL_ID || externalId.includes('\u0000')) {
        throw new InvalidInputError(`documents[${index}].externalId must be 1–${MAX_EXTERNAL_ID} characters without NUL, found "${externalId.slice(0, 64)}"`, at);
      }
      const earlier = seen.get(externalId);
      if (earlier !== undefined) {
        throw new InvalidInputError(`documents[${index}].externalId "${externalId}" is also the externalId of documents[${earlier}]`, at);
      }
      seen.set(externalId, index);
      return externalId;
    });
  }

  private duplicateError(collection: string, duplicates: readonly string[]): ConflictError {
    const shown = duplicates.slice(0, 5).map((e) => `"${e}"`).join(', ');
    return new ConflictError(
      `collection "${collection}" already has documents with externalId ${shown}${duplicates.length > 5 ? ` and ${duplicates.length - 5} more` : ''}; nothing was stored (pass onDuplicate: SKIP to add the others)`,
      { collection, externalIds: duplicates.slice(0, 100) },
    );
  }

  /**
   * Analyses a batch and stores it. Everything that can be checked before writing is checked
   * first; the writes — collection, documents, keywords, bands, count — are one transaction under
   * the collection's row lock, so a failure at any point stores nothing.
   */
  async addDocuments(collection: string, documents: readonly DocumentInput[], options?: AddDocumentsOptions | null): Promise<AddDocumentsResult> {
    const externalIds = this.validateBatch(collection, documents);
    const analyzeOptions = engineOptions({ keywords: options?.keywords, maxPhraseWords: options?.maxPhraseWords });
    const skipDuplicates = options?.onDuplicate === 'SKIP';

    // Fail (or skip) known duplicates before spending time on analysis; checked again under the lock.
    const existing = await this.findCollection(collection);
    const given = externalIds.filter((e): e is string => e !== null);
    const stored = new Set(existing ? await storedExternalIds(this.prisma, existing.id, given) : []);
    if (stored.size > 0 && !skipDuplicates) throw this.duplicateError(collection, given.filter((e) => stored.has(e)));
    const batch = documents.map((d, i) => ({ text: d.text, externalId: externalIds[i] ?? null })).filter((d) => d.externalId === null || !stored.has(d.externalId));
    let skipped = documents.length - batch.length;
    if (batch.length === 0) {
      return { collection: existing as DocumentCollectionRow, ingestId: randomUUID(), added: 0, skipped, documents: [] };
    }

    const ingestId = randomUUID();
    const progress = this.progress(collection, ingestId, batch.length);
    try {
      progress.report('ANALYZING', 0);
      const analyses = await this.analyzeBatch(
        batch.map((d) => d.text),
        analyzeOptions,
        (done) => progress.report('ANALYZING', done),
      );
      const now = this.deps.clock.now();
      let prepared = await this.prepareRows(batch, analyses, now);

      const result = await this.prisma.$transaction(
        async (tx) => {
          const row = await lockCollection(tx, collection, now);
          const late = new Set(await storedExternalIds(tx, row.id, given.filter((e) => !stored.has(e))));
          if (late.size > 0) {
            // Stored by a call that committed after the check above.
            if (!skipDuplicates) throw this.duplicateError(collection, [...late]);
            prepared = prepared.filter((p) => p.document.externalId === null || !late.has(p.document.externalId));
            skipped += late.size;
          }
          const rows = prepared.map((p) => ({ ...p.document, collectionId: row.id }));
          const total = rows.length;
          progress.report('STORING', 0, total);
          for (let start = 0; start < total; start += this.limits.insertChunk) {
            const end = Math.min(start + this.limits.insertChunk, total);
            const chunk = prepared.slice(start, end);
            await insertDocuments(tx, rows.slice(start, end));
            await insertKeywords(tx, row.id, chunk.flatMap((p) => p.keywords));
            await insertBands(tx, row.id, chunk.flatMap((p) => p.bands));
            progress.report('STORING', end, total);
          }
          const updated = await tx.documentCollection.update({
            where: { id: row.id },
            data: { documentCount: { increment: total }, updatedAt: now },
          });
          return { collection: updated, documents: rows };
        },
        { timeout: this.limits.transactionTimeoutMs, maxWait: this.limits.transactionTimeoutMs },
      );
      progress.report('DONE', result.documents.length, result.documents.length);
      await progress.flush();
      return { ...result, ingestId, added: result.documents.length, skipped };
    } catch (err) {
      progress.fail(err instanceof DomainError ? err.message : 'internal error');
      await progress.flush();
      throw err;
    }
  }

  /**
   * Analyses a batch on the worker pool, keywords by TF-IDF over the batch. A batch of one has no
   * corpus to weigh terms against: RAKE, on this thread, as the engine's own `analyzeBatch` does.
   */
  private async analyzeBatch(texts: string[], options: AnalyzeOptions, onProgress: (done: number) => void): Promise<Analysis[]> {
    if (texts.length === 1) {
      await this.prepare();
      const one = analyze(texts[0] as string, options);
      onProgress(1);
      return [one];
    }
    try {
      return await this.workers().analyzeBatch(texts, options, onProgress);
    } catch (err) {
      // A worker that crashed or exited is replaced for the next batch: worth a retry.
      if (err instanceof WorkerFailure) throw new EngineFailureError('text analysis failed: an analysis worker stopped; try again');
      throw err;
    }
  }

  /** Rows for the analysed documents: ids, sentiment and language columns, keywords, MinHash bands. */
  private async prepareRows(batch: { text: string; externalId: string | null }[], analyses: Analysis[], now: Date): Promise<PreparedDocument[]> {
    const out: PreparedDocument[] = [];
    for (const [i, d] of batch.entries()) {
      // Signatures cost a few ms per long text: let other requests in between chunks.
      if (i > 0 && i % this.limits.insertChunk === 0) await yieldToEventLoop();
      const analysis = withoutTokens(analyses[i] as Analysis);
      const id = this.newId();
      const shingleSet = shingles(shingleWords(d.text), SHINGLE_WORDS);
      const sig = this.hasher.signature(shingleSet);
      out.push({
        document: {
          id,
          externalId: d.externalId,
          text: d.text,
          language: analysis.language?.code ?? 'und',
          sentimentLabel: LABELS[analysis.sentiment?.label ?? 'neutral'] ?? 'NEUTRAL',
          sentiment: analysis.sentiment?.compound ?? 0,
          analysis: analysis as unknown as Prisma.JsonValue,
          signature: signatureToText(encodeSignature(sig)),
          createdAt: now,
        },
        keywords: keywordRows(id, analysis),
        // No words, no bands: such a document is nobody's near-duplicate.
        bands: shingleSet.size === 0 ? [] : bandKeys(sig, BANDS, ROWS).map((key): BandRow => ({ documentId: id, key })),
      });
    }
    return out;
  }

  /**
   * Publishes the progress of one ingest: in order (each event waits for the previous one, so
   * Postgres NOTIFY delivers them in order too), at most PROGRESS_STEPS events per phase.
   */
  private progress(collection: string, ingestId: string, initialTotal: number) {
    let chain = Promise.resolve();
    let last: { phase: IngestPhase; processed: number } | null = null;
    const publish = (phase: IngestPhase, processed: number, total: number, error: string | null) => {
      last = { phase, processed };
      const event: IngestProgressEvent = { collection, ingestId, phase, processed, total, error, at: this.deps.clock.now().toISOString() };
      chain = chain.then(() =>
        this.deps.pubsub.publish(INGEST_TOPIC, event).catch((err: unknown) => {
          // The ingest goes on; a lost progress event must not fail it.
          this.deps.onBackgroundError?.(err, 'publish ingest progress');
        }),
      );
    };
    return {
      report(phase: IngestPhase, processed: number, total = initialTotal) {
        const step = Math.max(1, Math.ceil(total / PROGRESS_STEPS));
        const previous = last?.phase === phase ? last.processed : null;
        const due = previous === null || processed === total || processed - previous >= step;
        if (due && processed !== previous) publish(phase, processed, total, null);
      },
      fail(message: string) {
        publish('FAILED', last?.processed ?? 0, initialTotal, message);
      },
      flush: () => chain,
    };
  }

  /** Subscribes to the ingest progress of one collection. */
  ingestProgress(collection: string): AsyncIterableIterator<IngestProgressEvent> {
    return filterIterator(this.deps.pubsub.subscribe<IngestProgressEvent>(INGEST_TOPIC), (e) => e.collection === collection);
  }
}

interface PreparedDocument {
  /** The row but for its collection, known once the transaction has locked (or created) it. */
  document: Omit<DocumentRow, 'collectionId'>;
  keywords: KeywordRow[];
  bands: BandRow[];
}

