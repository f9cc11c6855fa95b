import { load } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { cleanNames, extractByline, withoutRepeats } from '../../../electron/core/parse/byline';

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

  it('prints each name of a repeated feed byline once', () => {
    expect(
      byline('<div><i>HISAKO UENO,HISAKO UENO<br>2020-12-04 15:10:48</i></div><p>正文</p>', 'X'),
    ).toEqual({ authors: ['Hisako Ueno'], byline: 'HISAKO UENO' });
    expect(withoutRepeats('张三、李四、张三')).toBe('张三、李四');
    expect(withoutRepeats('Jane Roe, JANE ROE, John Doe')).toBe('Jane Roe, John Doe');
    expect(withoutRepeats('Jane Roe, John Doe')).toBe('Jane Roe, John Doe');
    expect(withoutRepeats('斯影')).toBe('斯影');
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

describe('extractByline across outlets', () => {
  const prose =
    '<p>这是正文的第一段，它足够长，可以被认为是文章的正文内容而不是别的东西，对吧。</p>';

  it('takes only the person from a BBC list, never the role or the English name', () => {
    const list = (a: string, b: string): string =>
      `<div><ul role="list"><li>${a}</li><li>${b}</li></ul></div>${prose}`;
    expect(byline(list('乔纳森·马库斯', 'Jonathan Marcus')).authors).toEqual(['乔纳森·马库斯']);
    expect(byline(list('斯影', '中国事务评论员')).authors).toEqual(['斯影']);
    expect(byline(list('作者，斯影', 'Role，BBC中文')).authors).toEqual(['斯影']);
    expect(byline(list('BBC中文', 'BBC中文')).authors).toEqual([]);
  });

  it('reads old BBC byline spans without keeping the role in the text', () => {
    const $ = load(
      `<div class="byline"><span class="byline__name">斯影</span><span class="byline__title">BBC中文记者</span></div>${prose}`,
    );
    const r = extractByline($, $.root()[0] as unknown as Element, 'BBC中文');
    expect(r.authors).toEqual(['斯影']);
    expect($.root().text()).not.toContain('BBC中文记者');
  });

  it('reads the NYT mirror header with two names and a date', () => {
    expect(
      byline(
        '<div><i>KEITH BRADSHER,储百亮<br>2022-09-16 12:11:03</i></div>' + prose,
        '纽约时报中文网',
      ).authors,
    ).toEqual(['Keith Bradsher', '储百亮']);
    expect(
      byline('<div><i>dpa/afp<br>2021-04-11T10:29:38.201Z</i></div>' + prose, '德国之声').authors,
    ).toEqual([]);
  });

  it('reads reporter datelines of CNA, RFA and Initium', () => {
    expect(
      byline('<p>（中央社記者王小明台北15日電）行政院今天宣布一項新的政策措施。</p>', '中央社')
        .authors,
    ).toEqual(['王小明']);
    expect(
      byline('<p>（中央社記者王小明、李大華東京15日專電）日本政府今天宣布新的措施。</p>', '中央社')
        .authors,
    ).toEqual(['王小明', '李大華']);
    expect(
      byline(`${prose}<p>记者：王小明 责编：李华 网编：张三</p>`, '自由亚洲电台').authors,
    ).toEqual(['王小明']);
    expect(byline(`<p>端傳媒記者 陳倩兒 發自香港</p>${prose}`, '端傳媒').authors).toEqual([
      '陳倩兒',
    ]);
  });

  it('reads outlet + name header lines and English bylines', () => {
    expect(byline(`<div>VOA 方冰</div>${prose}`, '美国之音').authors).toEqual(['方冰']);
    expect(byline(`<div>日经中文网 高桥哲史 北京</div>${prose}`, '日经中文网').authors).toEqual([
      '高桥哲史',
    ]);
    expect(
      byline(
        '<p>By Jane Doe and John Roe</p><p>The body text of the article goes here at length.</p>',
        'X',
      ).authors,
    ).toEqual(['Jane Doe', 'John Roe']);
  });

  it('never takes image credits, outlets or sentence fragments', () => {
    expect(
      byline(
        `<div><span>图片版权</span><span class="story-image-copyright">Jane Doe/BBC</span></div>${prose}`,
      ).authors,
    ).toEqual([]);
    expect(byline(`<div>BBC 专访</div>${prose}`).authors).toEqual([]);
    expect(byline('<p>作者：德国之声中文网</p>' + prose, '德国之声').authors).toEqual([]);
    expect(
      byline(`<p>（德国之声中文网）德国总理今天表示，将继续支持乌克兰。</p>`, '德国之声').authors,
    ).toEqual([]);
  });
});

describe('reporter datelines are anchored at the start of the line', () => {
  it('reads outlet-prefixed reporters and ignores prose that mentions reporters', () => {
    expect(
      byline('<p>（大纪元记者李言综合报导）美国国会今天通过了一项新的法案。</p>', '大纪元').authors,
    ).toEqual(['李言']);
    expect(byline('<p>美国之音记者方冰华盛顿报道</p><p>正文。</p>', '美国之音').authors).toEqual([
      '方冰',
    ]);
    expect(byline('<p>他告诉记者看到报道后很震惊，并表示会继续关注。</p>', 'X').authors).toEqual(
      [],
    );
  });
});
