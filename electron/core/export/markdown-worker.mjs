// Worker entry for running from the TypeScript sources (CLI via tsx, tests, benchmarks): load
// tsx's hooks in this thread, then the TypeScript worker. The Electron bundle ships a compiled
// markdown-worker.cjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./markdown-worker.ts');
