import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  isoDate,
  splitAuthors,
  stripSiteName,
} from '../../../../electron/core/parse/web/meta-values';

describe('metadata values', () => {
  it('strips a site name from either end and keeps inner punctuation', () => {
    expect(stripSiteName('Brexit: what next? | BBC News', 'BBC News', [])).toBe(
      'Brexit: what next?',
    );
    expect(stripSiteName('BBC中文 - 北京降雪', 'BBC中文', [])).toBe('北京降雪');
    expect(stripSiteName('北京降雪_新闻_新浪网', '新浪网', [])).toBe('北京降雪_新闻');
    expect(stripSiteName('A - B', '', ['A - B'])).toBe('A - B');
  });

  it('reads dates, treating a zone-less time as UTC and rejecting placeholders', () => {
    expect(isoDate('2019-11-20')).toBe('2019-11-20T00:00:00.000Z');
    expect(isoDate('2019-11-20 08:30:00')).toBe('2019-11-20T08:30:00.000Z');
    expect(isoDate('2019-11-20T08:30:00+08:00')).toBe('2019-11-20T00:30:00.000Z');
    expect(isoDate('1574238600')).toBe('2019-11-20T08:30:00.000Z');
    expect(isoDate('0001-01-01T00:00:00')).toBeNull();
    expect(isoDate('not a date')).toBeNull();
  });

  it('splits author lists and drops roles, credentials and dates', () => {
    expect(splitAuthors('By Tom Krisher, AP Auto Writer')).toEqual(['Tom Krisher']);
    expect(splitAuthors('Ilana Muhlstein, MS, RDN')).toEqual(['Ilana Muhlstein']);
    expect(splitAuthors('Jane Doe and John Roe')).toEqual(['Jane Doe', 'John Roe']);
    expect(splitAuthors('Detroit News wire services Published 11:30 p.m. Nov. 19, 2019')).toEqual([
      'Detroit News wire services',
    ]);
  });

  it('resolves relative URLs and refuses non-http schemes', () => {
    expect(absoluteUrl('/a', 'https://x.org/b/c')).toBe('https://x.org/a');
    expect(absoluteUrl('javascript:alert(1)', 'https://x.org/')).toBeNull();
    expect(absoluteUrl('/a', null)).toBeNull();
  });
});
