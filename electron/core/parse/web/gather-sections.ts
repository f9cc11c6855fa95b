/**
 * Articles split into sections (text, figure, text…) leave several strong candidates in separate
 * branches of the page; these helpers find their common container without taking in comment
 * threads, card lists or the header block.
 */
import type { Element } from 'domhandler';
import { type ElementStats, isElement, linkDensity } from './dom-stats';

/** A section gathered into the article has at least this share of the best block's text. */
const MIN_SECTION_SHARE = 0.2;

/** The parent element, or null at the document root. */
export function parentElement(el: Element): Element | null {
  const p = el.parent;
  return p && p.type !== 'root' && isElement(p) ? p : null;
}

/** True when `el` is `ancestor` or lies below it. */
export function contains(ancestor: Element, el: Element): boolean {
  for (let p: Element | null = el; p; p = parentElement(p)) if (p === ancestor) return true;
  return false;
}

function commonAncestor(a: Element, b: Element): Element | null {
  const seen = new Set<Element>();
  for (let p: Element | null = a; p; p = parentElement(p)) seen.add(p);
  for (let p: Element | null = b; p; p = parentElement(p)) if (seen.has(p)) return p;
  return null;
}

/**
 * Articles split into sections (text, figure, text…) leave several strong candidates in
 * separate branches; the article is their nearest common container, when that container is
 * not the whole page and is not a link farm.
 */
export function gatherSections(
  top: Element,
  topScore: number,
  ranked: Array<[Element, number]>,
  stats: Map<Element, ElementStats>,
  body: Element,
): Element {
  let current = top;
  for (const [el, score] of ranked.slice(0, 12)) {
    if (score < topScore * 0.3) break;
    if (contains(current, el) || contains(el, current)) continue;
    const lca = commonAncestor(current, el);
    if (!lca || lca === body || lca.name === 'html') continue;
    // Entries of a list (comments, teaser cards) are not sections of the article.
    if (insideListItem(el, lca) || mostlyListItems(el, stats)) continue;
    // A header block (headline, standfirst, date) scores well on its names but is no section.
    if (prose(el, stats) < prose(top, stats) * MIN_SECTION_SHARE) continue;
    const s = stats.get(lca);
    if (!s || linkDensity(s) > 0.35) continue;
    current = lca;
  }
  return current;
}

function prose(el: Element, stats: Map<Element, ElementStats>): number {
  const s = stats.get(el);
  return s ? s.units - s.linkUnits : 0;
}

function insideListItem(el: Element, stop: Element): boolean {
  for (let p: Element | null = el; p && p !== stop; p = parentElement(p)) {
    if (p.name === 'li') return true;
  }
  return false;
}

/** True when most of the element's text sits in list items (a comment thread, a card list). */
export function mostlyListItems(el: Element, stats: Map<Element, ElementStats>): boolean {
  const total = stats.get(el)?.units ?? 0;
  let inItems = 0;
  const visit = (n: Element): void => {
    for (const c of n.children) {
      if (!isElement(c)) continue;
      if (c.name === 'li') inItems += stats.get(c)?.units ?? 0;
      else visit(c);
    }
  };
  visit(el);
  return total > 0 && inItems > total * 0.6;
}
