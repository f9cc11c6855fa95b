/**
 * Dump variants we expect in unseen files: CRLF, BOM, epoch in seconds, awkward titles and URLs,
 * a missing `------` rule, promo-footer wordings and twice-escaped HTML.
 */
import { describe, expect, it } from 'vitest';
import { parseDumpHeader, parseLinkLine } from '../../../electron/core/parse/dump-header';
import { parseDocument } from '../../../electron/core/parse/parse-document';

const BODY =
  '<div><p>这是正文的第一段，它足够长，可以被认为是文章的正文内容而不是别的东西，对吧。</p>' +
  '<p>第二段正文内容，讲述事情的经过和各方的反应，同样足够长。</p>';

function parse(text: string) {
  return parseDocument(new TextEncoder().encode(text), 'x.txt').article;
}

describe('dump header variants', () => {
  it('reads CRLF line endings and a BOM', () => {
    const a = parse(
      '\ufeff<!--1663294382000-->\r\n[标题 (一)](https://www.bbc.com/zhongwen/simp/a)\r\n------\r\n' +
        `${BODY}</div>`,
    );
    expect(a.title).toBe('标题 (一)');
    expect(a.url).toBe('https://www.bbc.com/zhongwen/simp/a');
    expect(a.publishedAt).toBe('2022-09-16T02:13:02.000Z');
    expect(a.text).not.toMatch(/------|\r/);
  });

  it('reads header lines with trailing spaces or tabs, and blank lines between them', () => {
    for (const text of [
      '<!--1663294382000--> \t\n[标题](https://www.bbc.com/zhongwen/simp/a)  \n------\t\n',
      '<!--1663294382000-->\r\n\r\n[标题](https://www.bbc.com/zhongwen/simp/a)\r\n\r\n------\r\n',
      '---  \ntitle: 标题\n---\t\n<!--1663294382000--> \n[标题](https://www.bbc.com/zhongwen/simp/a)\n------\n',
    ]) {
      const r = parseDocument(new TextEncoder().encode(`${text}${BODY}</div>`), 'x.txt');
      expect(r.format, JSON.stringify(text)).toMatch(/^dump/);
      expect(r.article).toMatchObject({
        title: '标题',
        url: 'https://www.bbc.com/zhongwen/simp/a',
        publishedAt: '2022-09-16T02:13:02.000Z',
      });
    }
  });

  it('reads CRLF front matter with quoted values, inline lists and a Jekyll date', () => {
    const h = parseDumpHeader(
      '---\r\ntitle: "标题：副标题"\r\ndate: 2020-07-27 10:30:40 +0800\r\nauthor: 法广\r\n' +
        'tags: [法广, 中国]\r\n---\r\n<!--1595817040000-->\r\n[标题：副标题](http://www.rfi.fr/cn/a)\r\n' +
        '------\r\n<p>x</p>',
    );
    expect(h.frontMatter).toMatchObject({
      title: '标题：副标题',
      date: '2020-07-27T02:30:40.000Z',
      author: '法广',
      tags: ['法广', '中国'],
    });
    expect(h).toMatchObject({ epochMs: 1595817040000, title: '标题：副标题' });
  });

  it('reads an epoch written in seconds', () => {
    expect(
      parseDumpHeader('<!--1663294382-->\n[t](https://a.test/)\n------\n<p>x</p>').epochMs,
    ).toBe(1663294382000);
    expect(
      parseDumpHeader('<!--978307200000-->\n[t](https://a.test/)\n------\n<p>x</p>').epochMs,
    ).toBe(978307200000);
  });

  it('reads titles with brackets and parentheses and URLs with parentheses', () => {
    expect(parseLinkLine('[中國再爆噁心酸菜[影]](https://www.cna.com.tw/news/a.aspx)')).toEqual({
      title: '中國再爆噁心酸菜[影]',
      url: 'https://www.cna.com.tw/news/a.aspx',
    });
    expect(parseLinkLine('[Apple (AAPL) hits $3T] ](https://x.test/a_(b)_c)')).toEqual({
      title: 'Apple (AAPL) hits $3T]',
      url: 'https://x.test/a_(b)_c',
    });
    expect(parseLinkLine('[标题]( https://x.test/a )')).toEqual({
      title: '标题',
      url: 'https://x.test/a',
    });
    expect(parseLinkLine('[标题](<https://x.test/a b>)').url).toBe('https://x.test/a b');
    expect(parseLinkLine('[标题](https://x.test/a "提示")').url).toBe('https://x.test/a');
  });

  it('tolerates a missing rule without swallowing a later --- in the body', () => {
    const h = parseDumpHeader(
      '<!--1663294382000-->\n[标题](https://a.test/x)\n<p>正文</p>\n<p>a</p>\n-----\n<p>b</p>',
    );
    expect(h.title).toBe('标题');
    expect(h.url).toBe('https://a.test/x');
    expect(h.bodyHtml).toContain('<p>正文</p>');
    expect(h.bodyHtml).toContain('<p>b</p>');
  });

  it('still joins a title wrapped over two lines before the rule', () => {
    const h = parseDumpHeader(
      '<!--1663294382000-->\n[很长的\n标题](https://a.test/x)\n------\n<p>x</p>',
    );
    expect(h.title).toBe('很长的 标题');
    expect(h.bodyHtml.trim()).toBe('<p>x</p>');
  });
});

describe('promo footers and leftover markup', () => {
  const dump = (tail: string): string =>
    `<!--1663294382000-->\n[标题](https://www.bbc.com/zhongwen/simp/a)\n------\n${BODY}${tail}</div>`;

  it.each([
    '<br><hr><div>获取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a></div>',
    '<br><hr><div>獲取更多RSS：<br><a href="https://feedx.top">https://feedx.top</a></div>',
    '<br><hr><div>更多RSS：<br><a href="https://feedx.site">https://feedx.site</a></div>',
    '<hr><p>Get more RSS: <a href="https://feedx.net">feedx.net</a></p>',
    '<br><hr><div>获取更多RSS：https://feedx.net https://feedx.xyz</div>',
    '<br><hr><div>更多RSS订阅：https://rsshub.app</div>',
  ])('removes the promo %s', (tail) => {
    const a = parse(dump(tail));
    expect(a.text).not.toMatch(/RSS|feedx/i);
    expect(a.contentHtml).not.toMatch(/RSS|feedx|<hr/i);
    expect(a.text).toContain('第二段正文内容');
  });

  it('decodes twice-escaped entities and drops escaped tags from the text', () => {
    const a = parse(dump('<p>&amp;nbsp;AT&amp;amp;T 宣布 &lt;b&gt;新计划&lt;/b&gt;。</p>'));
    expect(a.text).toContain('AT&T 宣布 新计划');
    expect(a.text).not.toMatch(/&[a-z]+;|&#\d+;|<\/?[a-z][^>]*>/i);
  });
});
