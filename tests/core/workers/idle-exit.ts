// Run as a child process by worker-pool.test.ts: one job through a pool that is never closed.
// The process must wait for the worker to start and answer, then exit on its own.
import { createWorkerPool } from '../../../electron/core/workers/worker-pool';

const pool = createWorkerPool<{ op: 'double'; n: number }, { n: number }>({
  workerFile: new URL('./fixture-worker.mjs', import.meta.url),
  size: 1,
  name: 'The fixture',
});
const { n } = await pool.run({ op: 'double', n: 21 });
console.log(`answer ${n}`);
