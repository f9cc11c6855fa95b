import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/model';
import type { SearchIndex } from '../../../electron/core/ports';
import { foldPhrase } from '../../../electron/core/search/fold';
import { openSearchIndex } from '../../../electron/core/search/open-search-index';
import { buildHanClasses } from './han-classes-gen';
import { HAN_CLASSES } from '../../../electron/core/search/han-classes';
import {
  FakeLibrary,
  hasCorpus,
  loadDumpArticles,
  loadWebArticles,
  traditionalCopy,
} from './fake-library';
import { drawRecallQueries } from './recall-queries';

/** The linear scan: articles whose folded title or text holds each part of the query. */
function scanner(articles: Article[]): (query: string) => string[] {
  const folded = articles.map((a) => ({
    id: a.id,
    t: `${foldPhrase(a.title)}\u0000${foldPhrase(a.text)}`,
  }));
  return (query) => {
    const phrase = query.startsWith('"');
    const needles = phrase ? [foldPhrase(query.slice(1, -1))] : query.split(/\s+/).map(foldPhrase);
    return folded.filter(({ t }) => needles.every((n) => t.includes(n))).map((d) => d.id);
  };
}

describe('Han variant classes', () => {
  it('are current with opencc-js (regenerate with han-classes-gen.ts)', async () => {
    expect(HAN_CLASSES).toEqual(await buildHanClasses());
  });
});

describe.skipIf(!hasCorpus)('recall of queries drawn from the dev corpus', () => {
  let dir: string;
  let index: SearchIndex;
  let articles: Article[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-recall-'));
    const dumps = loadDumpArticles();
    const trad = dumps.filter((_, i) => i % 5 === 0).map((a, i) => traditionalCopy(a, `t-${i}`));
    articles = [...dumps, ...trad, ...loadWebArticles()];
    index = await openSearchIndex({ dir, library: new FakeLibrary(dir, articles).asLibrary() });
  });
  afterAll(async () => {
    await index?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the source article of every drawn query, in every script', () => {
    const queries = drawRecallQueries(articles, 120);
    expect(queries.length).toBeGreaterThan(700);
    const misses = queries
      .filter((q) => !index.matchIds(q.query).includes(q.source))
      .map((q) => `${q.cls}/${q.script}: ${q.query} (${q.source})`);
    expect(misses).toEqual([]);
  });

  it('finds every article the linear scan finds', () => {
    const misses: string[] = [];
    const scan = scanner(articles);
    for (const q of drawRecallQueries(articles, 40, 11)) {
      const got = new Set(index.matchIds(q.query));
      for (const id of scan(q.query)) if (!got.has(id)) misses.push(`${q.query} → ${id}`);
    }
    expect(misses).toEqual([]);
  });
});
