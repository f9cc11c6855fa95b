/**
 * Picks the element that holds the article, by scoring paragraphs and crediting their
 * ancestors (the readability method), with measures that work per character for CJK text:
 * no 25-character paragraph floor, punctuation in both scripts, link density as a penalty.
 */
import type { Element } from 'domhandler';
import { classWeight, isUnlikely } from './class-hints';
import { contains, gatherSections, mostlyListItems, parentElement } from './gather-sections';
import { type ElementStats, isElement, isHidden, linkDensity, SKIP_TAGS } from './dom-stats';

/** The chosen element, how it scored, and the measures of the whole tree. */
export interface MainContent {
  top: Element;
  /** Siblings of `top` (in document order, `top` included) that belong to the article. */
  parts: Element[];
  scores: Map<Element, number>;
}

/** A paragraph shorter than this many units (about 6 CJK characters) does not vote. */
const MIN_PARAGRAPH_UNITS = 20;
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'blockquote']);
const LEAF_BLOCK_TAGS = new Set(['div', 'section', 'article', 'dd', 'font', 'span', 'center']);
const KEEP_TAGS = new Set(['body', 'html', 'main', 'article']);

function baseScore(el: Element): number {
  switch (el.name) {
    case 'div':
    case 'article':
    case 'main':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

function isParagraph(el: Element, s: ElementStats): boolean {
  if (PARAGRAPH_TAGS.has(el.name)) return true;
  return LEAF_BLOCK_TAGS.has(el.name) && !s.hasBlockChild;
}

interface Paragraph {
  el: Element;
  units: number;
  punct: number;
  linkUnits: number;
  /** True for a container's own inline text: it credits the container itself first. */
  self: boolean;
}

const BLOCKISH = new Set([
  'div',
  'section',
  'article',
  'main',
  'td',
  'dd',
  'li',
  'blockquote',
  'font',
  'center',
]);

function paragraphs(
  body: Element,
  stats: Map<Element, ElementStats>,
  skipUnlikely: boolean,
): Paragraph[] {
  const out: Paragraph[] = [];
  const stack: Element[] = [body];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    if (el !== body) {
      if (SKIP_TAGS.has(el.name) || isHidden(el)) continue;
      if (skipUnlikely && !KEEP_TAGS.has(el.name) && isUnlikely(el)) continue;
      const s = stats.get(el);
      if (s && isParagraph(el, s)) {
        if (s.units >= MIN_PARAGRAPH_UNITS)
          out.push({ el, units: s.units, punct: s.punct, linkUnits: s.linkUnits, self: false });
        if (el.name !== 'td' && el.name !== 'blockquote') continue;
      } else if (s && s.ownUnits >= MIN_PARAGRAPH_UNITS && BLOCKISH.has(el.name)) {
        // Text written straight into a container between block children (<div>text<br><div>…)
        // is a paragraph of that container, as if it had been wrapped in <p>.
        out.push({
          el,
          units: s.ownUnits,
          punct: s.ownPunct,
          linkUnits: s.ownLinkUnits,
          self: true,
        });
      }
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i];
      if (c && isElement(c)) stack.push(c);
    }
  }
  return out;
}

/** A result with less text than this (about 170 CJK characters) is worth a second look. */
const MIN_ARTICLE_UNITS = 500;

/**
 * Scores candidates and returns the best container with the siblings that belong with it.
 * Blocks named like furniture are skipped first; when that leaves too little (a theme that
 * calls the whole page "sidebar"), the page is scored again without skipping them.
 */
export function findMainContent(body: Element, stats: Map<Element, ElementStats>): MainContent {
  const first = scoreCandidates(body, stats, true);
  const units = (m: MainContent): number =>
    m.parts.reduce((sum, p) => {
      const s = stats.get(p);
      return sum + (s ? s.units - s.linkUnits : 0);
    }, 0);
  if (first.top !== body && units(first) >= MIN_ARTICLE_UNITS) return first;
  const second = scoreCandidates(body, stats, false);
  if (second.top === body) return first;
  if (first.top === body) return second;
  // Only a wider view of the same region: a short article must not lose to a comment thread.
  const widens =
    contains(second.top, first.top) || first.parts.some((p) => contains(second.top, p));
  return widens && units(second) > units(first) * 1.5 ? second : first;
}

function scoreCandidates(
  body: Element,
  stats: Map<Element, ElementStats>,
  skipUnlikely: boolean,
): MainContent {
  const scores = new Map<Element, number>();
  const credit = (el: Element, amount: number): void => {
    const prev = scores.get(el) ?? baseScore(el) + classWeight(el);
    scores.set(el, prev + amount);
  };
  for (const p of paragraphs(body, stats, skipUnlikely)) {
    const ld = p.units > 0 ? p.linkUnits / p.units : 0;
    const score = (1 + p.punct + Math.min(p.units / 100, 3)) * (1 - ld);
    let ancestor = p.self ? p.el : parentElement(p.el);
    for (let level = 0; ancestor && level < 5; level++) {
      credit(ancestor, level === 0 ? score : level === 1 ? score / 2 : score / (level * 3));
      if (ancestor === body) break;
      ancestor = parentElement(ancestor);
    }
  }
  const final = new Map<Element, number>();
  for (const [el, score] of scores) {
    final.set(el, score * (1 - linkDensity(stats.get(el) as ElementStats)));
  }
  const ranked = [...final.entries()].sort((a, b) => b[1] - a[1]);
  const best = ranked[0];
  if (!best) return { top: body, parts: [body], scores: final };
  let top = best[0];
  top = gatherSections(top, best[1], ranked.slice(1), stats, body);
  top = climbWhileBetter(top, final, body);
  while (top !== body) {
    const parent = parentElement(top);
    if (!parent || parent.children.filter(isElement).length !== 1) break;
    top = parent;
  }
  return { top, parts: siblingsToKeep(top, final, stats), scores: final };
}

/** Moves up while a parent scores higher than the child it came from. */
function climbWhileBetter(top: Element, final: Map<Element, number>, body: Element): Element {
  let last = final.get(top) ?? 0;
  const threshold = last / 3;
  for (let parent = parentElement(top); parent && parent !== body; parent = parentElement(parent)) {
    const s = final.get(parent);
    if (s === undefined) continue;
    if (s < threshold) break;
    if (s > last) return parent;
    last = s;
  }
  return top;
}

function siblingsToKeep(
  top: Element,
  final: Map<Element, number>,
  stats: Map<Element, ElementStats>,
): Element[] {
  const parent = parentElement(top);
  if (!parent) return [top];
  const topScore = final.get(top) ?? 0;
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.attribs.class ?? '';
  const keep: Element[] = [];
  for (const sib of parent.children) {
    if (!isElement(sib)) continue;
    if (sib === top) {
      keep.push(sib);
      continue;
    }
    const s = stats.get(sib);
    if (!s || s.units === 0) continue;
    let score = final.get(sib) ?? 0;
    if (topClass && sib.attribs.class === topClass) score += topScore * 0.2;
    // A block that wraps a list of entries next to the article is a comment or card list.
    if (sib.name !== 'ul' && sib.name !== 'ol' && mostlyListItems(sib, stats)) continue;
    if (score >= threshold) {
      keep.push(sib);
    } else if (sib.name === 'p') {
      const ld = linkDensity(s);
      if (s.units > 80 && ld < 0.25) keep.push(sib);
      else if (s.units <= 80 && ld === 0 && s.punct > 0) keep.push(sib);
    }
  }
  return keep;
}
