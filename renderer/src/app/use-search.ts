/**
 * Search as you type: debounced, and answers to superseded queries are dropped.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FolioApi, SearchResponse } from '../../../shared/api';
import { createLatest } from '../lib/latest';
import { errorOf } from '../lib/errors';

export const SEARCH_DEBOUNCE_MS = 80;
export const SEARCH_LIMIT = 200;

export interface SearchState {
  /** The query the results belong to. */
  query: string;
  response: SearchResponse | null;
  error: string | null;
}

/** Runs `api.search` for the current query. */
export function useSearch(api: FolioApi, query: string): SearchState {
  const latest = useMemo(() => createLatest(), []);
  const [state, setState] = useState<SearchState>({ query: '', response: null, error: null });
  const trimmed = query.trim();
  useEffect(() => {
    if (trimmed === '') {
      latest.cancel();
      return;
    }
    const timer = setTimeout(() => {
      latest
        .run(() => api.search({ query: trimmed, limit: SEARCH_LIMIT }))
        .then(
          (r) => {
            if (!r.stale) setState({ query: trimmed, response: r.value, error: null });
          },
          (err: unknown) =>
            setState({ query: trimmed, response: null, error: errorOf(err).message }),
        );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, trimmed, latest]);
  return trimmed === '' ? { query: '', response: null, error: null } : state;
}
