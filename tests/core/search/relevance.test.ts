import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/model';
import type { SearchIndex } from '../../../electron/core/ports';
import { openSearchIndex } from '../../../electron/core/search/open-search-index';
import {
  FakeLibrary,
  hasCorpus,
  loadDumpArticles,
  loadWebArticles,
  makeArticle,
  traditionalCopy,
} from './fake-library';

/** Hand-written articles for cases the dev corpus does not contain. */
function extraArticles(): Article[] {
  return [
    makeArticle({
      id: 'x-sco',
      title: '峰会前瞻',
      text: '上海合作组织峰会将于下月举行，成员国领导人将出席。',
      publishedAt: '2022-09-10T00:00:00.000Z',
      tags: ['外交'],
    }),
    makeArticle({
      id: 'x-sco-t',
      title: '峰會',
      text: '上海合作組織成員國將舉行聯合演習。',
      lang: 'zh-Hant',
      publishedAt: '2022-08-10T00:00:00.000Z',
    }),
    makeArticle({
      id: 'x-break',
      title: '上海一周',
      text: '代表团今天抵达上海。合作组织方面表示欢迎。',
      publishedAt: '2022-09-11T00:00:00.000Z',
    }),
    makeArticle({
      id: 'x-nlp',
      title: 'AI 新闻',
      text: '研究人员在自然语言processing领域取得进展。',
      publishedAt: '2023-01-05T00:00:00.000Z',
    }),
    makeArticle({
      id: 'x-note',
      title: '无关的标题',
      text: '正文没有提到那个词。',
      notes: { markdown: '读者笔记：值得再读的独家分析', createdAt: '', updatedAt: '' },
    }),
    makeArticle({
      id: 'x-trash',
      title: '普京访问',
      text: '普京今天访问。',
      deletedAt: '2024-02-02T00:00:00.000Z',
    }),
  ];
}

const docsContaining = (arts: Article[], re: RegExp) =>
  arts.filter((a) => re.test(`${a.title}\n${a.text}`) && a.deletedAt === null).map((a) => a.id);

describe.skipIf(!hasCorpus)('search relevance on the dev corpus', () => {
  let dir: string;
  let index: SearchIndex;
  let articles: Article[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-search-'));
    const dumps = loadDumpArticles();
    // Traditional copies of every article mentioning 关系 or 习近平 (the corpus has none).
    const trad = dumps
      .filter((a) => /关系|习近平/.test(a.text))
      .slice(0, 6)
      .map((a, i) => traditionalCopy(a, `trad-${i}`));
    articles = [...dumps, ...trad, ...loadWebArticles(40), ...extraArticles()];
    const lib = new FakeLibrary(dir, articles);
    index = await openSearchIndex({ dir, library: lib.asLibrary() });
  });
  afterAll(async () => {
    await index?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ids = (q: string) => index.matchIds(q).sort();

  it('关系 finds Traditional 關係 and the reverse', () => {
    const judged = docsContaining(articles, /关系|關係|关係/).sort();
    expect(judged.some((id) => id.startsWith('trad-'))).toBe(true);
    expect(ids('关系')).toEqual(judged);
    expect(ids('關係')).toEqual(judged);
  });

  it('習近平 finds 习近平', () => {
    const judged = docsContaining(articles, /习近平|習近平/).sort();
    expect(judged.length).toBeGreaterThan(5);
    expect(ids('習近平')).toEqual(judged);
    expect(ids('习近平')).toEqual(judged);
  });

  it('普京 finds every Putin article (100% recall), trash excluded', () => {
    const judged = docsContaining(articles, /普京|普丁|Putin/i);
    const got = new Set(index.matchIds('普京 OR 普丁 OR Putin'));
    expect(judged.length).toBeGreaterThan(0);
    for (const id of judged) expect(got.has(id)).toBe(true);
    expect(got.has('x-trash')).toBe(false);
    for (const id of docsContaining(articles, /普京/)) expect(index.matchIds('普京')).toContain(id);
  });

  it('a phrase matches only contiguous text, never across a sentence break', () => {
    expect(ids('"上海合作组织"')).toEqual(['x-sco', 'x-sco-t']);
    expect(ids('"上海合作組織"')).toEqual(['x-sco', 'x-sco-t']);
    expect(ids('"上海合作"')).toEqual(['x-sco', 'x-sco-t']);
    expect(ids('"合作组织"')).toEqual(['x-break', 'x-sco', 'x-sco-t']);
    expect(index.matchIds('上海 合作')).toContain('x-break');
  });

  it('tag, site and date filters narrow the results', () => {
    const bbc = articles.filter((a) => a.siteName === 'BBC').map((a) => a.id);
    const got = index.matchIds('site:BBC 中国');
    expect(got.length).toBeGreaterThan(0);
    for (const id of got) expect(bbc).toContain(id);
    expect(ids('tag:外交')).toEqual(['x-sco']);
    expect(ids('上海 after:2022-09-11')).toEqual(['x-break']);
    expect(ids('上海 before:2022-09-11 after:2022-09-01')).toEqual(['x-sco']);
    expect(ids('"上海合作" lang:zh-Hant')).toEqual(['x-sco-t']);
    expect(index.matchIds('上海 -tag:外交')).not.toContain('x-sco');
  });

  it('mixed-script queries split into runs', () => {
    expect(ids('自然语言processing')).toEqual(['x-nlp']);
    expect(ids('自然語言 PROCESSING')).toEqual(['x-nlp']);
  });

  it('English words match inside words, by stem, and fold case', () => {
    // Like an editor's find box: "election" is also found in "reelection"; "elections" also finds
    // articles that only say "election" (stem).
    const judged = docsContaining(articles, /election/i).sort();
    expect(judged.length).toBeGreaterThan(1);
    expect(ids('Election')).toEqual(judged);
    expect(ids('elections')).toEqual(docsContaining(articles, /elections|\belection\b/i).sort());
    const part = docsContaining(articles, /lectio/i).sort();
    expect(ids('LECTIO')).toEqual(part);
    // A word edge typed in the query is kept: "election," needs a word ending in "election".
    const ending = docsContaining(articles, /election\b/i).sort();
    expect(ids('"election,"')).toEqual(docsContaining(articles, /election,/i).sort());
    expect(ending.length).toBeGreaterThan(0);
  });

  it('one-character queries work', () => {
    const judged = docsContaining(articles, /[鲜鮮]/).sort();
    expect(ids('鲜')).toEqual(judged);
  });

  it('in:notes searches the notes; in:title the titles', () => {
    expect(ids('独家 in:notes')).toEqual(['x-note']);
    expect(index.matchIds('独家 in:title')).not.toContain('x-note');
    const res = index.search({ query: '独家', limit: 5 });
    const hit = res.hits.find((h) => h.id === 'x-note');
    expect(hit?.snippet).toContain('独家');
  });

  it('hits carry snippets with highlights in the original script', () => {
    const res = index.search({ query: '關係', limit: 50 });
    expect(res.total).toBeGreaterThan(0);
    for (const h of res.hits) {
      const marked = [
        ...h.highlights.map(([a, b]) => h.snippet.slice(a, b)),
        ...h.titleHighlights.map(([a, b]) => h.title.slice(a, b)),
      ];
      expect(marked.length).toBeGreaterThan(0);
      for (const m of marked) expect(['关系', '關係', '关係']).toContain(m);
    }
    const trad = res.hits.find((h) => h.id.startsWith('trad-'));
    expect(trad?.snippet).toContain('關係');
  });

  it('title hits rank first and facets count every match', () => {
    const res = index.search({ query: '峰会', limit: 3 });
    expect(res.hits[0]?.id).toBe('x-sco');
    expect(res.hits[0]?.titleHighlights).toEqual([[0, 2]]);
    const siteTotal = res.facets.sites.reduce((n, f) => n + f.count, 0);
    expect(siteTotal).toBe(res.total);
  });
});
