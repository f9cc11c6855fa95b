/** `folio show ID`: one article's metadata, note and text. */
import type { CliCommand } from '../command';
import { printJson } from '../output';
import { resolveId } from '../resolve-id';

/** Prints an article (the full stored Article with --json). */
export const showCommand: CliCommand = {
  name: 'show',
  summary: 'Show one article: metadata, tags, note and text.',
  usage: 'folio show [--json] ID',
  async run(args, ctx) {
    const [given] = args.positionals;
    if (!given) {
      ctx.io.stderr(`usage: ${this.usage}\n`);
      return 2;
    }
    const library = await ctx.library();
    const a = await library.get(resolveId(library, given));
    if (ctx.json) {
      printJson(ctx.io, a);
      return 0;
    }
    const lines = [
      a.title,
      '',
      `id:        ${a.id}${a.deletedAt ? '  (in Trash)' : ''}`,
      `url:       ${a.url}`,
      `site:      ${a.siteName}`,
      `authors:   ${a.authors.join(', ') || '-'}`,
      `published: ${a.publishedAt ?? '-'}`,
      `imported:  ${a.importedAt}`,
      `tags:      ${a.tags.join(', ') || '-'}`,
      `source:    ${a.source.fileName} (${a.source.format}, ${a.source.encoding}, ${a.source.bytes} bytes)`,
    ];
    if (a.previousVersionId) lines.push(`previous:  ${a.previousVersionId}`);
    if (a.notes) lines.push('', 'Note:', a.notes.markdown);
    lines.push('', a.text, '');
    ctx.io.stdout(lines.join('\n'));
    return 0;
  },
};
