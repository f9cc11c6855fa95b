// Worker entry for running from the TypeScript sources (CLI via tsx, tests, benchmarks): load
// the TypeScript worker through tsx's require hooks. Its ESM hooks would each start a loader
// thread of their own (another isolate, about 20 MB per parse worker); the require hooks run in
// this thread. The Electron bundle ships a compiled parse-worker.cjs instead.
import { createRequire } from 'node:module';
import { register } from 'tsx/cjs/api';

register();
createRequire(import.meta.url)('./parse-worker.ts');
