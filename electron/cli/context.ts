/**
 * The CLI's lazily opened services. A command that needs only the library never starts the
 * search index or the exporter; one that asks for the full core gets the same library.
 */
import { FolioError } from '../../shared/errors';
import { type ParsePool, createParsePool, defaultParseWorkerFile } from '../core/parse/parse-pool';
import type { AsyncParseFn, FolioCore, Library, ParseFn } from '../core/ports';
import { openLibrary } from '../core/store/open-library';
import type { CliContext, CliIO } from './command';
import { drawProgress } from './output';

export interface ContextOptions {
  io: CliIO;
  json: boolean;
  libraryDir: string;
  /** Defaults to the real parser; tests pass a fake. */
  loadParser?: () => Promise<ParseFn>;
}

/** A context plus the function that closes whatever it opened. */
export function createContext(opts: ContextOptions): {
  ctx: CliContext;
  close: () => Promise<void>;
} {
  let core: Promise<FolioCore> | null = null;
  let library: Promise<Library> | null = null;
  let parser: Promise<ParseFn> | null = null;
  const loadParser = () =>
    (parser ??= opts.loadParser
      ? opts.loadParser()
      : import('../core/parse/parse-document').then((m) => m.parseDocument as ParseFn));
  let loaded: ParseFn | null = null;
  const parseWhenLoaded: ParseFn = (bytes, fileName) => {
    if (!loaded)
      throw new FolioError('INTERNAL', 'The parser is not loaded: await ctx.parser() first.');
    return loaded(bytes, fileName);
  };
  // The real parser also runs in worker threads for imports; a test's fake stays in-thread.
  let pool: ParsePool | null = null;
  const libraryParse: AsyncParseFn = opts.loadParser
    ? parseWhenLoaded
    : (bytes, fileName) => {
        pool ??= createParsePool({
          workerFile: defaultParseWorkerFile(),
          fallback: parseWhenLoaded,
        });
        return pool.parse(bytes, fileName);
      };
  const ctx: CliContext = {
    io: opts.io,
    json: opts.json,
    libraryDir: opts.libraryDir,
    async parser() {
      loaded = await loadParser();
      return loaded;
    },
    library() {
      if (core) return core.then((c) => c.library);
      // Loading the parser costs a second or more; only commands that import need it, and they
      // await ctx.parser() first. The proxy fails loudly if one forgets.
      return (library ??= openLibrary({ dir: opts.libraryDir, parse: libraryParse }));
    },
    core() {
      core ??= (async () => {
        // The lock allows one opener: hand a library opened alone over to the full core.
        if (library) await (await library).close();
        library = null;
        const { createCore } = await import('../core/create-core');
        // A library from an older index format is indexed afresh on first open: show it.
        return createCore({
          dir: opts.libraryDir,
          // One command runs a query or two: over before a phrase-check worker would start.
          formCheckWorkerFile: null,
          onIndexBuildProgress: opts.io.isTTY
            ? (done, total) => drawProgress(opts.io, done, total, 'indexing the library')
            : undefined,
        });
      })();
      return core;
    },
  };
  const close = async () => {
    if (core) await (await core).close();
    else if (library) await (await library).close();
    await pool?.close();
  };
  return { ctx, close };
}
