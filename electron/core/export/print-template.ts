/**
 * The print layout shared by every printer (headless Chromium here, Electron's printToPDF in
 * the desktop app): the page HTML plus page size, margins and the header/footer templates.
 */
import type { Article } from '../../../shared/model';
import {
  type ArticleHtmlOptions,
  SANS_STACK,
  buildArticleHtml,
  escapeHtml,
} from './article-template';

// One sans face for the whole page: Noto Serif CJK made printing 1.5–2x slower here
// (1.0–1.4 s against 0.7 s for the 4-page seed), since every CJK face used is subset per PDF.

const PRINT_CSS = `
@page { size: A4; }
body, header.citation, figcaption, .caption { font-family: ${SANS_STACK}; }
body { max-width: none; font-size: 10.5pt; }
a { color: inherit; text-decoration: none; }
header.citation .archived a { text-decoration: underline; }
h1, h2, h3 { break-after: avoid; }
p, li { orphans: 2; widows: 2; }
img { break-inside: avoid; max-height: 120mm; object-fit: contain; }
`;

/** The print-ready HTML of one article. */
export function buildPrintHtml(
  article: Article,
  options: Omit<ArticleHtmlOptions, 'css' | 'csp'>,
): string {
  return buildArticleHtml(article, { ...options, css: PRINT_CSS });
}

/** Margins in millimetres, shared by both printers. */
export const PRINT_MARGINS_MM = { top: 20, bottom: 20, left: 18, right: 18 } as const;

const small = `font-family: ${SANS_STACK}; font-size: 8px; color: #666; width: 100%; box-sizing: border-box; padding: 0 ${PRINT_MARGINS_MM.left}mm;`;

/** Running header: the document title (Chromium fills span.title). */
export function printHeaderTemplate(): string {
  return `<div style='${small} white-space: nowrap; overflow: hidden; text-overflow: ellipsis;'><span class="title"></span></div>`;
}

/** Running footer: "page / total" centred (Chromium fills the spans). */
export function printFooterTemplate(label = ''): string {
  const prefix = label ? `${escapeHtml(label)} · ` : '';
  return `<div style='${small} text-align: center;'>${prefix}<span class="pageNumber"></span> / <span class="totalPages"></span></div>`;
}

/** Options for Playwright's `page.pdf()`. */
export function playwrightPdfOptions(): {
  format: string;
  printBackground: boolean;
  displayHeaderFooter: boolean;
  headerTemplate: string;
  footerTemplate: string;
  margin: { top: string; bottom: string; left: string; right: string };
} {
  const mm = (n: number): string => `${n}mm`;
  return {
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: printHeaderTemplate(),
    footerTemplate: printFooterTemplate(),
    margin: {
      top: mm(PRINT_MARGINS_MM.top),
      bottom: mm(PRINT_MARGINS_MM.bottom),
      left: mm(PRINT_MARGINS_MM.left),
      right: mm(PRINT_MARGINS_MM.right),
    },
  };
}

/** Options for Electron's `webContents.printToPDF()` (margins in inches). */
export function electronPdfOptions(): {
  pageSize: 'A4';
  printBackground: boolean;
  displayHeaderFooter: boolean;
  headerTemplate: string;
  footerTemplate: string;
  margins: { top: number; bottom: number; left: number; right: number };
} {
  const inch = (n: number): number => n / 25.4;
  return {
    pageSize: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: printHeaderTemplate(),
    footerTemplate: printFooterTemplate(),
    margins: {
      top: inch(PRINT_MARGINS_MM.top),
      bottom: inch(PRINT_MARGINS_MM.bottom),
      left: inch(PRINT_MARGINS_MM.left),
      right: inch(PRINT_MARGINS_MM.right),
    },
  };
}
