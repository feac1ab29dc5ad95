import path from 'node:path';
import { loadConfig } from './config';

test('defaults: port 4000, ./.trebuchet, embedded database', () => {
  const c = loadConfig({});
  expect(c.port).toBe(4000);
  expect(c.dataDir).toBe(path.resolve('.trebuchet'));
  expect(c.databaseUrl).toBeUndefined();
  expect(c.production).toBe(false);
});

test('environment, then overrides (CLI flags) win', () => {
  const c = loadConfig({ TREBUCHET_PORT: '5000', TREBUCHET_DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://h/db', NODE_ENV: 'production' }, { port: 6000 });
  expect(c).toMatchObject({ port: 6000, dataDir: '/tmp/x', databaseUrl: 'postgres://h/db', production: true });
});

test('invalid numbers are refused with the variable named', () => {
  expect(() => loadConfig({ TREBUCHET_PORT: 'abc' })).toThrow('TREBUCHET_PORT');
  expect(() => loadConfig({ TREBUCHET_MAX_UPLOAD_BYTES: String(2 ** 32) })).toThrow('2 GiB');
});

test('NLP limits and threads from the environment, checked', () => {
  expect(loadConfig({})).toMatchObject({ nlpMaxDocuments: 10_000, nlpMaxTextBytes: 1024 * 1024, nlpThreads: 2 });
  expect(loadConfig({ TREBUCHET_NLP_MAX_DOCUMENTS: '50', TREBUCHET_NLP_MAX_TEXT_BYTES: '4096', TREBUCHET_NLP_THREADS: '4' })).toMatchObject({
    nlpMaxDocuments: 50,
    nlpMaxTextBytes: 4096,
    nlpThreads: 4,
  });
  expect(() => loadConfig({ TREBUCHET_NLP_THREADS: '0' })).toThrow('TREBUCHET_NLP_THREADS');
  expect(() => loadConfig({ TREBUCHET_NLP_MAX_DOCUMENTS: 'many' })).toThrow('TREBUCHET_NLP_MAX_DOCUMENTS');
});

test('audio limits, concurrency and threads from the environment, checked', () => {
  expect(loadConfig({})).toMatchObject({ audioMaxUploadBytes: 4 * 1024 ** 3, audioConcurrency: 1, audioThreads: expect.any(Number) });
  expect(loadConfig({ TREBUCHET_AUDIO_MAX_UPLOAD_BYTES: '1048576', TREBUCHET_AUDIO_CONCURRENCY: '3', TREBUCHET_AUDIO_THREADS: '2' })).toMatchObject({
    audioMaxUploadBytes: 1024 * 1024,
    audioConcurrency: 3,
    audioThreads: 2,
  });
  expect(() => loadConfig({ TREBUCHET_AUDIO_CONCURRENCY: '0' })).toThrow('TREBUCHET_AUDIO_CONCURRENCY');
  expect(() => loadConfig({ TREBUCHET_AUDIO_THREADS: '65' })).toThrow('TREBUCHET_AUDIO_THREADS');
  expect(() => loadConfig({ TREBUCHET_AUDIO_MAX_UPLOAD_BYTES: '0' })).toThrow('TREBUCHET_AUDIO_MAX_UPLOAD_BYTES');
});
