import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDumpHeader, parseLinkLine } from '../../../electron/core/parse/dump-header';
import { parseDocument } from '../../../electron/core/parse/parse-document';
import { corpusDir, repoRoot } from './corpus-dir';

describe('parseLinkLine', () => {
  it('keeps brackets in titles and parentheses in URLs', () => {
    expect(
      parseLinkLine('[[World] 中美关系：[分析]](http://www.bbc.com/zhongwen/simp/world-1)'),
    ).toEqual({
      title: '[World] 中美关系：[分析]',
      url: 'http://www.bbc.com/zhongwen/simp/world-1',
    });
    expect(parseLinkLine('[Title](https://en.wikipedia.org/wiki/Foo_(bar))')).toEqual({
      title: 'Title',
      url: 'https://en.wikipedia.org/wiki/Foo_(bar)',
    });
  });

  it('keeps replacement characters from broken feeds', () => {
    const r = parseLinkLine('[造访\ufffdQ里岛](http://www.rfi.fr/cn/a-\ufffd)');
    expect(r.title).toBe('造访\ufffdQ里岛');
    expect(r.url).toBe('http://www.rfi.fr/cn/a-\ufffd');
  });
});

describe('parseDumpHeader', () => {
  it('splits epoch, link line and body', () => {
    const h = parseDumpHeader(
      '<!--1600000000000-->\n[标题](https://a.test/x)\n------\n<p>正文</p>',
    );
    expect(h).toMatchObject({ epochMs: 1600000000000, title: '标题', url: 'https://a.test/x' });
    expect(h.bodyHtml.trim()).toBe('<p>正文</p>');
    expect(h.frontMatter).toBeNull();
  });

  it('reads Jekyll front matter, tolerating unquoted colons', () => {
    const text = [
      '---',
      'layout: post',
      'title: 中美关系: 新阶段',
      'date: 2020-07-27 10:30:40 +0000',
      'author: Tracy Wen Liu',
      'from: https://a.test/x',
      'tags: [ 联合早报 ]',
      'categories:',
      '  - news',
      '  - 联合早报',
      '---',
      '<!--1595845840384-->',
      '[中美关系: 新阶段](https://a.test/x)',
      '------',
      '<p>正文</p>',
    ].join('\n');
    const h = parseDumpHeader(text);
    expect(h.frontMatter).toMatchObject({
      title: '中美关系: 新阶段',
      author: 'Tracy Wen Liu',
      from: 'https://a.test/x',
      tags: ['联合早报'],
      categories: ['news', '联合早报'],
    });
    expect(h.frontMatter?.date).toBe('2020-07-27T10:30:40.000Z');
  });
});

describe('parseDocument: dump with front matter', () => {
  const seed = readFileSync(path.join(repoRoot, 'seeds/000_5d1e6c4fe0d6993d.txt'), 'utf8');

  it('uses front-matter tags and keeps the epoch as publication time', () => {
    const fm = [
      '---',
      'layout: post',
      'title: "习近平疫情后首次外访并与普京会面 为第三任期传递哪些外交信号"',
      'date: 2022-09-16T00:00:00.000Z',
      'author: BBC',
      'from: https://www.bbc.com/zhongwen/simp/world-62912357',
      'tags: [ BBC, 中国 ]',
      'categories: [ BBC ]',
      '---',
      '',
    ].join('\n');
    const { article, format } = parseDocument(new TextEncoder().encode(fm + seed), 'fm.md');
    expect(format).toBe('dump-front-matter');
    expect(article.tags).toEqual(['BBC', '中国']);
    expect(article.publishedAt).toBe('2022-09-16T02:13:02.000Z');
    expect(article.authors).toEqual(['斯影']);
    expect(article.title).toBe('习近平疫情后首次外访并与普京会面 为第三任期传递哪些外交信号');
  });

  const corpus = corpusDir();
  it.skipIf(!corpus)('rebuilds corpus posts with their front matter', () => {
    const dir = path.join(corpus as string, 'dumps-dev');
    const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<
      string,
      {
        title: string | null;
        date: string | null;
        author: string | null;
        from: string | null;
        tags: string[];
        categories: string[];
      }
    >;
    let checked = 0;
    for (const [file, exp] of Object.entries(expected)) {
      if (!exp.title || !exp.date || !exp.from) continue;
      const yaml = [
        '---',
        'layout: post',
        `title: ${JSON.stringify(exp.title)}`,
        `date: ${exp.date}`,
        `author: ${JSON.stringify(exp.author ?? '')}`,
        `from: ${JSON.stringify(exp.from)}`,
        `tags: ${JSON.stringify(exp.tags)}`,
        `categories: ${JSON.stringify(exp.categories)}`,
        '---',
        '',
      ].join('\n');
      const body = readFileSync(path.join(dir, file), 'utf8');
      const { article, format } = parseDocument(new TextEncoder().encode(yaml + body), file);
      expect(format).toBe('dump-front-matter');
      expect(article.tags).toEqual(exp.tags);
      // The front matter's complete title wins over a line 2 cut with "...".
      expect(article.title.trim()).toBe(
        parseLinkTitle(body).endsWith('...') ? exp.title : parseLinkTitle(body),
      );
      checked += 1;
    }
    expect(checked).toBeGreaterThan(50);
  });
});

function parseLinkTitle(dump: string): string {
  return parseLinkLine(dump.split('\n')[1] ?? '').title;
}
