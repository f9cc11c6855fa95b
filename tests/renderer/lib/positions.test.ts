import { describe, expect, it } from 'vitest';
import { positionsOf, rowPositions } from '../../../renderer/src/lib/positions';

describe('positions', () => {
  it('maps each id to its index', () => {
    expect([...positionsOf(['a', 'b', 'c'])]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    expect(rowPositions([{ id: 'x' }, { id: 'y' }]).get('y')).toBe(1);
  });

  it('builds the map once per array, however often it is asked for', () => {
    const ids = ['a', 'b'];
    const rows = [{ id: 'a' }];
    expect(positionsOf(ids)).toBe(positionsOf(ids));
    expect(rowPositions(rows)).toBe(rowPositions(rows));
    // An equal but new array is another list.
    expect(positionsOf([...ids])).not.toBe(positionsOf(ids));
  });
});
