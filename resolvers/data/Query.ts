import type { QueryResolvers } from '../__generated__/types';

export const Query: QueryResolvers = {
  dataSources: (_, __, { services }) => services.data.list(),
  dataSource: (_, { name }, { services }) => services.data.require(name),
  previewDataSource: (_, { name, limit }, { services }) => services.data.preview(name, limit),
  dataJob: (_, { id }, { services }) => services.data.job(id),
};
