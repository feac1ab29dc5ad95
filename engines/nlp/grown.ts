// Growing the engine's typed arrays: a copy into a longer array of the same kind.

type Grow = Uint8Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/** A copy of `a` in a new array of `length` elements (the tail zeroed). */
export function grown<A extends Grow>(a: A, length: number): A {
  const b = new (a.constructor as new (n: number) => A)(length);
  b.set(a as never);
  return b;
}
