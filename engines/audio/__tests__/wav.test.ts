// The WAV decoder: every sample format against hand-computed values and against libsndfile (via
// python soundfile, on files written by sox and soundfile), chunked and offset reads, and every
// malformed, truncated or unsupported header we refuse, with the reason and message it gets.
//
// Samples are compared exactly, not with toBeCloseTo: scaling by a power of two is exact, so the
// decoder must give libsndfile's float32 values bit for bit.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '../../errors.ts';
import { AudioFormatError, decodeWavFrames, openWav, openWavSync, parseWavHeader, readWavInfo, WavReader, type WavErrorReason, type WavInfo } from '../wav.ts';

const PYTHON = '/usr/bin/python3';
// `npm test` installs sox and python3-soundfile first (scripts/ensure-test-deps.js); a missing
// tool fails these tests rather than skipping them.
const haveSox = spawnSync('sox', ['--version']).status === 0;
const haveSoundfile = spawnSync(PYTHON, ['-c', 'import soundfile, numpy']).status === 0;
const requireTools = (tools: { sox?: boolean; soundfile?: boolean }) => () => {
  if (tools.sox && !haveSox) throw new Error('sox is required for these tests (apt-get install sox)');
  if (tools.soundfile && !haveSoundfile) throw new Error('python3 soundfile is required for these tests (apt-get install python3-soundfile python3-numpy)');
};
const withSox = (name: string, fn: () => void) => describe(name, () => { beforeAll(requireTools({ sox: true })); fn(); });
const withSoundfile = (name: string, fn: () => void) => describe(name, () => { beforeAll(requireTools({ soundfile: true })); fn(); });
const withBoth = (name: string, fn: () => void) => describe(name, () => { beforeAll(requireTools({ sox: true, soundfile: true })); fn(); });

let dir: string;
let fileCount = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'heihachi-wav-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tmp = (name = `f${fileCount++}.wav`) => join(dir, name);
function writeTmp(bytes: Buffer, name?: string): string {
  const path = tmp(name);
  writeFileSync(path, bytes);
  return path;
}

// ---------------------------------------------------------------------------------------------
// Building WAV files byte by byte.

const KS_TAIL = Buffer.from('000000001000800000aa00389b71', 'hex').subarray(2);

interface FmtSpec {
  tag?: number;
  channels: number;
  rate?: number;
  bits: number;
  blockAlign?: number;
  /** WAVE_FORMAT_EXTENSIBLE with this subformat tag (and valid bits). */
  ext?: { subTag: number; validBits?: number; tail?: Buffer };
  /** Declared fmt chunk size (the body is cut or zero-padded to it). */
  size?: number;
}

function fmtChunk(f: FmtSpec): Buffer {
  const body = Buffer.alloc(40);
  const container = Math.ceil(f.bits / 8);
  body.writeUInt16LE(f.ext ? 0xfffe : (f.tag ?? 1), 0);
  body.writeUInt16LE(f.channels, 2);
  body.writeUInt32LE(f.rate ?? 8000, 4);
  const align = f.blockAlign ?? f.channels * container;
  body.writeUInt32LE((f.rate ?? 8000) * align, 8);
  body.writeUInt16LE(align, 12);
  body.writeUInt16LE(f.bits, 14);
  let size = 16;
  if (f.ext) {
    body.writeUInt16LE(22, 16);
    body.writeUInt16LE(f.ext.validBits ?? f.bits, 18);
    body.writeUInt32LE(f.channels === 2 ? 3 : 0, 20);
    body.writeUInt32LE(f.ext.subTag, 24);
    (f.ext.tail ?? KS_TAIL).copy(body, 28);
    size = 40;
  }
  size = f.size ?? size;
  return chunk('fmt ', size <= 40 ? body.subarray(0, size) : Buffer.concat([body, Buffer.alloc(size - 40)]));
}

/** A RIFF chunk; odd bodies get their pad byte unless `pad` is false. `size` overrides the header. */
function chunk(id: string, body: Buffer, opts: { pad?: boolean; size?: number } = {}): Buffer {
  const head = Buffer.alloc(8);
  head.write(id, 0, 'latin1');
  head.writeUInt32LE(opts.size ?? body.length, 4);
  const pad = body.length % 2 && opts.pad !== false ? Buffer.alloc(1) : Buffer.alloc(0);
  return Buffer.concat([head, body, pad]);
}

function riff(chunks: Buffer[], magic = 'RIFF', form = 'WAVE'): Buffer {
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.write(magic, 0, 'latin1');
  head.writeUInt32LE(magic === 'RIFF' ? body.length + 4 : 0xffffffff, 4);
  head.write(form, 8, 'latin1');
  return Buffer.concat([head, body]);
}

/** A canonical file: fmt then data, with optional chunks around them and a forged data size. */
function wav(f: FmtSpec, data: Buffer, o: { before?: Buffer[]; between?: Buffer[]; after?: Buffer[]; dataSize?: number } = {}): Buffer {
  return riff([...(o.before ?? []), fmtChunk(f), ...(o.between ?? []), chunk('data', data, { size: o.dataSize }), ...(o.after ?? [])]);
}

/** Little-endian sample bytes: integers for PCM (8-bit unsigned as stored), numbers for float. */
function samples(bits: number, values: number[], float = false): Buffer {
  const size = bits / 8;
  const b = Buffer.alloc(values.length * size);
  values.forEach((v, i) => {
    const p = i * size;
    if (float && size === 4) b.writeFloatLE(v, p);
    else if (float) b.writeDoubleLE(v, p);
    else if (size === 1) b.writeUInt8(v, p);
    else if (size === 2) b.writeInt16LE(v, p);
    else if (size === 3) b.writeIntLE(v, p, 3);
    else b.writeInt32LE(v, p);
  });
  return b;
}

/** Deterministic pseudo-random integers in [lo, hi]. */
function noise(count: number, lo: number, hi: number, seed = 1): number[] {
  let s = seed;
  return Array.from({ length: count }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return lo + Math.floor((s / 2 ** 32) * (hi - lo + 1));
  });
}

// ---------------------------------------------------------------------------------------------
// Decoding helpers.

interface Decoded {
  info: WavInfo;
  channels: Float32Array[];
  accelerated: boolean;
}

function decodeFile(path: string, chunkFrames?: number): Decoded {
  const file = openWavSync(path);
  try {
    const { info } = file;
    const channels = Array.from({ length: info.channels }, () => new Float32Array(info.frames));
    const reader = new WavReader(file.fd, info, chunkFrames);
    expect(reader.read(0, info.frames, channels, 0)).toBe(info.frames);
    return { info, channels, accelerated: reader.accelerated };
  } finally {
    file.close();
  }
}

const decodeBytes = (bytes: Buffer, chunkFrames?: number) => decodeFile(writeTmp(bytes), chunkFrames);

/** De-interleaves expected values into per-channel float32 arrays. */
function perChannel(values: number[], channels: number): Float32Array[] {
  return Array.from({ length: channels }, (_, c) => Float32Array.from(values.filter((_v, i) => i % channels === c)));
}

function expectSameSamples(got: Float32Array[], want: Float32Array[]): void {
  expect(got.length).toBe(want.length);
  got.forEach((ch, c) => {
    const w = want[c]!;
    expect(ch.length).toBe(w.length);
    const firstDiff = ch.findIndex((v, i) => !Object.is(v, w[i]));
    expect({ channel: c, firstDiff, got: ch[firstDiff], want: w[firstDiff] }).toEqual({ channel: c, firstDiff: -1, got: undefined, want: undefined });
  });
}

interface SoundfileRead {
  frames: number;
  channels: number;
  samplerate: number;
  format: string;
  subtype: string;
  data: Float32Array[];
}

/** libsndfile's reading of each file (soundfile.read(dtype='float32')), one python run for all. */
function soundfileRead(paths: string[]): SoundfileRead[] {
  const script = [
    'import sys, json, soundfile as sf, numpy as np',
    'out = []',
    'for p in sys.argv[1:]:',
    '    x, sr = sf.read(p, dtype="float32", always_2d=True)',
    '    i = sf.info(p)',
    '    np.ascontiguousarray(x.T).astype("<f4").tofile(p + ".f32")',
    '    out.append(dict(frames=x.shape[0], channels=x.shape[1], samplerate=sr, format=i.format, subtype=i.subtype))',
    'print(json.dumps(out))',
  ].join('\n');
  const infos = JSON.parse(execFileSync(PYTHON, ['-c', script, ...paths], { encoding: 'utf8' })) as Omit<SoundfileRead, 'data'>[];
  return infos.map((info, k) => {
    const raw = readFileSync(paths[k] + '.f32');
    const all = new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
    return { ...info, data: Array.from({ length: info.channels }, (_, c) => all.slice(c * info.frames, (c + 1) * info.frames)) };
  });
}

function expectWavError(fn: () => unknown, reason: WavErrorReason, message: RegExp | string): AudioFormatError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(AudioFormatError);
  const err = caught as AudioFormatError;
  expect(err).toBeInstanceOf(InvalidInputError);
  expect(err.code).toBe('BAD_USER_INPUT');
  expect(err.name).toBe('AudioFormatError');
  expect(err.details.reason).toBe(reason);
  expect(err.message.startsWith('wav: ')).toBe(true);
  if (typeof message === 'string') expect(err.message).toBe(message);
  else expect(err.message).toMatch(message);
  return err;
}

const parse = (bytes: Buffer) => parseWavHeader(bytes, bytes.length);

function linkTarget(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined; // closed meanwhile
  }
}

// ---------------------------------------------------------------------------------------------

describe('sample formats (hand-built files, known values)', () => {
  const cases: Array<{ name: string; fmt: FmtSpec; data: Buffer; want: number[]; info: Partial<WavInfo> }> = [
    {
      name: '8-bit unsigned: (b − 128) / 128',
      fmt: { channels: 1, bits: 8 },
      data: samples(8, [0, 1, 127, 128, 129, 255]),
      want: [-1, -127 / 128, -1 / 128, 0, 1 / 128, 127 / 128],
      info: { encoding: 'pcm', bitsPerSample: 8, validBits: 8, formatTag: 1, extensible: false },
    },
    {
      name: '16-bit: v / 32768',
      fmt: { channels: 1, bits: 16 },
      data: samples(16, [-32768, -1, 0, 1, 32767]),
      want: [-1, -1 / 32768, 0, 1 / 32768, 32767 / 32768],
      info: { encoding: 'pcm', bitsPerSample: 16 },
    },
    {
      name: '24-bit: v / 8388608',
      fmt: { channels: 1, bits: 24 },
      data: samples(24, [-8388608, -1, 0, 1, 8388607, 0x123456]),
      want: [-1, -1 / 8388608, 0, 1 / 8388608, 8388607 / 8388608, 0x123456 / 8388608],
      info: { encoding: 'pcm', bitsPerSample: 24 },
    },
    {
      name: '32-bit integer: v / 2147483648 (rounded to float32, so 2^31 − 1 → 1)',
      fmt: { channels: 1, bits: 32 },
      data: samples(32, [-2147483648, -1, 0, 1, 2147483647, 123456789]),
      want: [-1, -1 / 2 ** 31, 0, 1 / 2 ** 31, 1, 123456789 / 2 ** 31],
      info: { encoding: 'pcm', bitsPerSample: 32 },
    },
    {
      name: '32-bit float: as is, beyond ±1 too',
      fmt: { tag: 3, channels: 1, bits: 32 },
      data: samples(32, [-1, 0.5, 1e-7, 3.5, -0], true),
      want: [-1, 0.5, 1e-7, 3.5, -0],
      info: { encoding: 'float', formatTag: 3, bitsPerSample: 32 },
    },
    {
      name: '64-bit float: rounded to float32',
      fmt: { tag: 3, channels: 1, bits: 64 },
      data: samples(64, [0.1, -0.25, 1 / 3, 1e300], true),
      want: [0.1, -0.25, 1 / 3, Infinity],
      info: { encoding: 'float', bitsPerSample: 64 },
    },
    {
      name: 'extensible 24 valid bits in a 32-bit container: scaled by the container',
      fmt: { channels: 1, bits: 32, ext: { subTag: 1, validBits: 24 } },
      data: samples(32, [-8388608 * 256, 256, 8388607 * 256]),
      want: [-1, 1 / 8388608, 8388607 / 8388608],
      info: { encoding: 'pcm', formatTag: 1, extensible: true, bitsPerSample: 32, validBits: 24 },
    },
    {
      name: 'extensible 20 valid bits in 24',
      fmt: { channels: 1, bits: 24, ext: { subTag: 1, validBits: 20 } },
      data: samples(24, [0x7ffff0, -0x800000, 0x10]),
      want: [0x7ffff0 / 8388608, -1, 0x10 / 8388608],
      info: { bitsPerSample: 24, validBits: 20, extensible: true },
    },
    {
      name: 'extensible 16-bit PCM',
      fmt: { channels: 1, bits: 16, ext: { subTag: 1 } },
      data: samples(16, [16384, -16384]),
      want: [0.5, -0.5],
      info: { bitsPerSample: 16, validBits: 16, extensible: true, formatTag: 1 },
    },
    {
      name: 'extensible 32-bit float',
      fmt: { channels: 1, bits: 32, ext: { subTag: 3 } },
      data: samples(32, [0.25, -2], true),
      want: [0.25, -2],
      info: { encoding: 'float', formatTag: 3, extensible: true },
    },
    {
      name: 'extensible with validBits 0 (some writers): taken as the container',
      fmt: { channels: 1, bits: 16, ext: { subTag: 1, validBits: 0 } },
      data: samples(16, [8192]),
      want: [0.25],
      info: { validBits: 16 },
    },
    {
      name: 'ambisonic B-format PCM subformat GUID',
      fmt: { channels: 1, bits: 16, ext: { subTag: 1, tail: Buffer.from('2107d3118644c8c1ca000000', 'hex') } },
      data: samples(16, [-8192]),
      want: [-0.25],
      info: { formatTag: 1, extensible: true },
    },
    {
      name: 'plain PCM declaring 12 bits: a 16-bit container, left-justified',
      fmt: { channels: 1, bits: 12 },
      data: samples(16, [0x7ff0, -0x8000, 0x0010]),
      want: [0x7ff0 / 32768, -1, 0x10 / 32768],
      info: { bitsPerSample: 16, validBits: 12, blockAlign: 2 },
    },
  ];

  test.each(cases)('$name', ({ fmt, data, want, info }) => {
    const d = decodeBytes(wav(fmt, data));
    expect(d.info).toMatchObject({ ...info, channels: 1, sampleRate: 8000, dataOffset: fmt.ext ? 68 : 44, frames: want.length });
    expectSameSamples(d.channels, [Float32Array.from(want)]);
  });

  test('2 and 6 channels de-interleave, in every format', () => {
    const formats: Array<[FmtSpec['tag'], number, (i: number) => number]> = [
      [1, 8, (i) => (i * 37) & 0xff],
      [1, 16, (i) => ((i * 7919) & 0xffff) - 32768],
      [1, 24, (i) => ((i * 104729) & 0xffffff) - 0x800000],
      [1, 32, (i) => (i * 2654435761) | 0],
      [3, 32, (i) => Math.fround(Math.sin(i) * 0.9)],
      [3, 64, (i) => Math.cos(i) * 0.7],
    ];
    for (const channels of [2, 6]) {
      for (const [tag, bits, gen] of formats) {
        const values = Array.from({ length: 11 * channels }, (_, i) => gen(i));
        const d = decodeBytes(wav({ tag, channels, bits }, samples(bits, values, tag === 3)));
        expect(d.info).toMatchObject({ channels, frames: 11, blockAlign: (channels * bits) / 8 });
        const scale = tag === 3 ? 1 : bits === 8 ? 128 : 2 ** (bits - 1);
        const want = values.map((v) => (bits === 8 && tag === 1 ? (v - 128) / scale : v / scale));
        expectSameSamples(d.channels, perChannel(want, channels));
      }
    }
  });

  test('a 1-sample file is 1 frame', () => {
    const d = decodeBytes(wav({ channels: 1, bits: 16 }, samples(16, [-16384])));
    expect(d.info.frames).toBe(1);
    expectSameSamples(d.channels, [Float32Array.of(-0.5)]);
    const stereo = decodeBytes(wav({ channels: 2, bits: 24 }, samples(24, [4194304, -4194304])));
    expectSameSamples(stereo.channels, [Float32Array.of(0.5), Float32Array.of(-0.5)]);
  });

  test('a header-only file (empty data chunk) has 0 frames and reads nothing', () => {
    const path = writeTmp(wav({ channels: 2, bits: 16 }, Buffer.alloc(0)));
    const file = openWavSync(path);
    expect(file.info).toMatchObject({ frames: 0, dataBytes: 0, dataOffset: 44 });
    expect(new WavReader(file.fd, file.info).read(0, 100, [new Float32Array(0), new Float32Array(0)], 0)).toBe(0);
    file.close();
  });

  test('sample rates from 1 Hz to 10 MHz', () => {
    expect(parse(wav({ channels: 1, bits: 16, rate: 1 }, samples(16, [0]))).sampleRate).toBe(1);
    expect(parse(wav({ channels: 1, bits: 16, rate: 10_000_000 }, samples(16, [0]))).sampleRate).toBe(10_000_000);
  });

  test('1024 channels', () => {
    const info = parse(wav({ channels: 1024, bits: 16 }, Buffer.alloc(1024 * 2 * 3)));
    expect(info).toMatchObject({ channels: 1024, blockAlign: 2048, frames: 3 });
  });
});

describe('the SIMD kernels and the JavaScript loops agree', () => {
  // Integer PCM and float32 in mono/stereo go through WebAssembly; decodeWavFrames is the scalar
  // path (also used on big-endian hosts and for unaligned buffers).
  const formats: Array<[tag: number, bits: number]> = [
    [1, 8],
    [1, 16],
    [1, 24],
    [1, 32],
    [3, 32],
    [3, 64],
  ];
  test.each(formats.flatMap(([tag, bits]) => [1, 2, 3].map((channels) => ({ tag, bits, channels }))))(
    'tag $tag, $bits-bit, $channels channel(s)',
    ({ tag, bits, channels }) => {
      const frames = 1000 + 13; // not a multiple of any kernel's unrolled block
      const values = tag === 3 ? noise(frames * channels, -1e6, 1e6).map((v) => v / 1e6) : noise(frames * channels, bits === 8 ? 0 : -(2 ** (bits - 1)), bits === 8 ? 255 : 2 ** (bits - 1) - 1);
      const data = samples(bits, values, tag === 3);
      const d = decodeBytes(wav({ tag, channels, bits }, data), 97);
      expect(d.accelerated).toBe(channels <= 2 && !(tag === 3 && (bits === 64 || channels === 1)));

      const scalar = Array.from({ length: channels }, () => new Float32Array(frames));
      decodeWavFrames(data, { encoding: tag === 3 ? 'float' : 'pcm', bitsPerSample: bits, channels }, frames, scalar, 0);
      expectSameSamples(d.channels, scalar);

      // The DataView path (unaligned source) gives the same values again.
      const shifted = Buffer.alloc(data.length + 1).fill(0x5a);
      data.copy(shifted, 1);
      const portable = Array.from({ length: channels }, () => new Float32Array(frames + 3));
      decodeWavFrames(shifted.subarray(1), { encoding: tag === 3 ? 'float' : 'pcm', bitsPerSample: bits, channels }, frames, portable, 3);
      expectSameSamples(portable.map((p) => p.subarray(3)), scalar);
    },
  );
});

describe('chunked and positioned reads', () => {
  const frames = 500;
  const configs = [
    { name: '16-bit stereo (SIMD)', fmt: { channels: 2, bits: 16 }, values: noise(frames * 2, -32768, 32767) },
    { name: '24-bit mono (SIMD)', fmt: { channels: 1, bits: 24 }, values: noise(frames, -8388608, 8388607) },
    { name: '16-bit 6 channels (JavaScript)', fmt: { channels: 6, bits: 16 }, values: noise(frames * 6, -32768, 32767) },
    { name: 'float64 stereo (JavaScript)', fmt: { tag: 3, channels: 2, bits: 64 }, values: noise(frames * 2, -1000, 1000).map((v) => v / 999) },
  ];

  test.each(configs)('$name: chunkFrames 7 gives the same samples as one big read', ({ fmt, values }) => {
    const bytes = wav(fmt, samples(fmt.bits, values, fmt.tag === 3));
    const whole = decodeBytes(bytes, 65536);
    const chunked = decodeBytes(bytes, 7);
    expectSameSamples(chunked.channels, whole.channels);
    expect(whole.info.frames).toBe(frames);
  });

  test.each(configs)('$name: reads from an offset into an offset, and stops at the end', ({ fmt, values }) => {
    const path = writeTmp(wav(fmt, samples(fmt.bits, values, fmt.tag === 3)));
    const whole = decodeFile(path).channels;
    const file = openWavSync(path);
    const reader = new WavReader(file.fd, file.info, 7);
    const out = Array.from({ length: fmt.channels }, () => new Float32Array(100).fill(9));
    expect(reader.read(123, 50, out, 5)).toBe(50);
    out.forEach((o, c) => {
      expect(o[4]).toBe(9); // untouched before outOffset
      expectSameSamples([o.subarray(5, 55)], [whole[c]!.subarray(123, 173)]);
      expect(o[55]).toBe(9); // and after
    });
    expect(reader.read(frames - 3, 50, out, 0)).toBe(3);
    expectSameSamples(
      out.map((o) => o.subarray(0, 3)),
      whole.map((w) => w.subarray(frames - 3)),
    );
    expect(reader.read(frames, 10, out, 0)).toBe(0);
    expect(reader.read(frames + 1000, 10, out, 0)).toBe(0);
    file.close();
  });

  test('reusing one set of output arrays across reads (the streaming pattern)', () => {
    const values = noise(frames * 2, -32768, 32767);
    const path = writeTmp(wav({ channels: 2, bits: 16 }, samples(16, values)));
    const whole = decodeFile(path).channels;
    const file = openWavSync(path);
    const reader = new WavReader(file.fd, file.info, 64);
    const block = [new Float32Array(64), new Float32Array(64)];
    const joined = [new Float32Array(frames), new Float32Array(frames)];
    for (let start = 0; start < frames; ) {
      const n = reader.read(start, 64, block, 0);
      block.forEach((b, c) => joined[c]!.set(b.subarray(0, n), start));
      start += n;
    }
    expectSameSamples(joined, whole);
    file.close();
  });

  test('chunkFrames is capped by the file length and by 4 MiB of buffer', () => {
    const small = openWavSync(writeTmp(wav({ channels: 2, bits: 16 }, Buffer.alloc(40))));
    expect(new WavReader(small.fd, small.info).chunkFrames).toBe(10);
    small.close();
    const info = parse(wav({ tag: 3, channels: 1024, bits: 64 }, Buffer.alloc(1024 * 8 * 1000)));
    expect(new WavReader(-1, info, 65536).chunkFrames).toBe(512); // 4 MiB / 8 KiB per frame
  });

  test('argument errors are RangeErrors', () => {
    const file = openWavSync(writeTmp(wav({ channels: 2, bits: 16 }, Buffer.alloc(40))));
    const reader = new WavReader(file.fd, file.info);
    expect(() => reader.read(-1, 1, [new Float32Array(1), new Float32Array(1)], 0)).toThrow(RangeError);
    expect(() => reader.read(0, 1, [new Float32Array(1)], 0)).toThrow('wav: 1 output arrays for 2 channels');
    expect(() => reader.read(0, 5, [new Float32Array(4), new Float32Array(5)], 0)).toThrow('wav: output array 0 holds 4 samples, need 5');
    expect(() => new WavReader(file.fd, file.info, 0)).toThrow(RangeError);
    file.close();
  });
});

describe('chunk layout', () => {
  const fmt = { channels: 1, bits: 16 };
  const data = samples(16, [1000, -2000, 3000]);
  const want = [Float32Array.from([1000, -2000, 3000].map((v) => v / 32768))];

  test('chunks before and after fmt and data (JUNK, bext, LIST, fact, id3) are skipped', () => {
    const list = chunk('LIST', Buffer.concat([Buffer.from('INFO'), chunk('INAM', Buffer.from('a title\0'))]));
    const bytes = wav(fmt, data, {
      before: [chunk('JUNK', Buffer.alloc(28)), chunk('bext', Buffer.alloc(602)), list],
      between: [chunk('fact', samples(32, [3])), chunk('cue ', Buffer.alloc(4))],
      after: [list, chunk('id3 ', Buffer.from('ID3\x04\0\0\0\0\0\0'))],
    });
    const d = decodeBytes(bytes);
    expect(d.info.dataOffset).toBe(bytes.indexOf('data') + 8);
    expect(d.info.frames).toBe(3);
    expectSameSamples(d.channels, want);
  });

  test('odd-sized chunks are followed by their pad byte', () => {
    const bytes = wav(fmt, data, { before: [chunk('LIST', Buffer.from('INFOabc'))], between: [chunk('junk', Buffer.from('x'))] });
    expect(bytes.readUInt32LE(bytes.indexOf('LIST') + 4)).toBe(7);
    expectSameSamples(decodeBytes(bytes).channels, want);
  });

  test('a writer that forgot the pad byte is still read', () => {
    const bytes = wav(fmt, data, { before: [chunk('LIST', Buffer.from('INFOabc'), { pad: false })], between: [chunk('junk', Buffer.from('x'), { pad: false })] });
    expectSameSamples(decodeBytes(bytes).channels, want);
  });

  test('an odd-sized 8-bit data chunk, pad byte and a chunk after it', () => {
    const bytes = wav({ channels: 1, bits: 8 }, samples(8, [0, 64, 128, 192, 255]), { after: [chunk('LIST', Buffer.from('INFO'))] });
    const d = decodeBytes(bytes);
    expect(d.info).toMatchObject({ frames: 5, dataBytes: 5 });
    expectSameSamples(d.channels, [Float32Array.from([-1, -0.5, 0, 0.5, 127 / 128])]);
  });

  test('fmt after data is found when data can be skipped', () => {
    const bytes = riff([chunk('data', data), fmtChunk(fmt)]);
    const d = decodeBytes(bytes);
    expect(d.info.dataOffset).toBe(20);
    expectSameSamples(d.channels, want);
  });

  test('a 1 MB LIST chunk before data: readWavInfo seeks over it; parseWavHeader needs the bytes', () => {
    const bytes = wav(fmt, data, { before: [chunk('LIST', Buffer.alloc(1 << 20, 0x41))] });
    const path = writeTmp(bytes);
    const d = decodeFile(path);
    expect(d.info.dataOffset).toBe(12 + 8 + (1 << 20) + 24 + 8);
    expectSameSamples(d.channels, want);
    expect(parse(bytes)).toEqual(d.info);
    expect(() => parseWavHeader(bytes.subarray(0, 4096), bytes.length)).toThrow(RangeError);
    expect(() => parseWavHeader(bytes.subarray(0, 4096), bytes.length)).toThrow(/use readWavInfo/);
  });

  test('readWavInfo and parseWavHeader agree', () => {
    const bytes = wav({ channels: 2, bits: 24, ext: { subTag: 1, validBits: 20 } }, Buffer.alloc(60), { before: [chunk('JUNK', Buffer.alloc(28))] });
    const file = openWavSync(writeTmp(bytes));
    expect(readWavInfo(file.fd, bytes.length)).toEqual(parse(bytes));
    expect(parse(bytes)).toEqual({
      encoding: 'pcm',
      formatTag: 1,
      extensible: true,
      bitsPerSample: 24,
      validBits: 20,
      channels: 2,
      sampleRate: 8000,
      blockAlign: 6,
      dataOffset: 12 + 36 + 48 + 8,
      dataBytes: 60,
      frames: 10,
    });
    file.close();
  });

  test('a data size that is not a multiple of the block align: the trailing partial frame is ignored', () => {
    const d = decodeBytes(wav({ channels: 2, bits: 16 }, samples(16, [1, 2, 3, 4, 5, 6, 7])));
    expect(d.info).toMatchObject({ frames: 3, dataBytes: 12 });
    expectSameSamples(d.channels, perChannel([1, 2, 3, 4, 5, 6].map((v) => v / 32768), 2));
  });
});

describe('declared data sizes', () => {
  const fmt = { channels: 2, bits: 16 };
  const data = samples(16, noise(20, -32768, 32767));

  test('a data chunk declaring more bytes than the file holds is a truncated file', () => {
    const bytes = wav(fmt, data, { dataSize: 1000 });
    const err = expectWavError(() => parse(bytes), 'truncated', 'wav: truncated file: the "data" chunk declares 1000 bytes but only 40 are present after its header (file is 84 bytes)');
    expect(err.details).toMatchObject({ chunk: 'data', declaredBytes: 1000, presentBytes: 40, fileSize: 84 });
  });

  test('a header claiming ~4 GB (32-bit) or 10 GB (RF64 ds64) in a small file: truncated, nothing allocated by it', () => {
    const before = process.memoryUsage().arrayBuffers;
    expectWavError(() => decodeBytes(wav(fmt, data, { dataSize: 0xfffffff0 })), 'truncated', /declares 4294967280 bytes but only 40 are present/);
    const ds64 = Buffer.alloc(28);
    ds64.writeUInt32LE(0, 0); // riff size 64: ignored
    ds64.writeUInt32LE(0x80000000, 8); // data size: 10 × 2^30 = 2.5 × 2^32
    ds64.writeUInt32LE(2, 12);
    const rf64 = riff([chunk('ds64', ds64), fmtChunk(fmt), chunk('data', data, { size: 0xffffffff })], 'RF64');
    const err = expectWavError(() => decodeBytes(rf64), 'truncated', /declares 10737418240 bytes but only 40 are present/);
    expect(err.details.declaredBytes).toBe(10 * 2 ** 30);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 << 20);
  });

  test('the 0xFFFFFFFF streaming placeholder: the bytes present are used', () => {
    const d = decodeBytes(wav(fmt, data, { dataSize: 0xffffffff }));
    expect(d.info.frames).toBe(10);
    expectSameSamples(d.channels, decodeBytes(wav(fmt, data)).channels);
  });

  test('the 0 placeholder: the bytes present are used, unless a chunk follows (a genuinely empty data chunk)', () => {
    expect(parse(wav(fmt, data, { dataSize: 0 })).frames).toBe(10);
    const empty = riff([fmtChunk(fmt), chunk('data', Buffer.alloc(0)), chunk('LIST', Buffer.from('INFOxxxx'))]);
    expect(parse(empty).frames).toBe(0);
  });

  test('SoX\'s pipe placeholder 0x7FFFF000: the bytes present are used', () => {
    expect(parse(wav(fmt, data, { dataSize: 0x7ffff000 })).frames).toBe(10);
  });

  test('a file truncated after the header was read: the read fails with "truncated"', () => {
    const path = writeTmp(wav(fmt, Buffer.alloc(4000)));
    const file = openWavSync(path);
    truncateSync(path, 44 + 1000);
    const out = [new Float32Array(1000), new Float32Array(1000)];
    const reader = new WavReader(file.fd, file.info, 100);
    expectWavError(() => reader.read(0, 1000, out, 0), 'truncated', 'wav: truncated file: it ended at byte 1044 while reading frame 250 of 1000');
    file.close();
  });
});

describe('refused files', () => {
  const fmt = { channels: 1, bits: 16 };
  const data = samples(16, [0, 1]);

  test('an MP3 with an ID3 tag', () => {
    const mp3 = Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x23', 'latin1'), Buffer.alloc(40, 0xff)]);
    const err = expectWavError(() => parse(mp3), 'not-wav', /^wav: not a WAV file: it starts with bytes 49 44 33 04 00 00 00 00 00 23 ff ff .* \(looks like MP3 with an ID3 tag\); a WAV file starts with "RIFF", a size and "WAVE"$/);
    expect(err.details).toMatchObject({ looksLike: 'MP3 with an ID3 tag' });
  });

  test('a bare MPEG audio frame, FLAC, Ogg', () => {
    expectWavError(() => parse(Buffer.from('fffb9064000000000000', 'hex')), 'not-wav', /looks like MP3 \(MPEG audio frame\)/);
    expectWavError(() => parse(Buffer.from('fLaC\0\0\0\x22', 'latin1')), 'not-wav', /looks like FLAC/);
    expectWavError(() => parse(Buffer.from('OggS\0\x02\0\0', 'latin1')), 'not-wav', /looks like Ogg/);
  });

  test('a text file', () => {
    const text = Buffer.from('hello, this is not audio at all\nsecond line\n');
    expectWavError(() => parse(text), 'not-wav', 'wav: not a WAV file: it starts with text "hello, this is not audio…"; a WAV file starts with "RIFF", a size and "WAVE"');
  });

  test('an empty file, a 3-byte file, a cut RIFF header', () => {
    expectWavError(() => parse(Buffer.alloc(0)), 'not-wav', 'wav: not a WAV file: the file is empty (0 bytes)');
    expectWavError(() => parse(Buffer.from('abc')), 'not-wav', /it starts with text "abc"/);
    expectWavError(() => parse(Buffer.from('RIFF\x10\0\0\0', 'latin1')), 'truncated', 'wav: truncated file: 8 bytes, shorter than the 12-byte RIFF header');
  });

  test('a RIFF file that is not WAVE (AVI)', () => {
    expectWavError(() => parse(riff([chunk('LIST', Buffer.alloc(4))], 'RIFF', 'AVI ')), 'not-wav', 'wav: not a WAV file: a RIFF file of form "AVI ", expected "WAVE"');
  });

  test('big-endian RIFX', () => {
    expectWavError(() => parse(riff([], 'RIFX')), 'unsupported-format', /big-endian RIFX/);
  });

  test('zero channels', () => {
    const err = expectWavError(() => parse(wav({ channels: 0, bits: 16, blockAlign: 0 }, data)), 'bad-header', 'wav: the header declares 0 channels');
    expect(err.details).toMatchObject({ field: 'channels', value: 0 });
  });

  test('a 0 Hz sample rate', () => {
    expectWavError(() => parse(wav({ channels: 1, bits: 16, rate: 0 }, data)), 'bad-header', 'wav: the header declares a sample rate of 0 Hz');
  });

  test('more than 1024 channels, more than 10 MHz', () => {
    expectWavError(() => parse(wav({ channels: 1025, bits: 16 }, data)), 'unsupported-format', 'wav: 1025 channels; at most 1024 are supported');
    expectWavError(() => parse(wav({ channels: 1, bits: 16, rate: 10_000_001 }, data)), 'unsupported-format', 'wav: sample rate 10000001 Hz; at most 10000000 Hz is supported');
  });

  test.each([
    [0x0002, 'Microsoft ADPCM'],
    [0x0006, 'A-law'],
    [0x0007, 'µ-law'],
    [0x0011, 'IMA ADPCM'],
    [0x0055, 'MP3'],
    [0x1234, 'unknown'],
  ])('compressed codec: format tag %i (%s)', (tag, codec) => {
    const hexTag = '0x' + tag.toString(16).padStart(4, '0');
    const err = expectWavError(
      () => parse(wav({ tag, channels: 1, bits: 4, blockAlign: 256 }, data)),
      'unsupported-codec',
      `wav: unsupported codec "${codec}" (format tag ${hexTag}); only PCM integer and IEEE float WAV are supported`,
    );
    expect(err.details).toMatchObject({ codec, formatTag: tag, extensible: false });
  });

  test('a compressed extensible subformat, an unknown subformat GUID', () => {
    expectWavError(
      () => parse(wav({ channels: 1, bits: 8, ext: { subTag: 6 } }, data)),
      'unsupported-codec',
      'wav: unsupported codec "A-law" (extensible subformat, format tag 0x0006); only PCM integer and IEEE float WAV are supported',
    );
    expectWavError(
      () => parse(wav({ channels: 1, bits: 16, ext: { subTag: 1, tail: Buffer.alloc(12, 0x11) } }, data)),
      'unsupported-codec',
      'wav: unsupported codec "unknown" (extensible subformat GUID 00000001-1111-1111-1111-111111111111); only PCM integer and IEEE float WAV are supported',
    );
  });

  test('missing fmt chunk, missing data chunk (the message lists the chunks found)', () => {
    const noFmt = riff([chunk('LIST', Buffer.from('INFO')), chunk('data', data)]);
    const e1 = expectWavError(() => parse(noFmt), 'missing-chunk', 'wav: no "fmt " chunk (chunks found: "LIST" (4 bytes at 12), "data" (4 bytes at 24))');
    expect(e1.details).toMatchObject({ chunk: 'fmt ' });
    expectWavError(() => parse(riff([fmtChunk(fmt), chunk('LIST', Buffer.from('INFO'))])), 'missing-chunk', 'wav: no "data" chunk (chunks found: "fmt " (16 bytes at 12), "LIST" (4 bytes at 36))');
    expectWavError(() => parse(riff([])), 'missing-chunk', 'wav: no "fmt " chunk (no chunks after the RIFF header)');
  });

  test('block align inconsistent with channels × bits', () => {
    const err = expectWavError(() => parse(wav({ channels: 2, bits: 16, blockAlign: 2 }, data)), 'bad-header', 'wav: block align 2 does not match 2 channel(s) × 2 bytes per sample = 4');
    expect(err.details).toMatchObject({ field: 'blockAlign', value: 2, expected: 4 });
  });

  test('unsupported sample sizes', () => {
    expectWavError(() => parse(wav({ tag: 3, channels: 1, bits: 16 }, data)), 'unsupported-format', 'wav: 16-bit IEEE float is not supported (integer PCM: 8, 16, 24 or 32 bits; float: 32 or 64 bits)');
    expectWavError(() => parse(wav({ channels: 1, bits: 64 }, data)), 'unsupported-format', /64-bit integer PCM is not supported/);
    expectWavError(() => parse(wav({ channels: 1, bits: 20, ext: { subTag: 1 } }, data)), 'unsupported-format', /20-bit integer PCM/);
    expectWavError(() => parse(wav({ channels: 1, bits: 0, blockAlign: 0 }, data)), 'bad-header', 'wav: the header declares 0 bits per sample');
    expectWavError(() => parse(wav({ channels: 1, bits: 16, ext: { subTag: 1, validBits: 20 } }, data)), 'bad-header', 'wav: 20 valid bits per sample exceed the 16-bit container');
  });

  test('fmt chunks that are too short or cut by the end of the file', () => {
    expectWavError(() => parse(wav({ ...fmt, size: 14 }, data)), 'bad-header', 'wav: "fmt " chunk is 14 bytes, expected at least 16');
    expectWavError(() => parse(wav({ ...fmt, ext: { subTag: 1 }, size: 18 }, data)), 'bad-header', 'wav: WAVE_FORMAT_EXTENSIBLE "fmt " chunk is 18 bytes, expected 40');
    const cut = riff([fmtChunk(fmt)]).subarray(0, 30);
    expectWavError(() => parse(cut), 'truncated', 'wav: truncated file: the "fmt " chunk declares 16 bytes but only 10 are present');
  });

  test('openWav rejects with the format error and closes the file', async () => {
    const path = writeTmp(Buffer.from('not a wav file at all'));
    // Descriptors still open on the file (Linux only; elsewhere this checks nothing).
    const openOnPath = () => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').filter((fd) => linkTarget(`/proc/self/fd/${fd}`) === path) : []);
    await expect(openWav(path)).rejects.toMatchObject({ name: 'AudioFormatError', details: { reason: 'not-wav' } });
    expect(() => openWavSync(path)).toThrow(AudioFormatError);
    expect(openOnPath()).toEqual([]);
    const file = openWavSync(writeTmp(wav(fmt, data), 'held.wav'));
    expect(linkTarget(`/proc/self/fd/${file.fd}`) ?? join(dir, 'held.wav')).toBe(join(dir, 'held.wav')); // the check can see an open file
    file.close();
  });

  test('openWav opens, and close() is idempotent', async () => {
    const file = await openWav(writeTmp(wav(fmt, data)));
    expect(file.info.frames).toBe(2);
    file.close();
    file.close();
  });
});

withBoth('files written by sox, read as libsndfile reads them', () => {
  const encodings: Array<[bits: number, encoding: string]> = [
    [8, 'unsigned-integer'],
    [16, 'signed-integer'],
    [24, 'signed-integer'],
    [32, 'signed-integer'],
    [32, 'floating-point'],
    [64, 'floating-point'],
  ];
  const cases = encodings.flatMap(([bits, encoding]) => [1, 2, 6].map((channels) => ({ bits, encoding, channels })));

  test('every format × 1, 2 and 6 channels', () => {
    const tones = ['sine 300', 'square 500', 'sawtooth 700', 'triangle 900', 'sine 1100', 'noise'];
    const paths = cases.map(({ bits, encoding, channels }) => {
      const path = tmp(`sox-${bits}-${encoding}-${channels}.wav`);
      const synth = tones.slice(0, channels).flatMap((t) => t.split(' '));
      execFileSync('sox', ['-D', '-R', '-n', '-r', '8000', '-c', String(channels), '-b', String(bits), '-e', encoding, path, 'synth', '0.1', ...synth, 'vol', '0.9'], { stdio: 'pipe' });
      return path;
    });
    const reference = soundfileRead(paths);
    cases.forEach(({ bits, encoding, channels }, k) => {
      const ref = reference[k]!;
      const d = decodeFile(paths[k]!, 101);
      expect({ bits, encoding, channels, info: d.info }).toMatchObject({
        info: { channels: ref.channels, sampleRate: ref.samplerate, frames: ref.frames, bitsPerSample: bits, encoding: encoding === 'floating-point' ? 'float' : 'pcm', extensible: ref.format === 'WAVEX' },
      });
      expectSameSamples(d.channels, ref.data);
    });
  });

  test('sox writing to a pipe (data size 0x7FFFF000) decodes like the same file written to disk', () => {
    const args = ['-D', '-R', '-n', '-r', '8000', '-c', '2', '-b', '16'];
    const piped = execFileSync('sox', [...args, '-t', 'wav', '-', 'synth', '0.05', 'sine', '440', 'sine', '660'], { stdio: ['ignore', 'pipe', 'pipe'] });
    expect(piped.readUInt32LE(piped.indexOf('data') + 4)).toBe(0x7ffff000);
    const onDisk = tmp();
    execFileSync('sox', [...args, onDisk, 'synth', '0.05', 'sine', '440', 'sine', '660'], { stdio: 'pipe' });
    const fromPipe = decodeBytes(piped);
    expect(fromPipe.info.frames).toBe(400);
    expectSameSamples(fromPipe.channels, decodeFile(onDisk).channels);
  });
});

withSoundfile('files written by libsndfile, and hand-built files as libsndfile reads them', () => {
  test('WAV, WAVEX and RF64 in every subtype', () => {
    const subtypes = ['PCM_U8', 'PCM_16', 'PCM_24', 'PCM_32', 'FLOAT', 'DOUBLE'];
    const formats = ['WAV', 'WAVEX', 'RF64'];
    const names = formats.flatMap((f) => subtypes.map((s) => ({ f, s, path: tmp(`sf-${f}-${s}.wav`) })));
    const script = [
      'import sys, json, soundfile as sf, numpy as np',
      'x = np.random.default_rng(7).uniform(-1, 1, (333, 2))',
      'for spec in json.loads(sys.argv[1]):',
      '    sf.write(spec["path"], x, 44100, format=spec["f"], subtype=spec["s"])',
    ].join('\n');
    execFileSync(PYTHON, ['-c', script, JSON.stringify(names)]);
    const reference = soundfileRead(names.map((n) => n.path));
    names.forEach(({ f, s, path }, k) => {
      const d = decodeFile(path, 50);
      expect({ f, s, frames: d.info.frames, rate: d.info.sampleRate, ext: d.info.extensible }).toEqual({ f, s, frames: 333, rate: 44100, ext: reference[k]!.format === 'WAVEX' || (f === 'RF64' && d.info.extensible) });
      expectSameSamples(d.channels, reference[k]!.data);
    });
  });

  test('real compressed WAV files are refused with the codec named', () => {
    const specs = [
      { s: 'ALAW', codec: 'A-law', tag: '0x0006' },
      { s: 'ULAW', codec: 'µ-law', tag: '0x0007' },
      { s: 'IMA_ADPCM', codec: 'IMA ADPCM', tag: '0x0011' },
      { s: 'MS_ADPCM', codec: 'Microsoft ADPCM', tag: '0x0002' },
      { s: 'GSM610', codec: 'GSM 6.10', tag: '0x0031' },
      { s: 'MPEG_LAYER_III', codec: 'MP3', tag: '0x0055' },
    ].map((x) => ({ ...x, path: tmp(`codec-${x.s}.wav`) }));
    const script = [
      'import sys, json, soundfile as sf, numpy as np',
      'x = np.sin(np.arange(8000) * 0.05) * 0.5',
      'for spec in json.loads(sys.argv[1]):',
      '    try: sf.write(spec["path"], x, 8000, format="WAV", subtype=spec["s"])',
      '    except Exception: pass', // a libsndfile built without MP3 support
    ].join('\n');
    execFileSync(PYTHON, ['-c', script, JSON.stringify(specs)]);
    // libsndfile without an MP3 encoder leaves an empty file for that one.
    const written = specs.filter((x) => existsSync(x.path) && statSync(x.path).size > 0);
    expect(written.length).toBeGreaterThanOrEqual(5);
    for (const { path, codec, tag } of written) {
      expectWavError(() => openWavSync(path), 'unsupported-codec', `wav: unsupported codec "${codec}" (format tag ${tag}); only PCM integer and IEEE float WAV are supported`);
    }
  });

  test('24-in-32 extensible, 12-bit plain PCM, odd chunks and a partial frame read like libsndfile', () => {
    const files = [
      wav({ channels: 2, bits: 32, ext: { subTag: 1, validBits: 24 } }, samples(32, noise(64, -8388608, 8388607).map((v) => v * 256))),
      wav({ channels: 1, bits: 12 }, samples(16, noise(50, -2048, 2047).map((v) => v * 16))),
      wav({ channels: 1, bits: 8 }, samples(8, noise(7, 0, 255)), { before: [chunk('LIST', Buffer.from('INFOabc'))], after: [chunk('LIST', Buffer.from('INFO'))] }),
      wav({ channels: 2, bits: 16 }, samples(16, noise(21, -32768, 32767))),
      wav({ channels: 6, bits: 24 }, samples(24, noise(60, -8388608, 8388607))),
    ].map((b) => writeTmp(b));
    const reference = soundfileRead(files);
    files.forEach((path, k) => {
      const d = decodeFile(path, 3);
      expect(d.info.frames).toBe(reference[k]!.frames);
      expectSameSamples(d.channels, reference[k]!.data);
    });
  });
});

withSox('files written by sox with chunks around the data', () => {
  test('a LIST comment chunk written by sox', () => {
    const path = tmp();
    execFileSync('sox', ['-D', '-R', '-n', '--comment', 'a comment of odd length', '-r', '8000', '-c', '1', '-b', '16', path, 'synth', '0.01', 'sine', '440'], { stdio: 'pipe' });
    const d = decodeFile(path);
    expect(d.info.frames).toBe(80);
    expect(d.channels[0]!.some((v) => v !== 0)).toBe(true);
  });
});
