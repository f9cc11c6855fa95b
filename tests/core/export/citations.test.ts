import { describe, expect, it } from 'vitest';
import { formatCitations } from '../../../electron/core/export/citations';
import { articleToCsl, toCslName } from '../../../electron/core/export/csl-data';
import { makeArticle, seedArticle } from './fixtures';

const TITLE = '习近平疫情后首次外访并与普京会面 为第三任期传递哪些外交信号';
const URL = 'https://www.bbc.com/zhongwen/simp/world-62912357';

describe('CSL-JSON mapping', () => {
  it('maps an article to article-newspaper with dates, container and URL', () => {
    const csl = articleToCsl(seedArticle());
    expect(csl).toMatchObject({
      type: 'article-newspaper',
      title: TITLE,
      'container-title': 'BBC中文',
      author: [{ literal: '斯影' }],
      issued: { 'date-parts': [[2022, 9, 16]] },
      accessed: { 'date-parts': [[2026, 11, 28]] },
      URL,
      language: 'zh-Hans',
    });
  });

  it('collapses layout whitespace in the title and publication', () => {
    const csl = articleToCsl({
      ...seedArticle(),
      title: '挑战特斯拉  凯迪拉克发表首款电动车 \n',
      siteName: ' 法国国际广播电台 ',
    });
    expect(csl.title).toBe('挑战特斯拉 凯迪拉克发表首款电动车');
    expect(csl['container-title']).toBe('法国国际广播电台');
  });

  it('keeps CJK names whole and splits Latin ones into family and given', () => {
    expect(toCslName('欧阳 修')).toEqual({ literal: '欧阳 修' });
    expect(toCslName('Jane Q. Doe')).toEqual({ family: 'Doe', given: 'Jane Q.' });
    expect(toCslName('Doe, Jane')).toEqual({ family: 'Doe', given: 'Jane' });
    expect(toCslName('Reuters')).toEqual({ literal: 'Reuters' });
  });
});

describe('citations of the seed', () => {
  const seed = seedArticle();

  it('APA 7: Author. (Year, Month Day). Title. Publication. URL', () => {
    // APA 7 §9.44 newspaper online: author, (date), title in plain sentence case (not italic,
    // no quotes), the publication in italics, the URL without a final period.
    expect(formatCitations([seed], 'apa', 'text')).toBe(
      `斯影. (2022, September 16). ${TITLE}. BBC中文. ${URL}`,
    );
    expect(formatCitations([seed], 'apa', 'html')).toContain('<i>BBC中文</i>');
  });

  it('MLA 9: Author. "Title." Container, Day Mon. Year, URL.', () => {
    // MLA 9 containers: the title in quotation marks with the period inside, the newspaper
    // (container) then the date in day-month-year with abbreviated month, the URL last.
    expect(formatCitations([seed], 'mla', 'text')).toBe(
      `斯影. “${TITLE}.” BBC中文, 16 Sept. 2022, ${URL}.`,
    );
  });

  it('Chicago author-date: Author. Year. "Title." Paper, Month Day, Year. URL.', () => {
    // CMOS 17 §15.47: year after the author, then the full date after the newspaper name.
    expect(formatCitations([seed], 'chicago-author-date', 'text')).toBe(
      `斯影. 2022. “${TITLE}.” BBC中文, September 16, 2022. ${URL}.`,
    );
  });

  it('Chicago notes: a full first note, commas between elements', () => {
    // CMOS 17 §14.191 note form: Author, "Title," Paper, Month Day, Year, URL.
    expect(formatCitations([seed], 'chicago-notes', 'text')).toBe(
      `斯影, “${TITLE},” BBC中文, September 16, 2022, ${URL}.`,
    );
  });

  it('GB/T 7714-2015 numeric: [N/OL], publication date then [access date]', () => {
    // GB/T 7714-2015 §4.4 / 8.x: newspaper article online is type [N/OL]; the publication date
    // is followed by the citation (access) date in brackets, then the URL. The author name
    // stays whole ("斯影", never "斯, 影" or "YING S").
    expect(formatCitations([seed], 'gb-t-7714-numeric', 'text')).toBe(
      `[1] 斯影. ${TITLE}[N/OL]. BBC中文, 2022-09-16[2026-11-28]. ${URL}.`,
    );
  });

  it('GB/T 7714-2015 author-date: the year follows the author', () => {
    expect(formatCitations([seed], 'gb-t-7714-author-date', 'text')).toBe(
      `斯影, 2022. ${TITLE}[N/OL]. BBC中文, 2022-09-16[2026-11-28]. ${URL}.`,
    );
  });
});

describe('citations of Latin-script authors', () => {
  const article = makeArticle({
    title: 'Why the war matters',
    authors: ['Jane Q. Doe', 'John Smith'],
    siteName: 'The New York Times',
    url: 'https://example.com/war',
  });

  it('inverts and abbreviates names per style', () => {
    // APA: family name then initials, "&" before the last of two authors.
    expect(formatCitations([article], 'apa', 'text')).toMatch(/^Doe, J\. Q\., & Smith, J\. \(2022/);
    // MLA: the first author inverted, the second in natural order.
    expect(formatCitations([article], 'mla', 'text')).toMatch(/^Doe, Jane Q\., and John Smith\./);
    // GB/T 7714: family names upper-case, initials without periods.
    expect(formatCitations([article], 'gb-t-7714-numeric', 'text')).toMatch(
      /^\[1\] DOE J Q, SMITH J\. Why the war matters\[N\/OL\]/,
    );
  });

  it('cites several articles, one entry per line, and an empty list as nothing', () => {
    const text = formatCitations([seedArticle(), article], 'gb-t-7714-numeric', 'text');
    expect(text.split('\n')).toHaveLength(2);
    expect(formatCitations([], 'apa', 'text')).toBe('');
  });
});

describe('citations of Latin-script authors in Chinese articles', () => {
  const article = makeArticle({
    title: '全球新冠死亡人数超过100万',
    authors: ['Richard Pérez-Peña'],
    siteName: '纽约时报中文网',
    lang: 'zh-Hans',
  });

  it('keeps each style’s own name order and comma', () => {
    // APA 7 §9.8: surname, comma, initials; a Chicago note gives the name in natural order.
    expect(formatCitations([article], 'apa', 'text')).toMatch(/^Pérez-Peña, R\. \(/);
    expect(formatCitations([article], 'chicago-notes', 'text')).toMatch(/^Richard Pérez-Peña, /);
    expect(formatCitations([article], 'gb-t-7714-numeric', 'text')).toMatch(
      /^\[1\] PÉREZ-PEÑA R\. /,
    );
  });

  it('cites an edited article afresh, not from the engine’s copy of the same id', () => {
    expect(formatCitations([article], 'apa', 'text')).toMatch(/^Pérez-Peña/);
    const edited = { ...article, authors: ['Ellen Barry'] };
    expect(formatCitations([edited], 'apa', 'text')).toMatch(/^Barry, E\. \(/);
  });
});

describe('apostrophes in titles', () => {
  const article = makeArticle({
    title: '‘We’re Hardly Heroic’',
    authors: ['Tracy Wen Liu'],
    siteName: 'ChinaFile',
    lang: 'en',
  });

  it('title case leaves the letter after an apostrophe alone inside quotes (MLA, Chicago)', () => {
    for (const style of ['mla', 'chicago-author-date', 'chicago-notes'] as const) {
      const text = formatCitations([article], style, 'text');
      expect(text).toContain('‘We’re Hardly Heroic');
      expect(text).not.toContain('We’Re');
      expect(formatCitations([article], style, 'html')).not.toContain('We’Re');
    }
  });

  it('prints the apostrophe curly, as given, where the title is not re-cased', () => {
    expect(formatCitations([article], 'apa', 'text')).toContain('‘We’re Hardly Heroic.’');
    expect(formatCitations([article], 'gb-t-7714-numeric', 'text')).toContain(
      'LIU T W. ‘We’re Hardly Heroic’[N/OL].',
    );
    // CSL-JSON keeps the title exactly as stored.
    expect(articleToCsl(article).title).toBe('‘We’re Hardly Heroic’');
  });
});

describe('GB/T 7714-2015 terms follow the reference’s language', () => {
  const english = makeArticle({
    title: 'Why the war matters',
    authors: ['Jane Q. Doe', 'John Smith', 'Ann Lee', 'Bo Li'],
    siteName: 'The New York Times',
    url: 'https://example.com/war',
    lang: 'en',
  });

  it('an English reference: "et al." after three authors and "Anon" for no author', () => {
    expect(formatCitations([english], 'gb-t-7714-numeric', 'text')).toMatch(
      /^\[1\] DOE J Q, SMITH J, LEE A, et al\. Why the war matters\[N\/OL\]\. The New York Times, /,
    );
    expect(formatCitations([english], 'gb-t-7714-author-date', 'text')).toMatch(
      /^DOE J Q, SMITH J, LEE A, et al\., 2022\. Why the war matters\[N\/OL\]/,
    );
    const anon = { ...english, authors: [] };
    expect(formatCitations([anon], 'gb-t-7714-author-date', 'text')).toMatch(
      /^Anon, 2022\. Why the war matters\[N\/OL\]/,
    );
  });

  it('a Chinese reference keeps "等" and "佚名"', () => {
    const chinese = { ...seedArticle(), authors: ['甲', '乙', '丙', '丁'] };
    expect(formatCitations([chinese], 'gb-t-7714-numeric', 'text')).toMatch(
      /^\[1\] 甲, 乙, 丙, 等\. /,
    );
    const anon = { ...seedArticle(), authors: [] };
    expect(formatCitations([anon], 'gb-t-7714-author-date', 'text')).toMatch(/^佚名, 2022\. /);
  });
});
