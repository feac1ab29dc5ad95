#!/usr/bin/env node
// Audio benchmark peer: meyda, used as its documentation shows for offline extraction. Per channel,
// over the file read in blocks: centered frames of 2048 with hop 512 (zero padding as librosa's
// center=True), each passed with the previous frame to
//   Meyda.extract(['powerSpectrum', 'mfcc', 'spectralCentroid', 'spectralRolloff', 'rms', 'zcr'], frame, previousFrame)
// with Meyda.bufferSize 2048, sampleRate 48000, melBands 128, numberOfMFCCCoefficients 20 and
// windowingFunction 'hanning' (meyda windows the frame itself).
//
// Spectral flux: meyda 5.6.3's 'spectralFlux' extractor throws (ReferenceError: x is not defined,
// meyda issue #236, fixed only on its v6 branch), so it is not in the list; passing previousFrame
// still makes meyda window and FFT the previous frame (the cost a flux caller pays), and the flux is
// computed here from meyda's two amplitude spectra (Σ max(0, |X_t| − |X_t−1|), librosa's definition).
//
// Units as meyda returns them, converted for the summary: spectralCentroid is in bins (× sr/2048 →
// Hz), zcr a count per frame (÷ 2048 → rate); spectralRolloff is meyda's 99 % rolloff in Hz; rms and
// zcr are of the windowed frame; mfcc is meyda's (DCT of log(1 + mel power)).
//
// meyda takes ~2 ms per frame (~1,450 s for the benchmark's hour), so the runner passes --seconds N
// (the first N seconds of the file) and extrapolates linearly.
//
// Usage: node bench/audio/peers/meyda.js AUDIO.wav [--seconds N]   → one line of JSON on stdout
'use strict';
const Meyda = require('meyda');
const { readPcm16, wavInfo, CenteredFramer } = require('../wav');

const N_FFT = 2048;
const HOP = 512;
const FEATURES = ['powerSpectrum', 'mfcc', 'spectralCentroid', 'spectralRolloff', 'rms', 'zcr'];

const args = process.argv.slice(2);
const file = args[0];
const si = args.indexOf('--seconds');
const seconds = si >= 0 ? Number(args[si + 1]) : Infinity;
if (!file || !(seconds > 0)) {
  console.error('usage: node bench/audio/peers/meyda.js AUDIO.wav [--seconds N]');
  process.exit(2);
}

const t0 = process.hrtime.bigint();
const info = wavInfo(file);
const samples = Math.min(info.frames, Number.isFinite(seconds) ? Math.round(seconds * info.sampleRate) : Infinity);

Meyda.bufferSize = N_FFT;
Meyda.sampleRate = info.sampleRate;
Meyda.melBands = 128;
Meyda.numberOfMFCCCoefficients = 20;
Meyda.windowingFunction = 'hanning';

const channels = Array.from({ length: info.channels }, () => ({
  frames: 0, cur: new Float32Array(N_FFT), prev: new Float32Array(N_FFT), hasPrev: false,
  sums: { centroid: 0, rolloff: 0, flux: 0, rms: 0, zcr: 0, mfcc0: 0, power: 0 },
}));
const framers = channels.map((ch) => new CenteredFramer(N_FFT, HOP, samples, (frame) => {
  ch.cur.set(frame);
  // The first frame has no predecessor: flux 0 (librosa pads the same way).
  const f = Meyda.extract(FEATURES, ch.cur, ch.hasPrev ? ch.prev : undefined);
  let flux = 0;
  if (ch.hasPrev) {
    const a = Meyda.ampSpectrum;
    const b = Meyda.previousAmpSpectrum;
    for (let k = 0; k < a.length; k++) {
      const d = a[k] - b[k];
      if (d > 0) flux += d;
    }
  }
  let power = 0;
  for (let k = 0; k < f.powerSpectrum.length; k++) power += f.powerSpectrum[k];
  const s = ch.sums;
  s.centroid += f.spectralCentroid * (info.sampleRate / N_FFT);
  s.rolloff += f.spectralRolloff;
  s.flux += flux;
  s.rms += f.rms;
  s.zcr += f.zcr / N_FFT;
  s.mfcc0 += f.mfcc[0];
  s.power += power;
  ch.frames += 1;
  [ch.cur, ch.prev] = [ch.prev, ch.cur];
  ch.hasPrev = true;
}));

readPcm16(file, { maxFrames: samples }, (blocks, n) => {
  for (let c = 0; c < blocks.length; c++) framers[c].push(blocks[c], n);
});
for (const f of framers) f.finish();

const mean = (x, n, d) => +(x / n).toFixed(d);
console.log(JSON.stringify({
  peer: 'meyda',
  meyda: require('meyda/package.json').version,
  seconds_audio: samples / info.sampleRate,
  seconds_file: info.frames / info.sampleRate,
  frames_total: channels.reduce((n, c) => n + c.frames, 0),
  channels: channels.map(({ frames, sums: s }) => ({
    frames,
    centroid_mean: mean(s.centroid, frames, 2), rolloff99_mean: mean(s.rolloff, frames, 2),
    flux_mean: mean(s.flux, frames, 4), rms_mean: mean(s.rms, frames, 5), zcr_mean: mean(s.zcr, frames, 5),
    mfcc0_mean: mean(s.mfcc0, frames, 3), power_sum: s.power,
  })),
  wall_in_script_s: +(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(3),
}));
