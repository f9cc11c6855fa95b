import { describe, expect, it } from 'vitest';
import {
  clickRow,
  EMPTY_SELECTION,
  moveFocus,
  pruneSelection,
  selectAll,
  targetIds,
} from '../../../renderer/src/lib/selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const plain = { toggle: false, range: false };
const ids = (s: { ids: ReadonlySet<string> }): string[] => [...s.ids].sort();

describe('selection model', () => {
  it('click selects one row; ctrl-click toggles; shift-click selects a range', () => {
    let s = clickRow(EMPTY_SELECTION, order, 'b', plain);
    expect(ids(s)).toEqual(['b']);
    s = clickRow(s, order, 'd', { toggle: true, range: false });
    expect(ids(s)).toEqual(['b', 'd']);
    s = clickRow(s, order, 'b', { toggle: true, range: false });
    expect(ids(s)).toEqual(['d']);
    s = clickRow(s, order, 'a', { toggle: false, range: true });
    // Ctrl-click moved the anchor to 'b', so the range runs from there.
    expect(ids(s)).toEqual(['a', 'b']);
    expect(s.focus).toBe('a');
  });
  it('shift+arrows extend from the anchor and shrink back', () => {
    let s = clickRow(EMPTY_SELECTION, order, 'c', plain);
    s = moveFocus(s, order, 1, true);
    s = moveFocus(s, order, 1, true);
    expect(ids(s)).toEqual(['c', 'd', 'e']);
    s = moveFocus(s, order, -1, true);
    expect(ids(s)).toEqual(['c', 'd']);
    s = moveFocus(s, order, -1, false);
    expect(ids(s)).toEqual(['c']);
  });
  it('arrows clamp at the ends and start from the top', () => {
    let s = moveFocus(EMPTY_SELECTION, order, 1, false);
    expect(s.focus).toBe('a');
    s = moveFocus(s, order, -10, false);
    expect(s.focus).toBe('a');
    s = moveFocus(s, order, 99, false);
    expect(s.focus).toBe('e');
  });
  it('select all, prune and targets follow list order', () => {
    const s = selectAll(clickRow(EMPTY_SELECTION, order, 'c', plain), order);
    expect(ids(s)).toEqual(order);
    expect(s.focus).toBe('c');
    const pruned = pruneSelection(s, new Set(['e', 'a']));
    expect(ids(pruned)).toEqual(['a', 'e']);
    expect(pruned.focus).toBeNull();
    expect(targetIds(pruned, ['e', 'a'])).toEqual(['e', 'a']);
    expect(pruneSelection(pruned, new Set(['e', 'a']))).toBe(pruned);
  });
});

describe('targetIds with a row index', () => {
  const order = Array.from({ length: 100 }, (_, i) => `r${i}`);
  const indexOf = new Map(order.map((id, i) => [id, i]));

  it('returns a small selection in list order, without ids that left the list', () => {
    const sel = { ids: new Set(['r50', 'r3', 'gone', 'r20']), anchor: 'r3', focus: 'r50' };
    expect(targetIds(sel, order, indexOf)).toEqual(['r3', 'r20', 'r50']);
    expect(targetIds(sel, order)).toEqual(['r3', 'r20', 'r50']);
  });

  it('falls back to the focused row when nothing is selected', () => {
    expect(targetIds({ ids: new Set(), anchor: null, focus: 'r9' }, order, indexOf)).toEqual([
      'r9',
    ]);
  });
});
