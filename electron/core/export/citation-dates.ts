/**
 * Dates in citation templates. A form's placeholder twin is rendered with probe dates whose
 * every part reads unambiguously in citeproc's output: a year nothing else prints, a month and a
 * day below ten (so a leading zero shows), months whose long and short names differ, and other
 * values for the access date than for the publication date. Each part found becomes a slot that
 * is filled from the item's own date, a month name from the style's own terms (monthNames in
 * citations.ts). A rendering that shows a probe date in any other way (ordinal days, two-digit
 * years, re-cased or stripped month names, a month name followed by punctuation it might merge
 * with) gets no template.
 */
import type { Article } from '../../../shared/model';
import type { Template } from './citation-template';
import type { CslDate, CslItem } from './csl-data';

/** A style's month names, January first, as citeproc prints them in dates. */
export interface MonthNames {
  long: readonly string[];
  short: readonly string[];
}

type DateVariable = 'issued' | 'accessed';

const PROBES: Record<DateVariable, { year: number; month: number; day: number }> = {
  issued: { year: 2468, month: 3, day: 5 },
  accessed: { year: 2579, month: 8, day: 6 },
};

const iso = ({ year, month, day }: (typeof PROBES)[DateVariable]): string =>
  new Date(Date.UTC(year, month - 1, day)).toISOString();
const PROBE_ISO = { issued: iso(PROBES.issued), accessed: iso(PROBES.accessed) };

/** The article dates that give the twin the probe dates (only where the item has a date). */
export function probeDates(item: CslItem): Pick<Article, 'publishedAt' | 'importedAt'> {
  return {
    publishedAt: item.issued ? PROBE_ISO.issued : null,
    importedAt: item.accessed ? PROBE_ISO.accessed : '',
  };
}

/** Year, month and day of a date, or null when citeproc could print it other than plainly
 * (a partial date, a range, a year that is not four digits). */
function ymd(date: CslDate | undefined): [number, number, number] | null {
  const parts = date?.['date-parts'];
  const first = parts?.[0];
  if (!parts || parts.length !== 1 || !first || first.length !== 3) return null;
  const [y, m, d] = first as [number, number, number];
  if (!(y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  return [y, m, d];
}

/** The form's date part of a template key: which dates the item has. Null when a date it has
 * cannot be slotted (the item then goes through citeproc). */
export function dateForm(item: CslItem): string | null {
  let form = '';
  for (const v of ['issued', 'accessed'] as const) {
    if (item[v] === undefined) form += '-';
    else if (ymd(item[v]) === null) return null;
    else form += 'd';
  }
  return `dates:${form}`;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

const PARTS = ['year', 'month', 'month0', 'day', 'day0', 'month-long', 'month-short'] as const;
const SLOTS = {
  issued: PARTS.map((p) => `issued:${p}`),
  accessed: PARTS.map((p) => `accessed:${p}`),
};

/** Every text a date part can be printed as, by slot name. */
function partTexts(
  v: DateVariable,
  [y, m, d]: [number, number, number],
  months: MonthNames,
): Array<[string, string]> {
  const texts = [
    String(y),
    String(m),
    pad2(m),
    String(d),
    pad2(d),
    months.long[m - 1] ?? '',
    months.short[m - 1] ?? '',
  ];
  return SLOTS[v].map((slot, i) => [slot, texts[i] as string]);
}

/** Adds the date slots' values of an item (as checked by dateForm) to its slot values. */
export function addDateValues(values: Map<string, string>, item: CslItem, months: MonthNames) {
  for (const v of ['issued', 'accessed'] as const) {
    const date = ymd(item[v]);
    if (date) for (const [slot, text] of partTexts(v, date, months)) values.set(slot, text);
  }
}

const LATIN = /[A-Za-z\u00c0-\u024f]/u;
const LETTER = /\p{L}/u;

/**
 * Replaces the probe dates in a compiled twin template by date slots; null when a probe date
 * shows in a way a slot could not reproduce for every other date. `dated` says which dates the
 * item has (a probe value of a date it lacks is ordinary text).
 */
export function slotDates(
  template: Template,
  dated: Readonly<Record<DateVariable, boolean>>,
  months: MonthNames,
): Template | null {
  const numbers = new Map<string, string>();
  const words: Array<[string, string]> = [];
  const traces: string[] = [];
  for (const v of ['issued', 'accessed'] as const) {
    if (!dated[v]) continue;
    const { year, month, day } = PROBES[v];
    for (const [slot, text] of partTexts(v, [year, month, day], months)) {
      if (/^\d+$/.test(text)) numbers.set(text, slot);
      else if (text) words.push([text, slot]);
    }
    const long = months.long[month - 1] ?? '';
    const short = months.short[month - 1] ?? '';
    // Equal names cannot tell which form the style prints.
    if (!long || !short || long === short) return null;
    // Remains of a probe date in another form: a two-digit year, a re-cased or stripped name.
    traces.push(String(year).slice(2), long.toLowerCase(), short.replace(/\.$/, '').toLowerCase());
  }
  const out: Array<string | { slot: string }> = [];
  for (const part of template) {
    if (typeof part !== 'string') {
      out.push(part);
      continue;
    }
    const pieces = slotPart(part, numbers, words);
    if (pieces === null) return null;
    for (const piece of pieces) {
      if (typeof piece === 'string' && traces.some((t) => piece.toLowerCase().includes(t))) {
        return null;
      }
      out.push(piece);
    }
  }
  return out;
}

/** One literal of a template with its probe date parts replaced by slots, or null. */
function slotPart(
  text: string,
  numbers: ReadonlyMap<string, string>,
  words: ReadonlyArray<[string, string]>,
): Array<string | { slot: string }> | null {
  const found: Array<{ at: number; end: number; slot: string }> = [];
  for (const m of text.matchAll(/\d+/g)) {
    const slot = numbers.get(m[0]);
    if (slot === undefined) continue;
    const end = m.index + m[0].length;
    // An ordinal ("5th") or a number glued to a word changes with the number.
    if (LATIN.test(text[m.index - 1] ?? '') || LATIN.test(text[end] ?? '')) return null;
    found.push({ at: m.index, end, slot });
  }
  for (const [word, slot] of words) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const end = at + word.length;
      if (LETTER.test(text[at - 1] ?? '') || LETTER.test(text[end] ?? '')) continue;
      // citeproc merges a name's closing period with punctuation after it ("Mar." + "."), and
      // other names have none: only a space may follow a month name.
      if (text[end] !== ' ') return null;
      found.push({ at, end, slot });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const out: Array<string | { slot: string }> = [];
  let from = 0;
  for (const { at, end, slot } of found) {
    // Overlapping matches (a long name holding a short one) cannot tell which form it is.
    if (at < from) return null;
    out.push(text.slice(from, at), { slot });
    from = end;
  }
  out.push(text.slice(from));
  return out;
}
