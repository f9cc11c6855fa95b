/**
 * Shared cleaning step for dumps and web pages: `cleanContent($, root, baseUrl)` strips feed
 * promos, scripts, ads, share widgets and related-link lists, rebuilds images as figures,
 * flattens layout wrappers, then returns sanitised HTML, plain text and the images.
 * (Used by parse-document.ts for both formats; web/extract-web-page.ts supplies `root` for pages.)
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import render from 'dom-serializer';
import type { AnyNode, Element } from 'domhandler';
import { Element as DomElement, type Text } from 'domhandler';
import type { ImageRef } from '../../../shared/model';
import { detach, elementsOf, isElement, limitDepth, relink, textOf, unwrap } from './dom-utils';
import { htmlToText } from './html-text';
import { isCreditLine, normaliseImages } from './images';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, sanitizeArticleHtml } from './sanitize';
import { resolveUrl } from './urls';

export interface CleanedContent {
  contentHtml: string;
  text: string;
  images: ImageRef[];
}

// Tags that never carry article prose (time elements go only when they stand alone).
const JUNK_TAGS = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'frame',
  'object',
  'embed',
  'applet',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'label',
  'svg',
  'canvas',
  'nav',
  'aside',
  'footer',
  'link',
  'meta',
  'base',
  'dialog',
  'video',
  'audio',
  'map',
]);

/** Markup-level signs of hidden, navigational or advertising blocks. */
function isJunkByAttributes(el: Element): boolean {
  const a = el.attribs;
  if ('hidden' in a || a['aria-hidden'] === 'true') return true;
  if (a.role === 'navigation' || a.role === 'complementary') return true;
  if (a['data-e2e'] === 'advertisement') return true;
  const label = a['aria-label'];
  return label !== undefined && /广告|廣告|advert/i.test(label);
}

// Class/id tokens of ads, share bars, related-story rails and comment widgets.
const JUNK_CLASS =
  /(?:^|[\s_-])(?:ad|ads|adv|advert\w*|advertisement|adslot|dfp|gpt|mpu|sponsor\w*|taboola|outbrain|trc_\w+|tbl-\w+|share\w*|social\w*|sharing|related\w*|recommend\w*|newsletter|subscribe\w*|comments?|disqus|promo\w*|breadcrumbs?|pagination|toolbar|popup|modal|cookie\w*|hot_article|readmore)(?:$|[\s_-])/i;

const MEDIA_NOTICE =
  /^(?:你的器材不支持播放多媒体材料|你的設備不支援播放多媒體材料|Media playback is unsupported on your device|继续浏览后续|繼續瀏覽後續|分享到|Share this|Share on)/i;
const RELATED_HEADING =
  /^(?:相关(?:新闻|阅读|报道|文章|话题|链接|主题)?|相關(?:新聞|閱讀|報導|文章)?|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|更多(?:新闻|阅读|内容|相关)?|热门|熱門|热读|猜你喜欢|Related(?: stories| articles| coverage| topics)?|Read more|More on this story|Top stories|Most read)\s*[:：]?$/i;
const DATE_LINE =
  /^(?:\d{1,4}[-/.年]\s?\d{1,2}[-/.月]\s?\d{1,4}日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?Z?)?(?:\s*-\s*\d{1,2}:\d{2})?|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\s+\d{1,2}\s+\w{3}\s+\d{4}[\s\d:]*(?:GMT|UTC)?|\d+\s*(?:分钟前|小时前|天前|分鐘前|小時前|minutes? ago|hours? ago|days? ago)|(?:更新|發佈|发布|Updated|Published)[:：\s].{0,30})$/i;

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

/** Cleans the content element in place and returns sanitised HTML, text and images. */
export function cleanContent(
  $: CheerioAPI,
  rootSel: Cheerio<AnyNode> | Element,
  baseUrl: string | null,
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

/** Removes the feed mirror's "获取更多RSS" footer and the rule/breaks above it. */
function removeFeedPromo(root: Element): void {
  for (const el of elementsOf(root)) {
    if (!el.parent) continue;
    const own = el.children.some(
      (c) => c.type === 'text' && /获取更多\s*RSS|獲取更多\s*RSS/i.test((c as Text).data),
    );
    const feedLink =
      el.name === 'a' && /feedx\.(?:net|xyz|site|co|top)/i.test(el.attribs.href ?? '');
    if (!own && !feedLink) continue;
    let target: Element = el;
    // Climb to the block that holds only the promo.
    while (
      isElement(target.parent) &&
      target.parent !== root &&
      textOf(target.parent).length < 200
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

function removeJunk(root: Element): void {
  removeComments(root);
  for (const el of elementsOf(root)) {
    if (!el.parent || !isAttached(el, root)) continue;
    if (JUNK_TAGS.has(el.name) || isJunkByAttributes(el)) {
      detach(el);
      continue;
    }
    if (
      el.name === 'time' &&
      isElement(el.parent) &&
      textOf(el.parent).trim() === textOf(el).trim()
    ) {
      detach(el);
      continue;
    }
    const cls = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
    if (cls.trim() && JUNK_CLASS.test(cls) && !isContentish(el)) {
      detach(el);
      continue;
    }
    if (el.name === 'p' || el.name === 'div' || el.name === 'span' || el.name === 'section') {
      const t = textOf(el).trim();
      if (t.length >= 60 || hasImage(el)) continue;
      if (MEDIA_NOTICE.test(t) || DATE_LINE.test(t)) detach(el);
    }
  }
}

/** True while no ancestor up to `root` has been detached. */
function isAttached(el: Element, root: Element): boolean {
  let cur: AnyNode | null = el;
  while (cur && cur !== root) cur = cur.parent;
  return cur === root;
}

function hasImage(el: Element): boolean {
  return elementsOf(el).some((e) => e.name === 'img');
}

function removeComments(root: Element): void {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isElement(node)) continue;
    if (node.children.some((c) => c.type === 'comment')) {
      node.children = node.children.filter((c) => c.type !== 'comment');
      relink(node);
    }
    for (const c of node.children) stack.push(c);
  }
}

/** A junk-looking class on a long, prose-heavy block is more likely a wrapper than a widget. */
function isContentish(el: Element): boolean {
  const t = textOf(el).trim();
  if (t.length < 300) return false;
  let linkText = 0;
  for (const a of elementsOf(el)) if (a.name === 'a') linkText += textOf(a).length;
  return linkText / t.length < 0.3;
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
    if (linky.length === items.length) {
      removeLabelBefore(list);
      detach(list);
    }
  }
  // Headings or short paragraphs announcing related links, left without their list.
  for (const el of all) {
    if (!/^(?:h[2-4]|p|strong)$/.test(el.name)) continue;
    if (el.parent && RELATED_HEADING.test(textOf(el).trim())) detach(el);
  }
}

function removeLabelBefore(list: Element): void {
  let prev = list.prev;
  while (prev && prev.type === 'text' && !(prev as Text).data.trim()) prev = prev.prev;
  if (isElement(prev) && RELATED_HEADING.test(textOf(prev).trim())) detach(prev);
}

function resolveLinks(root: Element, baseUrl: string | null): void {
  for (const a of elementsOf(root)) {
    if (a.name !== 'a' || a.attribs.href === undefined) continue;
    const href = resolveUrl(a.attribs.href ?? '', baseUrl);
    if (href && /^(?:https?:|mailto:)/i.test(href)) a.attribs.href = href;
    else delete a.attribs.href;
  }
}

/** Layout divs become paragraphs (inline content) or disappear (block content). */
function flattenLayout(root: Element): void {
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
  if (textOf(el).trim() !== '') return false;
  return !elementsOf(el).some((c) => c.name === 'img');
}

/** Groups loose inline children of a block container into paragraphs. */
function wrapInlineRuns(el: Element): void {
  const out: AnyNode[] = [];
  let run: AnyNode[] = [];
  const flush = (): void => {
    const hasText = run.some((n) => textOf(n).trim() !== '' || (isElement(n) && n.name === 'img'));
    if (hasText) {
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

/** Non-breaking spaces and runs of whitespace collapse; credit-only lines go. */
function tidyText(root: Element): void {
  const pres = new Set(elementsOf(root).filter((e) => e.name === 'pre'));
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.type === 'text') {
      const t = node as Text;
      t.data = t.data.replace(/[\u00a0\u2002\u2003\u2009\u3000]/g, (m) =>
        m === '\u3000' ? '\u3000' : ' ',
      );
      if (!insidePre(t, pres)) t.data = t.data.replace(/[ \t\r\n\f]+/g, ' ');
      continue;
    }
    if (isElement(node)) for (const c of node.children) stack.push(c);
  }
  for (const p of elementsOf(root)) {
    if (p.name !== 'p' || !p.parent) continue;
    if (isCreditLine(textOf(p)) && !elementsOf(p).some((e) => e.name === 'img')) detach(p);
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

const allowedTags = new Set(ALLOWED_TAGS);

/**
 * Unwraps tags and drops attributes the sanitiser would discard anyway: the sanitiser still
 * guards the output, but it then parses a fraction of the markup (layout classes are long).
 */
function pruneToAllowList(root: Element): void {
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
