/**
 * The list's multi-selection model: plain data and pure transitions, so click,
 * Ctrl/Cmd+click, Shift+click, Shift+arrows and select-all are unit-tested without a DOM.
 */

export interface Selection {
  /** Selected ids. */
  ids: ReadonlySet<string>;
  /** Where a Shift range starts. */
  anchor: string | null;
  /** The row with keyboard focus; the reader shows it. */
  focus: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null, focus: null };

export interface Modifiers {
  toggle: boolean;
  range: boolean;
}

/** Ids between two rows of `order`, inclusive, in list order. */
function rangeIds(order: readonly string[], from: string, to: string): string[] {
  const a = order.indexOf(from);
  const b = order.indexOf(to);
  if (a < 0 || b < 0) return [to];
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return order.slice(lo, hi + 1);
}

/** Applies a pointer click with the given modifiers. */
export function clickRow(
  sel: Selection,
  order: readonly string[],
  id: string,
  mods: Modifiers,
): Selection {
  if (mods.range && sel.anchor !== null) {
    const ids = new Set(rangeIds(order, sel.anchor, id));
    if (mods.toggle) for (const prev of sel.ids) ids.add(prev);
    return { ids, anchor: sel.anchor, focus: id };
  }
  if (mods.toggle) {
    const ids = new Set(sel.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { ids, anchor: id, focus: id };
  }
  return { ids: new Set([id]), anchor: id, focus: id };
}

/** Moves focus by `delta` rows; with `extend` the selection grows from the anchor. */
export function moveFocus(
  sel: Selection,
  order: readonly string[],
  delta: number,
  extend: boolean,
): Selection {
  if (order.length === 0) return sel;
  const current = sel.focus === null ? -1 : order.indexOf(sel.focus);
  const start = current < 0 ? (delta > 0 ? -1 : order.length) : current;
  const next = Math.max(0, Math.min(order.length - 1, start + delta));
  const id = order[next] as string;
  if (extend) {
    const anchor = sel.anchor ?? sel.focus ?? id;
    return { ids: new Set(rangeIds(order, anchor, id)), anchor, focus: id };
  }
  return { ids: new Set([id]), anchor: id, focus: id };
}

/** Selects every row, keeping focus where it is. */
export function selectAll(sel: Selection, order: readonly string[]): Selection {
  return {
    ids: new Set(order),
    anchor: sel.anchor ?? order[0] ?? null,
    focus: sel.focus ?? order[0] ?? null,
  };
}

/** Drops ids no longer in the list (after a filter change, trash or refresh); `present` is the list as a set. */
export function pruneSelection(sel: Selection, present: { has(id: string): boolean }): Selection {
  const keep = (id: string | null): string | null => (id !== null && present.has(id) ? id : null);
  let allPresent = true;
  for (const id of sel.ids) {
    if (!present.has(id)) {
      allPresent = false;
      break;
    }
  }
  if (allPresent && keep(sel.focus) === sel.focus && keep(sel.anchor) === sel.anchor) return sel;
  const ids = new Set([...sel.ids].filter((id) => present.has(id)));
  return { ids, anchor: keep(sel.anchor), focus: keep(sel.focus) };
}

/**
 * The ids an action applies to, in list order: the selection, or the focused row when nothing
 * is selected. With `indexOf` (row positions of `order`) a small selection costs O(k log k)
 * instead of a pass over every row.
 */
export function targetIds(
  sel: Selection,
  order: readonly string[],
  indexOf?: ReadonlyMap<string, number>,
): string[] {
  if (sel.ids.size === 0) return sel.focus !== null ? [sel.focus] : [];
  if (!indexOf || sel.ids.size > order.length / 8) return order.filter((id) => sel.ids.has(id));
  const pos = (id: string): number => indexOf.get(id) ?? -1;
  return [...sel.ids].filter((id) => pos(id) >= 0).sort((a, b) => pos(a) - pos(b));
}
