#!/usr/bin/env node
// Runs `prisma generate` offline. The Prisma CLI wants its native schema engine only to exist
// (generate does not execute it) and would otherwise try to download it; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at an existing file lets generation run without network access.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const cli = require.resolve('prisma/build/index.js');
const r = spawnSync(process.execPath, [cli, 'generate'], {
  cwd: path.join(__dirname, '..'),
  env,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
