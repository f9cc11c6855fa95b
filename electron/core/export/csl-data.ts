/**
 * Maps a stored Article to CSL-JSON, the one bibliographic record every citation output
 * (CSL styles, BibTeX, RIS) is derived from.
 */
import type { Article } from '../../../shared/model';

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslDate {
  'date-parts': [number, number?, number?][];
}

export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title'?: string;
  author?: CslName[];
  issued?: CslDate;
  accessed?: CslDate;
  URL?: string;
  language?: string;
}

// Han, kana, hangul and CJK punctuation: a name written in these scripts is kept whole.
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

/** Splits an author string into CSL name parts; CJK names stay one literal, never "family, given". */
export function toCslName(raw: string): CslName {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (CJK.test(name)) return { literal: name };
  const comma = name.indexOf(',');
  if (comma > 0) {
    return { family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim() };
  }
  const parts = name.split(' ');
  // One word (an outlet such as "Reuters") cannot be split into given and family.
  if (parts.length < 2) return { literal: name };
  const family = parts.pop() as string;
  return { family, given: parts.join(' ') };
}

/** Date parts of an ISO timestamp, taken in UTC so the result does not depend on the machine. */
export function toCslDate(iso: string | null | undefined): CslDate | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  return { 'date-parts': [[d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]] };
}

/** The CSL-JSON record of an article (type article-newspaper). */
export function articleToCsl(article: Article): CslItem {
  // Runs of spaces in a feed title ("特斯拉  凯迪拉克") are layout, not part of the title.
  const title = article.title.replace(/\s+/g, ' ').trim();
  const item: CslItem = { id: article.id, type: 'article-newspaper', title };
  const siteName = article.siteName.replace(/\s+/g, ' ').trim();
  if (siteName) item['container-title'] = siteName;
  const authors = article.authors.map((a) => a.trim()).filter(Boolean);
  if (authors.length > 0) item.author = authors.map(toCslName);
  const issued = toCslDate(article.publishedAt);
  if (issued) item.issued = issued;
  const accessed = toCslDate(article.importedAt);
  if (accessed) item.accessed = accessed;
  if (article.url) item.URL = article.url;
  if (article.lang) item.language = article.lang;
  return item;
}
