/**
 * Turns an Article into what the index stores: a small record kept in memory, the term
 * frequencies of its four fields, and the text written to the text store.
 */
import type { Article } from '../../../shared/model';
import { foldPhrase, foldText } from './fold';
import { buildGapSignature } from './gap-signature';
import type { DocRecord, DocTerms } from './index-state';
import { FIELD_COUNT } from './postings';
import { type TextAnalysis, analysisTerms } from './text-analysis';
import { fieldTerms } from './tokenize';

/** Field numbers, matching the bits of a posting's field mask. */
export const FIELD = { title: 0, text: 1, notes: 2, meta: 3 } as const;

/** Separates text from notes in the text store (never occurs in article text). */
export const NOTES_SEPARATOR = '\u0000';

/** The searchable text of each field. */
export function articleFields(a: Article): string[] {
  const meta = [...a.authors, a.siteName, ...a.tags].join('\n');
  return [a.title, a.text, a.notes?.markdown ?? '', meta];
}

function parseTime(iso: string | null): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

/**
 * Tokenises an article; the caller stores `stored` and fills in `rec.textRef`. `analysis`, when
 * given, must be analyseText(a.text) made beforehand (text-analysis.ts).
 */
export function buildDoc(
  a: Article,
  analysis?: TextAnalysis,
): {
  rec: DocRecord;
  terms: DocTerms;
  stored: string;
  matchForm: string;
} {
  const trashed = a.deletedAt !== null;
  // Trashed articles are never shown, so only their record is kept (restoring re-indexes them).
  const fields = trashed ? ['', '', '', ''] : articleFields(a);
  const terms: DocTerms = new Map();
  const lens: number[] = [];
  let plain = true;
  const body = trashed ? undefined : analysis;
  fields.forEach((text, f) => {
    let tf: Map<string, number>;
    if (f === FIELD.text && body) {
      if (!body.plain) plain = false;
      tf = analysisTerms(body);
      lens.push(body.length);
    } else {
      const folded = foldText(text);
      if ((f === FIELD.text || f === FIELD.notes) && folded !== text) plain = false;
      const field = fieldTerms(folded);
      tf = field.tf;
      lens.push(field.length);
    }
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
    : `${body ? body.match : foldPhrase(a.text)}${NOTES_SEPARATOR}${foldPhrase(a.notes?.markdown ?? '')}`;
  rec.gapSig = buildGapSignature(matchForm);
  return { rec, terms, stored, matchForm };
}
