// WAV reading for the audio benchmark's Node peers and runner: the RIFF header (the `fmt ` and
// `data` chunks found by walking the chunk list, not assumed at byte 44), 16-bit PCM read in blocks
// into reused per-channel buffers, and librosa-style centered framing (center=True, zero padding).
'use strict';
const fs = require('node:fs');

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_IEEE_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/**
 * Parses the RIFF/WAVE header of an open file: { encoding: 'pcm' | 'float', channels, sampleRate,
 * bitsPerSample, blockAlign, dataOffset, dataBytes, frames } (frames = sample frames, one sample per
 * channel each). Throws on anything that is not a WAVE file with a `fmt ` chunk before `data`.
 */
function readWavHeader(fd, name = 'file') {
  const head = Buffer.alloc(12);
  if (fs.readSync(fd, head, 0, 12, 0) !== 12 || head.toString('latin1', 0, 4) !== 'RIFF' || head.toString('latin1', 8, 12) !== 'WAVE') {
    throw new Error(`wav: ${name} is not a RIFF/WAVE file`);
  }
  const size = fs.fstatSync(fd).size;
  const ch = Buffer.alloc(8);
  let fmt = null;
  for (let pos = 12; pos + 8 <= size;) {
    fs.readSync(fd, ch, 0, 8, pos);
    const id = ch.toString('latin1', 0, 4);
    const len = ch.readUInt32LE(4);
    if (id === 'fmt ') {
      const b = Buffer.alloc(Math.min(len, 40));
      fs.readSync(fd, b, 0, b.length, pos + 8);
      let format = b.readUInt16LE(0);
      // WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the sub-format GUID.
      if (format === WAVE_FORMAT_EXTENSIBLE && b.length >= 26) format = b.readUInt16LE(24);
      fmt = {
        encoding: format === WAVE_FORMAT_PCM ? 'pcm' : format === WAVE_FORMAT_IEEE_FLOAT ? 'float' : `format 0x${format.toString(16)}`,
        channels: b.readUInt16LE(2), sampleRate: b.readUInt32LE(4), blockAlign: b.readUInt16LE(12), bitsPerSample: b.readUInt16LE(14),
      };
    } else if (id === 'data') {
      if (!fmt) throw new Error(`wav: ${name}: data chunk before the fmt chunk`);
      // sox writes 0xffffffff or a too large size when it could not seek back: clamp to the file.
      const dataBytes = Math.min(len, size - pos - 8);
      return { ...fmt, dataOffset: pos + 8, dataBytes, frames: Math.floor(dataBytes / fmt.blockAlign) };
    }
    pos += 8 + len + (len & 1); // chunks are padded to an even size
  }
  throw new Error(`wav: ${name} has no data chunk`);
}

/** readWavHeader for a path. */
function wavInfo(file) {
  const fd = fs.openSync(file, 'r');
  try { return readWavHeader(fd, file); } finally { fs.closeSync(fd); }
}

/**
 * Reads a 16-bit PCM WAV in blocks of up to `blockFrames` sample frames (at most `maxFrames` in all)
 * and calls onBlock(channels, n, info) with the block deinterleaved into one reused Float32Array per
 * channel (samples ÷ 32768, as soundfile's float32); returns the header info.
 */
function readPcm16(file, { blockFrames = 1 << 16, maxFrames = Infinity } = {}, onBlock) {
  const fd = fs.openSync(file, 'r');
  try {
    const info = readWavHeader(fd, file);
    if (info.encoding !== 'pcm' || info.bitsPerSample !== 16) {
      throw new Error(`wav: ${file} is ${info.encoding} ${info.bitsPerSample}-bit; this reader takes 16-bit PCM`);
    }
    const nch = info.channels;
    const raw = Buffer.alloc(blockFrames * info.blockAlign);
    const pcm = new Int16Array(raw.buffer, raw.byteOffset, raw.length >> 1);
    const channels = Array.from({ length: nch }, () => new Float32Array(blockFrames));
    const total = Math.min(info.frames, maxFrames);
    let pos = info.dataOffset;
    for (let done = 0; done < total;) {
      const want = Math.min(blockFrames, total - done);
      const got = fs.readSync(fd, raw, 0, want * info.blockAlign, pos);
      const n = Math.floor(got / info.blockAlign);
      if (n === 0) throw new Error(`wav: ${file} ends after ${done} of ${total} frames`);
      pos += n * info.blockAlign;
      for (let c = 0; c < nch; c++) {
        const out = channels[c];
        for (let i = 0, j = c; i < n; i++, j += nch) out[i] = pcm[j] * (1 / 32768);
      }
      onBlock(channels, n, info);
      done += n;
    }
    return info;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Centered STFT framing of one channel of `totalSamples` samples, as librosa's stft(center=True,
 * pad_mode='constant'): the signal is padded with nFft/2 zeros on each side and frame t covers padded
 * samples [t·hop, t·hop + nFft), t = 0 … totalSamples/hop (1 + ⌊totalSamples/hop⌋ frames). push()
 * the samples in order, then finish(); onFrame(frame, t) gets a view that is only valid during the
 * call.
 */
class CenteredFramer {
  constructor(nFft, hop, totalSamples, onFrame) {
    this.nFft = nFft;
    this.hop = hop;
    this.frames = 1 + Math.floor(totalSamples / hop);
    this.onFrame = onFrame;
    this.buf = new Float32Array(nFft * 4);
    this.len = 0; // samples held in buf
    this.start = 0; // padded-signal index of buf[0]
    this.t = 0; // next frame
    this.pushZeros(nFft / 2);
  }

  push(x, n = x.length) {
    if (this.len + n > this.buf.length) {
      const grown = new Float32Array(Math.max(this.buf.length * 2, this.len + n));
      grown.set(this.buf.subarray(0, this.len));
      this.buf = grown;
    }
    this.buf.set(n === x.length ? x : x.subarray(0, n), this.len);
    this.len += n;
    this.emit();
  }

  pushZeros(n) {
    this.push(new Float32Array(n));
  }

  emit() {
    const { nFft, hop } = this;
    while (this.t < this.frames && this.t * hop + nFft <= this.start + this.len) {
      const at = this.t * hop - this.start;
      this.onFrame(this.buf.subarray(at, at + nFft), this.t);
      this.t += 1;
    }
    // Keep only what the next frame still needs.
    const drop = Math.min(this.t * hop - this.start, this.len);
    if (drop > 0) {
      this.buf.copyWithin(0, drop, this.len);
      this.len -= drop;
      this.start += drop;
    }
  }

  finish() {
    this.pushZeros(this.nFft / 2);
    if (this.t !== this.frames) throw new Error(`framer: ${this.t} of ${this.frames} frames`);
    return this.frames;
  }
}

module.exports = { readWavHeader, wavInfo, readPcm16, CenteredFramer };
