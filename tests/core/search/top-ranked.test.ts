import { describe, expect, it } from 'vitest';
import { topRanked } from '../../../electron/core/search/top-ranked';

describe('topRanked', () => {
  const cmp = (a: number, b: number) => b - a;

  it('returns the k best in order, like a full sort, for large inputs', () => {
    let s = 7;
    const xs = Array.from({ length: 5000 }, () => (s = (s * 1103515245 + 12345) >>> 0) % 997);
    const want = [...xs].sort(cmp).slice(0, 25);
    expect(topRanked([...xs], 25, cmp)).toEqual(want);
  });

  it('handles small inputs, k = 0 and k beyond the length', () => {
    expect(topRanked([3, 1, 2], 2, cmp)).toEqual([3, 2]);
    expect(topRanked([3, 1, 2], 0, cmp)).toEqual([]);
    expect(topRanked([3, 1, 2], 10, cmp)).toEqual([3, 2, 1]);
  });
});
