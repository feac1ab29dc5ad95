import type { IngestProgressEvent } from '../../api/services/nlp';
import type { SubscriptionResolvers } from '../__generated__/types';

export const Subscription: SubscriptionResolvers = {
  documentIngestProgress: {
    subscribe: (_, { collection }, { services }) => services.nlp.ingestProgress(collection),
    resolve: (event: IngestProgressEvent) => event,
  },
};
