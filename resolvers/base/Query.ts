import { fromGlobalId } from '../../api/ids';
import type { QueryResolvers } from '../__generated__/types';

export const Query: QueryResolvers = {
  node: async (_, { id }, { loaders, services }) => {
    const ref = fromGlobalId(id);
    if (!ref) return null;
    switch (ref.type) {
      case 'Model':
        return loaders.modelById.load(ref.id);
      case 'ModelVersion':
        return loaders.versionById.load(ref.id);
      case 'Document':
        return loaders.documentById.load(ref.id);
      case 'DocumentCollection':
        return loaders.documentCollectionById.load(ref.id);
      case 'AudioAnalysisJob':
        return services.audio.findJobById(ref.id);
      case 'DataSource':
        return services.data.findById(ref.id);
    }
  },
};
