import { describe, expect, it } from 'vitest';
import {
  addDateValues,
  dateForm,
  probeDates,
  slotDates,
  type MonthNames,
} from '../../../electron/core/export/citation-dates';
import { articleToCsl } from '../../../electron/core/export/csl-data';
import { makeArticle } from './fixtures';

const MONTHS: MonthNames = {
  long: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
  ].concat(['October', 'November', 'December']),
  short: ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.'].concat([
    'Nov.',
    'Dec.',
  ]),
};
const both = { issued: true, accessed: true };

describe('date slots', () => {
  it('probe the dates an item has, and only those', () => {
    const item = articleToCsl(makeArticle({ publishedAt: null }));
    expect(probeDates(item)).toEqual({
      publishedAt: null,
      importedAt: '2579-08-06T00:00:00.000Z',
    });
    expect(dateForm(item)).toBe('dates:-d');
    expect(dateForm(articleToCsl(makeArticle()))).toBe('dates:dd');
  });

  it('send dates a slot could not print plainly through citeproc', () => {
    const year = (publishedAt: string) => dateForm(articleToCsl(makeArticle({ publishedAt })));
    expect(year('0999-12-31T00:00:00Z')).toBeNull();
    expect(year('1000-01-01T00:00:00Z')).toBe('dates:dd');
  });

  it('turn every form of a probe date part into a slot', () => {
    const t = slotDates(
      ['(2468, March 5) Title, 5 Mar. 2468 [2579-08-06] 3/05/2468 Accessed August 6'],
      both,
      MONTHS,
    );
    expect(t).toEqual([
      '(',
      { slot: 'issued:year' },
      ', ',
      { slot: 'issued:month-long' },
      ' ',
      { slot: 'issued:day' },
      ') Title, ',
      { slot: 'issued:day' },
      ' ',
      { slot: 'issued:month-short' },
      ' ',
      { slot: 'issued:year' },
      ' [',
      { slot: 'accessed:year' },
      '-',
      { slot: 'accessed:month0' },
      '-',
      { slot: 'accessed:day0' },
      '] ',
      { slot: 'issued:month' },
      '/',
      { slot: 'issued:day0' },
      '/',
      { slot: 'issued:year' },
      ' Accessed ',
      { slot: 'accessed:month-long' },
      ' ',
      { slot: 'accessed:day' },
      '',
    ]);
    const values = new Map<string, string>();
    addDateValues(
      values,
      articleToCsl(
        makeArticle({ publishedAt: '2021-11-09T10:00:00Z', importedAt: '2024-01-31T00:00:00Z' }),
      ),
      MONTHS,
    );
    expect(Object.fromEntries(values)).toMatchObject({
      'issued:year': '2021',
      'issued:month': '11',
      'issued:month0': '11',
      'issued:month-long': 'November',
      'issued:month-short': 'Nov.',
      'issued:day': '9',
      'issued:day0': '09',
      'accessed:month-short': 'Jan.',
      'accessed:day': '31',
    });
  });

  it('leave a probe value of a date the item lacks as text', () => {
    expect(slotDates(['[1] 8 items, 2468'], { issued: true, accessed: false }, MONTHS)).toEqual([
      '[1] 8 items, ',
      { slot: 'issued:year' },
      '',
    ]);
  });

  it('refuse renderings a slot could not reproduce for other dates', () => {
    for (const rendered of [
      'Title, 5th March 2468', // ordinal day
      "Title, 5 Mar. '68", // two-digit year
      'Title, 5 MARCH 2468', // re-cased month name
      'Title, 5 Mar 2468', // stripped period
      'Title, 2468, March.', // a name's period could merge with punctuation after it
      'Title, 2468-03-05a', // number glued to a letter
    ]) {
      expect(slotDates([rendered], both, MONTHS), rendered).toBeNull();
    }
    // Names that a month shares in both forms cannot tell the form apart.
    const equal = { long: MONTHS.long, short: MONTHS.long };
    expect(slotDates(['2468'], both, equal)).toBeNull();
  });

  it('slot only the literal parts of a template', () => {
    expect(slotDates(['(', { slot: 'title' }, ', 2468)'], both, MONTHS)).toEqual([
      '(',
      { slot: 'title' },
      ', ',
      { slot: 'issued:year' },
      ')',
    ]);
  });
});
