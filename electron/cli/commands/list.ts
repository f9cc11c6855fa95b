/** `folio list`: the article list, newest first. */
import type { ListView } from '../../../shared/api';
import { FolioError } from '../../../shared/errors';
import type { CliCommand } from '../command';
import { formatSummary, printJson } from '../output';

const VIEWS: readonly ListView[] = ['all', 'recent', 'untagged', 'trash'];

/** Lists articles in a view, optionally by tag or site. */
export const listCommand: CliCommand = {
  name: 'list',
  summary: 'List articles (views: all, recent, untagged, trash).',
  usage:
    'folio list [--view all|recent|untagged|trash] [--tag TAG] [--site NAME] [--limit N] [--json]',
  options: {
    view: { type: 'string' },
    tag: { type: 'string' },
    site: { type: 'string' },
    limit: { type: 'string' },
  },
  async run(args, ctx) {
    const view = (args.flags.view ?? 'all') as ListView;
    if (!VIEWS.includes(view)) throw new FolioError('INVALID_INPUT', `Unknown view "${view}".`);
    const limit = args.flags.limit === undefined ? Infinity : Number(args.flags.limit);
    if (!(limit >= 0)) throw new FolioError('INVALID_INPUT', '--limit must be a number.');
    const library = await ctx.library();
    const rows = library
      .list({
        view,
        tag: typeof args.flags.tag === 'string' ? args.flags.tag : undefined,
        siteName: typeof args.flags.site === 'string' ? args.flags.site : undefined,
      })
      .slice(0, limit);
    if (ctx.json) printJson(ctx.io, rows);
    else if (library.info().isEmpty)
      ctx.io.stdout('The library is empty. Try `folio sample` to import the sample articles.\n');
    else for (const row of rows) ctx.io.stdout(`${formatSummary(row)}\n`);
    return 0;
  },
};
