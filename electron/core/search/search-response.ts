/**
 * Builds the SearchResponse: facet counts over every match, and hits (snippet and highlights in
 * the original script) for the requested page only, since snippets read text from disk.
 */
import type { FacetCount, SearchHit, SearchResponse } from '../../../shared/api';
import { NOTES_SEPARATOR } from './article-doc';
import type { EvalContext, Evaluation } from './evaluate';
import {
  HEAD_SNIPPET_BYTES,
  type Pattern,
  type Snippet,
  headSnippet,
  highlightSpans,
  makeSnippet,
} from './highlight';
import type { DocRecord, IndexState } from './index-state';

const FACET_LIMIT = 50;

/**
 * Facet values of every document as small integer ids, built once per index state and extended as
 * documents are appended: counting facets over thousands of matches is then array increments, not
 * string hashing. Document numbers are stable until compaction, which replaces `state.docs`.
 */
interface FacetTable {
  docs: ReadonlyArray<DocRecord | null>;
  /** For document d: site id, year id (-1: none), and its tag ids. */
  site: number[];
  year: number[];
  tags: Array<readonly number[]>;
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
    const tags: readonly string[] = r?.tags ?? [];
    t.tags.push(
      tags.length === 0
        ? NO_TAGS
        : (tags.length === 1 ? tags : [...new Set(tags)]).map((tag) => idOf(2, t.tagNames, tag)),
    );
  }
  return t;
}

function topCounts(counts: Int32Array, names: string[]): FacetCount[] {
  const out: FacetCount[] = [];
  counts.forEach((count, id) => {
    if (count > 0) out.push({ value: names[id]!, count });
  });
  return out
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, FACET_LIMIT);
}

function facets(state: IndexState, docs: number[]): SearchResponse['facets'] {
  const t = facetTable(state);
  const tags = new Int32Array(t.tagNames.length);
  const sites = new Int32Array(t.siteNames.length);
  const years = new Int32Array(t.years.length);
  for (const d of docs) {
    const s = t.site[d]!;
    if (s >= 0) sites[s]!++;
    const y = t.year[d]!;
    if (y >= 0) years[y]!++;
    for (const g of t.tags[d]!) tags[g]!++;
  }
  return {
    tags: topCounts(tags, t.tagNames),
    sites: topCounts(sites, t.siteNames),
    years: topCounts(years, t.years),
  };
}

/** The snippet of a hit: from the start of its text when that shows a match, else as a whole. */
function hitSnippet(ctx: EvalContext, rec: DocRecord, patterns: Pattern[]): Snippet {
  const head = ctx.readStoredHead?.(rec, HEAD_SNIPPET_BYTES);
  if (head && !head.whole) {
    // The notes come after the text: a head with no separator is the text's own start.
    const snip = head.text.includes(NOTES_SEPARATOR) ? null : headSnippet(head.text, patterns);
    if (snip && snip.highlights.length) return snip;
  }
  const stored = head?.whole ? head.text : ctx.readStored(rec);
  const cut = stored.indexOf(NOTES_SEPARATOR);
  const text = cut >= 0 ? stored.slice(0, cut) : stored;
  const notes = cut >= 0 ? stored.slice(cut + 1) : '';
  const snip = makeSnippet(text, patterns);
  // A match found only in the notes shows the notes around it.
  if (snip.highlights.length === 0 && notes) {
    const fromNotes = makeSnippet(notes, patterns);
    if (fromNotes.highlights.length) return fromNotes;
  }
  return snip;
}

function hit(ctx: EvalContext, ev: Evaluation, doc: number, score: number): SearchHit {
  const rec = ctx.state.docs[doc]!;
  const snip = hitSnippet(ctx, rec, ev.patterns);
  return {
    id: rec.id,
    title: rec.title,
    siteName: rec.siteName,
    publishedAt: rec.publishedAt === null ? null : new Date(rec.publishedAt).toISOString(),
    score: Math.round(score * 1000) / 1000,
    snippet: snip.snippet,
    highlights: snip.highlights,
    titleHighlights: highlightSpans(rec.title, ev.patterns),
  };
}

/** Assembles the response for one page of an evaluation. */
export function buildResponse(
  ctx: EvalContext,
  ev: Evaluation,
  page: { limit: number; offset: number },
  startedAt: number,
  now: () => number,
): SearchResponse {
  const hits = ev.ranked
    .slice(page.offset, page.offset + page.limit)
    .map((r) => hit(ctx, ev, r.doc, r.score));
  return {
    total: ev.total,
    hits,
    facets: facets(
      ctx.state,
      ev.matched.map((r) => r.doc),
    ),
    tookMs: Math.round((now() - startedAt) * 100) / 100,
  };
}
