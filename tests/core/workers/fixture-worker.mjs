// The test worker's entry, as electron/core/parse/parse-worker.mjs: tsx's hooks, then the TS.
import { register } from 'tsx/esm/api';

register();
await import('./fixture-worker.ts');
