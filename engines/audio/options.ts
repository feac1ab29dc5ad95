// Options of an analysis: defaults (librosa's) and validation, before any file is read.
import { InvalidInputError } from '../errors.ts';
import { FEATURE_NAMES, type AudioOptions, type FeatureName, type MelScale, type WindowName } from './types.ts';

export interface ResolvedOptions {
  features: FeatureName[];
  nFft: number;
  hopLength: number;
  window: WindowName;
  nMels: number;
  melScale: MelScale;
  nMfcc: number;
  rolloffPercent: number;
  topDb: number;
  seriesResolution: number | null;
  threads: number;
}

export const DEFAULTS = {
  nFft: 2048,
  hopLength: 512,
  window: 'hann' as WindowName,
  nMels: 128,
  melScale: 'slaney' as MelScale,
  nMfcc: 20,
  rolloffPercent: 0.85,
  topDb: 80,
};

/** Worker threads by default: the cores, at most 8. */
export function defaultThreads(cores: number): number {
  return Math.max(1, Math.min(8, cores));
}

function bad(field: string, message: string): never {
  throw new InvalidInputError(`audio: ${field} ${message}`, { field });
}

function int(field: string, v: number, lo: number, hi: number): number {
  if (!Number.isInteger(v) || v < lo || v > hi) bad(field, `must be an integer in [${lo}, ${hi}], got ${v}`);
  return v;
}

/** Fills defaults and validates; every error names the option (InvalidInputError, field in details). */
export function resolveOptions(options: AudioOptions, cores: number): ResolvedOptions {
  const features = options.features ? [...new Set(options.features)] : [...FEATURE_NAMES];
  for (const f of features) if (!(FEATURE_NAMES as readonly string[]).includes(f)) bad('features', `has unknown feature "${f}" (known: ${FEATURE_NAMES.join(', ')})`);
  if (features.length === 0) bad('features', 'must name at least one feature');
  const nFft = int('nFft', options.nFft ?? DEFAULTS.nFft, 64, 65536);
  if ((nFft & (nFft - 1)) !== 0) bad('nFft', `must be a power of two, got ${nFft}`);
  const hopLength = int('hopLength', options.hopLength ?? DEFAULTS.hopLength, 1, nFft);
  const window = options.window ?? DEFAULTS.window;
  if (!['hann', 'hamming', 'blackman'].includes(window)) bad('window', `must be hann, hamming or blackman, got "${window}"`);
  const nMels = int('nMels', options.nMels ?? DEFAULTS.nMels, 1, 512);
  const melScale = options.melScale ?? DEFAULTS.melScale;
  if (melScale !== 'slaney' && melScale !== 'htk') bad('melScale', `must be slaney or htk, got "${melScale}"`);
  const nMfcc = int('nMfcc', options.nMfcc ?? DEFAULTS.nMfcc, 1, nMels);
  const rolloffPercent = options.rolloffPercent ?? DEFAULTS.rolloffPercent;
  if (!(rolloffPercent > 0 && rolloffPercent < 1)) bad('rolloffPercent', `must be in (0, 1), got ${rolloffPercent}`);
  const topDb = options.topDb ?? DEFAULTS.topDb;
  if (!(topDb >= 0) || !Number.isFinite(topDb)) bad('topDb', `must be a finite number ≥ 0, got ${topDb}`);
  const seriesResolution = options.seriesResolution ?? null;
  if (seriesResolution !== null && !(seriesResolution > 0 && Number.isFinite(seriesResolution))) {
    bad('seriesResolution', `must be a positive number of seconds, got ${seriesResolution}`);
  }
  const threads = int('threads', options.threads ?? defaultThreads(cores), 1, 64);
  return { features, nFft, hopLength, window, nMels, melScale, nMfcc, rolloffPercent, topDb, seriesResolution, threads };
}
