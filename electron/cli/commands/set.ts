/** `folio set ID FIELD VALUE` and `folio set ID [FIELD] --revert`. */
import { FolioError } from '../../../shared/errors';
import { EDITABLE_FIELDS, type EditableField } from '../../../shared/model';
import type { CliCommand } from '../command';
import { printJson } from '../output';
import { resolveId } from '../resolve-id';

/** Corrects an editable field, or restores the parsed value(s). */
export const setCommand: CliCommand = {
  name: 'set',
  summary: `Correct a field (${EDITABLE_FIELDS.join(', ')}), or --revert to the parsed value.`,
  usage:
    'folio set ID FIELD VALUE | folio set ID [FIELD] --revert   (authors: comma-separated; publishedAt: date or "")',
  options: { revert: { type: 'boolean' } },
  async run(args, ctx) {
    const [given, field, ...value] = args.positionals;
    const revert = args.flags.revert === true;
    if (!given || (!revert && (!field || value.length === 0)))
      throw new FolioError('INVALID_INPUT', `usage: ${this.usage}`);
    if (field && !EDITABLE_FIELDS.includes(field as EditableField)) {
      throw new FolioError(
        'INVALID_INPUT',
        `${field} is not editable; choose one of ${EDITABLE_FIELDS.join(', ')}.`,
      );
    }
    const library = await ctx.library();
    const id = resolveId(library, given);
    const article = revert
      ? await library.revertMeta(id, field ? [field as EditableField] : undefined)
      : await library.setMeta(id, field as EditableField, value.join(' '));
    const { contentHtml: _html, text: _text, ...meta } = article;
    if (ctx.json) printJson(ctx.io, meta);
    else {
      for (const f of field ? [field as EditableField] : EDITABLE_FIELDS) {
        const v = article[f];
        ctx.io.stdout(`${f}: ${Array.isArray(v) ? v.join(', ') : (v ?? '-')}\n`);
      }
    }
    return 0;
  },
};
