/**
 * Layout flattening: wrapper divs become paragraphs or disappear, and markup outside the
 * sanitiser's allow-list is unwrapped before serialisation.
 */
import type { AnyNode, Element } from 'domhandler';
import { Element as DomElement } from 'domhandler';
import { detach, elementsOf, hasText, isElement, relink, someElement, unwrap } from './dom-utils';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS } from './sanitize';

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'figure',
  'figcaption',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'center',
  'details',
  'summary',
  'address',
  'picture',
]);

/** Layout divs become paragraphs (inline content) or disappear (block content). */
export function flattenLayout(root: Element): void {
  const all = elementsOf(root);
  for (let i = all.length - 1; i >= 0; i -= 1) {
    const el = all[i] as Element;
    if (!el.parent) continue;
    const name = el.name;
    if (
      name === 'div' ||
      name === 'section' ||
      name === 'article' ||
      name === 'main' ||
      name === 'header' ||
      name === 'center'
    ) {
      const hasBlock = el.children.some((c) => isElement(c) && BLOCK_TAGS.has(c.name));
      if (!hasBlock) {
        if (isEmpty(el)) detach(el);
        else el.name = 'p';
        continue;
      }
      wrapInlineRuns(el);
      unwrap(el);
    } else if (
      (name === 'p' || /^h[1-6]$/.test(name) || name === 'li' || name === 'blockquote') &&
      isEmpty(el)
    ) {
      detach(el);
    } else if (name === 'p' && el.children.some((c) => isElement(c) && BLOCK_TAGS.has(c.name))) {
      // A <p> holding blocks (from a flattened div) is invalid HTML: split it.
      wrapInlineRuns(el);
      unwrap(el);
    }
  }
}

function isEmpty(el: Element): boolean {
  if (hasText(el)) return false;
  return !someElement(el, (c) => c.name === 'img');
}

/** Groups loose inline children of a block container into paragraphs. */
function wrapInlineRuns(el: Element): void {
  const out: AnyNode[] = [];
  let run: AnyNode[] = [];
  const flush = (): void => {
    const keep = run.some(
      (n) =>
        hasText(n) ||
        (isElement(n) && (n.name === 'img' || someElement(n, (c) => c.name === 'img'))),
    );
    if (keep) {
      const p = new DomElement('p', {});
      p.children = run;
      for (const n of run) n.parent = p;
      relink(p);
      out.push(p);
    }
    run = [];
  };
  for (const c of el.children) {
    if (isElement(c) && BLOCK_TAGS.has(c.name)) {
      flush();
      out.push(c);
    } else if (!(isElement(c) && c.name === 'br' && run.length === 0)) {
      run.push(c);
    }
  }
  flush();
  el.children = out;
  for (const n of out) n.parent = el;
  relink(el);
}

const allowedTags = new Set(ALLOWED_TAGS);

/**
 * Unwraps tags and drops attributes the sanitiser would discard anyway: the sanitiser still
 * guards the output, but it then parses a fraction of the markup (layout classes are long).
 */
export function pruneToAllowList(root: Element): void {
  const all = elementsOf(root);
  // Children before parents: a disallowed child's own children are already flat.
  for (let i = all.length - 1; i >= -1; i -= 1) {
    const el = i >= 0 ? (all[i] as Element) : root;
    if (el.children.some((c) => isElement(c) && !allowedTags.has(c.name))) {
      const kids: AnyNode[] = [];
      for (const c of el.children) {
        if (isElement(c) && !allowedTags.has(c.name)) for (const g of c.children) kids.push(g);
        else kids.push(c);
      }
      for (const k of kids) k.parent = el;
      el.children = kids;
      relink(el);
    }
    if (i < 0) break;
    const keep = ALLOWED_ATTRIBUTES[el.name];
    const attribs: Record<string, string> = {};
    if (keep)
      for (const k of keep) if (el.attribs[k] !== undefined) attribs[k] = el.attribs[k] as string;
    el.attribs = attribs;
  }
}
