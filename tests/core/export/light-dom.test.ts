import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lightDom } from '../../../electron/core/export/light-dom';
import { htmlToMarkdown } from '../../../electron/core/export/markdown';
import type { Article } from '../../../shared/model';
import { articleFromFile, corpusDir, richArticle, seedArticle } from './fixtures';
import { mulberry32 } from '../../support/seeded-random';

const same = (html: string, images: Article['images'] = []) =>
  expect(htmlToMarkdown(html, images), html).toBe(htmlToMarkdown(html, images, (s) => s, 'html5'));

function corpus(sub: string, ext: string): Article[] {
  const dir = path.join(corpusDir, sub);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => articleFromFile(path.join(dir, f)));
}

describe('the light DOM for turndown', () => {
  const articles = [
    seedArticle(),
    richArticle(),
    ...corpus('dumps-dev', '.txt'),
    ...corpus('scrapinghub-dev', '.html'),
  ];

  it('gives the Markdown domino gives, for the seed, the fixtures and the dev corpora', () => {
    let light = 0;
    for (const a of articles) {
      same(a.contentHtml, a.images);
      if (lightDom(a.contentHtml)) light += 1;
    }
    // Most articles take the light tree, so the comparison covers it.
    if (articles.length > 100) expect(light / articles.length).toBeGreaterThan(0.8);
  });

  it('declines HTML for which an HTML5 parser may build another tree', () => {
    for (const html of [
      '<p>a<figure><img src="x"></figure></p>', // a block closes an open paragraph
      '<p>a<p>b</p></p>',
      '<p><b>a</p></b>', // misnested
      '<b><i>a</b></i>',
      '<a href="x">a<a href="y">b</a></a>', // nested links
      '<h2>a<h3>b</h3></h2>',
      '<li>a</li>', // a list item outside a list
      '<ul><b><li>a</li></b></ul>',
      '<dd>a</dd>',
      '<p>a', // unclosed
      'a</p>',
      '<br></br>',
      '<p/>',
      '<table><tr><td>a</td></tr></table>',
      '<pre>\na</pre>',
      '<div>a</div>',
      '<P>a</P>',
      '<!-- c --><p>a</p>',
      '<p>a &copy; b</p>', // only the sanitiser's own character references
      '<p>a & b</p>',
      '<p>a\r\nb</p>',
      '<p>a < b</p>',
      '<img src="a" src="b">',
      "<img src='a'>",
    ]) {
      expect(lightDom(html), html).toBeNull();
    }
  });

  it('gives the Markdown domino gives for generated HTML of every tag it builds', () => {
    const random = mulberry32(20261129);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const texts = ['word', ' ', '  two  spaces ', '\n', '\t', '中文', ' 1. ', '# x', '- y', '*'];
    const moreTexts = ['_u_', '[a]', '`c`', '&amp;', '&lt;b&gt;', '&quot;', '&#39;', '\u00a0'];
    const inline = ['a', 'abbr', 'b', 'cite', 'code', 'em', 'i', 'mark', 'q', 's', 'small'];
    const moreInline = ['strong', 'sub', 'sup', 'u'];
    const blocks = ['p', 'blockquote', 'figure', 'figcaption', 'h2', 'h3', 'ul', 'ol', 'dl', 'li'];
    const allText = [...texts, ...moreTexts];
    const allInline = [...inline, ...moreInline];
    const attrs: Record<string, string> = {
      a: ' href="https://example.com/a?b=1&amp;c=2" title="T &quot;q&quot;"',
      img: ' src="https://img.example.com/p (1).jpg" alt="A [b]"',
      ol: '',
    };
    const node = (depth: number): string => {
      const r = random();
      if (depth > 4 || r < 0.3) return pick(allText);
      if (r < 0.38)
        return pick(['<br>', '<img src="https://i.example.com/x.png" alt="x">', '<hr>']);
      const tag = r < 0.7 ? pick(allInline) : pick(blocks);
      const kids = Array.from({ length: Math.floor(random() * 4) }, () => node(depth + 1));
      const inner = tag === 'ul' || tag === 'ol' ? kids.map((k) => `<li>${k}</li>`) : kids;
      // Now and then an end tag is missing or misplaced, as in HTML the light tree declines.
      const end = random() < 0.03 ? '' : `</${tag}>`;
      if (random() < 0.03 && inner.length > 1) return `<${tag}>${inner[0]}${end}${inner[1]}`;
      return `<${tag}${attrs[tag] ?? ''}>${inner.join('')}${end}`;
    };
    let light = 0;
    for (let i = 0; i < 4000; i++) {
      const html = Array.from({ length: 1 + Math.floor(random() * 5) }, () => node(0)).join('');
      same(html);
      if (lightDom(html)) light += 1;
    }
    // Both kinds of input occur: some the light tree builds, some it declines.
    expect(light).toBeGreaterThan(500);
    expect(light).toBeLessThan(4000);
  });
});
