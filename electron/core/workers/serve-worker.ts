/**
 * The worker-thread end of a worker pool: answers each request with `handle`'s output, or with
 * the error's code and message (FolioError does not survive a structured clone), and says
 * `ready` once the worker's modules have loaded.
 */
import { parentPort } from 'node:worker_threads';
import { toErrorData } from '../../../shared/errors';
import type { WorkerReply, WorkerRequest } from './worker-pool';

/** Serves a pool's requests from this worker thread; does nothing on the main thread. */
export function serveWorker<In, Out>(handle: (input: In) => Out | Promise<Out>): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', async (req: WorkerRequest<In>) => {
    let reply: WorkerReply<Out>;
    try {
      reply = { type: 'done', id: req.id, output: await handle(req.input) };
    } catch (err) {
      reply = { type: 'failed', id: req.id, error: toErrorData(err) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply<Out>);
}
