#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so a fresh clone needs no build step before `npx --no folio`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
