/** `folio search QUERY`: full-text search with the query language of the app. */
import type { SearchHit } from '../../../shared/api';
import { FolioError } from '../../../shared/errors';
import type { CliCommand } from '../command';
import { printJson } from '../output';

/** Wraps the highlighted ranges of `text`: ANSI bold on a terminal, [brackets] otherwise. */
export function markHighlights(text: string, spans: Array<[number, number]>, tty: boolean): string {
  const [open, close] = tty ? ['\u001b[1m', '\u001b[22m'] : ['[', ']'];
  let out = '';
  let pos = 0;
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    if (a < pos) continue;
    out += text.slice(pos, a) + open + text.slice(a, b) + close;
    pos = b;
  }
  return out + text.slice(pos);
}

function formatHit(h: SearchHit, n: number, tty: boolean): string {
  const date = h.publishedAt ? h.publishedAt.slice(0, 10) : '----------';
  const title = markHighlights(h.title, h.titleHighlights, tty);
  const snippet = markHighlights(h.snippet, h.highlights, tty);
  return `${n}. ${title}\n   ${h.siteName || '-'}  ${date}  ${h.id}\n   ${snippet}\n`;
}

/** Searches the library; exit 0 with or without hits, 2 on a usage error. */
export const searchCommand: CliCommand = {
  name: 'search',
  summary:
    'Search articles ("phrase", -exclude, OR, tag:, site:, author:, lang:, before:, after:, in:).',
  usage: 'folio search [--json] [--limit N] QUERY…',
  options: { limit: { type: 'string' } },
  async run(args, ctx) {
    const query = args.positionals.join(' ').trim();
    if (!query) {
      ctx.io.stderr(`usage: ${this.usage}\n`);
      return 2;
    }
    const limit = args.flags.limit === undefined ? 20 : Number(args.flags.limit);
    if (!Number.isInteger(limit) || limit < 1) {
      throw new FolioError('INVALID_INPUT', '--limit must be a positive whole number.');
    }
    const { search } = await ctx.core();
    const res = search.search({ query, limit });
    if (ctx.json) {
      printJson(
        ctx.io,
        res.hits.map((h) => ({
          id: h.id,
          title: h.title,
          siteName: h.siteName,
          publishedAt: h.publishedAt,
          score: h.score,
          snippet: h.snippet,
        })),
      );
      return 0;
    }
    res.hits.forEach((h, i) => ctx.io.stdout(formatHit(h, i + 1, ctx.io.isTTY)));
    const shown = res.hits.length < res.total ? ` (showing ${res.hits.length})` : '';
    ctx.io.stdout(`${res.total} result${res.total === 1 ? '' : 's'}${shown}, ${res.tookMs} ms\n`);
    return 0;
  },
};
