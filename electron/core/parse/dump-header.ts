/**
 * The dump layout: optional Jekyll front matter, `<!--epoch-ms-->`, `[title](url)`, `------`, HTML.
 */
import { load as loadYaml } from 'js-yaml';
import { FolioError } from '../../../shared/errors';

/** Fields a Jekyll front matter block may carry (all optional). */
export interface FrontMatter {
  title?: string;
  date?: string;
  author?: string;
  from?: string;
  tags: string[];
  categories: string[];
}

export interface DumpHeader {
  epochMs: number | null;
  title: string;
  url: string;
  bodyHtml: string;
  frontMatter: FrontMatter | null;
}

const FM_OPEN = /^---[ \t]*\r?\n/;
const FM_CLOSE = /\r?\n---[ \t]*\r?\n/;

/** Splits a dump into its header fields and the article HTML. */
export function parseDumpHeader(text: string): DumpHeader {
  let rest = text.replace(/^\s+/, '');
  let frontMatter: FrontMatter | null = null;
  const open = FM_OPEN.exec(rest);
  if (open) {
    // From the opening line's break, so that an empty block closes at once.
    const from = open[0].length - 1;
    const close = FM_CLOSE.exec(rest.slice(from));
    if (close) {
      frontMatter = parseFrontMatter(rest.slice(open[0].length, from + close.index));
      rest = rest.slice(from + close.index + close[0].length).replace(/^\s+/, '');
    }
  }
  const epochMatch = /^<!--\s*(\d{9,16})\s*-->[ \t]*\r?\n/.exec(rest);
  if (!epochMatch)
    throw new FolioError('UNRECOGNISED_FORMAT', 'The dump has no <!--epoch--> line.');
  const epochMs = toEpochMs(Number(epochMatch[1]));
  rest = rest.slice(epochMatch[0].length);
  const { linkLine, bodyHtml } = splitLinkLine(rest);
  const { title, url } = parseLinkLine(linkLine);
  return {
    epochMs,
    title,
    url,
    bodyHtml,
    frontMatter,
  };
}

/** Feeds write milliseconds; a 9–11 digit value is seconds (ms would fall before 1973). */
function toEpochMs(n: number): number | null {
  if (!Number.isFinite(n)) return null;
  return n < 1e11 ? n * 1000 : n;
}

/**
 * Splits the `[title](url)` line from the body at the `------` rule. A title wrapped over a few
 * lines is tolerated; a missing rule is too, without swallowing a later `---` in the HTML.
 */
function splitLinkLine(rest: string): { linkLine: string; bodyHtml: string } {
  const sep = /\r?\n-{3,}[ \t]*(?:\r?\n|$)/.exec(rest);
  if (sep) {
    const head = rest.slice(0, sep.index);
    const lines = head.split(/\r?\n/).length;
    if (lines === 1 || (lines <= 4 && !/<[a-z!/]/i.test(head))) {
      return { linkLine: head.trim(), bodyHtml: rest.slice(sep.index + sep[0].length) };
    }
  }
  const nl = /\r?\n/.exec(rest);
  if (!nl) return { linkLine: rest.trim(), bodyHtml: '' };
  return {
    linkLine: rest.slice(0, nl.index).trim(),
    bodyHtml: rest.slice(nl.index + nl[0].length),
  };
}

/** Reads `[title](url)` where the title may hold brackets and the URL parentheses. */
export function parseLinkLine(line: string): { title: string; url: string } {
  const flat = line.replace(/\s*\r?\n\s*/g, ' ');
  if (!flat.startsWith('[')) return { title: flat, url: '' };
  // The title ends at the first `](` that opens something URL-like.
  const split = /\]\(\s*(?=<?(?:[a-z][a-z0-9+.-]*:|\/\/|\/|\)))/i.exec(flat);
  if (!split) return { title: flat.slice(1).replace(/\]$/, ''), url: '' };
  const title = flat.slice(1, split.index);
  let url = flat.slice(split.index + split[0].length).trim();
  if (url.endsWith(')')) url = url.slice(0, -1).trim();
  // Markdown allows `<url>` and a quoted link title after the URL.
  url = url.replace(/\s+(?:"[^"]*"|'[^']*')$/, '').replace(/^<(.*)>$/, '$1');
  return { title: title.trim(), url: url.trim() };
}

/** Parses the YAML block tolerantly: js-yaml first, then a line reader for unquoted colons. */
export function parseFrontMatter(block: string): FrontMatter {
  let data: Record<string, unknown> | null = null;
  try {
    const loaded = loadYaml(block);
    if (loaded && typeof loaded === 'object' && !Array.isArray(loaded)) {
      data = loaded as Record<string, unknown>;
    }
  } catch {
    data = null;
  }
  data ??= readLines(block);
  const fm: FrontMatter = {
    tags: asList(data.tags),
    categories: asList(data.categories),
  };
  const title = asText(data.title);
  if (title) fm.title = title;
  const date = asDate(data.date);
  if (date) fm.date = date;
  const author = asText(data.author);
  if (author) fm.author = author;
  const from = asText(data.from);
  if (from) fm.from = from;
  return fm;
}

function readLines(block: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let listKey: string | null = null;
  for (const line of block.split(/\r?\n/)) {
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && listKey) {
      const list = out[listKey];
      if (Array.isArray(list)) list.push(unquote(item[1] ?? ''));
      continue;
    }
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv) continue;
    const key = kv[1] ?? '';
    const value = (kv[2] ?? '').trim();
    if (value === '') {
      out[key] = [];
      listKey = key;
    } else {
      listKey = null;
      out[key] = /^\[.*\]$/.test(value)
        ? value.slice(1, -1).split(',').map(unquote).filter(Boolean)
        : unquote(value);
    }
  }
  return out;
}

function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t.endsWith(t[0])) return t.slice(1, -1);
  return t;
}

function asText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}

function asList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((x) => asText(x)).filter((x): x is string => Boolean(x));
  const s = asText(v);
  return s ? s.split(/[,\s]+/).filter(Boolean) : [];
}

function asDate(v: unknown): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString();
  const s = asText(v);
  if (!s) return undefined;
  // Jekyll writes "2020-07-27 10:30:40 +0800"; make it ISO 8601 before Date reads it.
  const jekyll =
    /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)\s*(Z|[+-]\d\d:?\d\d)?$/.exec(s);
  const iso = jekyll
    ? `${jekyll[1]}T${jekyll[2]}${(jekyll[3] ?? 'Z').replace(/^([+-]\d\d)(\d\d)$/, '$1:$2')}`
    : s;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
