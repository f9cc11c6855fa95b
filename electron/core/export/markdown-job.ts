/**
 * One article's Markdown for a batch export, as a job that a worker thread can run: the same
 * document renderArticle writes for Markdown without assets, with the header citation from a
 * template cache that lives as long as the renderer.
 */
import type { Article } from '../../../shared/model';
import { createHeaderCiter } from './header-citations';
import { articleToMarkdown } from './markdown';
import { headerStyle } from './render-article';

/** What a Markdown render worker is sent. */
export interface MarkdownJob {
  article: Article;
  includeNotes?: boolean;
}

/** A function from job to Markdown text, with its own header-citation cache. */
export function createMarkdownRenderer(): (job: MarkdownJob) => string {
  const cite = createHeaderCiter(headerStyle);
  return ({ article, includeNotes }) =>
    articleToMarkdown(article, { citation: cite(article), includeNotes: includeNotes ?? false });
}
