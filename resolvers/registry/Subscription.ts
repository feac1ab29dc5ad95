import type { RegistryEvent } from '../../api/services/registry';
import type { SubscriptionResolvers } from '../__generated__/types';

export const Subscription: SubscriptionResolvers = {
  registryEvents: {
    subscribe: (_, { model }, { services }) => services.registry.events(model),
    resolve: (event: RegistryEvent) => event,
  },
};
