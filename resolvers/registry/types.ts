// Resolvers of the registry's smaller object types.
import type { AliasEventResolvers, ModelAliasResolvers, ModelConnectionResolvers, ModelVersionConnectionResolvers, RegistryEventResolvers, SetTagsPayloadResolvers } from '../__generated__/types';
import { edgesOf, pageInfoOf, tagList } from '../connection';

export const ModelConnection: ModelConnectionResolvers = {
  edges: (page) => edgesOf(page),
  pageInfo: (page) => pageInfoOf(page),
  totalCount: (page) => page.totalCount(),
};

export const ModelVersionConnection: ModelVersionConnectionResolvers = {
  edges: (page) => edgesOf(page),
  pageInfo: (page) => pageInfoOf(page),
};

export const ModelAlias: ModelAliasResolvers = {
  version: async (a, _, { loaders }) => {
    const v = await loaders.versionByNumber.load({ modelId: a.modelId, version: a.version });
    if (!v) throw new Error(`alias ${a.name} points at missing version ${a.version}`);
    return v;
  },
};

export const AliasEvent: AliasEventResolvers = {
  at: (e) => e.createdAt,
};

export const SetTagsPayload: SetTagsPayloadResolvers = {
  modelVersion: (p) => p.version,
  tags: (p) => tagList(p.tags),
};

export const RegistryEvent: RegistryEventResolvers = {
  // Fresh each event: a subscription's context lives long, so its loaders' caches would go stale.
  model: (e, _, { services }) => services.registry.findModel(e.modelName),
};
