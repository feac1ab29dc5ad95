// Named audio fixtures for the audio API tests, made with SoX into a folder of the caller's: a pure
// tone, a 120 BPM click track, a tone per stereo channel, a longer noise file to watch progress on,
// and files that are not (or no longer) valid WAV.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface AudioFixtures {
  /** 3 s of a 440 Hz sine, 22,050 Hz mono 16-bit: 66,150 frames. */
  sine: string;
  /** 20 s of 10 ms 1 kHz clicks every 0.5 s (120 BPM), 8 kHz mono 16-bit. */
  clicks: string;
  /** 2 s, 16 kHz stereo: 440 Hz on the left channel, 880 Hz on the right. */
  stereo: string;
  /** 60 s of pink noise, 22,050 Hz stereo 16-bit (5.3 MB): long enough to report progress. */
  long: string;
  /** A text file named like a WAV. */
  text: string;
  /** The sine's header with only half of its samples: the data chunk claims more than the file holds. */
  truncated: string;
  /** Nothing at all. */
  empty: string;
}

function sox(...args: string[]): void {
  // -R: repeatable output (SoX seeds its noise generator from the clock otherwise).
  execFileSync('sox', ['-R', ...args], { stdio: 'pipe' });
}

/** Writes the fixtures into `dir`. */
export function makeAudioFixtures(dir: string): AudioFixtures {
  const f = (name: string) => path.join(dir, name);
  const fixtures: AudioFixtures = {
    sine: f('sine.wav'),
    clicks: f('clicks.wav'),
    stereo: f('stereo.wav'),
    long: f('long.wav'),
    text: f('notes.wav'),
    truncated: f('truncated.wav'),
    empty: f('empty.wav'),
  };
  sox('-n', '-r', '22050', '-c', '1', '-b', '16', fixtures.sine, 'synth', '3', 'sine', '440');
  sox('-n', '-r', '8000', '-c', '1', '-b', '16', f('click.wav'), 'synth', '0.01', 'sine', '1000', 'pad', '0', '0.49');
  sox(f('click.wav'), fixtures.clicks, 'repeat', '39');
  sox('-n', '-r', '16000', '-c', '2', '-b', '16', fixtures.stereo, 'synth', '2', 'sine', '440', 'sine', '880');
  sox('-n', '-r', '22050', '-c', '2', '-b', '16', fixtures.long, 'synth', '60', 'pinknoise');
  writeFileSync(fixtures.text, 'These are my notes, not a recording.\nRIFF WAVE fmt data\n');
  const sine = readFileSync(fixtures.sine);
  writeFileSync(fixtures.truncated, sine.subarray(0, 44 + (sine.length - 44) / 2));
  writeFileSync(fixtures.empty, Buffer.alloc(0));
  return fixtures;
}
