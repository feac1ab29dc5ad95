// The engine's AudioAnalysis as the API shows it: its lower-case names become enum values, and a
// channel's series of scalar features become one field each.
import { FEATURE_OPTIONS } from '../../api/services/audio';
import type { AudioAnalysisParametersResolvers, AudioFormatResolvers, AudioSeriesResolvers } from '../__generated__/types';

export const AudioFormat: AudioFormatResolvers = {
  encoding: (f) => (f.encoding === 'float' ? 'FLOAT' : 'PCM'),
};

export const AudioAnalysisParameters: AudioAnalysisParametersResolvers = {
  features: (p) => p.features.map((f) => FEATURE_OPTIONS[f]),
  window: (p) => (p.window === 'hamming' ? 'HAMMING' : p.window === 'blackman' ? 'BLACKMAN' : 'HANN'),
  melScale: (p) => (p.melScale === 'htk' ? 'HTK' : 'SLANEY'),
};

export const AudioSeries: AudioSeriesResolvers = {
  spectralCentroid: (s) => s.scalars.spectralCentroid ?? null,
  spectralBandwidth: (s) => s.scalars.spectralBandwidth ?? null,
  spectralRolloff: (s) => s.scalars.spectralRolloff ?? null,
  spectralFlatness: (s) => s.scalars.spectralFlatness ?? null,
  spectralFlux: (s) => s.scalars.spectralFlux ?? null,
  rms: (s) => s.scalars.rms ?? null,
  zcr: (s) => s.scalars.zcr ?? null,
  onsetStrength: (s) => s.scalars.onsetStrength ?? null,
};
