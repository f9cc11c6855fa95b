/**
 * Markdown export: YAML front matter, a citation line, then the clean body converted with
 * turndown (GFM tables), figures kept as an image plus an italic caption line.
 */
import { dump } from 'js-yaml';
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import type { Article, ImageRef } from '../../../shared/model';
import { lightDom } from './light-dom';
import { pipeTables } from './markdown-tables';

export interface MarkdownOptions {
  /** The formatted citation printed under the title. */
  citation: string;
  includeNotes?: boolean;
  /** Rewrites an image source (e.g. to a saved local copy); identity when absent. */
  imageSrc?: (src: string) => string;
}

/** The fields of an article that its Markdown document shows. */
export type MarkdownArticle = Pick<
  Article,
  | 'title'
  | 'authors'
  | 'siteName'
  | 'publishedAt'
  | 'url'
  | 'importedAt'
  | 'lang'
  | 'tags'
  | 'contentHtml'
  | 'images'
  | 'notes'
> & { source: Pick<Article['source'], 'sha256'> };

interface RenderContext {
  images: Map<string, ImageRef>;
  imageSrc: (src: string) => string;
}

// turndown's rules are fixed at construction, so the per-article state they read lives here
// for the duration of one synchronous `turndown()` call.
let current: RenderContext = { images: new Map(), imageSrc: (s) => s };

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();
const escapeAlt = (s: string): string => oneLine(s).replace(/([[\]\\])/g, '\\$1');
// Spaces and parentheses would end a Markdown link destination early.
const URL_ESCAPES: Record<string, string> = {
  ' ': '%20',
  '(': '%28',
  ')': '%29',
  '<': '%3C',
  '>': '%3E',
};
const escapeUrl = (s: string): string => s.replace(/[ ()<>]/g, (c) => URL_ESCAPES[c] ?? c);

function imageMarkdown(src: string, alt: string): string {
  return `![${escapeAlt(alt)}](${escapeUrl(current.imageSrc(src))})`;
}

/** The caption line of a figure: caption and credit, italic, credit after a dash. */
function captionLine(caption: string, credit: string): string {
  const text = [oneLine(caption), oneLine(credit)].filter(Boolean).join(' — ');
  return text ? `*${text.replace(/([*_])/g, '\\$1')}*` : '';
}

// Anything turndown's escapes could match: these characters anywhere, or a line-start marker
// (its start-anchored escapes only look at the start of a text node).
const NEEDS_ESCAPE = /[\\*`[\]_]|^[-+=#~>\d]/;

function createService(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
    strongDelimiter: '**',
    hr: '---',
  });
  service.use(gfm);
  service.use(pipeTables);
  // turndown runs 13 escaping regexes over every text node, a tenth of its time; most text (all
  // of a CJK article's) holds none of the characters they escape and would come back unchanged.
  const escape = service.escape.bind(service);
  service.escape = (text) => (NEEDS_ESCAPE.test(text) ? escape(text) : text);
  service.remove(['script', 'style', 'noscript', 'iframe', 'form', 'button']);
  service.addRule('figure', {
    filter: 'figure',
    replacement: (_content, node) => {
      const el = node as HTMLElement;
      const img = el.querySelector('img');
      const src = img?.getAttribute('src') ?? '';
      const known = current.images.get(src);
      const figcaption = el.querySelector('figcaption');
      // The parser marks the photo credit as <small> inside the caption; keep it apart.
      const small = figcaption?.querySelector('small');
      const smallText = small?.textContent ?? '';
      const fullCaption = figcaption?.textContent ?? known?.caption ?? '';
      const caption = smallText ? fullCaption.replace(smallText, '') : fullCaption;
      const knownCredit = known?.credit && !caption.includes(known.credit) ? known.credit : '';
      const credit = smallText || knownCredit;
      const parts = [
        src ? imageMarkdown(src, img?.getAttribute('alt') ?? known?.alt ?? '') : '',
        captionLine(caption, credit),
      ].filter(Boolean);
      return parts.length ? `\n\n${parts.join('\n\n')}\n\n` : '';
    },
  });
  service.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => {
      const el = node as HTMLElement;
      const src = el.getAttribute('src') ?? '';
      if (!src) return '';
      const known = current.images.get(src);
      const image = imageMarkdown(src, el.getAttribute('alt') ?? known?.alt ?? '');
      const caption = known ? captionLine(known.caption, known.credit) : '';
      // An image standing alone in the body still carries its caption, as a figure would.
      return caption ? `\n\n${image}\n\n${caption}\n\n` : image;
    },
  });
  return service;
}

let service: TurndownService | null = null;

/** Converts sanitised article HTML to Markdown. `parser` 'html5' always lets turndown parse
 * with domino (the reference the light tree is tested against). */
export function htmlToMarkdown(
  html: string,
  images: ImageRef[] = [],
  imageSrc: (src: string) => string = (s) => s,
  parser: 'light' | 'html5' = 'light',
): string {
  service ??= createService();
  current = { images: new Map(images.map((i) => [i.src, i])), imageSrc };
  // The light tree when it is sure to equal domino's, which costs twice as much to build and walk.
  const tree = parser === 'light' ? lightDom(html) : null;
  try {
    return service
      .turndown(tree ? (tree as unknown as HTMLElement) : html)
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  } finally {
    current = { images: new Map(), imageSrc: (s) => s };
  }
}

/** The YAML front matter block, every value quoted safely by js-yaml. */
export function frontMatter(article: MarkdownArticle): string {
  const data = {
    title: article.title,
    authors: article.authors,
    publication: article.siteName,
    published: article.publishedAt,
    url: article.url,
    archived: article.importedAt,
    lang: article.lang,
    tags: article.tags,
    sha256: article.source.sha256,
  };
  return `---\n${dump(data, { lineWidth: -1, noRefs: true })}---\n`;
}

/** A whole Markdown document for one article. */
export function articleToMarkdown(article: MarkdownArticle, options: MarkdownOptions): string {
  const body = htmlToMarkdown(article.contentHtml, article.images, options.imageSrc);
  const title = `# ${oneLine(article.title).replace(/^#/, '\\#')}`;
  const parts = [frontMatter(article), title, `> ${oneLine(options.citation)}`, body];
  const note = article.notes?.markdown.trim();
  if (options.includeNotes && note) parts.push(`## Notes\n\n${note}`);
  return (
    parts
      .join('\n\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}
