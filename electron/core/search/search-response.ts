/**
 * Builds the SearchResponse: facet counts over every match, and hits (snippet and highlights in
 * the original script) for the requested page only, since snippets read text from disk.
 */
import type { FacetCount, SearchHit, SearchResponse } from '../../../shared/api';
import { NOTES_SEPARATOR } from './article-doc';
import type { EvalContext, Evaluation } from './evaluate';
import { highlightSpans, makeSnippet } from './highlight';
import type { DocRecord } from './index-state';

const FACET_LIMIT = 50;

function topCounts(counts: Map<string, number>): FacetCount[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, FACET_LIMIT);
}

/** Publication year per record, computed once: facets count it for every match of every query. */
const yearCache = new WeakMap<DocRecord, string>();
function yearOf(r: DocRecord): string {
  let y = yearCache.get(r);
  if (y === undefined) yearCache.set(r, (y = String(new Date(r.publishedAt!).getUTCFullYear())));
  return y;
}

function facets(recs: DocRecord[]): SearchResponse['facets'] {
  const tags = new Map<string, number>();
  const sites = new Map<string, number>();
  const years = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const r of recs) {
    if (r.tags.length === 1) bump(tags, r.tags[0]!);
    else if (r.tags.length > 1) for (const t of new Set(r.tags)) bump(tags, t);
    if (r.siteName) bump(sites, r.siteName);
    if (r.publishedAt !== null) bump(years, yearOf(r));
  }
  return { tags: topCounts(tags), sites: topCounts(sites), years: topCounts(years) };
}

function hit(ctx: EvalContext, ev: Evaluation, doc: number, score: number): SearchHit {
  const rec = ctx.state.docs[doc]!;
  const stored = ctx.readStored(rec);
  const cut = stored.indexOf(NOTES_SEPARATOR);
  const text = cut >= 0 ? stored.slice(0, cut) : stored;
  const notes = cut >= 0 ? stored.slice(cut + 1) : '';
  let snip = makeSnippet(text, ev.patterns);
  // A match found only in the notes shows the notes around it.
  if (snip.highlights.length === 0 && notes) {
    const fromNotes = makeSnippet(notes, ev.patterns);
    if (fromNotes.highlights.length) snip = fromNotes;
  }
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
  const recs = ev.matched.map((r) => ctx.state.docs[r.doc]!);
  const hits = ev.ranked
    .slice(page.offset, page.offset + page.limit)
    .map((r) => hit(ctx, ev, r.doc, r.score));
  return {
    total: ev.total,
    hits,
    facets: facets(recs),
    tookMs: Math.round((now() - startedAt) * 100) / 100,
  };
}
