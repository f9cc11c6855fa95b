/**
 * How many hits of an answer to draw: the frame that shows a new answer holds a screenful, and
 * the rest of the page follows right after it is painted. Laying out and painting CJK text costs
 * about half a millisecond a hit here, so a page of 25 made the first frame wait for a dozen
 * hits below the fold.
 */
import { startTransition, useEffect, useState } from 'react';
import type { SearchHit } from '../../../shared/api';
import { afterNextPaint } from '../lib/after-paint';

/** Hits in the first frame of an answer: more than the pane shows in a window up to ~1100 px tall. */
export const FIRST_HITS = 10;

interface Drawn {
  hits: readonly SearchHit[];
  count: number;
}

/**
 * The number of `hits` to draw now. `scrolled` (the list is not at its top) draws a new answer
 * whole, so the list never shrinks under the reader's scroll position.
 */
export function useProgressiveHits(hits: readonly SearchHit[], scrolled: boolean): number {
  const [drawn, setDrawn] = useState<Drawn>(() => ({ hits, count: firstCount(hits, null, false) }));
  let count = drawn.count;
  if (drawn.hits !== hits) {
    // Adjusted during render, the React way: the new answer is drawn cut in this very render.
    count = firstCount(hits, drawn.hits, scrolled);
    setDrawn({ hits, count });
  }
  useEffect(() => {
    if (count >= hits.length) return;
    // A transition: a keystroke arriving meanwhile is handled first.
    return afterNextPaint(window, () =>
      startTransition(() => setDrawn({ hits, count: hits.length })),
    );
  }, [hits, count]);
  return count;
}

/** Whole when more hits for the same answer arrive ("Show more") or the list is scrolled. */
function firstCount(
  hits: readonly SearchHit[],
  before: readonly SearchHit[] | null,
  scrolled: boolean,
): number {
  const more = before !== null && before.length > 0 && hits[0] === before[0];
  return more || scrolled ? hits.length : Math.min(hits.length, FIRST_HITS);
}
