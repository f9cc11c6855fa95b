/**
 * Publisher boilerplate printed at the end of articles: copyright notices, paywall prompts,
 * "The post … appeared first on …", feed-plugin lines, newsletter pitches.
 */
import type { AnyNode, Element, Text } from 'domhandler';
import { detach, elementsOf, isElement, textUpTo } from './dom-utils';

const TRAILING = [
  /^The post .{1,300} appeared first on /i,
  /^(?:©|Copyright|版权所有|版權所有).{0,200}(?:版权|版權|著作权|著作權|rights reserved|Permalink)/i,
  /(?:版权声明|版權聲明|不得擅自使用|未经授权不得|未經授權不得|All rights reserved)/i,
  /^(?:我们的标准|我們的標準|Our Standards)[:：]/,
  /Feed enhanced by|Better Feed from/i,
  /(?:付費會員|付费会员|閱讀餘下全文|阅读余下全文|暢讀全站|畅读全站|訂閱全文|订阅全文)/,
  /^This article appeared in the .{1,80} section of the print edition/i,
  /^(?:For access to|Sign up|Subscribe)\b.{0,120}(?:subscribe|newsletter|edition)/i,
  /newsletter\. Sign up here\.?$/i,
  /^[-—_=*·•\s]{3,}$/,
  // Author taglines and contact lines: "Have a tip? Jo may be reached at …", "Follow her on …".
  /^Have a (?:news )?tip\b|\b(?:can|may) be reached (?:at|by|via)\b/i,
  /\bFollow (?:him|her|them|me|us) on (?:Twitter|Facebook|Instagram|X)\b/i,
  /^Follow (?:[\p{Lu}][\p{L}.'’-]* ){1,4}on (?:Twitter|Facebook|Instagram|YouTube|TikTok|LinkedIn)\b/u,
  /^[\p{Lu}][\p{L}'’-]+(?: [\p{Lu}][\p{L}'’.-]+){0,3} is (?:[Aa]n?|[Tt]he|[\p{L}\d.-]+['’]s) (?:[\p{L}-]+['’]?s? ){0,3}(?:editor|writer|reporter|correspondent|curator|contributor|columnist|journalist|producer|critic|blogger)\b/u,
  // Subscription pitches: a product or newsletter on offer, and what to do to get it.
  /(?=.*\b(?:subscri\w*|newsletters?|inbox|letterbox|\d+ issues)\b)(?=.*\b(?:click here|sign up|use the code|for as little as|delivered|right in your inbox)\b)/i,
  /^Tell us what you think\b/i,
  // Site-wide legal footers: "Registration on or use of this site constitutes acceptance of …".
  /\bconstitutes (?:your )?acceptance of (?:our|the)\b/i,
  // Repository notices: "Citation: … retrieved 20 November 2019 from https://…".
  /^Citation:.{0,300}\bretrieved\b.{0,60}\bfrom https?:/i,
  /^This (?:document|article|material) is subject to copyright\b/i,
  /^摘编自其他媒体的内容，不代表/,
  FEED_PROMO_RE(),
];

/** Feed-mirror promos in their wordings: "获取更多RSS：", "更多RSS订阅", "Get more RSS". */
function FEED_PROMO_RE(): RegExp {
  return /^(?:(?:获取|獲取|订阅|訂閱)?更多\s*RSS|(?:Get|Find)\s+more\s+RSS|More\s+RSS\s+feeds?)|feedx\.(?:net|xyz|top|site|co)\b/i;
}
const FEED_PROMO = FEED_PROMO_RE();

const BLOCKS = new Set(['p', 'li', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6', 'small', 'em', 'i']);

/** Inline tags that count as blocks only when they stand alone (an italic sign-off line). */
const INLINE_BLOCKS = new Set(['small', 'em', 'i']);

function insideBlock(el: Element, root: Element): boolean {
  for (let p = el.parent; p && p !== root; p = p.parent) {
    if (isElement(p) && BLOCKS.has(p.name)) return true;
  }
  return false;
}

/** True for a line that is publisher boilerplate rather than article prose. */
export function isBoilerplateLine(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t === '' || t.length > 400) return false;
  return TRAILING.some((re) => re.test(t));
}

/**
 * Removes boilerplate blocks at the end of the content, and feed artefacts ("null") anywhere;
 * with `repairEscapedMarkup`, also decodes markup a feed escaped twice.
 */
export function removeBoilerplate(root: Element, options: { repairEscapedMarkup: boolean }): void {
  const repair = options.repairEscapedMarkup;
  const all = elementsOf(root);
  // One pass over the text nodes decides which of the rarer repairs are needed at all.
  let promo = false;
  const escaped: Text[] = [];
  for (const el of all) {
    if (el.name === 'pre' || el.name === 'code' || el.name === 'script' || el.name === 'style')
      continue;
    for (const c of el.children) {
      if (c.type !== 'text') continue;
      const d = c.data;
      if (!promo && (d.includes('RSS') || d.includes('feedx'))) promo = true;
      if (repair && (d.includes('&') || d.includes('<')) && ESCAPED.test(d)) escaped.push(c);
    }
  }
  if (promo) removeFeedPromos(all);
  for (const node of escaped) decodeLeftoverMarkup(node);
  // Italics inside a paragraph are pieces of it, judged with the paragraph as a whole.
  const blocks = all.filter(
    (e) => e.parent && BLOCKS.has(e.name) && !(INLINE_BLOCKS.has(e.name) && insideBlock(e, root)),
  );
  for (const b of blocks) if (textUpTo(b, 10).trim() === 'null') detach(b);
  // Walk back from the end; stop at the first real paragraph so prose mentioning "版权" stays.
  let prose = 0;
  for (let i = blocks.length - 1; i >= 0 && prose < 3; i -= 1) {
    const b = blocks[i] as Element;
    if (!b.parent) continue;
    const t = textUpTo(b, 500);
    if (isBoilerplateLine(t)) detach(b);
    else if (t.trim().length > 0) prose += 1;
  }
}

/** Any short block that is only a feed promo goes, with the rule and breaks above it. */
function removeFeedPromos(all: Element[]): void {
  for (const el of all) {
    if (!el.parent) continue;
    const t = textUpTo(el, 200).trim();
    if (t.length > 200 || !FEED_PROMO.test(t)) continue;
    // Only the innermost wrapper that holds nothing but the promo.
    if (isElement(el.parent) && textUpTo(el.parent, 200).trim() === t && el.parent.parent) continue;
    let prev = el.prev;
    while (prev && (prev.type === 'text' ? !(prev as Text).data.trim() : isRule(prev))) {
      const p = prev.prev;
      detach(prev);
      prev = p;
    }
    detach(el);
  }
}

function isRule(node: AnyNode): boolean {
  return isElement(node) && (node.name === 'hr' || node.name === 'br');
}

const ENTITY = /&(amp|nbsp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});/gi;
const TAG_RUN =
  /<\/?(?:p|div|span|br|hr|b|i|u|a|em|strong|img|h[1-6]|ul|ol|li|table|tr|td|th|tbody|thead|figure|figcaption|blockquote|section|article|font|small|sup|sub|iframe|script|style|video|source|picture)\b[^<>]{0,300}>/gi;
const ESCAPED = new RegExp(`${ENTITY.source}|${TAG_RUN.source}`, 'i');
const NAMED: Record<string, string> = {
  amp: '&',
  nbsp: ' ',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/**
 * Feeds that escape their HTML twice leave "&amp;nbsp;" and "<p>" as visible text once parsed.
 * Decodes one more level and drops tag-shaped runs, outside code samples.
 */
function decodeLeftoverMarkup(node: Text): void {
  let data = node.data;
  // Twice: "&amp;lt;p&amp;gt;" needs &amp; undone before &lt; can be.
  for (let pass = 0; pass < 2; pass += 1) data = data.replace(ENTITY, decodeEntity);
  node.data = data.replace(TAG_RUN, ' ');
}

function decodeEntity(m: string, e: string): string {
  const key = e.toLowerCase();
  if (key in NAMED) return NAMED[key] ?? m;
  const code = key.startsWith('#x') ? parseInt(key.slice(2), 16) : Number(key.slice(1));
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}
