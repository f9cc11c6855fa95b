/**
 * Where each id sits in a list, built once per list (per array, by identity) rather than per
 * render or remount: the list and the selection both need it, and clearing a search remounts
 * the list, which rebuilt two 50,000-entry maps (about 14 ms) every time.
 */
const cache = new WeakMap<readonly unknown[], ReadonlyMap<string, number>>();

/** Positions of `ids`; the same map for the same array. */
export function positionsOf(ids: readonly string[]): ReadonlyMap<string, number> {
  let map = cache.get(ids);
  if (!map) {
    map = new Map(ids.map((id, i) => [id, i]));
    cache.set(ids, map);
  }
  return map;
}

/** Positions of `rows` by id; the same map for the same array. */
export function rowPositions(rows: readonly { id: string }[]): ReadonlyMap<string, number> {
  let map = cache.get(rows);
  if (!map) {
    map = new Map(rows.map((r, i) => [r.id, i]));
    cache.set(rows, map);
  }
  return map;
}
