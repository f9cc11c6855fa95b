/**
 * Search hits with highlighted titles and snippets, plus facet counts that refine the query.
 */
import { useState } from 'react';
import type { FacetCount, SearchResponse } from '../../../shared/api';
import type { FolioErrorData } from '../../../shared/errors';
import { useErrorText, useLocale, useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';
import type { FacetKind } from '../lib/query';
import type { Modifiers, Selection } from '../lib/selection';
import { rowDomId } from './ArticleRow';
import { HitRow } from './HitRow';
import { useProgressiveHits } from './use-progressive-hits';

export interface SearchResultsProps {
  /** The query the response answers (exposed as `data-query` for tests and the UI bench). */
  query: string;
  response: SearchResponse | null;
  error: FolioErrorData | null;
  selection: Selection;
  onRowClick: (id: string, mods: Modifiers) => void;
  onKeyDown: (e: React.KeyboardEvent<HTMLDivElement>) => void;
  onFacet: (kind: FacetKind, value: string) => void;
  onMore: () => void;
  loadingMore: boolean;
  /** An article's language, from the list's summaries. */
  langOf?: (id: string) => string | undefined;
}

const NO_HITS: SearchResponse['hits'] = [];

const FACETS: Array<{ kind: FacetKind; key: 'tags' | 'sites' | 'years'; label: MessageKey }> = [
  { kind: 'tag', key: 'tags', label: 'search.facetTags' },
  { kind: 'site', key: 'sites', label: 'search.facetSites' },
  { kind: 'year', key: 'years', label: 'search.facetYears' },
];

function FacetGroup({
  label,
  values,
  onPick,
}: {
  label: string;
  values: FacetCount[];
  onPick: (v: string) => void;
}) {
  if (values.length === 0) return null;
  return (
    <div className="facet-group" role="group" aria-label={label}>
      <span className="facet-label">{label}</span>
      {values.slice(0, 8).map((f) => (
        <button key={f.value} type="button" className="facet" onClick={() => onPick(f.value)}>
          {f.value} <span className="nav-count">{f.count}</span>
        </button>
      ))}
    </div>
  );
}

/** The search results pane. */
export function SearchResults({
  query,
  response,
  error,
  selection,
  onRowClick,
  onKeyDown,
  onFacet,
  onMore,
  loadingMore,
  langOf,
}: SearchResultsProps) {
  const t = useT();
  const errorText = useErrorText();
  const locale = useLocale();
  // Scrolled down the hits: a new answer is drawn whole (see useProgressiveHits).
  const [scrolled, setScrolled] = useState(false);
  const drawn = useProgressiveHits(response?.hits ?? NO_HITS, scrolled);
  if (error)
    return (
      <p role="alert" className="list-empty">
        {t('search.error', { message: errorText(error) })}
      </p>
    );
  if (!response) return <p className="list-empty muted">{t('list.loading')}</p>;
  const countText =
    response.total === 1 ? t('search.resultsOne') : t('search.results', { count: response.total });
  return (
    <div className="search-results" data-testid="search-results" data-query={query}>
      <p className="list-status" role="status">
        {countText}
      </p>
      <div className="facets" data-testid="facets">
        {FACETS.map(({ kind, key, label }) => (
          <FacetGroup
            key={kind}
            label={t(label)}
            values={response.facets[key]}
            onPick={(v) => onFacet(kind, v)}
          />
        ))}
      </div>
      {response.hits.length === 0 && <p className="list-empty">{t('search.noResults')}</p>}
      <div
        className="hit-list"
        role="listbox"
        aria-label={countText}
        aria-multiselectable="true"
        aria-activedescendant={selection.focus !== null ? rowDomId(selection.focus) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(e) => setScrolled(e.currentTarget.scrollTop > 0)}
        data-testid="hit-list"
      >
        {response.hits.slice(0, drawn).map((hit) => (
          <HitRow
            key={hit.id}
            hit={hit}
            selected={selection.ids.has(hit.id)}
            focused={selection.focus === hit.id}
            locale={locale}
            lang={langOf?.(hit.id)}
            onClick={onRowClick}
          />
        ))}
      </div>
      {response.hits.length < response.total && (
        <button
          type="button"
          className="link-button search-more"
          onClick={onMore}
          disabled={loadingMore}
          data-testid="search-more"
        >
          {t('search.more', { count: response.total - response.hits.length })}
        </button>
      )}
    </div>
  );
}
