import type { QueryResolvers } from '../__generated__/types';

export const Query: QueryResolvers = {
  analyzeText: (_, { text, options }, { services }) => services.nlp.analyzeText(text, options),
  document: (_, { id }, { services }) => services.nlp.findDocument(id),
  documentCollection: (_, { name }, { services }) => services.nlp.findCollection(name),
  documentCollections: (_, { first, after }, { services }) => services.nlp.listCollections(first, after),
  documents: (_, { collection, filter, first, after }, { services }) => services.nlp.listDocuments(collection, filter, first, after),
  similarDocuments: (_, { id, k, minSimilarity }, { services }) => services.nlp.similarDocuments(id, k, minSimilarity),
};
