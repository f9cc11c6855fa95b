// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../shared/api';
import {
  FIRST_HITS,
  useProgressiveHits,
} from '../../../renderer/src/components/use-progressive-hits';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function hits(n: number, from = 0, tag = 'q'): SearchHit[] {
  return Array.from({ length: n }, (_, k) => ({
    id: `${tag}${from + k}`,
    title: `关于经济的新闻 ${from + k}`,
    siteName: 'BBC中文',
    publishedAt: null,
    score: 1,
    snippet: '',
    highlights: [],
    titleHighlights: [],
  }));
}

/** Shows how many hits the hook draws, as SearchResults does. */
function Probe({ list, scrolled }: { list: SearchHit[]; scrolled: boolean }) {
  return createElement('output', null, String(useProgressiveHits(list, scrolled)));
}

describe('useProgressiveHits', () => {
  let host: HTMLDivElement;
  let root: Root;
  let frames: FrameRequestCallback[];
  const render = (list: SearchHit[], scrolled = false) =>
    act(() => root.render(createElement(Probe, { list, scrolled })));
  const drawn = () => Number(host.textContent);
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
    root = createRoot(host);
  });
  afterEach(() => act(() => root.unmount()));

  it('draws a screenful of a new answer first and the rest once that frame is painted', async () => {
    await render([]);
    await render(hits(25));
    expect(drawn()).toBe(FIRST_HITS);
    await paint();
    expect(drawn()).toBe(25);
    // The next answer starts with a screenful again.
    await render(hits(25, 0, 'r'));
    expect(drawn()).toBe(FIRST_HITS);
    await paint();
    expect(drawn()).toBe(25);
  });

  it('draws more hits of the same answer at once', async () => {
    const first = hits(25);
    await render(first);
    await paint();
    await render([...first, ...hits(25, 25)]);
    expect(drawn()).toBe(50);
  });

  it('draws a new answer whole when the list is scrolled down', async () => {
    await render(hits(25));
    await paint();
    await render(hits(25, 0, 'r'), true);
    expect(drawn()).toBe(25);
  });

  it('draws a short answer whole', async () => {
    await render(hits(3));
    expect(drawn()).toBe(3);
  });
});
