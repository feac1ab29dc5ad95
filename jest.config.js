// Jest runs TypeScript through SWC (CommonJS output); no type checking here (`npm run typecheck`).
// Every test file gets its own database (see test/helpers/db.ts), so files run in parallel.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/api', '<rootDir>/resolvers', '<rootDir>/engines', '<rootDir>/cli', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // eld (language detection) is ESM-only: in these files `import()` stays native (ignoreDynamic)
    // and Jest's ESM loader (--experimental-vm-modules in `npm test`) loads it; swc would make it require().
    '/engines/nlp/(language|__tests__/language\\.test)\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs', ignoreDynamic: true } }],
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json', 'cjs', 'mjs'],
  testTimeout: 60000,
  maxWorkers: process.env.JEST_MAX_WORKERS ?? 2,
};
