/**
 * Text with `<mark>` highlights built as React nodes (never innerHTML).
 */
import { splitHighlights } from '../lib/highlight';

/** Renders highlighted text. */
export function Highlighted({ text, ranges }: { text: string; ranges: Array<[number, number]> }) {
  return (
    <>
      {splitHighlights(text, ranges).map((seg, i) =>
        seg.mark ? <mark key={i}>{seg.text}</mark> : <span key={i}>{seg.text}</span>,
      )}
    </>
  );
}
