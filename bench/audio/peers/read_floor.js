#!/usr/bin/env node
// Audio benchmark floor: the whole file read in blocks of 65,536 sample frames into reused buffers,
// deinterleaved and converted to float (÷ 32768) per channel, and summed (sum of squares, printed, so
// the work cannot be optimised away). No analysis: what any Node program pays to read the audio once.
//
// Usage: node bench/audio/peers/read_floor.js AUDIO.wav   → one line of JSON on stdout
'use strict';
const { readPcm16 } = require('../wav');

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/audio/peers/read_floor.js AUDIO.wav');
  process.exit(2);
}
const t0 = process.hrtime.bigint();
let energy = null;
const info = readPcm16(file, {}, (blocks, n) => {
  energy ??= blocks.map(() => 0);
  for (let c = 0; c < blocks.length; c++) {
    const x = blocks[c];
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i] * x[i];
    energy[c] += s;
  }
});
console.log(JSON.stringify({
  peer: 'read floor',
  seconds_audio: info.frames / info.sampleRate,
  channels: (energy || []).map((e) => ({ rms: Math.sqrt(e / info.frames) })),
  wall_in_script_s: +(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(3),
}));
