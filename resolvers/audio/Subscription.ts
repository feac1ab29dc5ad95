import type { AudioJob } from '../../api/services/audio';
import type { SubscriptionResolvers } from '../__generated__/types';

export const Subscription: SubscriptionResolvers = {
  audioAnalysisProgress: {
    subscribe: (_, { jobId }, { services }) => services.audio.follow(jobId),
    resolve: (job: AudioJob) => job,
  },
};
