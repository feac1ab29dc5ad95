// The two kinds of work an analysis hands out — frame blocks and tempogram chunks — and the code
// that runs them on one thread. The same TaskRunner runs on the calling thread (threads = 1) and in
// each worker (worker.ts), so both paths compute exactly the same numbers.
import { openWavSync, type WavInfo } from './wav.ts';
import { BlockProcessor, FrameStore, type FrameStoreLayout } from './blocks.ts';
import { TempogramKernel } from './kernel.ts';
import type { ResolvedOptions } from './options.ts';

/** Tempogram frames per task: sums are formed per chunk, then added in chunk order. */
export const TEMPOGRAM_CHUNK = 8192;

export interface RunnerInit {
  path: string;
  info: WavInfo;
  options: ResolvedOptions;
  layout: FrameStoreLayout;
  buffers: (ArrayBuffer | SharedArrayBuffer)[];
  blockFrames: number;
  winLength: number;
  tempogramFft: number;
}

export type Task =
  | { kind: 'block'; block: number; floors: number[] | null }
  /** Tempogram frames [from, to) of one channel; `pad` is its padded onset envelope (shared when threaded). */
  | { kind: 'tempogram'; channel: number; pad: ArrayBuffer | SharedArrayBuffer; from: number; to: number };

/** Runs tasks against one open file; close() releases it. */
export class TaskRunner {
  private readonly file;
  private processor: BlockProcessor | undefined;
  private tempogram: TempogramKernel | undefined;
  private readonly store: FrameStore;

  constructor(private readonly init: RunnerInit) {
    this.file = openWavSync(init.path);
    this.store = new FrameStore(init.layout, init.buffers);
  }

  /** Runs one task; a tempogram task returns its chunk's summed spectra. */
  run(task: Task): Float64Array | null {
    const { init } = this;
    if (task.kind === 'block') {
      this.processor ??= new BlockProcessor(this.file.fd, init.info, init.options, this.store, init.blockFrames);
      this.processor.process(task.block, task.floors ? Float64Array.from(task.floors) : null);
      return null;
    }
    const pad = new Float32Array(task.pad);
    this.tempogram ??= new TempogramKernel(init.winLength, init.tempogramFft, TEMPOGRAM_CHUNK + init.winLength + 4);
    const k = this.tempogram;
    // the kernel reads pad[t .. t + W) for t in [from, to): copy that window (plus slack for the last group)
    const need = task.to - task.from + init.winLength + 3;
    k.pad.fill(0);
    k.pad.set(pad.subarray(task.from, Math.min(pad.length, task.from + need)));
    k.acc.fill(0);
    k.accumulate(0, task.to - task.from);
    return Float64Array.from(k.acc);
  }

  close(): void {
    this.file.close();
  }
}
