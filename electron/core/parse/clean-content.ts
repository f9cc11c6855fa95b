/**
 * Shared cleaning step for dumps and web pages: `cleanContent($, root, baseUrl, options)` strips
 * feed promos, scripts, ads, share widgets and related-link lists, rebuilds images as figures,
 * flattens layout wrappers, then returns sanitised HTML, plain text and the images.
 * (Used by parse-document.ts for both formats; web/extract-web-page.ts supplies `root` for pages.)
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import render from 'dom-serializer';
import type { AnyNode, Element } from 'domhandler';
import { Element as DomElement, type Text } from 'domhandler';
import type { ImageRef } from '../../../shared/model';
import { removeBoilerplate } from './boilerplate';
import { removeCompanyProfile } from './company-profile';
import { flattenLayout, pruneToAllowList } from './flatten-layout';
import { hasImage, removeJunk } from './remove-junk';
import {
  detach,
  elementsOf,
  isElement,
  limitDepth,
  relink,
  someElement,
  textOf,
  textUpTo,
  unwrap,
} from './dom-utils';
import { htmlToText } from './html-text';
import { isCreditLine, normaliseImages } from './images';
import { sanitizeArticleHtml } from './sanitize';
import { isShoppingList } from './shopping-links';
import { resolveUrl } from './urls';

export interface CleanedContent {
  contentHtml: string;
  text: string;
  images: ImageRef[];
}

export interface CleanOptions {
  /**
   * Feeds that escape their HTML twice leave visible "<p>" and "&amp;nbsp;" in a dump. A web page
   * shows what its author wrote, tag-shaped text included, so only dumps get this repair.
   */
  repairEscapedMarkup: boolean;
}

const RELATED_HEADING =
  /^(?:相关(?:新闻|阅读|报道|文章|话题|链接|主题)?|相關(?:新聞|閱讀|報導|文章)?|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|更多(?:新闻|阅读|内容|相关)?|热门|熱門|热读|猜你喜欢|Related(?: stories| articles| coverage| topics)?|Read more|More on this story|Top stories|Most read)\s*[:：]?$/i;

/** Cleans the content element in place and returns sanitised HTML, text and images. */
export function cleanContent(
  $: CheerioAPI,
  rootSel: Cheerio<AnyNode> | Element,
  baseUrl: string | null,
  options: CleanOptions,
): CleanedContent {
  const root = wrapRoot($, rootSel);
  limitDepth(root, 200);
  unwrapNoscriptImages($, root);
  removeFeedPromo(root);
  removeJunk(root);
  const images = normaliseImages($, root, baseUrl);
  removeRelatedLists(root);
  resolveLinks(root, baseUrl);
  flattenLayout(root);
  removeBoilerplate(root, options);
  removeCompanyProfile(root);
  tidyText(root);
  pruneToAllowList(root);
  const text = htmlToText(root);
  // UTF-8 serialisation: entity-encoding every CJK character would triple the sanitiser's work.
  const contentHtml = sanitizeArticleHtml(render(root.children, { encodeEntities: 'utf8' }));
  return { contentHtml, text, images };
}

/** Works on a detached-safe wrapper so the content element itself may be replaced freely. */
function wrapRoot($: CheerioAPI, rootSel: Cheerio<AnyNode> | Element): Element {
  const node = isElement(rootSel as AnyNode)
    ? (rootSel as Element)
    : (rootSel as Cheerio<AnyNode>)[0];
  const wrapper = new DomElement('div', {});
  if (!node) return wrapper;
  const kids = isElement(node) || node.type === 'root' ? [...(node as Element).children] : [node];
  for (const k of kids) detach(k);
  for (const k of kids) k.parent = wrapper;
  wrapper.children = kids;
  relink(wrapper);
  return wrapper;
}

function unwrapNoscriptImages($: CheerioAPI, root: Element): void {
  for (const ns of elementsOf(root).filter((e) => e.name === 'noscript')) {
    if (!ns.parent) continue;
    const raw = textOf(ns);
    if (ns.children.some((c) => isElement(c))) {
      if (hasImage(ns)) unwrap(ns);
      else detach(ns);
    } else if (/<img\b/i.test(raw)) {
      // Parsers that keep <noscript> as raw text: parse the fallback markup.
      $(ns).replaceWith($.parseHTML(raw) ?? []);
    } else {
      detach(ns);
    }
  }
  for (const el of elementsOf(root)) if (el.name === 'noscript') detach(el);
}

function hasFeedLink(root: Element): boolean {
  return elementsOf(root).some((e) => e.name === 'a' && /feedx\./i.test(e.attribs.href ?? ''));
}

/** Removes the feed mirror's "获取更多RSS" footer and the rule/breaks above it. */
function removeFeedPromo(root: Element): void {
  // Most content has no promo: one text scan is cheaper than testing every element.
  if (!/获取更多|獲取更多|feedx/i.test(textOf(root)) && !hasFeedLink(root)) return;
  for (const el of elementsOf(root)) {
    if (!el.parent) continue;
    const own = el.children.some(
      (c) => c.type === 'text' && /获取更多\s*RSS|獲取更多\s*RSS/i.test((c as Text).data),
    );
    const feedLink =
      el.name === 'a' && /feedx\.(?:net|xyz|site|co|top)/i.test(el.attribs.href ?? '');
    if (!own && !feedLink) continue;
    let target: Element = el;
    // Climb to the block that holds only the promo (never a wrapper with article text in it).
    while (
      isElement(target.parent) &&
      target.parent !== root &&
      textUpTo(target.parent, 400).trim() === textOf(target).trim()
    ) {
      target = target.parent;
    }
    let prev = target.prev;
    while (
      prev &&
      (prev.type === 'text'
        ? !(prev as Text).data.trim()
        : isElement(prev) && /^(?:hr|br)$/.test(prev.name))
    ) {
      const p = prev.prev;
      detach(prev);
      prev = p;
    }
    detach(target);
  }
}

function removeRelatedLists(root: Element): void {
  const all = elementsOf(root);
  for (const list of all.filter((e) => e.name === 'ul' || e.name === 'ol')) {
    if (!list.parent) continue;
    const items = list.children.filter((c): c is Element => isElement(c) && c.name === 'li');
    if (items.length === 0) continue;
    const linky = items.filter((li) => {
      const t = textOf(li).trim();
      const linkText = elementsOf(li)
        .filter((e) => e.name === 'a')
        .map(textOf)
        .join('')
        .trim();
      return t.length > 0 && linkText.length >= t.length * 0.8;
    });
    if (linky.length === items.length && !isShoppingList(items.map(textOf))) {
      removeLabelBefore(list);
      detach(list);
    }
  }
  // Headings or short paragraphs announcing related links, left without their list.
  for (const el of all) {
    if (!/^(?:h[2-4]|p|strong)$/.test(el.name)) continue;
    if (el.parent && RELATED_HEADING.test(textUpTo(el, 40).trim())) detach(el);
  }
}

function removeLabelBefore(list: Element): void {
  let prev = list.prev;
  while (prev && prev.type === 'text' && !(prev as Text).data.trim()) prev = prev.prev;
  if (isElement(prev) && RELATED_HEADING.test(textUpTo(prev, 40).trim())) detach(prev);
}

function resolveLinks(root: Element, baseUrl: string | null): void {
  for (const a of elementsOf(root)) {
    if (a.name !== 'a' || a.attribs.href === undefined) continue;
    const href = resolveUrl(a.attribs.href ?? '', baseUrl);
    if (href && /^(?:https?:|mailto:)/i.test(href)) a.attribs.href = href;
    else delete a.attribs.href;
  }
}

/** Non-breaking spaces and runs of whitespace collapse; credit-only lines go. */
function tidyText(root: Element): void {
  const pres = new Set(elementsOf(root).filter((e) => e.name === 'pre'));
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.type === 'text') {
      const t = node as Text;
      // NBSP and typographic spaces become plain spaces; ideographic space (U+3000) stays.
      if (!insidePre(t, pres))
        t.data = t.data.replace(/[ \t\r\n\f\u00a0\u2002\u2003\u2009]+/g, ' ');
      else t.data = t.data.replace(/[\u00a0\u2002\u2003\u2009]/g, ' ');
      continue;
    }
    if (isElement(node)) for (const c of node.children) stack.push(c);
  }
  for (const p of elementsOf(root)) {
    if (p.name !== 'p' || !p.parent) continue;
    if (isCreditLine(textUpTo(p, 100)) && !someElement(p, (e) => e.name === 'img')) detach(p);
  }
}

function insidePre(node: AnyNode, pres: Set<Element>): boolean {
  if (pres.size === 0) return false;
  let cur = node.parent;
  while (cur) {
    if (isElement(cur) && pres.has(cur)) return true;
    cur = cur.parent;
  }
  return false;
}
