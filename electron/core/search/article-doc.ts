/**
 * Turns an Article into what the index stores: a small record kept in memory, the term
 * frequencies of its four fields, and the text written to the text store.
 */
import type { Article } from '../../../shared/model';
import { foldPhrase, foldText } from './fold';
import type { DocRecord, DocTerms } from './index-state';
import { FIELD_COUNT } from './postings';
import { fieldTerms } from './tokenize';

/** Field numbers, matching the bits of a posting's field mask. */
export const FIELD = { title: 0, text: 1, notes: 2, meta: 3 } as const;

/** Separates text from notes in the text store (never occurs in article text). */
export const NOTES_SEPARATOR = '\u0000';

/** The searchable text of each field. */
export function articleFields(a: IndexedArticle): string[] {
  const meta = [...a.authors, a.siteName, ...a.tags].join('\n');
  return [a.title, a.text, a.notes?.markdown ?? '', meta];
}

function parseTime(iso: string | null): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

/** What the index stores for one article, before its texts are written. */
export interface BuiltDoc {
  rec: DocRecord;
  terms: DocTerms;
  stored: string;
  matchForm: string;
}

/**
 * A BuiltDoc in a form that crosses threads cheaply: the terms as one joined string and one
 * typed array instead of a Map of small arrays (thousands of objects to clone and rebuild).
 */
export interface PackedDoc {
  rec: DocRecord;
  terms: string;
  counts: Uint32Array;
  stored: string;
  matchForm: string;
}

// Folded text never holds this control character, so it can join the terms.
const TERM_SEPARATOR = '\u0001';

export function packDoc(doc: BuiltDoc): PackedDoc {
  const counts = new Uint32Array(doc.terms.size * FIELD_COUNT);
  let i = 0;
  for (const row of doc.terms.values()) {
    for (let f = 0; f < FIELD_COUNT; f++) counts[i * FIELD_COUNT + f] = row[f] ?? 0;
    i++;
  }
  const terms = [...doc.terms.keys()].join(TERM_SEPARATOR);
  return { rec: doc.rec, terms, counts, stored: doc.stored, matchForm: doc.matchForm };
}

export function unpackDoc(packed: PackedDoc): BuiltDoc {
  const terms: DocTerms = new Map();
  const keys = packed.terms === '' ? [] : packed.terms.split(TERM_SEPARATOR);
  const counts = packed.counts;
  // Plain loops: Array.from over thousands of typed subarrays per article showed in profiles.
  for (let i = 0, at = 0; i < keys.length; i++, at += FIELD_COUNT) {
    const row = new Array<number>(FIELD_COUNT);
    for (let f = 0; f < FIELD_COUNT; f++) row[f] = counts[at + f]!;
    terms.set(keys[i]!, row);
  }
  return { rec: packed.rec, terms, stored: packed.stored, matchForm: packed.matchForm };
}

/** The fields of an article the index reads (what crosses to the indexer's thread). */
export type IndexedArticle = Pick<
  Article,
  | 'id'
  | 'title'
  | 'text'
  | 'notes'
  | 'authors'
  | 'siteName'
  | 'tags'
  | 'lang'
  | 'publishedAt'
  | 'updatedAt'
  | 'deletedAt'
>;

/** Only the indexed fields: the clean HTML and images stay behind. */
export function indexedFields(a: IndexedArticle): IndexedArticle {
  const { id, title, text, notes, authors, siteName, tags, lang, publishedAt, updatedAt } = a;
  return {
    id,
    title,
    text,
    notes,
    authors,
    siteName,
    tags,
    lang,
    publishedAt,
    updatedAt,
    deletedAt: a.deletedAt,
  };
}

/** Tokenises an article; the caller stores `stored` and fills in `rec.textRef`. */
export function buildDoc(a: IndexedArticle): BuiltDoc {
  const trashed = a.deletedAt !== null;
  // Trashed articles are never shown, so only their record is kept (restoring re-indexes them).
  const fields = trashed ? ['', '', '', ''] : articleFields(a);
  const terms: DocTerms = new Map();
  const lens: number[] = [];
  let plain = true;
  fields.forEach((text, f) => {
    const folded = foldText(text);
    if ((f === FIELD.text || f === FIELD.notes) && folded !== text) plain = false;
    const { tf, length } = fieldTerms(folded);
    lens.push(length);
    for (const [term, n] of tf) {
      let row = terms.get(term);
      if (!row) terms.set(term, (row = new Array<number>(FIELD_COUNT).fill(0)));
      row[f] = n;
    }
  });
  const rec: DocRecord = {
    id: a.id,
    title: a.title,
    siteName: a.siteName,
    authors: a.authors,
    tags: a.tags,
    lang: a.lang,
    publishedAt: parseTime(a.publishedAt),
    updatedAt: a.updatedAt,
    trashed,
    plain,
    lens,
    textRef: [0, 0],
  };
  const stored = trashed ? '' : `${a.text}${NOTES_SEPARATOR}${a.notes?.markdown ?? ''}`;
  const matchForm = trashed
    ? ''
    : `${foldPhrase(a.text)}${NOTES_SEPARATOR}${foldPhrase(a.notes?.markdown ?? '')}`;
  return { rec, terms, stored, matchForm };
}
