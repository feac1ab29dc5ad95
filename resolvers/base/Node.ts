import type { NodeResolvers } from '../__generated__/types';

export const Node: NodeResolvers = {
  // Versions carry a framework; models do not.
  __resolveType: (parent) => ('framework' in parent ? 'ModelVersion' : 'Model'),
};
