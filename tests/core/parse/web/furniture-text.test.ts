import { describe, expect, it } from 'vitest';
import { isDateLine } from '../../../../electron/core/parse/web/furniture-text';

describe('isDateLine', () => {
  it('recognises date and time lines in English and Chinese', () => {
    expect(
      isDateLine('PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019'),
    ).toBe(true);
    expect(isDateLine('20 Nov 2019 08:00 GMT')).toBe(true);
    expect(isDateLine('发布时间：2019年11月20日 10:30')).toBe(true);
    expect(isDateLine('Updated 3 hours ago')).toBe(true);
    expect(isDateLine('Nov 18, 2019 at 9:24 pm ET • 2 min read')).toBe(true);
  });

  it('leaves sentences that merely mention dates', () => {
    expect(isDateLine('In 2019, sales rose 5%')).toBe(false);
    expect(isDateLine('On Nov 19 the council met.')).toBe(false);
    expect(isDateLine('2019年经济增长放缓')).toBe(false);
  });
});
