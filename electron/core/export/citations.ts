/**
 * Formats citations with citeproc-js and the bundled CSL styles. Engines are built once per
 * style and output format (parsing a style takes tens of milliseconds) and reused.
 */
import CSL from 'citeproc';
import type { CitationFormat, CitationStyle } from '../../../shared/api';
import { FolioError } from '../../../shared/errors';
import type { Article } from '../../../shared/model';
import type { MonthNames } from './citation-dates';
import { articleToCsl, type CslItem, type CslName } from './csl-data';
import { LOCALE_XML, STYLE_XML } from './styles/bundled-styles';

/** Styles whose natural output is a footnote, not a reference-list entry. */
const NOTE_STYLES: ReadonlySet<CitationStyle> = new Set(['chicago-notes']);

interface CachedEngine {
  engine: InstanceType<typeof CSL.Engine>;
  items: Map<string, EngineItem>;
}

const engines = new Map<string, CachedEngine>();

function engineFor(style: CitationStyle, format: CitationFormat): CachedEngine {
  const key = `${style}:${format}`;
  const cached = engines.get(key);
  if (cached) return cached;
  const xml = STYLE_XML[style];
  if (!xml) throw new FolioError('INVALID_INPUT', `Unknown citation style: ${style}`);
  const items = new Map<string, EngineItem>();
  const sys = {
    retrieveLocale: (lang: string): string => LOCALE_XML[lang] ?? (LOCALE_XML['en-US'] as string),
    retrieveItem: (id: string): unknown => items.get(id),
  };
  const engine = new CSL.Engine(sys, xml);
  engine.setOutputFormat(format);
  const made = { engine, items };
  engines.set(key, made);
  return made;
}

const monthsOf = new Map<CitationStyle, MonthNames>();

/** A style's month names (long and short, January first) from its engine's locale terms, as
 * citeproc-js prints them in a date; spaces normalised as in a text citation. */
export function monthNames(style: CitationStyle): MonthNames {
  const known = monthsOf.get(style);
  if (known) return known;
  const { engine } = engineFor(style, 'text');
  const names = (form: 'long' | 'short'): string[] =>
    Array.from({ length: 12 }, (_, i) => {
      const term = `month-${String(i + 1).padStart(2, '0')}`;
      return (engine.getTerm(term, form, 0, 0, false, false) ?? '').replace(/\s+/g, ' ');
    });
  const made = { long: names('long'), short: names('short') };
  monthsOf.set(style, made);
  return made;
}

// citeproc-js reads a Latin-script name in a Chinese or Japanese item as a romanisation of a
// CJK name and prints it in static order without the comma ("Pérez-Peña R." in APA,
// "Pérez-Peña Richard" in MLA). A Western journalist writing for 纽约时报中文网 is still
// "Pérez-Peña, R." (APA 7 §9.8) and "Richard Pérez-Peña" in a Chicago note: tagging the name
// itself as English keeps the styles' own rules. Only the engine sees the tag, never CSL-JSON.
const STATIC_ORDER_LANG = /^(zh|ja)\b/i;

/** A CSL item as the engine gets it: names may carry citeproc-js's own language tag. */
type EngineItem = Omit<CslItem, 'author'> & {
  author?: Array<CslName & { multi?: { main: string; _key: Record<string, never> } }>;
};

// citeproc-js pairs an opening ‘ with the next ’, even an apostrophe inside a word, and title
// case then capitalises what follows it: MLA and Chicago printed "‘We’Re Hardly Heroic.’". A
// straight apostrophe between letters is read as one, and citeproc prints it curly again.
const APOSTROPHE = /(?<=\p{L})’(?=\p{L})/gu;

function forEngine(item: CslItem, id: string): EngineItem {
  const out: EngineItem = { ...item, id, title: item.title.replace(APOSTROPHE, "'") };
  if (item.author && STATIC_ORDER_LANG.test(item.language ?? '')) {
    out.author = item.author.map((n) =>
      n.family !== undefined ? { ...n, multi: { main: 'en', _key: {} } } : n,
    );
  }
  return out;
}

// The engine caches items by id across calls; a fresh id per call means an article edited since
// its last citation is never cited from the stale copy.
let nextId = 0;
// Calls into the engine since the process started (one per formatCitations), for benchmarks.
let engineCalls = 0;

/** How many times formatCitations has run citeproc in this thread. */
export function citeprocCalls(): number {
  return engineCalls;
}

/** Strips the markup citeproc wraps around each entry and decodes the few entities it emits. */
function cleanText(entry: string): string {
  return entry
    .replace(/<[^>]+>/g, '')
    .replace(/&#38;|&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Full citations of the articles in one style: one entry per line (text) or a div per entry (html). */
export function formatCitations(
  articles: Article[],
  style: CitationStyle,
  format: CitationFormat,
): string {
  if (articles.length === 0) return '';
  const { engine, items } = engineFor(style, format);
  engineCalls += 1;
  items.clear();
  const ids = articles.map((a) => {
    const id = `folio-${(nextId += 1)}`;
    items.set(id, forEngine(articleToCsl(a), id));
    return id;
  });
  engine.updateItems(ids);
  let entries: string[];
  if (NOTE_STYLES.has(style)) {
    // A note style cites in footnotes: give each article its full first-note form.
    entries = ids.map((id) => engine.makeCitationCluster([{ id }]));
  } else {
    const bib = engine.makeBibliography();
    if (!bib) throw new FolioError('EXPORT_FAILED', `Style ${style} has no bibliography`);
    entries = bib[1];
  }
  if (format === 'html') {
    // Bibliography entries come wrapped in div.csl-entry already; note clusters do not.
    const wrap = NOTE_STYLES.has(style);
    return entries
      .map((e) => (wrap ? `<div class="csl-entry">${e.trim()}</div>` : e.trim()))
      .join('\n');
  }
  return entries.map((e) => cleanText(e)).join('\n');
}
