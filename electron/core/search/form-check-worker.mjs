// Worker entry for running from the TypeScript sources (CLI via tsx, tests, benchmarks): load
// the TypeScript worker through tsx's require hooks, as parse-worker.mjs does. The Electron
// bundle ships a compiled form-check-worker.cjs instead.
import { createRequire } from 'node:module';
import { register } from 'tsx/cjs/api';

register();
createRequire(import.meta.url)('./form-check-worker.ts');
