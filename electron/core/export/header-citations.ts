/**
 * Fast header citations for batch exports. citeproc-js takes ~2–5 ms per citation, which
 * dominates a 10,000-article Markdown export. Articles of one "shape" (style, language, which
 * fields are present, scripts, dates) render identically up to their field values, so one
 * citeproc rendering with placeholder values becomes a template for the rest. Each template
 * is accepted only if it reproduces citeproc's own output for the article that created it;
 * anything unusual (quotes, markup characters, trailing punctuation, split names) always goes
 * through citeproc.
 */
import type { CitationStyle } from '../../../shared/api';
import type { Article } from '../../../shared/model';
import { formatCitations } from './citations';
import { articleToCsl, type CslItem } from './csl-data';

type Field = 'title' | 'container' | 'url' | `author${number}`;

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;
// Characters citeproc treats as markup or rewrites (straight quotes become curly, <i> is markup).
const RISKY = /["'<>&*_\\`~^{}|]|\s{2,}|^\s|\s$/u;
// Curly quotes and brackets are left alone by the header styles, but a value holding them gets
// its own template (validated on its own first use) rather than sharing one.
const MARKS = /[“”‘’«»「」『』《》[\]()（）]/u;
const SAFE_URL = /^https?:\/\/[^\s"'<>]+[A-Za-z0-9/]$/;

function script(value: string): 'cjk' | 'latin' {
  return CJK.test(value) ? 'cjk' : 'latin';
}

// Placeholders in the value's own script (CJK spacing rules differ) and, for Latin, in mixed
// case so that any case transform by the style shows up as a mismatch.
function placeholder(field: Field, kind: 'cjk' | 'latin'): string {
  const tag = field.replace(/\D/g, '') || '0';
  const key = field[0] as 't' | 'c' | 'u' | 'a';
  // CJK placeholders hold no Latin letters: GB/T upper-cases names, which must not touch them.
  if (kind === 'cjk') return `㐀${{ t: '㐂', c: '㐃', u: '㐄', a: '㐅' }[key]}${tag}㐁`;
  return `zq${{ t: 'Tq', c: 'Cq', u: 'Uq', a: 'Aq' }[key]}${tag}Qz`;
}

interface Shape {
  key: string;
  values: Map<Field, string>;
}

/** The template key of an item, or null when the item must go through citeproc. */
function shapeOf(style: CitationStyle, item: CslItem): Shape | null {
  const values = new Map<Field, string>();
  const parts: string[] = [style, item.language ?? '', item.type];
  const add = (field: Field, value: string | undefined): boolean => {
    if (value === undefined) {
      parts.push(`${field}:-`);
      return true;
    }
    if (RISKY.test(value)) return false;
    values.set(field, value);
    // Punctuation merging depends on the last character, case transforms on the first.
    const first = value[0] ?? '';
    const firstKind = /\p{Lu}/u.test(first) ? 'U' : /\p{Ll}/u.test(first) ? 'l' : 'o';
    const last = [...value].at(-1) ?? '';
    const lastKind = /[\p{L}\p{N}]/u.test(last) ? 'w' : last;
    parts.push(
      `${field}:${script(value)}:${firstKind}:${lastKind}:${MARKS.test(value) ? 'm' : ''}`,
    );
    return true;
  };
  if (!add('title', item.title) || !add('container', item['container-title'])) return null;
  if (item.URL !== undefined && !SAFE_URL.test(item.URL)) return null;
  if (item.URL !== undefined) values.set('url', item.URL);
  parts.push(`url:${item.URL ? 1 : 0}`);
  for (const [i, name] of (item.author ?? []).entries()) {
    if (!name.literal || !add(`author${i}`, name.literal)) return null;
  }
  parts.push(`authors:${item.author?.length ?? 0}`);
  parts.push(JSON.stringify(item.issued ?? null), JSON.stringify(item.accessed ?? null));
  return { key: parts.join('|'), values };
}

function placeholderItem(item: CslItem, shape: Shape): CslItem {
  const ph = (f: Field): string => placeholder(f, script(shape.values.get(f) ?? ''));
  const out: CslItem = { ...item, id: `${item.id}#template`, title: ph('title') };
  if (item['container-title'] !== undefined) out['container-title'] = ph('container');
  if (item.URL !== undefined) out.URL = 'https://example.invalid/zqUq0Qz';
  if (item.author) out.author = item.author.map((_, i) => ({ literal: ph(`author${i}`) }));
  return out;
}

function fill(template: string, item: CslItem, shape: Shape): string | null {
  let text = template;
  for (const [field, value] of shape.values) {
    const ph =
      field === 'url' ? 'https://example.invalid/zqUq0Qz' : placeholder(field, script(value));
    // Each placeholder must appear exactly once, or the template is not trusted.
    if (text.split(ph).length !== 2) return null;
    text = text.replace(ph, () => value);
  }
  return /㐀|zq[A-Z]q\d+Qz|example\.invalid/.test(text) ? null : text;
}

/** A header-citation function with its own template cache (one per export batch). */
export function createHeaderCiter(styleOf: (article: Article) => CitationStyle) {
  const templates = new Map<string, string | null>();
  return (article: Article): string => {
    const style = styleOf(article);
    const item = articleToCsl(article);
    const shape = shapeOf(style, item);
    if (!shape) return formatCitations([article], style, 'text');
    const cached = templates.get(shape.key);
    if (cached) {
      const text = fill(cached, item, shape);
      if (text !== null) return text;
    }
    const real = formatCitations([article], style, 'text');
    if (cached === undefined) {
      const ph = placeholderItem(item, shape);
      const template = formatCitations([{ ...article, ...fromCsl(ph) }], style, 'text');
      // Trust the template only if it rebuilds citeproc's own output for this article.
      templates.set(shape.key, fill(template, item, shape) === real ? template : null);
    }
    return real;
  };
}

/** The Article fields that articleToCsl reads, from a CSL item (for rendering a placeholder). */
function fromCsl(item: CslItem): Partial<Article> {
  return {
    id: item.id,
    title: item.title,
    siteName: item['container-title'] ?? '',
    url: item.URL ?? '',
    authors: (item.author ?? []).map((a) => a.literal ?? ''),
  };
}
