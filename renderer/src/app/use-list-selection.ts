/**
 * Binds the pure selection model to React state for one list order.
 */
import { useCallback, useMemo, useState } from 'react';
import {
  clickRow,
  EMPTY_SELECTION,
  moveFocus,
  pruneSelection,
  selectAll,
  targetIds,
  type Modifiers,
  type Selection,
} from '../lib/selection';
import { positionsOf } from '../lib/positions';

export interface ListSelection {
  selection: Selection;
  /** The ids actions apply to, in list order. */
  ids: string[];
  onRowClick: (id: string, mods: Modifiers) => void;
  onMove: (delta: number, extend: boolean) => void;
  onSelectAll: () => void;
}

const NO_IDS: string[] = [];

/** Selection state over `order`; ids that leave the list drop out of the selection. */
export function useListSelection(order: readonly string[]): ListSelection {
  const [raw, setSelection] = useState<Selection>(EMPTY_SELECTION);
  // Built once per list, not per click or per search: a 50,000-entry map costs milliseconds.
  const indexOf = positionsOf(order);
  const selection = useMemo(() => pruneSelection(raw, indexOf), [raw, indexOf]);
  // Nothing selected is always the same array: a new list or search answer then leaves the panes
  // that take `ids` (reader, toolbar) unrendered.
  const ids = useMemo(() => {
    const out = targetIds(selection, order, indexOf);
    return out.length === 0 ? NO_IDS : out;
  }, [selection, order, indexOf]);
  const onRowClick = useCallback(
    (id: string, mods: Modifiers) => setSelection((p) => clickRow(p, order, id, mods)),
    [order],
  );
  const onMove = useCallback(
    (d: number, extend: boolean) => setSelection((p) => moveFocus(p, order, d, extend)),
    [order],
  );
  const onSelectAll = useCallback(() => setSelection((p) => selectAll(p, order)), [order]);
  return { selection, ids, onRowClick, onMove, onSelectAll };
}
