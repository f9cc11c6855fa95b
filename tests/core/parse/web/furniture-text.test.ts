import { describe, expect, it } from 'vitest';
import { isDateLine, isLabel } from '../../../../electron/core/parse/web/furniture-text';

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

describe('isDateLine in other languages', () => {
  it('recognises a short line with a year and a clock time', () => {
    expect(isDateLine('sexta-feira, 22 de outubro de 2010 às 20:13')).toBe(true);
    expect(isDateLine('Mittwoch, 20. November 2019, 14:05 Uhr')).toBe(true);
  });

  it('leaves a sentence that has a year and a time', () => {
    expect(isDateLine('The polls closed at 20:00 and the count began in 2019.')).toBe(false);
  });
});

describe('isLabel', () => {
  it('recognises advertisement labels in several languages and taxonomy lines', () => {
    for (const t of [
      'Anzeige',
      'Publicidade',
      'Iklan',
      'Sharing is caring!',
      'Ad Choices',
      'Image 3 of 12',
      'Close',
      'Sponsored links',
      'Filed under: Politics |',
    ])
      expect(isLabel(t)).toBe(true);
  });

  it('leaves ordinary short text', () => {
    expect(isLabel('Filed in court on Monday')).toBe(false);
    expect(isLabel('Tags were attached to each bird.')).toBe(false);
  });
});
