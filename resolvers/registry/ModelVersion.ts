import type { ModelSignature } from '../../api/services/artifact-inspection';
import { toGlobalId } from '../../api/ids';
import type { ModelVersionResolvers } from '../__generated__/types';
import { tagList } from '../connection';

export const ModelVersion: ModelVersionResolvers = {
  id: (v) => toGlobalId('ModelVersion', v.id),
  size: (v) => Number(v.size),
  signature: (v) => (v.signature as ModelSignature | null) ?? null,
  tags: (v) => tagList(v.tags),
  model: async (v, _, { loaders }) => {
    const model = await loaders.modelById.load(v.modelId);
    if (!model) throw new Error(`model ${v.modelId} of version ${v.id} vanished`);
    return model;
  },
  aliases: async (v, _, { loaders }) => (await loaders.aliasesByModel.load(v.modelId)).filter((a) => a.version === v.version).map((a) => a.name),
};
