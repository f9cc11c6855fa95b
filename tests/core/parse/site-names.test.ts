import { describe, expect, it } from 'vitest';
import { siteNameFromUrl } from '../../../electron/core/parse/site-names';

describe('siteNameFromUrl', () => {
  it.each([
    ['https://www.bbc.com/zhongwen/simp/world-62912357', 'BBC中文'],
    ['http://www.bbc.co.uk/zhongwen/simp/china/2014/09/x.shtml', 'BBC中文'],
    ['https://cn.nytimes.com/world/20200929/x/', '纽约时报中文网'],
    ['https://www.nytimes.com/zh-hans/x', '纽约时报中文网'],
    ['http://www.rfi.fr//cn/contenu/20200807-x', '法广'],
    ['https://www.dw.com/zh/x/a-1', '德国之声'],
    ['https://www.voachinese.com/a/x.html', '美国之音'],
    ['https://www.rfa.org/mandarin/x.html', '自由亚洲电台'],
    ['https://cn.reuters.com/article/x', '路透'],
    ['https://www.ftchinese.com/story/1', 'FT中文网'],
    ['https://www.zaobao.com/realtime/china/story1', '联合早报'],
    ['https://www.cna.com.tw/news/acn/1.aspx', '中央社'],
    ['https://theinitium.com/article/x/', '端傳媒'],
    ['https://cn.nikkei.com/china/x.html', '日经中文网'],
    ['https://www.economist.com/britain/x', '经济学人'],
  ])('%s → %s', (url, name) => {
    expect(siteNameFromUrl(url)).toBe(name);
  });

  it('answers null for unknown hosts and bad URLs', () => {
    expect(siteNameFromUrl('https://example.org/x')).toBeNull();
    expect(siteNameFromUrl('not a url')).toBeNull();
    expect(siteNameFromUrl('https://www.dw.com/en/x')).toBe('DW');
  });
});
