// Validates uploaded model artifacts against their declared framework and reads the ONNX
// signature. Cheap byte sniffing runs first; onnxruntime-node is loaded only when a model must be
// opened, and every session is released as soon as its metadata is read.

import type { InferenceSession } from 'onnxruntime-node';
import { InvalidInputError } from '../../engines/errors';

/** Framework an artifact is declared as (mirrors the `ModelFramework` enum of the schema). */
export type Framework = 'ONNX' | 'PYTORCH' | 'TENSORFLOW' | 'SAFETENSORS' | 'OTHER';

/**
 * One input or output of a model. `type` is the element type as onnxruntime-node names it
 * (`'float32'`, `'int64'`, `'bool'`, …) or `'non-tensor'` for sequences and maps. `shape` has one
 * entry per dimension: a fixed size as digits (`"4"`), a symbolic dimension by its name (`"N"`),
 * an unknown dimension as `"?"`. A scalar and a tensor of unknown rank both have `shape: []`
 * (onnxruntime-node reports them the same way).
 */
export interface TensorSpec {
  name: string;
  type: string;
  shape: string[];
}

/** Inputs and outputs of a model, in the model's order. */
export interface ModelSignature {
  inputs: TensorSpec[];
  outputs: TensorSpec[];
}

/** What {@link inspectArtifact} learned: the signature (ONNX only) and the framework the bytes look like. */
export interface ArtifactInspection {
  signature: ModelSignature | null;
  detected: Framework | null;
}

/**
 * Validates `bytes` against the `declared` framework.
 *
 * - Empty bytes are rejected for every framework.
 * - ONNX: the bytes must load in onnxruntime-node; the signature is read from the session.
 * - PYTORCH / TENSORFLOW / SAFETENSORS: rejected when the bytes are recognisably another framework.
 *   SAFETENSORS must have a valid header; PYTORCH must be a zip archive or a pickle; TENSORFLOW
 *   must be HDF5 or a zip archive.
 * - OTHER: anything non-empty is accepted.
 *
 * `detected` is the framework the bytes were recognised as (null when nothing matched); the
 * signature is null for every framework but ONNX.
 *
 * @throws InvalidInputError (`BAD_USER_INPUT`) with `details.framework` = the declared framework.
 */
export async function inspectArtifact(bytes: Uint8Array, declared: Framework): Promise<ArtifactInspection> {
  if (bytes.length === 0) {
    throw new InvalidInputError(`artifact is empty (declared ${declared})`, { framework: declared });
  }
  const sniffed = sniff(bytes);

  if (declared === 'ONNX') {
    if (sniffed.detected) throw mismatch(declared, sniffed.detected);
    const loaded = await loadOnnx(bytes);
    if (!loaded.ok) {
      throw new InvalidInputError(`artifact is not a loadable ONNX model: ${loaded.error}`, { framework: 'ONNX' });
    }
    return { signature: loaded.signature, detected: 'ONNX' };
  }

  // ONNX has no magic number, so it is recognised by loading it; the probe runs only for bytes
  // the cheap sniffers did not claim.
  const detected = sniffed.detected ?? ((await probeOnnx(bytes)) ? 'ONNX' : null);

  if (declared === 'OTHER') return { signature: null, detected };
  if (detected !== null && detected !== declared) throw mismatch(declared, detected);

  switch (declared) {
    case 'SAFETENSORS': {
      const header = sniffed.safetensors;
      const problem = header.ok ? validateSafetensorsEntries(bytes, header) : header.problem;
      if (problem) {
        throw new InvalidInputError(`artifact is not a valid safetensors file: ${problem}`, { framework: declared });
      }
      break;
    }
    case 'PYTORCH':
      if (sniffed.container !== 'zip' && sniffed.container !== 'pickle') {
        throw new InvalidInputError(
          'artifact is not a PyTorch file: expected a zip archive (torch.save) or a pickle, found neither',
          { framework: declared },
        );
      }
      break;
    case 'TENSORFLOW':
      if (sniffed.container !== 'zip' && sniffed.container !== 'hdf5') {
        throw new InvalidInputError(
          'artifact is not a TensorFlow file: expected HDF5 (Keras .h5) or a zip archive (SavedModel), found neither',
          { framework: declared },
        );
      }
      break;
  }
  return { signature: null, detected };
}

function mismatch(declared: Framework, detected: Framework): InvalidInputError {
  return new InvalidInputError(`artifact declared ${declared} looks like a ${detected} model`, {
    framework: declared,
    detected,
  });
}

// Sniffing rules, in order (the first that matches wins):
//   SAFETENSORS  u64 little-endian header length N at offset 0, 2 <= N <= 100 MB and 8 + N <= size,
//                followed by N bytes of JSON whose value is an object (the text starts with '{').
//   TENSORFLOW   HDF5 signature \x89HDF\r\n\x1a\n at offset 0, 512, 1024 or 2048 (HDF5 allows a
//                user block before the superblock), i.e. a Keras .h5 file.
//   zip          PK\x03\x04 at offset 0. Entry names come from the central directory (zip64 too),
//                else from the local headers at the start (a truncated archive has no directory):
//                `data.pkl` or `*/data.pkl`            -> PYTORCH (torch.save / TorchScript)
//                `saved_model.pb(txt)` or `*/saved_…`  -> TENSORFLOW (zipped SavedModel)
//                anything else                         -> a zip of unknown framework
//   PYTORCH      pickle: 0x80 (PROTO opcode) then protocol 2..5, as legacy torch.save writes.
//   ONNX         no magic; recognised only by loading in onnxruntime, tried when the first byte is
//                0x08 (see probeOnnx) and always when ONNX is declared.
// Tarred SavedModels and bare saved_model.pb protobufs are not recognised.

type Container = 'safetensors' | 'hdf5' | 'zip' | 'pickle';

interface Sniffed {
  detected: Framework | null;
  container: Container | null;
  /** The parsed safetensors header, or why the bytes are not a safetensors file. */
  safetensors: SafetensorsHeader;
}

function sniff(bytes: Uint8Array): Sniffed {
  const safetensors = readSafetensorsHeader(bytes);
  if (safetensors.ok) return { detected: 'SAFETENSORS', container: 'safetensors', safetensors };
  const base = { safetensors };

  if ([0, 512, 1024, 2048].some((offset) => startsWith(bytes, HDF5_MAGIC, offset))) {
    return { ...base, detected: 'TENSORFLOW', container: 'hdf5' };
  }
  if (startsWith(bytes, ZIP_LOCAL_MAGIC, 0)) {
    const names = zipEntryNames(bytes);
    const has = (file: string) => names.some((n) => n === file || n.endsWith(`/${file}`));
    const detected = has('data.pkl') ? 'PYTORCH' : has('saved_model.pb') || has('saved_model.pbtxt') ? 'TENSORFLOW' : null;
    return { ...base, detected, container: 'zip' };
  }
  // 0x80 is the pickle PROTO opcode; protocols 2..5 are what torch.save has ever written.
  if (bytes[0] === 0x80 && bytes[1] !== undefined && bytes[1] >= 2 && bytes[1] <= 5) {
    return { ...base, detected: 'PYTORCH', container: 'pickle' };
  }
  return { ...base, detected: null, container: null };
}

const HDF5_MAGIC = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP_LOCAL_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: number[], offset: number): boolean {
  return bytes.length >= offset + magic.length && magic.every((b, i) => bytes[offset + i] === b);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// The safetensors reference implementation refuses headers above 100 MB; so do we, which also
// keeps a random 8-byte prefix from making us parse a huge "header".
const SAFETENSORS_MAX_HEADER = 100_000_000;

type SafetensorsHeader = { ok: true; header: Record<string, unknown>; dataStart: number } | { ok: false; problem: string };

function readSafetensorsHeader(bytes: Uint8Array): SafetensorsHeader {
  if (bytes.length < 10) return { ok: false, problem: `file has ${bytes.length} bytes, too short for a header` };
  const length = view(bytes).getBigUint64(0, true);
  if (length < 2n || length > BigInt(SAFETENSORS_MAX_HEADER) || 8n + length > BigInt(bytes.length)) {
    return { ok: false, problem: `header length ${length} does not fit a ${bytes.length}-byte file` };
  }
  const n = Number(length);
  if (bytes[8] !== 0x7b /* '{' */) return { ok: false, problem: 'header does not start with "{"' };
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 8, n).toString('utf8'));
  } catch {
    return { ok: false, problem: 'header is not valid JSON' };
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    return { ok: false, problem: 'header is not a JSON object' };
  }
  return { ok: true, header: header as Record<string, unknown>, dataStart: 8 + n };
}

/**
 * Checks every tensor entry of a safetensors header: `dtype` a string, `shape` non-negative
 * integers, `data_offsets` `[begin, end]` inside the data section. Returns the first problem.
 */
function validateSafetensorsEntries(bytes: Uint8Array, read: SafetensorsHeader & { ok: true }): string | null {
  const dataLength = bytes.length - read.dataStart;
  const isIndex = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
  for (const [name, entry] of Object.entries(read.header)) {
    if (name === '__metadata__') {
      const ok = typeof entry === 'object' && entry !== null && Object.values(entry).every((v) => typeof v === 'string');
      if (!ok) return '"__metadata__" must map strings to strings';
      continue;
    }
    if (typeof entry !== 'object' || entry === null) return `tensor "${name}" is not an object`;
    const { dtype, shape, data_offsets: offsets } = entry as Record<string, unknown>;
    if (typeof dtype !== 'string') return `tensor "${name}" has no dtype`;
    if (!Array.isArray(shape) || !shape.every(isIndex)) return `tensor "${name}" has an invalid shape`;
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isIndex)) {
      return `tensor "${name}" has invalid data_offsets`;
    }
    const [begin, end] = offsets as [number, number];
    if (begin > end || end > dataLength) {
      return `tensor "${name}" data_offsets [${begin}, ${end}] fall outside the ${dataLength}-byte data section`;
    }
  }
  return null;
}

// Bounds the work spent listing a hostile archive; real model archives have far fewer entries.
const MAX_ZIP_ENTRIES = 100_000;

/** Entry names of a zip archive: from the central directory, else from the leading local headers. */
function zipEntryNames(bytes: Uint8Array): string[] {
  return centralDirectoryNames(bytes) ?? localHeaderNames(bytes);
}

function centralDirectoryNames(bytes: Uint8Array): string[] | null {
  const dv = view(bytes);
  // The end-of-central-directory record is 22 bytes plus a comment of at most 65535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = dv.getUint16(eocd + 10, true);
  let offset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    // zip64 (torch.save of models above 4 GB): a 20-byte locator precedes the EOCD record.
    const locator = eocd - 20;
    if (locator < 0 || dv.getUint32(locator, true) !== 0x07064b50) return null;
    const record = Number(dv.getBigUint64(locator + 8, true));
    if (record + 56 > bytes.length || dv.getUint32(record, true) !== 0x06064b50) return null;
    count = Number(dv.getBigUint64(record + 32, true));
    offset = Number(dv.getBigUint64(record + 48, true));
  }
  const names: string[] = [];
  let p = offset;
  for (let i = 0; i < Math.min(count, MAX_ZIP_ENTRIES); i++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== 0x02014b50) return names.length ? names : null;
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    names.push(Buffer.from(bytes.buffer, bytes.byteOffset + p + 46, Math.min(nameLength, bytes.length - p - 46)).toString('latin1'));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function localHeaderNames(bytes: Uint8Array): string[] {
  const dv = view(bytes);
  const names: string[] = [];
  let p = 0;
  while (names.length < MAX_ZIP_ENTRIES && p + 30 <= bytes.length && dv.getUint32(p, true) === 0x04034b50) {
    const flags = dv.getUint16(p + 6, true);
    const compressedSize = dv.getUint32(p + 18, true);
    const nameLength = dv.getUint16(p + 26, true);
    const extraLength = dv.getUint16(p + 28, true);
    names.push(Buffer.from(bytes.buffer, bytes.byteOffset + p + 30, Math.min(nameLength, Math.max(0, bytes.length - p - 30))).toString('latin1'));
    // With a data descriptor (flag bit 3) or zip64 sizes the local header does not tell where the
    // next entry starts; the first names are enough to recognise a framework.
    if (flags & 0x08 || compressedSize === 0xffffffff) break;
    p += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

type OnnxLoad = { ok: true; signature: ModelSignature } | { ok: false; error: string };

let ort: Promise<typeof import('onnxruntime-node')> | undefined;

// Imported on first use so processes that never inspect a model do not load the native library.
function onnxruntime(): Promise<typeof import('onnxruntime-node')> {
  ort ??= import('onnxruntime-node');
  return ort;
}

// Inspection only reads metadata: skipping graph optimisation makes loading cheaper, one thread
// avoids spinning up a thread pool per upload, and errors reach us as exceptions, not log lines.
const INSPECTION_SESSION_OPTIONS: InferenceSession.SessionOptions = {
  executionProviders: ['cpu'],
  graphOptimizationLevel: 'disabled',
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  logSeverityLevel: 3,
};

async function loadOnnx(bytes: Uint8Array): Promise<OnnxLoad> {
  const { InferenceSession } = await onnxruntime();
  let session: InferenceSession;
  try {
    session = await InferenceSession.create(bytes, INSPECTION_SESSION_OPTIONS);
  } catch (err) {
    return { ok: false, error: ortErrorSummary(err) };
  }
  try {
    return {
      ok: true,
      signature: { inputs: session.inputMetadata.map(toTensorSpec), outputs: session.outputMetadata.map(toTensorSpec) },
    };
  } finally {
    // We MUST release: the native session holds the whole model in memory outside the JS heap.
    await session.release();
  }
}

// ONNX models start with field 1 (ir_version, a varint), tag byte 0x08, because every ONNX
// serializer writes fields in number order; anything else is not worth handing to onnxruntime.
async function probeOnnx(bytes: Uint8Array): Promise<boolean> {
  return bytes[0] === 0x08 && (await loadOnnx(bytes)).ok;
}

function toTensorSpec(meta: InferenceSession.ValueMetadata): TensorSpec {
  if (!meta.isTensor) return { name: meta.name, type: 'non-tensor', shape: [] };
  // onnxruntime-node reports a fixed dim as a number, a symbolic one by its name and an unknown
  // one (neither dim_value nor dim_param) as the empty string.
  return {
    name: meta.name,
    type: meta.type,
    shape: meta.shape.map((dim) => (typeof dim === 'number' ? String(dim) : dim === '' ? '?' : dim)),
  };
}

/**
 * First line of an onnxruntime error, without the C++ source location and function signature
 * it sometimes starts with (`/onnxruntime_src/…/model.cc:191 onnxruntime::Model::Model(…) Missing
 * opset…`): they mean nothing to the uploader.
 */
function ortErrorSummary(err: unknown): string {
  // Duck-typed, not `instanceof Error`: the binding's errors come from Node's main realm, which is
  // not the realm of code running in a vm context (Jest).
  const message = typeof err === 'object' && err !== null && 'message' in err ? String(err.message) : String(err);
  const first = message.trim().split('\n')[0] ?? '';
  const location = /^\S+\.(?:cc|cpp|h):\d+\s+/.exec(first);
  if (!location) return first || 'unknown onnxruntime error';
  let rest = first.slice(location[0].length);
  const signature = /^[\w:~<>,* ]+?\(/.exec(rest);
  if (signature) {
    let depth = 0;
    for (let i = signature[0].length - 1; i < rest.length; i++) {
      if (rest[i] === '(') depth++;
      else if (rest[i] === ')' && --depth === 0) {
        rest = rest.slice(i + 1);
        break;
      }
    }
  }
  return rest.trim() || first;
}
