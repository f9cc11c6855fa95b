/**
 * Worker-thread side of the Markdown pool: renders each article it is sent. Its header-citation
 * cache lives as long as the worker, so a batch pays citeproc once per citation shape per worker.
 */
import { serveWorker } from '../workers/serve-worker';
import { createMarkdownRenderer, type MarkdownJob } from './markdown-job';

serveWorker<MarkdownJob, string>(createMarkdownRenderer());
