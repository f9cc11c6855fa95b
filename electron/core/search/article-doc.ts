/**
 * Turns an Article into what the index stores: a small record kept in memory, the term
 * frequencies of its four fields, and the text written to the text store.
 */
import type { Article } from '../../../shared/model';
import { foldPhrase, foldText } from './fold';
import { withFragmentGrams } from './fragment-grams';
import { buildGapSignature } from './gap-signature';
import type { DocRecord, DocTerms } from './index-state';
import { FIELD_COUNT } from './postings';
import { type TextAnalysis, analysisTerms } from './text-analysis';
import { countTerms } from './tokenize';

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

/** One field's distinct terms and their counts. */
interface FieldTerms {
  terms: string[];
  counts: ArrayLike<number>;
}

/**
 * The fields' terms as one table. The body holds most terms, so the others go through a map and
 * the body's are appended after, each looked up in that small map only.
 */
function mergeFields(perField: FieldTerms[]): DocTerms {
  const total = perField.reduce((n, f) => n + f.terms.length, 0);
  const tfs = new Uint16Array(total * FIELD_COUNT);
  // Sized once (a body holds thousands of terms): pushing would copy the array as it grows.
  const terms = new Array<string>(total);
  let count = 0;
  const rowOf = new Map<string, number>();
  const order = [FIELD.title, FIELD.notes, FIELD.meta, FIELD.text];
  for (const f of order) {
    const field = perField[f]!;
    const last = f === FIELD.text;
    for (let i = 0; i < field.terms.length; i++) {
      const t = field.terms[i]!;
      let row = rowOf.size === 0 ? undefined : rowOf.get(t);
      if (row === undefined) {
        row = count;
        terms[count++] = t;
        if (!last) rowOf.set(t, row);
      }
      tfs[row * FIELD_COUNT + f] = Math.min(field.counts[i]!, 0xffff);
    }
  }
  terms.length = count;
  return { terms, tfs: tfs.subarray(0, count * FIELD_COUNT) };
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
  const lens: number[] = [];
  let plain = true;
  const body = trashed ? undefined : analysis;
  const perField = fields.map((text, f): FieldTerms => {
    if (f === FIELD.text && body) {
      if (!body.plain) plain = false;
      lens.push(body.length);
      return analysisTerms(body);
    }
    const folded = foldText(text);
    if ((f === FIELD.text || f === FIELD.notes) && folded !== text) plain = false;
    const { terms, counts, length } = countTerms(folded);
    lens.push(length);
    return { terms, counts };
  });
  const terms = withFragmentGrams(mergeFields(perField));
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
