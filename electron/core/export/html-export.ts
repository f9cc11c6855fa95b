/**
 * The standalone HTML export: one self-contained file, inline CSS, no scripts, a strict CSP.
 */
import type { Article } from '../../../shared/model';
import { buildArticleHtml } from './article-template';

// Nothing may run or load except images and the inline stylesheet.
export const STANDALONE_CSP =
  "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const SCREEN_CSS = `
body { padding: 2em 1.2em; }
@media (prefers-color-scheme: dark) {
  body { background: #161616; color: #e4e4e4; }
  header.citation p, figcaption, .caption { color: #aaa; }
  a { color: #8ab4f8; }
}
`;

/** A clean, self-contained HTML copy of one article. */
export function articleToStandaloneHtml(
  article: Article,
  options: { citation: string; includeNotes?: boolean; imageSrc?: (src: string) => string },
): string {
  return buildArticleHtml(article, { ...options, css: SCREEN_CSS, csp: STANDALONE_CSP });
}
