/**
 * Loads and holds the library's summaries, tags and info, with local patches after
 * edits so a tag change does not reload 50,000 rows.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FolioApi, LibraryInfo } from '../../../shared/api';
import type { ArticleSummary, TagCount } from '../../../shared/model';

export interface LibraryState {
  summaries: ArticleSummary[] | null;
  tags: TagCount[];
  info: LibraryInfo | null;
  loadError: unknown;
  /** Reloads everything from the API. */
  refresh: () => Promise<void>;
  /** Reloads only the tag counts. */
  refreshTags: () => Promise<void>;
  /** Applies a change to some summaries in place (by id). */
  patch: (ids: readonly string[], fn: (s: ArticleSummary) => ArticleSummary) => void;
}

interface Loaded {
  summaries: ArticleSummary[];
  tags: TagCount[];
  info: LibraryInfo;
}

/** Fetches everything the list and sidebar need. */
async function loadLibrary(api: FolioApi): Promise<Loaded> {
  const [live, trash, tags, info] = await Promise.all([
    api.listArticles({ view: 'all' }),
    api.listArticles({ view: 'trash' }),
    api.listTags(),
    api.libraryInfo(),
  ]);
  // 'all' may or may not include trashed rows depending on the face; keep one copy each.
  const seen = new Set(live.map((s) => s.id));
  return { summaries: [...live, ...trash.filter((s) => !seen.has(s.id))], tags, info };
}

/** The library data hook. */
export function useLibrary(api: FolioApi): LibraryState {
  const [summaries, setSummaries] = useState<ArticleSummary[] | null>(null);
  const [tags, setTags] = useState<TagCount[]>([]);
  const [info, setInfo] = useState<LibraryInfo | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  const apply = useCallback((data: Loaded) => {
    setSummaries(data.summaries);
    setTags(data.tags);
    setInfo(data.info);
    setLoadError(null);
  }, []);

  const refresh = useCallback(
    () => loadLibrary(api).then(apply, (err: unknown) => setLoadError(err)),
    [api, apply],
  );

  const refreshTags = useCallback(async () => {
    setTags(await api.listTags());
  }, [api]);

  const patch = useCallback((ids: readonly string[], fn: (s: ArticleSummary) => ArticleSummary) => {
    const set = new Set(ids);
    setSummaries((prev) => prev && prev.map((s) => (set.has(s.id) ? fn(s) : s)));
  }, []);

  useEffect(() => {
    loadLibrary(api).then(apply, (err: unknown) => setLoadError(err));
  }, [api, apply]);

  return { summaries, tags, info, loadError, refresh, refreshTags, patch };
}
