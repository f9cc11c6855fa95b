/**
 * A small pool of worker threads running parseDocument, so parsing (3–8 ms a file) runs beside
 * the store's disk writes instead of between them. Workers start on the first parse and are
 * unref'd while idle, so an open pool never keeps a process alive; close() terminates them.
 */
import { createWorkerPool, findWorkerFile } from '../workers/worker-pool';
import type { AsyncParseFn } from '../ports';
import type { AnalysedOutcome, ParseRequest } from './parse-worker';

export interface ParsePoolOptions {
  /** The worker entry file; null parses in this thread (with `fallback`). */
  workerFile: string | URL | null;
  /** Workers to run; defaults to the number of CPUs (at least 1, at most 8). */
  size?: number;
  /** Used when there is no worker file, or when a worker fails to start. */
  fallback?: AsyncParseFn;
  /**
   * Workers also analyse each body text for the search index (imports), taking that work off the
   * main thread. The in-thread fallback does not: there it would save nothing.
   */
  analyse?: boolean;
}

export interface ParsePool {
  /** Parses `bytes` in a worker; rejects with the parser's FolioError for bad input. */
  parse(bytes: Uint8Array, fileName: string): Promise<AnalysedOutcome>;
  /** Terminates every worker; parses still waiting reject. */
  close(): Promise<void>;
}

/** Heap limit of a parse worker (see createParsePool). */
const PARSE_HEAP_LIMIT_MB = 960;

/** Files above this size are parsed in a worker without that limit. */
export const UNLIMITED_ABOVE_BYTES = 4 * 1024 * 1024;

/** The worker entry next to this module: the .mjs shim from sources, the .cjs in a bundle. */
export function defaultParseWorkerFile(): URL | null {
  return findWorkerFile(import.meta.url, 'parse-worker');
}

/** Creates a parse pool; no thread starts until the first parse. */
export function createParsePool(opts: ParsePoolOptions): ParsePool {
  const { fallback } = opts;
  const pool = createWorkerPool<ParseRequest, AnalysedOutcome>({
    workerFile: opts.workerFile,
    size: opts.size,
    name: 'The parser',
    resourceLimits: {
      // A parse allocates a few MB that die young; a small young generation keeps each worker's
      // resident memory about 20 MB lower with no measurable cost in CPU (3,000-file import).
      maxYoungGenerationSizeMb: 6,
      // Not a limit any usual input comes near (a worker's live heap is about 20 MB), but below
      // V8's large-heap threshold (1 GB, or 2 GB without pointer compression), under which V8
      // lets the heap grow to at most twice the live size between full collections instead of
      // four times: a busy worker is never idle, and without it holds 60–90 MB of garbage.
      maxOldGenerationSizeMb: PARSE_HEAP_LIMIT_MB,
    },
    // Huge files could come near that limit: they get a worker of their own without it.
    unlimited: (req) => req.bytes.byteLength > UNLIMITED_ABOVE_BYTES,
    // Each worker holds its next file: while this thread indexes or writes a batch of articles it
    // reads no answers, and with one file each the workers would sit idle until it did.
    depth: 2,
    fallback: fallback && ((req) => fallback(req.bytes, req.fileName)),
    // A private copy is transferred, not cloned: the caller keeps its bytes for the store.
    prepare: (req) => {
      const bytes = new Uint8Array(req.bytes);
      return [{ fileName: req.fileName, bytes, analyse: opts.analyse }, [bytes.buffer]];
    },
  });
  return {
    parse: (bytes, fileName) => pool.run({ bytes, fileName }),
    close: () => pool.close(),
  };
}
