/**
 * A worker for the pool tests: doubles numbers, reports the thread it ran on, fails, or dies.
 */
import { threadId } from 'node:worker_threads';
import { FolioError } from '../../../shared/errors';
import { serveWorker } from '../../../electron/core/workers/serve-worker';

export type FixtureJob =
  { op: 'double'; n: number; waitMs?: number } | { op: 'fail' } | { op: 'exit' };

export interface FixtureResult {
  n: number;
  thread: number;
}

serveWorker<FixtureJob, FixtureResult>(async (job) => {
  if (job.op === 'fail') throw new FolioError('INVALID_INPUT', 'bad job');
  if (job.op === 'exit') process.exit(3);
  if (job.waitMs) await new Promise((r) => setTimeout(r, job.waitMs));
  return { n: job.n * 2, thread: threadId };
});
