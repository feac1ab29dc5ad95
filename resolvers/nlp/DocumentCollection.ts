import { toGlobalId } from '../../api/ids';
import type { DocumentCollectionResolvers } from '../__generated__/types';

export const DocumentCollection: DocumentCollectionResolvers = {
  id: (c) => toGlobalId('DocumentCollection', c.id),
};
