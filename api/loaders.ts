// Per-request DataLoaders: every field that needs rows for many parents asks a loader, which
// batches the keys of one tick into one statement. New loaders each request, so no data is
// cached across requests or users.
import DataLoader from 'dataloader';
import type { Services } from './context';
import type { ModelAliasRow, ModelRow, ModelVersionRow } from './db';
import type { DocumentCollectionRow, DocumentRow } from './services/nlp';

export interface VersionPageKey {
  modelId: string;
  first: number;
  afterVersion: number | null;
}

export interface Loaders {
  modelById: DataLoader<string, ModelRow | null>;
  versionById: DataLoader<string, ModelVersionRow | null>;
  versionByNumber: DataLoader<{ modelId: string; version: number }, ModelVersionRow | null, string>;
  versionPage: DataLoader<VersionPageKey, { rows: ModelVersionRow[]; hasNextPage: boolean }, string>;
  aliasesByModel: DataLoader<string, ModelAliasRow[]>;
  documentById: DataLoader<string, DocumentRow | null>;
  documentCollectionById: DataLoader<string, DocumentCollectionRow | null>;
}

function byKey<K, V>(rows: V[], keyOf: (row: V) => K): Map<K, V> {
  return new Map(rows.map((r) => [keyOf(r), r]));
}

export function createLoaders({ registry, nlp }: Services): Loaders {
  const versionKey = (k: { modelId: string; version: number }) => `${k.modelId}#${k.version}`;
  const versionByNumber = new DataLoader<{ modelId: string; version: number }, ModelVersionRow | null, string>(
    async (keys) => {
      const found = byKey(await registry.versionsByNumbers(keys), versionKey);
      return keys.map((k) => found.get(versionKey(k)) ?? null);
    },
    { cacheKeyFn: versionKey },
  );

  const versionPage = new DataLoader<VersionPageKey, { rows: ModelVersionRow[]; hasNextPage: boolean }, string>(
    async (keys) => {
      // Keys with the same page arguments share one statement (usually all of them).
      const groups = new Map<string, VersionPageKey[]>();
      for (const k of keys) {
        const g = `${k.first}|${k.afterVersion ?? ''}`;
        groups.set(g, [...(groups.get(g) ?? []), k]);
      }
      const results = new Map<string, { rows: ModelVersionRow[]; hasNextPage: boolean }>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { first, afterVersion } = group[0] as VersionPageKey;
          const pages = await registry.versionPages(group.map((k) => k.modelId), first, afterVersion);
          for (const k of group) results.set(pageKey(k), pages.get(k.modelId) ?? { rows: [], hasNextPage: false });
        }),
      );
      return keys.map((k) => results.get(pageKey(k)) as { rows: ModelVersionRow[]; hasNextPage: boolean });
    },
    { cacheKeyFn: (k) => pageKey(k) },
  );

  return {
    modelById: new DataLoader(async (ids) => {
      const found = byKey(await registry.modelsByIds(ids), (m) => m.id);
      return ids.map((id) => found.get(id) ?? null);
    }),
    versionById: new DataLoader(async (ids) => {
      const found = byKey(await registry.versionsByIds(ids), (v) => v.id);
      return ids.map((id) => found.get(id) ?? null);
    }),
    versionByNumber,
    versionPage,
    aliasesByModel: new DataLoader(async (modelIds) => {
      const rows = await registry.aliasesWithTargets(modelIds);
      const grouped = new Map<string, ModelAliasRow[]>();
      for (const { alias, target } of rows) {
        grouped.set(alias.modelId, [...(grouped.get(alias.modelId) ?? []), alias]);
        // The alias's target arrives with it, so resolving `ModelAlias.version` costs no query.
        versionByNumber.prime({ modelId: target.modelId, version: target.version }, target);
      }
      return modelIds.map((id) => grouped.get(id) ?? []);
    }),
    documentById: new DataLoader(async (ids) => {
      const found = byKey(await nlp.documentsByIds(ids), (d) => d.id);
      return ids.map((id) => found.get(id) ?? null);
    }),
    documentCollectionById: new DataLoader(async (ids) => {
      const found = byKey(await nlp.collectionsByIds(ids), (c) => c.id);
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}

function pageKey(k: VersionPageKey): string {
  return `${k.modelId}|${k.first}|${k.afterVersion ?? ''}`;
}
