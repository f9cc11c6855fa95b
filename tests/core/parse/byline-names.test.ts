import { describe, expect, it } from 'vitest';
import {
  looksLikeName,
  namesFromCreditLine,
  personNames,
} from '../../../electron/core/parse/byline-names';

describe('looksLikeName', () => {
  it('accepts Han, transliterated and Latin names', () => {
    for (const n of [
      '斯影',
      '储百亮',
      '乔纳森·马库斯',
      '安东尼·祖切尔（Anthony Zurcher）',
      'Ellen Barry',
    ])
      expect(looksLikeName(n)).toBe(true);
    expect(looksLikeName('Ludwig van Beethoven')).toBe(true);
    expect(looksLikeName('J. K. Rowling')).toBe(true);
  });

  it('rejects phrases, sentences, places and section words', () => {
    for (const n of [
      '美国总统今天表示',
      '专访',
      '北京',
      'the government said',
      '据报道，他',
      '3 hours',
    ])
      expect(looksLikeName(n)).toBe(false);
  });
});

describe('personNames', () => {
  it('drops outlets, agencies, dates and places', () => {
    expect(personNames('斯影 BBC中文', 'BBC中文')).toEqual(['斯影']);
    expect(personNames('KEITH BRADSHER, 储百亮 2022年9月16日', '纽约时报中文网')).toEqual([
      'Keith Bradsher',
      '储百亮',
    ]);
    expect(personNames('VOA 方冰 华盛顿', '美国之音')).toEqual(['方冰']);
    expect(personNames('日经中文网 高桥哲史 北京', '日经中文网')).toEqual(['高桥哲史']);
    expect(personNames('法广 安德烈', '法广')).toEqual(['安德烈']);
    expect(personNames('dpa/afp/rtr', '德国之声')).toEqual([]);
    expect(personNames('德新社、路透社', '德国之声')).toEqual([]);
    expect(personNames('Jane Doe in Beijing', 'X')).toEqual(['Jane Doe']);
    expect(personNames('Jane Doe | 3 hours ago', 'X')).toEqual(['Jane Doe']);
  });
});

describe('namesFromCreditLine', () => {
  it('takes only the names under author labels', () => {
    expect(namesFromCreditLine('记者：王小明 责编：李华 网编：张三', '自由亚洲电台')).toEqual([
      '王小明',
    ]);
    expect(namesFromCreditLine('文｜余雅琴 编辑｜张三', '燕京书评')).toEqual(['余雅琴']);
    expect(namesFromCreditLine('（撰稿：李文/责编：萧尔）', 'BBC中文')).toEqual(['李文']);
    expect(namesFromCreditLine('By Jane Doe and John Roe', 'X')).toEqual(['Jane Doe', 'John Roe']);
    expect(namesFromCreditLine('BY JANE DOE, BBC News', 'X')).toEqual(['Jane Doe']);
    expect(namesFromCreditLine('BY JANE DOE AND JOHN ROE', 'X')).toEqual(['Jane Doe', 'John Roe']);
    expect(namesFromCreditLine('作者：德国之声中文网', '德国之声')).toEqual([]);
  });

  it('ignores lines that do not start with a label', () => {
    expect(namesFromCreditLine('他对记者：我们不会让步', 'X')).toBeNull();
    expect(namesFromCreditLine('Stand by me', 'X')).toBeNull();
  });
});
