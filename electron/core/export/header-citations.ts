/**
 * Fast header citations for batch exports. citeproc-js takes ~2–5 ms per citation, which
 * dominates a 10,000-article Markdown export. Articles of one "shape" (style, language, which
 * fields are present, scripts, name structure, dates) render identically up to their field
 * values, so one citeproc rendering with placeholder values becomes a template for the rest
 * (see citation-template.ts). A form (a shape but for its dates) is trusted only if its first
 * template reproduces citeproc's own output for the article that created it; a form that
 * fails goes through citeproc from then on, as does anything unusual (quotes, markup
 * characters, names with particles or initials).
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
  // Whether a form's template (same shape, other dates) rebuilt citeproc's own output.
  const checked = new Map<string, boolean>();
  return (article: Article): string => {
    const style = styleOf(article);
    const shape = shapeOf(style, articleToCsl(article));
    if (!shape) return render(article, style);
    let template = templates.get(shape.key);
    if (template === undefined && checked.get(shape.form)) {
      // The form's placeholders were checked against citeproc with other dates; only the dates
      // differ, and the twin shows how citeproc renders these. One rendering instead of two.
      const twin = render({ ...article, ...shape.twin }, style);
      template = compileTemplate(twin, shape.marks);
      templates.set(shape.key, template);
    }
    if (template) {
      const text = fillTemplate(template, shape.values);
      if (text !== null) return text;
    }
    const real = render(article, style);
    if (template === undefined && checked.get(shape.form) === undefined) {
      const twin = render({ ...article, ...shape.twin }, style);
      const made = compileTemplate(twin, shape.marks);
      // Trust the template only if it rebuilds citeproc's own output for this article.
      const trusted = made !== null && fillTemplate(made, shape.values) === real;
      templates.set(shape.key, trusted ? made : null);
      checked.set(shape.form, trusted);
    }
    return real;
  };
}
