/** `folio reindex`: rebuilds the search index from the library, with progress. */
import type { CliCommand } from '../command';
import { drawProgress, printJson } from '../output';

/** Rebuilds the full-text index from every stored article. */
export const reindexCommand: CliCommand = {
  name: 'reindex',
  summary: 'Rebuild the search index from the library.',
  usage: 'folio reindex [--json]',
  async run(_args, ctx) {
    const { search } = await ctx.core();
    const { io } = ctx;
    const progress = io.isTTY && !ctx.json;
    const started = Date.now();
    let count = 0;
    await search.rebuild((done, total) => {
      count = total;
      if (progress) drawProgress(io, done, total, 'indexing');
    });
    await search.flush();
    const seconds = (Date.now() - started) / 1000;
    if (ctx.json) printJson(io, { indexed: count, seconds });
    else
      io.stdout(`Indexed ${count} article${count === 1 ? '' : 's'} in ${seconds.toFixed(1)} s.\n`);
    return 0;
  },
};
