import { toNlpGlobalId } from '../../api/services/nlp';
import type { DocumentCollectionResolvers } from '../__generated__/types';

export const DocumentCollection: DocumentCollectionResolvers = {
  id: (c) => toNlpGlobalId('DocumentCollection', c.id),
};
