import type { NodeResolvers } from '../__generated__/types';

export const Node: NodeResolvers = {
  // Told apart by a column only their row has.
  __resolveType: (parent) =>
    'fileName' in parent
      ? 'AudioAnalysisJob'
      : 'location' in parent
        ? 'DataSource'
        : 'framework' in parent
          ? 'ModelVersion'
          : 'documentCount' in parent
            ? 'DocumentCollection'
            : 'collectionId' in parent
              ? 'Document'
              : 'Model',
};
