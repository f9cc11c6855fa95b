/**
 * Small iterative DOM helpers (no recursion: hostile input may nest thousands of levels deep).
 */
import type { AnyNode, Element, ParentNode } from 'domhandler';
import { Text } from 'domhandler';

/** True for an element node (including script/style, which domhandler types apart). */
export function isElement(node: AnyNode | null | undefined): node is Element {
  return !!node && (node.type === 'tag' || node.type === 'script' || node.type === 'style');
}

/** Concatenated text of a subtree, iteratively. */
export function textOf(root: AnyNode): string {
  const out: string[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.type === 'text') out.push((node as Text).data);
    else if ('children' in node) {
      const kids = (node as ParentNode).children;
      for (let i = kids.length - 1; i >= 0; i -= 1) stack.push(kids[i] as AnyNode);
    }
  }
  return out.join('');
}

/** Every element under `root` in document order (root excluded). */
export function elementsOf(root: ParentNode): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i -= 1) stack.push(root.children[i] as AnyNode);
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isElement(node)) continue;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as AnyNode);
  }
  return out;
}

/** Detaches a node from its parent. */
export function detach(node: AnyNode): void {
  const parent = node.parent;
  if (!parent) return;
  const kids = parent.children;
  const i = kids.indexOf(node);
  if (i !== -1) kids.splice(i, 1);
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = null;
  node.prev = null;
  node.next = null;
}

/** Replaces `node` by the given nodes, in place. */
export function replaceWith(node: AnyNode, replacement: AnyNode[]): void {
  const parent = node.parent;
  if (!parent) return;
  const kids = parent.children;
  const i = kids.indexOf(node);
  if (i === -1) return;
  for (const r of replacement) {
    if (r.parent) detach(r);
    r.parent = parent;
  }
  // concat, not splice(...spread): a spread of 100k+ nodes overflows the call stack.
  parent.children = kids.slice(0, i).concat(replacement, kids.slice(i + 1));
  node.parent = null;
  node.prev = null;
  node.next = null;
  relink(parent);
}

/** Moves an element's children into its place (the element itself disappears). */
export function unwrap(el: Element): void {
  const kids = [...el.children];
  el.children = [];
  replaceWith(el, kids);
}

/** Re-threads prev/next pointers after a splice. */
export function relink(parent: ParentNode): void {
  const kids = parent.children;
  for (let i = 0; i < kids.length; i += 1) {
    const k = kids[i] as AnyNode;
    k.prev = (kids[i - 1] as AnyNode | undefined) ?? null;
    k.next = (kids[i + 1] as AnyNode | undefined) ?? null;
  }
}

/** Flattens anything nested deeper than `maxDepth` into plain text, so later passes stay shallow. */
export function limitDepth(root: ParentNode, maxDepth: number): void {
  const stack: Array<[AnyNode, number]> = root.children.map((c) => [c, 1]);
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [AnyNode, number];
    if (!isElement(node)) continue;
    if (depth >= maxDepth) {
      const text = textOf(node);
      const t = new Text(text);
      t.parent = node;
      node.children = text ? [t] : [];
      continue;
    }
    for (const c of node.children) stack.push([c, depth + 1]);
  }
}

/**
 * Text of a subtree, but stops once it is longer than `limit`: callers that only ask
 * "is this short?" then cost O(limit), not O(subtree).
 */
export function textUpTo(root: AnyNode, limit: number): string {
  let out = '';
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.type === 'text') {
      out += (node as Text).data;
      if (out.length > limit) return out;
    } else if ('children' in node) {
      const kids = (node as ParentNode).children;
      for (let i = kids.length - 1; i >= 0; i -= 1) stack.push(kids[i] as AnyNode);
    }
  }
  return out;
}

/** True when any element under `root` (root excluded) satisfies `pred`; stops at the first. */
export function someElement(root: ParentNode, pred: (el: Element) => boolean): boolean {
  const stack: AnyNode[] = [...root.children];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isElement(node)) continue;
    if (pred(node)) return true;
    for (const c of node.children) stack.push(c);
  }
  return false;
}

/** True when the subtree holds any non-whitespace text. */
export function hasText(root: AnyNode): boolean {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.type === 'text') {
      if (/\S/.test((node as Text).data)) return true;
    } else if ('children' in node) {
      for (const c of (node as ParentNode).children) stack.push(c);
    }
  }
  return false;
}
