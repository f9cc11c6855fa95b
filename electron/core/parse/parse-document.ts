/**
 * The parser entry point: bytes in, a clean sanitised article out (or a FolioError).
 * Dumps (with or without Jekyll front matter) and ordinary saved web pages share one
 * cleaning step, `cleanContent` in clean-content.ts.
 */
import { load } from 'cheerio/slim';
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { FolioError } from '../../../shared/errors';
import { detectLang } from '../../../shared/lang';
import type { ParsedArticle } from '../../../shared/model';
import type { ParseOutcome } from '../ports';
import { extractByline, cleanNames } from './byline';
import { cleanContent } from './clean-content';
import { decodeBytes } from './decode';
import { detach, elementsOf, limitDepth, textOf } from './dom-utils';
import { parseDumpHeader } from './dump-header';
import { capNesting } from './nesting-guard';
import { countWords, makeExcerpt } from './metadata';
import { assertTextInput, sniffFormat } from './sniff';
import { hostAndPath, siteNameFromUrl } from './site-names';
import { extractWebPage } from './web/extract-web-page';

/** Deeper markup than this is flattened: no article needs it, and parsers slow down on it. */
const MAX_PARSE_DEPTH = 1000;

/** Parses one dropped file (dump, dump with front matter, or web page); throws FolioError. */
export function parseDocument(bytes: Uint8Array, fileName: string): ParseOutcome {
  assertTextInput(bytes, fileName);
  const { text, encoding } = decodeBytes(bytes);
  const format = sniffFormat(text.replace(/^[\s\ufeff]+/, ''));
  if (!format) {
    throw new FolioError(
      'UNRECOGNISED_FORMAT',
      `${fileName} is neither a saved-article dump nor an HTML page.`,
    );
  }
  try {
    const article = format === 'html' ? parseWebPage(text, fileName) : parseDump(text, fileName);
    return { article, format, encoding };
  } catch (err) {
    if (err instanceof FolioError) throw err;
    // Never let a parser bug or a stack overflow on hostile markup escape as a crash.
    const message = err instanceof Error ? err.message : String(err);
    throw new FolioError('UNREADABLE', `${fileName} could not be parsed: ${message}`, {
      cause: err,
    });
  }
}

function loadHtml(html: string): CheerioAPI {
  const $ = load(capNesting(html, MAX_PARSE_DEPTH));
  limitDepth($.root()[0] as unknown as Element, 400);
  return $;
}

function parseDump(text: string, fileName: string): ParsedArticle {
  const header = parseDumpHeader(text.replace(/^[\s\ufeff]+/, ''));
  const fm = header.frontMatter;
  const url = header.url || fm?.from || '';
  const title = (
    fm?.title && header.title.endsWith('...') ? fm.title : header.title || fm?.title || ''
  ).trim();
  const siteName = siteNameFromUrl(url) ?? hostAndPath(url)?.host ?? fm?.categories[0] ?? '';
  const publishedAt =
    header.epochMs !== null && header.epochMs > 0 && header.epochMs < 8.64e15
      ? new Date(header.epochMs).toISOString()
      : (fm?.date ?? null);

  const $ = loadHtml(header.bodyHtml);
  const root = $.root()[0] as unknown as Element;
  const byline = extractByline($, root, siteName);
  removeTitleHeading(root, title);
  const cleaned = cleanContent($, $.root(), url || null, { repairEscapedMarkup: true });
  let authors = byline.authors;
  if (authors.length === 0 && fm?.author) authors = cleanNames(decodeEntities(fm.author), siteName);
  if (!title && !cleaned.text && cleaned.images.length === 0) {
    throw new FolioError('NO_CONTENT', `${fileName} holds no title and no article text.`);
  }
  return {
    title,
    url,
    siteName,
    authors,
    byline: byline.byline,
    publishedAt,
    lang: detectLang(`${title}\n${cleaned.text}`),
    excerpt: makeExcerpt(cleaned.text, title),
    contentHtml: cleaned.contentHtml,
    text: cleaned.text,
    images: cleaned.images,
    tags: [...new Set(fm?.tags ?? [])],
    wordCount: countWords(cleaned.text),
  };
}

function parseWebPage(html: string, fileName: string): ParsedArticle {
  const $ = loadHtml(html);
  const meta = extractWebPage($, savedFromUrl(html));
  const url = meta.url;
  const metaTitle = meta.title.trim();
  const siteName = siteNameFromUrl(url) ?? (meta.siteName.trim() || hostAndPath(url)?.host || '');
  const contentRoot = meta.content[0];
  if (contentRoot) removeTitleHeading(contentRoot as Element, metaTitle);
  const cleaned = cleanContent($, meta.content, url || null, { repairEscapedMarkup: false });
  if (!cleaned.text && cleaned.images.length === 0) {
    throw new FolioError('NO_CONTENT', `${fileName} has no readable article text.`);
  }
  const title = metaTitle || firstLine(cleaned.text) || fileName;
  const detected = detectLang(`${title}\n${cleaned.text}`);
  return {
    title,
    url,
    siteName,
    authors: meta.authors,
    byline: meta.byline,
    publishedAt: meta.publishedAt,
    lang: detected === 'other' && meta.lang ? meta.lang : detected,
    excerpt: makeExcerpt(cleaned.text, title),
    contentHtml: cleaned.contentHtml,
    text: cleaned.text,
    images: cleaned.images,
    tags: [],
    wordCount: countWords(cleaned.text),
  };
}

/** Drops a leading <h1> that repeats the title, unless it is all the body has. */
function removeTitleHeading(root: Element, title: string): void {
  const norm = (s: string): string => s.replace(/^\[[^\]]{1,20}\]\s*/, '').replace(/\s+/g, '');
  const want = norm(title);
  if (!want) return;
  const h1 = elementsOf(root).find((e) => e.name === 'h1');
  if (!h1 || norm(textOf(h1)) !== want) return;
  if (textOf(root).replace(/\s+/g, '').length > textOf(h1).replace(/\s+/g, '').length) detach(h1);
}

/** The address browsers record in saved pages: `<!-- saved from url=(0044)https://… -->`. */
export function savedFromUrl(html: string): string | null {
  const m = /<!--\s*saved from url=\(\d+\)(https?:\/\/[^\s>]+?)\s*-->/i.exec(html.slice(0, 2048));
  return m?.[1] ?? null;
}

function firstLine(text: string): string {
  return (text.split('\n', 1)[0] ?? '').slice(0, 200);
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_m, d: string) =>
      Number(d) <= 0x10ffff ? String.fromCodePoint(Number(d)) : '',
    )
    .replace(/&amp;/g, '&');
}
