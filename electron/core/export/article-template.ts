/**
 * The clean-copy HTML document shared by the HTML export and the PDF print layout: a citation
 * header (title, byline, full citation, "archived from … on …"), the sanitised body, notes.
 */
import type { Article } from '../../../shared/model';

export interface ArticleHtmlOptions {
  citation: string;
  includeNotes?: boolean;
  /** Extra CSS for the medium (print or screen). */
  css: string;
  /** Content-Security-Policy for the page; the standalone HTML export sets a strict one. */
  csp?: string;
  /** Rewrites an image source (e.g. to a data: URI); identity when absent. */
  imageSrc?: (src: string) => string;
  /**
   * True for an image that could not be fetched: it becomes a marked placeholder with its link,
   * for media that cannot fetch it later (a PDF would otherwise show a broken-image icon).
   */
  isMissing?: (src: string) => boolean;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** YYYY-MM-DD of an ISO timestamp (UTC), or '' when absent. */
export function isoDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

// CJK faces first by script, then Latin fallbacks: fonts-noto-cjk on Linux, the system
// Song/Hei faces on macOS and Windows.
export const SERIF_STACK =
  '"Noto Serif", "Noto Serif CJK SC", "Noto Serif CJK TC", "Source Han Serif SC", "Songti SC", "SimSun", Georgia, serif';
export const SANS_STACK =
  '"Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK TC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", Arial, sans-serif';

export const BASE_CSS = `
html { -webkit-text-size-adjust: 100%; }
body { font-family: ${SERIF_STACK}; line-height: 1.7; color: #1a1a1a; margin: 0 auto; max-width: 42em; }
:lang(zh-Hant) body, body:lang(zh-Hant) { font-family: "Noto Serif CJK TC", ${SERIF_STACK}; }
header.citation { font-family: ${SANS_STACK}; border-bottom: 1px solid #999; margin-bottom: 1.5em; padding-bottom: 0.8em; }
header.citation h1 { font-size: 1.6em; line-height: 1.3; margin: 0 0 0.3em; }
header.citation p { margin: 0.25em 0; font-size: 0.85em; color: #333; }
header.citation .cite { font-size: 0.85em; }
header.citation .archived { color: #555; word-break: break-all; }
article img { max-width: 100%; height: auto; }
figure { margin: 1.2em 0; break-inside: avoid; }
figcaption, .caption { font-family: ${SANS_STACK}; font-size: 0.8em; color: #555; margin-top: 0.3em; }
blockquote { border-left: 3px solid #ccc; margin-left: 0; padding-left: 1em; color: #444; }
table { border-collapse: collapse; } td, th { border: 1px solid #bbb; padding: 0.2em 0.5em; }
pre { white-space: pre-wrap; }
a { color: #1a4d8f; }
.image-missing { display: block; font-family: ${SANS_STACK}; font-size: 0.8em; color: #555; border: 1px dashed #999; padding: 0.6em 0.8em; overflow-wrap: anywhere; }
section.notes { border-top: 1px solid #999; margin-top: 2em; }
`;

function notesHtml(article: Article): string {
  const note = article.notes?.markdown.trim();
  if (!note) return '';
  // Notes are shown as their text: a note is the user's own Markdown and never runs as HTML.
  const paragraphs = note
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return `<section class="notes"><h2>Notes</h2>\n${paragraphs}</section>`;
}

// Article HTML comes from our sanitiser, which escapes &, <, > and " in attribute values.
const decodeAttr = (value: string): string =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The stand-in for an image that could not be fetched: its description and where it was. */
function missingImageHtml(src: string, alt: string): string {
  const what = alt ? `Image not available: ${escapeHtml(alt)}` : 'Image not available';
  return `<span class="image-missing">${what} <a href="${escapeHtml(src)}">${escapeHtml(src)}</a></span>`;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

function rewriteImages(
  article: Article,
  imageSrc: (src: string) => string,
  isMissing: (src: string) => boolean,
): string {
  // The figure caption already prints below; an alt text that repeats it is not said twice.
  const captions = new Map(article.images.map((img) => [img.src, squash(img.caption)]));
  // Quoted values are skipped whole, so a '>' inside one (HTML allows it) never ends the tag.
  return article.contentHtml.replace(/<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi, (tag) => {
    const m = /(\ssrc=")([^"]*)(")/i.exec(tag);
    if (!m) return tag;
    const src = decodeAttr(m[2] as string);
    if (!isMissing(src))
      return tag.replace(m[0], () => `${m[1]}${escapeHtml(imageSrc(src))}${m[3]}`);
    const alt = decodeAttr(/\salt="([^"]*)"/i.exec(tag)?.[1] ?? '').trim();
    const caption = captions.get(src) ?? '';
    return missingImageHtml(src, caption && caption.includes(squash(alt)) ? '' : alt);
  });
}

/** The article as one complete HTML document with its citation header. */
export function buildArticleHtml(article: Article, options: ArticleHtmlOptions): string {
  const byline = [article.authors.join(', '), article.siteName, isoDay(article.publishedAt)]
    .filter(Boolean)
    .join(' · ');
  const archived = `Archived from <a href="${escapeHtml(article.url)}">${escapeHtml(article.url)}</a> on ${isoDay(article.importedAt)}`;
  const body =
    options.imageSrc || options.isMissing
      ? rewriteImages(
          article,
          options.imageSrc ?? ((src) => src),
          options.isMissing ?? (() => false),
        )
      : article.contentHtml;
  const csp = options.csp
    ? `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(options.csp)}">\n`
    : '';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(article.lang || 'und')}">
<head>
<meta charset="utf-8">
${csp}<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(article.title)}</title>
<style>${BASE_CSS}${options.css}</style>
</head>
<body>
<header class="citation">
<h1>${escapeHtml(article.title)}</h1>
${byline ? `<p class="byline">${escapeHtml(byline)}</p>\n` : ''}<p class="cite">${escapeHtml(options.citation)}</p>
<p class="archived">${archived}</p>
</header>
<article>
${body}
</article>
${options.includeNotes ? notesHtml(article) : ''}
</body>
</html>
`;
}
