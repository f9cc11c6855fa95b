/**
 * Worker-thread side of the Markdown pool: renders each article it is sent. The citation comes
 * with the job, so this thread loads turndown and js-yaml but never citeproc.
 */
import { serveWorker } from '../workers/serve-worker';
import { renderMarkdownJob, type MarkdownJob, type MarkdownOutput } from './markdown-job';

serveWorker<MarkdownJob, MarkdownOutput>(renderMarkdownJob);
