/**
 * Main-content extraction and metadata for ordinary saved web pages (not the dump format).
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';

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

/** Finds the article's metadata and main-content element in a parsed web page. */
export function extractWebPage($: CheerioAPI, pageUrl: string | null): WebPageExtraction {
  const title = $('meta[property="og:title"]').attr('content') ?? $('title').first().text().trim();
  const body = $('body');
  return {
    title,
    url: $('link[rel=canonical]').attr('href') ?? pageUrl ?? '',
    siteName: $('meta[property="og:site_name"]').attr('content') ?? '',
    authors: [],
    byline: '',
    publishedAt: null,
    lang: $('html').attr('lang') ?? '',
    content: body.length > 0 ? body.first() : $.root(),
  };
}
