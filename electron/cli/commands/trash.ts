/** `folio rm ID…`, `folio restore ID…`, `folio trash [--empty --yes]`. */
import { FolioError } from '../../../shared/errors';
import type { CliCommand } from '../command';
import { formatSummary, printJson } from '../output';
import { resolveId } from '../resolve-id';

/** Moves articles to the Trash. */
export const rmCommand: CliCommand = {
  name: 'rm',
  summary: 'Move articles to the Trash.',
  usage: 'folio rm ID…',
  async run(args, ctx) {
    if (args.positionals.length === 0)
      throw new FolioError('INVALID_INPUT', `usage: ${this.usage}`);
    const library = await ctx.library();
    const count = await library.trash(args.positionals.map((id) => resolveId(library, id)));
    if (ctx.json) printJson(ctx.io, { count });
    else ctx.io.stdout(`${count} moved to the Trash.\n`);
    return 0;
  },
};

/** Brings articles back from the Trash. */
export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Restore articles from the Trash.',
  usage: 'folio restore ID…',
  async run(args, ctx) {
    if (args.positionals.length === 0)
      throw new FolioError('INVALID_INPUT', `usage: ${this.usage}`);
    const library = await ctx.library();
    const count = await library.restore(args.positionals.map((id) => resolveId(library, id)));
    if (ctx.json) printJson(ctx.io, { count });
    else ctx.io.stdout(`${count} restored.\n`);
    return 0;
  },
};

/** Lists the Trash, or empties it for good. */
export const trashCommand: CliCommand = {
  name: 'trash',
  summary: 'List the Trash; --empty --yes deletes its articles for good.',
  usage: 'folio trash [--empty --yes] [--json]',
  options: { empty: { type: 'boolean' }, yes: { type: 'boolean' } },
  async run(args, ctx) {
    const library = await ctx.library();
    if (args.flags.empty) {
      if (!args.flags.yes) {
        throw new FolioError(
          'INVALID_INPUT',
          'Emptying the Trash deletes its articles for good: add --yes to confirm.',
        );
      }
      const count = await library.emptyTrash();
      if (ctx.json) printJson(ctx.io, { count });
      else ctx.io.stdout(`${count} deleted for good.\n`);
      return 0;
    }
    const rows = library.list({ view: 'trash' });
    if (ctx.json) printJson(ctx.io, rows);
    else if (rows.length === 0) ctx.io.stdout('The Trash is empty.\n');
    else for (const row of rows) ctx.io.stdout(`${formatSummary(row)}\n`);
    return 0;
  },
};
