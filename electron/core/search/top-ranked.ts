/**
 * Picks the best k of many ranked matches without sorting them all: a page of twenty out of tens
 * of thousands of matches needs a bounded heap, not a full sort.
 */

/** The k best items in order (cmp < 0: a ranks before b). Reorders `items` when it sorts them. */
export function topRanked<T>(items: T[], k: number, cmp: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (items.length <= k * 4) return items.sort(cmp).slice(0, k);
  // Heap with the worst kept item at the root.
  const heap: T[] = [];
  const worse = (i: number, j: number) => cmp(heap[i]!, heap[j]!) > 0;
  const swap = (i: number, j: number) => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(l, m)) m = l;
      if (r < heap.length && worse(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (const it of items) {
    if (heap.length < k) {
      heap.push(it);
      let i = heap.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!worse(i, p)) break;
        swap(i, p);
        i = p;
      }
    } else if (cmp(it, heap[0]!) < 0) {
      heap[0] = it;
      down(0);
    }
  }
  return heap.sort(cmp);
}
