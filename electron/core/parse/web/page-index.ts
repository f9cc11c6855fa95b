/**
 * One walk over the document that gathers what metadata needs (meta tags, canonical link,
 * <title>, JSON-LD bodies, <html lang>, <body>), so nothing runs a CSS selector over the
 * whole page once per field.
 */
import type { AnyNode, Document, Element } from 'domhandler';
import { isElement } from './dom-stats';

/** What the head (and stray tags in the body) declare. */
export interface PageIndex {
  /** Meta content by lowercased name, property, itemprop or http-equiv; first value wins. */
  metas: Map<string, string[]>;
  canonical: string;
  title: string;
  jsonLd: string[];
  htmlLang: string;
  body: Element | null;
  /** Headline, <time> and byline elements, in document order (for header look-ups). */
  headerMarks: Element[];
}

const BYLINE_CLASS = /byline|(^|\s)(author|article-author|author-name)(\s|$)/i;

/** True for an element that names the article's author. */
export function isBylineElement(el: Element): boolean {
  const a = el.attribs;
  return (
    a.rel === 'author' ||
    a.itemprop === 'author' ||
    (a.class !== undefined && BYLINE_CLASS.test(a.class))
  );
}

/** The concatenated text below an element. */
export function textContent(el: Element): string {
  let out = '';
  const visit = (n: Element): void => {
    for (const c of n.children) {
      if (c.type === 'text') out += c.data;
      else if (isElement(c)) visit(c);
    }
  };
  visit(el);
  return out;
}

/** Indexes the document below `root` (the cheerio root's children). */
export function indexPage(roots: Array<AnyNode | Document>): PageIndex {
  const index: PageIndex = {
    metas: new Map(),
    canonical: '',
    title: '',
    jsonLd: [],
    htmlLang: '',
    body: null,
    headerMarks: [],
  };
  const visit = (n: AnyNode): void => {
    if (n.type === 'root') {
      for (const c of n.children) visit(c);
      return;
    }
    if (!isElement(n)) return;
    const a = n.attribs;
    switch (n.name) {
      case 'html':
        if (!index.htmlLang) index.htmlLang = a.lang ?? a['xml:lang'] ?? '';
        break;
      case 'body':
        index.body ??= n;
        break;
      case 'meta': {
        const content = a.content;
        if (content === undefined) return;
        for (const key of [a.name, a.property, a.itemprop, a['http-equiv']]) {
          if (!key) continue;
          const k = key.toLowerCase();
          const list = index.metas.get(k);
          if (list) list.push(content);
          else index.metas.set(k, [content]);
        }
        return;
      }
      case 'link':
        if (!index.canonical && /(^|\s)canonical(\s|$)/i.test(a.rel ?? ''))
          index.canonical = a.href ?? '';
        return;
      case 'title':
        if (!index.title) index.title = textContent(n);
        return;
      case 'script':
        if (/^application\/ld\+json$/i.test((a.type ?? '').trim()))
          index.jsonLd.push(textContent(n));
        return;
      case 'svg':
        return;
      case 'h1':
        index.headerMarks.push(n);
        break;
      case 'time':
        if (a.datetime) index.headerMarks.push(n);
        break;
      default:
        if (isBylineElement(n)) index.headerMarks.push(n);
        break;
    }
    for (const c of n.children) if (c.type !== 'text' && c.type !== 'comment') visit(c);
  };
  for (const r of roots) visit(r);
  return index;
}

/** Elements below `root` (document order) that satisfy `pred`. */
export function findAll(root: Element, pred: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const visit = (n: Element): void => {
    for (const c of n.children) {
      if (!isElement(c)) continue;
      if (pred(c)) out.push(c);
      visit(c);
    }
  };
  visit(root);
  return out;
}
