/** `folio parse FILE…`: runs the parser only, touching no library. */
import path from 'node:path';
import { toErrorData } from '../../../shared/errors';
import { readImportFile } from '../../core/import/import-paths';
import type { CliCommand } from '../command';
import { printJson } from '../output';

/** Parses files and prints one result per file, in argument order. */
export const parseCommand: CliCommand = {
  name: 'parse',
  summary: 'Parse files and print the clean article (no library touched).',
  usage: 'folio parse [--json] FILE…',
  async run(args, ctx) {
    if (args.positionals.length === 0) {
      ctx.io.stderr(`usage: ${this.usage}\n`);
      return 2;
    }
    const parse = await ctx.parser();
    let failed = false;
    const results: unknown[] = [];
    for (const file of args.positionals) {
      try {
        const bytes = await readImportFile(file);
        const { article: a } = parse(bytes, path.basename(file));
        results.push({
          file,
          title: a.title,
          url: a.url,
          siteName: a.siteName,
          authors: a.authors,
          byline: a.byline,
          publishedAt: a.publishedAt,
          lang: a.lang,
          excerpt: a.excerpt,
          text: a.text,
          contentHtml: a.contentHtml,
          images: a.images,
        });
      } catch (err) {
        failed = true;
        results.push({ file, error: toErrorData(err) });
      }
    }
    if (ctx.json) printJson(ctx.io, results);
    else {
      for (const r of results as Array<Record<string, unknown>>) {
        if ('error' in r) {
          const e = r.error as { code: string; message: string };
          ctx.io.stderr(`${r.file}: ${e.message} (${e.code})\n`);
          continue;
        }
        ctx.io.stdout(
          `${r.file}\n  title:     ${r.title}\n  url:       ${r.url}\n  site:      ${r.siteName}\n` +
            `  authors:   ${(r.authors as string[]).join(', ')}\n  published: ${r.publishedAt ?? '-'}\n` +
            `  lang:      ${r.lang}\n  excerpt:   ${r.excerpt}\n`,
        );
      }
    }
    return failed ? 1 : 0;
  },
};
