// Heihachi's streaming WAV decoder: parses the RIFF header with a few positioned reads, then decodes
// any frame range into per-channel Float32Arrays through one reused byte buffer, so memory stays
// flat whatever the file length. Sample scaling matches libsndfile/soundfile (dtype='float32').
import { close, closeSync, fstatSync, open, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import { InvalidInputError } from '../errors.ts';

/** Why a file was refused; copied into the error's `details.reason`. */
export type WavErrorReason =
  /** Not a RIFF/RF64 WAVE file at all (empty, MP3, text, AVI…). */
  | 'not-wav'
  /** A chunk (usually `data`) declares more bytes than the file holds. */
  | 'truncated'
  /** A compressed codec (ADPCM, A-law, µ-law, MP3…) or an unknown extensible subformat. */
  | 'unsupported-codec'
  /** A layout we could decode in principle but do not: RIFX, 64-bit integers, > 1024 channels… */
  | 'unsupported-format'
  /** Header fields that contradict each other or are impossible (0 channels, 0 Hz, block align). */
  | 'bad-header'
  /** No `fmt ` or no `data` chunk. */
  | 'missing-chunk';

/** A WAV file that is malformed, truncated or in a format Heihachi does not decode. */
export class AudioFormatError extends InvalidInputError {
  declare readonly details: { reason: WavErrorReason } & Record<string, unknown>;

  constructor(message: string, details: { reason: WavErrorReason } & Record<string, unknown>) {
    super(message, details);
  }
}

/** What the header says, resolved: container layout, where the samples are and how many frames. */
export interface WavInfo {
  encoding: 'pcm' | 'float';
  /** 1 (PCM) or 3 (IEEE float); for WAVE_FORMAT_EXTENSIBLE, the subformat's tag. */
  formatTag: number;
  extensible: boolean;
  /** Container bits per sample: 8, 16, 24, 32 or 64. */
  bitsPerSample: number;
  /** Significant bits (≤ bitsPerSample); samples are still scaled by the container width. */
  validBits: number;
  channels: number;
  sampleRate: number;
  /** Bytes per frame: channels × bitsPerSample / 8. */
  blockAlign: number;
  /** Byte offset of the first sample in the file. */
  dataOffset: number;
  /** Usable bytes: whole frames only (a trailing partial frame is ignored). */
  dataBytes: number;
  /** dataBytes / blockAlign. */
  frames: number;
}

/** Sensible caps: beyond these a header is far more likely corrupt than real. */
export const WAV_MAX_CHANNELS = 1024;
export const WAV_MAX_SAMPLE_RATE = 10_000_000;

const WAVE_FORMAT_PCM = 0x0001;
const WAVE_FORMAT_IEEE_FLOAT = 0x0003;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/** Placeholder data sizes written by tools that cannot seek back (see resolveDataBytes). */
const SIZE_UNKNOWN = 0xffffffff;
/** What SoX writes when its output is a pipe (MS_UNSPEC). */
const SOX_PIPE_SIZE = 0x7ffff000;

/** The reader's byte buffer never exceeds this, whatever chunkFrames asks (e.g. 1024 × float64). */
const MAX_CHUNK_BYTES = 4 << 20;

/** Typed-array views read host-endian samples; WAV is little-endian, so big-endian hosts use DataView. */
const LITTLE_ENDIAN_HOST = endianness() === 'LE';

/** Names for the format tags people actually meet (mmreg.h), for the error message. */
const CODEC_NAMES: ReadonlyMap<number, string> = new Map([
  [0x0000, 'unknown'],
  [0x0002, 'Microsoft ADPCM'],
  [0x0006, 'A-law'],
  [0x0007, 'µ-law'],
  [0x0010, 'OKI ADPCM'],
  [0x0011, 'IMA ADPCM'],
  [0x0022, 'TrueSpeech'],
  [0x0031, 'GSM 6.10'],
  [0x0040, 'G.721 ADPCM'],
  [0x0045, 'G.726 ADPCM'],
  [0x0050, 'MPEG audio'],
  [0x0055, 'MP3'],
  [0x0092, 'AC-3 over S/PDIF'],
  [0x00ff, 'AAC'],
  [0x0160, 'WMA v1'],
  [0x0161, 'WMA'],
  [0x0162, 'WMA Pro'],
  [0x0163, 'WMA Lossless'],
  [0x1610, 'HE-AAC'],
  [0x2000, 'AC-3'],
  [0x2001, 'DTS'],
  [0x674f, 'Vorbis'],
  [0xa106, 'AAC'],
  [0xf1ac, 'FLAC'],
]);

/** KSDATAFORMAT_SUBTYPE_* GUIDs are `<tag as u32 LE>` followed by one of these 12-byte tails. */
const GUID_TAIL_MS = Buffer.from('000000001000800000aa00389b71', 'hex').subarray(2);
const GUID_TAIL_AMBISONIC = Buffer.from('00002107d3118644c8c1ca000000', 'hex').subarray(2);

/** Returns up to `len` bytes at `pos` (fewer only at the end of the file). */
type ReadAt = (pos: number, len: number) => Buffer;

interface Fmt {
  encoding: 'pcm' | 'float';
  formatTag: number;
  extensible: boolean;
  bitsPerSample: number;
  validBits: number;
  channels: number;
  sampleRate: number;
  blockAlign: number;
}

const hex = (n: number, digits = 4) => '0x' + n.toString(16).padStart(digits, '0');
const fourcc = (b: Buffer, at = 0) => b.toString('latin1', at, at + 4);
const isFourcc = (b: Buffer, at = 0) => {
  if (b.length < at + 4) return false;
  for (let i = at; i < at + 4; i++) if (b[i]! < 0x20 || b[i]! > 0x7e) return false;
  return true;
};

/**
 * Parses a WAV header from `head`, the first bytes of a file of `fileSize` bytes (or the whole
 * file). Only chunk headers and the `fmt ` body must lie inside `head`: chunk bodies are skipped by
 * their sizes. Throws a RangeError when a header it needs lies past `head` (e.g. a 1 MB LIST chunk
 * before `data` with a 4 KB head): use readWavInfo on a file descriptor for those.
 */
export function parseWavHeader(head: Buffer, fileSize: number): WavInfo {
  return parse((pos, len) => {
    const end = Math.min(pos + len, fileSize);
    if (end > head.length) {
      throw new RangeError(`wav: the header needs bytes ${pos}..${end} but only the first ${head.length} were given; use readWavInfo`);
    }
    return head.subarray(pos, end);
  }, fileSize);
}

/** Parses the header from the start of a file (reads only the chunks it needs, with positioned reads). */
export function readWavInfo(fd: number, fileSize: number): WavInfo {
  // One read serves the usual 44..200-byte header; chunks further on get their own small reads.
  const first = Buffer.allocUnsafe(Math.min(fileSize, 4096));
  const firstLen = readFully(fd, first, first.length, 0);
  return parse((pos, len) => {
    const end = Math.min(pos + len, fileSize);
    if (end <= firstLen) return first.subarray(pos, end);
    const b = Buffer.allocUnsafe(Math.max(0, end - pos));
    return b.subarray(0, readFully(fd, b, b.length, pos));
  }, fileSize);
}

/** An open WAV file: its descriptor, its parsed header and an idempotent close. */
export interface OpenWav {
  fd: number;
  info: WavInfo;
  close(): void;
}

/** Opens a WAV file and parses its header; the descriptor is closed if the header is refused. */
export async function openWav(path: string): Promise<OpenWav> {
  const fd = await new Promise<number>((resolve, reject) => open(path, 'r', (err, fd) => (err ? reject(err) : resolve(fd))));
  try {
    return withInfo(fd);
  } catch (err) {
    await new Promise<void>((resolve) => close(fd, () => resolve()));
    throw err;
  }
}

/** Synchronous openWav. */
export function openWavSync(path: string): OpenWav {
  const fd = openSync(path, 'r');
  try {
    return withInfo(fd);
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

function withInfo(fd: number): OpenWav {
  const info = readWavInfo(fd, fstatSync(fd).size);
  let isOpen = true;
  return {
    fd,
    info,
    close() {
      if (isOpen) {
        isOpen = false;
        closeSync(fd);
      }
    },
  };
}

function readFully(fd: number, buf: Uint8Array, len: number, position: number): number {
  let got = 0;
  while (got < len) {
    const n = readSync(fd, buf, got, len - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

function parse(readAt: ReadAt, fileSize: number): WavInfo {
  if (fileSize === 0) throw new AudioFormatError('wav: not a WAV file: the file is empty (0 bytes)', { reason: 'not-wav', fileSize });
  const riff = readAt(0, 12);
  const magic = fourcc(riff);
  if (magic === 'RIFX') {
    throw new AudioFormatError('wav: big-endian RIFX WAV files are not supported; convert to little-endian RIFF WAV', { reason: 'unsupported-format', container: 'RIFX' });
  }
  const rf64 = magic === 'RF64' || magic === 'BW64';
  if (magic !== 'RIFF' && !rf64) throw notWav(readAt(0, 32));
  if (riff.length < 12) {
    throw new AudioFormatError(`wav: truncated file: ${fileSize} bytes, shorter than the 12-byte RIFF header`, { reason: 'truncated', fileSize });
  }
  if (fourcc(riff, 8) !== 'WAVE') {
    throw new AudioFormatError(`wav: not a WAV file: a RIFF file of form ${JSON.stringify(fourcc(riff, 8))}, expected "WAVE"`, { reason: 'not-wav', form: fourcc(riff, 8) });
  }

  let fmt: Fmt | undefined;
  let dataStart = -1;
  let dataDeclared = 0;
  let ds64DataSize = -1;
  const seen: string[] = [];
  let pos = 12;
  while (pos + 8 <= fileSize) {
    const hdr = readAt(pos, 8);
    if (hdr.length < 8) break; // the file shrank below the size we were given
    const id = fourcc(hdr);
    const size = hdr.readUInt32LE(4);
    const body = pos + 8;
    if (seen.length < 16) seen.push(`${JSON.stringify(id)} (${size} bytes at ${pos})`);
    if (id === 'ds64' && rf64 && size >= 16) {
      const d = need(readAt, body, 16, fileSize, id, size);
      ds64DataSize = d.readUInt32LE(8) + d.readUInt32LE(12) * 2 ** 32;
    } else if (id === 'fmt ' && !fmt) {
      if (size < 16) {
        throw new AudioFormatError(`wav: "fmt " chunk is ${size} bytes, expected at least 16`, { reason: 'bad-header', field: 'fmt', value: size });
      }
      fmt = parseFmt(need(readAt, body, Math.min(size, 40), fileSize, id, size), size);
      if (dataStart >= 0) break;
    } else if (id === 'data' && dataStart < 0) {
      dataStart = body;
      dataDeclared = rf64 && size === SIZE_UNKNOWN && ds64DataSize >= 0 ? ds64DataSize : size;
      // A `fmt ` after `data` is legal RIFF; keep walking for it only if `data` can be skipped.
      if (fmt || dataDeclared === SIZE_UNKNOWN || dataDeclared === 0 || body + dataDeclared > fileSize) break;
      pos = body + dataDeclared + (dataDeclared % 2);
      continue;
    }
    pos = nextChunk(readAt, body, size, fileSize);
  }

  if (!fmt) {
    throw new AudioFormatError(`wav: no "fmt " chunk${seenSuffix(seen)}`, { reason: 'missing-chunk', chunk: 'fmt ', chunks: seen });
  }
  if (dataStart < 0) {
    throw new AudioFormatError(`wav: no "data" chunk${seenSuffix(seen)}`, { reason: 'missing-chunk', chunk: 'data', chunks: seen });
  }
  const usable = resolveDataBytes(readAt, dataStart, dataDeclared, fileSize);
  // A trailing partial frame cannot be decoded into every channel: it is ignored.
  const dataBytes = usable - (usable % fmt.blockAlign);
  return { ...fmt, dataOffset: dataStart, dataBytes, frames: dataBytes / fmt.blockAlign };
}

/**
 * How many bytes of the data chunk to use. A declared size larger than what the file holds is a
 * truncated file and an error, except for the placeholders written by tools that cannot seek back
 * to fix the header (streams, pipes, crashed recorders): 0xFFFFFFFF, 0 and SoX's 0x7FFFF000, for
 * which the bytes present are used. A 0 is only a placeholder when what follows does not look like
 * a chunk header (otherwise it is a genuinely empty data chunk followed by e.g. a LIST chunk).
 */
function resolveDataBytes(readAt: ReadAt, dataStart: number, declared: number, fileSize: number): number {
  const present = Math.max(0, fileSize - dataStart);
  if (declared === SIZE_UNKNOWN || (declared === SOX_PIPE_SIZE && declared > present)) return present;
  if (declared === 0) {
    if (present < 8) return present;
    const next = readAt(dataStart, 8);
    const looksLikeChunk = isFourcc(next) && dataStart + 8 + next.readUInt32LE(4) <= fileSize;
    return looksLikeChunk ? 0 : present;
  }
  if (declared > present) {
    throw new AudioFormatError(
      `wav: truncated file: the "data" chunk declares ${declared} bytes but only ${present} are present after its header (file is ${fileSize} bytes)`,
      { reason: 'truncated', chunk: 'data', declaredBytes: declared, presentBytes: present, fileSize },
    );
  }
  return declared;
}

/**
 * Where the chunk after this one starts. RIFF pads odd-sized chunks to an even length; a few broken
 * writers omit the pad byte, so when the padded position does not hold a chunk id but the unpadded
 * one does, the unpadded one wins (as libsndfile does).
 */
function nextChunk(readAt: ReadAt, body: number, size: number, fileSize: number): number {
  const unpadded = body + size;
  if (size % 2 === 0 || unpadded + 1 + 8 > fileSize) return unpadded + (size % 2);
  if (isFourcc(readAt(unpadded + 1, 4))) return unpadded + 1;
  return isFourcc(readAt(unpadded, 4)) ? unpadded : unpadded + 1;
}

/** Reads `len` bytes of a chunk body that must be present. */
function need(readAt: ReadAt, at: number, len: number, fileSize: number, id: string, size: number): Buffer {
  const b = readAt(at, len);
  if (b.length < len) {
    throw new AudioFormatError(
      `wav: truncated file: the ${JSON.stringify(id)} chunk declares ${size} bytes but only ${Math.max(0, fileSize - at)} are present`,
      { reason: 'truncated', chunk: id, declaredBytes: size, presentBytes: Math.max(0, fileSize - at), fileSize },
    );
  }
  return b;
}

const seenSuffix = (seen: string[]) => (seen.length ? ` (chunks found: ${seen.join(', ')})` : ' (no chunks after the RIFF header)');

/** Validates the `fmt ` chunk (`b` holds its first min(size, 40) bytes) into a container layout. */
function parseFmt(b: Buffer, size: number): Fmt {
  const rawTag = b.readUInt16LE(0);
  const channels = b.readUInt16LE(2);
  const sampleRate = b.readUInt32LE(4);
  // Bytes 8..11 (byte rate) are ignored: many writers get them wrong and they carry nothing new.
  const blockAlign = b.readUInt16LE(12);
  const bits = b.readUInt16LE(14);

  let formatTag = rawTag;
  let validBits = bits;
  const extensible = rawTag === WAVE_FORMAT_EXTENSIBLE;
  if (extensible) {
    if (size < 40) {
      throw new AudioFormatError(`wav: WAVE_FORMAT_EXTENSIBLE "fmt " chunk is ${size} bytes, expected 40`, { reason: 'bad-header', field: 'fmt', value: size });
    }
    const guid = b.subarray(24, 40);
    formatTag = guid.readUInt32LE(0);
    if (formatTag > 0xffff || !(guid.subarray(4).equals(GUID_TAIL_MS) || guid.subarray(4).equals(GUID_TAIL_AMBISONIC))) {
      throw new AudioFormatError(`wav: unsupported codec "unknown" (extensible subformat GUID ${formatGuid(guid)}); only PCM integer and IEEE float WAV are supported`, {
        reason: 'unsupported-codec',
        codec: 'unknown',
        subformat: formatGuid(guid),
      });
    }
    validBits = b.readUInt16LE(18) || bits; // some writers leave wValidBitsPerSample at 0
  }
  if (formatTag !== WAVE_FORMAT_PCM && formatTag !== WAVE_FORMAT_IEEE_FLOAT) {
    const codec = CODEC_NAMES.get(formatTag) ?? 'unknown';
    const where = extensible ? `extensible subformat, format tag ${hex(formatTag)}` : `format tag ${hex(formatTag)}`;
    throw new AudioFormatError(`wav: unsupported codec ${JSON.stringify(codec)} (${where}); only PCM integer and IEEE float WAV are supported`, {
      reason: 'unsupported-codec',
      codec,
      formatTag,
      extensible,
    });
  }
  const encoding = formatTag === WAVE_FORMAT_PCM ? 'pcm' : 'float';

  if (channels === 0) throw new AudioFormatError('wav: the header declares 0 channels', { reason: 'bad-header', field: 'channels', value: 0 });
  if (channels > WAV_MAX_CHANNELS) {
    throw new AudioFormatError(`wav: ${channels} channels; at most ${WAV_MAX_CHANNELS} are supported`, { reason: 'unsupported-format', field: 'channels', value: channels });
  }
  if (sampleRate === 0) throw new AudioFormatError('wav: the header declares a sample rate of 0 Hz', { reason: 'bad-header', field: 'sampleRate', value: 0 });
  if (sampleRate > WAV_MAX_SAMPLE_RATE) {
    throw new AudioFormatError(`wav: sample rate ${sampleRate} Hz; at most ${WAV_MAX_SAMPLE_RATE} Hz is supported`, {
      reason: 'unsupported-format',
      field: 'sampleRate',
      value: sampleRate,
    });
  }
  if (bits === 0) throw new AudioFormatError('wav: the header declares 0 bits per sample', { reason: 'bad-header', field: 'bitsPerSample', value: 0 });

  // Plain PCM may give the significant bits (e.g. 12 or 20) with the container rounded up to whole
  // bytes; extensible headers give the container and put the significant bits in validBits.
  const container = extensible || encoding === 'float' ? bits : Math.ceil(bits / 8) * 8;
  const supported = encoding === 'float' ? container === 32 || container === 64 : container === 8 || container === 16 || container === 24 || container === 32;
  if (!supported) {
    const kind = encoding === 'float' ? 'IEEE float' : 'integer PCM';
    throw new AudioFormatError(`wav: ${bits}-bit ${kind} is not supported (integer PCM: 8, 16, 24 or 32 bits; float: 32 or 64 bits)`, {
      reason: 'unsupported-format',
      field: 'bitsPerSample',
      value: bits,
      encoding,
    });
  }
  if (validBits > container) {
    throw new AudioFormatError(`wav: ${validBits} valid bits per sample exceed the ${container}-bit container`, { reason: 'bad-header', field: 'validBits', value: validBits });
  }
  const expectedAlign = channels * (container / 8);
  if (blockAlign !== expectedAlign) {
    throw new AudioFormatError(
      `wav: block align ${blockAlign} does not match ${channels} channel(s) × ${container / 8} bytes per sample = ${expectedAlign}`,
      { reason: 'bad-header', field: 'blockAlign', value: blockAlign, expected: expectedAlign },
    );
  }
  return { encoding, formatTag, extensible, bitsPerSample: container, validBits, channels, sampleRate, blockAlign };
}

function formatGuid(g: Buffer): string {
  const h = g.toString('hex', 8);
  return [hex(g.readUInt32LE(0), 8).slice(2), hex(g.readUInt16LE(4)).slice(2), hex(g.readUInt16LE(6)).slice(2), h.slice(0, 4), h.slice(4)].join('-');
}

/** Leading bytes of formats people upload instead of WAV, for the "not a WAV" message. */
function sniff(b: Buffer): string | undefined {
  const s = b.toString('latin1', 0, 12);
  if (s.startsWith('ID3')) return 'MP3 with an ID3 tag';
  if (b[0] === 0xff && b.length > 1 && (b[1]! & 0xe0) === 0xe0) return (b[1]! & 0xf6) === 0xf0 ? 'AAC (ADTS)' : 'MP3 (MPEG audio frame)';
  if (s.startsWith('fLaC')) return 'FLAC';
  if (s.startsWith('OggS')) return 'Ogg (Vorbis/Opus)';
  if (s.startsWith('FORM') && (s.slice(8, 12) === 'AIFF' || s.slice(8, 12) === 'AIFC')) return 'AIFF';
  if (s.startsWith('\x1a\x45\xdf\xa3')) return 'Matroska/WebM';
  if (s.slice(4, 8) === 'ftyp') return 'MP4/M4A';
  if (s.startsWith('#!AMR')) return 'AMR';
  if (s.startsWith('caff')) return 'Core Audio (CAF)';
  if (s.startsWith('.snd')) return 'Sun/NeXT AU';
  if (s.startsWith('MThd')) return 'MIDI';
  if (s.startsWith('%PDF')) return 'PDF';
  if (s.startsWith('PK\x03\x04')) return 'ZIP';
  if (s.startsWith('\x89PNG')) return 'PNG';
  if (s.startsWith('\xff\xd8\xff')) return 'JPEG';
  return undefined;
}

function notWav(b: Buffer): AudioFormatError {
  const firstBytes = b.toString('hex', 0, 16).replace(/(..)(?!$)/g, '$1 ');
  const text = b.every((c) => (c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d);
  const looksLike = sniff(b) ?? (text ? 'text' : undefined);
  const found = text
    ? `text ${JSON.stringify(b.toString('latin1', 0, 24) + (b.length > 24 ? '…' : ''))}`
    : `bytes ${firstBytes}${looksLike ? ` (looks like ${looksLike})` : ''}`;
  return new AudioFormatError(`wav: not a WAV file: it starts with ${found}; a WAV file starts with "RIFF", a size and "WAVE"`, {
    reason: 'not-wav',
    firstBytes,
    ...(looksLike ? { looksLike } : {}),
  });
}

/**
 * A reader that decodes frames [start, start+count) into per-channel Float32Arrays at `outOffset`,
 * using one reused byte buffer of chunkFrames frames (capped at 4 MiB and at the file's length).
 * Integer PCM and float32 in mono or stereo go through the WebAssembly SIMD kernels (see simd
 * below); other layouts through decodeWavFrames. Both give the same float32 values.
 */
export class WavReader {
  /** Frames per positioned read, after the caps. */
  readonly chunkFrames: number;
  /** Whether reads go through a WebAssembly SIMD kernel (false: the JavaScript loops). */
  readonly accelerated: boolean;
  private readonly buf: Buffer;
  private readonly simd: SimdPath | undefined;

  constructor(
    private readonly fd: number,
    readonly info: WavInfo,
    chunkFrames = 65536,
  ) {
    if (!Number.isInteger(chunkFrames) || chunkFrames < 1) throw new RangeError(`wav: chunkFrames must be a positive integer, got ${chunkFrames}`);
    this.chunkFrames = Math.max(1, Math.min(chunkFrames, Math.floor(MAX_CHUNK_BYTES / info.blockAlign), info.frames));
    this.simd = simdPath(info, this.chunkFrames);
    this.accelerated = this.simd !== undefined;
    // A fresh ArrayBuffer (or wasm memory) starts at byteOffset 0, so typed views are aligned.
    this.buf = this.simd?.src ?? Buffer.from(new ArrayBuffer(this.chunkFrames * info.blockAlign));
  }

  /**
   * Decodes `count` frames starting at frame `start` into out[c][outOffset …]. Returns the frames
   * decoded (fewer only at the end of the data; 0 from the end on).
   */
  read(start: number, count: number, out: Float32Array[], outOffset = 0): number {
    const { info, buf, fd, simd } = this;
    if (!Number.isInteger(start) || start < 0 || !Number.isInteger(count) || count < 0 || !Number.isInteger(outOffset) || outOffset < 0) {
      throw new RangeError(`wav: read(start=${start}, count=${count}, outOffset=${outOffset}) needs non-negative integers`);
    }
    const total = Math.max(0, Math.min(count, info.frames - start));
    checkOut(out, info.channels, outOffset, total);
    const chunk = this.chunkFrames;
    const align = info.blockAlign;
    let done = 0;
    while (done < total) {
      const n = Math.min(chunk, total - done);
      const bytes = n * align;
      const position = info.dataOffset + (start + done) * align;
      const got = readFully(fd, buf, bytes, position);
      if (got < bytes) {
        throw new AudioFormatError(`wav: truncated file: it ended at byte ${position + got} while reading frame ${start + done + Math.floor(got / align)} of ${info.frames}`, {
          reason: 'truncated',
          chunk: 'data',
          declaredBytes: info.dataBytes,
          presentBytes: position + got - info.dataOffset,
        });
      }
      if (simd) simd.decode(n, out, outOffset + done);
      else decodeWavFrames(buf, info, n, out, outOffset + done);
      done += n;
    }
    return total;
  }
}

function checkOut(out: Float32Array[], channels: number, outOffset: number, frames: number): void {
  if (out.length < channels) throw new RangeError(`wav: ${out.length} output arrays for ${channels} channels`);
  for (let c = 0; c < channels; c++) {
    if (out[c]!.length < outOffset + frames) throw new RangeError(`wav: output array ${c} holds ${out[c]!.length} samples, need ${outOffset + frames}`);
  }
}

/**
 * Decodes `frames` interleaved frames from `src` (raw data-chunk bytes in the layout `info`
 * describes) into out[c][outOffset …]. Fast typed-array views when `src` is aligned to the sample
 * size on a little-endian host; byte arithmetic otherwise.
 */
export function decodeWavFrames(
  src: Uint8Array,
  info: Pick<WavInfo, 'encoding' | 'bitsPerSample' | 'channels'>,
  frames: number,
  out: Float32Array[],
  outOffset = 0,
): void {
  const ch = info.channels;
  const size = info.bitsPerSample >> 3;
  const samples = frames * ch;
  if (src.length < samples * size) throw new RangeError(`wav: ${src.length} bytes hold fewer than ${frames} frames of ${ch * size} bytes`);
  checkOut(out, ch, outOffset, frames);
  const fast = LITTLE_ENDIAN_HOST && src.byteOffset % size === 0;
  const { buffer, byteOffset } = src;
  if (info.encoding === 'float') {
    if (size === 4 && fast) decodeF32(new Float32Array(buffer, byteOffset, samples), frames, ch, out, outOffset);
    else if (size === 8 && fast) decodeF64(new Float64Array(buffer, byteOffset, samples), frames, ch, out, outOffset);
    else decodePortable(src, frames, ch, size, true, out, outOffset);
    return;
  }
  if (size === 1) decodeU8(src, frames, ch, out, outOffset);
  else if (size === 3) decodeS24(src, frames, ch, out, outOffset);
  else if (size === 2 && fast) decodeInt(new Int16Array(buffer, byteOffset, samples), frames, ch, out, outOffset, 1 / 32768);
  else if (size === 4 && fast) decodeInt(new Int32Array(buffer, byteOffset, samples), frames, ch, out, outOffset, 1 / 2147483648);
  else decodePortable(src, frames, ch, size, false, out, outOffset);
}

// One function per sample layout keeps each loop's element access monomorphic, except decodeInt,
// which serves both Int16Array and Int32Array views (a two-way polymorphic access V8 handles well;
// these are fallbacks behind the WebAssembly path). Within each, mono and stereo get their own loops
// because they are nearly every real file.

function decodeU8(s: Uint8Array, n: number, ch: number, out: Float32Array[], off: number): void {
  const k = 1 / 128;
  if (ch === 1) {
    const o = out[0]!;
    for (let i = 0; i < n; i++) o[off + i] = (s[i]! - 128) * k;
  } else if (ch === 2) {
    const o0 = out[0]!;
    const o1 = out[1]!;
    for (let i = 0, j = 0; i < n; i++, j += 2) {
      o0[off + i] = (s[j]! - 128) * k;
      o1[off + i] = (s[j + 1]! - 128) * k;
    }
  } else {
    for (let c = 0; c < ch; c++) {
      const o = out[c]!;
      for (let i = 0, j = c; i < n; i++, j += ch) o[off + i] = (s[j]! - 128) * k;
    }
  }
}

/** 16- and 32-bit signed PCM through an aligned typed view: sample × k, where k = 1 / 2^(bits−1). */
function decodeInt(s: Int16Array | Int32Array, n: number, ch: number, out: Float32Array[], off: number, k: number): void {
  if (ch === 1) {
    const o = out[0]!;
    for (let i = 0; i < n; i++) o[off + i] = s[i]! * k;
  } else if (ch === 2) {
    const o0 = out[0]!;
    const o1 = out[1]!;
    for (let i = 0, j = 0; i < n; i++, j += 2) {
      o0[off + i] = s[j]! * k;
      o1[off + i] = s[j + 1]! * k;
    }
  } else {
    for (let c = 0; c < ch; c++) {
      const o = out[c]!;
      for (let i = 0, j = c; i < n; i++, j += ch) o[off + i] = s[j]! * k;
    }
  }
}

/** 24-bit little-endian: the three bytes shifted into the top of an int32 (sign for free), / 2^31. */
function decodeS24(s: Uint8Array, n: number, ch: number, out: Float32Array[], off: number): void {
  const k = 1 / 2147483648;
  if (ch === 1) {
    const o = out[0]!;
    for (let i = 0, j = 0; i < n; i++, j += 3) o[off + i] = ((s[j]! << 8) | (s[j + 1]! << 16) | (s[j + 2]! << 24)) * k;
  } else if (ch === 2) {
    const o0 = out[0]!;
    const o1 = out[1]!;
    for (let i = 0, j = 0; i < n; i++, j += 6) {
      o0[off + i] = ((s[j]! << 8) | (s[j + 1]! << 16) | (s[j + 2]! << 24)) * k;
      o1[off + i] = ((s[j + 3]! << 8) | (s[j + 4]! << 16) | (s[j + 5]! << 24)) * k;
    }
  } else {
    const stride = 3 * ch;
    for (let c = 0; c < ch; c++) {
      const o = out[c]!;
      for (let i = 0, j = 3 * c; i < n; i++, j += stride) o[off + i] = ((s[j]! << 8) | (s[j + 1]! << 16) | (s[j + 2]! << 24)) * k;
    }
  }
}

function decodeF32(s: Float32Array, n: number, ch: number, out: Float32Array[], off: number): void {
  if (ch === 1) {
    out[0]!.set(s.subarray(0, n), off);
  } else if (ch === 2) {
    const o0 = out[0]!;
    const o1 = out[1]!;
    for (let i = 0, j = 0; i < n; i++, j += 2) {
      o0[off + i] = s[j]!;
      o1[off + i] = s[j + 1]!;
    }
  } else {
    for (let c = 0; c < ch; c++) {
      const o = out[c]!;
      for (let i = 0, j = c; i < n; i++, j += ch) o[off + i] = s[j]!;
    }
  }
}

/** Float64 samples are rounded to the nearest float32 by the store, as a C (float) cast does. */
function decodeF64(s: Float64Array, n: number, ch: number, out: Float32Array[], off: number): void {
  if (ch === 1) {
    out[0]!.set(s.subarray(0, n), off);
  } else {
    for (let c = 0; c < ch; c++) {
      const o = out[c]!;
      for (let i = 0, j = c; i < n; i++, j += ch) o[off + i] = s[j]!;
    }
  }
}

/** Any sample size via DataView: big-endian hosts and unaligned sources. */
function decodePortable(src: Uint8Array, n: number, ch: number, size: number, float: boolean, out: Float32Array[], off: number): void {
  const dv = new DataView(src.buffer, src.byteOffset, n * ch * size);
  for (let c = 0; c < ch; c++) {
    const o = out[c]!;
    for (let i = 0, p = c * size; i < n; i++, p += ch * size) {
      let v: number;
      if (float) v = size === 4 ? dv.getFloat32(p, true) : dv.getFloat64(p, true);
      else if (size === 1) v = (dv.getUint8(p) - 128) / 128;
      else if (size === 2) v = dv.getInt16(p, true) / 32768;
      else if (size === 3) v = ((dv.getUint8(p) << 8) | (dv.getUint8(p + 1) << 16) | (dv.getUint8(p + 2) << 24)) / 2147483648;
      else v = dv.getInt32(p, true) / 2147483648;
      o[off + i] = v;
    }
  }
}

/**
 * The reader's hot loops as WebAssembly SIMD, assembled below (under 3 KB, no build step): V8 does
 * not vectorise JavaScript, and its scalar loops decode 16-bit stereo at ~400 MB/s where these
 * reach several times that. One kernel per (sample size, mono | stereo), (src, iterations, dst0,
 * dst1) → void; each iteration converts UNROLL vectors of 4 samples:
 *   v = i8x16.swizzle(v128.load(src + u·4·size), MASK)  ;; each sample's bytes to the top of an i32
 *   v = v128.xor(v, 0x80000000 ×4)                     ;; 8-bit only: unsigned to signed
 *   f = f32x4.mul(f32x4.convert_i32x4_s(v), 2^-31)     ;; = sample / 2^(bits−1), as libsndfile
 * Mono stores f to dst0; stereo's MASK orders the lanes [L0 L1 R0 R1] and the halves go to dst0 and
 * dst1. Float32 stereo is the same swizzle without the conversion.
 */
interface SimdPath {
  /** The reader's byte buffer: the first bytes of the kernel's memory. */
  src: Buffer;
  decode(frames: number, out: Float32Array[], outOffset: number): void;
}

type Kernel = (src: number, iterations: number, dst0: number, dst1: number) => void;

const UNROLL = 4;
/** Kernels run whole iterations: they may read up to 60 bytes past the last frame and write up to
 * 60 past the last sample, so every region in their memory is followed by this much slack. */
const SLACK = 128;

/** The slice of the WebAssembly JS API used here, typed locally (TypeScript declares it only in the
 * DOM library) and looked up at run time so a runtime without it takes the JavaScript path. */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer };
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { readonly exports: Record<string, unknown> };
}
const wasmApi = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

let simdModule: object | null | undefined;

function simdPath(info: WavInfo, chunkFrames: number): SimdPath | undefined {
  const { channels, encoding } = info;
  const size = info.bitsPerSample >> 3;
  // Float32 mono is a plain copy and float64 rare: the JavaScript path serves them.
  if (!LITTLE_ENDIAN_HOST || channels > 2 || (encoding === 'float' && (size !== 4 || channels === 1))) return undefined;
  if (simdModule === undefined) simdModule = buildSimdModule();
  if (!simdModule || !wasmApi) return undefined;
  const srcBytes = chunkFrames * info.blockAlign;
  const d0 = align16(srcBytes + SLACK);
  const d1 = align16(d0 + chunkFrames * 4 + SLACK);
  const end = channels === 2 ? d1 + chunkFrames * 4 + SLACK : d1;
  const memory = new wasmApi.Memory({ initial: Math.ceil(end / 65536) });
  const { exports } = new wasmApi.Instance(simdModule, { env: { memory } });
  const kernel = exports[kernelName(encoding === 'float', size, channels === 2)] as Kernel;
  const f32 = new Float32Array(memory.buffer);
  const framesPerIteration = (UNROLL * 4) / channels;
  const i0 = d0 >> 2;
  const i1 = d1 >> 2;
  return {
    src: Buffer.from(memory.buffer, 0, srcBytes),
    decode(frames, out, outOffset) {
      kernel(0, Math.ceil(frames / framesPerIteration), d0, d1);
      out[0]!.set(f32.subarray(i0, i0 + frames), outOffset);
      if (channels === 2) out[1]!.set(f32.subarray(i1, i1 + frames), outOffset);
    },
  };
}

const align16 = (n: number) => (n + 15) & ~15;
const kernelName = (float: boolean, size: number, stereo: boolean) => `${float ? 'f' : 'i'}${size}x${stereo ? 2 : 1}`;

const KERNELS: ReadonlyArray<[float: boolean, size: number, stereo: boolean]> = [
  [false, 1, false],
  [false, 1, true],
  [false, 2, false],
  [false, 2, true],
  [false, 3, false],
  [false, 3, true],
  [false, 4, false],
  [false, 4, true],
  [true, 4, true],
];

/** The kernels' module, or null where WebAssembly SIMD is unavailable (the JavaScript path then). */
function buildSimdModule(): object | null {
  if (!wasmApi) return null;
  const I32 = 0x7f;
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
    ...section(1, vec([[0x60, ...vec([[I32], [I32], [I32], [I32]]), 0]])), // type 0: (i32 ×4) → ()
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, 0x00]])), // import memory, min 0 pages
    ...section(3, vec(KERNELS.map(() => [0]))),
    ...section(7, vec(KERNELS.map(([float, size, stereo], i) => [...name(kernelName(float, size, stereo)), 0x00, i]))),
    ...section(10, vec(KERNELS.map(([float, size, stereo]) => kernelCode(float, size, stereo)))),
  ];
  try {
    return new wasmApi.Module(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

function kernelCode(float: boolean, size: number, stereo: boolean): number[] {
  const [SRC, ITERATIONS, DST0, DST1, V] = [0, 1, 2, 3, 4];
  const step = 4 * size;
  const out = stereo ? 8 : 16;
  const body: number[] = [BLOCK, VOID, ...get(ITERATIONS), I32_EQZ, BR_IF, 0, LOOP, VOID];
  for (let u = 0; u < UNROLL; u++) {
    const samples = [
      ...get(SRC),
      ...simd(V128_LOAD, 0, ...uleb(u * step)),
      ...v128(swizzleMask(size, stereo)),
      ...simd(I8X16_SWIZZLE),
      ...(size === 1 ? [...v128([0, 0, 0, 0x80, 0, 0, 0, 0x80, 0, 0, 0, 0x80, 0, 0, 0, 0x80]), ...simd(V128_XOR)] : []),
      ...(float ? [] : [...simd(F32X4_CONVERT_I32X4_S), ...v128(f32x4(2 ** -31)), ...simd(F32X4_MUL)]),
    ];
    if (stereo) {
      body.push(...samples, ...set(V));
      body.push(...get(DST0), ...get(V), ...simd(V128_STORE64_LANE, 0, ...uleb(u * out), 0));
      body.push(...get(DST1), ...get(V), ...simd(V128_STORE64_LANE, 0, ...uleb(u * out), 1));
    } else {
      body.push(...get(DST0), ...samples, ...simd(V128_STORE, 0, ...uleb(u * out)));
    }
  }
  body.push(...get(SRC), ...i32(UNROLL * step), I32_ADD, ...set(SRC));
  body.push(...get(DST0), ...i32(UNROLL * out), I32_ADD, ...set(DST0));
  if (stereo) body.push(...get(DST1), ...i32(UNROLL * out), I32_ADD, ...set(DST1));
  body.push(...get(ITERATIONS), ...i32(1), I32_SUB, ...tee(ITERATIONS), BR_IF, 0, END, END, END);
  const code = [...vec([[1, V128]]), ...body]; // one v128 local
  return [...uleb(code.length), ...code];
}

/** Byte indices that move sample k of a 16-byte load into the top bytes of i32 lane order[k];
 * indices ≥ 16 (0x80) give zero bytes below. Stereo puts lefts in lanes 0–1, rights in 2–3. */
function swizzleMask(size: number, stereo: boolean): number[] {
  const order = stereo ? [0, 2, 1, 3] : [0, 1, 2, 3];
  const mask: number[] = [];
  for (const sample of order) for (let j = 0; j < 4; j++) mask.push(j < 4 - size ? 0x80 : sample * size + j - (4 - size));
  return mask;
}

// WebAssembly binary encoding, just what the kernels use.
const BLOCK = 0x02;
const LOOP = 0x03;
const END = 0x0b;
const BR_IF = 0x0d;
const VOID = 0x40;
const V128 = 0x7b;
const I32_EQZ = 0x45;
const I32_ADD = 0x6a;
const I32_SUB = 0x6b;
const V128_LOAD = 0x00;
const V128_STORE = 0x0b;
const I8X16_SWIZZLE = 0x0e;
const V128_XOR = 0x51;
const V128_STORE64_LANE = 0x5b;
const F32X4_MUL = 0xe6;
const F32X4_CONVERT_I32X4_S = 0xfa;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    const b = n & 0x7f;
    n >>>= 7;
    out.push(n ? b | 0x80 : b);
  } while (n);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
}

const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, content: number[]) => [id, ...uleb(content.length), ...content];
const name = (s: string) => vec([...Buffer.from(s)].map((b) => [b]));
const get = (local: number) => [0x20, local];
const set = (local: number) => [0x21, local];
const tee = (local: number) => [0x22, local];
const i32 = (n: number) => [0x41, ...sleb(n)];
const simd = (op: number, ...immediates: number[]) => [0xfd, ...uleb(op), ...immediates];
const v128 = (bytes: number[]) => simd(0x0c, ...bytes);
const f32x4 = (x: number) => {
  const b = Buffer.alloc(16);
  for (let i = 0; i < 16; i += 4) b.writeFloatLE(x, i);
  return [...b];
};
