/**
 * Worker threads that render Markdown for large batch exports: turndown and citeproc cost
 * ~2 ms an article, so one thread cannot export 10,000 articles in 10 s. When no worker can
 * start, the pool renders in this thread with the same code.
 */
import { createWorkerPool, findWorkerFile, type WorkerPool } from '../workers/worker-pool';
import { createMarkdownRenderer, type MarkdownJob } from './markdown-job';

export type MarkdownPool = WorkerPool<MarkdownJob, string>;

/** The worker entry next to this module: the .mjs shim from sources, the .cjs in a bundle. */
export function defaultMarkdownWorkerFile(): URL | null {
  return findWorkerFile(import.meta.url, 'markdown-worker');
}

/** Creates a Markdown pool; no thread starts until the first job. */
export function createMarkdownPool(opts: {
  workerFile: string | URL | null;
  size?: number;
}): MarkdownPool {
  let inThread: ((job: MarkdownJob) => string) | null = null;
  return createWorkerPool<MarkdownJob, string>({
    workerFile: opts.workerFile,
    size: opts.size,
    name: 'The Markdown renderer',
    fallback: (job) => (inThread ??= createMarkdownRenderer())(job),
    // Two jobs a worker: it starts the next while this thread is busy writing files.
    depth: 2,
  });
}
