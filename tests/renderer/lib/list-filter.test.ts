import { describe, expect, it } from 'vitest';
import {
  countPublications,
  countViews,
  filterSummaries,
  sortSummaries,
} from '../../../renderer/src/lib/list-filter';
import { summary } from './summary-fixture';

const now = new Date('2026-11-26T00:00:00.000Z');
const items = [
  summary('a', { tags: ['x'], siteName: 'BBC中文', importedAt: '2026-11-27T00:00:00.000Z' }),
  summary('b', { siteName: '德国之声', importedAt: '2026-01-01T00:00:00.000Z' }),
  summary('c', { tags: ['x', 'y'], deletedAt: '2026-11-01T00:00:00.000Z' }),
  summary('d', { tags: ['y'], siteName: '德国之声' }),
];
const ids = (xs: { id: string }[]): string[] => xs.map((x) => x.id);

describe('filterSummaries', () => {
  it('all excludes trash; trash shows only trash', () => {
    expect(ids(filterSummaries(items, { view: 'all' }, now))).toEqual(['a', 'b', 'd']);
    expect(ids(filterSummaries(items, { view: 'trash' }, now))).toEqual(['c']);
  });
  it('untagged and recent views', () => {
    expect(ids(filterSummaries(items, { view: 'untagged' }, now))).toEqual(['b']);
    expect(ids(filterSummaries(items, { view: 'recent' }, now))).toEqual(['a', 'd']);
  });
  it('narrows by tag and publication', () => {
    expect(ids(filterSummaries(items, { view: 'all', tag: 'y' }, now))).toEqual(['d']);
    expect(ids(filterSummaries(items, { view: 'all', siteName: '德国之声' }, now))).toEqual([
      'b',
      'd',
    ]);
  });
});

describe('sortSummaries', () => {
  const list = [
    summary('1', { title: 'Banana', publishedAt: '2021-01-01', siteName: 'b' }),
    summary('2', { title: 'apple', publishedAt: null, siteName: 'a' }),
    summary('3', { title: 'Cherry', publishedAt: '2019-05-05', siteName: 'a' }),
  ];
  it('sorts by date with undated last when descending', () => {
    expect(ids(sortSummaries(list, 'date', 'desc'))).toEqual(['1', '3', '2']);
    expect(ids(sortSummaries(list, 'date', 'asc'))).toEqual(['2', '3', '1']);
  });
  it('sorts titles case-insensitively and breaks ties by newest date', () => {
    expect(ids(sortSummaries(list, 'title', 'asc'))).toEqual(['2', '1', '3']);
    expect(ids(sortSummaries(list, 'siteName', 'asc'))).toEqual(['3', '2', '1']);
  });
  it('does not mutate its input', () => {
    const copy = [...list];
    sortSummaries(list, 'title', 'desc');
    expect(list).toEqual(copy);
  });
});

describe('countPublications', () => {
  it('counts live articles per publication, largest first', () => {
    expect(countPublications(items)).toEqual([
      { value: '德国之声', count: 2 },
      { value: 'BBC中文', count: 1 },
    ]);
  });
});

describe('countViews', () => {
  it('counts every sidebar view in one pass, the same as filtering', () => {
    const rows = [
      summary('a', { tags: ['x'], importedAt: '2026-11-27T00:00:00.000Z' }),
      summary('b', { importedAt: '2026-01-01T00:00:00.000Z' }),
      summary('c', { deletedAt: '2026-11-01T00:00:00.000Z' }),
      summary('d', { importedAt: '2026-11-26T00:00:00.000Z' }),
    ];
    const now = new Date('2026-11-28T00:00:00.000Z');
    const counts = countViews(rows, now);
    expect(counts).toEqual({ all: 3, recent: 2, untagged: 2, trash: 1 });
    for (const view of ['all', 'recent', 'untagged', 'trash'] as const)
      expect(counts[view]).toBe(filterSummaries(rows, { view }, now).length);
  });
});
