/**
 * Second-line sanitising of article and note HTML before it reaches the DOM. The core
 * sanitises at import; this guards against anything that slipped through or was edited.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

const CONFIG = {
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'iframe',
    'object',
    'embed',
  ],
  FORBID_ATTR: ['style', 'srcdoc', 'formaction'],
  ALLOW_DATA_ATTR: false,
};

/** Sanitised article HTML. */
export function sanitizeArticleHtml(html: string): string {
  return DOMPurify.sanitize(html, CONFIG);
}

/** Markdown rendered to sanitised HTML (notes preview). */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, CONFIG);
}
