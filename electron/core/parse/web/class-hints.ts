/**
 * What class and id names say about a block. The patterns follow the long-standing lists used by
 * readability-style extractors, extended with names common on news sites (share bars, newsletter
 * boxes, recirculation modules).
 */
import type { Element } from 'domhandler';

const POSITIVE =
  /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|rich-?text|paragraph/i;
const NEGATIVE =
  /hidden|^hid$|banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|taboola|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|advert|newsletter|subscri|social|breadcrumb|recommend|popular|trending|cookie|modal|popup|signup|recirc|more-stories|read-more|readmore/i;
// Blocks that are almost never article text, unless a name also says they hold the article.
const UNLIKELY =
  /-ad-|^ad-|-ad$|^ads?$|ad-slot|adslot|ad-container|advert|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|(?<![a-z])rss(?![a-z])|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager(?![a-z])|popup|yom-remote|newsletter|subscri|share|sharing|recirc|outbrain|taboola|promo|cookie|signup|most-?popular|trending|recommend|gallery|carousel|slideshow|lightbox/i;
const MAYBE = /and|article|body|column|content|main|mathjax|shadow|story|text|embed/i;
const UNLIKELY_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
  'banner',
  'contentinfo',
  'search',
]);

function names(el: Element): string {
  const a = el.attribs;
  if (a.class === undefined && a.id === undefined) return '';
  // camelCase names split into words, so "pageRow" is not read as "pager".
  return `${a.class ?? ''} ${a.id ?? ''}`.replace(/([a-z])([A-Z])/g, '$1-$2');
}

/** +25 per positive and −25 per negative hint in class and id. */
export function classWeight(el: Element): number {
  let w = 0;
  for (const name of [el.attribs.class, el.attribs.id]) {
    if (!name) continue;
    if (NEGATIVE.test(name)) w -= 25;
    if (POSITIVE.test(name)) w += 25;
  }
  return w;
}

/** True for a block whose names or role say it is page furniture, not the article. */
export function isUnlikely(el: Element): boolean {
  const a = el.attribs;
  if (a.class === undefined && a.id === undefined && a.role === undefined) return false;
  const role = a.role;
  if (role && UNLIKELY_ROLES.has(role)) return true;
  const n = names(el);
  if (n.length < 2) return false;
  return UNLIKELY.test(n) && !MAYBE.test(n);
}

/** True for names that say share/newsletter/related/ad, whatever else they say. */
export function isBoilerplateName(el: Element): boolean {
  const n = names(el);
  if (n.length < 2 || /embed/i.test(n)) return false;
  return /(^|[\s_-])(share|sharing|social|newsletter|subscri|related|recommend|promo|advert|ad-slot|ad-container|ads|outbrain|taboola|recirc|most-?popular|trending|signup|sign-up|read-?more|more-stories|comments?|tags|breadcrumbs?|pagination|authors?|bio|byline|dateline|timestamp|meta)([\s_-]|$)/i.test(
    n,
  );
}
