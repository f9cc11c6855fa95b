/**
 * Fast header citations for batch exports. citeproc-js takes ~2–5 ms per citation, which
 * dominates a 10,000-article Markdown export. Articles of one "shape" (style, language, which
 * fields are present, scripts, name structure, dates) render identically up to their field
 * values, so one citeproc rendering with placeholder values becomes a template for the rest
 * (see citation-template.ts). Each template is accepted only if it reproduces citeproc's own
 * output for the article that created it; anything unusual (quotes, markup characters, names
 * with particles or initials) always goes through citeproc.
 */
import type { CitationStyle } from '../../../shared/api';
import type { Article } from '../../../shared/model';
import { compileTemplate, fillTemplate, shapeOf, type Template } from './citation-template';
import { formatCitations } from './citations';
import { articleToCsl } from './csl-data';

/** Renders one article's citation in a style: citeproc, or a stand-in for tests. */
export type CiteOne = (article: Article, style: CitationStyle) => string;

const citeproc: CiteOne = (article, style) => formatCitations([article], style, 'text');

/** A header-citation function with its own template cache (one per export batch). */
export function createHeaderCiter(
  styleOf: (article: Article) => CitationStyle,
  render: CiteOne = citeproc,
) {
  const templates = new Map<string, Template | null>();
  return (article: Article): string => {
    const style = styleOf(article);
    const shape = shapeOf(style, articleToCsl(article));
    if (!shape) return render(article, style);
    const cached = templates.get(shape.key);
    if (cached) {
      const text = fillTemplate(cached, shape.values);
      if (text !== null) return text;
    }
    const real = render(article, style);
    if (cached === undefined) {
      const twin = render({ ...article, ...shape.twin }, style);
      const template = compileTemplate(twin, shape.marks);
      // Trust the template only if it rebuilds citeproc's own output for this article.
      const trusted = template !== null && fillTemplate(template, shape.values) === real;
      templates.set(shape.key, trusted ? template : null);
    }
    return real;
  };
}
