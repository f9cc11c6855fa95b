/**
 * One article's Markdown for a batch export, as a job that a worker thread (or the main thread)
 * can run: the same document renderArticle writes for Markdown without assets. The caller cites
 * the article (its header-citation cache serves the whole batch, and the workers then never
 * load citeproc) and sends only the fields the document shows. For a folder export the job
 * also writes the file, so a worker's document is neither copied back nor written again.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../../../shared/model';
import { articleToMarkdown, type MarkdownArticle } from './markdown';
import { writeFileSyncTo, type FileTarget } from './write-file-sync';

/** What a Markdown render worker is sent. */
export interface MarkdownJob {
  article: MarkdownArticle;
  /** The header citation. */
  citation: string;
  includeNotes?: boolean;
  /** Where to write the document; without it the bytes come back (for a zip). */
  file?: FileTarget;
}

/** A rendered document: its hex sha256 (for the manifest), and its UTF-8 bytes unless the job
 * wrote them to its file. */
export interface MarkdownOutput {
  sha256: string;
  bytes?: Uint8Array;
}

const utf8 = new TextEncoder();

/** The job for one article: the fields a Markdown document shows, without the plain text,
 * excerpt and parse record that would double what is copied to the worker. */
export function markdownJob(
  article: Article,
  citation: string,
  includeNotes = false,
  file?: FileTarget,
): MarkdownJob {
  const { title, authors, siteName, publishedAt, url, importedAt, lang, tags } = article;
  const { contentHtml, images, notes } = article;
  const source = { sha256: article.source.sha256 };
  return {
    article: {
      ...{ title, authors, siteName, publishedAt, url, importedAt, lang, tags },
      ...{ contentHtml, images, notes, source },
    },
    citation,
    includeNotes,
    file,
  };
}

/** Renders a job: writes its file if it has one, else returns the bytes; hashed here either way
 * so the caller need not. */
export function renderMarkdownJob(job: MarkdownJob): MarkdownOutput {
  const { article, citation, includeNotes, file } = job;
  const bytes = utf8.encode(
    articleToMarkdown(article, { citation, includeNotes: includeNotes ?? false }),
  );
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (!file) return { sha256, bytes };
  writeFileSyncTo(file, bytes);
  return { sha256 };
}
