/** `folio cite ID… --style S [--format text|html]`: formatted citations on stdout. */
import { CITATION_STYLES, type CitationFormat, type CitationStyle } from '../../../shared/api';
import { FolioError } from '../../../shared/errors';
import type { CliCommand } from '../command';
import { printJson } from '../output';
import { resolveId } from '../resolve-id';

/** Short names people type, mapped to the contract's style keys. */
const STYLE_ALIASES: Record<string, CitationStyle> = {
  apa: 'apa',
  mla: 'mla',
  chicago: 'chicago-author-date',
  'chicago-notes': 'chicago-notes',
  'gb-t-7714': 'gb-t-7714-numeric',
  'gb-t-7714-author-date': 'gb-t-7714-author-date',
  gbt: 'gb-t-7714-numeric',
};

/** The contract style for a typed name (an alias or a full key); INVALID_INPUT otherwise. */
export function parseStyle(value: unknown): CitationStyle {
  if (value === undefined) return 'apa';
  const name = String(value).toLowerCase();
  const style =
    STYLE_ALIASES[name] ?? (CITATION_STYLES as readonly string[]).find((s) => s === name);
  if (!style) {
    const known = Object.keys(STYLE_ALIASES).join(', ');
    throw new FolioError('INVALID_INPUT', `Unknown style "${String(value)}" (one of: ${known})`);
  }
  return style as CitationStyle;
}

function parseFormat(value: unknown): CitationFormat {
  if (value === undefined || value === 'text') return 'text';
  if (value === 'html') return 'html';
  throw new FolioError('INVALID_INPUT', `Unknown format "${String(value)}" (text or html)`);
}

/** Prints the citation of one or more articles in a bundled CSL style. */
export const citeCommand: CliCommand = {
  name: 'cite',
  summary: 'Print citations (APA, MLA, Chicago, GB/T 7714) of articles.',
  usage:
    'folio cite ID… [--style apa|mla|chicago|chicago-notes|gb-t-7714|gb-t-7714-author-date] [--format text|html]',
  options: { style: { type: 'string' }, format: { type: 'string' } },
  async run(args, ctx) {
    if (args.positionals.length === 0)
      throw new FolioError('INVALID_INPUT', `usage: ${this.usage}`);
    const style = parseStyle(args.flags.style);
    const format = parseFormat(args.flags.format);
    const { library, exporter } = await ctx.core();
    const ids = args.positionals.map((given) => resolveId(library, given));
    const articles = await Promise.all(ids.map((id) => library.get(id)));
    const text = exporter.cite(articles, style, format);
    if (ctx.json) printJson(ctx.io, { style, format, ids, text });
    else ctx.io.stdout(`${text}\n`);
    return 0;
  },
};
