/**
 * Facet values of every document as small integer ids (site, year, tags) and its publication
 * time, built once per index state and extended as documents are appended: counting facets over
 * thousands of matches, and filtering them by site, tag or date, are then array reads, not
 * string hashing and a record per match.
 */
import type { DocRecord, IndexState } from './index-state';

/** Document numbers are stable until compaction, which replaces `state.docs`. */
export interface FacetTable {
  docs: ReadonlyArray<DocRecord | null>;
  /** For document d: site id, year id (-1: none), its tag ids, and publishedAt (NaN: none). */
  site: number[];
  year: number[];
  tags: Array<readonly number[]>;
  time: number[];
  siteNames: string[];
  years: string[];
  tagNames: string[];
  ids: Map<string, number>[];
}

const tables = new WeakMap<IndexState, FacetTable>();

const NO_TAGS: readonly number[] = Object.freeze([]);
const DAY_MS = 86_400_000;

/**
 * The UTC year of a time (ms since the epoch), by the days-to-civil arithmetic of H. Hinnant's
 * date algorithms: the facet table is built at open over every document, and a Date and a string
 * per document were garbage made for nothing.
 */
export function utcYear(ms: number): number {
  const z = Math.floor(ms / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

export function facetTable(state: IndexState): FacetTable {
  let t = tables.get(state);
  if (!t || t.docs !== state.docs) {
    t = {
      docs: state.docs,
      site: [],
      year: [],
      tags: [],
      time: [],
      siteNames: [],
      years: [],
      tagNames: [],
      ids: [new Map(), new Map(), new Map()],
    };
    tables.set(state, t);
  }
  const table = t;
  const idOf = (kind: 0 | 1 | 2, names: string[], value: string) => {
    let id = table.ids[kind]!.get(value);
    if (id === undefined) {
      id = names.push(value) - 1;
      table.ids[kind]!.set(value, id);
    }
    return id;
  };
  // Year ids by year number, so the string of a year is made once, not once per document.
  const yearIds = new Map<number, number>();
  for (let d = t.site.length; d < state.docs.length; d++) {
    const r = state.docs[d];
    t.site.push(r?.siteName ? idOf(0, t.siteNames, r.siteName) : -1);
    let year = -1;
    if (r && r.publishedAt !== null) {
      const y = utcYear(r.publishedAt);
      year = yearIds.get(y) ?? -1;
      if (year < 0) yearIds.set(y, (year = idOf(1, t.years, String(y))));
    }
    t.year.push(year);
    t.time.push(r && r.publishedAt !== null ? r.publishedAt : NaN);
    const tags: readonly string[] = r?.tags ?? [];
    t.tags.push(
      tags.length === 0
        ? NO_TAGS
        : (tags.length === 1 ? tags : [...new Set(tags)]).map((tag) => idOf(2, t.tagNames, tag)),
    );
  }
  return t;
}
