/**
 * PDF page settings for `webContents.printToPDF`: A4 with the article title in the header and
 * page numbers in the footer, matching the headless-Chromium printer's output.
 */
import type { PrintToPDFOptions } from 'electron';

/** Escapes text for Chromium's header/footer templates, which are HTML. */
export function escapeTemplateText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The printToPDF options for one document titled `title`. */
export function pdfOptionsFor(title: string): PrintToPDFOptions {
  const small = 'font-size:8px;width:100%;padding:0 12mm;color:#555;';
  return {
    pageSize: 'A4',
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: true,
    headerTemplate: `<div style="${small}">${escapeTemplateText(title)}</div>`,
    footerTemplate: `<div style="${small}text-align:right;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
    margins: { top: 0.7, bottom: 0.7, left: 0.6, right: 0.6 },
  };
}
