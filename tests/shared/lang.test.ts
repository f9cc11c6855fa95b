import { describe, expect, it } from 'vitest';
import { detectLang } from '../../shared/lang';

describe('detectLang', () => {
  it('tells Simplified from Traditional Chinese', () => {
    expect(
      detectLang('中国国家主席习近平在北京会见了来访的外国领导人，双方就国际问题交换了意见。'),
    ).toBe('zh-Hans');
    expect(detectLang('中央社記者今天報導，臺灣的經濟發展與國際關係受到各界關注。')).toBe(
      'zh-Hant',
    );
  });

  it('recognises English and falls back to other', () => {
    expect(
      detectLang('The minister said that the talks with the delegation were constructive.'),
    ).toBe('en');
    expect(detectLang('Der Minister sagte, die Gespräche seien konstruktiv gewesen.')).toBe(
      'other',
    );
    expect(detectLang('')).toBe('other');
  });

  it('treats Chinese with English names as Chinese', () => {
    expect(
      detectLang('拜登（Joe Biden）上任后，白宫与中国高层即将到来的会面（Antony Blinken）。'),
    ).toBe('zh-Hans');
  });
});
