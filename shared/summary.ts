/**
 * The list row of an article. Pure, so the store, the renderer and every test fake build rows
 * the same way.
 */
import type { Article, ArticleSummary } from './model';

/** The article fields a list row is made from (the body is not needed). */
export type SummarySource = Omit<Article, 'contentHtml' | 'text'>;

/** Short plain preview of a Markdown note. */
export function notePreview(markdown: string): string {
  const plain = markdown
    .replace(/[#>*_`~[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 120 ? `${plain.slice(0, 119)}…` : plain;
}

/** The list row for an article or stored item. */
export function toSummary(item: SummarySource): ArticleSummary {
  return {
    id: item.id,
    title: item.title,
    siteName: item.siteName,
    authors: item.authors,
    publishedAt: item.publishedAt,
    importedAt: item.importedAt,
    updatedAt: item.updatedAt,
    lang: item.lang,
    tags: item.tags,
    hasNotes: item.notes !== null,
    notePreview: item.notes ? notePreview(item.notes.markdown) : '',
    deletedAt: item.deletedAt,
    url: item.url,
  };
}
