import { describe, expect, it } from 'vitest';
import { cleanTag, sameTag, tagKey, uniqueTags } from '../../shared/tags';

describe('tag identity', () => {
  it('folds case and full-width forms', () => {
    expect(tagKey('ＡＩ')).toBe('ai');
    expect(sameTag('AI', 'ai')).toBe(true);
    expect(sameTag('ＡＩ', 'Ai')).toBe(true);
    expect(sameTag('中国', '中國')).toBe(false);
  });
  it('cleans whitespace, including ideographic spaces', () => {
    expect(cleanTag('  hong\u3000 kong ')).toBe('hong kong');
  });
  it('keeps the first-seen display form and drops empties', () => {
    expect(uniqueTags(['Hong Kong', 'hong kong', '', ' ', 'ＨＯＮＧ ＫＯＮＧ', '香港'])).toEqual([
      'Hong Kong',
      '香港',
    ]);
  });
});
