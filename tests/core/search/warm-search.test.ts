import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchRequest, SearchResponse } from '../../../shared/api';
import { openSearchIndex } from '../../../electron/core/search/open-search-index';
import {
  WARM_PASSES,
  facetQueries,
  warmQueries,
  warmSearch,
} from '../../../electron/core/search/warm-search';
import { FakeLibrary, makeArticle } from './fake-library';

const EMPTY: SearchResponse = {
  total: 0,
  hits: [],
  facets: { tags: [], sites: [], years: [] },
  tookMs: 0,
};
const immediate = () => Promise.resolve();

describe('warmQueries', () => {
  it('cuts a bigram, a run to verify, a word and a fragment from the titles', () => {
    const queries = warmQueries(['天气', '中俄关系紧张 2024', 'Elections in Taiwan']);
    expect(queries.slice(1)).toEqual(['中俄', '中俄关系', 'Elections', 'Election']);
  });

  it('adds the bigram that most titles share, when some do', () => {
    const queries = warmQueries(['美中关系', '中国经济放缓', '中国外交部回应', '天气']);
    expect(queries.slice(1)).toEqual(['美中', '美中关系', '中国']);
    // 中国 is then only the first title's bigram: the last query is that title's run, once.
    expect(warmQueries(['中国经济', '美国大选']).slice(1)).toEqual(['中国', '中国经济']);
  });

  it('ends with the three-character run that most titles share, when some do', () => {
    const titles = ['习近平会见普京', '天气', '特朗普与习近平通话', '习近平出访', '特朗普说'];
    expect(warmQueries(titles).at(-1)).toBe('习近平');
    expect(warmQueries(['习近平会见普京', '特朗普说']).at(-1)).not.toMatch(/^\p{Script=Han}{3}$/u);
  });

  it('refines a query by its first publication, tag and year, quoted as the renderer does', () => {
    const res: SearchResponse = {
      ...EMPTY,
      total: 3,
      facets: {
        sites: [{ value: 'BBC News', count: 2 }],
        tags: [{ value: '外交', count: 1 }],
        years: [{ value: '2021', count: 3 }],
      },
    };
    expect(facetQueries('中国', res)).toEqual([
      '中国 site:"BBC News"',
      '中国 tag:外交',
      '中国 after:2021-01-01 before:2021-12-31',
    ]);
    expect(facetQueries('中国', EMPTY)).toEqual([]);
  });

  it('starts with a query no article matches, and is only that without usable titles', () => {
    expect(warmQueries(['', '2024 !!'])).toHaveLength(1);
    expect(warmQueries(['天气'])).toEqual([warmQueries([])[0], '天气', '天气']);
  });
});

describe('warmSearch', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-warm-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs every query through a real index without changing what it answers', async () => {
    const lib = new FakeLibrary(dir, [
      makeArticle({
        id: 'a',
        title: '中俄关系',
        text: '普京与习近平会面，讨论两国关系。',
        siteName: 'BBC中文',
        tags: ['外交'],
      }),
      makeArticle({ id: 'b', title: 'Elections', text: 'The elections were held.', lang: 'en' }),
    ]);
    const index = await openSearchIndex({ dir, library: lib.asLibrary() });
    const asked: string[] = [];
    const before = index.search({ query: '关系', limit: 5 });
    expect(before.total).toBe(1);
    const warmer = warmSearch({
      search: (req) => {
        // Recorded once answered: a query the parser refused would be missing.
        const res = index.search(req);
        asked.push(req.query);
        return res;
      },
      titles: () => ['中俄关系', 'Elections'],
      pause: immediate,
    });
    await warmer.done;
    // Every query in each pass, the passes in the same order, each with the facet refinements
    // of the query with the most matches.
    const queries = warmQueries(['中俄关系', 'Elections']);
    const widest = queries
      .map((query) => ({ query, res: index.search({ query, limit: 25 }) }))
      .reduce((a, b) => (b.res.total > a.res.total ? b : a));
    const refined = facetQueries(widest.query, widest.res);
    expect(refined).toEqual([
      `${widest.query} site:${widest.res.facets.sites[0]!.value}`,
      `${widest.query} tag:${widest.res.facets.tags[0]!.value}`,
      `${widest.query} after:2020-01-01 before:2020-12-31`,
    ]);
    expect(asked).toEqual(
      Array.from({ length: WARM_PASSES }, () => [...queries, ...refined]).flat(),
    );
    const after = index.search({ query: '关系', limit: 5 });
    expect({ ...after, tookMs: 0 }).toEqual({ ...before, tookMs: 0 });
    await index.close();
  });

  it('waits for the index to be ready, and reads the titles then', async () => {
    let open!: () => void;
    const ready = new Promise<void>((resolve) => (open = resolve));
    const asked: string[] = [];
    let titles = ['天气'];
    const warmer = warmSearch({
      search: (req: SearchRequest) => (asked.push(req.query), EMPTY),
      titles: () => titles,
      ready,
      pause: immediate,
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(asked).toEqual([]);
    titles = ['下雨'];
    open();
    await warmer.done;
    expect(asked).toContain('下雨');
  });

  it('runs nothing more once stopped', async () => {
    const asked: string[] = [];
    let pauses = 0;
    const warmer = warmSearch({
      search: (req) => (asked.push(req.query), EMPTY),
      titles: () => ['天气'],
      pause: async () => {
        // Stopped while the first step waits for its turn.
        if (++pauses === 1) warmer.stop();
      },
    });
    await warmer.done;
    expect(pauses).toBe(1);
    expect(asked).toEqual([]);
  });

  it('swallows a failing search: warming is only an optimisation', async () => {
    const warmer = warmSearch({
      search: () => {
        throw new Error('closed');
      },
      titles: () => ['天气'],
      pause: immediate,
    });
    await expect(warmer.done).resolves.toBeUndefined();
  });
});
