/**
 * Warms the search path in the background, so the user's first search does not pay for one-off
 * work: the base segment's word dictionary, the BM25 norms and facet table of the index state,
 * the phrase filters, the phrase-check worker, and the JIT of the query, filter, snippet and facet
 * code. On a 50,000-article
 * library the first search took 230–310 ms of CPU, against 25–80 ms for the same query once warm.
 * (Character folding fills its tables as characters first occur: it needs no warming.)
 *
 * V8 optimises a function only after it has run hot a few times, so the queries run in several
 * passes: after one pass the user's first 中国 took 32–47 ms and 美国总统 73–124 ms on that
 * library, after three 14–17 and 43–47, about what they take later in the session.
 *
 * The work runs in small steps with a turn of the event loop between them, so a request that
 * arrives meanwhile (a search already typed) waits for one step at most, never for all of them.
 */
import type { SearchRequest, SearchResponse } from '../../../shared/api';

export interface WarmSearchOptions {
  /** The search entry point warmed (SearchIndex.search). */
  search: (req: SearchRequest) => SearchResponse;
  /** Titles of some articles, read once the index is ready: the queries are cut from them. */
  titles: () => readonly string[];
  /** Resolves when the index is complete (a build at open finished); warming starts after it. */
  ready?: Promise<unknown>;
  /** Gives the event loop a turn between steps (default: setImmediate). */
  pause?: () => Promise<void>;
}

export interface SearchWarmer {
  /** Resolves when every step has run, or after stop(). Never rejects. */
  done: Promise<void>;
  /** Skips the remaining steps (the core is closing). */
  stop(): void;
}

/** Passes over the warm-up queries. */
export const WARM_PASSES = 3;

// Not unref'd: an unref'd immediate waits until something else wakes the event loop.
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The run of `n` Han characters found in the most titles, when at least two hold it: a bigram
 * that matches a large part of the library, or a name in the news whose phrase checks run over
 * many articles.
 */
function mostShared(titles: readonly string[], n: number): string | undefined {
  const counts = new Map<string, number>();
  const runs = new RegExp(`\\p{Script=Han}{${n},}`, 'gu');
  for (const title of titles) {
    const seen = new Set<string>();
    for (const run of title.match(runs) ?? []) {
      for (let i = 0; i + n <= run.length; i++) seen.add(run.slice(i, i + n));
    }
    seen.forEach((r) => counts.set(r, (counts.get(r) ?? 0) + 1));
  }
  let best: string | undefined;
  let most = 1;
  for (const [run, count] of counts) if (count > most) [best, most] = [run, count];
  return best;
}

/**
 * Queries of the shapes the evaluator treats differently, cut from real titles so they meet real
 * postings, snippets and facets: a bigram no article holds (the one-off tables alone), a CJK
 * bigram, a CJK run that needs a phrase check, a Latin word (the word dictionary) and a fragment
 * of one (many dictionary words at once). Then the bigram most titles share, whose thousands of
 * matches run the scoring, ranking and facet loops hot, and the three-character run most share,
 * whose checks over thousands of articles do the same for the phrase checker. (warmSearch then
 * adds facet refinements, cut from an answer.)
 */
export function warmQueries(titles: readonly string[]): string[] {
  const text = titles.join('\n');
  const han = text.match(/\p{Script=Han}{4,}/u)?.[0] ?? text.match(/\p{Script=Han}{2,}/u)?.[0];
  const latin = text.match(/\p{Script=Latin}{5,}/u)?.[0];
  // Private-use characters: indexed nowhere, so this query finds nothing and costs only setup.
  const queries = ['\ue000\ue001'];
  if (han) queries.push(han.slice(0, 2), han.slice(0, 4));
  if (latin) queries.push(latin, latin.slice(0, -1));
  for (const shared of [mostShared(titles, 2), mostShared(titles, 3)])
    if (shared) queries.push(shared);
  return queries;
}

/** A facet value as the renderer writes it into a query (renderer/src/lib/query.ts). */
function quoteValue(value: string): string {
  return /[\s"]/.test(value) ? `"${value.replace(/"/g, '')}"` : value;
}

/**
 * The refinements of `query` that clicking its first publication, tag and year facets makes:
 * the filter paths a user's first click would otherwise find cold.
 */
export function facetQueries(query: string, res: SearchResponse): string[] {
  const out: string[] = [];
  const site = res.facets.sites[0]?.value;
  if (site) out.push(`${query} site:${quoteValue(site)}`);
  const tag = res.facets.tags[0]?.value;
  if (tag) out.push(`${query} tag:${quoteValue(tag)}`);
  const year = res.facets.years[0]?.value;
  if (year) out.push(`${query} after:${year}-01-01 before:${year}-12-31`);
  return out;
}

/** Starts warming; call stop() before the index closes. */
export function warmSearch(opts: WarmSearchOptions): SearchWarmer {
  const pause = opts.pause ?? nextTurn;
  let stopped = false;
  const run = async (): Promise<void> => {
    await opts.ready;
    let queries = warmQueries(opts.titles());
    for (let pass = 0; pass < WARM_PASSES; pass++) {
      // The first pass adds the facet refinements of the query with the most matches.
      let widest: { query: string; res: SearchResponse } | null = null;
      for (const query of queries) {
        await pause();
        if (stopped) return;
        const res = opts.search({ query, limit: 25 });
        if (pass === 0 && res.total > (widest?.res.total ?? 0)) widest = { query, res };
      }
      if (widest) {
        const refined = facetQueries(widest.query, widest.res);
        queries = [...queries, ...refined];
        for (const query of refined) {
          await pause();
          if (stopped) return;
          opts.search({ query, limit: 25 });
        }
      }
    }
  };
  // A failed warm-up only leaves caches cold; the search that needs them reports its own errors.
  const done = run().catch(() => undefined);
  return {
    done,
    stop() {
      stopped = true;
    },
  };
}
