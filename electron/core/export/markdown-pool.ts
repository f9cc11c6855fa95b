/**
 * Worker threads that render Markdown for large batch exports, beside the main thread (see
 * markdown-batch.ts): turndown costs ~0.3 ms an article, most of a batch's time. When no worker
 * can start, the pool renders in this thread with the same code.
 */
import { createWorkerPool, findWorkerFile, type WorkerPool } from '../workers/worker-pool';
import { renderMarkdownJob, type MarkdownJob, type MarkdownOutput } from './markdown-job';

export type MarkdownPool = WorkerPool<MarkdownJob, MarkdownOutput>;

/** Jobs sent to each worker before it answers the first. */
export const MARKDOWN_WORKER_DEPTH = 6;

/** The worker entry next to this module: the .mjs shim from sources, the .cjs in a bundle. */
export function defaultMarkdownWorkerFile(): URL | null {
  return findWorkerFile(import.meta.url, 'markdown-worker');
}

/** Creates a Markdown pool; no thread starts until the first job. */
export function createMarkdownPool(opts: {
  workerFile: string | URL | null;
  size?: number;
}): MarkdownPool {
  return createWorkerPool<MarkdownJob, MarkdownOutput>({
    workerFile: opts.workerFile,
    size: opts.size,
    name: 'The Markdown renderer',
    fallback: renderMarkdownJob,
    // Jobs a worker holds: it goes on while this thread renders an article of its own and has
    // not read the worker's answers yet.
    depth: MARKDOWN_WORKER_DEPTH,
  });
}
