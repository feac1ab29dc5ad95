// Resolvers of the NLP domain's smaller object types.
import type { DocumentCollectionConnectionResolvers, DocumentConnectionResolvers, SimilarDocumentResolvers } from '../__generated__/types';
import { edgesOf, pageInfoOf } from '../connection';

export const DocumentConnection: DocumentConnectionResolvers = {
  edges: (page) => edgesOf(page),
  pageInfo: (page) => pageInfoOf(page),
  totalCount: (page) => page.totalCount(),
};

export const DocumentCollectionConnection: DocumentCollectionConnectionResolvers = {
  edges: (page) => edgesOf(page),
  pageInfo: (page) => pageInfoOf(page),
  totalCount: (page) => page.totalCount(),
};

export const SimilarDocument: SimilarDocumentResolvers = {
  document: async (m, _, { loaders }) => {
    const document = await loaders.documentById.load(m.documentId);
    if (!document) throw new Error(`similar document ${m.documentId} vanished`);
    return document;
  },
};
