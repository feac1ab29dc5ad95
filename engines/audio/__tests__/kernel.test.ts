// The WebAssembly kernel's real FFT (power spectra) against a direct float64 DFT, for every size
// shape it supports: 2^k with an even and an odd number of radix-4 stages, and 3·2^k (tempogram).
import { FLAG_SPECTRAL, StftKernel, tempogramFftSize } from '../kernel.ts';
import { windowFunction } from '../filters.ts';

function directPower(x: Float64Array): Float64Array {
  const n = x.length;
  const out = new Float64Array(n / 2 + 1);
  const cos = Float64Array.from({ length: n }, (_, i) => Math.cos((2 * Math.PI * i) / n));
  const sin = Float64Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * i) / n));
  for (let k = 0; k <= n / 2; k++) {
    let re = 0;
    let im = 0;
    for (let j = 0; j < n; j++) {
      const i = (k * j) % n;
      re += x[j]! * cos[i]!;
      im -= x[j]! * sin[i]!;
    }
    out[k] = re * re + im * im;
  }
  return out;
}

describe('kernel FFT', () => {
  it.each([64, 128, 256, 512, 1024, 2048, 96, 192, 384, 768, 1536])('power spectrum of size %i matches a direct DFT in all four lanes', (n) => {
    const hop = n / 4;
    const k = new StftKernel({ sampleRate: 16000, nFft: n, hop, window: 'hann', nMels: 8, melScale: 'slaney', nMfcc: 4, rolloffPercent: 0.85, maxFrames: 4 });
    let seed = n;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) - 0.5;
    for (let i = 0; i < k.signal.length; i++) k.signal[i] = rnd() + 0.5 * Math.sin(i * 0.3);
    k.run(4, false, FLAG_SPECTRAL, -Infinity);
    const w = windowFunction('hann', n);
    for (let lane = 0; lane < 4; lane++) {
      const frame = Float64Array.from({ length: n }, (_, j) => k.signal[lane * hop + j]! * w[j]!);
      const ref = directPower(frame);
      const ours = k.lastPower(lane);
      const peak = Math.max(...ref);
      for (let b = 0; b < ref.length; b++) expect(Math.abs(ours[b]! - ref[b]!)).toBeLessThan(2e-5 * peak);
    }
  });

  it('picks the smallest 2^k or 3·2^k tempogram size without circular aliasing', () => {
    expect(tempogramFftSize(750)).toBe(1536); // 48 kHz / hop 512
    expect(tempogramFftSize(344)).toBe(768); // 22.05 kHz
    expect(tempogramFftSize(500)).toBe(1024); // 16 kHz / hop 256: 768 < 999
    expect(tempogramFftSize(125)).toBe(256);
    for (const w of [1, 2, 33, 125, 344, 500, 750, 1500, 4000]) {
      const n = tempogramFftSize(w);
      expect(n).toBeGreaterThanOrEqual(2 * w - 1);
      expect(Number.isInteger(Math.log2(n)) || Number.isInteger(Math.log2(n / 3))).toBe(true);
      // no smaller size of either shape would do
      expect(n / 2 < 2 * w - 1 || n === 64).toBe(true);
      if (n % 3 !== 0) expect((3 * n) / 4 < 2 * w - 1 || n === 64).toBe(true);
    }
  });
});
