/**
 * Renders one article into the files of a per-article format (Markdown, HTML, PDF), with
 * its images saved beside it or inlined when asked.
 */
import type { CitationStyle } from '../../../shared/api';
import type { Article } from '../../../shared/model';
import type { Printer } from '../ports';
import { formatCitations } from './citations';
import { articleToStandaloneHtml } from './html-export';
import {
  dataUri,
  fetchImages,
  imageSources,
  type FetchImage,
  type FetchedImage,
  type ImageFailure,
} from './images';
import { articleToMarkdown } from './markdown';
import { buildPrintHtml } from './print-template';

export type DocumentFormat = 'md' | 'html' | 'pdf';

export interface OutputFile {
  /** Path relative to the export folder, '/'-separated. */
  path: string;
  bytes: Uint8Array;
}

export interface RenderDeps {
  printer: () => Promise<Printer>;
  fetchImage?: FetchImage;
}

export interface RenderOptions {
  format: DocumentFormat;
  /** The chosen base name (unique in the folder), without extension. */
  baseName: string;
  includeNotes?: boolean;
  assets?: boolean;
  /** The header citation, when the caller already has it (batch exports cache templates). */
  citation?: string;
  /** Receives the images that could not be fetched (kept as remote links, or marked in a PDF). */
  imageFailures?: ImageFailure[];
}

/** The style of the citation printed in an exported document's header. */
export function headerStyle(article: Article): CitationStyle {
  // Chinese readers cite by GB/T 7714; everyone else gets APA, the most widespread style.
  return /^zh\b/i.test(article.lang) ? 'gb-t-7714-author-date' : 'apa';
}

/** The one-line citation for a document header. */
export function headerCitation(article: Article): string {
  return formatCitations([article], headerStyle(article), 'text');
}

const utf8 = new TextEncoder();

async function imagesFor(
  article: Article,
  deps: RenderDeps,
  wanted: boolean,
  failures: ImageFailure[] | undefined,
): Promise<FetchedImage[]> {
  if (!wanted || !deps.fetchImage) return [];
  return fetchImages(imageSources(article.contentHtml), deps.fetchImage, failures);
}

/** The files one article becomes: the document itself plus any saved images. */
export async function renderArticle(
  article: Article,
  options: RenderOptions,
  deps: RenderDeps,
): Promise<OutputFile[]> {
  const citation = options.citation ?? headerCitation(article);
  const includeNotes = options.includeNotes ?? false;
  if (options.format === 'md') {
    const images = await imagesFor(article, deps, options.assets ?? false, options.imageFailures);
    const dir = `${options.baseName}.assets`;
    const local = new Map(images.map((img, i) => [img.src, `${dir}/${i + 1}.${img.ext}`]));
    const md = articleToMarkdown(article, {
      citation,
      includeNotes,
      imageSrc: (src) => local.get(src) ?? src,
    });
    return [
      { path: `${options.baseName}.md`, bytes: utf8.encode(md) },
      ...images.map((img) => ({ path: local.get(img.src) as string, bytes: img.bytes })),
    ];
  }
  if (options.format === 'html') {
    // A browser can still fetch remote images; with assets they travel inside as data: URIs.
    const images = await imagesFor(article, deps, options.assets ?? false, options.imageFailures);
    const inline = new Map(images.map((img) => [img.src, dataUri(img)]));
    const imageSrc = (src: string): string => inline.get(src) ?? src;
    const html = articleToStandaloneHtml(article, { citation, includeNotes, imageSrc });
    return [{ path: `${options.baseName}.html`, bytes: utf8.encode(html) }];
  }
  // A PDF cannot fetch an image later: it embeds every image the core could fetch and marks
  // the others with their link, rather than leaving the printer a broken-image icon.
  const images = await imagesFor(article, deps, true, options.imageFailures);
  const embedded = new Map(images.map((img) => [img.src, dataUri(img)]));
  const fetched = deps.fetchImage !== undefined;
  const printer = await deps.printer();
  const html = buildPrintHtml(article, {
    citation,
    includeNotes,
    imageSrc: (src) => embedded.get(src) ?? src,
    isMissing: (src) => fetched && /^https?:\/\//i.test(src) && !embedded.has(src),
  });
  const pdf = await printer.printToPdf(html, { title: article.title });
  return [{ path: `${options.baseName}.pdf`, bytes: pdf }];
}
