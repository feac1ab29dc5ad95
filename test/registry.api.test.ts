// The model registry over real HTTP against a running server (PGlite, or Postgres when
// DATABASE_URL is set): models, versions with real ONNX artifacts, aliases, tags, errors.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { graphql } from '../client/gql';
import type { TestModelsPageQuery } from '../client/gql/graphql';
import { CreateModelMutation, RegisterModelVersionMutation, SetModelAliasMutation } from '../client/operations';
import { expectCode } from './helpers/errors';
import { linearModel, truncated } from './helpers/onnx';
import { startTestServer, type TestServer } from './helpers/server';

const ModelQuery = graphql(`
  query TestModel($name: String!, $at: DateTime, $alias: String!) {
    model(name: $name) {
      id
      name
      versionCount
      tags {
        key
        value
      }
      latestVersion {
        version
      }
      aliases {
        name
        version {
          version
        }
      }
      alias(name: $alias, at: $at) {
        version
      }
      aliasHistory(name: $alias) {
        alias
        fromVersion
        toVersion
        note
        at
      }
    }
  }
`);

const ModelVersionQuery = graphql(`
  query TestModelVersion($model: String!, $version: Int, $alias: String) {
    modelVersion(model: $model, version: $version, alias: $alias) {
      id
      version
      sha256
      aliases
      tags {
        key
        value
      }
    }
  }
`);

const ModelsPageQuery = graphql(`
  query TestModelsPage($filter: ModelFilter, $first: Int, $after: String) {
    models(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
      edges {
        cursor
        node {
          name
        }
      }
    }
  }
`);

const NodeQuery = graphql(`
  query TestNode($id: ID!) {
    node(id: $id) {
      id
      __typename
      ... on Model {
        name
      }
      ... on ModelVersion {
        version
      }
    }
  }
`);

const DeleteModelMutation = graphql(`
  mutation TestDeleteModel($name: String!, $force: Boolean) {
    deleteModel(name: $name, force: $force) {
      name
      deletedVersions
    }
  }
`);

const DeleteAliasMutation = graphql(`
  mutation TestDeleteAlias($model: String!, $alias: String!) {
    deleteModelAlias(model: $model, alias: $alias) {
      version
    }
  }
`);

const SetTagsMutation = graphql(`
  mutation TestSetTags($input: SetTagsInput!) {
    setTags(input: $input) {
      tags {
        key
        value
      }
      modelVersion {
        version
      }
    }
  }
`);

const UpdateModelMutation = graphql(`
  mutation TestUpdateModel($input: UpdateModelInput!) {
    updateModel(input: $input) {
      description
      task
    }
  }
`);

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A clock the test moves by hand. */
const clock = { t: new Date('2026-01-01T00:00:00.000Z'), now() { return new Date(this.t); } };

let ts: TestServer;

beforeAll(async () => {
  ts = await startTestServer({ clock, config: { maxUploadBytes: 64 * 1024, maxBase64Bytes: 4 * 1024 } });
});

afterAll(async () => {
  await ts?.close();
});

async function artifactFiles(): Promise<string[]> {
  const root = path.join(ts.db.dataDir, 'artifacts', 'sha256');
  const dirs = await readdir(root).catch(() => [] as string[]);
  const files: string[] = [];
  for (const d of dirs) files.push(...(await readdir(path.join(root, d))));
  return files;
}

describe('models', () => {
  test('create, read, update; duplicate names are CONFLICT; invalid names BAD_USER_INPUT', async () => {
    const created = await ts.client.request(CreateModelMutation, { input: { name: 'iris-classifier', task: 'text-classification', description: 'd', tags: [{ key: 'team', value: 'ml' }] } });
    expect(created.createModel).toMatchObject({ name: 'iris-classifier', task: 'text-classification', versionCount: 0, tags: [{ key: 'team', value: 'ml' }] });
    await expectCode(ts.client.request(CreateModelMutation, { input: { name: 'iris-classifier' } }), 'CONFLICT');
    for (const bad of ['Iris', 'has space', '-lead', '', 'x'.repeat(129), 'emoji😀']) {
      const { message: msg } = await expectCode(ts.client.request(CreateModelMutation, { input: { name: bad } }), 'BAD_USER_INPUT');
      expect(msg).toContain('invalid model name');
    }
    const updated = await ts.client.request(UpdateModelMutation, { input: { name: 'iris-classifier', description: 'new', task: null } });
    expect(updated.updateModel).toEqual({ description: 'new', task: null });
    await expectCode(ts.client.request(UpdateModelMutation, { input: { name: 'nope', description: 'x' } }), 'NOT_FOUND');
  });

  test('paging by cursor, filters by prefix, task and tag; malformed cursor is BAD_USER_INPUT', async () => {
    for (let i = 0; i < 7; i++) {
      await ts.client.request(CreateModelMutation, { input: { name: `page-${i}`, task: i % 2 ? 'regression' : 'audio-tagging', tags: [{ key: 'parity', value: i % 2 ? 'odd' : 'even' }] } });
    }
    const names: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: TestModelsPageQuery = await ts.client.request(ModelsPageQuery, { filter: { namePrefix: 'page-' }, first: 3, after });
      expect(data.models.totalCount).toBe(7);
      expect(data.models.pageInfo.hasPreviousPage).toBe(after !== null);
      names.push(...data.models.edges.map((e) => e.node.name));
      pages++;
      if (!data.models.pageInfo.hasNextPage) break;
      after = data.models.pageInfo.endCursor ?? null;
    }
    expect(pages).toBe(3);
    expect(names).toEqual(['page-0', 'page-1', 'page-2', 'page-3', 'page-4', 'page-5', 'page-6']);
    const byTask = await ts.client.request(ModelsPageQuery, { filter: { namePrefix: 'page-', task: 'regression' } });
    expect(byTask.models.edges.map((e) => e.node.name)).toEqual(['page-1', 'page-3', 'page-5']);
    const byTag = await ts.client.request(ModelsPageQuery, { filter: { tag: { key: 'parity', value: 'even' } } });
    expect(byTag.models.edges.map((e) => e.node.name)).toEqual(['page-0', 'page-2', 'page-4', 'page-6']);
    await expectCode(ts.client.request(ModelsPageQuery, { after: 'not-a-cursor' }), 'BAD_USER_INPUT');
    await expectCode(ts.client.request(ModelsPageQuery, { first: 1000 }), 'BAD_USER_INPUT');
  });

  test('a malformed GraphQL document is GRAPHQL_PARSE_FAILED; an unknown field GRAPHQL_VALIDATION_FAILED', async () => {
    const parse = await ts.client.raw('query { models(first: 1) { edges { node { name }', {});
    expect(parse.status).toBe(400);
    expect(parse.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const invalid = await ts.client.raw('query { models { nope } }', {});
    expect(invalid.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('versions and artifacts', () => {
  beforeAll(async () => {
    await ts.client.request(CreateModelMutation, { input: { name: 'linear', task: 'regression' } });
    await ts.client.request(CreateModelMutation, { input: { name: 'other-model' } });
  });

  test('an ONNX model uploaded as multipart is loaded, its signature read, its bytes stored by sha256', async () => {
    const bytes = linearModel({ inputs: 4, outputs: 2 });
    const data = await ts.client.request(
      RegisterModelVersionMutation,
      { input: { model: 'linear', framework: 'ONNX', metrics: { rmse: 0.25 }, metadata: { trainer: 'sgd' }, sourceRun: 'run-1', tags: [{ key: 'stage', value: 'dev' }] } },
      [{ path: 'input.artifact', data: bytes, filename: 'linear.onnx' }],
    );
    const v = data.registerModelVersion;
    expect(v.version).toBe(1);
    expect(v.size).toBe(bytes.length);
    expect(v.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(v.metrics).toEqual({ rmse: 0.25 });
    expect(v.signature).toEqual({
      inputs: [{ name: 'input', type: 'float32', shape: ['N', '4'] }],
      outputs: [{ name: 'output', type: 'float32', shape: ['N', '2'] }],
    });
    expect(await artifactFiles()).toEqual([v.sha256]);
  });

  test('the same bytes registered again (base64) make a new version but are stored once', async () => {
    const bytes = linearModel({ inputs: 4, outputs: 2 });
    const data = await ts.client.request(RegisterModelVersionMutation, { input: { model: 'linear', framework: 'ONNX', artifactBase64: b64(bytes), parentVersion: 1 } });
    expect(data.registerModelVersion.version).toBe(2);
    expect(data.registerModelVersion.parentVersion).toBe(1);
    expect(await artifactFiles()).toHaveLength(1);
  });

  test('bad artifacts are BAD_USER_INPUT and leave nothing behind', async () => {
    const before = await artifactFiles();
    const bytes = linearModel({ inputs: 3, outputs: 1 });
    const cases: [string, Promise<unknown>][] = [
      ['garbage as ONNX', ts.client.request(RegisterModelVersionMutation, { input: { model: 'linear', framework: 'ONNX', artifactBase64: b64(Buffer.from('definitely not a model')) } })],
      ['truncated ONNX', ts.client.request(RegisterModelVersionMutation, { input: { model: 'linear', framework: 'ONNX', artifactBase64: b64(truncated(bytes, 0.6)) } })],
      ['ONNX declared PYTORCH', ts.client.request(RegisterModelVersionMutation, { input: { model: 'linear', framework: 'PYTORCH', artifactBase64: b64(bytes) } })],
      ['over the upload limit', ts.client.request(RegisterModelVersionMutation, { input: { model: 'linear', framework: 'OTHER' } }, [{ path: 'input.artifact', data: new Uint8Array(64 * 1024 + 1), filename: 'big.bin' }])],
      ['over the base64 limit', ts.client.request(RegisterModelVersionMutation, { input: { model: 'linear', framework: 'OTHER', artifactBase64: b64(new Uint8Array(4 * 1024 + 3)) } })],
      ['invalid base64', ts.client.request(RegisterModelVersionMutation, { input: { model: 'linear', framework: 'OTHER', artifactBase64: '!!!' } })],
      ['no artifact', ts.client.request(RegisterModelVersionMutation, { input: { model: 'linear', framework: 'OTHER' } })],
      ['metrics not numbers', ts.client.request(RegisterModelVersionMutation, { input: { model: 'linear', framework: 'OTHER', artifactBase64: b64(Buffer.from('x')), metrics: { acc: 'high' } } })],
    ];
    for (const [name, p] of cases) {
      const { message: msg } = await expectCode(p, 'BAD_USER_INPUT').catch((e: Error) => {
        throw new Error(`${name}: ${e.message}`);
      });
      expect(msg.length).toBeGreaterThan(5);
    }
    const model = await ts.client.request(ModelQuery, { name: 'linear', alias: 'x' });
    expect(model.model?.versionCount).toBe(2);
    expect(await artifactFiles()).toEqual(before);
    await expectCode(ts.client.request(RegisterModelVersionMutation, { input: { model: 'missing', framework: 'OTHER', artifactBase64: 'eA==' } }), 'NOT_FOUND');
    await expectCode(ts.client.request(RegisterModelVersionMutation, { input: { model: 'linear', framework: 'OTHER', artifactBase64: 'eA==', parentVersion: 99 } }), 'NOT_FOUND');
  });

  test('a multipart request without the CSRF preflight header is refused', async () => {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: 'mutation($f: Upload) { registerModelVersion(input: { model: "linear", framework: OTHER, artifact: $f }) { version } }', variables: { f: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.f'] }));
    form.append('0', new Blob([new Uint8Array([1, 2, 3])]), 'x.bin');
    const res = await fetch(ts.server.url, { method: 'POST', body: form });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('CSRF');
    const model = await ts.client.request(ModelQuery, { name: 'linear', alias: 'x' });
    expect(model.model?.versionCount).toBe(2);
  });

  test('concurrent registrations get consecutive version numbers, none collide or skip', async () => {
    await ts.client.request(CreateModelMutation, { input: { name: 'busy' } });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => ts.client.request(RegisterModelVersionMutation, { input: { model: 'busy', framework: 'OTHER', artifactBase64: b64(Buffer.from(`artifact ${i}`)) } })),
    );
    const versions = results.map((r) => r.registerModelVersion.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const model = await ts.client.request(ModelQuery, { name: 'busy', alias: 'x' });
    expect(model.model?.versionCount).toBe(12);
    expect(model.model?.latestVersion?.version).toBe(12);
  });

  test('modelVersion by number, by alias and latest; node(id) round-trips', async () => {
    const latest = await ts.client.request(ModelVersionQuery, { model: 'linear' });
    expect(latest.modelVersion?.version).toBe(2);
    const v1 = await ts.client.request(ModelVersionQuery, { model: 'linear', version: 1 });
    expect(v1.modelVersion?.version).toBe(1);
    expect((await ts.client.request(ModelVersionQuery, { model: 'linear', version: 7 })).modelVersion).toBeNull();
    expect((await ts.client.request(ModelVersionQuery, { model: 'nope' })).modelVersion).toBeNull();
    const node = await ts.client.request(NodeQuery, { id: v1.modelVersion?.id as string });
    expect(node.node).toMatchObject({ __typename: 'ModelVersion', version: 1 });
    const model = await ts.client.request(ModelQuery, { name: 'linear', alias: 'x' });
    const mnode = await ts.client.request(NodeQuery, { id: model.model?.id as string });
    expect(mnode.node).toMatchObject({ __typename: 'Model', name: 'linear' });
    expect((await ts.client.request(NodeQuery, { id: 'bm90LWFuLWlk' })).node).toBeNull();
  });

  test('tags on a model and on a version: set, remove, replace', async () => {
    const m = await ts.client.request(SetTagsMutation, { input: { model: 'linear', tags: [{ key: 'b', value: '2' }, { key: 'a', value: '1' }] } });
    expect(m.setTags.tags).toEqual([{ key: 'a', value: '1' }, { key: 'b', value: '2' }]);
    const removed = await ts.client.request(SetTagsMutation, { input: { model: 'linear', tags: [{ key: 'a', value: null }] } });
    expect(removed.setTags.tags).toEqual([{ key: 'b', value: '2' }]);
    const v = await ts.client.request(SetTagsMutation, { input: { model: 'linear', version: 1, tags: [{ key: 'x', value: 'y' }], replace: true } });
    expect(v.setTags).toEqual({ tags: [{ key: 'x', value: 'y' }], modelVersion: { version: 1 } });
    const read = await ts.client.request(ModelVersionQuery, { model: 'linear', version: 1 });
    expect(read.modelVersion?.tags).toEqual([{ key: 'x', value: 'y' }]);
    await expectCode(ts.client.request(SetTagsMutation, { input: { model: 'linear', version: 42, tags: [] } }), 'NOT_FOUND');
    await expectCode(ts.client.request(SetTagsMutation, { input: { model: 'linear', tags: [{ key: '', value: 'v' }] } }), 'BAD_USER_INPUT');
  });
});

describe('aliases', () => {
  test('set, move, delete, with history and the version at any past time', async () => {
    const t0 = new Date('2026-03-01T10:00:00.000Z');
    clock.t = t0;
    await ts.client.request(SetModelAliasMutation, { model: 'linear', alias: 'production', version: 1, note: 'first' });
    clock.t = new Date('2026-03-02T10:00:00.000Z');
    const moved = await ts.client.request(SetModelAliasMutation, { model: 'linear', alias: 'production', version: 2, note: 'promote' });
    expect(moved.setModelAlias).toMatchObject({ version: 2, aliases: ['production'] });
    clock.t = new Date('2026-03-03T10:00:00.000Z');
    await ts.client.request(DeleteAliasMutation, { model: 'linear', alias: 'production' });

    const at = async (iso: string | null) => (await ts.client.request(ModelQuery, { name: 'linear', alias: 'production', at: iso })).model?.alias?.version ?? null;
    expect(await at('2026-02-28T00:00:00.000Z')).toBeNull();
    expect(await at('2026-03-01T10:00:00.000Z')).toBe(1);
    expect(await at('2026-03-01T23:59:59.999Z')).toBe(1);
    expect(await at('2026-03-02T12:00:00.000Z')).toBe(2);
    expect(await at('2026-03-04T00:00:00.000Z')).toBeNull();
    expect(await at(null)).toBeNull();

    const history = (await ts.client.request(ModelQuery, { name: 'linear', alias: 'production' })).model?.aliasHistory;
    expect(history).toEqual([
      { alias: 'production', fromVersion: null, toVersion: 1, note: 'first', at: '2026-03-01T10:00:00.000Z' },
      { alias: 'production', fromVersion: 1, toVersion: 2, note: 'promote', at: '2026-03-02T10:00:00.000Z' },
      { alias: 'production', fromVersion: 2, toVersion: null, note: null, at: '2026-03-03T10:00:00.000Z' },
    ]);
    clock.t = new Date();
  });

  test('an alias cannot point at a missing version or one of another model; bad input changes nothing', async () => {
    await ts.client.request(SetModelAliasMutation, { model: 'linear', alias: 'staging', version: 1 });
    // busy has version 12; linear has only 2: "version 12" names a version of another model.
    await expectCode(ts.client.request(SetModelAliasMutation, { model: 'linear', alias: 'staging', version: 12 }), 'NOT_FOUND');
    await expectCode(ts.client.request(SetModelAliasMutation, { model: 'missing', alias: 'staging', version: 1 }), 'NOT_FOUND');
    await expectCode(ts.client.request(SetModelAliasMutation, { model: 'linear', alias: 'bad alias!', version: 1 }), 'BAD_USER_INPUT');
    await expectCode(ts.client.request(DeleteAliasMutation, { model: 'linear', alias: 'never-set' }), 'NOT_FOUND');
    const m = await ts.client.request(ModelQuery, { name: 'linear', alias: 'staging' });
    expect(m.model?.aliases).toEqual([{ name: 'staging', version: { version: 1 } }]);
    expect(m.model?.aliasHistory).toHaveLength(1);
    const byAlias = await ts.client.request(ModelVersionQuery, { model: 'linear', alias: 'staging' });
    expect(byAlias.modelVersion).toMatchObject({ version: 1, aliases: ['staging'] });
  });

  test('deleteModel refuses while an alias points at a version, unless forced; artifacts go with it', async () => {
    const sha = (await ts.client.request(ModelVersionQuery, { model: 'linear', version: 1 })).modelVersion?.sha256 as string;
    expect(await artifactFiles()).toContain(sha);
    const { message: msg } = await expectCode(ts.client.request(DeleteModelMutation, { name: 'linear' }), 'PRECONDITION_FAILED');
    expect(msg).toContain('staging');
    expect((await ts.client.request(ModelQuery, { name: 'linear', alias: 'x' })).model).not.toBeNull();
    const deleted = await ts.client.request(DeleteModelMutation, { name: 'linear', force: true });
    expect(deleted.deleteModel).toEqual({ name: 'linear', deletedVersions: 2 });
    expect((await ts.client.request(ModelQuery, { name: 'linear', alias: 'x' })).model).toBeNull();
    expect(await artifactFiles()).not.toContain(sha);
    await expectCode(ts.client.request(DeleteModelMutation, { name: 'linear' }), 'NOT_FOUND');
  });
});

describe('health', () => {
  test('/healthz and /readyz answer', async () => {
    const base = ts.server.url.replace(/\/graphql$/, '');
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
  });
});
