/**
 * Reader comments often sit inside the element chosen as the article (the same wrapper holds
 * both). Their heading ("34 responses to …", "Leave a Reply") is a reliable marker whatever the
 * markup is named, so the article ends where it appears.
 */
import type { AnyNode, Element } from 'domhandler';
import { removeElement } from './clean-content';
import { BLOCK_TAGS, isElement } from './dom-stats';

// WordPress puts its "Cancel reply" link inside the "Leave a Reply" heading.
const COMMENTS_HEADING =
  /^(?:(?:\d+|no|one)\s+(?:comments?|responses?|replies|thoughts)(?:\s+(?:to|on)\s.{1,200})?|leave a (?:reply|comment)(?: cancel reply)?|post a comment|add a comment|join the (?:conversation|discussion)|reader comments)\s*[:：]?$/i;
/** A bare "Comments" is also a share-bar label: only a real heading marks the thread. */
const BARE_COMMENTS = /^comments?(?:\s*\(\d+\))?\s*[:：]?$/i;
/** Text before the heading, as a share of the article: a heading near the top is a menu link. */
const MIN_SHARE_BEFORE = 0.3;
const MAX_HEADING_CHARS = 300;

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Length of a subtree's text (whitespace collapsed, scripts and styles left out), counted no
 * further than just past `limit`: a heading test asks only "is this short?", and the full count
 * of every element on the way down would add up to the text times the depth.
 */
function textLength(node: AnyNode, limit = Infinity): number {
  if (node.type === 'text') return clean(node.data).length;
  if (!isElement(node) || node.name === 'script' || node.name === 'style') return 0;
  let n = 0;
  for (const c of node.children) {
    n += textLength(c, limit - n);
    if (n > limit) break;
  }
  return n;
}

function textOf(el: Element): string {
  let out = '';
  for (const c of el.children) {
    if (c.type === 'text') out += c.data;
    else if (isElement(c)) out += ` ${textOf(c)} `;
    if (out.length > MAX_HEADING_CHARS) break;
  }
  return clean(out);
}

function isCommentsHeading(el: Element): boolean {
  const heading = /^h[1-6]$/.test(el.name);
  if (!heading && el.name !== 'p' && el.name !== 'div') return false;
  if (el.children.some((c) => isElement(c) && BLOCK_TAGS.has(c.name))) return false;
  const text = textOf(el);
  return COMMENTS_HEADING.test(text) || (heading && BARE_COMMENTS.test(text));
}

/** Finds the comments heading in document order, with the text length before it. */
function findHeading(root: Element, total: number): Element | null {
  let before = 0;
  let found: Element | null = null;
  const visit = (el: Element): void => {
    for (const c of el.children) {
      if (found) return;
      if (!isElement(c)) {
        before += textLength(c);
        continue;
      }
      if (before >= total * MIN_SHARE_BEFORE) {
        const len = textLength(c, MAX_HEADING_CHARS);
        if (len > 0 && len <= MAX_HEADING_CHARS && isCommentsHeading(c)) {
          found = c;
          return;
        }
      }
      visit(c);
    }
  };
  visit(root);
  return found;
}

/** Removes a comments heading and everything after it inside `root`. */
export function cutAtCommentsHeading(root: Element): void {
  const total = textLength(root);
  if (total === 0) return;
  const heading = findHeading(root, total);
  if (!heading) return;
  for (let el: Element = heading; el !== root;) {
    const parent = el.parent;
    if (!parent || !isElement(parent)) return;
    for (const sib of parent.children.slice(parent.children.indexOf(el) + 1)) {
      if (isElement(sib)) removeElement(sib);
      else if (sib.type === 'text') sib.data = '';
    }
    if (el === heading) removeElement(el);
    el = parent;
  }
}
