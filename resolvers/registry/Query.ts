import type { QueryResolvers } from '../__generated__/types';

export const Query: QueryResolvers = {
  models: (_, { filter, first, after }, { services }) => services.registry.listModels(filter, first, after),
  model: (_, { name }, { services }) => services.registry.findModel(name),
  modelVersion: (_, { model, version, alias }, { services }) => services.registry.findVersion(model, version, alias),
};
