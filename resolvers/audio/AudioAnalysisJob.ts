import { toGlobalId } from '../../api/ids';
import type { AudioAnalysisJobResolvers } from '../__generated__/types';

export const AudioAnalysisJob: AudioAnalysisJobResolvers = {
  id: (job) => toGlobalId('AudioAnalysisJob', job.id),
  // Events and job reads carry no result (it can be megabytes): it is read when asked for.
  result: (job, _, { services }) => (job.result !== undefined ? job.result : job.status === 'SUCCEEDED' ? services.audio.resultOf(job.id) : null),
};
