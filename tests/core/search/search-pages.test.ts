import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Evaluate from '../../../electron/core/search/evaluate';
import { openSearchIndex } from '../../../electron/core/search/open-search-index';
import { FakeLibrary, makeArticle } from './fake-library';

// Counts evaluations, so a test can tell a page cut from a kept evaluation from one re-run.
const evaluations = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../electron/core/search/evaluate', async (original) => {
  const mod = await original<typeof Evaluate>();
  return {
    ...mod,
    evaluate: (...args: Parameters<typeof mod.evaluate>) => {
      evaluations.count++;
      return mod.evaluate(...args);
    },
  };
});

const articles = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) =>
    makeArticle({
      id: `a${from + i}`,
      title: `第${from + i}篇`,
      text: `美国总统今天讲话。${'天气'.repeat(i % 7)}`,
      publishedAt: new Date(Date.UTC(2020, 0, 1 + from + i)).toISOString(),
    }),
  );

describe('search pages', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-pages-'));
    evaluations.count = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('cuts the next page of a query from the evaluation of the one before', async () => {
    const lib = new FakeLibrary(dir, articles(30));
    const index = await openSearchIndex({ dir, library: lib.asLibrary() });
    const pages = [0, 10, 20].map((offset) =>
      index.search({ query: '美国总统', limit: 10, offset }),
    );
    // The first page ranked only its ten; the later ones ranked deeper into the same matches.
    expect(evaluations.count).toBe(1);
    index.search({ query: '美国总统', limit: 5, offset: 3 });
    expect(evaluations.count).toBe(1);
    // Another query in between: the whole list is evaluated afresh, and the pages are its parts.
    index.search({ query: '天气' });
    const all = index.search({ query: '美国总统', limit: 30 });
    expect(evaluations.count).toBe(3);
    expect(pages.flatMap((p) => p.hits)).toEqual(all.hits);
    expect(pages.map((p) => p.total)).toEqual([30, 30, 30]);
    expect(pages[2]!.facets).toEqual(all.facets);
    await index.close();
  });

  it('evaluates again after any change to the index, or for another query', async () => {
    const lib = new FakeLibrary(dir, articles(12));
    const index = await openSearchIndex({ dir, library: lib.asLibrary() });
    const total = (offset = 0) => index.search({ query: '美国总统', limit: 50, offset }).total;
    expect(total()).toBe(12);
    const before = evaluations.count;
    // A kept evaluation would still count 12, then 15.
    lib.put(...articles(3, 12));
    await index.flush();
    expect(total()).toBe(15);
    lib.delete('a0', 'a1');
    await index.flush();
    expect(total(10)).toBe(13);
    expect(evaluations.count).toBe(before + 2);
    expect(index.search({ query: '天气', limit: 50 }).total).toBeGreaterThan(0);
    expect(evaluations.count).toBe(before + 3);
    await index.close();
  });
});
