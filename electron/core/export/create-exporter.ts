/**
 * The Exporter service: citations in any bundled style, and batch export of articles to a
 * folder or a zip with a manifest.
 */
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import { FolioError } from '../../../shared/errors';
import type { Article } from '../../../shared/model';
import type { Clock, ExportOptions, ExportOutcome, Exporter, Printer } from '../ports';
import { toBibtex, toCslJson, toRis } from './bibtex';
import { formatCitations } from './citations';
import { safeBaseName, uniqueFileName } from './file-names';
import { createHeaderCiter } from './header-citations';
import type { FetchImage, ImageFailure } from './images';
import { renderMarkdownBatch } from './markdown-batch';
import { markdownJob, type MarkdownJob } from './markdown-job';
import {
  createMarkdownPool,
  defaultMarkdownWorkerFile,
  MARKDOWN_WORKER_DEPTH,
  type MarkdownPool,
} from './markdown-pool';
import { headerStyle, renderArticle, type DocumentFormat, type OutputFile } from './render-article';
import {
  buildZip,
  createFolderWriter,
  existingNames,
  existsInside,
  sha256Hex,
  writeInside,
} from './write-output';

export interface CreateExporterOptions {
  printer: () => Promise<Printer>;
  fetchImage?: FetchImage;
  clock?: Clock;
  /** The Markdown render worker entry; defaults to the one next to the exporter, null renders
   * in this thread. */
  markdownWorkerFile?: string | URL | null;
  /** Markdown worker threads (this thread renders too); defaults to the number of CPUs less
   * one, and at least one. */
  renderThreads?: number;
  /** Markdown batches (without assets) larger than this render in worker threads; defaults to
   * POOLED_MARKDOWN_MIN. */
  pooledMarkdownMin?: number;
}

export interface ManifestItem {
  id: string;
  title: string;
  file: string;
  sha256: string;
  /** Images that could not be saved or embedded (the document links them remotely). */
  imagesNotFetched?: ImageFailure[];
}

export interface Manifest {
  generator: 'Folio';
  format: ExportOptions['format'];
  exportedAt: string;
  count: number;
  items: ManifestItem[];
}

const REFERENCE_FORMATS = {
  bibtex: { ext: '.bib', render: toBibtex },
  ris: { ext: '.ris', render: toRis },
  'csl-json': { ext: '.json', render: toCslJson },
} as const;

const DOC_EXT: Record<DocumentFormat, string> = { md: '.md', html: '.html', pdf: '.pdf' };

/** Markdown batches larger than this (without assets) render in worker threads (and this one)
 * by default. A fresh worker costs ~0.5 s of CPU from sources (loading, JIT warm-up). Measured
 * on 2 cores (one worker and this thread) on a loaded machine: 1,000 articles 2.2-2.3 s in this
 * thread against 2.1-2.2 s pooled, 2,000 articles 2.7-3.3 s against 2.6-2.9 s. */
export const POOLED_MARKDOWN_MIN = 2000;
// Jobs queued or running per worker before this thread renders one itself: a worker's own
// jobs and two more, so that it never waits while this thread renders.
const AHEAD_PER_WORKER = MARKDOWN_WORKER_DEPTH + 2;

const utf8 = new TextEncoder();
const stamp = (d: Date): string =>
  d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');

/** Builds the exporter; the printer is only asked for when a PDF is exported. */
export function createExporter(opts: CreateExporterOptions): Exporter {
  const clock = opts.clock ?? (() => new Date());
  const pooledMin = opts.pooledMarkdownMin ?? POOLED_MARKDOWN_MIN;
  // This thread renders too, so it takes the place of one worker.
  const renderThreads = opts.renderThreads ?? Math.max(1, os.availableParallelism() - 1);
  const renderAhead = renderThreads * AHEAD_PER_WORKER;
  // Started by the first large Markdown batch and kept for the next; close() ends it.
  let mdPool: MarkdownPool | null = null;
  const markdownPool = (): MarkdownPool =>
    (mdPool ??= createMarkdownPool({
      workerFile:
        opts.markdownWorkerFile === undefined
          ? defaultMarkdownWorkerFile()
          : opts.markdownWorkerFile,
      size: renderThreads,
    }));

  async function exportTo(options: ExportOptions): Promise<ExportOutcome> {
    const { articles, format, outDir } = options;
    if (articles.length === 0) throw new FolioError('INVALID_INPUT', 'Nothing to export');
    await mkdir(outDir, { recursive: true });
    const overwrite = options.overwrite ?? false;
    const zip = options.zip ?? false;
    // In a zip, names only need to be unique inside it; in a folder, also against the disk.
    // The folder is listed once (10,000 existence checks cost more than the writes), and names
    // compare case-insensitively, as they do on macOS and Windows.
    const present = zip ? new Set<string>() : await existingNames(outDir);
    const onDisk = (name: string): boolean => present.has(name.toLowerCase());
    const taken = new Set<string>(['manifest.json']);
    const items: ManifestItem[] = [];
    const imageFailures: NonNullable<ExportOutcome['imageFailures']> = [];
    const outputs: OutputFile[] = [];
    const writer = createFolderWriter(outDir, present);
    const emit = async (files: OutputFile[]): Promise<void> => {
      if (zip) outputs.push(...files);
      else for (const f of files) await writer.write(f);
    };
    const total = articles.length;

    if (format in REFERENCE_FORMATS) {
      const ref = REFERENCE_FORMATS[format as keyof typeof REFERENCE_FORMATS];
      const base = total === 1 ? safeBaseName((articles[0] as Article).title) : 'references';
      const name = uniqueFileName(base, ref.ext, taken, onDisk, overwrite);
      const bytes = utf8.encode(ref.render(articles));
      const sha256 = sha256Hex(bytes);
      for (const a of articles) items.push({ id: a.id, title: a.title, file: name, sha256 });
      await emit([{ path: name, bytes }]);
      options.onProgress?.(total, total, name);
    } else {
      const docFormat = format as DocumentFormat;
      const ext = DOC_EXT[docFormat];
      if (!ext) throw new FolioError('INVALID_INPUT', `Unknown export format: ${format}`);
      const withAssets = docFormat === 'md' && (options.assets ?? false);
      // Names are given in article order, whichever thread renders.
      const nameFor = (article: Article): string =>
        uniqueFileName(
          safeBaseName(article.title, safeBaseName(article.id, 'article')),
          ext,
          taken,
          (n) => onDisk(n) || (withAssets && onDisk(n.slice(0, -ext.length) + '.assets')),
          overwrite,
        );
      const record = async (
        article: Article,
        files: OutputFile[],
        failed: ImageFailure[],
      ): Promise<void> => {
        const main = files[0] as OutputFile;
        items.push({
          id: article.id,
          title: article.title,
          file: main.path,
          sha256: sha256Hex(main.bytes),
          ...(failed.length > 0 ? { imagesNotFetched: failed } : {}),
        });
        for (const f of failed) imageFailures.push({ id: article.id, title: article.title, ...f });
        await emit(files);
      };
      // One template cache for the batch, in this thread whichever thread renders.
      const cite = createHeaderCiter(headerStyle);
      if (docFormat === 'md' && !withAssets && total > pooledMin) {
        const names: string[] = [];
        const jobAt = (i: number): MarkdownJob => {
          const article = articles[i] as Article;
          options.onProgress?.(i, total, article.title);
          const name = nameFor(article);
          names.push(name);
          // Into a folder, the renderer writes the file itself; into a zip, the bytes come back.
          const file = zip ? undefined : writer.claim(name);
          return markdownJob(article, cite(article), options.includeNotes, file);
        };
        const rendered = await renderMarkdownBatch(total, jobAt, markdownPool(), renderAhead);
        for (const [i, { bytes, sha256 }] of rendered.entries()) {
          const article = articles[i] as Article;
          const name = names[i] as string;
          items.push({ id: article.id, title: article.title, file: name, sha256 });
          if (bytes) outputs.push({ path: name, bytes });
        }
      } else {
        let done = 0;
        for (const article of articles) {
          options.onProgress?.(done, total, article.title);
          const name = nameFor(article);
          const failed: ImageFailure[] = [];
          const files = await renderArticle(
            article,
            {
              format: docFormat,
              baseName: name.slice(0, -ext.length),
              includeNotes: options.includeNotes,
              assets: options.assets,
              citation: cite(article),
              imageFailures: failed,
            },
            { printer: opts.printer, fetchImage: opts.fetchImage },
          );
          await record(article, files, failed);
          done += 1;
        }
      }
      options.onProgress?.(total, total, '');
    }

    const manifest: Manifest = {
      generator: 'Folio',
      format,
      exportedAt: clock().toISOString(),
      count: articles.length,
      items,
    };
    const manifestBytes = utf8.encode(JSON.stringify(manifest, null, 2) + '\n');
    if (zip) {
      outputs.push({ path: 'manifest.json', bytes: manifestBytes });
      const zipName = uniqueFileName(
        `folio-${format}-${stamp(clock())}`,
        '.zip',
        new Set(),
        (n) => existsInside(outDir, n),
        overwrite,
      );
      const zipPath = await writeInside(outDir, { path: zipName, bytes: buildZip(outputs) });
      return { files: [zipPath], manifestPath: null, imageFailures };
    }
    const written = await writer.settle();
    taken.delete('manifest.json');
    const manifestName = uniqueFileName('manifest', '.json', taken, onDisk, overwrite);
    const manifestPath = await writeInside(outDir, { path: manifestName, bytes: manifestBytes });
    return { files: written, manifestPath, imageFailures };
  }

  return {
    cite: (articles, style, format) => formatCitations(articles, style, format),
    exportTo,
    async close() {
      // The printer belongs to whoever created it (the composition root closes it).
      await mdPool?.close();
      mdPool = null;
    },
  };
}
