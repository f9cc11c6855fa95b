/**
 * Article metadata from a page's head, JSON-LD and the article's own header. Values from
 * related-story lists, sidebars and footers are never used.
 */
import type { AnyNode, Element } from 'domhandler';
import { isBoilerplateName, isUnlikely } from './class-hints';
import { isElement } from './dom-stats';
import { authorNames, findArticleObject, isObject, type JsonObject, nameOf } from './json-ld';
import { findAll, type PageIndex, textContent } from './page-index';
import { absoluteUrl, isoDate, splitAuthors, stripSiteName, unique } from './meta-values';

/** Metadata fields the extractor reports. */
export interface PageMetadata {
  title: string;
  url: string;
  siteName: string;
  authors: string[];
  byline: string;
  publishedAt: string | null;
}

const clean = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** The first non-empty meta content among the given keys (name, property or itemprop). */
function meta(index: PageIndex, keys: string[]): string {
  for (const key of keys) {
    for (const v of index.metas.get(key) ?? []) {
      const c = clean(v);
      if (c) return c;
    }
  }
  return '';
}

/** True when an element sits in furniture (a list item, aside, nav, footer, related box). */
function inFurniture(el: Element, stopAt: Element | null): boolean {
  for (let p: AnyNode | null = el; p && p !== stopAt; p = p.parent) {
    if (!isElement(p) || p.name === 'body') break;
    if (p.name === 'li' || p.name === 'aside' || p.name === 'nav' || p.name === 'footer')
      return true;
    if (p.name !== 'article' && p.name !== 'main' && (isUnlikely(p) || isRelatedName(p)))
      return true;
  }
  return false;
}

function isRelatedName(el: Element): boolean {
  return (
    isBoilerplateName(el) && !/byline|author|dateline|timestamp|meta/i.test(el.attribs.class ?? '')
  );
}

function isInside(el: Element, ancestor: Element): boolean {
  for (let p: AnyNode | null = el; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** The nearest ancestor (up to four levels) that also holds a headline, else the parent. */
function headerScope(el: Element | null, h1s: Element[]): Element | null {
  if (!el) return null;
  let scope: AnyNode | null = el;
  for (let i = 0; i < 4 && scope && isElement(scope); i++) {
    const s: Element = scope;
    if (s.name === 'body' || h1s.some((h) => isInside(h, s))) return s;
    scope = s.parent;
  }
  const parent = el.parent;
  return parent && isElement(parent) ? parent : el;
}

function closest(el: Element, name: string): Element | null {
  for (let p: AnyNode | null = el; p; p = p.parent) {
    if (isElement(p) && p.name === name) return p;
  }
  return null;
}

function authorsFromPage(index: PageIndex, article: JsonObject | null): string[] {
  const fromLd = authorNames(article?.author).flatMap(splitAuthors);
  if (fromLd.length > 0) return fromLd;
  const named = splitAuthors(
    meta(index, ['author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author']),
  );
  if (named.length > 0) return named;
  return splitAuthors(meta(index, ['article:author']));
}

function publishedFrom(
  index: PageIndex,
  article: JsonObject | null,
  timeEl: Element | undefined,
): string | null {
  const ld = (v: unknown): string | null => (typeof v === 'string' ? isoDate(v) : null);
  return (
    ld(article?.datePublished) ??
    isoDate(
      meta(index, [
        'article:published_time',
        'datepublished',
        'pubdate',
        'publishdate',
        'publish-date',
        'date',
        'dc.date.issued',
        'dc.date',
        'dcterms.created',
        'dcterms.date',
        'sailthru.date',
        'parsely-pub-date',
        'og:published_time',
      ]),
    ) ??
    (timeEl ? isoDate(timeEl.attribs.datetime ?? '') : null) ??
    ld(article?.dateCreated)
  );
}

function hostOf(url: string): string {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : '';
  } catch {
    return '';
  }
}

/** Reads the article's metadata; `content` is the chosen article element (for header lookups). */
export function extractMetadata(
  index: PageIndex,
  pageUrl: string | null,
  ld: JsonObject[],
  content: Element | null,
): PageMetadata {
  const article = findArticleObject(ld);
  const around = content ? closest(content, 'article') : null;
  const allH1 = index.headerMarks.filter((e) => e.name === 'h1');
  const scopeEl = headerScope(around ?? content, allH1) ?? index.body;
  const usable = (el: Element): boolean => !inFurniture(el, scopeEl);

  const publisher = article && isObject(article.publisher) ? article.publisher : null;
  const canonical = absoluteUrl(clean(index.canonical), pageUrl);
  const url = canonical ?? absoluteUrl(meta(index, ['og:url']), pageUrl) ?? pageUrl ?? '';
  const host = hostOf(url);
  const siteName =
    meta(index, ['og:site_name']) ||
    nameOf(publisher?.name) ||
    meta(index, ['application-name', 'apple-mobile-web-app-title']) ||
    host;

  const inScope = scopeEl ? index.headerMarks.filter((e) => isInside(e, scopeEl)) : [];
  const h1s = inScope
    .filter((e) => e.name === 'h1' && usable(e))
    .map((h) => clean(textContent(h)))
    .filter(Boolean);
  const rawTitle =
    meta(index, ['og:title', 'twitter:title']) ||
    nameOf(article?.headline) ||
    h1s[0] ||
    clean(index.title);
  const title = stripSiteName(rawTitle, siteName, h1s);

  const authors = authorsFromPage(index, article);
  const bylineEls = inScope.filter((e) => e.name !== 'h1' && e.name !== 'time' && usable(e));
  let byline = '';
  const first = bylineEls[0];
  if (first) {
    byline = clean(textContent(first));
    if (byline.length > 120) byline = '';
    if (authors.length === 0) {
      const tagged = bylineEls.filter(
        (el) => el.attribs.rel === 'author' || el.attribs.itemprop === 'author',
      );
      const names = tagged.map((el) => {
        const name = findAll(el, (e) => e.attribs.itemprop === 'name')[0];
        return clean(textContent(name ?? el));
      });
      authors.push(...(names.length > 0 ? names : [byline]).flatMap(splitAuthors));
    }
  }
  const timeEl = inScope.find((e) => e.name === 'time' && e.attribs.datetime && usable(e));
  const publishedAt = publishedFrom(index, article, timeEl);
  // "Jill Disis, CNN Business": the publication named beside a person is not an author.
  const site = siteName.toLowerCase();
  const isSite = (a: string): boolean => {
    const l = a.toLowerCase();
    return site.length > 2 && (l.includes(site) || site.includes(l));
  };
  const people = authors.some((a) => !isSite(a)) ? authors.filter((a) => !isSite(a)) : authors;
  return { title, url, siteName, authors: unique(people), byline, publishedAt };
}
