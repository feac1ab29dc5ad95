import type { MutationResolvers } from '../__generated__/types';

export const Mutation: MutationResolvers = {
  createModel: (_, { input }, { services }) => services.registry.createModel(input),
  updateModel: (_, { input }, { services }) => services.registry.updateModel(input),
  deleteModel: (_, { name, force }, { services }) => services.registry.deleteModel(name, force ?? false),
  registerModelVersion: (_, { input }, { services }) => {
    const { artifact, ...rest } = input;
    return services.registry.registerVersion({
      ...rest,
      upload: artifact ? async () => (await artifact).createReadStream() : null,
    });
  },
  setModelAlias: (_, { model, alias, version, note }, { services }) => services.registry.setAlias(model, alias, version, note),
  deleteModelAlias: (_, { model, alias, note }, { services }) => services.registry.deleteAlias(model, alias, note),
  setTags: (_, { input }, { services }) => services.registry.setTags(input),
};
