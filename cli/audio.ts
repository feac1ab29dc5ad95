// `trebuchet audio analyze <file.wav>`: analyses a WAV file with the Heihachi engine on all cores
// and prints one JSON document (summary per channel, series on request) to stdout. Errors: one
// line on stderr, exit code 1.
import type { Writable } from 'node:stream';
import { Command } from 'commander';
import { analyzeAudioFile } from '../engines/audio/analyze.ts';
import { FEATURE_NAMES, type AudioOptions, type FeatureName, type MelScale, type WindowName } from '../engines/audio/types.ts';

export interface AudioAnalyzeFlags {
  features?: string;
  seriesResolution?: string;
  threads?: string;
  nFft?: string;
  hopLength?: string;
  window?: string;
  nMels?: string;
  melScale?: string;
  nMfcc?: string;
  progress?: boolean;
  pretty?: boolean;
}

/** A failure of the command: one line on stderr, exit code 1. */
export class AudioCliError extends Error {}

const FEATURE_KEYS = new Map(FEATURE_NAMES.map((f) => [f.toLowerCase(), f]));

/** "spectralCentroid", "spectral-centroid", "SPECTRAL_CENTROID" → spectralCentroid. */
export function parseFeatures(list: string): FeatureName[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((name) => {
      const f = FEATURE_KEYS.get(name.replace(/[-_]/g, '').toLowerCase());
      if (!f) throw new AudioCliError(`--features: unknown feature "${name}" (known: ${FEATURE_NAMES.join(', ')})`);
      return f;
    });
}

/** "2", "2s", "0.5s", "500ms", "1m" → seconds. */
export function parseDuration(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m|min)?\s*$/.exec(text);
  if (!m) throw new AudioCliError(`--series-resolution: expected a duration such as 1s, 250ms or 0.5, got "${text}"`);
  const v = Number(m[1]);
  const unit = m[2] ?? 's';
  const seconds = unit === 'ms' ? v / 1000 : unit === 'm' || unit === 'min' ? v * 60 : v;
  if (!(seconds > 0)) throw new AudioCliError(`--series-resolution: must be more than 0, got "${text}"`);
  return seconds;
}

function integer(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim())) throw new AudioCliError(`${flag}: expected a whole number, got "${text}"`);
  return Number(text);
}

export function optionsFromFlags(flags: AudioAnalyzeFlags): AudioOptions {
  return {
    features: flags.features !== undefined ? parseFeatures(flags.features) : undefined,
    seriesResolution: flags.seriesResolution !== undefined ? parseDuration(flags.seriesResolution) : undefined,
    threads: integer('--threads', flags.threads),
    nFft: integer('--n-fft', flags.nFft),
    hopLength: integer('--hop-length', flags.hopLength),
    window: flags.window as WindowName | undefined,
    nMels: integer('--n-mels', flags.nMels),
    melScale: flags.melScale as MelScale | undefined,
    nMfcc: integer('--n-mfcc', flags.nMfcc),
  };
}

/** Runs `audio analyze`; returns the exit code. */
export async function audioAnalyze(file: string, flags: AudioAnalyzeFlags, io: { stdout: Writable; stderr: Writable & { isTTY?: boolean } }): Promise<number> {
  let last = 0;
  const result = await analyzeAudioFile(file, optionsFromFlags(flags), {
    onProgress: flags.progress
      ? (p) => {
          const now = Date.now();
          if (now - last < 250 && p.done < p.total) return;
          last = now;
          io.stderr.write(`audio: ${p.phase} ${p.done}/${p.total} (${Math.round((100 * p.done) / p.total)}%)\n`);
        }
      : undefined,
  });
  await new Promise<void>((resolve, reject) => io.stdout.write(`${JSON.stringify(result, null, flags.pretty ? 2 : undefined)}\n`, (err) => (err ? reject(err) : resolve())));
  return 0;
}

/** Adds `audio analyze` to a commander program. */
export function addAudioCommands(program: Command, run: (action: () => Promise<number>) => Promise<void>): void {
  const audio = program.command('audio').description('audio analysis (Heihachi): spectral features, MFCC, chroma, tempo, beats, onsets');
  audio
    .command('analyze')
    .description('analyse a WAV file (PCM 8/16/24/32-bit, float 32/64; any channels and rate); prints JSON')
    .argument('<file.wav>', 'the WAV file')
    .option('--features <list>', `comma-separated subset of: ${FEATURE_NAMES.join(', ')} (default: all)`)
    .option('--series-resolution <duration>', 'also print frame series averaged over this duration (e.g. 1s, 250ms)')
    .option('--threads <n>', 'worker threads (default: the cores, at most 8; 1 = no workers)')
    .option('--n-fft <n>', 'STFT size, a power of two (default 2048)')
    .option('--hop-length <n>', 'hop between frames in samples (default 512)')
    .option('--window <name>', 'hann | hamming | blackman (default hann)')
    .option('--n-mels <n>', 'mel bands (default 128)')
    .option('--mel-scale <name>', 'slaney | htk (default slaney)')
    .option('--n-mfcc <n>', 'MFCC coefficients (default 20)')
    .option('--progress', 'report progress on stderr')
    .option('--pretty', 'indent the JSON')
    .action(async (file: string, flags: AudioAnalyzeFlags) => {
      await run(() => audioAnalyze(file, flags, { stdout: process.stdout, stderr: process.stderr }));
    });
}
