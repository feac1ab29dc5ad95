// The benchmark registry as plain rows, generated deterministically: the seed writes these rows to
// the database, and the bare Apollo ceiling answers from the very same rows, so both servers give
// byte-identical responses and the runner can compare them.
import { createHash } from 'node:crypto';

/** Size of the benchmark registry. */
export interface RegistryShape {
  models: number;
  versionsPerModel: number;
}

/** The registry: 1,000 models × 5 versions = 5,000 versions. */
export const DEFAULT_SHAPE: RegistryShape = { models: 1000, versionsPerModel: 5 };

/** Every timestamp is an offset from this instant, so the data never depends on the clock. */
export const REFERENCE_TIME = Date.parse('2026-01-01T00:00:00.000Z');

const TASKS = ['text-classification', 'regression', 'image-classification', 'audio-tagging', 'object-detection'] as const;
const TEAMS = ['search', 'ads', 'vision', 'speech'] as const;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface BenchModel {
  id: string;
  name: string;
  description: string;
  task: string;
  tags: Record<string, string>;
  versionCounter: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface BenchVersion {
  id: string;
  modelId: string;
  version: number;
  framework: 'OTHER';
  sha256: string;
  size: number;
  storageUri: string;
  /**
   * Keys in jsonb's storage order (shorter keys first, then bytewise), so the object read back
   * from Postgres serialises exactly like this one.
   */
  metrics: { f1: number; accuracy: number; latencyMs: number };
  description: string;
  sourceRun: string;
  parentVersion: number | null;
  createdAt: Date;
}

export interface BenchAlias {
  modelId: string;
  name: string;
  version: number;
  updatedAt: Date;
}

export interface BenchAliasEvent {
  modelId: string;
  alias: string;
  fromVersion: number | null;
  toVersion: number;
  note: string;
  createdAt: Date;
}

/** The whole registry; rows of each table in insertion order, models sorted by name. */
export interface BenchRegistry {
  models: BenchModel[];
  versions: BenchVersion[];
  aliases: BenchAlias[];
  aliasEvents: BenchAliasEvent[];
}

/** A UUID (v4 layout) derived from `key`: the same key gives the same id in every run. */
function stableUuid(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** mulberry32: a small seeded PRNG, enough for plausible metric values. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Four decimals: short, exact round trips through jsonb's numeric. */
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * Builds the registry: models `model-0000`…, tasks cycling, one or two tags each, versions
 * 1..N per model (framework OTHER), and aliases `production` → N on every model plus
 * `staging` → N−1 on every other model, with the alias events that put them there
 * (production was first set to N−1, then moved to N).
 */
export function makeRegistry(shape: RegistryShape = DEFAULT_SHAPE): BenchRegistry {
  const random = prng(20261127);
  const n = shape.versionsPerModel;
  const out: BenchRegistry = { models: [], versions: [], aliases: [], aliasEvents: [] };
  for (let i = 0; i < shape.models; i++) {
    const name = `model-${String(i).padStart(4, '0')}`;
    const modelId = stableUuid(`model:${name}`);
    const createdAt = new Date(REFERENCE_TIME + i * MINUTE);
    const tags: Record<string, string> = { team: TEAMS[i % TEAMS.length] as string };
    if (i % 2 === 0) tags.owner = `owner-${i % 7}`;
    const versionTime = (v: number) => new Date(createdAt.getTime() + v * HOUR);
    out.models.push({
      id: modelId,
      name,
      description: `Benchmark model ${i}`,
      task: TASKS[i % TASKS.length] as string,
      tags,
      versionCounter: n,
      createdAt,
      updatedAt: versionTime(n),
    });
    for (let v = 1; v <= n; v++) {
      const sha256 = createHash('sha256').update(`${name}@${v}`).digest('hex');
      out.versions.push({
        id: stableUuid(`version:${name}@${v}`),
        modelId,
        version: v,
        framework: 'OTHER',
        sha256,
        size: 1_000_000 + Math.floor(random() * 50_000_000),
        storageUri: `file:///var/lib/trebuchet/artifacts/sha256/${sha256.slice(0, 2)}/${sha256}`,
        metrics: { f1: round4(0.6 + random() * 0.35), accuracy: round4(0.7 + random() * 0.29), latencyMs: round4(1 + random() * 40) },
        description: `${name} version ${v}`,
        sourceRun: `run-${i}-${v}`,
        parentVersion: v > 1 ? v - 1 : null,
        createdAt: versionTime(v),
      });
    }
    if (n < 2) continue;
    const moved = new Date(versionTime(n).getTime() + 30 * MINUTE);
    out.aliases.push({ modelId, name: 'production', version: n, updatedAt: moved });
    out.aliasEvents.push(
      { modelId, alias: 'production', fromVersion: null, toVersion: n - 1, note: 'first release', createdAt: new Date(versionTime(n - 1).getTime() + 30 * MINUTE) },
      { modelId, alias: 'production', fromVersion: n - 1, toVersion: n, note: 'promote', createdAt: moved },
    );
    if (i % 2 === 0) {
      const staged = new Date(versionTime(n - 1).getTime() + 10 * MINUTE);
      out.aliases.push({ modelId, name: 'staging', version: n - 1, updatedAt: staged });
      out.aliasEvents.push({ modelId, alias: 'staging', fromVersion: null, toVersion: n - 1, note: 'canary', createdAt: staged });
    }
  }
  return out;
}
