/** `folio tag ID add|rm TAG…` and `folio tags` (counts, rename, merge, delete). */
import { FolioError } from '../../../shared/errors';
import type { CliCommand } from '../command';
import { printJson } from '../output';
import { resolveId } from '../resolve-id';

/** Adds or removes tags on one article. */
export const tagCommand: CliCommand = {
  name: 'tag',
  summary: 'Add or remove tags on an article.',
  usage: 'folio tag ID add|rm TAG…',
  async run(args, ctx) {
    const [given, action, ...tags] = args.positionals;
    if (!given || (action !== 'add' && action !== 'rm') || tags.length === 0) {
      throw new FolioError('INVALID_INPUT', `usage: ${this.usage}`);
    }
    const library = await ctx.library();
    const id = resolveId(library, given);
    const count =
      action === 'add' ? await library.addTags([id], tags) : await library.removeTags([id], tags);
    const now = (await library.get(id)).tags;
    if (ctx.json) printJson(ctx.io, { id, count, tags: now });
    else ctx.io.stdout(`${id}: ${now.join(', ') || '(no tags)'}\n`);
    return 0;
  },
};

/** Lists tags with counts; renames, merges or deletes a tag everywhere. */
export const tagsCommand: CliCommand = {
  name: 'tags',
  summary: 'List tags with counts; or rename FROM TO, merge FROM… TO, delete TAG.',
  usage: 'folio tags [--json] | tags rename FROM TO | tags merge FROM… TO | tags delete TAG',
  async run(args, ctx) {
    const [action, ...rest] = args.positionals;
    const library = await ctx.library();
    if (action) {
      const count = await tagAction(action, rest, library, this.usage);
      if (ctx.json) printJson(ctx.io, { count });
      else ctx.io.stdout(`${count} article${count === 1 ? '' : 's'} changed.\n`);
      return 0;
    }
    const tags = library.tags();
    if (ctx.json) printJson(ctx.io, tags);
    else if (tags.length === 0) ctx.io.stdout('No tags yet.\n');
    else for (const t of tags) ctx.io.stdout(`${String(t.count).padStart(6)}  ${t.tag}\n`);
    return 0;
  },
};

async function tagAction(
  action: string,
  rest: string[],
  library: Awaited<ReturnType<Parameters<CliCommand['run']>[1]['library']>>,
  usage: string,
): Promise<number> {
  if (action === 'rename' && rest.length === 2)
    return library.renameTag(rest[0] as string, rest[1] as string);
  if (action === 'merge' && rest.length >= 2)
    return library.mergeTags(rest.slice(0, -1), rest.at(-1) as string);
  if (action === 'delete' && rest.length === 1) return library.deleteTag(rest[0] as string);
  throw new FolioError('INVALID_INPUT', `usage: ${usage}`);
}
