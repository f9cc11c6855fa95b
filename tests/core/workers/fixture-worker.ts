/**
 * A worker for the pool tests: doubles numbers, reports the thread it ran on, fails, dies, or
 * holds a lot of memory.
 */
import { threadId } from 'node:worker_threads';
import { FolioError } from '../../../shared/errors';
import { serveWorker } from '../../../electron/core/workers/serve-worker';

export type FixtureJob =
  | { op: 'double'; n: number; waitMs?: number }
  | { op: 'fail' }
  | { op: 'exit' }
  /** Holds about `mb` MB of small heap objects at once, then answers with `mb`. */
  | { op: 'hog'; mb: number };

export interface FixtureResult {
  n: number;
  thread: number;
}

serveWorker<FixtureJob, FixtureResult>(async (job) => {
  if (job.op === 'fail') throw new FolioError('INVALID_INPUT', 'bad job');
  if (job.op === 'exit') process.exit(3);
  if (job.op === 'hog') {
    const held: number[][] = [];
    for (let i = 0; i < job.mb * 128; i++) held.push(new Array<number>(1024).fill(i + 0.5));
    return { n: held.length / 128, thread: threadId };
  }
  if (job.waitMs) await new Promise((r) => setTimeout(r, job.waitMs));
  return { n: job.n * 2, thread: threadId };
});
