import type { MutationResolvers } from '../__generated__/types';

export const Mutation: MutationResolvers = {
  registerDataSource: (_, { name, kind, location, options }, { services }) => services.data.register(name, kind, location, options),
  removeDataSource: (_, { name }, { services }) => services.data.remove(name),
  integrate: (_, { config, jobId }, { services }) => services.data.integrate(config, jobId),
  transform: (_, { pipeline, source, jobId }, { services }) => services.data.transform(pipeline, source, jobId),
};
