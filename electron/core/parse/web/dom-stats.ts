/**
 * One bottom-up pass over the tree that measures every element (text units, link units,
 * punctuation, paragraphs, images), so scoring and cleaning never re-read text.
 */
import type { AnyNode, Element } from 'domhandler';
import { measureInto } from './text-measure';

/** Measures of one element's subtree. */
export interface ElementStats {
  units: number;
  punct: number;
  /** Units inside links. */
  linkUnits: number;
  /** Paragraph-like descendants (p, pre, blockquote) with some text. */
  paras: number;
  images: number;
  listItems: number;
  inputs: number;
  /** True when the element has block-level element children. */
  hasBlockChild: boolean;
  /** Units, punctuation and link units of the inline text directly in this element. */
  ownUnits: number;
  ownPunct: number;
  ownLinkUnits: number;
}

/** Tags whose content is never article text. */
export const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'head',
  'meta',
  'link',
  'button',
  'select',
  'option',
  'textarea',
  'object',
  'embed',
  'canvas',
]);

/** Block-level tags: they break paragraphs in text and mark structural containers. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'ul',
  'caption',
  'summary',
]);

/** True for a node that is an element (including script/style, which domhandler types apart). */
export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** True for an element hidden by markup: such text is not shown to the reader. */
export function isHidden(el: Element): boolean {
  const a = el.attribs;
  if ('hidden' in a) return true;
  const style = a.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Zeroed stats; a fresh object each call because the walk fills them in place. */
export function emptyStats(): ElementStats {
  return {
    units: 0,
    punct: 0,
    linkUnits: 0,
    paras: 0,
    images: 0,
    listItems: 0,
    inputs: 0,
    hasBlockChild: false,
    ownUnits: 0,
    ownPunct: 0,
    ownLinkUnits: 0,
  };
}

const EMPTY: ElementStats = emptyStats();

function walk(el: Element, inLink: boolean, out: Map<Element, ElementStats>): ElementStats {
  if (SKIP_TAGS.has(el.name) || isHidden(el)) {
    out.set(el, EMPTY);
    return EMPTY;
  }
  const link = inLink || el.name === 'a';
  const s = emptyStats();
  const m = { units: 0, punct: 0 };
  for (const child of el.children) {
    if (child.type === 'text') {
      m.units = 0;
      m.punct = 0;
      measureInto(child.data, m);
      s.units += m.units;
      s.punct += m.punct;
      s.ownUnits += m.units;
      s.ownPunct += m.punct;
      if (link) {
        s.linkUnits += m.units;
        s.ownLinkUnits += m.units;
      }
    } else if (isElement(child)) {
      const c = walk(child, link, out);
      s.units += c.units;
      s.punct += c.punct;
      s.linkUnits += c.linkUnits;
      s.paras += c.paras;
      s.images += c.images;
      s.listItems += c.listItems;
      s.inputs += c.inputs;
      if (BLOCK_TAGS.has(child.name)) {
        s.hasBlockChild = true;
      } else {
        s.ownUnits += c.units;
        s.ownPunct += c.punct;
        s.ownLinkUnits += c.linkUnits;
      }
    }
  }
  const name = el.name;
  if ((name === 'p' || name === 'pre' || name === 'blockquote') && s.units > 0) s.paras++;
  else if (name === 'img' || name === 'picture') s.images++;
  else if (name === 'li') s.listItems++;
  else if (name === 'input') s.inputs++;
  out.set(el, s);
  return s;
}

/** Measures `root` and every element below it. */
export function collectStats(root: Element): Map<Element, ElementStats> {
  const out = new Map<Element, ElementStats>();
  walk(root, false, out);
  return out;
}

/** Share of an element's text that sits inside links. */
export function linkDensity(s: ElementStats): number {
  return s.units > 0 ? s.linkUnits / s.units : 0;
}
