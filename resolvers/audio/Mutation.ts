import type { MutationResolvers } from '../__generated__/types';

export const Mutation: MutationResolvers = {
  analyzeAudio: (_, { file, options }, { services }) =>
    services.audio.analyze(
      {
        open: async () => {
          const upload = await file;
          return { filename: upload.filename, stream: upload.createReadStream() };
        },
      },
      options,
    ),
};
