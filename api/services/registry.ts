// The model registry service: models, versions (with validated, content-addressed artifacts),
// aliases with their history, and tags. The one place that touches both Prisma and the artifact
// store for the registry; resolvers call it, loaders read through it.
import type { Readable } from 'node:stream';
import { ConflictError, DomainError, InvalidInputError, NotFoundError } from '../../engines/errors';
import type { Clock } from '../clock';
import type { SqlPort } from '../db/migrate';
import { Prisma, type ModelAliasEventRow, type ModelAliasRow, type ModelRow, type ModelVersionRow, type PrismaClient } from '../db';
import { decodeCursor, encodeCursor, pageSize } from '../ids';
import { filterIterator, type PubSub } from '../pubsub';
import type { ArtifactStore } from '../storage/artifacts';
import { inspectArtifact, type Framework } from './artifact-inspection';

/** Topic carrying every registry event; subscribers filter by model. */
export const REGISTRY_TOPIC = 'registry';

export type RegistryEventType =
  | 'MODEL_CREATED'
  | 'MODEL_UPDATED'
  | 'MODEL_DELETED'
  | 'VERSION_REGISTERED'
  | 'ALIAS_MOVED'
  | 'ALIAS_DELETED'
  | 'TAGS_CHANGED';

/** What subscribers receive; plain JSON so it crosses processes over LISTEN/NOTIFY. */
export interface RegistryEvent {
  type: RegistryEventType;
  modelName: string;
  modelId: string;
  version: number | null;
  alias: string | null;
  fromVersion: number | null;
  at: string;
}

export type Tags = Record<string, string>;
export interface TagChange {
  key: string;
  value?: string | null;
}

/** Where a new version's bytes come from. */
export type ArtifactSource = { kind: 'stream'; stream: Readable } | { kind: 'base64'; data: string };

export interface RegistryLimits {
  maxUploadBytes: number;
  maxBase64Bytes: number;
}

export interface ModelFilter {
  namePrefix?: string | null;
  task?: string | null;
  tag?: TagChange | null;
}

export interface Page<T> {
  rows: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  cursor(row: T): string;
}

/**
 * A page from the `take + 1` rows a keyset query returned after cursor value `after` (undefined on
 * the first page): the extra row only tells that a next page exists.
 */
export function keysetPage<T, Extra extends object = object>(rows: T[], take: number, after: unknown, cursor: (row: T) => string, extra: Extra = {} as Extra): Page<T> & Extra {
  const hasNextPage = rows.length > take;
  if (hasNextPage) rows.pop();
  return { rows, hasNextPage, hasPreviousPage: after !== undefined, cursor, ...extra };
}

/** Parent of `ModelConnection`. */
export type ModelPage = Page<ModelRow> & { totalCount(): Promise<number> };
/** Parent of `ModelVersionConnection`. */
export type VersionPage = Page<ModelVersionRow>;
/** Parent of `SetTagsPayload`. */
export interface SetTagsResult {
  model: ModelRow;
  version: ModelVersionRow | null;
  tags: Tags;
}

export interface RegisterVersionInput {
  model: string;
  framework: Framework;
  /** Opens the multipart upload's stream; give this or `artifactBase64`, not both. */
  upload?: (() => Promise<Readable>) | null;
  artifactBase64?: string | null;
  description?: string | null;
  metrics?: unknown;
  metadata?: unknown;
  tags?: TagChange[] | null;
  sourceRun?: string | null;
  parentVersion?: number | null;
}

const MODEL_NAME = /^[a-z0-9][a-z0-9._-]{0,127}$/;
const ALIAS_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MAX_TEXT = 10_000;

export function validateModelName(name: string): void {
  if (!MODEL_NAME.test(name)) {
    throw new InvalidInputError(
      `invalid model name "${name.slice(0, 140)}": use 1–128 lowercase letters, digits, "-", "_" or ".", starting with a letter or digit`,
      { field: 'name' },
    );
  }
}

function validateAliasName(alias: string): void {
  if (!ALIAS_NAME.test(alias)) {
    throw new InvalidInputError(
      `invalid alias name "${alias.slice(0, 80)}": use 1–64 letters, digits, "-", "_" or ".", starting with a letter or digit`,
      { field: 'alias' },
    );
  }
}

function validateText(field: string, value: string | null | undefined): void {
  if (value && value.length > MAX_TEXT) {
    throw new InvalidInputError(`${field} is ${value.length} characters, over the limit of ${MAX_TEXT}`, { field });
  }
}

/** Applies tag changes to `current`; a null value removes a key. Validates keys and values. */
export function applyTagChanges(current: Tags, changes: TagChange[], replace = false): Tags {
  const next: Tags = replace ? {} : { ...current };
  const seen = new Set<string>();
  for (const { key, value } of changes) {
    if (key.length < 1 || key.length > 128) throw new InvalidInputError(`tag key must be 1–128 characters, found "${key.slice(0, 140)}"`, { field: 'tags' });
    if (seen.has(key)) throw new InvalidInputError(`tag key "${key}" is given twice`, { field: 'tags' });
    seen.add(key);
    if (value === null || value === undefined) {
      delete next[key];
    } else {
      if (value.length > 1024) throw new InvalidInputError(`tag "${key}" has a value over 1024 characters`, { field: 'tags' });
      next[key] = value;
    }
  }
  return Object.fromEntries(Object.entries(next).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function jsonObject(field: string, value: unknown, numbersOnly = false): Prisma.InputJsonObject {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidInputError(`${field} must be a JSON object`, { field });
  }
  if (numbersOnly) {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new InvalidInputError(`${field}.${k} must be a finite number, found ${JSON.stringify(v)}`, { field });
      }
    }
  }
  return value as Prisma.InputJsonObject;
}

/** Base64 as sent by clients: standard or URL alphabet, optional padding, no whitespace. */
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** Reads an artifact into memory, refusing it as soon as it passes `limit` bytes. */
async function readArtifact(source: ArtifactSource, limits: RegistryLimits): Promise<Uint8Array> {
  if (source.kind === 'base64') {
    const { data } = source;
    const decodedLength = Math.floor((data.length * 3) / 4);
    if (decodedLength > limits.maxBase64Bytes + 2) {
      throw new InvalidInputError(
        `artifactBase64 is about ${decodedLength} bytes, over the base64 limit of ${limits.maxBase64Bytes} bytes; send larger artifacts as a multipart upload`,
        { field: 'artifactBase64', limit: limits.maxBase64Bytes },
      );
    }
    if (data.length % 4 === 1 || !BASE64.test(data)) {
      throw new InvalidInputError('artifactBase64 is not valid base64', { field: 'artifactBase64' });
    }
    const bytes = Buffer.from(data, data.includes('-') || data.includes('_') ? 'base64url' : 'base64');
    if (bytes.length > limits.maxBase64Bytes) {
      throw new InvalidInputError(`artifactBase64 is ${bytes.length} bytes, over the base64 limit of ${limits.maxBase64Bytes} bytes`, {
        field: 'artifactBase64',
        limit: limits.maxBase64Bytes,
      });
    }
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of source.stream) {
      const buf = chunk as Buffer;
      total += buf.length;
      if (total > limits.maxUploadBytes) break;
      chunks.push(buf);
    }
  } catch (err) {
    // The multipart parser truncates the file one byte past the limit and errors the stream.
    if (total <= limits.maxUploadBytes) throw new InvalidInputError(`artifact upload failed: ${(err as Error).message}`, { field: 'artifact' });
  }
  if (total > limits.maxUploadBytes) {
    source.stream.destroy();
    throw new InvalidInputError(`artifact is over the upload limit of ${limits.maxUploadBytes} bytes`, {
      field: 'artifact',
      limit: limits.maxUploadBytes,
    });
  }
  return Buffer.concat(chunks);
}

async function sourceOf(input: RegisterVersionInput): Promise<ArtifactSource> {
  const hasUpload = Boolean(input.upload);
  const hasBase64 = input.artifactBase64 !== null && input.artifactBase64 !== undefined;
  if (hasUpload === hasBase64) {
    throw new InvalidInputError('give the artifact either as `artifact` (upload) or as `artifactBase64`, exactly one of them', { field: 'artifact' });
  }
  if (hasBase64) return { kind: 'base64', data: input.artifactBase64 as string };
  return { kind: 'stream', stream: await (input.upload as () => Promise<Readable>)() };
}

/**
 * Takes the model row's lock until the transaction ends: every change to a model's aliases, tags
 * or existence goes through it, so concurrent changes to one model apply one after the other.
 */
async function lockModel(tx: Prisma.TransactionClient, modelId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Model" WHERE id = ${modelId}::uuid FOR UPDATE`;
}

/** P2002 (unique violation) → CONFLICT; other errors pass through. */
function mapUnique(err: unknown, message: string): never {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw new ConflictError(message);
  throw err;
}

export interface RegistryDeps {
  prisma: PrismaClient;
  /** Plain SQL for the hot read paths (see versionPages). */
  sql: SqlPort;
  store: ArtifactStore;
  pubsub: PubSub;
  clock: Clock;
  limits: RegistryLimits;
  /** Errors that must not fail the request (e.g. a publish after commit) are reported here. */
  onBackgroundError?: (err: unknown, what: string) => void;
}

export class RegistryService {
  constructor(private readonly deps: RegistryDeps) {}

  private get prisma(): PrismaClient {
    return this.deps.prisma;
  }

  private async publish(event: Omit<RegistryEvent, 'at'> & { at?: Date }): Promise<void> {
    const payload: RegistryEvent = { ...event, at: (event.at ?? this.deps.clock.now()).toISOString() };
    try {
      await this.deps.pubsub.publish(REGISTRY_TOPIC, payload);
    } catch (err) {
      // The change is committed; a lost notification must not turn it into an error.
      this.deps.onBackgroundError?.(err, 'publish registry event');
    }
  }

  // ── models ────────────────────────────────────────────────────────────────

  async listModels(filter: ModelFilter | null | undefined, first?: number | null, after?: string | null): Promise<ModelPage> {
    const take = pageSize(first);
    const afterName = after ? decodeCursor<string>('models', after, 'string') : undefined;
    const where: Prisma.ModelWhereInput = {};
    if (filter?.namePrefix) where.name = { startsWith: filter.namePrefix };
    if (filter?.task) where.task = filter.task;
    if (filter?.tag) {
      if (filter.tag.value === null || filter.tag.value === undefined) where.tags = { path: [filter.tag.key], not: Prisma.AnyNull };
      else where.tags = { path: [filter.tag.key], equals: filter.tag.value };
    }
    const rows = await this.prisma.model.findMany({
      where: afterName === undefined ? where : { AND: [where, { name: { gt: afterName } }] },
      orderBy: { name: 'asc' },
      take: take + 1,
    });
    return keysetPage(rows, take, afterName, (m) => encodeCursor('models', m.name), { totalCount: () => this.prisma.model.count({ where }) });
  }

  async findModel(name: string): Promise<ModelRow | null> {
    return this.prisma.model.findUnique({ where: { name } });
  }

  async requireModel(name: string): Promise<ModelRow> {
    const model = await this.findModel(name);
    if (!model) throw new NotFoundError(`model "${name}" not found`, { model: name });
    return model;
  }

  async modelsByIds(ids: readonly string[]): Promise<ModelRow[]> {
    return this.prisma.model.findMany({ where: { id: { in: [...ids] } } });
  }

  async createModel(input: { name: string; description?: string | null; task?: string | null; tags?: TagChange[] | null }): Promise<ModelRow> {
    validateModelName(input.name);
    validateText('description', input.description);
    validateText('task', input.task);
    const tags = applyTagChanges({}, input.tags ?? []);
    const model = await this.prisma.model
      .create({ data: { name: input.name, description: input.description ?? null, task: input.task ?? null, tags } })
      .catch((err) => mapUnique(err, `model "${input.name}" already exists`));
    await this.publish({ type: 'MODEL_CREATED', modelName: model.name, modelId: model.id, version: null, alias: null, fromVersion: null, at: model.createdAt });
    return model;
  }

  async updateModel(input: { name: string; description?: string | null; task?: string | null }): Promise<ModelRow> {
    validateText('description', input.description);
    validateText('task', input.task);
    const data: Prisma.ModelUpdateInput = {};
    if (input.description !== undefined) data.description = input.description;
    if (input.task !== undefined) data.task = input.task;
    const model = await this.requireModel(input.name);
    const updated = await this.prisma.model.update({ where: { id: model.id }, data });
    await this.publish({ type: 'MODEL_UPDATED', modelName: model.name, modelId: model.id, version: null, alias: null, fromVersion: null });
    return updated;
  }

  /**
   * Deletes a model with its versions, aliases and alias history, then removes artifacts that no
   * other version references. Refused while an alias points at one of its versions, unless forced.
   */
  async deleteModel(name: string, force = false): Promise<{ name: string; deletedVersions: number }> {
    const model = await this.requireModel(name);
    const { shas, deletedVersions } = await this.prisma.$transaction(async (tx) => {
      await lockModel(tx, model.id);
      const aliases = await tx.modelAlias.findMany({ where: { modelId: model.id }, orderBy: { name: 'asc' } });
      if (aliases.length > 0 && !force) {
        throw new DomainError(
          'PRECONDITION_FAILED',
          `model "${name}" has aliases pointing at its versions (${aliases.map((a) => `${a.name} → ${a.version}`).join(', ')}); delete them first or pass force: true`,
          { aliases: aliases.map((a) => a.name) },
        );
      }
      const versions = await tx.modelVersion.findMany({ where: { modelId: model.id }, select: { sha256: true } });
      await tx.model.delete({ where: { id: model.id } });
      return { shas: [...new Set(versions.map((v) => v.sha256))], deletedVersions: versions.length };
    });
    await this.collectArtifacts(shas);
    await this.publish({ type: 'MODEL_DELETED', modelName: name, modelId: model.id, version: null, alias: null, fromVersion: null });
    return { name, deletedVersions };
  }

  /** Deletes stored artifacts that no version references any more. */
  private async collectArtifacts(shas: string[]): Promise<void> {
    if (shas.length === 0) return;
    const still = await this.prisma.modelVersion.findMany({ where: { sha256: { in: shas } }, select: { sha256: true }, distinct: ['sha256'] });
    const keep = new Set(still.map((s) => s.sha256));
    for (const sha of shas) if (!keep.has(sha)) await this.deps.store.delete(sha);
  }

  // ── versions ──────────────────────────────────────────────────────────────

  /**
   * Registers a version: validates everything (input, size, artifact against its framework)
   * before storing anything; numbers it under the model's row lock so concurrent registrations
   * never collide or skip; removes the stored bytes again if the database write fails.
   */
  async registerVersion(input: RegisterVersionInput): Promise<ModelVersionRow> {
    validateText('description', input.description);
    validateText('sourceRun', input.sourceRun);
    const metrics = jsonObject('metrics', input.metrics, true);
    const metadata = jsonObject('metadata', input.metadata);
    const tags = applyTagChanges({}, input.tags ?? []);
    const model = await this.requireModel(input.model);
    if (input.parentVersion !== null && input.parentVersion !== undefined) {
      const parent = await this.prisma.modelVersion.findUnique({ where: { modelId_version: { modelId: model.id, version: input.parentVersion } } });
      if (!parent) throw new NotFoundError(`model "${model.name}" has no version ${input.parentVersion} (parentVersion)`, { field: 'parentVersion' });
    }
    const bytes = await readArtifact(await sourceOf(input), this.deps.limits);
    if (bytes.length === 0) throw new InvalidInputError('artifact is empty', { field: 'artifact' });
    const { signature } = await inspectArtifact(bytes, input.framework);
    const stored = await this.deps.store.put(bytes);
    let row: ModelVersionRow;
    try {
      row = await this.prisma.$transaction(async (tx) => {
        // The increment takes the model row's lock until commit: the next registration waits,
        // then sees this number; a rollback gives the number back.
        const { versionCounter } = await tx.model.update({
          where: { id: model.id },
          data: { versionCounter: { increment: 1 } },
          select: { versionCounter: true },
        });
        return tx.modelVersion.create({
          data: {
            modelId: model.id,
            version: versionCounter,
            framework: input.framework,
            sha256: stored.sha256,
            size: BigInt(stored.size),
            storageUri: stored.uri,
            signature: signature ? (signature as unknown as Prisma.InputJsonObject) : Prisma.DbNull,
            metrics,
            metadata,
            description: input.description ?? null,
            tags,
            sourceRun: input.sourceRun ?? null,
            parentVersion: input.parentVersion ?? null,
            createdAt: this.deps.clock.now(),
          },
        });
      });
    } catch (err) {
      if (stored.created) await this.collectArtifacts([stored.sha256]);
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2025') {
        throw new NotFoundError(`model "${input.model}" not found`, { model: input.model });
      }
      throw err;
    }
    await this.publish({ type: 'VERSION_REGISTERED', modelName: model.name, modelId: model.id, version: row.version, alias: null, fromVersion: null, at: row.createdAt });
    return row;
  }

  async findVersion(modelName: string, version?: number | null, alias?: string | null): Promise<ModelVersionRow | null> {
    if (version !== null && version !== undefined && alias) {
      throw new InvalidInputError('give either version or alias, not both', { field: 'alias' });
    }
    const model = await this.findModel(modelName);
    if (!model) return null;
    if (alias) {
      const a = await this.prisma.modelAlias.findUnique({ where: { modelId_name: { modelId: model.id, name: alias } }, include: { target: true } });
      return a?.target ?? null;
    }
    const number = version ?? model.versionCounter;
    if (number < 1) return null;
    return this.prisma.modelVersion.findUnique({ where: { modelId_version: { modelId: model.id, version: number } } });
  }

  async versionsByIds(ids: readonly string[]): Promise<ModelVersionRow[]> {
    return this.prisma.modelVersion.findMany({ where: { id: { in: [...ids] } } });
  }

  // The read paths below answer the DataLoaders on every page of models. They use plain SQL
  // through the database port rather than Prisma: one statement each, no query planning per call
  // and no per-row result mapping (see BENCHMARKS.md, API).

  /** Versions by (modelId, version) pairs, in one statement. */
  async versionsByNumbers(keys: readonly { modelId: string; version: number }[]): Promise<ModelVersionRow[]> {
    if (keys.length === 0) return [];
    const rows = await this.deps.sql.query<ModelVersionRow>(
      `SELECT v.* FROM "ModelVersion" v
       JOIN unnest($1::uuid[], $2::int[]) AS k("modelId", version) ON v."modelId" = k."modelId" AND v.version = k.version`,
      [keys.map((k) => k.modelId), keys.map((k) => k.version)],
    );
    return rows.map(normalizeRawVersion);
  }

  /**
   * The newest `first` versions of each model (older than `afterVersion` when given), plus one
   * more per model to tell whether a next page exists — one statement for all models, using a
   * window function, so a page of models with their versions costs a constant number of queries.
   */
  async versionPages(modelIds: readonly string[], first: number, afterVersion: number | null): Promise<Map<string, { rows: ModelVersionRow[]; hasNextPage: boolean }>> {
    const ids = [...modelIds];
    const rows = await this.deps.sql.query<ModelVersionRow & { rn: unknown }>(
      `SELECT * FROM (
         SELECT v.*, row_number() OVER (PARTITION BY v."modelId" ORDER BY v.version DESC) AS rn
         FROM "ModelVersion" v
         WHERE v."modelId" = ANY($1::uuid[]) AND ($2::int IS NULL OR v.version < $2::int)
       ) ranked
       WHERE rn <= $3
       ORDER BY "modelId", version DESC`,
      [ids, afterVersion, first + 1],
    );
    const out = new Map<string, { rows: ModelVersionRow[]; hasNextPage: boolean }>();
    for (const id of ids) out.set(id, { rows: [], hasNextPage: false });
    for (const { rn: _rn, ...row } of rows) {
      const page = out.get(row.modelId);
      if (!page) continue;
      if (page.rows.length < first) page.rows.push(normalizeRawVersion(row));
      else page.hasNextPage = true;
    }
    return out;
  }

  // ── aliases ───────────────────────────────────────────────────────────────

  /** Current aliases of the models, each with the version it points at, in one statement. */
  async aliasesWithTargets(modelIds: readonly string[]): Promise<{ alias: ModelAliasRow; target: ModelVersionRow }[]> {
    const rows = await this.deps.sql.query<ModelVersionRow & { aliasName: string; aliasUpdatedAt: Date }>(
      `SELECT a.name AS "aliasName", a."updatedAt" AS "aliasUpdatedAt", v.*
       FROM "ModelAlias" a
       -- LATERAL … LIMIT 1 keeps this an index lookup per alias; a plain join made the planner
       -- hash-join the whole ModelVersion table (1.8 ms vs 0.4 ms on the bench registry).
       CROSS JOIN LATERAL (
         SELECT * FROM "ModelVersion" mv WHERE mv."modelId" = a."modelId" AND mv.version = a.version LIMIT 1
       ) v
       WHERE a."modelId" = ANY($1::uuid[])
       ORDER BY a."modelId", a.name`,
      [[...modelIds]],
    );
    return rows.map(({ aliasName, aliasUpdatedAt, ...version }) => ({
      alias: { modelId: version.modelId, name: aliasName, version: version.version, updatedAt: aliasUpdatedAt },
      target: normalizeRawVersion(version),
    }));
  }

  /**
   * Points `alias` at `version` of the same model, creating or moving it, and records the move
   * in the same transaction: the alias and its history can never disagree.
   */
  async setAlias(modelName: string, alias: string, version: number, note?: string | null): Promise<ModelVersionRow> {
    validateAliasName(alias);
    validateText('note', note);
    const model = await this.requireModel(modelName);
    const at = this.deps.clock.now();
    const { target, from } = await this.prisma.$transaction(async (tx) => {
      // Serialises alias moves of this model, so `fromVersion` is exactly the previous target.
      await lockModel(tx, model.id);
      const target = await tx.modelVersion.findUnique({ where: { modelId_version: { modelId: model.id, version } } });
      if (!target) throw new NotFoundError(`model "${modelName}" has no version ${version}`, { model: modelName, version });
      const current = await tx.modelAlias.findUnique({ where: { modelId_name: { modelId: model.id, name: alias } } });
      await tx.modelAlias.upsert({
        where: { modelId_name: { modelId: model.id, name: alias } },
        create: { modelId: model.id, name: alias, version, updatedAt: at },
        update: { version, updatedAt: at },
      });
      await tx.modelAliasEvent.create({ data: { modelId: model.id, alias, fromVersion: current?.version ?? null, toVersion: version, note: note ?? null, createdAt: at } });
      return { target, from: current?.version ?? null };
    });
    await this.publish({ type: 'ALIAS_MOVED', modelName: model.name, modelId: model.id, version, alias, fromVersion: from, at });
    return target;
  }

  async deleteAlias(modelName: string, alias: string, note?: string | null): Promise<ModelVersionRow> {
    validateText('note', note);
    const model = await this.requireModel(modelName);
    const at = this.deps.clock.now();
    const target = await this.prisma.$transaction(async (tx) => {
      await lockModel(tx, model.id);
      const current = await tx.modelAlias.findUnique({ where: { modelId_name: { modelId: model.id, name: alias } }, include: { target: true } });
      if (!current) throw new NotFoundError(`model "${modelName}" has no alias "${alias}"`, { model: modelName, alias });
      await tx.modelAlias.delete({ where: { modelId_name: { modelId: model.id, name: alias } } });
      await tx.modelAliasEvent.create({ data: { modelId: model.id, alias, fromVersion: current.version, toVersion: null, note: note ?? null, createdAt: at } });
      return current.target;
    });
    await this.publish({ type: 'ALIAS_DELETED', modelName: model.name, modelId: model.id, version: null, alias, fromVersion: target.version, at });
    return target;
  }

  /** The version number `alias` pointed at, at time `at` (null: it did not exist then). */
  async aliasVersionAt(modelId: string, alias: string, at: Date): Promise<number | null> {
    const event = await this.prisma.modelAliasEvent.findFirst({
      where: { modelId, alias, createdAt: { lte: at } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    return event?.toVersion ?? null;
  }

  async aliasHistory(modelId: string, alias?: string | null): Promise<ModelAliasEventRow[]> {
    return this.prisma.modelAliasEvent.findMany({
      where: { modelId, ...(alias ? { alias } : {}) },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  // ── tags ──────────────────────────────────────────────────────────────────

  async setTags(input: { model: string; version?: number | null; tags: TagChange[]; replace?: boolean | null }): Promise<SetTagsResult> {
    const model = await this.requireModel(input.model);
    const result = await this.prisma.$transaction(async (tx) => {
      await lockModel(tx, model.id);
      if (input.version === null || input.version === undefined) {
        const fresh = await tx.model.findUniqueOrThrow({ where: { id: model.id } });
        const tags = applyTagChanges(fresh.tags as Tags, input.tags, input.replace ?? false);
        const updated = await tx.model.update({ where: { id: model.id }, data: { tags } });
        return { model: updated, version: null, tags };
      }
      const v = await tx.modelVersion.findUnique({ where: { modelId_version: { modelId: model.id, version: input.version } } });
      if (!v) throw new NotFoundError(`model "${model.name}" has no version ${input.version}`, { model: model.name, version: input.version });
      const tags = applyTagChanges(v.tags as Tags, input.tags, input.replace ?? false);
      const updated = await tx.modelVersion.update({ where: { id: v.id }, data: { tags } });
      return { model, version: updated, tags };
    });
    await this.publish({ type: 'TAGS_CHANGED', modelName: model.name, modelId: model.id, version: input.version ?? null, alias: null, fromVersion: null });
    return result;
  }

  /** Subscribes to registry events, for one model or all. */
  events(model?: string | null): AsyncIterableIterator<RegistryEvent> {
    const source = this.deps.pubsub.subscribe<RegistryEvent>(REGISTRY_TOPIC);
    if (!model) return source;
    return filterIterator(source, (e) => e.modelName === model);
  }
}

/** Plain SQL rows: JSON parsed and timestamps as Date by both drivers, but int8 comes back as a
 * string from pg (and a number or bigint from PGlite); the service's rows carry a bigint. */
function normalizeRawVersion(row: ModelVersionRow): ModelVersionRow {
  return typeof row.size === 'bigint' ? row : { ...row, size: BigInt(row.size as unknown as string) };
}

