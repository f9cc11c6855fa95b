/**
 * Pure filtering and sorting of the in-memory summary array. The list keeps every
 * summary in memory (50,000 rows are a few MB), so views switch without a round trip.
 */
import type { ListRow } from '../../../shared/list-rows';
import type { ListView } from '../../../shared/api';

export type SortKey = 'date' | 'title' | 'siteName';
export type SortDir = 'asc' | 'desc';

export interface ListFilter {
  view: ListView;
  tag?: string | undefined;
  siteName?: string | undefined;
}

/** How long an import counts as "recent". */
export const RECENT_MS = 7 * 24 * 60 * 60 * 1000;

/** Keeps the summaries that belong to a sidebar view (tag and publication narrow it further). */
export function filterSummaries(
  items: readonly ListRow[],
  filter: ListFilter,
  now: Date,
): ListRow[] {
  const recentSince = new Date(now.getTime() - RECENT_MS).toISOString();
  return items.filter((s) => {
    const inTrash = s.deletedAt !== null;
    if (filter.view === 'trash') return inTrash;
    if (inTrash) return false;
    if (filter.view === 'untagged' && s.tags.length > 0) return false;
    if (filter.view === 'recent' && s.importedAt < recentSince) return false;
    if (filter.tag !== undefined && !s.tags.includes(filter.tag)) return false;
    if (filter.siteName !== undefined && s.siteName !== filter.siteName) return false;
    return true;
  });
}

const collator = new Intl.Collator(['zh-Hans', 'en'], { sensitivity: 'base', numeric: true });

/** Compares by the chosen key; ties fall back to date then id so the order is stable. */
function compare(a: ListRow, b: ListRow, key: SortKey): number {
  if (key === 'title') return collator.compare(a.title, b.title);
  if (key === 'siteName') return collator.compare(a.siteName, b.siteName);
  return compareDates(a, b);
}

/** Undated articles sort as the oldest. */
function compareDates(a: ListRow, b: ListRow): number {
  const da = a.publishedAt ?? '';
  const db = b.publishedAt ?? '';
  return da < db ? -1 : da > db ? 1 : 0;
}

/** Returns a new array sorted by key and direction; the input is left untouched. */
export function sortSummaries(items: readonly ListRow[], key: SortKey, dir: SortDir): ListRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const primary = compare(a, b, key);
    if (primary !== 0) return primary * sign;
    const byDate = compareDates(a, b);
    if (byDate !== 0) return -byDate;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

export interface NamedCount {
  value: string;
  count: number;
}

/** Publications with their article counts (trash excluded), largest first. */
export function countPublications(items: readonly ListRow[]): NamedCount[] {
  const counts = new Map<string, number>();
  for (const s of items) {
    if (s.deletedAt !== null || s.siteName === '') continue;
    counts.set(s.siteName, (counts.get(s.siteName) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.value, b.value));
}

/** How many rows each sidebar view holds, in one pass over the rows. */
export function countViews(items: readonly ListRow[], now: Date): Record<ListView, number> {
  const recentSince = new Date(now.getTime() - RECENT_MS).toISOString();
  const c: Record<ListView, number> = { all: 0, recent: 0, untagged: 0, trash: 0 };
  for (const s of items) {
    if (s.deletedAt !== null) {
      c.trash++;
      continue;
    }
    c.all++;
    if (s.importedAt >= recentSince) c.recent++;
    if (s.tags.length === 0) c.untagged++;
  }
  return c;
}
