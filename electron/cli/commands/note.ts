/** `folio note ID TEXT` or `folio note ID --file F`: sets (or with empty text, removes) a note. */
import fs from 'node:fs/promises';
import { FolioError } from '../../../shared/errors';
import type { CliCommand } from '../command';
import { printJson } from '../output';
import { resolveId } from '../resolve-id';

/** Sets an article's Markdown note. */
export const noteCommand: CliCommand = {
  name: 'note',
  summary: 'Set an article note (Markdown); empty text removes it.',
  usage: 'folio note ID TEXT | folio note ID --file FILE',
  options: { file: { type: 'string' } },
  async run(args, ctx) {
    const [given, ...words] = args.positionals;
    const file = args.flags.file;
    if (!given || (typeof file === 'string') === words.length > 0)
      throw new FolioError('INVALID_INPUT', `usage: ${this.usage}`);
    let markdown: string;
    if (typeof file === 'string') {
      try {
        markdown = await fs.readFile(file, 'utf8');
      } catch (err) {
        throw new FolioError('UNREADABLE', `Cannot read ${file}: ${(err as Error).message}`);
      }
    } else markdown = words.join(' ');
    const library = await ctx.library();
    const id = resolveId(library, given);
    const note = await library.setNote(id, markdown);
    if (ctx.json) printJson(ctx.io, { id, note });
    else ctx.io.stdout(note ? `Note saved on ${id}.\n` : `Note removed from ${id}.\n`);
    return 0;
  },
};
