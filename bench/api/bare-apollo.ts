// The ceiling: Trebuchet's own SDL executed by a bare Apollo Server 5 (standalone: node:http and a
// JSON body parser, no Express, no logging, no database, no DataLoader) over plain in-memory
// objects already in the response's shape. What it serves per second is what GraphQL execution
// and serialisation alone allow on this machine.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { encodeCursor, toGlobalId } from '../../api/ids';
import { loadTypeDefs } from '../../api/schema';
import type { BenchRegistry } from './data';

interface Edge<T> {
  cursor: string;
  node: T;
}

/** A `ModelVersion` as the schema's default resolvers read it. */
interface VersionNode {
  __typename: 'ModelVersion';
  id: string;
  version: number;
  framework: string;
  status: 'READY';
  sha256: string;
  size: number;
  storageUri: string;
  metrics: object;
  metadata: object;
  description: string;
  tags: { key: string; value: string }[];
  sourceRun: string;
  parentVersion: number | null;
  createdAt: Date;
  aliases: string[];
}

/** A `Model`; `versionEdges` holds every version, newest first, and `Model.versions` slices it. */
interface ModelNode {
  __typename: 'Model';
  id: string;
  name: string;
  description: string;
  task: string;
  tags: { key: string; value: string }[];
  createdAt: Date;
  updatedAt: Date;
  versionCount: number;
  aliases: { name: string; updatedAt: Date; version: VersionNode }[];
  versionEdges: Edge<VersionNode>[];
}

const sortedTags = (tags: Record<string, string>) =>
  Object.entries(tags)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => ({ key, value }));

/** Builds the object graph once; requests only slice arrays. Models stay sorted by name. */
function buildGraph(registry: BenchRegistry): Edge<ModelNode>[] {
  const versionsByModel = new Map<string, VersionNode[]>();
  for (const v of registry.versions) {
    const node: VersionNode = {
      __typename: 'ModelVersion',
      id: toGlobalId('ModelVersion', v.id),
      version: v.version,
      framework: v.framework,
      status: 'READY',
      sha256: v.sha256,
      size: v.size,
      storageUri: v.storageUri,
      metrics: v.metrics,
      metadata: {},
      description: v.description,
      tags: [],
      sourceRun: v.sourceRun,
      parentVersion: v.parentVersion,
      createdAt: v.createdAt,
      aliases: [],
    };
    versionsByModel.set(v.modelId, [...(versionsByModel.get(v.modelId) ?? []), node]);
  }
  const aliasesByModel = new Map<string, BenchRegistry['aliases']>();
  for (const a of registry.aliases) aliasesByModel.set(a.modelId, [...(aliasesByModel.get(a.modelId) ?? []), a]);

  return registry.models.map((m) => {
    const versions = (versionsByModel.get(m.id) ?? []).sort((a, b) => b.version - a.version);
    const aliases = (aliasesByModel.get(m.id) ?? [])
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((a) => {
        const version = versions.find((v) => v.version === a.version);
        if (!version) throw new Error(`bare apollo: alias "${a.name}" of model "${m.name}" points at missing version ${a.version}`);
        version.aliases.push(a.name);
        return { name: a.name, updatedAt: a.updatedAt, version };
      });
    const node: ModelNode = {
      __typename: 'Model',
      id: toGlobalId('Model', m.id),
      name: m.name,
      description: m.description,
      task: m.task,
      tags: sortedTags(m.tags),
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
      versionCount: m.versionCounter,
      aliases,
      versionEdges: versions.map((v) => ({ cursor: encodeCursor('versions', v.version), node: v })),
    };
    return { cursor: encodeCursor('models', m.name), node };
  });
}

function page<T>(all: Edge<T>[], start: number, first: number) {
  const edges = all.slice(start, start + first);
  return {
    edges,
    pageInfo: {
      hasNextPage: start + first < all.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: all.length,
  };
}

export interface BareApollo {
  url: string;
  close(): Promise<void>;
}

/** Starts the ceiling server on `port` (0: any free port). */
export async function startBareApollo(registry: BenchRegistry, opts: { host: string; port: number }): Promise<BareApollo> {
  const models = buildGraph(registry);
  const positionByCursor = new Map(models.map((e, i) => [e.cursor, i]));
  const schema = makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: {
      DateTime: DateTimeResolver,
      JSON: JSONResolver,
      Node: { __resolveType: (n: { __typename: string }) => n.__typename },
      Query: {
        models: (_: unknown, args: { first?: number | null; after?: string | null }) => {
          const start = args.after ? (positionByCursor.get(args.after) ?? models.length) + 1 : 0;
          return page(models, start, args.first ?? 20);
        },
      },
      Model: {
        versions: (m: ModelNode, args: { first?: number | null }) => page(m.versionEdges, 0, args.first ?? 20),
      },
    },
  });
  const apollo = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(apollo, { listen: { host: opts.host, port: opts.port } });
  return { url, close: () => apollo.stop() };
}
