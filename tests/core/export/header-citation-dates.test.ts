import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CITATION_STYLES, type CitationStyle } from '../../../shared/api';
import { createHeaderCiter } from '../../../electron/core/export/header-citations';
import type { Article } from '../../../shared/model';
import { articleFromFile, citeproc, corpusDir, countingCiteproc, makeArticle } from './fixtures';

const devDir = path.join(corpusDir, 'dumps-dev');

// Every month with one- and two-digit days and month ends, a leap day, and year boundaries,
// some of them only in UTC (citations take dates in UTC).
const DAYS = [1, 9, 10, 28, 31, 30, 5, 31, 30, 2, 19, 31];
const DATES = [
  ...DAYS.map(
    (d, m) => `2021-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}T08:00:00Z`,
  ),
  '1999-12-31T23:59:59Z',
  '2000-01-01T00:00:00Z',
  '2009-12-31T22:30:00-02:00',
  '2020-02-29T12:00:00Z',
  '2024-12-31T23:30:00Z',
  '2025-01-01T01:00:00+03:00',
  '1000-01-01T00:00:00Z',
  '9999-12-31T00:00:00Z',
];
/** Date pairs: each date as a publication date, with an import date from elsewhere in the list
 * (and once without a publication date), so both dates see every month and boundary. */
const PAIRS: Array<[string | null, string]> = DATES.flatMap((d, i) => [
  [d, DATES[(i + 7) % DATES.length] as string],
  [i % 4 === 0 ? null : d, DATES[(i + 3) % DATES.length] as string],
]);

/** Articles of several forms (CJK and Latin names, none; quotes), in both header languages and
 * others. The first templates in every style. */
const FORMS: Article[] = [
  makeArticle({ title: '中国经济放缓', siteName: 'BBC中文', lang: 'zh-Hans', authors: ['斯影'] }),
  makeArticle({ title: '中國經濟', siteName: '端傳媒', lang: 'zh-Hant', authors: [] }),
  makeArticle({ title: '标题', lang: 'zh-Hans', authors: ['Richard Pérez-Peña', 'Ellen Barry'] }),
  makeArticle({ title: 'Growth slows', lang: 'en', authors: ['Hisako Ueno'] }),
  makeArticle({ title: 'Growth slows', siteName: 'Reuters', lang: 'fr', authors: ['Reuters'] }),
  makeArticle({ title: '韩国“N号房”事件', siteName: '法广', lang: 'zh-Hans', authors: ['李文'] }),
];

function counting(style: CitationStyle) {
  const counter = countingCiteproc();
  return { cite: createHeaderCiter(() => style, counter.render), calls: () => counter.calls };
}

describe.each(CITATION_STYLES)('header citations with date templates, %s', (style) => {
  it('equal citeproc output on every date pair', () => {
    const { cite } = counting(style);
    for (const [f, form] of FORMS.entries()) {
      for (const [i, [publishedAt, importedAt]] of PAIRS.entries()) {
        const a = { ...form, title: `${form.title}${i}`, publishedAt, importedAt };
        expect(cite(a), `form ${f}, ${publishedAt} ${importedAt}`).toBe(citeproc(a, style));
      }
    }
  });

  it('cite a new date of a seen form without citeproc', () => {
    const { cite, calls } = counting(style);
    const form = FORMS[0] as Article;
    for (const [i, [publishedAt, importedAt]] of PAIRS.entries()) {
      const a = {
        ...form,
        title: `${form.title}${i}`,
        publishedAt: publishedAt ?? form.publishedAt,
      };
      expect(cite({ ...a, importedAt })).toBe(citeproc({ ...a, importedAt }, style));
    }
    // The first article and its twin with probe dates; every later date is filled in.
    expect(calls()).toBe(2);
  });

  it.skipIf(!existsSync(devDir))('equal citeproc output for every dev dump on many dates', () => {
    const files = readdirSync(devDir).filter((f) => f.endsWith('.txt'));
    const { cite } = counting(style);
    for (const [k, file] of files.entries()) {
      const base = articleFromFile(path.join(devDir, file));
      for (let j = 0; j < 3; j++) {
        const [publishedAt, importedAt] = PAIRS[(k * 3 + j) % PAIRS.length] as [
          string | null,
          string,
        ];
        // A dump without a date keeps none.
        const a = { ...base, publishedAt: base.publishedAt && publishedAt, importedAt };
        expect(cite(a), `${file} ${publishedAt} ${importedAt}`).toBe(citeproc(a, style));
      }
    }
  });
});
