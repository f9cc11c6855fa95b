/**
 * BibTeX and RIS (`TY  - NEWS`) records, derived from the CSL-JSON record. The BibTeX is what
 * both BibTeX's own styles (plain, natbib, gbt7714) and biblatex read, as Zotero writes it: a
 * biblatex-only `@online` with `date` and `journaltitle` left classic styles without the year or
 * the publication.
 */
import type { Article } from '../../../shared/model';
import { articleToCsl, type CslDate, type CslName } from './csl-data';

const pad = (n: number | undefined): string => String(n ?? 1).padStart(2, '0');

function isoDate(date: CslDate | undefined): string {
  const parts = date?.['date-parts'][0];
  if (!parts) return '';
  const [y, m, d] = parts;
  return `${y}-${pad(m)}-${pad(d)}`;
}

// Braces, backslashes and the characters LaTeX treats specially must be escaped.
function bibEscape(value: string): string {
  return value
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}])/g, '\\$1')
    .replace(/([&%$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}');
}

function bibName(name: CslName): string {
  // Double braces keep a literal (a CJK name, an outlet) from being split by BibTeX.
  if (name.literal) return `{${bibEscape(name.literal)}}`;
  return `${bibEscape(name.family ?? '')}, ${bibEscape(name.given ?? '')}`;
}

/** A BibTeX key: ASCII letters and digits only, unique through the article id. */
function bibKey(article: Article): string {
  const year = article.publishedAt?.slice(0, 4) ?? 'nd';
  const id = article.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 12) || 'item';
  return `folio${year}${id}`;
}

/** BibTeX's month macros, which every style defines (biblatex too). */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** One `@article` entry per article (with `urldate` for biblatex), ready for a .bib file. */
export function toBibtex(articles: Article[]): string {
  return articles
    .map((article) => {
      const csl = articleToCsl(article);
      // Values in braces, but a month is a macro and must stay bare.
      const fields: Array<[string, string]> = [];
      const braced = (k: string, v: string) => fields.push([k, `{${v}}`]);
      if (csl.author?.length) braced('author', csl.author.map(bibName).join(' and '));
      braced('title', `{${bibEscape(csl.title)}}`);
      if (csl['container-title']) braced('journal', bibEscape(csl['container-title']));
      const [year, month] = csl.issued?.['date-parts'][0] ?? [];
      if (year !== undefined) braced('year', String(year));
      if (month !== undefined && MONTHS[month - 1]) fields.push(['month', MONTHS[month - 1]!]);
      if (csl.URL) braced('url', csl.URL);
      if (csl.accessed) braced('urldate', isoDate(csl.accessed));
      if (csl.language) braced('langid', csl.language);
      const body = fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n');
      return `@article{${bibKey(article)},\n${body}\n}\n`;
    })
    .join('\n');
}

function risName(name: CslName): string {
  return name.literal ?? `${name.family ?? ''}, ${name.given ?? ''}`;
}

/** RIS records (`TY  - NEWS`), one per article, CRLF line ends as the format expects. */
export function toRis(articles: Article[]): string {
  const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();
  return articles
    .map((article) => {
      const csl = articleToCsl(article);
      const lines: string[] = ['TY  - NEWS'];
      for (const a of csl.author ?? []) lines.push(`AU  - ${oneLine(risName(a))}`);
      lines.push(`TI  - ${oneLine(csl.title)}`);
      if (csl['container-title']) lines.push(`T2  - ${oneLine(csl['container-title'])}`);
      if (csl.issued) {
        const iso = isoDate(csl.issued);
        lines.push(`PY  - ${iso.slice(0, 4)}`, `DA  - ${iso.replace(/-/g, '/')}`);
      }
      if (csl.URL) lines.push(`UR  - ${csl.URL}`);
      if (csl.accessed) lines.push(`Y2  - ${isoDate(csl.accessed).replace(/-/g, '/')}`);
      if (csl.language) lines.push(`LA  - ${csl.language}`);
      lines.push('ER  - ');
      return lines.join('\r\n') + '\r\n';
    })
    .join('\r\n');
}

/** CSL-JSON array of the articles, pretty-printed. */
export function toCslJson(articles: Article[]): string {
  return JSON.stringify(articles.map(articleToCsl), null, 2) + '\n';
}
