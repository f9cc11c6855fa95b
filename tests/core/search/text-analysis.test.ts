import { describe, expect, it } from 'vitest';
import { buildDoc } from '../../../electron/core/search/article-doc';
import type { DocTerms } from '../../../electron/core/search/index-state';
import { analyseText, createAnalysisCache } from '../../../electron/core/search/text-analysis';
import { hasCorpus, loadDumpArticles, loadWebArticles, makeArticle } from './fake-library';

const samples = () => [
  makeArticle({
    id: 'a',
    title: '中俄关系',
    text: '普京与習近平会面，讨论两国关系。Ｆｕｌｌ width.',
  }),
  makeArticle({ id: 'b', text: '', notes: null }),
  makeArticle({ id: 'c', text: 'plain lower case text', lang: 'en' }),
  ...(hasCorpus ? [...loadDumpArticles().slice(0, 20), ...loadWebArticles(10)] : []),
];

/** Term → counts per field, for comparing term tables whatever their order. */
const table = (d: DocTerms) =>
  new Map(d.terms.map((t, i) => [t, Array.from(d.tfs.subarray(i * 4, i * 4 + 4))]));

describe('text analysis', () => {
  it('indexes an article exactly as analysing it in place would', () => {
    for (const a of samples()) {
      const before = buildDoc(a);
      const after = buildDoc(a, analyseText(a.text));
      expect(after.rec).toEqual(before.rec);
      expect(after.matchForm).toBe(before.matchForm);
      expect(after.stored).toBe(before.stored);
      expect(table(after.terms)).toEqual(table(before.terms));
    }
  });

  it('gives a term found in several fields one row with a count per field', () => {
    const a = makeArticle({ id: 'm', title: '关系', text: '关系，关系。', tags: ['关系'] });
    for (const doc of [buildDoc(a), buildDoc(a, analyseText(a.text))]) {
      expect(table(doc.terms).get('关系')).toEqual([1, 2, 0, 1]);
      expect(doc.terms.terms.filter((t) => t === '关系')).toHaveLength(1);
    }
  });

  it('keeps the notes of an article analysed from its body only', () => {
    const a = makeArticle({
      id: 'n',
      text: '正文',
      notes: {
        markdown: '笔记 Note',
        createdAt: '2024-01-01T00:00:00.000Z',
        updatedAt: '2024-01-01T00:00:00.000Z',
      },
    });
    const doc = buildDoc(a, analyseText(a.text));
    expect(table(doc.terms).get('笔记')).toEqual([0, 0, 1, 0]);
    expect(doc.matchForm).toBe(buildDoc(a).matchForm);
  });
});

describe('analysis cache', () => {
  it('hands an analysis out once, for the same text only', () => {
    const cache = createAnalysisCache();
    const a = analyseText('同一段文字');
    cache.put('同一段文字', a);
    expect(cache.take('另一段文字')).toBeUndefined();
    expect(cache.take(['同一段', '文字'].join(''))).toBe(a);
    expect(cache.take('同一段文字')).toBeUndefined();
  });

  it('drops the oldest entries beyond its limit', () => {
    const cache = createAnalysisCache(2);
    for (const t of ['一', '二', '三']) cache.put(t, analyseText(t));
    expect(cache.take('一')).toBeUndefined();
    expect(cache.take('二')).toBeDefined();
    expect(cache.take('三')).toBeDefined();
  });
});
