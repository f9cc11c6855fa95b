/**
 * Small pure helpers for the search box: refining a query from a facet click.
 */

export type FacetKind = 'tag' | 'site' | 'year';

/** Quotes a value when it holds spaces or quotes, so `tag:"long name"` survives parsing. */
export function quoteValue(value: string): string {
  return /[\s"]/.test(value) ? `"${value.replace(/"/g, '')}"` : value;
}

/** Adds a facet filter to a query (years become an after:/before: pair); no duplicates. */
export function refineQuery(query: string, kind: FacetKind, value: string): string {
  const terms =
    kind === 'year'
      ? [`after:${value}-01-01`, `before:${value}-12-31`]
      : [`${kind}:${quoteValue(value)}`];
  const base = query.trim();
  const missing = terms.filter((t) => !base.split(/\s+/).includes(t));
  return [base, ...missing].filter((s) => s !== '').join(' ');
}
