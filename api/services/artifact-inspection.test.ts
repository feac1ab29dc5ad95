import { crc32 } from 'node:zlib';
import * as ort from 'onnxruntime-node';
import { onnx } from 'onnx-proto';
import { linearModel, linearModelParams, runInNode, truncated } from '../../test/helpers/onnx';
import { inspectArtifact, type Framework } from './artifact-inspection';

const garbage = new Uint8Array(Buffer.from('this is not a model, just some bytes\n'));

/** A tiny valid safetensors file: one float32 tensor "w" of shape [2]. */
function safetensors(header: Record<string, unknown> = { w: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } }): Uint8Array {
  const data = new Uint8Array(new Float32Array([1.5, -2]).buffer);
  // The reference writer pads the header with spaces to a multiple of 8.
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (json.length % 8)) % 8);
  const out = Buffer.alloc(8 + json.length + data.length);
  out.writeBigUInt64LE(BigInt(json.length), 0);
  out.write(json, 8, 'utf8');
  out.set(data, 8 + json.length);
  return new Uint8Array(out);
}

/** A minimal zip archive (stored entries, with central directory), like torch.save writes. */
function zip(entries: Record<string, string>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(text);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(entries).length, 8);
  eocd.writeUInt16LE(Object.keys(entries).length, 10);
  eocd.writeUInt32LE(directory.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, eocd]));
}

const torchZip = () => zip({ 'archive/data.pkl': '\x80\x02}q\x00.', 'archive/version': '3\n' });
const savedModelZip = () => zip({ 'model/saved_model.pb': 'not really a protobuf', 'model/variables/variables.index': '' });
const hdf5 = () => new Uint8Array([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0, 8, 8, 0]);
const pickle = () => new Uint8Array([0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, 0x2e]);

describe('test/helpers/onnx linearModel', () => {
  test('runs in onnxruntime-node and gives the exact expected output', async () => {
    const opts = { weights: [[1, -2], [0.5, 0.25], [-1, 3]], bias: [0.5, -1] };
    const { weights, bias } = linearModelParams(opts);
    const rows = [
      [1, 2, 3],
      [-4, 0.5, 8],
    ];

    const { output } = await runInNode(linearModel(opts), { input: { dims: [2, 3], data: rows.flat() } });

    // Every operand is a small dyadic fraction, so float32 arithmetic is exact and equality is
    // the right assertion here (hand-checked: row 1 = [-0.5, 6.5], row 2 = [-11.25, 31.125]).
    const expected = rows.flatMap((row) => bias.map((b, j) => row.reduce((sum, x, i) => sum + x * weights[i]![j]!, b)));
    expect(expected).toEqual([-0.5, 6.5, -11.25, 31.125]);
    expect(output).toEqual({ dims: [2, 2], data: expected });
  });

  test('the default model computes input · W + b with the documented defaults', async () => {
    const { output } = await runInNode(linearModel(), { input: { dims: [1, 4], data: [1, 2, 3, 4] } });

    // W[i][j] = (2i + j + 1) / 8, b = [0, 0.5]
    expect(output).toEqual({ dims: [1, 2], data: [6.25, 8] });
  });

  test('bytes are deterministic for the same options and differ for different weights', () => {
    expect(Buffer.from(linearModel({ inputs: 3 }))).toEqual(Buffer.from(linearModel({ inputs: 3 })));
    expect(Buffer.from(linearModel({ weights: [[1], [2]] }))).not.toEqual(Buffer.from(linearModel({ weights: [[1], [3]] })));
  });

  test('truncated keeps the leading fraction of the bytes', () => {
    const bytes = linearModel();
    const half = truncated(bytes, 0.5);
    expect(half.length).toBe(Math.floor(bytes.length / 2));
    expect(Buffer.from(half)).toEqual(Buffer.from(bytes.subarray(0, half.length)));
  });
});

describe('inspectArtifact', () => {
  afterEach(() => jest.restoreAllMocks());

  test('reads the signature of an ONNX model, symbolic batch dimension by name', async () => {
    const result = await inspectArtifact(linearModel(), 'ONNX');

    expect(result).toEqual({
      detected: 'ONNX',
      signature: {
        inputs: [{ name: 'input', type: 'float32', shape: ['N', '4'] }],
        outputs: [{ name: 'output', type: 'float32', shape: ['N', '2'] }],
      },
    });
  });

  test('reports a custom batch dimension, an unknown dimension as "?", and non-float types', async () => {
    const custom = await inspectArtifact(linearModel({ inputs: 3, outputs: 5, batchDim: 'batch' }), 'ONNX');
    expect(custom.signature?.inputs).toEqual([{ name: 'input', type: 'float32', shape: ['batch', '3'] }]);
    expect(custom.signature?.outputs).toEqual([{ name: 'output', type: 'float32', shape: ['batch', '5'] }]);

    const INT64 = onnx.TensorProto.DataType.INT64;
    const identity = onnx.ModelProto.encode({
      irVersion: 8,
      opsetImport: [{ domain: '', version: 13 }],
      graph: {
        name: 'identity',
        node: [{ opType: 'Identity', input: ['ids'], output: ['same'] }],
        input: [{ name: 'ids', type: { tensorType: { elemType: INT64, shape: { dim: [{}, { dimValue: 7 }] } } } }],
        output: [{ name: 'same', type: { tensorType: { elemType: INT64, shape: { dim: [{}, { dimValue: 7 }] } } } }],
      },
    }).finish();
    const result = await inspectArtifact(identity, 'ONNX');
    expect(result.signature?.inputs).toEqual([{ name: 'ids', type: 'int64', shape: ['?', '7'] }]);
  });

  test('releases the onnxruntime session after reading the metadata', async () => {
    // The exported factory is the session class at runtime; its type only declares `create`.
    const sessionClass = ort.InferenceSession as unknown as { prototype: ort.InferenceSession };
    const release = jest.spyOn(sessionClass.prototype, 'release');

    await inspectArtifact(linearModel(), 'ONNX');

    expect(release).toHaveBeenCalledTimes(1);
  });

  test('garbage declared ONNX is BAD_USER_INPUT with onnxruntime’s reason', async () => {
    await expect(inspectArtifact(garbage, 'ONNX')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'artifact is not a loadable ONNX model: Failed to load model because protobuf parsing failed.',
      details: { framework: 'ONNX' },
    });
  });

  test.each([0.1, 0.5, 0.9, 0.99])('an ONNX model truncated to %p of its bytes is BAD_USER_INPUT', async (fraction) => {
    const bytes = truncated(linearModel(), fraction);
    expect(bytes.length).toBeGreaterThan(0);

    await expect(inspectArtifact(bytes, 'ONNX')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/^artifact is not a loadable ONNX model: /),
    });
  });

  test('an ONNX model missing its last byte is BAD_USER_INPUT', async () => {
    const bytes = linearModel();
    await expect(inspectArtifact(bytes.slice(0, bytes.length - 1), 'ONNX')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  test('onnxruntime’s C++ source location is stripped from the message', async () => {
    const model = onnx.ModelProto.decode(linearModel());
    model.opsetImport = [];
    const noOpset = onnx.ModelProto.encode(model).finish();

    const error = await inspectArtifact(noOpset, 'ONNX').catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((error as Error).message).toMatch(/^artifact is not a loadable ONNX model: Missing opset in the model\./);
    expect((error as Error).message).not.toMatch(/onnxruntime_src|\.cc:|::|\n/);
  });

  test.each<Framework>(['ONNX', 'PYTORCH', 'TENSORFLOW', 'SAFETENSORS', 'OTHER'])('empty bytes declared %s are BAD_USER_INPUT', async (framework) => {
    await expect(inspectArtifact(new Uint8Array(0), framework)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('empty'),
      details: { framework },
    });
  });

  test.each<Framework>(['PYTORCH', 'TENSORFLOW', 'SAFETENSORS'])('a loadable ONNX model declared %s is BAD_USER_INPUT naming both', async (framework) => {
    const error = await inspectArtifact(linearModel(), framework).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { framework, detected: 'ONNX' } });
    expect((error as Error).message).toContain(framework);
    expect((error as Error).message).toContain('ONNX');
  });

  test('a valid safetensors file declared SAFETENSORS is accepted', async () => {
    expect(await inspectArtifact(safetensors(), 'SAFETENSORS')).toEqual({ signature: null, detected: 'SAFETENSORS' });
    expect(await inspectArtifact(safetensors({ __metadata__: { format: 'pt' } }), 'SAFETENSORS')).toEqual({
      signature: null,
      detected: 'SAFETENSORS',
    });
  });

  test('a safetensors file declared ONNX is BAD_USER_INPUT naming both', async () => {
    const error = await inspectArtifact(safetensors(), 'ONNX').catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { framework: 'ONNX', detected: 'SAFETENSORS' } });
    expect((error as Error).message).toBe('artifact declared ONNX looks like a SAFETENSORS model');
  });

  test('safetensors with offsets outside the data, or not safetensors at all, declared SAFETENSORS is BAD_USER_INPUT', async () => {
    const badOffsets = safetensors({ w: { dtype: 'F32', shape: [4], data_offsets: [0, 16] } });
    await expect(inspectArtifact(badOffsets, 'SAFETENSORS')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('data_offsets [0, 16]'),
    });
    await expect(inspectArtifact(garbage, 'SAFETENSORS')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/^artifact is not a valid safetensors file: header length \d+ does not fit/),
    });
  });

  test('OTHER accepts anything non-empty and still reports what it detected', async () => {
    expect(await inspectArtifact(garbage, 'OTHER')).toEqual({ signature: null, detected: null });
    expect(await inspectArtifact(linearModel(), 'OTHER')).toEqual({ signature: null, detected: 'ONNX' });
    expect(await inspectArtifact(safetensors(), 'OTHER')).toEqual({ signature: null, detected: 'SAFETENSORS' });
  });

  test('PYTORCH accepts a torch.save zip and a legacy pickle, rejects unrecognisable bytes', async () => {
    expect(await inspectArtifact(torchZip(), 'PYTORCH')).toEqual({ signature: null, detected: 'PYTORCH' });
    expect(await inspectArtifact(pickle(), 'PYTORCH')).toEqual({ signature: null, detected: 'PYTORCH' });
    await expect(inspectArtifact(garbage, 'PYTORCH')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { framework: 'PYTORCH' } });
  });

  test('a torch.save zip cut before its central directory is still recognised from its first entry', async () => {
    const bytes = torchZip();
    expect(await inspectArtifact(bytes.slice(0, 50), 'OTHER')).toEqual({ signature: null, detected: 'PYTORCH' });
  });

  test('TENSORFLOW accepts HDF5 and a zipped SavedModel, rejects unrecognisable bytes', async () => {
    expect(await inspectArtifact(hdf5(), 'TENSORFLOW')).toEqual({ signature: null, detected: 'TENSORFLOW' });
    expect(await inspectArtifact(savedModelZip(), 'TENSORFLOW')).toEqual({ signature: null, detected: 'TENSORFLOW' });
    await expect(inspectArtifact(garbage, 'TENSORFLOW')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  test('a zip of unknown content is accepted as PYTORCH or TENSORFLOW but detected as nothing', async () => {
    const plain = zip({ 'weights.bin': 'abc' });
    expect(await inspectArtifact(plain, 'PYTORCH')).toEqual({ signature: null, detected: null });
    expect(await inspectArtifact(plain, 'TENSORFLOW')).toEqual({ signature: null, detected: null });
    await expect(inspectArtifact(plain, 'SAFETENSORS')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  test.each<[string, Framework, Framework, () => Uint8Array]>([
    ['a torch.save zip', 'TENSORFLOW', 'PYTORCH', torchZip],
    ['a torch.save zip', 'ONNX', 'PYTORCH', torchZip],
    ['a SavedModel zip', 'PYTORCH', 'TENSORFLOW', savedModelZip],
    ['an HDF5 file', 'SAFETENSORS', 'TENSORFLOW', hdf5],
    ['a safetensors file', 'PYTORCH', 'SAFETENSORS', () => safetensors()],
  ])('%s declared %s is BAD_USER_INPUT (detected %s)', async (_label, declared, detected, make) => {
    const error = await inspectArtifact(make(), declared).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { framework: declared, detected } });
    expect((error as Error).message).toBe(`artifact declared ${declared} looks like a ${detected} model`);
  });
});
