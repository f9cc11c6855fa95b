/**
 * Checks that a candidate really holds a phrase (or a long CJK run) contiguously, in a field that
 * holds all its terms: filters first, then the stored folded text.
 */
import { FIELD, NOTES_SEPARATOR } from './article-doc';
import type { ClauseScored } from './clause-scores';
import { foldPhrase } from './fold';
import { mayContain, needleGapHashes } from './gap-signature';
import { type FoldedNeedle, decodeFolded, formHolds } from './folded-form';
import { containsPhrase } from './highlight';
import type { DocRecord, IndexState } from './index-state';
import { FIELD_COUNT } from './postings';
import type { ClausePlan } from './query-plan';

export { FIRST_WINDOW } from './folded-form';

export interface EvalContext {
  state: IndexState;
  /** "text \0 notes" of a document. */
  readStored(rec: DocRecord): string;
  /** The start of the same, at most `maxBytes` of its UTF-8, and whether that is all of it. */
  readStoredHead?(rec: DocRecord, maxBytes: number): { text: string; whole: boolean };
  /**
   * The same, folded for matching (see DocRecord.foldRef), as stored (folded-form.ts) in a reused
   * buffer: bytes [from, to) of it when given, clamped to its length.
   */
  readFoldedBytes(rec: DocRecord, from?: number, to?: number): Buffer | null;
  /**
   * Searches many stored folded forms for one needle at once (possibly on several threads):
   * `refs` holds each form's [offset, byteLength] in the text store; the answer holds, per form,
   * whether it holds the needle. Absent: each is searched here through readFoldedBytes.
   */
  checkForms?(needle: FoldedNeedle, refs: Float64Array): Uint8Array;
}

/** Title and metadata of a record in phrase form, folded once (checks revisit them per query). */
const shortForms = new WeakMap<DocRecord, [string, string]>();
function titleAndMeta(rec: DocRecord): [string, string] {
  let forms = shortForms.get(rec);
  if (!forms) {
    const meta = [...rec.authors, rec.siteName, ...rec.tags].join('\n');
    shortForms.set(rec, (forms = [foldPhrase(rec.title), foldPhrase(meta)]));
  }
  return forms;
}

/** True when the title or metadata, where `bits` allow, holds the folded phrase. */
function inShortFields(rec: DocRecord, phrase: string, bits: number): boolean {
  if ((bits & SHORT_FIELDS) === 0) return false;
  // Every folded character folds to itself (a test checks each one), so a title that holds the
  // folded phrase as it stands holds it once folded: most titles a check meets are then never
  // folded, which the first phrase query of a session paid for thousands of candidates.
  if ((bits & (1 << FIELD.title)) !== 0 && rec.title.includes(phrase)) return true;
  const [title, meta] = titleAndMeta(rec);
  return (
    ((bits & (1 << FIELD.title)) !== 0 && containsPhrase(title, phrase)) ||
    ((bits & (1 << FIELD.meta)) !== 0 && containsPhrase(meta, phrase))
  );
}

/**
 * Every document's phrase filter in one array, cached per index state like the norms: a phrase
 * query tests thousands of candidates, and reaching each filter through its record costs a cache
 * miss or two apiece. Document d's words are start[d]..start[d + 1]; `filtered[d]` is 0 for a
 * document without a filter (an older record, or a retired number), which must be read.
 */
interface FilterTable {
  docs: unknown;
  n: number;
  words: Uint32Array;
  start: Float64Array;
  filtered: Uint8Array;
}
const filterCache = new WeakMap<IndexState, FilterTable>();
export function filterTable(state: IndexState): FilterTable {
  let t = filterCache.get(state);
  if (!t || t.docs !== state.docs) {
    const empty = {
      words: new Uint32Array(0),
      start: new Float64Array(1),
      filtered: new Uint8Array(0),
    };
    t = { docs: state.docs, n: 0, ...empty };
    filterCache.set(state, t);
  }
  if (t.n < state.docs.length) {
    // Capacities grow geometrically: while an import appends articles, a search extends the table
    // by the new ones instead of copying every filter again.
    const grow = <A extends Uint32Array | Float64Array | Uint8Array>(
      a: A,
      need: number,
      make: (n: number) => A,
    ): A => {
      if (a.length >= need) return a;
      const next = make(Math.max(need, a.length * 2));
      next.set(a);
      return next;
    };
    const from = t.n;
    const n = state.docs.length;
    let used = t.start[from]!;
    let extra = 0;
    for (let d = from; d < n; d++) extra += state.docs[d]?.gapSig?.length ?? 0;
    t.words = grow(t.words, used + extra, (k) => new Uint32Array(k));
    t.start = grow(t.start, n + 1, (k) => new Float64Array(k));
    t.filtered = grow(t.filtered, n, (k) => new Uint8Array(k));
    for (let d = from; d < n; d++) {
      const sig = state.docs[d]?.gapSig;
      if (sig) {
        t.words.set(sig, used);
        used += sig.length;
      }
      t.filtered[d] = sig ? 1 : 0;
      t.start[d + 1] = used;
    }
    t.n = n;
  }
  return t;
}

/** A string to find in a document, prepared once per query. */
export interface Needle extends FoldedNeedle {
  /** Its windows for the phrase filter (gap-signature.ts). */
  gaps: number[];
}

export function needleOf(text: string): Needle {
  return { text, bytes: Buffer.from(text, 'utf8'), gaps: needleGapHashes(text) };
}

const BODY = (1 << FIELD.text) | (1 << FIELD.notes);
const SHORT_FIELDS = (1 << FIELD.title) | (1 << FIELD.meta);

/** What a check can tell before reading: no, yes, or only the stored folded body can tell. */
export const NO = 0;
export const YES = 1;
export const READ = 2;
export type Precheck = typeof NO | typeof YES | typeof READ;

export interface PhraseChecker {
  /** True when document `doc` holds the needle in a field of `bits` (one bit per FIELD). */
  check(doc: number, needle: Needle, bits: number): boolean;
  /**
   * The same as far as filters, title and metadata can tell; READ when only the document's
   * stored folded body (rec.foldRef) can, which the caller then searches (formHolds), in any
   * order or thread.
   */
  precheck(doc: number, needle: Needle, bits: number): Precheck;
}

/**
 * Folded field texts of one document, read lazily for phrase checks. `bits` are the fields that
 * hold every term of the phrase (one bit per FIELD), so the others cannot hold the phrase.
 */
export function phraseChecker(ctx: EvalContext, fields: number[]): PhraseChecker {
  const cache = new Map<number, Array<string | null>>();
  // The body is where phrases usually are; title and metadata are folded only when it misses.
  const order = [FIELD.text, FIELD.title, FIELD.notes, FIELD.meta].filter((f) =>
    fields.includes(f),
  );
  const foldedBody = fields.includes(FIELD.text) && fields.includes(FIELD.notes);
  // Built on the first check: most queries check nothing.
  let filters: FilterTable | null = null;

  /** The check of a document without a stored folded body (an older index): texts folded here. */
  const slowCheck = (doc: number, rec: DocRecord, phrase: string, bits: number): boolean => {
    // Texts are stored pre-folded, so a check is a read and an indexOf. Older indexes lack that
    // form; folding thousands of candidates then dominates, and plain texts skip it.
    const pre = rec.foldRef !== undefined;
    const fastOk = pre || (rec.plain === true && !phrase.includes(' '));
    const key = fastOk ? doc : -doc - 1;
    let forms = cache.get(key);
    if (!forms) cache.set(key, (forms = [null, null, null, null]));
    for (const f of order) {
      if ((bits & (1 << f)) === 0) continue;
      let form = forms[f];
      if (form === null || form === undefined) {
        if (f === FIELD.text || f === FIELD.notes) {
          const bytes = pre ? ctx.readFoldedBytes(rec) : null;
          const stored = bytes ? decodeFolded(bytes) : ctx.readStored(rec);
          const cut = stored.indexOf(NOTES_SEPARATOR);
          const text = cut >= 0 ? stored.slice(0, cut) : stored;
          const notes = cut >= 0 ? stored.slice(cut + 1) : '';
          forms[FIELD.text] = fastOk ? text : foldPhrase(text);
          forms[FIELD.notes] = fastOk ? notes : foldPhrase(notes);
        } else forms[f] = titleAndMeta(rec)[f === FIELD.title ? 0 : 1];
        form = forms[f]!;
      }
      if (containsPhrase(form, phrase)) return true;
    }
    return false;
  };

  const precheck = (doc: number, needle: Needle, bits: number): Precheck => {
    filters ??= filterTable(ctx.state);
    // The phrase filter answers for most documents that hold the words but never together, and
    // when only the body could hold the phrase, without touching the record.
    const body =
      (bits & BODY) !== 0 &&
      (filters.filtered[doc] === 0 ||
        mayContain(filters.words, needle.gaps, filters.start[doc]!, filters.start[doc + 1]!));
    if (!body && (bits & SHORT_FIELDS) === 0) return NO;
    const rec = ctx.state.docs[doc]!;
    const phrase = needle.text;
    if (!rec.foldRef || !foldedBody) return slowCheck(doc, rec, phrase, bits) ? YES : NO;
    // Title and metadata need no read, and are only looked at when they hold every term of the
    // phrase (bits), which mostly means they hold the phrase: 习近平 is in the title of about a
    // third of the articles that mention him, and a read costs more than the fold.
    if (inShortFields(rec, phrase, bits)) return YES;
    // Pre-folded body and notes: a byte search in the stored bytes, nothing decoded or cached.
    return body ? READ : NO;
  };

  return {
    precheck,
    check(doc, needle, bits) {
      const answer = precheck(doc, needle, bits);
      if (answer !== READ) return answer === YES;
      const rec = ctx.state.docs[doc]!;
      return formHolds((from, to) => ctx.readFoldedBytes(rec, from, to), rec.foldRef![1], needle);
    },
  };
}

/** A clause's matches as a table by document number: 0 when unmatched, else MATCHED | fields. */
const MATCHED = 0x80;
const ALL_FIELDS = (1 << FIELD_COUNT) - 1;

/**
 * The table of a clause for its checks. Its field bits narrow where the checked strings can be
 * only when they are the whole clause (a phrase, or a bare term of one CJK run): a term like
 * 美国总统trump may have its run in the text and the word only in the title.
 */
export function matchTable(plan: ClausePlan, scored: ClauseScored, size: number): Uint8Array {
  const whole = plan.phrase !== null || (plan.verify.length === 1 && plan.patterns.length === 1);
  const table = new Uint8Array(size);
  for (let i = 0; i < scored.docs.length; i++) {
    table[scored.docs[i]!] = MATCHED | (whole ? scored.fields[i]! : ALL_FIELDS);
  }
  return table;
}
