#!/usr/bin/env node
// Fails when the committed GraphQL Code Generator output is stale: regenerates into the tree and
// asks git whether anything changed (CI runs this on a clean clone).
const { execFileSync, spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const generated = ['resolvers/__generated__', 'client/gql'];
const gen = spawnSync(path.join(root, 'node_modules/.bin/graphql-codegen'), ['--config', 'codegen.yml', '--silent'], { cwd: root, stdio: 'inherit' });
if (gen.status !== 0) process.exit(gen.status ?? 1);
const diff = execFileSync('git', ['status', '--porcelain', '--', ...generated], { cwd: root, encoding: 'utf8' }).trim();
if (diff) {
  console.error(`codegen: generated files are stale; run \`npm run codegen\` and commit:\n${diff}`);
  process.exit(1);
}
console.log('codegen: generated files are up to date');
