import { fromGlobalId } from '../../api/ids';
import type { QueryResolvers } from '../__generated__/types';

export const Query: QueryResolvers = {
  node: async (_, { id }, { loaders }) => {
    const ref = fromGlobalId(id);
    if (!ref) return null;
    return ref.type === 'Model' ? loaders.modelById.load(ref.id) : loaders.versionById.load(ref.id);
  },
};
