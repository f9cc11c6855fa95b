/**
 * Loads and holds the library's list rows (in the compact columnar form, decoded once), tags and
 * info, with local patches after edits so a tag change does not reload 50,000 rows.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FolioApi, LibraryInfo } from '../../../shared/api';
import { decodeListRows, type ListRow } from '../../../shared/list-rows';
import type { TagCount } from '../../../shared/model';

export interface LibraryState {
  summaries: ListRow[] | null;
  tags: TagCount[];
  info: LibraryInfo | null;
  loadError: unknown;
  /** Reloads everything from the API. */
  refresh: () => Promise<void>;
  /** Reloads only the tag counts. */
  refreshTags: () => Promise<void>;
  /** Applies a change to some summaries in place (by id). */
  patch: (ids: readonly string[], fn: (s: ListRow) => ListRow) => void;
}

interface Loaded {
  summaries: ListRow[];
  tags: TagCount[];
  info: LibraryInfo;
}

/** Fetches everything the list and sidebar need: every row (Trash included) in one call. */
async function loadLibrary(api: FolioApi): Promise<Loaded> {
  const [rows, tags, info] = await Promise.all([api.listRows(), api.listTags(), api.libraryInfo()]);
  return { summaries: decodeListRows(rows), tags, info };
}

/** The library data hook. */
export function useLibrary(api: FolioApi): LibraryState {
  const [summaries, setSummaries] = useState<ListRow[] | null>(null);
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

  const patch = useCallback((ids: readonly string[], fn: (s: ListRow) => ListRow) => {
    const set = new Set(ids);
    setSummaries((prev) => prev && prev.map((s) => (set.has(s.id) ? fn(s) : s)));
  }, []);

  useEffect(() => {
    loadLibrary(api).then(apply, (err: unknown) => setLoadError(err));
  }, [api, apply]);

  return { summaries, tags, info, loadError, refresh, refreshTags, patch };
}
