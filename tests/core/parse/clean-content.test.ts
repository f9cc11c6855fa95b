import { load } from 'cheerio/slim';
import { describe, expect, it } from 'vitest';
import { cleanContent } from '../../../electron/core/parse/clean-content';

function clean(html: string, base = 'https://news.example.com/world/story-1') {
  const $ = load(html);
  return cleanContent($, $.root(), base, { repairEscapedMarkup: true });
}

describe('cleanContent', () => {
  it('removes the feed promo footer with its rule', () => {
    const out = clean(
      '<div><p>正文第一段，内容足够长。</p><br><hr><div>获取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a></div></div>',
    );
    expect(out.text).toBe('正文第一段，内容足够长。');
    expect(out.contentHtml).not.toMatch(/<hr|feedx|获取更多/);
  });

  it('drops ads, share bars, forms, navigation and related-link lists', () => {
    const out = clean(
      '<article><nav><a href="/">首页</a></nav><p>第一段正文。</p>' +
        '<div class="share-tools"><a href="https://twitter.com/x">分享</a></div>' +
        '<div id="bbccom_mpu_1" class="bbccom_slot mpu-ad"><div class="bbccom_advert"></div></div>' +
        '<h3>相关新闻</h3><ul><li><a href="/a">另一篇报道</a></li><li><a href="/b">第三篇报道</a></li></ul>' +
        '<form><input name="q"><button>搜索</button></form><p>第二段正文。</p>' +
        '<p>你的器材不支持播放多媒体材料</p><aside>边栏</aside></article>',
    );
    expect(out.text).toBe('第一段正文。\n\n第二段正文。');
  });

  it('keeps content lists, tables, headings and blockquotes', () => {
    const out = clean(
      '<div><h2>小标题</h2><ul><li>要点一</li><li>要点二 <a href="/x">链接</a> 说明文字较长</li></ul>' +
        '<table><tr><th>年份</th><th>人数</th></tr><tr><td>2020</td><td>100</td></tr></table>' +
        '<blockquote>引用的话</blockquote></div>',
    );
    expect(out.contentHtml).toContain('<h2>小标题</h2>');
    expect(out.contentHtml).toContain('<li>要点一</li>');
    expect(out.contentHtml).toMatch(/<table>.*<td>2020<\/td>/);
    expect(out.contentHtml).toContain('<blockquote>');
    expect(out.text).toContain('要点一');
    expect(out.text).toContain('2020 100');
  });

  it('finds real image sources: srcset, lazy attributes, noscript, proxies', () => {
    const out = clean(
      '<div>' +
        '<figure><img src="data:image/gif;base64,R0lGOD" data-src="/img/lazy.jpg" alt="懒加载"><figcaption>图片说明，懒加载的图 图片来源：路透社</figcaption></figure>' +
        '<p>段落。</p>' +
        '<figure><img src="small.jpg" srcset="a-320.jpg 320w, a-1024.jpg 1024w, a-640.jpg 640w" alt="大图"><figcaption>大图说明 ©AFP</figcaption></figure>' +
        '<div class="placeholder"><div></div><noscript><img src="https://cdn.example.com/ns.jpg" alt="noscript 图片"></noscript></div>' +
        '<img src="https://images.weserv.nl/?url=static.dw.com/image/1_303.jpg"><div><small>德国之声的图片说明</small></div>' +
        '</div>',
    );
    expect(out.images.map((i) => i.src)).toEqual([
      'https://news.example.com/img/lazy.jpg',
      'https://news.example.com/world/a-1024.jpg',
      'https://cdn.example.com/ns.jpg',
      'https://static.dw.com/image/1_303.jpg',
    ]);
    expect(out.images[0]).toMatchObject({ caption: '懒加载的图', credit: '路透社' });
    expect(out.images[1]).toMatchObject({ caption: '大图说明', credit: 'AFP' });
    expect(out.images[3]?.caption).toBe('德国之声的图片说明');
    expect(out.text).toBe('段落。');
    expect(out.contentHtml).toContain('<figcaption>懒加载的图 <small>路透社</small></figcaption>');
  });

  it('drops placeholder-only images and duplicates', () => {
    const out = clean(
      '<div><img src="/static/grey-placeholder.png"><img src="https://x.test/a.jpg"><img src="https://x.test/a.jpg"><p>文字。</p></div>',
    );
    expect(out.images.map((i) => i.src)).toEqual(['https://x.test/a.jpg']);
  });

  it('resolves relative links and removes unsafe ones', () => {
    const out = clean(
      '<p>看<a href="../other">这里</a>和<a href="javascript:void(0)">那里</a>。</p>',
    );
    expect(out.contentHtml).toContain('<a href="https://news.example.com/other">这里</a>');
    expect(out.contentHtml).not.toContain('javascript');
    expect(out.text).toBe('看这里和那里。');
  });

  it('tidies non-breaking spaces and whitespace runs', () => {
    const out = clean('<p>A&nbsp;&nbsp;B\n\n   C</p>');
    expect(out.text).toBe('A B C');
  });

  it('removes trailing publisher boilerplate', () => {
    const out = clean(
      '<div><p>正文。</p><p>The post 标题 appeared first on 中国数字时代.</p><p>© 2020年 德国之声版权声明：本文所有内容受到著作权法保护。</p></div>',
    );
    expect(out.text).toBe('正文。');
  });
});

describe('cleanContent on short articles', () => {
  it('keeps a short story inside a wrapper whose class looks like a widget', () => {
    const story =
      '这是一篇很短的快讯，只有一段话，但它仍然是完整的文章内容，读者需要看到它的全部文字。';
    const out = clean(`<div class="story-body share-enabled"><p>${story}</p></div>`);
    expect(out.text).toBe(story);
  });

  it('keeps a short story that ends with the feed promo', () => {
    const out = clean(
      '<div><p>短讯正文。</p><br><hr><div>获取更多RSS：<a href="https://feedx.net">feedx</a></div></div>',
    );
    expect(out.text).toBe('短讯正文。');
  });
});
