#!/usr/bin/env node
// Entry point of the `trebuchet` command: runs the TypeScript CLI through tsx's require hook.
require('tsx/cjs');
require('../cli/main.ts');
