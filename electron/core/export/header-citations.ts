/**
 * Fast header citations for batch exports. citeproc-js takes ~2–5 ms per citation, which
 * dominates a 10,000-article Markdown export. Articles of one "form" (style, language, which
 * fields and dates are present, scripts, name structure) render identically up to their field
 * values and dates, so one citeproc rendering of a twin with placeholder values and probe dates
 * becomes a template for the rest (see citation-template.ts and citation-dates.ts). A form is
 * trusted only if its template reproduces citeproc's own output for the article that created
 * it; anything unusual (quotes, markup characters, names with particles or initials) goes
 * through citeproc.
 *
 * A form whose dates cannot be slotted keeps templates per date: a new date renders the twin
 * with the real dates (one citeproc call) once the form's placeholders have been checked.
 */
import type { CitationStyle } from '../../../shared/api';
import type { Article } from '../../../shared/model';
import { addDateValues, slotDates, type MonthNames } from './citation-dates';
import {
  compileTemplate,
  fillTemplate,
  shapeOf,
  type Shape,
  type Template,
} from './citation-template';
import { formatCitations, monthNames } from './citations';
import { articleToCsl } from './csl-data';

/** Renders one article's citation in a style: citeproc, or a stand-in for tests. */
export type CiteOne = (article: Article, style: CitationStyle) => string;

const citeproc: CiteOne = (article, style) => formatCitations([article], style, 'text');

/** How a form is cited: one template for every date, templates per date, or citeproc. */
type FormState = { template: Template } | 'per-date' | 'citeproc';

/** A header-citation function with its own template cache (one per export batch). */
export function createHeaderCiter(
  styleOf: (article: Article) => CitationStyle,
  render: CiteOne = citeproc,
  months: (style: CitationStyle) => MonthNames = monthNames,
) {
  const forms = new Map<string, FormState>();
  // Templates of 'per-date' forms, by key (form and dates); null where the twin failed.
  const perDate = new Map<string, Template | null>();

  /** The first article of a form: cites it with citeproc and decides how the form is cited. */
  const firstOfForm = (article: Article, style: CitationStyle, shape: Shape): string => {
    const real = render(article, style);
    const dated = render({ ...article, ...shape.twin, ...shape.probe }, style);
    const compiled = compileTemplate(dated, shape.marks);
    const template =
      compiled &&
      slotDates(
        compiled,
        { issued: shape.probe.publishedAt !== null, accessed: shape.probe.importedAt !== '' },
        months(style),
      );
    // Trust the template only if it rebuilds citeproc's own output for this article.
    if (template && fillTemplate(template, shape.values) === real) {
      forms.set(shape.form, { template });
      return real;
    }
    // The dates would not slot (or the placeholders failed): try a twin with the real dates.
    const twin = render({ ...article, ...shape.twin }, style);
    const made = compileTemplate(twin, shape.marks);
    const trusted = made !== null && fillTemplate(made, shape.values) === real;
    perDate.set(shape.key, trusted ? made : null);
    forms.set(shape.form, trusted ? 'per-date' : 'citeproc');
    return real;
  };

  return (article: Article): string => {
    const style = styleOf(article);
    const item = articleToCsl(article);
    const shape = shapeOf(style, item);
    if (!shape) return render(article, style);
    addDateValues(shape.values, item, months(style));
    const state = forms.get(shape.form);
    if (state === undefined) return firstOfForm(article, style, shape);
    if (state === 'citeproc') return render(article, style);
    let template: Template | null | undefined;
    if (state === 'per-date') {
      template = perDate.get(shape.key);
      if (template === undefined) {
        // The form's placeholders were checked against citeproc with other dates; only the
        // dates differ, and the twin shows how citeproc renders these.
        template = compileTemplate(render({ ...article, ...shape.twin }, style), shape.marks);
        perDate.set(shape.key, template);
      }
    } else {
      template = state.template;
    }
    return (template && fillTemplate(template, shape.values)) ?? render(article, style);
  };
}
