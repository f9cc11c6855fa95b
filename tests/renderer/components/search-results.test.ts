// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchHit, SearchResponse } from '../../../shared/api';
import {
  SearchResults,
  type SearchResultsProps,
} from '../../../renderer/src/components/SearchResults';
import { FIRST_HITS } from '../../../renderer/src/components/use-progressive-hits';
import { EMPTY_SELECTION } from '../../../renderer/src/lib/selection';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function response(n: number, from = 0, tag = 'q'): SearchResponse {
  const hits: SearchHit[] = Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      id: `${tag}${i}`,
      title: `关于经济的新闻 ${i}`,
      siteName: 'BBC中文',
      publishedAt: '2024-01-02T00:00:00Z',
      score: 1,
      snippet: `这是一段关于经济的摘要 ${i}`,
      highlights: [[6, 8]],
      titleHighlights: [[2, 4]],
    };
  });
  return { total: 60, hits, facets: { tags: [], sites: [], years: [] }, tookMs: 1 };
}

describe('SearchResults', () => {
  let host: HTMLDivElement;
  let root: Root;
  let frames: FrameRequestCallback[];
  const props = (r: SearchResponse, query = '经济'): SearchResultsProps => ({
    query,
    response: r,
    error: null,
    selection: EMPTY_SELECTION,
    onRowClick: () => undefined,
    onKeyDown: () => undefined,
    onFacet: () => undefined,
    onMore: () => undefined,
    loadingMore: false,
  });
  const render = (p: SearchResultsProps) => act(() => root.render(createElement(SearchResults, p)));
  const hits = () => host.querySelectorAll('[data-testid="search-hit"]').length;
  /** Runs the pending animation frames, then the task posted from them. */
  const paint = async () => {
    const run = frames.splice(0);
    await act(async () => {
      for (const f of run) f(0);
      await new Promise((r) => setTimeout(r, 20));
    });
  };

  beforeEach(() => {
    frames = [];
    window.requestAnimationFrame = (cb) => frames.push(cb);
    window.cancelAnimationFrame = () => undefined;
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });

  it('draws a screenful of a new answer first and the rest once that frame is painted', async () => {
    await render(props(response(25)));
    expect(hits()).toBe(FIRST_HITS);
    await paint();
    expect(hits()).toBe(25);
    // The next answer starts with a screenful again.
    await render(props(response(25, 0, 'r'), '经济学'));
    expect(hits()).toBe(FIRST_HITS);
    await paint();
    expect(hits()).toBe(25);
  });

  it('draws more hits of the same answer at once', async () => {
    const first = response(25);
    await render(props(first));
    await paint();
    const more = { ...first, hits: [...first.hits, ...response(25, 25).hits] };
    await render(props(more));
    expect(hits()).toBe(50);
  });

  it('marks highlights and leaves the rest as bare text', async () => {
    await render(props(response(1)));
    const title = host.querySelector('.row-title')!;
    expect(title.innerHTML).toBe('关于<mark>经济</mark>的新闻 0');
    expect(host.querySelector('.hit-snippet')!.innerHTML).toBe(
      '这是一段关于<mark>经济</mark>的摘要 0',
    );
  });
});
