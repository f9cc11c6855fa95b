import { describe, expect, it } from 'vitest';
import {
  decodeListRows,
  encodeListRows,
  encodeNewestFirst,
  type ListRow,
} from '../../shared/list-rows';
import type { ArticleSummary } from '../../shared/model';
import { toSummary } from '../../shared/summary';

const row = (id: string, over: Partial<ListRow> = {}): ListRow => ({
  id,
  title: `标题 ${id}`,
  siteName: 'BBC中文',
  publishedAt: '2020-05-01T08:30:00.123Z',
  importedAt: '2026-11-20T00:00:00.000Z',
  lang: 'zh-Hans',
  tags: [],
  hasNotes: false,
  notePreview: '',
  deletedAt: null,
  ...over,
});

describe('list rows encoding', () => {
  it('round-trips every field a row shows, in order', () => {
    const rows = [
      row('a', { tags: ['香港', 'read-later'], hasNotes: true, notePreview: '要点' }),
      row('b', { publishedAt: null, siteName: '德国之声', lang: 'en' }),
      row('c', { deletedAt: '2026-11-21T10:00:00.000Z', tags: ['香港'] }),
      row('d', { publishedAt: '1965-03-01T00:00:00.000Z' }),
    ];
    expect(decodeListRows(encodeListRows(rows))).toEqual(rows);
  });

  it('codes repeated strings once and keeps sparse columns sparse', () => {
    const rows = Array.from({ length: 100 }, (_, i) =>
      row(`r${i}`, {
        tags: i % 2 ? ['香港'] : [],
        hasNotes: i === 7,
        notePreview: i === 7 ? 'n' : '',
      }),
    );
    const cols = encodeListRows(rows);
    expect(cols.dict.filter((w) => w === 'BBC中文')).toHaveLength(1);
    expect(cols.dict.filter((w) => w === '香港')).toHaveLength(1);
    expect(cols.notes).toEqual([[7, 'n']]);
    expect(cols.deleted).toEqual([]);
  });

  it('is much smaller than the summaries it replaces', () => {
    const summaries: ArticleSummary[] = Array.from({ length: 500 }, (_, i) => toSummaryLike(i));
    const full = JSON.stringify(summaries).length;
    const lean = JSON.stringify(encodeListRows(summaries)).length;
    expect(lean).toBeLessThan(full / 2);
  });

  it('decodes an empty list', () => {
    expect(decodeListRows(encodeListRows([]))).toEqual([]);
  });
});

function toSummaryLike(i: number): ArticleSummary {
  return toSummary({
    id: `${i.toString(16).padStart(16, '0')}`,
    title: `【中国】一个正常的社会不能只有一种声音 #${i}`,
    url: `https://chinadigitaltimes.net/chinese/2020/07/%e3%80%90%e4%b8%ad%e5%9b%bd/?v=${i}`,
    siteName: '中国数字时代',
    authors: ['王五'],
    publishedAt: '2020-07-26T00:00:00.000Z',
    byline: '',
    lang: 'zh-Hans',
    excerpt: '',
    images: [],
    tags: [],
    wordCount: 100,
    importedAt: '2026-11-20T00:00:00.000Z',
    updatedAt: '2026-11-20T00:00:00.000Z',
    source: { fileName: 'a.txt', sha256: 'x', bytes: 1, format: 'dump', encoding: 'utf-8' },
    parsed: {
      title: '',
      url: '',
      siteName: '',
      authors: [],
      publishedAt: null,
    },
    notes: null,
    deletedAt: null,
    previousVersionId: null,
  });
}

describe('encodeNewestFirst', () => {
  it('orders by publication (undated last), then newest import, then id', () => {
    const rows = [
      row('u', { publishedAt: null }),
      row('old', { publishedAt: '2001-01-01T00:00:00.000Z' }),
      row('b', { publishedAt: '2020-01-01T00:00:00.000Z' }),
      row('a', { publishedAt: '2020-01-01T00:00:00.000Z' }),
      row('new-import', {
        publishedAt: '2020-01-01T00:00:00.000Z',
        importedAt: '2026-11-27T00:00:00.000Z',
      }),
      row('newest', { publishedAt: '2024-06-01T00:00:00.000Z' }),
    ];
    expect(encodeNewestFirst(rows).ids).toEqual(['newest', 'new-import', 'a', 'b', 'old', 'u']);
  });
});
