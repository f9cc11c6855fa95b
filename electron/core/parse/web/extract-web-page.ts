/**
 * Main-content extraction and metadata for ordinary saved web pages (not the dump format).
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { blockText } from './block-text';
import { cleanContent, removeElement } from './clean-content';
import { cutAtCommentsHeading } from './comments-cut';
import { detectLang, normaliseLang } from './detect-lang';
import { collectStats, type ElementStats, emptyStats, isElement } from './dom-stats';
import { findMainContent } from './find-main-content';
import { readJsonLd } from './json-ld';
import { findAll, indexPage, textContent } from './page-index';
import { extractMetadata } from './metadata';

/** What the extractor finds in one HTML page. */
export interface WebPageExtraction {
  title: string;
  url: string;
  siteName: string;
  authors: string[];
  byline: string;
  publishedAt: string | null;
  lang: string;
  /** The main-content element inside `$`; the caller may mutate it. */
  content: Cheerio<AnyNode>;
}

function sumStats(parts: ElementStats[]): ElementStats {
  const s = emptyStats();
  s.hasBlockChild = true;
  for (const p of parts) {
    s.units += p.units;
    s.punct += p.punct;
    s.linkUnits += p.linkUnits;
    s.paras += p.paras;
    s.images += p.images;
    s.listItems += p.listItems;
    s.inputs += p.inputs;
  }
  return s;
}

const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Drops headings inside the article that repeat its title (the reader shows the title apart). */
function dropTitleHeadings(content: Element, title: string): void {
  const t = normalise(title);
  if (!t) return;
  for (const h of findAll(content, (e) => e.name === 'h1' || e.name === 'h2')) {
    const text = normalise(textContent(h));
    if (text && (text === t || (text.length > 10 && t.includes(text)))) removeElement(h);
  }
}

/** Finds the article's metadata and main-content element in a parsed web page. */
export function extractWebPage($: CheerioAPI, pageUrl: string | null): WebPageExtraction {
  const index = indexPage($.root().toArray());
  const ld = readJsonLd(index.jsonLd);
  const body = index.body ?? ($.root().children().toArray().find(isElement) as Element | undefined);
  if (!body) {
    const meta = extractMetadata(index, pageUrl, ld, null);
    return { ...meta, lang: normaliseLang(index.htmlLang, ''), content: $.root() };
  }
  const stats = collectStats(body);
  const main = findMainContent(body, stats);
  let contentEl = main.top;
  if (main.parts.length > 1) {
    // Siblings of the best container belong to the article too: gather them in one element.
    const wrapper = $('<div></div>');
    $(main.top).before(wrapper);
    wrapper.append(main.parts);
    contentEl = wrapper[0] as Element;
    stats.set(contentEl, sumStats(main.parts.map((p) => stats.get(p) as ElementStats)));
  }
  const meta = extractMetadata(index, pageUrl, ld, contentEl);
  cutAtCommentsHeading(contentEl);
  cleanContent(contentEl, stats);
  dropTitleHeadings(contentEl, meta.title);
  const declared =
    index.htmlLang ||
    index.metas.get('content-language')?.[0] ||
    index.metas.get('og:locale')?.[0] ||
    '';
  // The text is read only when the declared language is missing or ambiguous (bare "zh").
  const needsText = !declared || /^zh$/i.test(declared.trim());
  const text = needsText ? blockText(contentEl).slice(0, 4000) : '';
  const lang = normaliseLang(declared, text) || detectLang(text || blockText(contentEl));
  return { ...meta, lang, content: $(contentEl) };
}
