/**
 * Text with `<mark>` highlights built as React nodes (never innerHTML). Plain runs are bare text
 * nodes: a wrapper element each would be a third more nodes to create, style and lay out in every
 * search hit.
 */
import { splitHighlights } from '../lib/highlight';

/** Renders highlighted text. */
export function Highlighted({ text, ranges }: { text: string; ranges: Array<[number, number]> }) {
  return (
    <>
      {splitHighlights(text, ranges).map((seg, i) =>
        seg.mark ? <mark key={i}>{seg.text}</mark> : seg.text,
      )}
    </>
  );
}
