// Reads a V8 CPU profile (.cpuprofile) of a server under load and says where its time went, by
// layer: each sample is charged to the innermost frame that belongs to a known layer. Node's HTTP,
// socket and stream code is a layer of its own (the HTTP server's and pg's connections alike);
// other Node internals and WebAssembly count for the library that called them (a UTF-8 decode
// under pg's row parser is pg's).

/** The parts of Chrome DevTools' Profile object the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Layers, innermost-first match wins; tested against a frame's script URL. */
const LAYERS: [RegExp, string][] = [
  // WebAssembly frames (Prisma's query compiler, PGlite) match nothing: their JS caller says whose they are.
  [/@prisma\/(client|adapter-pg|client-engine-runtime|driver-adapter-utils)|query_compiler/, 'Prisma (client, query compiler, adapter)'],
  [/pglite-prisma-adapter|@electric-sql\/pglite/, 'PGlite (embedded Postgres)'],
  [/node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//, 'pg driver'],
  [/node_modules\/dataloader\//, 'DataLoader'],
  [/node_modules\/(pino|sonic-boom|thread-stream)\//, 'logging (pino)'],
  [/node_modules\/graphql-scalars\//, 'scalars (DateTime, JSON)'],
  [/node_modules\/graphql\//, 'graphql-js execution'],
  [/@apollo\/server\/dist\/cjs\/runHttpQuery/, 'Apollo: response JSON'],
  [/@apollo\/|node_modules\/lru-cache\//, 'Apollo: request pipeline, plugins'],
  [/node_modules\/(express|router|body-parser|raw-body|graphql-upload-minimal|finalhandler|type-is|cors|iconv-lite)\//, 'HTTP framework, body parsing'],
  [/^file:\/\/(?!.*\/node_modules\/).*\/bench\/api\//, 'bench harness, bare Apollo resolvers'],
  [/^file:\/\/(?!.*\/node_modules\/).*\/(api|resolvers)\//, 'Trebuchet api/ and resolvers/'],
  [/node:_http|node:net|node:internal\/(stream|streams|http)|node:stream/, 'Node HTTP and sockets'],
];

const SPECIAL = new Set(['(garbage collector)', '(idle)', '(program)']);

/** Share of the profile per layer, largest first; `ms` is the profile's length. */
export function summariseProfile(profile: CpuProfile): { ms: number; layers: { layer: string; share: number }[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const layerOfNode = new Map<number, string>();
  const layerOf = (leaf: number): string => {
    const cached = layerOfNode.get(leaf);
    if (cached) return cached;
    let layer: string | undefined;
    const leafName = byId.get(leaf)?.callFrame.functionName ?? '';
    if (SPECIAL.has(leafName)) layer = leafName;
    for (let id: number | undefined = leaf; !layer && id !== undefined; id = parentOf.get(id)) {
      const url = byId.get(id)?.callFrame.url ?? '';
      layer = LAYERS.find(([re]) => re.test(url))?.[1];
    }
    layer ??= 'other (native, runtime)';
    layerOfNode.set(leaf, layer);
    return layer;
  };
  const totals = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const layer = layerOf(id);
    totals.set(layer, (totals.get(layer) ?? 0) + dt);
  });
  return {
    ms: Math.round(total / 1000),
    layers: [...totals]
      .sort((a, b) => b[1] - a[1])
      .map(([layer, t]) => ({ layer, share: Math.round((1000 * t) / total) / 1000 })),
  };
}
