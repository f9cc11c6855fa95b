import { describe, expect, it } from 'vitest';
import { IndexState } from '../../../electron/core/search/index-state';
import { facetTable, utcYear } from '../../../electron/core/search/facet-table';
import { docRecord } from './fake-library';

describe('utcYear', () => {
  it('agrees with Date around year ends, leap days and century rules, before 1970 too', () => {
    const times = [
      Date.UTC(1969, 11, 31, 23, 59, 59, 999),
      Date.UTC(1970, 0, 1),
      Date.UTC(1900, 1, 28),
      Date.UTC(2000, 1, 29, 12),
      Date.UTC(2023, 11, 31, 23, 59, 59, 999),
      Date.UTC(2024, 0, 1),
      Date.UTC(2100, 2, 1) - 1,
      Date.UTC(1600, 0, 1) - 1,
    ];
    // And every twelfth day over two centuries.
    for (let t = Date.UTC(1890, 0, 1); t < Date.UTC(2110, 0, 1); t += 12 * 86_400_000 + 3_600_000)
      times.push(t);
    for (const t of times) expect(utcYear(t)).toBe(new Date(t).getUTCFullYear());
  });
});

describe('facetTable', () => {
  it('gives each document its site, year and distinct tags as ids', () => {
    const state = new IndexState();
    const terms = { terms: [], tfs: new Uint16Array(0) };
    const add = (id: string, fields: Partial<ReturnType<typeof docRecord>>) =>
      state.add({ ...docRecord(id), ...fields }, terms);
    add('a', { siteName: 'BBC中文', publishedAt: Date.UTC(2021, 0, 1), tags: ['外交', '外交'] });
    add('b', { siteName: '', publishedAt: null, tags: [] });
    add('c', {
      siteName: 'BBC中文',
      publishedAt: Date.UTC(2020, 11, 31, 23),
      tags: ['外交', '香港'],
    });
    const t = facetTable(state);
    expect(t.site).toEqual([0, -1, 0]);
    expect(t.time).toEqual([Date.UTC(2021, 0, 1), NaN, Date.UTC(2020, 11, 31, 23)]);
    expect(t.year.map((y) => (y < 0 ? null : t.years[y]))).toEqual(['2021', null, '2020']);
    expect(t.tags.map((ids) => ids.map((g) => t.tagNames[g]))).toEqual([
      ['外交'],
      [],
      ['外交', '香港'],
    ]);
  });
});
