// Heihachi, Trebuchet's audio-analysis engine: the public entry. A pure library (no GraphQL, no
// Prisma): streaming WAV decoding, STFT features with librosa's conventions on a WebAssembly SIMD
// kernel, tempo, beats and onsets, on all cores.
export type * from './types.ts';
export { FEATURE_NAMES, SCALAR_FEATURES } from './types.ts';
export { analyzeAudioFile, readAudioInfo } from './analyze.ts';
export { DEFAULTS, resolveOptions } from './options.ts';
export { AudioFormatError, type WavInfo } from './wav.ts';
