/**
 * Splits text into plain and highlighted segments from [start, end) offsets, so the UI
 * renders `<mark>` elements as React nodes and never builds HTML from search output.
 */

export interface Segment {
  text: string;
  mark: boolean;
}

/** Normalises ranges (clamps, sorts, merges overlaps) and cuts the text accordingly. */
export function splitHighlights(
  text: string,
  ranges: ReadonlyArray<readonly [number, number]>,
): Segment[] {
  const clean = ranges
    .map(([s, e]) => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))])
    .filter(([s, e]) => (e as number) > (s as number))
    .sort((a, b) => (a[0] as number) - (b[0] as number)) as Array<[number, number]>;
  const merged: Array<[number, number]> = [];
  for (const r of clean) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const out: Segment[] = [];
  let pos = 0;
  for (const [s, e] of merged) {
    if (s > pos) out.push({ text: text.slice(pos, s), mark: false });
    out.push({ text: text.slice(s, e), mark: true });
    pos = e;
  }
  if (pos < text.length || out.length === 0) out.push({ text: text.slice(pos), mark: false });
  return out;
}
