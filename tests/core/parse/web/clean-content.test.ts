import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../electron/core/parse/parse-document';

describe('web page furniture inside the article', () => {
  const page = (extra: string): string =>
    `<html><head><title>A story</title></head><body><article><h1>A story</h1>` +
    `<p>${'The council met on Tuesday and voted to approve the new budget for the city. '.repeat(4)}</p>` +
    `<div>Advert</div><p>[button link="https://x.test/submit" type="big"]Send us YOUR review[/button]</p>` +
    `<div>This slideshow requires JavaScript.</div>${extra}` +
    `<p>${'Officials said the spending plan would be reviewed again next spring by auditors. '.repeat(4)}</p>` +
    `</article></body></html>`;

  it('drops advert labels, unexpanded shortcodes and script notices but keeps the prose', () => {
    const a = parseDocument(new TextEncoder().encode(page('')), 'a.html').article;
    expect(a.text).toContain('approve the new budget');
    expect(a.text).toContain('reviewed again next spring');
    expect(a.text).not.toMatch(/Advert|\[button|slideshow requires/);
  });
});

describe('links inside sentences', () => {
  const prose = 'The council met on Tuesday and voted to approve the new budget for the city. ';
  const html =
    `<html><head><title>A story</title></head><body><article><h1>A story</h1>` +
    `<p>${prose.repeat(4)}</p>` +
    `<p>According to the <span><a href="https://x.test/report">audit report</a></span>, ` +
    `the city spent less than planned. ${prose}</p>` +
    `<p><span><a href="https://x.test/next">Read this next: why the mayor resigned</a></span></p>` +
    `<p>${prose.repeat(3)}</p></article></body></html>`;

  it('keeps a span-wrapped link that is part of a sentence but drops a link-only teaser', () => {
    const a = parseDocument(new TextEncoder().encode(html), 'a.html').article;
    expect(a.text).toContain('According to the audit report, the city spent');
    expect(a.text).not.toContain('why the mayor resigned');
  });
});

describe('date lines in the article header', () => {
  const prose = 'The council met on Tuesday and voted to approve the new budget for the city. ';
  const html = (header: string): Uint8Array =>
    new TextEncoder().encode(
      `<html><head><title>A story</title></head><body><article><h1>A story</h1>${header}` +
        `<p>${prose.repeat(4)}</p><p>${prose.repeat(3)}</p></article></body></html>`,
    );

  it('drops two time elements that touch, read as one line', () => {
    const header =
      '<div><time>Published Wed, Nov 20 2019<span></span>4:29 AM EST</time>' +
      '<time>Updated an hour ago</time></div>';
    const a = parseDocument(html(header), 'a.html').article;
    expect(a.text).not.toMatch(/Published|Updated/);
    expect(a.text).toContain('approve the new budget');
  });

  it('drops a byline list item that holds only the date and reading time', () => {
    const header =
      '<ul><li>Jo Smith</li><li><time>Nov 18, 2019 at 9:24 pm ET</time> • 2 min read</li></ul>';
    const a = parseDocument(html(header), 'a.html').article;
    expect(a.text).not.toContain('min read');
  });
});

describe('link-only paragraphs', () => {
  it('keeps a written-out source address but drops a headline teaser', () => {
    const prose = 'The council met on Tuesday and voted to approve the new budget for the city. ';
    const html =
      `<html><head><title>A story</title></head><body><article><h1>A story</h1>` +
      `<p>${prose.repeat(4)}</p><p><a href="https://x.test/news/budget">Read: the mayor's ` +
      `plan for the city</a></p><p>${prose.repeat(3)}</p><p><a href="https://x.test/` +
      `minutes/2019-11-19-budget-vote.html">https://x.test/minutes/2019-11-19-budget-vote.html` +
      `</a></p></article></body></html>`;
    const a = parseDocument(new TextEncoder().encode(html), 'a.html').article;
    expect(a.text).toContain('https://x.test/minutes/2019-11-19-budget-vote.html');
    expect(a.text).not.toContain("the mayor's plan");
  });
});

describe('hover cards inside sentences', () => {
  const prose = 'The council met on Tuesday and voted to approve the new budget for the city. ';
  const page = (para: string): Uint8Array =>
    new TextEncoder().encode(
      `<html><head><title>A story</title></head><body><article><h1>A story</h1>` +
        `<p>${prose.repeat(4)}</p>${para}<p>${prose.repeat(3)}</p></article></body></html>`,
    );

  it('drops an unnamed card of picture and links but keeps the linked name', () => {
    const card =
      '<span><img src="jd.jpg"><a href="/p/jd">Jane Doe</a> <a href="/s/1">Budget vote ' +
      'splits the council</a> <a href="/s/2">Mayor backs the plan</a></span>';
    const para = `<p>Councillor <span><a href="/p/jd">Jane Doe</a><span>${card}</span></span> voted against.</p>`;
    const a = parseDocument(page(para), 'a.html').article;
    expect(a.text).toContain('Councillor Jane Doe voted against.');
    expect(a.text).not.toContain('Budget vote splits');
  });

  it('keeps a span of words with an inline picture and links', () => {
    const para =
      '<p><span>We loved the fair <img src="smile.png"> and its stalls, see ' +
      '<a href="/a">the map</a> and <a href="/b">the times</a>.</span></p>';
    const a = parseDocument(page(para), 'a.html').article;
    expect(a.text).toContain('see the map and the times');
  });
});

describe('buy links in a product roundup', () => {
  it('keeps the short list of buy links after each product', () => {
    const item = (n: number): string =>
      `<h2>Headphones ${n}</h2><p>${'These headphones are light, and the battery lasts all week. '.repeat(3)}</p>` +
      `<ul><li><a href="https://shop.test/${n}">Get it at Shopco for $${n}9.99</a></li></ul>`;
    const html =
      `<html><head><title>Deals</title></head><body><article><h1>Deals</h1>` +
      `${item(1)}${item(2)}${item(3)}<ul><li><a href="/a">Another story about phones</a></li>` +
      `<li><a href="/b">A third story about tablets</a></li></ul></article></body></html>`;
    const a = parseDocument(new TextEncoder().encode(html), 'a.html').article;
    expect(a.text).toContain('Get it at Shopco for $29.99');
    expect(a.text).not.toContain('Another story about phones');
  });
});
