import { load } from 'cheerio/slim';
import { describe, expect, it } from 'vitest';
import { blockText } from '../../../../electron/core/parse/web/block-text';
import { extractWebPage } from '../../../../electron/core/parse/web/extract-web-page';

function textOf(html: string): string {
  const $ = load(html);
  const el = extractWebPage($, null).content[0];
  if (!el || el.type !== 'tag') throw new Error('no content element');
  return blockText(el);
}

const links = Array.from(
  { length: 40 },
  (_, i) => `<li><a href="/news/${i}">相关新闻标题第${i}条：市场消息与各地动态汇总</a></li>`,
).join('');

describe('extractWebPage main content', () => {
  it('picks a Chinese article of short paragraphs over a long link list', () => {
    const text = textOf(`<html><body>
      <div class="nav-list"><ul>${links}</ul></div>
      <div class="main">
        <h1>北京今日降雪</h1>
        <div class="text">
          <p>北京今天迎来入冬后首场降雪。</p>
          <p>气象台说，降雪将持续到夜间。</p>
          <p>市民出行请注意安全，公交部分线路调整。</p>
          <p>环卫工人凌晨上岗，清扫主要道路。</p>
          <p>专家提醒，路面结冰，驾车要慢行。</p>
        </div>
        <div class="share-bar">分享到：<a href="#">微博</a><a href="#">微信</a></div>
      </div>
      <div class="related-news"><h3>相关阅读</h3><ul>${links}</ul></div>
    </body></html>`);
    expect(text).toContain('北京今天迎来入冬后首场降雪。');
    expect(text).toContain('专家提醒，路面结冰，驾车要慢行。');
    expect(text).not.toContain('相关新闻标题');
    expect(text).not.toContain('微博');
  });

  it('keeps direct text of a container that uses <br> and empty divs for breaks', () => {
    const text =
      textOf(`<html><body><div class="menu"><a href="/">Home</a> <a href="/w">World</a></div>
      <div class="wrap"><div class="body">First sentence of the story, told plainly. It continues.<div class="br"></div>
      Second paragraph, with more detail, and a quote: "we are fine."<br><div class="br"></div>
      Third paragraph closes the story, as stories do.</div></div></body></html>`);
    expect(text).toContain('First sentence of the story');
    expect(text).toContain('Third paragraph closes the story');
    expect(text).not.toContain('Home');
  });

  it('removes share bars, newsletter boxes, ad labels and link-only teasers inside the article', () => {
    const prose = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>Body paragraph ${i}, long enough to count, with commas, and a full stop. More words follow here.</p>`,
    ).join('');
    const text = textOf(`<html><body><article class="post">
      <ul class="social-share"><li><a href="#">Facebook</a></li><li><a href="#">Twitter</a></li></ul>
      ${prose}
      <div class="ad-container"><span>Advertisement</span></div>
      <p><a href="/other">Read this other story about something else</a></p>
      <div class="newsletter-signup"><p>Sign up for our newsletter, every morning.</p><input type="email"></div>
      <figure><img src="a.jpg"><figcaption>A caption stays.</figcaption></figure>
      <div class="social-media-embed"><blockquote class="twitter-tweet"><p>An embedded tweet, kept as quoted content.</p>
        <a href="https://twitter.com/x/status/1">November 18, 2019</a></blockquote></div>
    </article></body></html>`);
    expect(text).toContain('Body paragraph 0');
    expect(text).toContain('Body paragraph 5');
    expect(text).toContain('A caption stays.');
    expect(text).toContain('An embedded tweet');
    for (const junk of [
      'Facebook',
      'Advertisement',
      'Read this other story',
      'Sign up for our newsletter',
    ]) {
      expect(text).not.toContain(junk);
    }
  });

  it('gathers article sections split by figures into one element', () => {
    const section = (n: number): string =>
      `<div class="section"><div class="inner"><div class="col"><div class="text">${Array.from(
        { length: n },
        (_, i) =>
          `<p>Section text ${n}-${i}, with commas, clauses, and sentences. It reads like prose.</p>`,
      ).join('')}</div></div></div></div>`;
    const text = textOf(`<html><body><div class="page"><div class="post">
      ${section(8)}<figure><img src="x.jpg"></figure>${section(4)}<figure><img src="y.jpg"></figure>${section(3)}
      </div></div><footer><a href="/about">About us</a></footer></body></html>`);
    expect(text).toContain('Section text 8-0');
    expect(text).toContain('Section text 4-3');
    expect(text).toContain('Section text 3-2');
    expect(text).not.toContain('About us');
  });

  it('keeps a short article rather than a long comment thread', () => {
    const comments = Array.from(
      { length: 30 },
      (_, i) =>
        `<div class="comment-body"><p>Comment ${i}: I think, on balance, that this is right. Or wrong, who knows.</p></div>`,
    ).join('');
    const text = textOf(`<html><body><div class="story-body">
      <p>A short brief: the bridge reopens on Monday, officials said.</p>
      <p>Repairs took six weeks, and cost more than planned.</p></div>
      <div id="comments">${comments}</div></body></html>`);
    expect(text).toContain('the bridge reopens on Monday');
    expect(text).not.toContain('Comment 3:');
  });

  it('does not join a comment thread that carries no telling names to the article', () => {
    const para = (t: string): string =>
      `<p>${t}, with commas, clauses, and sentences. It reads like prose, and goes on a while.</p>`;
    const article = Array.from({ length: 8 }, (_, i) => para(`Story text ${i}`)).join('');
    const comments = Array.from(
      { length: 5 },
      (_, i) =>
        `<li><div><b>reader${i}</b> says:</div><div>${para(`Reply ${i}`)}${para('And more')}</div></li>`,
    ).join('');
    const text = textOf(`<html><body><div><div><div><div><div>${article}</div></div></div>
      <div><h2>5 replies</h2><ol>${comments}</ol></div></div></div></body></html>`);
    expect(text).toContain('Story text 7');
    expect(text).not.toContain('Reply 3');
  });

  it('returns an element inside the given document, so the caller can mutate it', () => {
    const $ =
      load(`<html><body><div id="story"><p>One paragraph of text, enough to count, with commas.</p>
      <p>Another paragraph of text, enough to count, with commas.</p></div></body></html>`);
    const r = extractWebPage($, null);
    expect($('p').length).toBe(2);
    r.content.find('p').first().remove();
    expect($('p').length).toBe(1);
  });
});

describe('extractWebPage furniture after the article', () => {
  it('drops the author box that follows the post', () => {
    const prose = Array.from(
      { length: 6 },
      (_, i) => `<p>Body paragraph ${i}, long enough to count, with commas, and a full stop.</p>`,
    ).join('');
    const text = textOf(`<html><body><article class="post">${prose}
      <div class="post-author"><div class="author-content"><h5><a href="/author/jo">Jo</a></h5>
      <p>Jo is a hiker, a mother of two, and a writer who lives in Maine with three cats.</p>
      </div></div></article></body></html>`);
    expect(text).toContain('Body paragraph 5');
    expect(text).not.toContain('mother of two');
  });
});

describe('extractWebPage header blocks', () => {
  it('does not gather the standfirst block above the body as a section', () => {
    const body = Array.from(
      { length: 8 },
      (_, i) => `<p>Body text ${i}, with commas, clauses, and sentences. It reads like prose.</p>`,
    ).join('');
    const text = textOf(`<html><body><div><div><div class="article-header">
      <h1>The headline</h1><p>A standfirst that sums up the story, briefly.</p>
      <span>Updated daily, with care.</span></div></div>
      <div><div class="article-body">${body}</div></div></div></body></html>`);
    expect(text).toContain('Body text 7');
    expect(text).not.toContain('A standfirst');
  });
});
