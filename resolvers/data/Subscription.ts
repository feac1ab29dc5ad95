import type { DataJobProgress } from '../../api/services/data';
import type { SubscriptionResolvers } from '../__generated__/types';

export const Subscription: SubscriptionResolvers = {
  dataJobProgress: {
    subscribe: (_, { jobId }, { services }) => services.data.follow(jobId),
    resolve: (event: DataJobProgress) => event,
  },
};
