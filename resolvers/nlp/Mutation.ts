import type { MutationResolvers } from '../__generated__/types';

export const Mutation: MutationResolvers = {
  addDocuments: (_, { collection, documents, options }, { services }) => services.nlp.addDocuments(collection, documents, options),
  removeDocumentCollection: (_, { name }, { services }) => services.nlp.removeCollection(name),
};
