// A canonical 44-byte WAV header (RIFF, a 16-byte "fmt " chunk, the "data" chunk header) for tests
// that build small or deliberately broken files by hand.

export interface HeaderSpec {
  channels?: number;
  rate?: number;
  /** Format tag: 1 PCM (default), 3 float, 6 A-law, … */
  tag?: number;
  bits?: number;
  /** The size the data chunk declares (default 0). */
  dataBytes?: number;
}

export function wavHeader(o: HeaderSpec = {}): Buffer {
  const ch = o.channels ?? 1;
  const bits = o.bits ?? 16;
  const rate = o.rate ?? 8000;
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + (o.dataBytes ?? 0), 4);
  h.write('WAVEfmt ', 8);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(o.tag ?? 1, 20);
  h.writeUInt16LE(ch, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * ch * (bits / 8), 28);
  h.writeUInt16LE(ch * (bits / 8), 32);
  h.writeUInt16LE(bits, 34);
  h.write('data', 36);
  h.writeUInt32LE(o.dataBytes ?? 0, 40);
  return h;
}
