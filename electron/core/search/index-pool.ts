/**
 * Tokenising articles for the search index in a worker thread. During an import the main
 * thread also writes the library and the index, and tokenising was most of its work; here it
 * overlaps them. Without a worker (no entry file, or one that fails to start) it runs in-thread.
 */
import type { Article } from '../../../shared/model';
import { createWorkerPool, findWorkerFile } from '../workers/worker-pool';
import {
  type BuiltDoc,
  type IndexedArticle,
  type PackedDoc,
  buildDoc,
  indexedFields,
  packDoc,
  unpackDoc,
} from './article-doc';

export interface IndexPool {
  build(article: Article): Promise<BuiltDoc>;
  close(): Promise<void>;
}

/** The worker entry next to this module: the .mjs shim from sources, the .cjs in a bundle. */
export function defaultIndexWorkerFile(): URL | null {
  return findWorkerFile(import.meta.url, 'index-worker');
}

/** One worker by default: it keeps up with the parse pool, and each thread costs memory. */
export function createIndexPool(opts: {
  workerFile: string | URL | null;
  size?: number;
}): IndexPool {
  if (opts.workerFile === null) {
    return { build: async (article) => buildDoc(article), close: async () => {} };
  }
  const pool = createWorkerPool<IndexedArticle, PackedDoc>({
    workerFile: opts.workerFile,
    size: opts.size ?? 1,
    name: 'The search indexer',
    fallback: (article) => packDoc(buildDoc(article)),
  });
  return {
    build: async (article) => unpackDoc(await pool.run(indexedFields(article))),
    close: () => pool.close(),
  };
}
