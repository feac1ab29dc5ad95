// The SQL of the document collections: bulk inserts inside the ingest transaction, the LSH
// candidate lookup, and the id and signature formats the stored rows use. The service orchestrates;
// this module only reads and writes rows.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import type { SqlPort } from '../db/migrate';
import { Prisma, type PrismaClient } from '../db';

/** A stored document as Prisma returns it; parent of the `Document` type. */
export type DocumentRow = Prisma.DocumentModel;
/** A collection as Prisma returns it; parent of the `DocumentCollection` type. */
export type DocumentCollectionRow = Prisma.DocumentCollectionModel;

/** A client or an interactive transaction: the store runs on either. */
type Db = PrismaClient | Prisma.TransactionClient;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Makes UUIDv7 ids (RFC 9562): 48 bits of Unix milliseconds, a 12-bit counter, 62 random bits.
 * Postgres orders uuids bytewise, so ids made later sort after: keyset paging by id lists the
 * documents of a collection in the order they were added. Within one millisecond the counter keeps
 * this process's ids increasing; when it runs out (4096 ids in a millisecond) the timestamp moves
 * on by one, and it never moves back, even when the clock does.
 */
export function makeUuidV7(clock: Clock): () => string {
  let lastMs = 0;
  let counter = 0;
  return () => {
    const now = clock.now().getTime();
    if (now > lastMs) {
      lastMs = now;
      counter = 0;
    } else if (++counter > 0xfff) {
      lastMs++;
      counter = 0;
    }
    const b = randomBytes(16);
    b.writeUIntBE(lastMs, 0, 6);
    b[6] = 0x70 | (counter >> 8);
    b[7] = counter & 0xff;
    b[8] = 0x80 | ((b[8] as number) & 0x3f);
    const hex = b.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}

/** A MinHash signature as stored: the engine's little-endian bytes, base64 (Document.signature is text). */
export function signatureToText(bytes: Buffer): string {
  return bytes.toString('base64');
}

export function signatureFromText(text: string): Buffer {
  return Buffer.from(text, 'base64');
}

/**
 * Creates the collection when missing and takes its row lock until the transaction ends: every
 * addDocuments to one collection runs after the previous one committed, so its duplicate check
 * sees every stored externalId and the document count never misses an increment.
 */
export async function lockCollection(tx: Prisma.TransactionClient, name: string, now: Date): Promise<DocumentCollectionRow> {
  // ON CONFLICT DO NOTHING waits for a concurrent first call's insert of the same name to commit or
  // roll back instead of failing on the unique index; the locking read then sees the row either way.
  await tx.$executeRaw`INSERT INTO "DocumentCollection" (name, "createdAt", "updatedAt") VALUES (${name}, ${now}, ${now}) ON CONFLICT (name) DO NOTHING`;
  const rows = await tx.$queryRaw<DocumentCollectionRow[]>`SELECT * FROM "DocumentCollection" WHERE name = ${name} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new Error(`document collection "${name}" vanished while being locked`);
  return row;
}

/** The externalIds among `externalIds` that the collection already stores. */
export async function storedExternalIds(db: Db, collectionId: string, externalIds: readonly string[]): Promise<string[]> {
  if (externalIds.length === 0) return [];
  const rows = await db.$queryRawUnsafe<{ externalId: string }[]>(
    `SELECT "externalId" FROM "Document" WHERE "collectionId" = $1::uuid AND "externalId" = ANY($2::text[])`,
    collectionId,
    [...externalIds],
  );
  return rows.map((r) => r.externalId);
}

export interface KeywordRow {
  documentId: string;
  term: string;
  score: number;
}

export interface BandRow {
  documentId: string;
  key: string;
}

// Rows go in as one INSERT … SELECT FROM unnest(arrays) per table and chunk: a parameter per column
// instead of one per column and row, and no per-row work in Prisma (createMany spent more time
// building its statement than Postgres spent running it).

export async function insertDocuments(tx: Prisma.TransactionClient, rows: DocumentRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "Document" (id, "collectionId", "externalId", text, language, "sentimentLabel", sentiment, analysis, signature, "createdAt")
     SELECT id, c, e, t, l, s::"SentimentLabel", x, a::jsonb, g, ts
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::text[], $9::text[], $10::timestamptz[])
       AS d(id, c, e, t, l, s, x, a, g, ts)`,
    rows.map((r) => r.id),
    rows.map((r) => r.collectionId),
    rows.map((r) => r.externalId),
    rows.map((r) => r.text),
    rows.map((r) => r.language),
    rows.map((r) => r.sentimentLabel),
    rows.map((r) => r.sentiment),
    rows.map((r) => JSON.stringify(r.analysis)),
    rows.map((r) => r.signature),
    rows.map((r) => r.createdAt),
  );
}

export async function insertKeywords(tx: Prisma.TransactionClient, collectionId: string, rows: KeywordRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "DocumentKeyword" ("documentId", "collectionId", term, score)
     SELECT d, $1::uuid, t, s FROM unnest($2::uuid[], $3::text[], $4::float8[]) AS k(d, t, s)`,
    collectionId,
    rows.map((r) => r.documentId),
    rows.map((r) => r.term),
    rows.map((r) => r.score),
  );
}

export async function insertBands(tx: Prisma.TransactionClient, collectionId: string, rows: BandRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "DocumentBand" ("collectionId", key, "documentId")
     SELECT $1::uuid, k, d FROM unnest($2::text[], $3::uuid[]) AS b(k, d)`,
    collectionId,
    rows.map((r) => r.key),
    rows.map((r) => r.documentId),
  );
}

/**
 * The documents of the collection sharing at least one band key with `keys` (other than
 * `exclude`), those sharing the most bands first, at most `limit` — one range scan of the
 * (collectionId, key, documentId) primary key per key.
 */
export async function bandCandidates(sql: SqlPort, collectionId: string, keys: readonly string[], exclude: string, limit: number): Promise<{ documentId: string; signature: string }[]> {
  return sql.query<{ documentId: string; signature: string }>(
    `SELECT c."documentId", d.signature
     FROM (
       SELECT "documentId", count(*) AS shared
       FROM "DocumentBand"
       WHERE "collectionId" = $1::uuid AND key = ANY($2::text[]) AND "documentId" <> $3::uuid
       GROUP BY "documentId"
       ORDER BY shared DESC, "documentId"
       LIMIT $4
     ) c
     JOIN "Document" d ON d.id = c."documentId"`,
    [collectionId, [...keys], exclude, limit],
  );
}
