import { load } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { cleanNames, extractByline } from '../../../electron/core/parse/byline';

function byline(html: string, site = 'BBC中文') {
  const $ = load(html);
  return extractByline($, $.root()[0] as unknown as Element, site);
}

describe('cleanNames', () => {
  it('keeps people and drops outlets, titles and dates', () => {
    expect(cleanNames('斯影、BBC中文', 'BBC中文')).toEqual(['斯影']);
    expect(cleanNames('(臺)中央社CNA', '中央社')).toEqual([]);
    expect(cleanNames('经济学人en', '经济学人')).toEqual([]);
    expect(cleanNames('BBC驻北美记者', 'BBC中文')).toEqual([]);
    expect(cleanNames('HISAKO UENO,HISAKO UENO', '纽约时报中文网')).toEqual(['Hisako Ueno']);
    expect(cleanNames('叶宣（综合报道）', '德国之声')).toEqual(['叶宣']);
    expect(cleanNames('Gavin Newsom and Jamie McNamara', 'X')).toEqual([
      'Gavin Newsom',
      'Jamie McNamara',
    ]);
  });
});

describe('extractByline', () => {
  it('reads a BBC person list and removes it from the body', () => {
    const html =
      '<div><ul role="list"><li role="listitem">斯影</li><li role="listitem">BBC中文</li></ul>' +
      '<p>这是正文的第一段，它足够长，可以被认为是文章的正文内容而不是别的东西。</p></div>';
    const $ = load(html);
    const r = extractByline($, $.root()[0] as unknown as Element, 'BBC中文');
    expect(r).toEqual({ authors: ['斯影'], byline: '斯影' });
    expect($.root().text()).not.toContain('斯影');
  });

  it('reads the feed mirror header <i>NAME<br>DATE</i>', () => {
    expect(
      byline('<div><i>任琛<br>2020-07-26T08:58:28.102Z</i></div><p>正文</p>', '德国之声'),
    ).toEqual({
      authors: ['任琛'],
      byline: '任琛',
    });
    expect(
      byline('<div><i>Mon, 15 Mar 2021 03:05:56 GMT</i></div><p>正文</p>', '美国之音').authors,
    ).toEqual([]);
  });

  it('reads printed lines such as 作者： and 记者X报道', () => {
    expect(byline('<p>作者：王小明</p><p>正文内容。</p>', 'X').authors).toEqual(['王小明']);
    expect(byline('<p>本台记者李华报道，昨天发生了一件事情。</p>', 'X').authors).toEqual(['李华']);
    expect(byline('<p>文章指出，这件事情很重要。</p>', 'X').authors).toEqual([]);
  });

  it('reads author-classed elements', () => {
    expect(
      byline('<span class="authors"><span>Tracy Wen Liu</span></span><p>Body.</p>', 'ChinaFile')
        .authors,
    ).toEqual(['Tracy Wen Liu']);
  });
});
