import { toGlobalId } from '../../api/ids';
import type { Analysis } from '../../engines/nlp/types';
import type { DocumentResolvers } from '../__generated__/types';

export const Document: DocumentResolvers = {
  id: (d) => toGlobalId('Document', d.id),
  collection: async (d, _, { loaders }) => {
    const collection = await loaders.documentCollectionById.load(d.collectionId);
    if (!collection) throw new Error(`collection ${d.collectionId} of document ${d.id} vanished`);
    return collection;
  },
  analysis: (d) => d.analysis as unknown as Analysis,
};
