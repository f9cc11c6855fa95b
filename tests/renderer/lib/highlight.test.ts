import { describe, expect, it } from 'vitest';
import { splitHighlights } from '../../../renderer/src/lib/highlight';

describe('splitHighlights', () => {
  it('cuts text into marked and plain segments', () => {
    expect(splitHighlights('关于经济的新闻', [[2, 4]])).toEqual([
      { text: '关于', mark: false },
      { text: '经济', mark: true },
      { text: '的新闻', mark: false },
    ]);
  });
  it('merges overlapping ranges, sorts and clamps them', () => {
    expect(
      splitHighlights('abcdef', [
        [4, 99],
        [0, 2],
        [1, 3],
      ]),
    ).toEqual([
      { text: 'abc', mark: true },
      { text: 'd', mark: false },
      { text: 'ef', mark: true },
    ]);
  });
  it('keeps markup as literal text and handles no ranges', () => {
    expect(splitHighlights('<b>x</b>', [])).toEqual([{ text: '<b>x</b>', mark: false }]);
    expect(splitHighlights('', [[0, 1]])).toEqual([{ text: '', mark: false }]);
  });
});
