/**
 * Removes page furniture inside the chosen article element: share bars, related lists, ad
 * slots, newsletter boxes, forms, link farms. Captions and figures with real images stay.
 */
import type { Element } from 'domhandler';
import { classWeight, isBoilerplateName, isUnlikely } from './class-hints';
import { BLOCK_TAGS, type ElementStats, isElement, isHidden, linkDensity } from './dom-stats';
import { isDateLine, isLabel, isShortcode } from './furniture-text';
import { isShoppingList } from '../shopping-links';

/** Elements removed wherever they appear inside the article. */
const ALWAYS_REMOVE = new Set([
  'script',
  'style',
  'template',
  'link',
  'meta',
  'button',
  'select',
  'option',
  'textarea',
  'input',
  'nav',
  'aside',
  'dialog',
]);
/** Containers judged by their measures. */
const CONDITIONAL = new Set([
  'div',
  'section',
  'ul',
  'ol',
  'dl',
  'table',
  'form',
  'header',
  'footer',
  'figure',
  'span',
  'p',
]);
const EMBED = /embed|twitter-tweet|instagram-media|tiktok/i;
/** Inline pop-ups (hover cards, tooltips) that carry their own link lists into a sentence. */
const POPUP = /tooltip|popover|hover-?card/i;

/** Detaches an element from the tree (cheaper than a cheerio round trip). */
export function removeElement(el: Element): void {
  const parent = el.parent;
  if (!parent) return;
  const i = parent.children.indexOf(el);
  if (i >= 0) parent.children.splice(i, 1);
  const prev = el.prev;
  const next = el.next;
  if (prev) prev.next = next;
  if (next) next.prev = prev;
  el.parent = null;
  el.prev = null;
  el.next = null;
}

/** The start of an element's text; `gap` goes between elements, which may sit side by side. */
function textOf(el: Element, gap = ''): string {
  let out = '';
  const visit = (n: Element): void => {
    for (const c of n.children) {
      if (c.type === 'text') out += c.data;
      else if (isElement(c)) {
        out += gap;
        visit(c);
        out += gap;
      }
      if (out.length > 120) return;
    }
  };
  visit(el);
  return out.replace(/\s+/g, ' ').trim();
}

function hasAncestor(el: Element, name: string, stop: Element): boolean {
  for (let p = el.parent; p && p !== stop; p = p.parent) {
    if (isElement(p) && p.name === name) return true;
  }
  return false;
}

/** The texts of a list's entries, for lists judged by what their entries say. */
function entryTexts(el: Element): string[] {
  return el.children
    .filter((c): c is Element => isElement(c) && c.name === 'li')
    .map((li) => textOf(li));
}

/** Decides whether a container inside the article is furniture. */
function isFurniture(
  el: Element,
  s: ElementStats,
  root: Element,
  rootUnits: number,
  stats: Map<Element, ElementStats>,
): boolean {
  // Never throw away most of the article because of a misleading name.
  if (s.units > rootUnits * 0.5) return false;
  if (isUnlikely(el) || isBoilerplateName(el)) return true;
  const weight = classWeight(el);
  const ld = linkDensity(s);
  if (s.units < 60 && isLabel(textOf(el))) return true;
  if (!s.hasBlockChild && isShortcode(textOf(el))) return true;
  // Two <time> elements often touch ("…4:29 AM ESTUpdated 1 hour ago"): read them apart.
  if (s.units < 90 && !s.hasBlockChild && isDateLine(textOf(el, ' '))) return true;
  // Embedded posts (tweets, Instagram) are quoted content even though they are mostly links.
  if (EMBED.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`)) return false;
  // A short paragraph that is one link is a "read this next" teaser, not prose; a span around
  // a link inside a sentence is part of that sentence, and a written-out address is a source.
  if (
    !s.hasBlockChild &&
    s.units < 300 &&
    linkDensity(s) > 0.75 &&
    s.images === 0 &&
    !inRunningText(el, s, stats) &&
    !/https?:\/\/|www\./i.test(textOf(el))
  )
    return true;
  if (el.name === 'p' || el.name === 'span') return false;
  if (weight < 0 && s.punct < 10) return true;
  if (s.punct >= 10 && ld < 0.5) return false;
  const isList = el.name === 'ul' || el.name === 'ol' || el.name === 'dl';
  if (isList && isShoppingList(entryTexts(el))) return false;
  const paras = s.paras;
  if (
    s.images > 1 &&
    paras / s.images < 0.5 &&
    !hasAncestor(el, 'figure', root) &&
    el.name !== 'figure'
  )
    return true;
  if (!isList && s.listItems > paras + 3 && ld > 0.3) return true;
  if (s.inputs > paras / 3 && s.inputs > 0) return true;
  if (s.images === 0 && s.units < 25 && ld > 0) return true;
  if (weight < 25 && ld > (isList ? 0.5 : 0.33)) return true;
  if (weight >= 25 && ld > 0.5) return true;
  return false;
}

/** True for an inline element whose parent has other inline text: it sits inside a sentence. */
function inRunningText(el: Element, s: ElementStats, stats: Map<Element, ElementStats>): boolean {
  if (el.name !== 'span') return false;
  const parent = el.parent;
  const ps = parent && isElement(parent) ? stats.get(parent) : undefined;
  return ps !== undefined && ps.ownUnits > s.units;
}

function countLinks(el: Element): number {
  let n = 0;
  for (const c of el.children) if (isElement(c)) n += (c.name === 'a' ? 1 : 0) + countLinks(c);
  return n;
}

/** Removes pop-up boxes inside sentences, innermost first, so the linked name itself stays. */
function removePopups(el: Element): void {
  for (const child of [...el.children]) {
    if (!isElement(child)) continue;
    removePopups(child);
    const names = `${child.attribs.class ?? ''} ${child.attribs.id ?? ''}`;
    // Links are counted last: over every element of a deep article that count adds up.
    if ((POPUP.test(names) || isInlineCard(child)) && countLinks(child) >= 2) removeElement(child);
  }
}

/**
 * A hover card whatever its name: a span inside a paragraph holding a picture and links but no
 * words of its own (the name it describes is the link just before it, which stays).
 */
function isInlineCard(el: Element): boolean {
  if (el.name !== 'span' || !hasDescendant(el, 'img')) return false;
  const own = el.children.reduce((n, c) => n + (c.type === 'text' ? c.data.trim().length : 0), 0);
  if (own > 3) return false;
  for (let p = el.parent; p && isElement(p); p = p.parent) {
    if (p.name === 'p') return true;
    if (BLOCK_TAGS.has(p.name)) return false;
  }
  return false;
}

function hasDescendant(el: Element, name: string): boolean {
  return el.children.some((c) => isElement(c) && (c.name === name || hasDescendant(c, name)));
}

/** A list item that is only a date: bylines are often lists (author, handle, date). */
function isDateItem(el: Element, s: ElementStats): boolean {
  return el.name === 'li' && s.units < 90 && !s.hasBlockChild && isDateLine(textOf(el, ' '));
}

/** Cleans `root` in place; `stats` must have been measured before any removal. */
export function cleanContent(root: Element, stats: Map<Element, ElementStats>): void {
  const rootUnits = stats.get(root)?.units ?? 0;
  // Top-down: a container judged as furniture goes whole, without looking inside it.
  const visit = (el: Element): void => {
    for (const child of [...el.children]) {
      if (!isElement(child)) continue;
      if (ALWAYS_REMOVE.has(child.name) || isHidden(child)) {
        removeElement(child);
        continue;
      }
      const s = stats.get(child);
      if (
        s &&
        ((CONDITIONAL.has(child.name) && isFurniture(child, s, root, rootUnits, stats)) ||
          isDateItem(child, s))
      ) {
        removeElement(child);
        continue;
      }
      visit(child);
    }
  };
  visit(root);
  removePopups(root);
}
