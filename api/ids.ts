// Opaque global IDs (Relay `Node.id`) and pagination cursors: base64url of a typed payload, so
// clients cannot depend on their contents and malformed ones are rejected with BAD_USER_INPUT.
import { InvalidInputError } from '../engines/errors';

export type NodeType = 'Model' | 'ModelVersion' | 'Document' | 'DocumentCollection' | 'AudioAnalysisJob' | 'DataSource';
const NODE_TYPES: readonly NodeType[] = ['Model', 'ModelVersion', 'Document', 'DocumentCollection', 'AudioAnalysisJob', 'DataSource'];

export function toGlobalId(type: NodeType, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** Decodes a global ID; null when it is not one of ours (Query.node then answers null). */
export function fromGlobalId(globalId: string): { type: NodeType; id: string } | null {
  const raw = Buffer.from(globalId, 'base64url').toString('utf8');
  const sep = raw.indexOf(':');
  if (sep < 0) return null;
  const type = raw.slice(0, sep) as NodeType;
  const id = raw.slice(sep + 1);
  if (!NODE_TYPES.includes(type) || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return { type, id };
}

/**
 * A data job id: a UUID the client may choose itself (so it can subscribe to the job's progress
 * before starting it), lower-cased; null when the text is not a UUID.
 */
export function fromJobId(jobId: string): string | null {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(jobId) ? jobId.toLowerCase() : null;
}

/** Encodes a cursor for a connection named `kind` positioned at `value`. */
export function encodeCursor(kind: string, value: string | number): string {
  return Buffer.from(JSON.stringify([kind, value]), 'utf8').toString('base64url');
}

/** Decodes a cursor made by `encodeCursor(kind, …)`; BAD_USER_INPUT when it is anything else. */
export function decodeCursor<T extends string | number>(kind: string, cursor: string, valueType: 'string' | 'number'): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || parsed[0] !== kind || typeof parsed[1] !== valueType) {
    throw new InvalidInputError(`malformed cursor "${cursor.slice(0, 64)}" for ${kind}`, { argument: 'after' });
  }
  return parsed[1] as T;
}

/** Clamps a page size: default `dflt`, BAD_USER_INPUT outside 0..max. */
export function pageSize(first: number | null | undefined, dflt = 20, max = 100): number {
  if (first === null || first === undefined) return dflt;
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw new InvalidInputError(`first must be between 0 and ${max}, found ${first}`, { argument: 'first' });
  }
  return first;
}
