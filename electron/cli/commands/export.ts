/**
 * `folio export ID… [--tag T] [--query Q] --format F --out DIR [--zip] [--assets] [--notes]`:
 * writes articles as Markdown, HTML, PDF or reference files, with a progress bar on a TTY.
 */
import path from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/api';
import { FolioError } from '../../../shared/errors';
import type { ExportOutcome, FolioCore } from '../../core/ports';
import type { CliCommand } from '../command';
import { drawProgress, printJson } from '../output';
import { resolveId } from '../resolve-id';

function parseFormat(value: unknown): ExportFormat {
  const format = String(value ?? '');
  if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
  throw new FolioError(
    'INVALID_INPUT',
    `--format must be one of ${EXPORT_FORMATS.join(', ')} (got "${format}")`,
  );
}

/** Ids chosen by explicit ids, a tag and a search query, in that order, without repeats. */
export async function selectIds(
  core: Pick<FolioCore, 'library' | 'search'>,
  sel: { ids: string[]; tag?: string; query?: string },
): Promise<string[]> {
  const chosen = new Set(sel.ids.map((given) => resolveId(core.library, given)));
  if (sel.tag) for (const s of core.library.list({ view: 'all', tag: sel.tag })) chosen.add(s.id);
  if (sel.query) {
    // Search results may include trashed items; an export of a search leaves them out.
    const live = new Set(core.library.list({ view: 'all' }).map((s) => s.id));
    for (const id of core.search.matchIds(sel.query)) if (live.has(id)) chosen.add(id);
  }
  return [...chosen];
}

// Failures listed one per line up to this many; the manifest lists them all.
const LISTED_FAILURES = 20;

/** The warning for images that could not be fetched: what the document holds instead, and each
 * image with its article and the reason; '' when there are none. */
export function imageFailureReport(
  failures: NonNullable<ExportOutcome['imageFailures']>,
  format: ExportFormat,
): string {
  if (failures.length === 0) return '';
  const n = failures.length;
  const articles = new Set(failures.map((f) => f.id)).size;
  const instead =
    format === 'pdf'
      ? 'the PDF shows a marked box with each link instead'
      : 'the export links them remotely instead';
  const lines = [
    `warning: ${n} image${n === 1 ? '' : 's'} in ${articles} article${articles === 1 ? '' : 's'} could not be fetched; ${instead}:`,
    ...failures.slice(0, LISTED_FAILURES).map((f) => `  ${f.id}  ${f.src}  (${f.reason})`),
  ];
  if (n > LISTED_FAILURES)
    lines.push(`  … and ${n - LISTED_FAILURES} more (listed in the manifest)`);
  return lines.join('\n') + '\n';
}

/** Exports articles to a folder or a zip. */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export articles as md, pdf, html, bibtex, ris or csl-json to a folder or zip.',
  usage:
    'folio export ID… [--tag T] [--query Q] --format md|pdf|html|bibtex|ris|csl-json --out DIR [--zip] [--assets] [--notes] [--overwrite]',
  options: {
    tag: { type: 'string' },
    query: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    zip: { type: 'boolean' },
    assets: { type: 'boolean' },
    notes: { type: 'boolean' },
    overwrite: { type: 'boolean' },
  },
  async run(args, ctx) {
    const { flags } = args;
    const format = parseFormat(flags.format);
    if (typeof flags.out !== 'string' || !flags.out) {
      throw new FolioError('INVALID_INPUT', `--out DIR is required\nusage: ${this.usage}`);
    }
    const tag = typeof flags.tag === 'string' ? flags.tag : undefined;
    const query = typeof flags.query === 'string' ? flags.query : undefined;
    if (args.positionals.length === 0 && !tag && !query) {
      throw new FolioError('INVALID_INPUT', `Give ids, --tag or --query\nusage: ${this.usage}`);
    }
    const core = await ctx.core();
    const ids = await selectIds(core, { ids: args.positionals, tag, query });
    if (ids.length === 0) throw new FolioError('NOT_FOUND', 'No articles match.');
    const articles = await Promise.all(ids.map((id) => core.library.get(id)));
    const showProgress = ctx.io.isTTY && !ctx.json;
    const outcome = await core.exporter.exportTo({
      articles,
      format,
      outDir: path.resolve(flags.out),
      zip: flags.zip === true,
      assets: flags.assets === true,
      includeNotes: flags.notes === true,
      overwrite: flags.overwrite === true,
      onProgress: showProgress ? (d, t, c) => drawProgress(ctx.io, d, t, c) : undefined,
    });
    const failures = outcome.imageFailures ?? [];
    if (ctx.json) {
      printJson(ctx.io, { count: articles.length, ...outcome, imageFailures: failures });
    } else {
      for (const f of outcome.files) ctx.io.stdout(`${f}\n`);
      if (outcome.manifestPath) ctx.io.stdout(`manifest: ${outcome.manifestPath}\n`);
      ctx.io.stderr(imageFailureReport(failures, format));
      ctx.io.stderr(`Exported ${articles.length} article${articles.length === 1 ? '' : 's'}.\n`);
    }
    return 0;
  },
};
