// Heihachi, Trebuchet's audio-analysis engine: public types. A pure library (no GraphQL, no Prisma).
// Feature definitions follow librosa 0.10's conventions (see engines/audio/README.md).

export type WindowName = 'hann' | 'hamming' | 'blackman';
export type MelScale = 'slaney' | 'htk';

/** The per-frame scalar features (one number per STFT frame). */
export const SCALAR_FEATURES = [
  'spectralCentroid',
  'spectralBandwidth',
  'spectralRolloff',
  'spectralFlatness',
  'spectralFlux',
  'rms',
  'zcr',
  'onsetStrength',
] as const;
export type ScalarFeature = (typeof SCALAR_FEATURES)[number];

/** Every feature the engine computes; `features` in the options selects a subset. */
export const FEATURE_NAMES = [...SCALAR_FEATURES, 'mfcc', 'chroma', 'tempo', 'beats', 'onsets'] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface AudioOptions {
  /** Default: all of FEATURE_NAMES. */
  features?: readonly FeatureName[];
  /** STFT size, a power of two in [64, 65536]. Default 2048. */
  nFft?: number;
  /** Frame hop in samples, 1..nFft. Default 512. */
  hopLength?: number;
  /** Default 'hann' (periodic, as scipy.signal.get_window(fftbins=True)). */
  window?: WindowName;
  /** Mel bands. Default 128. */
  nMels?: number;
  /** Default 'slaney' (librosa's htk=False with Slaney area normalisation). */
  melScale?: MelScale;
  /** MFCC coefficients kept (DCT-II ortho of the dB mel spectrogram). Default 20. */
  nMfcc?: number;
  /** Spectral rolloff fraction. Default 0.85. */
  rolloffPercent?: number;
  /** power_to_db's top_db, relative to the channel's maximum. Default 80. */
  topDb?: number;
  /** Seconds per point of the downsampled frame series; absent/undefined = no series. */
  seriesResolution?: number;
  /** Worker threads; default: the number of cores (at most 8). 1 = this thread only. */
  threads?: number;
}

export interface FeatureStats {
  mean: number;
  std: number;
  min: number;
  max: number;
}

export interface VectorStats {
  mean: number[];
  std: number[];
  min: number[];
  max: number[];
}

export interface ChannelSeries {
  /** Start time in seconds of each point. */
  times: number[];
  /** Mean of the frames in each point, per scalar feature that was computed. */
  scalars: Partial<Record<ScalarFeature, number[]>>;
  /** Per point, the mean MFCC vector (when mfcc was computed). */
  mfcc?: number[][];
  /** Per point, the mean chroma vector (when chroma was computed). */
  chroma?: number[][];
  /** Beat times in seconds (when beats were computed). */
  beatTimes?: number[];
  /** Onset times in seconds (when onsets were computed). */
  onsetTimes?: number[];
}

export interface ChannelSummary {
  index: number;
  /** Global tempo; null when not computed or when the channel has no onsets at all. */
  tempoBpm: number | null;
  beatCount: number;
  onsetCount: number;
  /** 20·log10 of the channel's RMS over the whole file; null for digital silence. */
  loudnessDbfs: number | null;
  /** 20·log10 of the largest absolute sample; null for digital silence. */
  peakDbfs: number | null;
  features: Partial<Record<ScalarFeature, FeatureStats>> & { mfcc?: VectorStats; chroma?: VectorStats };
  series?: ChannelSeries;
}

export interface AudioFormatInfo {
  /** 'pcm' (integer) or 'float'. */
  encoding: 'pcm' | 'float';
  bitsPerSample: number;
  channels: number;
  sampleRate: number;
  /** Sample frames in the file (one sample per channel each). */
  frames: number;
}

export interface AudioAnalysis {
  sampleRate: number;
  durationSeconds: number;
  /** STFT frames per channel: 1 + floor(samples / hop). */
  frameCount: number;
  format: AudioFormatInfo;
  parameters: Required<Omit<AudioOptions, 'seriesResolution' | 'threads'>> & { seriesResolution: number | null; threads: number };
  channels: ChannelSummary[];
}

export interface AudioProgress {
  /** 'frames': the STFT pass; 'rhythm': tempogram, beats and onsets. */
  phase: 'frames' | 'rhythm';
  done: number;
  total: number;
}

export interface AnalyzeHooks {
  onProgress?: (progress: AudioProgress) => void;
  signal?: AbortSignal;
}
