/**
 * Plain text of cleaned content: paragraphs separated by blank lines, figures left out
 * (captions and credits are metadata, not body text).
 */
import type { AnyNode, Element, Text } from 'domhandler';
import { isElement } from './dom-utils';

const BREAK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'tr',
  'hr',
  'header',
  'address',
  'details',
  'summary',
  'center',
  'main',
]);
const SKIP_TAGS = new Set(['figure', 'script', 'style', 'noscript', 'template', 'head', 'title']);

type Item = AnyNode | { close: string };

/** Extracts readable text from a cleaned content tree (iteratively). */
export function htmlToText(root: Element): string {
  const blocks: string[] = [];
  let cur = '';
  const endBlock = (): void => {
    const t = cur
      .replace(/[ \t]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .trim();
    if (t) blocks.push(t);
    cur = '';
  };
  const stack: Item[] = [...root.children].reverse();
  while (stack.length > 0) {
    const item = stack.pop() as Item;
    if ('close' in item) {
      if (item.close === 'cell') cur += ' ';
      else endBlock();
      continue;
    }
    if (item.type === 'text') {
      cur += (item as Text).data;
      continue;
    }
    if (!isElement(item)) continue;
    const name = item.name;
    if (SKIP_TAGS.has(name)) continue;
    if (name === 'br') {
      cur += '\n';
      continue;
    }
    if (name === 'td' || name === 'th') {
      stack.push({ close: 'cell' });
    } else if (BREAK_TAGS.has(name)) {
      endBlock();
      stack.push({ close: 'block' });
    }
    for (let i = item.children.length - 1; i >= 0; i -= 1) stack.push(item.children[i] as AnyNode);
  }
  endBlock();
  return blocks.join('\n\n');
}
