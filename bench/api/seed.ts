// Seeds a fresh (migrated, empty) database with the benchmark registry from data.ts, in bulk:
// one createMany per table, so 1,000 models and 5,000 versions load in seconds even on PGlite.
import { Prisma, type PrismaClient } from '../../api/db';
import { DEFAULT_SHAPE, makeRegistry, type BenchRegistry, type RegistryShape } from './data';

/** Versions per INSERT: 1,000 rows × 17 columns stays under the bind-parameter limit. */
const VERSION_CHUNK = 1000;

export interface SeedResult {
  registry: BenchRegistry;
  /** Rows written per table. */
  counts: { models: number; versions: number; aliases: number; aliasEvents: number };
  ms: number;
}

/**
 * Writes the registry through Prisma. Bypasses RegistryService on purpose: registering 5,000
 * versions one by one would store 5,000 artifacts and take minutes, and the benchmark only reads.
 * The rows are what the service would have written (versionCounter = latest version, an alias
 * event for every alias move).
 */
export async function seedRegistry(prisma: PrismaClient, shape: RegistryShape = DEFAULT_SHAPE): Promise<SeedResult> {
  const start = performance.now();
  const registry = makeRegistry(shape);
  if ((await prisma.model.count()) > 0) throw new Error('bench seed: the database already holds models; seed a fresh one');
  await prisma.$transaction(async (tx) => {
    await tx.model.createMany({ data: registry.models });
    // Our own chunks, each under Postgres's 32,767 bind parameters: left to Prisma, the split
    // statements of one createMany go out concurrently on the transaction's single connection,
    // which pg deprecates (DeprecationWarning: client.query() while already executing).
    for (let i = 0; i < registry.versions.length; i += VERSION_CHUNK) {
      await tx.modelVersion.createMany({
        data: registry.versions
          .slice(i, i + VERSION_CHUNK)
          .map((v) => ({ ...v, size: BigInt(v.size), status: 'READY' as const, signature: Prisma.DbNull, metadata: {}, tags: {} })),
      });
    }
    await tx.modelAlias.createMany({ data: registry.aliases });
    await tx.modelAliasEvent.createMany({ data: registry.aliasEvents });
  }, { timeout: 120_000 });
  return {
    registry,
    counts: { models: registry.models.length, versions: registry.versions.length, aliases: registry.aliases.length, aliasEvents: registry.aliasEvents.length },
    ms: performance.now() - start,
  };
}
