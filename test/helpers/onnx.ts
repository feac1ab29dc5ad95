// Builds small, real ONNX models in TypeScript for tests, so no test ever downloads a model.
// Models are encoded with onnx-proto; the same options always give the same bytes.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { onnx } from 'onnx-proto';

/** Options for {@link linearModel}. Weights are `[inputs][outputs]`, i.e. `output = input · W + b`. */
export interface LinearModelOptions {
  /** Number of input features; defaults to the row count of `weights`, else 4. */
  inputs?: number;
  /** Number of output features; defaults to the column count of `weights`, else 2. */
  outputs?: number;
  /** Name of the symbolic batch dimension; defaults to `'N'`. */
  batchDim?: string;
  weights?: number[][];
  bias?: number[];
}

/** Parameters actually used by {@link linearModel}, so tests can compute the expected output. */
export interface LinearModelParams {
  inputs: number;
  outputs: number;
  batchDim: string;
  weights: number[][];
  bias: number[];
}

// Opset 13 and IR version 8 are the newest onnx-proto 8 (ONNX 1.10) can describe, and every
// onnxruntime release since 1.10 loads them.
const OPSET = 13;
const IR_VERSION = 8;

/**
 * Resolves defaults. The default weights `W[i][j] = (i·outputs + j + 1) / 8` and bias `b[j] = j / 2`
 * are exact in float32, so a model run can be compared with exact numbers.
 */
export function linearModelParams(opts: LinearModelOptions = {}): LinearModelParams {
  const inputs = opts.inputs ?? opts.weights?.length ?? 4;
  const outputs = opts.outputs ?? opts.weights?.[0]?.length ?? opts.bias?.length ?? 2;
  const weights =
    opts.weights ??
    Array.from({ length: inputs }, (_, i) => Array.from({ length: outputs }, (_, j) => (i * outputs + j + 1) / 8));
  const bias = opts.bias ?? Array.from({ length: outputs }, (_, j) => j / 2);
  if (weights.length !== inputs || weights.some((row) => row.length !== outputs)) {
    throw new Error(`linearModel: weights must be ${inputs}x${outputs}`);
  }
  if (bias.length !== outputs) {
    throw new Error(`linearModel: bias must have ${outputs} values, found ${bias.length}`);
  }
  return { inputs, outputs, batchDim: opts.batchDim ?? 'N', weights, bias };
}

/**
 * A `MatMul` + `Add` graph: input `"input"` float32 `[batchDim, inputs]`, output `"output"` float32
 * `[batchDim, outputs]`, weights and bias stored as initializers.
 */
export function linearModel(opts: LinearModelOptions = {}): Uint8Array {
  const { inputs, outputs, batchDim, weights, bias } = linearModelParams(opts);
  const FLOAT = onnx.TensorProto.DataType.FLOAT;
  const tensorType = (features: number): onnx.ITypeProto => ({
    tensorType: { elemType: FLOAT, shape: { dim: [{ dimParam: batchDim }, { dimValue: features }] } },
  });

  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    producerName: 'trebuchet-test',
    producerVersion: '1',
    opsetImport: [{ domain: '', version: OPSET }],
    graph: {
      name: 'linear',
      node: [
        { opType: 'MatMul', input: ['input', 'W'], output: ['xw'], name: 'matmul' },
        { opType: 'Add', input: ['xw', 'B'], output: ['output'], name: 'add' },
      ],
      initializer: [
        { name: 'W', dataType: FLOAT, dims: [inputs, outputs], floatData: weights.flat() },
        { name: 'B', dataType: FLOAT, dims: [outputs], floatData: bias },
      ],
      input: [{ name: 'input', type: tensorType(inputs) }],
      output: [{ name: 'output', type: tensorType(outputs) }],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

/** The first `fraction` (0..1) of `bytes`, as a copy: a model cut short, as by an interrupted upload. */
export function truncated(bytes: Uint8Array, fraction: number): Uint8Array {
  if (!(fraction >= 0 && fraction <= 1)) throw new Error(`truncated: fraction must be in [0, 1], found ${fraction}`);
  return bytes.slice(0, Math.floor(bytes.length * fraction));
}

/** A float32 tensor as plain numbers, row-major. */
export interface PlainTensor {
  dims: number[];
  data: number[];
}

// Runs in a plain `node` child: Jest evaluates tests in a vm context whose Float32Array is not the
// one the onnxruntime-node binding creates, so `session.run` inside Jest throws "A float32
// tensor's data must be type of function Float32Array()" (microsoft/onnxruntime#16622).
const RUN_SCRIPT = `
const ort = require('onnxruntime-node');
let input = '';
process.stdin.on('data', (c) => (input += c)).on('end', async () => {
  const { model, feeds } = JSON.parse(input);
  const session = await ort.InferenceSession.create(Buffer.from(model, 'base64'));
  const tensors = {};
  for (const [name, t] of Object.entries(feeds)) tensors[name] = new ort.Tensor('float32', Float32Array.from(t.data), t.dims);
  const results = await session.run(tensors);
  await session.release();
  const out = {};
  for (const [name, t] of Object.entries(results)) out[name] = { dims: [...t.dims], data: Array.from(t.data) };
  process.stdout.write(JSON.stringify(out));
});
`;

/**
 * Runs `model` in onnxruntime-node in a child Node process (see RUN_SCRIPT for why) with float32
 * feeds and returns every output. float32 values survive the JSON round trip exactly.
 */
export function runInNode(model: Uint8Array, feeds: Record<string, PlainTensor>): Promise<Record<string, PlainTensor>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', RUN_SCRIPT], {
      // `node -e` resolves require() from the working directory: the repository root.
      cwd: path.resolve(__dirname, '../..'),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(stdout) as Record<string, PlainTensor>);
      else reject(new Error(`runInNode: onnxruntime-node exited with ${code}: ${stderr.trim()}`));
    });
    child.stdin.end(JSON.stringify({ model: Buffer.from(model).toString('base64'), feeds }));
  });
}
