/**
 * Search hits with highlighted titles and snippets, plus facet counts that refine the query.
 */
import type { FacetCount, SearchResponse } from '../../../shared/api';
import { useLocale, useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';
import { formatDate } from '../lib/format';
import type { FacetKind } from '../lib/query';
import type { Modifiers, Selection } from '../lib/selection';
import { rowDomId } from './ArticleRow';
import { Highlighted } from './Highlighted';

export interface SearchResultsProps {
  /** The query the response answers (exposed as `data-query` for tests and the UI bench). */
  query: string;
  response: SearchResponse | null;
  error: string | null;
  selection: Selection;
  onRowClick: (id: string, mods: Modifiers) => void;
  onKeyDown: (e: React.KeyboardEvent<HTMLDivElement>) => void;
  onFacet: (kind: FacetKind, value: string) => void;
  onMore: () => void;
  loadingMore: boolean;
}

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
}: SearchResultsProps) {
  const t = useT();
  const locale = useLocale();
  if (error)
    return (
      <p role="alert" className="list-empty">
        {t('search.error', { message: error })}
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
        data-testid="hit-list"
      >
        {response.hits.map((hit) => (
          <div
            key={hit.id}
            id={rowDomId(hit.id)}
            role="option"
            aria-selected={selection.ids.has(hit.id)}
            className={`hit${selection.ids.has(hit.id) ? ' selected' : ''}${selection.focus === hit.id ? ' focused' : ''}`}
            onClick={(e) =>
              onRowClick(hit.id, { toggle: e.ctrlKey || e.metaKey, range: e.shiftKey })
            }
            data-testid="search-hit"
          >
            <div className="row-title">
              <Highlighted text={hit.title} ranges={hit.titleHighlights} />
            </div>
            <div className="row-meta">
              <span className="row-site">{hit.siteName}</span>
              <span className="row-date">{formatDate(hit.publishedAt, locale)}</span>
            </div>
            <p className="hit-snippet">
              <Highlighted text={hit.snippet} ranges={hit.highlights} />
            </p>
          </div>
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
