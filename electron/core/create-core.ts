/**
 * The composition root of the core: builds the store, then the search index over it, then the
 * exporter. Every face (Electron main, CLI, browser shell) calls this once and nothing else
 * constructs these services.
 */
import { createExporter } from './export/create-exporter';
import { createHttpImageFetcher } from './export/fetch-image';
import { parseDocument } from './parse/parse-document';
import type { Clock, FolioCore, Printer } from './ports';
import { createChromiumPrinter } from './printer/chromium-printer';
import { openSearchIndex } from './search/open-search-index';
import { openLibrary } from './store/open-library';

export interface CreateCoreOptions {
  /** The library folder. */
  dir: string;
  clock?: Clock;
  /** Defaults to headless Chromium; the desktop app passes Electron's printToPDF. */
  createPrinter?: () => Promise<Printer>;
  /** Downloads images for `--assets` exports; tests pass a fake so nothing touches the network. */
  fetchImage?: (url: string) => Promise<Uint8Array | null>;
}

/** Opens the library at `dir` with its search index and exporter. */
export async function createCore(options: CreateCoreOptions): Promise<FolioCore> {
  const library = await openLibrary({
    dir: options.dir,
    parse: parseDocument,
    clock: options.clock,
  });
  let search;
  try {
    search = await openSearchIndex({ dir: options.dir, library });
  } catch (err) {
    await library.close();
    throw err;
  }
  const makePrinter = options.createPrinter ?? (async () => createChromiumPrinter());
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
    },
  };
}
