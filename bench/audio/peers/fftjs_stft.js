#!/usr/bin/env node
// Audio benchmark peer: a plain STFT with fft.js, the floor of "do it in JavaScript without an
// engine". Per channel, over the whole file read in blocks: centered frames of 2048 with hop 512
// (zero padding as librosa's center=True), periodic Hann window, `realTransform` into a
// `createComplexArray` buffer, power of bins 0…1024. Only the STFT and the power spectrum — no mel,
// MFCC or other features — so it is a lower bound for a full feature pipeline on fft.js. The power is
// summed per channel (printed) so the work cannot be optimised away.
//
// Usage: node bench/audio/peers/fftjs_stft.js AUDIO.wav   → one line of JSON on stdout
'use strict';
const FFT = require('fft.js');
const { readPcm16, wavInfo, CenteredFramer } = require('../wav');

const N_FFT = 2048;
const HOP = 512;

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/audio/peers/fftjs_stft.js AUDIO.wav');
  process.exit(2);
}

const t0 = process.hrtime.bigint();
const info = wavInfo(file);
const fft = new FFT(N_FFT);
const spectrum = fft.createComplexArray();
const windowed = new Float64Array(N_FFT);
const hann = new Float64Array(N_FFT);
for (let i = 0; i < N_FFT; i++) hann[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / N_FFT); // periodic

const channels = Array.from({ length: info.channels }, () => ({ frames: 0, power_sum: 0, max_bin_power: 0 }));
const framers = channels.map((acc) => new CenteredFramer(N_FFT, HOP, info.frames, (frame) => {
  for (let i = 0; i < N_FFT; i++) windowed[i] = frame[i] * hann[i];
  fft.realTransform(spectrum, windowed);
  let sum = 0; let max = 0;
  for (let k = 0; k <= N_FFT / 2; k++) {
    const p = spectrum[2 * k] * spectrum[2 * k] + spectrum[2 * k + 1] * spectrum[2 * k + 1];
    sum += p;
    if (p > max) max = p;
  }
  acc.frames += 1;
  acc.power_sum += sum;
  if (max > acc.max_bin_power) acc.max_bin_power = max;
}));

readPcm16(file, {}, (blocks, n) => {
  for (let c = 0; c < blocks.length; c++) framers[c].push(blocks[c], n);
});
for (const f of framers) f.finish();

console.log(JSON.stringify({
  peer: 'fft.js STFT (power only)',
  fftjs: require('fft.js/package.json').version,
  seconds_audio: info.frames / info.sampleRate,
  frames_total: channels.reduce((n, c) => n + c.frames, 0),
  channels: channels.map((c) => ({ frames: c.frames, power_sum: c.power_sum, max_bin_power: c.max_bin_power })),
  wall_in_script_s: +(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(3),
}));
