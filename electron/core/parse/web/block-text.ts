/**
 * Paragraph-aware plain text of an element: block elements and <br> break lines, runs of
 * whitespace collapse, paragraphs are separated by blank lines.
 */
import type { Element } from 'domhandler';
import { BLOCK_TAGS, isElement, SKIP_TAGS } from './dom-stats';

/** The text of `root`, one paragraph per block, separated by blank lines. */
export function blockText(root: Element): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const t = current.replace(/[ \t\n\r\f\u00a0]+/g, ' ').trim();
    if (t) paragraphs.push(t);
    current = '';
  };
  const visit = (el: Element): void => {
    for (const c of el.children) {
      if (c.type === 'text') {
        current += c.data;
      } else if (isElement(c)) {
        if (SKIP_TAGS.has(c.name)) continue;
        if (c.name === 'br') {
          flush();
        } else if (BLOCK_TAGS.has(c.name)) {
          flush();
          visit(c);
          flush();
        } else {
          visit(c);
        }
      }
    }
  };
  visit(root);
  flush();
  return paragraphs.join('\n\n');
}
