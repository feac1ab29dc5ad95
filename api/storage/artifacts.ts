// Content-addressed storage for model artifacts: bytes are stored once under their sha256.
// `ArtifactStore` is the port the services use; `LocalArtifactStore` keeps files on local disk,
// and an S3-compatible store can implement the same interface.

import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvalidInputError, NotFoundError } from '../../engines/errors';

/** The result of storing bytes. */
export interface StoredArtifact {
  /** Lowercase hex sha256 of the bytes, their address in the store. */
  sha256: string;
  size: number;
  uri: string;
  /** False when the same bytes were already stored. */
  created: boolean;
}

/** Where artifact bytes live, addressed by their sha256. */
export interface ArtifactStore {
  /** Stores bytes under their sha256; storing the same bytes twice keeps one copy. Atomic: a crash never leaves a partial file under the final name. */
  put(bytes: Uint8Array): Promise<StoredArtifact>;
  /** Moves a file already written elsewhere (e.g. an upload spooled to a temp file) into the store. */
  putFile(path: string): Promise<StoredArtifact>;
  /** The stored bytes. @throws NotFoundError when absent, InvalidInputError for a malformed sha256. */
  get(sha256: string): Promise<Uint8Array>;
  /** @throws InvalidInputError for a malformed sha256. */
  has(sha256: string): Promise<boolean>;
  /** Removes the bytes; no error when absent. @throws InvalidInputError for a malformed sha256. */
  delete(sha256: string): Promise<void>;
  /** The URI the bytes are (or would be) stored at. @throws InvalidInputError for a malformed sha256. */
  uriFor(sha256: string): string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Throws `InvalidInputError` unless `sha256` is 64 lowercase hex digits. */
export function assertSha256(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) {
    throw new InvalidInputError(`artifact: sha256 must be 64 lowercase hex digits, found "${sha256.slice(0, 80)}"`, {
      field: 'sha256',
    });
  }
}

/**
 * Artifacts on local disk. Layout under `rootDir`:
 * - `sha256/<first 2 hex>/<64 hex>`: the stored bytes (the two-digit shard keeps directories small);
 * - `tmp/<uuid>`: files being written; they only ever reach `sha256/` by an atomic link or rename.
 *
 * `tmp/` is on the same filesystem as `sha256/` by construction, which is what makes the final
 * link/rename atomic. Temp files left by a crash are garbage and can be deleted at any time.
 */
export class LocalArtifactStore implements ArtifactStore {
  private readonly root: string;

  constructor(rootDir: string) {
    this.root = path.resolve(rootDir);
  }

  async put(bytes: Uint8Array): Promise<StoredArtifact> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (await this.has(sha256)) return this.stored(sha256, bytes.length, false);
    const temp = await this.tempPath();
    try {
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
        // Data reaches the disk before the name does, so a crash cannot expose a short file.
        await handle.sync();
      } finally {
        await handle.close();
      }
      return this.stored(sha256, bytes.length, await this.publish(temp, sha256));
    } finally {
      await unlinkIfPresent(temp);
    }
  }

  async putFile(source: string): Promise<StoredArtifact> {
    // Take the file into tmp/ first: from then on nobody else writes to it, so the hash we compute
    // is the hash of the bytes we publish.
    const temp = await this.tempPath();
    try {
      await moveInto(source, temp);
      const handle = await open(temp, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      const { sha256, size } = await hashFile(temp);
      return this.stored(sha256, size, await this.publish(temp, sha256));
    } finally {
      await unlinkIfPresent(temp);
    }
  }

  async get(sha256: string): Promise<Uint8Array> {
    assertSha256(sha256);
    try {
      return new Uint8Array(await readFile(this.pathFor(sha256)));
    } catch (err) {
      if (isErrno(err, 'ENOENT')) throw new NotFoundError(`artifact sha256:${sha256} not found`, { sha256 });
      throw err;
    }
  }

  async has(sha256: string): Promise<boolean> {
    assertSha256(sha256);
    try {
      await stat(this.pathFor(sha256));
      return true;
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return false;
      throw err;
    }
  }

  async delete(sha256: string): Promise<void> {
    assertSha256(sha256);
    await unlinkIfPresent(this.pathFor(sha256));
  }

  uriFor(sha256: string): string {
    assertSha256(sha256);
    return pathToFileURL(this.pathFor(sha256)).href;
  }

  private pathFor(sha256: string): string {
    return path.join(this.root, 'sha256', sha256.slice(0, 2), sha256);
  }

  private async tempPath(): Promise<string> {
    const dir = path.join(this.root, 'tmp');
    await mkdir(dir, { recursive: true });
    return path.join(dir, randomUUID());
  }

  /**
   * Gives the complete temp file its final name; returns false when the bytes were already there.
   * A hard link fails with EEXIST instead of replacing, so of concurrent puts of the same bytes
   * exactly one reports `created`. The caller removes the temp file either way.
   */
  private async publish(temp: string, sha256: string): Promise<boolean> {
    const final = this.pathFor(sha256);
    await mkdir(path.dirname(final), { recursive: true });
    try {
      await link(temp, final);
      return true;
    } catch (err) {
      if (isErrno(err, 'EEXIST')) return false;
      // Filesystems without hard links: rename is atomic too but replaces, so check first (a
      // concurrent put may then also report created; the stored bytes are the same either way).
      if (isErrno(err, 'EPERM') || isErrno(err, 'ENOTSUP') || isErrno(err, 'EOPNOTSUPP') || isErrno(err, 'ENOSYS')) {
        if (await this.has(sha256)) return false;
        await rename(temp, final);
        return true;
      }
      throw err;
    }
  }

  private stored(sha256: string, size: number, created: boolean): StoredArtifact {
    return { sha256, size, uri: this.uriFor(sha256), created };
  }
}

/** Renames `source` to `target`, copying when they are on different filesystems. */
async function moveInto(source: string, target: string): Promise<void> {
  try {
    await rename(source, target);
  } catch (err) {
    if (!isErrno(err, 'EXDEV')) throw err;
    await copyFile(source, target);
    await unlink(source);
  }
}

async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

async function unlinkIfPresent(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (err) {
    if (!isErrno(err, 'ENOENT')) throw err;
  }
}

function isErrno(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as NodeJS.ErrnoException).code === code;
}
