/** Pure list views and tag counts over catalog summaries, and the Trash view's purge. */
import type { ListRequest } from '../../../shared/api';
import type { ArticleSummary, TagCount } from '../../../shared/model';
import { tagKey } from '../../../shared/tags';
import { removeItem } from './item-files';
import type { LibraryState } from './library-state';

export const RECENT_DAYS = 7;

// NFKC on every tag of 50,000 rows costs hundreds of ms; the tag vocabulary is small, so memoise.
const keyCache = new Map<string, string>();
const KEY_CACHE_LIMIT = 20_000;

/** `tagKey`, memoised. */
export function cachedTagKey(tag: string): string {
  let key = keyCache.get(tag);
  if (key === undefined) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    key = tagKey(tag);
    keyCache.set(tag, key);
  }
  return key;
}

/** Newest publication first; undated items after dated ones, then newest import first. */
export function compareNewestFirst(a: ArticleSummary, b: ArticleSummary): number {
  if (a.publishedAt !== b.publishedAt) {
    if (a.publishedAt === null) return 1;
    if (b.publishedAt === null) return -1;
    return a.publishedAt < b.publishedAt ? 1 : -1;
  }
  if (a.importedAt !== b.importedAt) return a.importedAt < b.importedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The summaries a list view shows, sorted newest first. */
export function filterSummaries(
  rows: Iterable<ArticleSummary>,
  req: ListRequest,
  now: Date,
): ArticleSummary[] {
  const recentSince = new Date(now.getTime() - RECENT_DAYS * 86_400_000).toISOString();
  const wantTag = req.tag ? tagKey(req.tag) : null;
  const out: ArticleSummary[] = [];
  for (const s of rows) {
    const inTrash = s.deletedAt !== null;
    if ((req.view === 'trash') !== inTrash) continue;
    if (req.view === 'recent' && s.importedAt < recentSince) continue;
    if (req.view === 'untagged' && s.tags.length > 0) continue;
    if (req.siteName !== undefined && s.siteName !== req.siteName) continue;
    if (wantTag !== null && !s.tags.some((t) => cachedTagKey(t) === wantTag)) continue;
    out.push(s);
  }
  return out.sort(compareNewestFirst);
}

/** Tag counts over items not in the Trash, most used first. */
export function countTags(
  rows: Iterable<ArticleSummary>,
  display: (key: string) => string,
): TagCount[] {
  const counts = new Map<string, number>();
  for (const s of rows) {
    if (s.deletedAt !== null) continue;
    for (const t of s.tags) {
      const key = cachedTagKey(t);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([key, count]) => ({ tag: display(key), count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/**
 * Deletes for good the listed items that are in the Trash (others are left alone); returns how
 * many. Lives beside the views because it is the Trash view's "Delete permanently".
 */
export async function purgeTrashed(state: LibraryState, ids: readonly string[]): Promise<number> {
  return state.queue.run(async () => {
    const doomed = [...new Set(ids)].filter(
      (id) => state.catalog.entries.get(id)?.summary.deletedAt,
    );
    for (const id of doomed) {
      state.fresh.drop(id);
      await removeItem(state.dir, id);
    }
    if (doomed.length > 0) {
      await state.catalog.remove(doomed);
      state.emit({ type: 'remove', ids: doomed });
    }
    return doomed.length;
  });
}
