/**
 * The composition root of the core: builds the store, then the search index over it, then the
 * exporter. Every face (Electron main, CLI, browser shell) calls this once and nothing else
 * constructs these services.
 */
import { createExporter } from './export/create-exporter';
import { createHttpImageFetcher } from './export/fetch-image';
import { createParsePool, defaultParseWorkerFile } from './parse/parse-pool';
import type { Clock, FolioCore, Printer } from './ports';
import { openSearchIndex } from './search/open-search-index';
import { createAnalysisCache } from './search/text-analysis';
import { openLibrary } from './store/open-library';

export interface CreateCoreOptions {
  /** The library folder. */
  dir: string;
  clock?: Clock;
  /** Defaults to headless Chromium; the desktop app passes Electron's printToPDF. */
  createPrinter?: () => Promise<Printer>;
  /** Downloads images for `--assets` exports; tests pass a fake so nothing touches the network. */
  fetchImage?: (url: string) => Promise<Uint8Array | null>;
  /** The parse worker entry; defaults to the one next to the parser, null parses in-thread. */
  parseWorkerFile?: string | URL | null;
  /** Parse worker threads; defaults to the number of CPUs. */
  parseThreads?: number;
  /**
   * When the search index has to be built (first open, a new index format, or a corrupt index),
   * open at once and build behind it. The app and the browser shell do, so a large library shows
   * its list before the index is complete; the CLI waits, since its command may be a search.
   */
  buildIndexInBackground?: boolean;
  /** Progress of such a build (articles done, total). */
  onIndexBuildProgress?: (done: number, total: number) => void;
  /**
   * The search's phrase-check worker entry; defaults to the one next to the index, null checks
   * in-thread. A process that runs one query (the CLI) gains nothing from starting one.
   */
  formCheckWorkerFile?: string | URL | null;
}

/** Opens the library at `dir` with its search index and exporter. */
export async function createCore(options: CreateCoreOptions): Promise<FolioCore> {
  // Imports parse in worker threads so parsing overlaps the store's fsyncs.
  const pool = createParsePool({
    workerFile:
      options.parseWorkerFile === undefined ? defaultParseWorkerFile() : options.parseWorkerFile,
    size: options.parseThreads,
    // Loaded only if a worker cannot start: the parser's code would otherwise sit in this
    // thread's heap for nothing (about 5 MB, which V8 lets grow several times over in garbage).
    fallback: async (bytes, fileName) =>
      (await import('./parse/parse-document')).parseDocument(bytes, fileName),
    analyse: true,
  });
  // Imported texts arrive analysed for the index; the index takes each when it indexes the article.
  const analyses = createAnalysisCache();
  const parse = async (bytes: Uint8Array, fileName: string) => {
    const { analysis, ...outcome } = await pool.parse(bytes, fileName);
    if (analysis) analyses.put(outcome.article.text, analysis);
    return outcome;
  };
  let library;
  try {
    library = await openLibrary({ dir: options.dir, parse, clock: options.clock });
  } catch (err) {
    await pool.close();
    throw err;
  }
  let search;
  try {
    search = await openSearchIndex({
      dir: options.dir,
      library,
      buildInBackground: options.buildIndexInBackground,
      formCheckWorkerFile: options.formCheckWorkerFile,
      onBuildProgress: options.onIndexBuildProgress,
      analyses,
    });
  } catch (err) {
    await library.close();
    await pool.close();
    throw err;
  }
  // playwright-core costs about a second of CPU to load: only a PDF export pays for it.
  const makePrinter =
    options.createPrinter ??
    (async () => (await import('./printer/chromium-printer')).createChromiumPrinter());
  // The browser starts only when the first PDF is asked for, and is reused after that.
  let printer: Promise<Printer> | null = null;
  const exporter = createExporter({
    printer: () => (printer ??= makePrinter()),
    fetchImage: options.fetchImage ?? createHttpImageFetcher(),
  });
  return {
    library,
    search,
    exporter,
    async close() {
      await exporter.close();
      if (printer) await (await printer).close();
      await search.close();
      await library.close();
      await pool.close();
    },
  };
}
