// The NLP API over real HTTP and graphql-ws against a running server (PGlite, or Postgres when
// DATABASE_URL is set): one-off analyses, document collections stored in one transaction,
// filtered paging, near-duplicate search, progress events, and the error codes of bad input.
import { print } from 'graphql';
import type { Client } from 'graphql-ws';
import { loadConfig } from '../api/config';
import { startServer } from '../api/server';
import { TrebuchetClient } from '../client';
import { graphql } from '../client/gql';
import { analyze, prepareNlp } from '../engines/nlp';
import type { DocumentCollectionsQuery as DocumentCollectionsResult, DocumentIngestProgressSubscription as ProgressResult, DocumentsQuery as DocumentsResult, DocumentInput } from '../client/gql/graphql';

type ProgressEvent = ProgressResult['documentIngestProgress'];
import {
  AddDocumentsMutation,
  AnalyzeTextQuery,
  DocumentCollectionsQuery,
  DocumentIngestProgressSubscription,
  DocumentQuery,
  DocumentsQuery,
  RemoveDocumentCollectionMutation,
  SimilarDocumentsQuery,
} from '../client/operations';
import { backend } from './helpers/db';
import { expectCode } from './helpers/errors';
import { startTestServer, type TestServer } from './helpers/server';
import { bulkDocuments, languages, nearDuplicates, reviews, sentences } from './nlp.scenarios';

const CollectionQuery = graphql(`
  query TestDocumentCollection($name: String!) {
    documentCollection(name: $name) {
      name
      documentCount
    }
  }
`);

const NodeQuery = graphql(`
  query TestNlpNode($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Document {
        text
      }
      ... on DocumentCollection {
        name
      }
    }
  }
`);

let ts: TestServer;

beforeAll(async () => {
  ts = await startTestServer();
});

afterAll(async () => {
  await ts?.close();
});

const add = (collection: string, documents: DocumentInput[], options?: { onDuplicate?: 'FAIL' | 'SKIP'; keywords?: number }) =>
  ts.client.request(AddDocumentsMutation, { collection, documents, options });

const count = async (name: string) => (await ts.client.request(CollectionQuery, { name })).documentCollection?.documentCount ?? null;

describe('analyzeText', () => {
  test('clear sentences get the sentiment a reader would give them; keywords by RAKE; stats and readability', async () => {
    const positive = (await ts.client.request(AnalyzeTextQuery, { text: sentences.positive })).analyzeText;
    expect(positive.sentiment?.label).toBe('POSITIVE');
    expect(positive.sentiment?.compound).toBeGreaterThan(0.5);
    expect((positive.sentiment?.positive ?? 0) + (positive.sentiment?.negative ?? 0) + (positive.sentiment?.neutral ?? 0)).toBeCloseTo(1, 2);
    expect(positive.keywordMethod).toBe('RAKE');
    expect(positive.keywords?.length).toBeGreaterThan(0);
    expect(positive.keywords?.map((k) => k.term).join(' ')).toMatch(/camera|battery|phone/);
    expect(positive.stats).toMatchObject({ words: 16, sentences: 2, characters: sentences.positive.length });
    expect(positive.sentences).toEqual(['I absolutely love this wonderful phone.', 'The camera is amazing and the battery life is excellent!']);
    expect(positive.readability?.fleschReadingEase).toEqual(expect.any(Number));

    const negative = (await ts.client.request(AnalyzeTextQuery, { text: sentences.negative })).analyzeText;
    expect(negative.sentiment?.label).toBe('NEGATIVE');
    expect(negative.sentiment?.compound).toBeLessThan(-0.5);
    const neutral = (await ts.client.request(AnalyzeTextQuery, { text: sentences.neutral })).analyzeText;
    expect(neutral.sentiment?.label).toBe('NEUTRAL');
  });

  test('the language of real sentences: en, de, fr', async () => {
    for (const [code, text] of Object.entries(languages)) {
      const { analyzeText } = await ts.client.request(AnalyzeTextQuery, { text });
      expect({ code, detected: analyzeText.language?.code }).toEqual({ code, detected: code });
      expect(analyzeText.language?.confidence).toBeGreaterThan(0.5);
    }
  });

  test('only computes the sections asked for; keywords and maxPhraseWords are honoured', async () => {
    const { analyzeText } = await ts.client.request(AnalyzeTextQuery, { text: sentences.positive, options: { only: ['SENTIMENT', 'KEYWORDS'], keywords: 2, maxPhraseWords: 1 } });
    expect(analyzeText.sentiment?.label).toBe('POSITIVE');
    expect(analyzeText.keywords).toHaveLength(2);
    expect(analyzeText.keywords?.every((k) => !k.term.includes(' '))).toBe(true);
    expect(analyzeText).toMatchObject({ language: null, readability: null, stats: null, sentences: null });
  });

  test('a long text is analysed on a worker thread with the same result as a short one would get in place', async () => {
    const paragraph = 'The committee approved the excellent proposal after a long and careful debate. Nobody was unhappy with the outcome. ';
    const long = paragraph.repeat(400); // 46 KB: over the size analysed on the request's thread
    const { analyzeText } = await ts.client.request(AnalyzeTextQuery, { text: long, options: { keywords: 3 } });
    await prepareNlp();
    const expected = analyze(long, { keywords: 3, only: ['language', 'sentiment', 'keywords', 'readability', 'stats'] });
    expect(analyzeText.keywordMethod).toBe('RAKE');
    expect(analyzeText.stats).toEqual({ characters: expected.stats!.characters, words: expected.stats!.words, sentences: 800, averageSentenceLength: expected.stats!.averageSentenceLength, lexicalDiversity: expected.stats!.lexicalDiversity });
    expect(analyzeText.sentiment).toEqual({ ...expected.sentiment, label: expected.sentiment!.label.toUpperCase() });
    expect(analyzeText.keywords).toEqual(expected.keywords);
    expect(analyzeText.language?.code).toBe('en');
  });

  test('bad options and a text over the limit are BAD_USER_INPUT', async () => {
    await expectCode(ts.client.request(AnalyzeTextQuery, { text: 'x', options: { keywords: 1000 } }), 'BAD_USER_INPUT');
    await expectCode(ts.client.request(AnalyzeTextQuery, { text: 'x', options: { maxPhraseWords: 9 } }), 'BAD_USER_INPUT');
    await expectCode(ts.client.request(AnalyzeTextQuery, { text: 'x', options: { only: ['NOPE' as never] } }), 'BAD_USER_INPUT');
    const { message } = await expectCode(ts.client.request(AnalyzeTextQuery, { text: 'é'.repeat(512 * 1024 + 1) }), 'BAD_USER_INPUT');
    expect(message).toContain('over the limit of 1048576');
  });
});

describe('addDocuments and reading documents', () => {
  test('stores the batch with its analyses (keywords by TF-IDF over the batch) and returns them', async () => {
    const { addDocuments } = await add('reviews', reviews);
    expect(addDocuments).toMatchObject({ added: reviews.length, skipped: 0, collection: { name: 'reviews', documentCount: reviews.length } });
    expect(addDocuments.documents.map((d) => d.externalId)).toEqual(reviews.map((r) => r.externalId));
    expect(addDocuments.documents.map((d) => d.text)).toEqual(reviews.map((r) => r.text));
    const [r1, r2] = addDocuments.documents;
    expect(r1?.analysis.sentiment?.label).toBe('POSITIVE');
    expect(r2?.analysis.sentiment?.label).toBe('NEGATIVE');
    expect(r1?.analysis.keywordMethod).toBe('TFIDF');
    expect(r1?.analysis.keywords?.length).toBeGreaterThan(0);
    expect(r1?.collection.name).toBe('reviews');
    // Stored analyses keep no sentences (the text is stored).
    expect(r1?.analysis.sentences).toBeNull();

    // Read back: exactly what addDocuments answered.
    for (const d of addDocuments.documents) {
      const { document } = await ts.client.request(DocumentQuery, { id: d.id });
      expect(document).toEqual(d);
    }
    expect(await count('reviews')).toBe(reviews.length);
  });

  test('texts and externalIds with quotes, backslashes, braces, commas, "NULL" and emoji round-trip exactly', async () => {
    const tricky = [
      { externalId: 'NULL', text: 'He said "hi", then {left}; a back\\slash \\" and a tab\there.\nNew line: NULL, null, {"a": [1, 2]} 😀' },
      { externalId: '{"x",y}', text: 'NULL' },
      { externalId: 'e\\"\'', text: "L'été dernier, à Zürich — « très » bien !" },
    ];
    const { addDocuments } = await add('tricky', tricky);
    expect(addDocuments.documents.map((d) => [d.externalId, d.text])).toEqual(tricky.map((d) => [d.externalId, d.text]));
    const listed = await ts.client.request(DocumentsQuery, { collection: 'tricky' });
    expect(listed.documents.edges.map((e) => e.node.externalId)).toEqual(tricky.map((d) => d.externalId));
    for (const d of addDocuments.documents) expect((await ts.client.request(DocumentQuery, { id: d.id })).document).toEqual(d);
  });

  test('document(id) is null for an unknown document, BAD_USER_INPUT for what is not a document id', async () => {
    const { addDocuments } = await add('lookup', [{ text: 'One small document.' }]);
    const id = addDocuments.documents[0]?.id as string;
    const unknown = Buffer.from('Document:00000000-0000-7000-8000-000000000000').toString('base64url');
    expect((await ts.client.request(DocumentQuery, { id: unknown })).document).toBeNull();
    await expectCode(ts.client.request(DocumentQuery, { id: 'bm90LWFuLWlk' }), 'BAD_USER_INPUT');
    // A collection's id is not a document id.
    await expectCode(ts.client.request(DocumentQuery, { id: addDocuments.collection.id }), 'BAD_USER_INPUT');
    expect((await ts.client.request(DocumentQuery, { id })).document?.text).toBe('One small document.');
  });

  test('documents and collections are Nodes: node(id) finds them by their ids', async () => {
    const { addDocuments } = await add('nodes', [{ text: 'A document reachable as a node.' }]);
    const documentId = addDocuments.documents[0]?.id as string;
    expect((await ts.client.request(NodeQuery, { id: documentId })).node).toEqual({ __typename: 'Document', id: documentId, text: 'A document reachable as a node.' });
    expect((await ts.client.request(NodeQuery, { id: addDocuments.collection.id })).node).toEqual({ __typename: 'DocumentCollection', id: addDocuments.collection.id, name: 'nodes' });
    const unknown = Buffer.from('Document:00000000-0000-7000-8000-000000000000').toString('base64url');
    expect((await ts.client.request(NodeQuery, { id: unknown })).node).toBeNull();
  });

  test('documents: pages in insertion order with correct cursors and totalCount', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: DocumentsResult = await ts.client.request(DocumentsQuery, { collection: 'reviews', first: 3, after });
      const { documents } = data;
      expect(documents.totalCount).toBe(reviews.length);
      expect(documents.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(documents.pageInfo.startCursor).toBe(documents.edges[0]?.cursor ?? null);
      expect(documents.pageInfo.endCursor).toBe(documents.edges.at(-1)?.cursor ?? null);
      seen.push(...documents.edges.map((e) => e.node.externalId as string));
      pages++;
      if (!documents.pageInfo.hasNextPage) break;
      after = documents.pageInfo.endCursor ?? null;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(reviews.map((r) => r.externalId));
    // A cursor from the middle continues right after its document.
    const all = await ts.client.request(DocumentsQuery, { collection: 'reviews', first: 100 });
    const third = all.documents.edges[2]?.cursor as string;
    const rest = await ts.client.request(DocumentsQuery, { collection: 'reviews', first: 2, after: third });
    expect(rest.documents.edges.map((e) => e.node.externalId)).toEqual(['r4', 'r5']);
    expect(rest.documents.pageInfo.hasNextPage).toBe(true);
    const empty = await ts.client.request(DocumentsQuery, { collection: 'reviews', first: 0 });
    expect(empty.documents).toMatchObject({ edges: [], totalCount: reviews.length, pageInfo: { hasNextPage: true, startCursor: null, endCursor: null } });
  });

  test('documents: filters by language, sentiment label and keyword, with matching totalCount', async () => {
    const all = (await ts.client.request(DocumentsQuery, { collection: 'reviews', first: 100 })).documents.edges.map((e) => e.node);
    const ids = (filter: Parameters<typeof list>[0]) => list(filter).then((d) => d.edges.map((e) => e.node.externalId));
    async function list(filter: { language?: string; sentimentLabel?: 'POSITIVE' | 'NEGATIVE' | 'NEUTRAL'; keyword?: string }) {
      return (await ts.client.request(DocumentsQuery, { collection: 'reviews', filter, first: 100 })).documents;
    }
    expect(await ids({ language: 'de' })).toEqual(['r6']);
    expect(await ids({ language: 'FR' })).toEqual(['r7']);
    const english = all.filter((d) => d.analysis.language?.code === 'en').map((d) => d.externalId);
    expect(english).toEqual(expect.arrayContaining(['r1', 'r2', 'r3', 'r4', 'r5', 'r8']));
    expect(await ids({ language: 'en' })).toEqual(english);
    expect((await list({ language: 'en' })).totalCount).toBe(english.length);

    const negative = await ids({ sentimentLabel: 'NEGATIVE' });
    expect(negative).toEqual(expect.arrayContaining(['r2', 'r5']));
    expect(negative).toEqual(all.filter((d) => d.analysis.sentiment?.label === 'NEGATIVE').map((d) => d.externalId));
    expect(await ids({ sentimentLabel: 'POSITIVE', language: 'en' })).toEqual(expect.arrayContaining(['r1', 'r4']));

    // A keyword of r1: exactly the documents whose stored keywords include it.
    const term = all[0]?.analysis.keywords?.[0]?.term as string;
    expect(term).toBeTruthy();
    const having = all.filter((d) => d.analysis.keywords?.some((k) => k.term.toLowerCase() === term.toLowerCase())).map((d) => d.externalId);
    expect(having).toContain('r1');
    expect(await ids({ keyword: term.toUpperCase() })).toEqual(having);
    expect((await list({ keyword: term })).totalCount).toBe(having.length);
    expect(await ids({ keyword: 'no-such-keyword-anywhere' })).toEqual([]);
  });

  test('documents: unknown collection is NOT_FOUND; a malformed cursor, page size or language is BAD_USER_INPUT', async () => {
    await expectCode(ts.client.request(DocumentsQuery, { collection: 'nope' }), 'NOT_FOUND');
    await expectCode(ts.client.request(DocumentsQuery, { collection: 'reviews', after: 'not-a-cursor' }), 'BAD_USER_INPUT');
    const foreignCursor = Buffer.from(JSON.stringify(['documents', 'not-a-uuid'])).toString('base64url');
    await expectCode(ts.client.request(DocumentsQuery, { collection: 'reviews', after: foreignCursor }), 'BAD_USER_INPUT');
    await expectCode(ts.client.request(DocumentsQuery, { collection: 'reviews', first: 101 }), 'BAD_USER_INPUT');
    await expectCode(ts.client.request(DocumentsQuery, { collection: 'reviews', filter: { language: 'english!' } }), 'BAD_USER_INPUT');
  });

  test('documentCollections pages by name; documentCollection by name', async () => {
    await add('zz-last', [{ text: 'The last collection by name.' }]);
    const first = await ts.client.request(DocumentCollectionsQuery, { first: 1 });
    expect(first.documentCollections.edges).toHaveLength(1);
    expect(first.documentCollections.pageInfo.hasNextPage).toBe(true);
    const names: string[] = [];
    let after: string | null | undefined = null;
    for (;;) {
      const data: DocumentCollectionsResult = await ts.client.request(DocumentCollectionsQuery, { first: 2, after });
      const page = data.documentCollections;
      names.push(...page.edges.map((e) => e.node.name));
      if (!page.pageInfo.hasNextPage) {
        expect(page.totalCount).toBe(names.length);
        break;
      }
      after = page.pageInfo.endCursor;
    }
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['lookup', 'reviews', 'zz-last']));
    expect((await ts.client.request(CollectionQuery, { name: 'reviews' })).documentCollection).toEqual({ name: 'reviews', documentCount: reviews.length });
    expect((await ts.client.request(CollectionQuery, { name: 'never-made' })).documentCollection).toBeNull();
  });
});

describe('similarDocuments', () => {
  let ids: Record<string, string>;

  beforeAll(async () => {
    const { addDocuments } = await add('similar', nearDuplicates);
    ids = Object.fromEntries(addDocuments.documents.map((d) => [d.externalId as string, d.id]));
  });

  test('finds the near-duplicate (two words changed) first, never the document itself', async () => {
    const { similarDocuments } = await ts.client.request(SimilarDocumentsQuery, { id: ids.original as string, k: 5 });
    expect(similarDocuments[0]?.document.externalId).toBe('two-words-changed');
    expect(similarDocuments[0]?.similarity).toBeGreaterThan(0.6);
    expect(similarDocuments[0]?.similarity).toBeLessThan(1);
    expect(similarDocuments[0]?.document.collection.name).toBe('similar');
    expect(similarDocuments.map((s) => s.document.id)).not.toContain(ids.original);
    // Similarities come most similar first; unrelated texts share no band (or score far below).
    const scores = similarDocuments.map((s) => s.similarity);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const s of similarDocuments.slice(1)) expect(s.similarity).toBeLessThan(0.3);
    // And the other way round.
    const back = await ts.client.request(SimilarDocumentsQuery, { id: ids['two-words-changed'] as string, k: 1 });
    expect(back.similarDocuments.map((s) => s.document.externalId)).toEqual(['original']);
    expect(back.similarDocuments[0]?.similarity).toBeCloseTo(similarDocuments[0]?.similarity ?? 0, 10);
  });

  test('minSimilarity drops weaker matches; documents of other collections are never returned', async () => {
    await add('similar-elsewhere', [{ text: nearDuplicates[0]?.text as string }]);
    const strict = await ts.client.request(SimilarDocumentsQuery, { id: ids.original as string, minSimilarity: 0.5 });
    expect(strict.similarDocuments.map((s) => s.document.externalId)).toEqual(['two-words-changed']);
    const none = await ts.client.request(SimilarDocumentsQuery, { id: ids['other-topic-3'] as string, minSimilarity: 0.5 });
    expect(none.similarDocuments).toEqual([]);
  });

  test('unknown document is NOT_FOUND; bad id, k or minSimilarity BAD_USER_INPUT', async () => {
    const unknown = Buffer.from('Document:00000000-0000-7000-8000-000000000000').toString('base64url');
    await expectCode(ts.client.request(SimilarDocumentsQuery, { id: unknown }), 'NOT_FOUND');
    await expectCode(ts.client.request(SimilarDocumentsQuery, { id: 'garbage' }), 'BAD_USER_INPUT');
    await expectCode(ts.client.request(SimilarDocumentsQuery, { id: ids.original as string, k: 0 }), 'BAD_USER_INPUT');
    await expectCode(ts.client.request(SimilarDocumentsQuery, { id: ids.original as string, k: 101 }), 'BAD_USER_INPUT');
    await expectCode(ts.client.request(SimilarDocumentsQuery, { id: ids.original as string, minSimilarity: 1.5 }), 'BAD_USER_INPUT');
  });
});

describe('bad input stores nothing', () => {
  test('collection names, document count, text size, blank text and externalIds are checked before anything is written', async () => {
    const one = [{ text: 'fine' }];
    expect((await expectCode(add('', one), 'BAD_USER_INPUT')).message).toContain('invalid collection name');
    await expectCode(add('Has Space', one), 'BAD_USER_INPUT');
    await expectCode(add('fresh', []), 'BAD_USER_INPUT');
    const tooMany = await expectCode(add('fresh', Array.from({ length: 10_001 }, () => ({ text: 'a' }))), 'BAD_USER_INPUT');
    expect(tooMany.message).toContain('over the limit of 10000');
    const tooLong = await expectCode(add('fresh', [{ text: 'ok' }, { text: 'x'.repeat(1024 * 1024 + 1) }]), 'BAD_USER_INPUT');
    expect(tooLong.message).toContain('documents[1].text');
    expect(tooLong.extensions).toMatchObject({ index: 1, limit: 1024 * 1024 });
    expect((await expectCode(add('fresh', [{ text: 'ok' }, { text: 'ok' }, { text: '  \n ' }]), 'BAD_USER_INPUT')).extensions).toMatchObject({ index: 2 });
    expect((await expectCode(add('fresh', [{ text: 'nul \u0000 inside' }]), 'BAD_USER_INPUT')).message).toContain('NUL');
    const twice = await expectCode(add('fresh', [{ externalId: 'a', text: 'one' }, { externalId: 'b', text: 'two' }, { externalId: 'a', text: 'three' }]), 'BAD_USER_INPUT');
    expect(twice.message).toContain('documents[2].externalId "a" is also the externalId of documents[0]');
    await expectCode(add('fresh', [{ externalId: '', text: 'x' }]), 'BAD_USER_INPUT');
    await expectCode(add('fresh', [{ text: 'x' }], { keywords: -1 }), 'BAD_USER_INPUT');
    expect((await ts.client.request(CollectionQuery, { name: 'fresh' })).documentCollection).toBeNull();
  });

  test('an externalId already stored is CONFLICT and nothing of the batch is stored; SKIP adds the others', async () => {
    await add('dups', [{ externalId: 'a', text: 'The first document.' }]);
    const conflict = await expectCode(add('dups', [{ externalId: 'b', text: 'A new one.' }, { externalId: 'a', text: 'The first again.' }]), 'CONFLICT');
    expect(conflict.message).toContain('"a"');
    expect(await count('dups')).toBe(1);
    const listed = await ts.client.request(DocumentsQuery, { collection: 'dups' });
    expect(listed.documents.edges.map((e) => e.node.externalId)).toEqual(['a']);

    const skipped = await add('dups', [{ externalId: 'b', text: 'A new one.' }, { externalId: 'a', text: 'The first again.' }, { text: 'No externalId.' }], { onDuplicate: 'SKIP' });
    expect(skipped.addDocuments).toMatchObject({ added: 2, skipped: 1, collection: { documentCount: 3 } });
    expect(skipped.addDocuments.documents.map((d) => d.externalId)).toEqual(['b', null]);
    const a = (await ts.client.request(DocumentsQuery, { collection: 'dups' })).documents.edges.map((e) => e.node.externalId);
    expect(a).toEqual(['a', 'b', null]);
    // Only skipped ones: nothing to add, the collection as it is.
    const allSkipped = await add('dups', [{ externalId: 'a', text: 'again' }], { onDuplicate: 'SKIP' });
    expect(allSkipped.addDocuments).toMatchObject({ added: 0, skipped: 1, documents: [], collection: { documentCount: 3 } });
  });

  test('concurrent calls with the same externalId: one stores its batch, the other is CONFLICT and stores nothing', async () => {
    const batch = (tag: string) => [...bulkDocuments(150).map((d) => ({ ...d, externalId: `${tag}-${d.externalId}` })), { externalId: 'shared', text: `claimed by ${tag}` }];
    const ws = ts.ws();
    const events = collectUntil(ws, 'race', (all) => all.filter((e) => e.phase === 'DONE' || e.phase === 'FAILED').length === 2);
    await events.ready;
    const results = await Promise.allSettled([add('race', batch('x')), add('race', batch('y'))]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0]?.reason as { code?: string }).code).toBe('CONFLICT');
    expect(await count('race')).toBe(151);
    const winner = results[0]?.status === 'fulfilled' ? 'x' : 'y';
    const stored = await ts.client.request(DocumentsQuery, { collection: 'race', first: 100 });
    expect(stored.documents.totalCount).toBe(151);
    expect(stored.documents.edges.every((e) => e.node.externalId === 'shared' || e.node.externalId?.startsWith(`${winner}-`))).toBe(true);
    // Both calls passed the early check (the collection did not exist), so the loser found the
    // duplicate under the lock, after analysis: its ingest ends FAILED.
    const ends = (await events.done).filter((e) => e.phase === 'DONE' || e.phase === 'FAILED');
    expect(ends.map((e) => e.phase).sort()).toEqual(['DONE', 'FAILED']);
    expect(ends.find((e) => e.phase === 'FAILED')?.error).toContain('"shared"');
  });
});

describe('documentIngestProgress over graphql-ws', () => {
  test('a large batch reports ANALYZING, then STORING chunk by chunk, then DONE, in order', async () => {
    const ws = ts.ws();
    const other = collectUntil(ts.ws(), 'someone-else');
    const sub = collectUntil(ws, 'bulk', (all) => all.some((e) => e.phase === 'DONE' || e.phase === 'FAILED'));
    await Promise.all([sub.ready, other.ready]);
    const n = 1200;
    const { addDocuments } = await add('bulk', bulkDocuments(n));
    expect(addDocuments.added).toBe(n);
    const events = await sub.done;
    expect(new Set(events.map((e) => e.ingestId))).toEqual(new Set([addDocuments.ingestId]));
    expect(events.every((e) => e.collection === 'bulk' && e.error === null && !Number.isNaN(Date.parse(e.at)))).toBe(true);
    const phases = events.map((e) => e.phase);
    const order = ['ANALYZING', 'STORING', 'DONE'];
    expect(phases.map((p) => order.indexOf(p))).toEqual([...phases.map((p) => order.indexOf(p))].sort((a, b) => a - b));
    expect(phases[0]).toBe('ANALYZING');
    expect(phases.at(-1)).toBe('DONE');
    for (const phase of order) {
      const processed = events.filter((e) => e.phase === phase).map((e) => e.processed);
      expect({ phase, increasing: processed.every((p, i) => i === 0 || p > (processed[i - 1] as number)) }).toEqual({ phase, increasing: true });
    }
    const analyzing = events.filter((e) => e.phase === 'ANALYZING');
    expect(analyzing[0]?.processed).toBe(0);
    expect(analyzing.at(-1)?.processed).toBe(n);
    // 500 documents per INSERT: 0, 500, 1000, 1200.
    expect(events.filter((e) => e.phase === 'STORING').map((e) => e.processed)).toEqual([0, 500, 1000, 1200]);
    expect(events.at(-1)).toMatchObject({ phase: 'DONE', processed: n, total: n });
    expect(events.every((e) => e.total === n)).toBe(true);
    // At most 21 events per phase, however large the batch.
    expect(analyzing.length).toBeLessThanOrEqual(21);
    expect(other.received()).toEqual([]);
    expect(await count('bulk')).toBe(n);
  });
});

// Several API nodes exist only on Postgres (PGlite is one process's database).
if (backend === 'postgres') describe('progress across API nodes (Postgres LISTEN/NOTIFY)', () => {
  test('a subscriber on node A follows an ingest running on node B', async () => {
    const config = loadConfig({ ...process.env, DATABASE_URL: ts.db.databaseUrl, TREBUCHET_LOG_LEVEL: 'silent' }, { port: 0, host: '127.0.0.1', dataDir: ts.db.dataDir });
    const nodeB = await startServer(config);
    try {
      const sub = collectUntil(ts.ws(), 'cross-node', (all) => all.some((e) => e.phase === 'DONE'));
      await sub.ready;
      const { addDocuments } = await new TrebuchetClient(nodeB.url).request(AddDocumentsMutation, { collection: 'cross-node', documents: bulkDocuments(300) });
      const events = await sub.done;
      expect(events[0]).toMatchObject({ phase: 'ANALYZING', processed: 0, ingestId: addDocuments.ingestId });
      expect(events.at(-1)).toMatchObject({ phase: 'DONE', processed: 300, total: 300, ingestId: addDocuments.ingestId });
    } finally {
      await nodeB.close();
    }
  });
});

describe('removeDocumentCollection', () => {
  test('removes the collection with its documents; NOT_FOUND afterwards', async () => {
    const { addDocuments } = await add('doomed', nearDuplicates);
    const id = addDocuments.documents[0]?.id as string;
    const removed = await ts.client.request(RemoveDocumentCollectionMutation, { name: 'doomed' });
    expect(removed.removeDocumentCollection).toEqual({ name: 'doomed', removedDocuments: nearDuplicates.length });
    expect((await ts.client.request(DocumentQuery, { id })).document).toBeNull();
    expect((await ts.client.request(CollectionQuery, { name: 'doomed' })).documentCollection).toBeNull();
    await expectCode(ts.client.request(RemoveDocumentCollectionMutation, { name: 'doomed' }), 'NOT_FOUND');
    // The similar-search tables hold nothing of it any more.
    const rows = await ts.server.platform.db.sql.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM "DocumentBand" b LEFT JOIN "DocumentCollection" c ON c.id = b."collectionId" WHERE c.id IS NULL)::int
            + (SELECT count(*) FROM "DocumentKeyword" k LEFT JOIN "Document" d ON d.id = k."documentId" WHERE d.id IS NULL)::int AS n`,
    );
    expect(rows[0]?.n).toBe(0);
  });
});

describe('DataLoader batching', () => {
  test('a page of documents with their collections, and similar documents with theirs, take a constant number of statements', async () => {
    const stats = ts.server.platform.db.stats;
    const statements = async (first: number) => {
      const before = stats.statements;
      const body = await ts.client.raw(`query($first: Int) { documents(collection: "bulk", first: $first) { edges { node { id collection { name documentCount } } } } }`, { first });
      expect(body.errors).toBeUndefined();
      return stats.statements - before;
    };
    // The collection, the page, the collections of its documents (one loader batch).
    expect(await statements(5)).toBe(3);
    expect(await statements(100)).toBe(3);

    const id = (await ts.client.request(DocumentsQuery, { collection: 'similar', first: 1 })).documents.edges[0]?.node.id as string;
    const before = stats.statements;
    const body = await ts.client.request(SimilarDocumentsQuery, { id, k: 10 });
    expect(body.similarDocuments.length).toBeGreaterThan(0);
    // The document, its candidates with signatures, the matches (one batch), their collections (one batch).
    expect(stats.statements - before).toBe(4);
  });
});

/**
 * Subscribes to the progress of a collection and collects events until `until` says so (failing
 * after `timeoutMs`); without `until`, collects until the client is disposed.
 */
function collectUntil(client: Client, collection: string, until?: (events: ProgressEvent[]) => boolean, timeoutMs = 30_000) {
  const events: ProgressEvent[] = [];
  let readyResolve!: () => void;
  const ready = new Promise<void>((r) => (readyResolve = r));
  const done = new Promise<ProgressEvent[]>((resolve, reject) => {
    const timer = until ? setTimeout(() => fail(new Error(`progress of "${collection}": ${events.length} events in ${timeoutMs} ms without the end: ${JSON.stringify(events)}`)), timeoutMs) : undefined;
    const fail = (err: Error) => {
      clearTimeout(timer);
      unsubscribe();
      reject(err);
    };
    const unsubscribe = client.subscribe<ProgressResult>(
      { query: print(DocumentIngestProgressSubscription), variables: { collection } },
      {
        next: (value) => {
          if (value.errors) return fail(new Error(JSON.stringify(value.errors)));
          if (value.data) events.push(value.data.documentIngestProgress);
          if (until?.(events)) {
            clearTimeout(timer);
            unsubscribe();
            resolve(events);
          }
        },
        error: (err) => fail(err instanceof Error ? err : new Error(JSON.stringify(err))),
        complete: () => undefined,
      },
    );
  });
  // graphql-ws acknowledges a subscribe only by sending results; wait for the socket to open.
  client.on('connected', () => setTimeout(readyResolve, 50));
  return { ready, done, received: () => [...events] };
}
