/**
 * Citation templates: the "shape" of a CSL item (everything citeproc's output depends on besides
 * the field values themselves), a placeholder twin of the same shape, and a template compiled
 * from citeproc's rendering of that twin, into which any item of the shape is filled.
 */
import type { CitationStyle } from '../../../shared/api';
import type { Article } from '../../../shared/model';
import { dateForm, probeDates } from './citation-dates';
import type { CslItem, CslName } from './csl-data';

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;
// Characters citeproc treats as markup or rewrites (straight quotes become curly, <i> is markup).
const RISKY = /["'<>&*_\\`~^{}]|\s{2,}|^\s|\s$/u;
// In a name, "|" also separates an institution's parts ("Reuters | Beijing").
const RISKY_NAME = /[|]/u;
// Curly quotes and brackets: the header styles leave them alone, but a style that quotes a title
// turns the quotes inside it ("“a”" becomes "‘a’" in MLA). A value holding them shares a
// template only with values whose marks sit alike (see markSkeleton), and its placeholder holds
// the same marks, so that a style changing them gets no template.
const MARKS = /[“”‘’«»「」『』《》[\]()（）]/u;
// citeproc-js's "romanesque" characters: between two of them "’" is an apostrophe, not a quote.
const ROMANESQUE =
  /[-0-9a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff\u1f00-\u1fff\u0600-\u06ff\u200c-\u200e\u0218-\u021b\u202a-\u202e]/u;
const SAFE_URL = /^https?:\/\/[^\s"'<>]+[A-Za-z0-9/]$/;
const URL_PLACEHOLDER = 'https://example.invalid/zqUq0Qz';

// A name word that citeproc initialises and upper-cases with no special case: a capital, then
// lower-case letters, all from the range its name regexps call "romanesque" (ASCII, Latin-1,
// Latin Extended-A). Lower-case words are particles ("van"), capitals-only words are initials
// ("JP"), and letters outside the range take other paths: all of those go through citeproc.
const LETTER = '[A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u017f]';
const WORD = `(?=\\p{Lu})${LETTER}(?:(?=\\p{Ll})${LETTER})+`;
const FAMILY = new RegExp(`^${WORD}(?:-${WORD})*$`, 'u');
const GIVEN = new RegExp(`^${WORD}(?:[- ]${WORD})*$`, 'u');
// citeproc-js prints these two given names whole instead of initialising them.
const UNINITIALISED = new Set(['Lord', 'Lady']);
// Placeholder initials of given names: capitals of the same range that no style's own text holds,
// so each one marks where one initial lands.
const INITIALS = 'ĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĴĶĹĻĽĿŁŃŅŇŊŌŎŐŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŹŻŽ';
const INDEX = 'abcdefghijklmnopqrstuvwxyz';
// Placeholder text left outside a slot means the template cannot be trusted.
const LEFTOVER = /㐀|㐄|zq|qz|qx|xq|example\.invalid/i;

/** One place in a template: alternative placeholder texts (a style may upper-case a name), of
 * which exactly one must appear in the rendering, exactly once. */
type Mark = Array<{ slot: string; text: string }>;

export interface Shape {
  /** Items with equal keys render identically up to their slot values. */
  key: string;
  /** The key without the date values (but with which dates there are): items of one form
   * differ only in slot values and date values. */
  form: string;
  /** Each slot's value for this item; a slot without one sends the item to citeproc. */
  values: Map<string, string>;
  /** Where the slots show in a rendering of the placeholder twin. */
  marks: Mark[];
  /** The Article fields that make the placeholder twin of this item. */
  twin: Pick<Article, 'title' | 'siteName' | 'url' | 'authors'>;
  /** The twin's dates for a template with date slots (see citation-dates.ts). */
  probe: Pick<Article, 'publishedAt' | 'importedAt'>;
}

/** A compiled template: literal text and slot names, in order. */
export type Template = ReadonlyArray<string | { slot: string }>;

function script(value: string): 'cjk' | 'latin' {
  return CJK.test(value) ? 'cjk' : 'latin';
}

// Placeholders in the value's own script (CJK spacing rules differ). A case transform by the
// style must change the placeholder of a value it could change, or the template would print the
// value as given: citeproc's title case leaves a word holding a capital alone and capitalises an
// all-lower-case one, so such a placeholder holds both kinds of word. The value's marks follow,
// set apart by a character that is none of a letter, a space or a mark.
function placeholder(key: 't' | 'a', tag: number, value: string, cased: boolean): string {
  const skeleton = markSkeleton(value);
  const marks = skeleton ? `㐄${skeleton}㐄` : '';
  if (script(value) === 'cjk') {
    return `㐀${{ t: '㐂', a: '㐅' }[key]}${tag}${cased ? ' xq Xq' : ''}${marks}㐁`;
  }
  return `zq${key}q${tag}${marks} ${key.toUpperCase()}qz`;
}

/** The marks of a value in order, with the kind of character on each side of each (a letter
 * citeproc calls romanesque, a space, anything else): all that its quote handling reads. */
function markSkeleton(value: string): string {
  if (!MARKS.test(value)) return '';
  const chars = [...value];
  let out = '';
  chars.forEach((c, i) => {
    const mark = MARKS.test(c);
    if (!mark && !MARKS.test(chars[i - 1] ?? '') && !MARKS.test(chars[i + 1] ?? '')) return;
    const kind = mark ? c : /\s/u.test(c) ? ' ' : ROMANESQUE.test(c) ? 'x' : '㐄';
    if (mark || kind !== out.at(-1)) out += kind;
  });
  return out;
}

/** Whether a case transform could change the value. */
function hasCase(value: string): boolean {
  return value.toUpperCase() !== value || value.toLowerCase() !== value;
}

// What a value's rendering depends on besides the value: its script, the case of its first
// character and whether it has cased letters at all (case transforms), its last character
// (punctuation merging), brackets and quotes.
function kinds(value: string): string {
  const first = value[0] ?? '';
  const firstKind = /\p{Lu}/u.test(first) ? 'U' : /\p{Ll}/u.test(first) ? 'l' : 'o';
  // The last character, whole if it is a surrogate pair.
  const last = /[\udc00-\udfff]$/.test(value) ? value.slice(-2) : value.slice(-1);
  const lastKind = /[\p{L}\p{N}]/u.test(last) ? 'w' : last;
  const cased = hasCase(value) ? 'c' : '';
  return `${script(value)}:${firstKind}:${lastKind}:${cased}:${markSkeleton(value)}`;
}

/** A string upper-cased as citeproc-js does it: in the item's language, else the default. */
export function upperAs(value: string, language: string | undefined): string {
  // citeproc passes [item language, style locale]; the bundled styles' locales (en-US, zh-CN)
  // upper-case like the root locale, which a bad tag also falls back to.
  const primary = /^([a-zA-Z]+)/.exec(language ?? '')?.[1]?.toLowerCase();
  try {
    return primary ? value.toLocaleUpperCase([primary, 'en-US']) : value.toUpperCase();
  } catch {
    return value.toUpperCase();
  }
}

/** The template key of an item, or null when the item must go through citeproc. */
export function shapeOf(style: CitationStyle, item: CslItem): Shape | null {
  const values = new Map<string, string>();
  const marks: Mark[] = [];
  const dates = dateForm(item);
  if (dates === null) return null;
  const { title: value } = item;
  const container = item['container-title'];
  if (RISKY.test(value) || (container !== undefined && RISKY.test(container))) return null;
  // A publication is cited as itself, not as a slot: one archive holds few of them, and a style
  // may transform it in ways a slot cannot (APA title-cases an English one).
  const parts: string[] = [
    style,
    item.language ?? '',
    item.type,
    dates,
    `in:${JSON.stringify(container ?? null)}`,
  ];
  values.set('title', value);
  parts.push(`title:${kinds(value)}`);
  const title = placeholder('t', 0, value, hasCase(value));
  marks.push([{ slot: 'title', text: title }]);

  if (item.URL !== undefined) {
    if (!SAFE_URL.test(item.URL)) return null;
    values.set('url', item.URL);
    marks.push([{ slot: 'url', text: URL_PLACEHOLDER }]);
  }
  parts.push(`url:${item.URL ? 1 : 0}`);

  const authors: string[] = [];
  let initials = 0;
  for (const [i, name] of (item.author ?? []).entries()) {
    const twin = nameTwin(name, i, initials, item.language, values, marks, parts);
    if (twin === null) return null;
    initials += twin.initials;
    authors.push(twin.text);
  }
  parts.push(`authors:${item.author?.length ?? 0}`);
  const form = parts.join('|');
  const when = [JSON.stringify(item.issued ?? null), JSON.stringify(item.accessed ?? null)];
  return {
    key: [form, ...when].join('|'),
    form,
    values,
    marks,
    twin: { title, siteName: container ?? '', url: item.URL ? URL_PLACEHOLDER : '', authors },
    probe: probeDates(item),
  };
}

/** Records author `i`'s slots and returns its placeholder (as an author string), or null. */
function nameTwin(
  name: CslName,
  i: number,
  initialsBefore: number,
  language: string | undefined,
  values: Map<string, string>,
  marks: Mark[],
  parts: string[],
): { text: string; initials: number } | null {
  const slot = `a${i}`;
  if (name.literal !== undefined) {
    const value = name.literal;
    if (RISKY.test(value) || RISKY_NAME.test(value)) return null;
    const upper = upperAs(value, language);
    // GB/T upper-cases names. A CJK name holding Latin letters ("路透社 Reuters") gets a CJK
    // placeholder with Latin letters too, so that the template shows it; a CJK name without
    // cased letters keeps a placeholder without any, as before.
    const cased = upper !== value || hasCase(value);
    const ph = placeholder('a', i, value, cased);
    values.set(slot, value).set(`${slot}^`, upper);
    marks.push(
      ph === ph.toUpperCase()
        ? [{ slot, text: ph }]
        : [
            { slot, text: ph },
            { slot: `${slot}^`, text: ph.toUpperCase() },
          ],
    );
    parts.push(`${slot}:${kinds(value)}:${cased ? 'c' : ''}`);
    return { text: ph, initials: 0 };
  }
  const { family, given } = name;
  if (family === undefined || given === undefined) return null;
  if (!FAMILY.test(family) || !GIVEN.test(given) || UNINITIALISED.has(given)) return null;
  const words = given.split(/[- ]/);
  const tag = INDEX[i];
  if (tag === undefined || initialsBefore + words.length > INITIALS.length) return null;
  // The twin keeps the name's structure: as many family parts and given words, same separators.
  const familyPh = family
    .split('-')
    .map((_, k) => `Zqf${tag}${INDEX[k] ?? 'z'}qz`)
    .join('-');
  values.set(`${slot}f`, family).set(`${slot}f^`, upperAs(family, language));
  marks.push([
    { slot: `${slot}f`, text: familyPh },
    { slot: `${slot}f^`, text: familyPh.toUpperCase() },
  ]);
  let w = 0;
  const givenPh = given.replace(/[^- ]+/g, (word) => {
    const initial = INITIALS[initialsBefore + w] as string;
    values.set(`${slot}g${w}`, word[0] as string);
    marks.push([{ slot: `${slot}g${w}`, text: initial }]);
    w += 1;
    return `${initial}qx`;
  });
  parts.push(`${slot}:name:${family.replace(/[^-]+/g, 'w')}:${given.replace(/[^- ]+/g, 'w')}`);
  return { text: `${givenPh} ${familyPh}`, initials: words.length };
}

/** Compiles citeproc's rendering of a twin; null unless every mark shows exactly once. */
export function compileTemplate(rendered: string, marks: Mark[]): Template | null {
  const found: Array<{ at: number; end: number; slot: string }> = [];
  for (const mark of marks) {
    const shown = mark.filter(({ text }) => rendered.includes(text));
    const only = shown[0];
    if (shown.length !== 1 || !only) return null;
    const at = rendered.indexOf(only.text);
    if (rendered.includes(only.text, at + 1)) return null;
    found.push({ at, end: at + only.text.length, slot: only.slot });
  }
  found.sort((a, b) => a.at - b.at);
  const template: Array<string | { slot: string }> = [];
  let from = 0;
  for (const { at, end, slot } of found) {
    if (at < from) return null;
    template.push(rendered.slice(from, at), { slot });
    from = end;
  }
  template.push(rendered.slice(from));
  return template.some((p) => typeof p === 'string' && LEFTOVER.test(p)) ? null : template;
}

/** The citation of an item from a template and the item's slot values; null if one is missing. */
export function fillTemplate(
  template: Template,
  values: ReadonlyMap<string, string>,
): string | null {
  let out = '';
  for (const part of template) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const value = values.get(part.slot);
    if (value === undefined) return null;
    out += value;
  }
  return out;
}
