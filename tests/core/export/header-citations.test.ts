import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CITATION_STYLES } from '../../../shared/api';
import { createHeaderCiter } from '../../../electron/core/export/header-citations';
import { headerCitation, headerStyle } from '../../../electron/core/export/render-article';
import type { Article } from '../../../shared/model';
import {
  articleFromFile,
  citeproc,
  corpusDir,
  countingCiteproc,
  makeArticle,
  richArticle,
  seedArticle,
} from './fixtures';

const devDir = path.join(corpusDir, 'dumps-dev');

// Latin bylines as the parser gives them: the template made from one serves the others.
const LATIN_NAMES = [
  ['Richard Pérez-Peña'],
  ['Hisako Ueno'],
  ['Ellen Barry'],
  ['Tracy Wen Liu'],
  ['Liu, Tracy Wen'],
  ['Jean-Paul Sartre', 'Ellen Barry'],
  ['Anne-Marie Dupont-Aignan', 'Søren Kierkegaard', 'Łukasz Żółć'],
  ['Ştefan Ţiriac', 'Iñigo Íñiguez', 'Élodie Ørsted', 'Bjørn Straße'],
  ['Ludwig van Beethoven', 'JP Morgan'],
  ['Lord Byron'],
  ['Reuters'],
  ['路透社 Reuters'],
  ['安东尼·祖切尔（Anthony Zurcher）'],
];

function variants(base: Article[]): Article[] {
  // Same shapes with other values: templates made from the first article serve the rest.
  return base.flatMap((a, i) => [
    a,
    { ...a, id: `${a.id}-b`, title: `${a.title} 续${i}` },
    { ...a, id: `${a.id}-c`, title: `${a.title}？`, siteName: `${a.siteName}网` },
    { ...a, id: `${a.id}-d`, title: `${a.title} | ${i}` },
    ...LATIN_NAMES.map((authors, j) => ({ ...a, id: `${a.id}-n${j}`, authors })),
  ]);
}

describe('template header citations', () => {
  it('equal citeproc output for hand-made edge cases', () => {
    const cite = createHeaderCiter(headerStyle);
    const cases = variants([
      seedArticle(),
      richArticle(),
      makeArticle({ title: 'Hello world', authors: ['Reuters'] }),
      makeArticle({ title: "It's <i>odd</i> & “quoted”", authors: ['斯影', '李四'] }),
      makeArticle({ title: 'lower case start', siteName: '', url: '' }),
      makeArticle({ title: '《书名》（上）', lang: 'zh-Hant', authors: ['王小明'] }),
      makeArticle({ title: '标题', lang: 'ja', authors: ['Hisako Ueno'] }),
    ]);
    for (const a of cases) expect(cite(a)).toBe(headerCitation(a));
  });

  it.skipIf(!existsSync(devDir))('equal citeproc output for every dev dump and variants', () => {
    const files = readdirSync(devDir).filter((f) => f.endsWith('.txt'));
    const cite = createHeaderCiter(headerStyle);
    for (const a of variants(files.map((f) => articleFromFile(path.join(devDir, f))))) {
      expect(cite(a)).toBe(headerCitation(a));
    }
  });

  it('equal citeproc output when a style changes the case of a title or publication', () => {
    // APA title-cases an English publication's name, MLA and Chicago an English title; a word
    // already capitalised looks unchanged, so a template must not be trusted on such a value.
    const sites = ['BBC News', 'Example news', 'the guardian', 'New york times of the world'];
    const titles = ['Hello World', 'Hello world of the sea', 'the start of it', 'iPhone 销量下降'];
    for (const style of CITATION_STYLES) {
      for (const lang of ['en', 'fr']) {
        const cite = createHeaderCiter(() => style);
        for (const siteName of sites) {
          for (const [i, title] of titles.entries()) {
            for (const authors of [[], ['Reuters']]) {
              const a = makeArticle({ title, siteName, lang, authors, id: `c${i}` });
              expect(cite(a), `${style} ${lang} ${siteName} ${title}`).toBe(citeproc(a, style));
            }
          }
        }
      }
    }
  });

  it('equal citeproc output for titles and names with quotes and brackets, in every style', () => {
    // MLA and Chicago quote a title and turn the quotes inside it; an apostrophe between two
    // Latin letters is not a quote; an empty pair of quotes is dropped.
    const titles = [
      '韩国“N号房”事件',
      '中国“A股”大跌',
      '他说“好”',
      '“a ‘b’ c”',
      '‘a “b” c’',
    ].concat([
      'a ”b“ c',
      '中’文',
      'Xi’s plan',
      'cats’ toys',
      'It’s “fine”',
      '‘’x',
      '“”',
      '《书》（上）',
    ]);
    for (const style of CITATION_STYLES) {
      const cite = createHeaderCiter(() => style);
      for (const lang of ['en', 'zh-Hans']) {
        for (const [i, title] of titles.entries()) {
          for (const authors of [[], ['安东尼·祖切尔（Anthony Zurcher）']]) {
            const a = makeArticle({ title, lang, authors, id: `q${i}` });
            expect(cite(a), `${style} ${lang} ${title}`).toBe(citeproc(a, style));
            const b = { ...a, title: `${title}续` };
            expect(cite(b), `${style} ${lang} ${b.title}`).toBe(citeproc(b, style));
          }
        }
      }
    }
  });

  it('equal citeproc output for names with every letter the name templates accept', () => {
    const letters = Array.from({ length: 0x17f - 0x41 + 1 }, (_, i) =>
      String.fromCodePoint(0x41 + i),
    ).filter((c) => /[\p{Lu}\p{Ll}]/u.test(c) && /[A-Za-z\u00c0-\u017f]/u.test(c));
    // Both header styles (GB/T upper-cases family names) in languages whose upper case differs.
    for (const [style, lang] of [
      ['apa', 'en'],
      ['gb-t-7714-author-date', 'zh-Hans'],
      ['gb-t-7714-author-date', 'tr'],
    ] as const) {
      const counter = countingCiteproc();
      const cite = createHeaderCiter(() => style, counter.render);
      for (const c of letters) {
        // A lower-case letter inside the family name, an upper-case one as a given initial.
        const name = /\p{Lu}/u.test(c) ? `${c}ola Marsh` : `Nora Ma${c}sh`;
        const a = makeArticle({ title: 'Title', lang, authors: ['Ada Lee', name] });
        expect(cite(a), `${style} ${lang} ${name}`).toBe(citeproc(a, style));
      }
      // Every name but the first came from the template.
      expect(counter.calls).toBe(2);
    }
  });

  it('render a new date of a checked form without citeproc', () => {
    const counter = countingCiteproc();
    const cite = createHeaderCiter(headerStyle, counter.render);
    const dates = ['2021-01-05T08:00:00Z', '2022-12-31T23:00:00Z', '2023-07-14T00:00:00Z'];
    for (const lang of ['en', 'zh-Hans']) {
      counter.calls = 0;
      for (const [i, publishedAt] of dates.entries()) {
        const a = makeArticle({ title: `Story ${i}`, lang, authors: ['Ellen Barry'], publishedAt });
        expect(cite(a)).toBe(headerCitation(a));
        // An article again on a date seen before needs no call at all.
        expect(cite({ ...a, title: `Story ${i}b` })).toBe(
          headerCitation({ ...a, title: `Story ${i}b` }),
        );
      }
      // The first article and its twin with probe dates; later dates are filled in.
      expect(counter.calls).toBe(2);
    }
  });

  it('keep templates per date for a form whose dates cannot be slotted', () => {
    const counter = countingCiteproc();
    // Month names the same in both forms cannot show which form a style prints: no date slots.
    const names = Array.from({ length: 12 }, (_, i) => `M${i}`);
    const cite = createHeaderCiter(headerStyle, counter.render, () => ({
      long: names,
      short: names,
    }));
    const dates = ['2021-01-05T08:00:00Z', '2022-12-31T23:00:00Z', '2023-07-14T00:00:00Z'];
    for (const [i, publishedAt] of dates.entries()) {
      const a = makeArticle({ title: `Story ${i}`, authors: ['Ellen Barry'], publishedAt });
      expect(cite(a)).toBe(headerCitation(a));
      expect(cite({ ...a, title: `Story ${i}b` })).toBe(
        headerCitation({ ...a, title: `Story ${i}b` }),
      );
    }
    // The article, the twin with probe dates and the twin with its own; then one twin a date.
    expect(counter.calls).toBe(3 + (dates.length - 1));
  });

  it('render a batch of one shape with citeproc only for the first article', () => {
    const counter = countingCiteproc();
    const cite = createHeaderCiter(headerStyle, counter.render);
    const names = ['Richard Roe', 'Ellen Barry', 'Hisako Ueno', 'Søren Lund', 'Ana Żak'];
    for (const lang of ['en', 'zh-Hans']) {
      counter.calls = 0;
      for (const [i, name] of names.entries()) {
        const a = makeArticle({ title: `Story ${i}`, lang, authors: [name] });
        expect(cite(a)).toBe(headerCitation(a));
      }
      // One rendering of the article, one of its placeholder twin; the rest are templates.
      expect(counter.calls).toBe(2);
    }
  });
});
