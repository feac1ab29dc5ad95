// The reference fixtures (test/audio/fixtures/*.json, written by test/audio/reference/make_fixtures.py):
// their layout and a loader shared by the feature and rhythm tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MelScale, WindowName } from '../types.ts';

export const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'audio', 'fixtures');

export interface FixtureChannel {
  power_frames: { frames: number[]; power: number[][] };
  mel_db_frames: { frames: number[]; mel_db: number[][] };
  centroid: number[];
  bandwidth: number[];
  rolloff: number[];
  flatness: number[];
  flux: number[];
  rms: number[];
  zcr: number[];
  mfcc: number[][];
  chroma: number[][];
  onset_env: number[];
  tempogram_mean: number[];
  tempo: number;
  beats: number[];
  onsets: number[];
}

export interface Fixture {
  wav: string;
  sr: number;
  n_frames: number;
  params: { n_fft: number; hop: number; window: WindowName; n_mels: number; mel_scale: MelScale; n_mfcc: number; rolloff_percent: number; top_db: number };
  channels: FixtureChannel[];
}

/** Every fixture, as [name, fixture], in file-name order. */
export function loadFixtures(): [string, Fixture][] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Fixture]);
}
