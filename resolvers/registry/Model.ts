import { decodeCursor, encodeCursor, pageSize, toGlobalId } from '../../api/ids';
import type { ModelResolvers } from '../__generated__/types';
import { tagList } from '../connection';

export const Model: ModelResolvers = {
  id: (m) => toGlobalId('Model', m.id),
  tags: (m) => tagList(m.tags),
  versionCount: (m) => m.versionCounter,
  latestVersion: (m, _, { loaders }) => (m.versionCounter > 0 ? loaders.versionByNumber.load({ modelId: m.id, version: m.versionCounter }) : null),
  versions: async (m, { first, after }, { loaders }) => {
    const afterVersion = after ? decodeCursor<number>('versions', after, 'number') : null;
    const page = await loaders.versionPage.load({ modelId: m.id, first: pageSize(first), afterVersion });
    return { ...page, hasPreviousPage: afterVersion !== null, cursor: (v) => encodeCursor('versions', v.version) };
  },
  aliases: (m, _, { loaders }) => loaders.aliasesByModel.load(m.id),
  alias: async (m, { name, at }, { loaders, services }) => {
    const version = at
      ? await services.registry.aliasVersionAt(m.id, name, at)
      : ((await loaders.aliasesByModel.load(m.id)).find((a) => a.name === name)?.version ?? null);
    return version === null ? null : loaders.versionByNumber.load({ modelId: m.id, version });
  },
  aliasHistory: (m, { name }, { services }) => services.registry.aliasHistory(m.id, name),
};
