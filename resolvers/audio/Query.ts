import type { QueryResolvers } from '../__generated__/types';

export const Query: QueryResolvers = {
  audioAnalysisJob: (_, { id }, { services }) => services.audio.requireJob(id),
};
