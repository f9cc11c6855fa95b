/**
 * Search as you type: the first keystroke searches at once, later ones coalesce behind the search
 * in flight, and results come a page at a time (the first page is what fits on screen and more).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FolioApi, SearchResponse } from '../../../shared/api';
import type { FolioErrorData } from '../../../shared/errors';
import { errorOf } from '../lib/errors';
import { createSearchScheduler } from '../lib/search-scheduler';

/** Hits per page: two to three screenfuls; "Show more" fetches the next page. */
export const SEARCH_PAGE = 25;

export interface SearchState {
  /** The query the results belong to. */
  query: string;
  response: SearchResponse | null;
  error: FolioErrorData | null;
  /** Fetches the next page of hits for the current query (no-op when all are shown). */
  loadMore: () => void;
  loadingMore: boolean;
  /**
   * Starts the search for a query the user just typed, before React renders the keystroke: the
   * core works while the page renders. The render's own request for it then sends nothing.
   */
  request: (query: string) => void;
}

interface Shown {
  query: string;
  response: SearchResponse | null;
  error: FolioErrorData | null;
}

const NONE: Shown = { query: '', response: null, error: null };

/** Runs `api.search` for the current query. */
export function useSearch(api: FolioApi, query: string): SearchState {
  const [shown, setShown] = useState<Shown>(NONE);
  const [loadingMore, setLoadingMore] = useState(false);
  const scheduler = useMemo(
    () =>
      createSearchScheduler<SearchResponse>({
        run: (q) => api.search({ query: q, limit: SEARCH_PAGE }),
        deliver: (q, response) => setShown({ query: q, response, error: null }),
        fail: (q, err) => setShown({ query: q, response: null, error: errorOf(err) }),
      }),
    [api],
  );
  const trimmed = query.trim();
  // Cleared: forget the old answer (adjusted during render, the React way), so typing the same
  // query again really searches again instead of showing the old page.
  const [prev, setPrev] = useState(trimmed);
  if (prev !== trimmed) {
    setPrev(trimmed);
    if (trimmed === '') setShown(NONE);
  }
  useEffect(() => {
    if (trimmed === '') scheduler.cancel();
    else scheduler.request(trimmed);
  }, [scheduler, trimmed]);
  const request = useCallback(
    (q: string) => {
      // A cleared box cancels in the effect: nothing waits on that.
      if (q.trim() !== '') scheduler.request(q.trim());
    },
    [scheduler],
  );

  const loadMore = useCallback(() => {
    const r = shown.response;
    if (!r || loadingMore || r.hits.length >= r.total) return;
    const q = shown.query;
    setLoadingMore(true);
    api
      .search({ query: q, limit: SEARCH_PAGE, offset: r.hits.length })
      .then(
        (more) =>
          setShown((s) =>
            s.query === q && s.response === r
              ? { ...s, response: { ...r, hits: [...r.hits, ...more.hits] } }
              : s,
          ),
        () => undefined,
      )
      .finally(() => setLoadingMore(false));
  }, [api, shown, loadingMore]);

  if (trimmed === '') return { ...NONE, loadMore, loadingMore: false, request };
  return { ...shown, loadMore, loadingMore, request };
}
