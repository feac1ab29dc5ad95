import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalArtifactStore } from './artifacts';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const bytesOf = (text: string) => new Uint8Array(Buffer.from(text));

let root: string;
let store: LocalArtifactStore;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'trebuchet-artifacts-'));
  store = new LocalArtifactStore(root);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function storedFiles(): Promise<string[]> {
  const shards = await readdir(path.join(root, 'sha256')).catch(() => [] as string[]);
  const files = await Promise.all(
    shards.map(async (shard) => (await readdir(path.join(root, 'sha256', shard))).map((f) => `${shard}/${f}`)),
  );
  return files.flat().sort();
}

async function tempFiles(): Promise<string[]> {
  return readdir(path.join(root, 'tmp')).catch(() => []);
}

describe('LocalArtifactStore', () => {
  test('put stores the bytes at sha256/<2 hex>/<hex> and returns an absolute file:// uri', async () => {
    const bytes = bytesOf('model weights v1');
    const hex = sha(bytes);

    const stored = await store.put(bytes);

    expect(stored).toEqual({ sha256: hex, size: bytes.length, uri: store.uriFor(hex), created: true });
    expect(stored.uri.startsWith('file:///')).toBe(true);
    const file = fileURLToPath(stored.uri);
    expect(file).toBe(path.join(root, 'sha256', hex.slice(0, 2), hex));
    expect(await readFile(file)).toEqual(Buffer.from(bytes));
  });

  test('storing the same bytes twice keeps one file and reports created=false the second time', async () => {
    const bytes = bytesOf('same bytes');

    const first = await store.put(bytes);
    const second = await store.put(bytes);

    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.sha256).toBe(first.sha256);
    expect(await storedFiles()).toEqual([`${first.sha256.slice(0, 2)}/${first.sha256}`]);
    expect(await tempFiles()).toEqual([]);
  });

  test('concurrent puts of the same bytes store one copy and exactly one reports created', async () => {
    const bytes = new Uint8Array(256 * 1024).map((_, i) => (i * 31) % 251);

    const results = await Promise.all(Array.from({ length: 12 }, () => store.put(bytes)));

    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.sha256))).toEqual(new Set([sha(bytes)]));
    expect(await storedFiles()).toHaveLength(1);
    expect(await store.get(sha(bytes))).toEqual(bytes);
    expect(await tempFiles()).toEqual([]);
  });

  test('different bytes get different addresses', async () => {
    const a = await store.put(bytesOf('a'));
    const b = await store.put(bytesOf('b'));

    expect(a.sha256).not.toBe(b.sha256);
    expect(await storedFiles()).toHaveLength(2);
  });

  test('get, has and delete', async () => {
    const bytes = bytesOf('round trip');
    const { sha256 } = await store.put(bytes);

    expect(await store.has(sha256)).toBe(true);
    expect(await store.get(sha256)).toEqual(bytes);

    await store.delete(sha256);

    expect(await store.has(sha256)).toBe(false);
    await expect(store.get(sha256)).rejects.toMatchObject({ code: 'NOT_FOUND', details: { sha256 } });
    await expect(store.delete(sha256)).resolves.toBeUndefined();
  });

  test('get of bytes never stored is NOT_FOUND', async () => {
    await expect(store.get(sha(bytesOf('never stored')))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  test.each([
    ['too short', 'abc123'],
    ['uppercase', sha(bytesOf('x')).toUpperCase()],
    ['path traversal', `../../${'0'.repeat(58)}`],
    ['non-hex', 'g'.repeat(64)],
  ])('a malformed sha256 (%s) is BAD_USER_INPUT for get, has, delete and uriFor', async (_label, bad) => {
    await expect(store.get(bad)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(store.has(bad)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(store.delete(bad)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(() => store.uriFor(bad)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  test('putFile moves a spooled upload into the store', async () => {
    const bytes = bytesOf('spooled upload');
    const spooled = path.join(root, 'upload.part');
    await writeFile(spooled, bytes);

    const stored = await store.putFile(spooled);

    expect(stored).toMatchObject({ sha256: sha(bytes), size: bytes.length, created: true });
    expect(await store.get(stored.sha256)).toEqual(bytes);
    await expect(stat(spooled)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await tempFiles()).toEqual([]);
  });

  test('putFile of bytes already stored reports created=false and still consumes the source', async () => {
    const bytes = bytesOf('already here');
    await store.put(bytes);
    const spooled = path.join(root, 'again.part');
    await writeFile(spooled, bytes);

    const stored = await store.putFile(spooled);

    expect(stored.created).toBe(false);
    expect(await storedFiles()).toHaveLength(1);
    await expect(stat(spooled)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await tempFiles()).toEqual([]);
  });

  test('the empty artifact is storable like any other bytes', async () => {
    const stored = await store.put(new Uint8Array(0));

    expect(stored.sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(stored.size).toBe(0);
    expect(await store.get(stored.sha256)).toEqual(new Uint8Array(0));
  });
});
