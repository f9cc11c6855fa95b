/**
 * Removes what is never article prose: scripts, embeds, forms, navigation, ads, share bars,
 * hidden blocks, media notices and stand-alone date lines.
 */
import type { AnyNode, Element } from 'domhandler';
import { detach, elementsOf, isElement, relink, someElement, textOf, textUpTo } from './dom-utils';

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
  const label = a['aria-label'];
  return label !== undefined && /广告|廣告|advert/i.test(label);
}

// Class/id tokens of ads, share bars, related-story rails and comment widgets.
const JUNK_CLASS =
  /(?:^|[\s_-])(?:ad|ads|adv|advert\w*|advertisement|adslot|dfp|gpt|mpu|sponsor\w*|taboola|outbrain|trc_\w+|tbl-\w+|share\w*|social\w*|sharing|related\w*|recommend\w*|newsletter|subscribe\w*|comments?|disqus|promo\w*|breadcrumbs?|pagination|toolbar|popup|modal|cookie\w*|readmore)(?:$|[\s_-])/i;

const EMBED_CLASS = /embed|twitter-tweet|instagram-media|tiktok-embed/i;

const MEDIA_NOTICE =
  /^(?:你的器材不支持播放多媒体材料|你的設備不支援播放多媒體材料|Media playback is unsupported on your device|继续浏览后续|繼續瀏覽後續|分享到|Share this|Share on)/i;
const DATE_LINE =
  /^(?:\d{1,4}[-/.年]\s?\d{1,2}[-/.月]\s?\d{1,4}日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?Z?)?(?:\s*-\s*\d{1,2}:\d{2})?|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\s+\d{1,2}\s+\w{3}\s+\d{4}[\s\d:]*(?:GMT|UTC)?|\d+\s*(?:分钟前|小时前|天前|分鐘前|小時前|minutes? ago|hours? ago|days? ago)|(?:更新|發佈|发布|Updated|Published)[:：\s].{0,30})$/i;

/** Drops junk elements under `root` (one pass, iterative). */
export function removeJunk(root: Element): void {
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
      textUpTo(el.parent, 200).trim() === textOf(el).trim()
    ) {
      detach(el);
      continue;
    }
    const cls = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
    // Embedded posts ("social-media-embed") are quoted content even though their names say social.
    if (cls.trim() && JUNK_CLASS.test(cls) && !EMBED_CLASS.test(cls) && !isContentish(el)) {
      detach(el);
      continue;
    }
    if (el.name === 'p' || el.name === 'div' || el.name === 'span' || el.name === 'section') {
      const t = textUpTo(el, 80).trim();
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

/** True when an image sits anywhere under `el`. */
export function hasImage(el: Element): boolean {
  return someElement(el, (e) => e.name === 'img');
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
  if (t.length === 0) return false;
  let linkText = 0;
  let longParagraph = false;
  for (const e of elementsOf(el)) {
    if (e.name === 'a') linkText += textOf(e).length;
    else if (!longParagraph && e.name === 'p' && textUpTo(e, 40).trim().length >= 25)
      longParagraph = true;
  }
  // Short articles live in wrappers too ("article-body share-enabled"): prose decides, not length.
  return linkText / t.length < 0.3 && (t.length >= 300 || longParagraph);
}
