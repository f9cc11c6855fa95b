/**
 * Runs a parsed query against the index: BM25 over fields (title boosted), AND of groups, OR
 * inside a group, exclusions, metadata filters, then phrase checks against the stored text for
 * the few candidates left. Ranking ties fall back to recency.
 */
import { FIELD, NOTES_SEPARATOR } from './article-doc';
import { foldPhrase, foldText } from './fold';
import { fragmentGram } from './fragment-grams';
import { mayContain, needleGapHashes } from './gap-signature';
import { containsPhrase, containsPhraseBytes, type Pattern } from './highlight';
import type { DocRecord, IndexState } from './index-state';
import { FIELD_COUNT, type Postings, emptyPostings } from './postings';
import type { ParsedQuery } from './query-parser';
import { type ClausePlan, planClause } from './query-plan';
import { topRanked } from './top-ranked';
import { expandWord } from './word-dict';

const K1 = 1.2;
const B = 0.75;
/** Weight of a one- or two-character fragment: it stands for the words around it, not one word. */
const FRAGMENT = 0.5;
/** Field weights: title, text, notes, meta (authors, site, tags). */
const BOOST = [3, 1, 1, 1.5];

/** Matches in ascending document order with their scores. */
interface Scored {
  docs: ArrayLike<number>;
  scores: ArrayLike<number>;
}

/** A clause's matches, with the fields (bit per FIELD) in which every one of its terms occurs. */
interface ClauseScored extends Scored {
  fields: Uint8Array;
}

export interface Ranked {
  doc: number;
  score: number;
}

export interface Evaluation {
  /** Best first: every match, or only the first `top` when evaluate was given a page bound. */
  ranked: Ranked[];
  /** Number of matches. */
  total: number;
  /** Every matching document (unordered), for facets. */
  matched: Ranked[];
  patterns: Pattern[];
}

export interface EvalContext {
  state: IndexState;
  /** "text \0 notes" of a document. */
  readStored(rec: DocRecord): string;
  /**
   * The same, folded for matching (see DocRecord.foldRef), as UTF-8 in a reused buffer: its first
   * `limit` bytes at most, when given.
   */
  readFoldedBytes(rec: DocRecord, limit?: number): Buffer | null;
}

/**
 * BM25 length normalisation per document and field, K1·(1 − B + B·len/avg), cached per index
 * state: the inner loop of every term then reads one number instead of a record and an average.
 * Documents appended later are normalised with the averages of their time; the drift is tiny and
 * compaction (a new docs array) recomputes everything.
 */
const normCache = new WeakMap<IndexState, { docs: unknown; norms: Float32Array; n: number }>();
function norms(state: IndexState): Float32Array {
  let c = normCache.get(state);
  if (!c || c.docs !== state.docs) {
    c = { docs: state.docs, norms: new Float32Array(0), n: 0 };
    normCache.set(state, c);
  }
  if (c.n < state.docs.length) {
    const live = Math.max(state.live, 1);
    const avg = state.lenSums.map((s) => Math.max(s / live, 1));
    const next = new Float32Array(Math.max(state.docs.length, c.n * 2) * FIELD_COUNT);
    next.set(c.norms.subarray(0, c.n * FIELD_COUNT));
    for (let d = c.n; d < state.docs.length; d++) {
      const rec = state.docs[d];
      for (let f = 0; f < FIELD_COUNT; f++) {
        next[d * FIELD_COUNT + f] = K1 * (1 - B + (B * (rec?.lens[f] ?? 0)) / avg[f]!);
      }
    }
    c.norms = next;
    c.n = state.docs.length;
  }
  return c.norms;
}

/**
 * One requirement of a clause: any of these index terms (term → weight); a document scores with its
 * best one. A CJK gram is a requirement of one term, a Latin word one of all the words it expands to.
 */
type Need = Map<string, number>;

/** Decoding buffer reused for every postings list (grows to the longest list once). */
const scratch = emptyPostings(1024);

function idf(state: IndexState, df: number, weight: number): number {
  const n = Math.max(state.live, 1);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5)) * weight;
}

/**
 * BM25 of posting k over the queried fields (before idf); writes the bits of the fields that hold
 * the term to hit[at].
 */
function postingScore(
  p: Postings,
  k: number,
  fields: number[],
  norm: Float32Array,
  hit: Uint8Array,
  at: number,
): number {
  const doc = p.docs[k]!;
  let s = 0;
  let bits = 0;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const tf = p.tfs[k * FIELD_COUNT + f]!;
    if (tf) {
      s += (BOOST[f]! * tf * (K1 + 1)) / (tf + norm[doc * FIELD_COUNT + f]!);
      bits |= 1 << f;
    }
  }
  hit[at] = bits;
  return s;
}

/** A clause's candidates while it is evaluated, rarest requirement first. */
interface Candidates {
  n: number;
  docs: Int32Array;
  scores: Float64Array;
  fields: Uint8Array;
}

/** Every live document meeting the first (rarest) requirement. */
function seed(state: IndexState, need: Need, fields: number[]): Candidates {
  const norm = norms(state);
  const docs = state.docs;
  if (need.size === 1) {
    const [term, weight] = [...need][0]!;
    const p = state.postingsInto(term, scratch);
    const w = idf(state, p.count, weight);
    const c: Candidates = {
      n: 0,
      docs: new Int32Array(p.count),
      scores: new Float64Array(p.count),
      fields: new Uint8Array(p.count),
    };
    for (let k = 0; k < p.count; k++) {
      const doc = p.docs[k]!;
      // Retired documents are null; trashed ones are indexed without terms, so never appear here.
      if (!docs[doc]) continue;
      const sc = postingScore(p, k, fields, norm, c.fields, c.n);
      if (sc > 0) {
        c.docs[c.n] = doc;
        c.scores[c.n++] = sc * w;
      }
    }
    return c;
  }
  // Many words (a short fragment): scored straight into dense arrays, with no per-word lists.
  const best = new Float64Array(docs.length);
  const bits = new Uint8Array(docs.length);
  const hit = new Uint8Array(1);
  for (const [term, weight] of need) {
    const p = state.postingsInto(term, scratch);
    const w = idf(state, p.count, weight);
    for (let k = 0; k < p.count; k++) {
      const doc = p.docs[k]!;
      if (!docs[doc]) continue;
      const sc = postingScore(p, k, fields, norm, hit, 0) * w;
      if (sc > 0) {
        if (sc > best[doc]!) best[doc] = sc;
        bits[doc]! |= hit[0]!;
      }
    }
  }
  let n = 0;
  for (let d = 0; d < best.length; d++) if (best[d]! > 0) n++;
  const c: Candidates = {
    n: 0,
    docs: new Int32Array(n),
    scores: new Float64Array(n),
    fields: new Uint8Array(n),
  };
  for (let d = 0; d < best.length; d++) {
    if (best[d]! > 0) {
      c.docs[c.n] = d;
      c.scores[c.n] = best[d]!;
      c.fields[c.n++] = bits[d]!;
    }
  }
  return c;
}

/**
 * Calls fn(i, k) for each candidate i that posting k also holds. Both lists ascend; a long list
 * against few candidates is binary-searched rather than walked.
 */
function eachShared(c: Candidates, p: Postings, fn: (i: number, k: number) => void): void {
  if (c.n * 16 < p.count) {
    let lo = 0;
    for (let i = 0; i < c.n; i++) {
      const doc = c.docs[i]!;
      let hi = p.count;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (p.docs[mid]! < doc) lo = mid + 1;
        else hi = mid;
      }
      if (lo < p.count && p.docs[lo] === doc) fn(i, lo);
    }
    return;
  }
  let i = 0;
  for (let k = 0; k < p.count && i < c.n; k++) {
    const doc = p.docs[k]!;
    while (i < c.n && c.docs[i]! < doc) i++;
    if (i < c.n && c.docs[i] === doc) fn(i, k);
  }
}

/**
 * Keeps the candidates that also meet `need`, scored only there (a common term's postings are
 * decoded but not scored in full); when `optional`, adds its score where it is met and drops none.
 */
function narrow(
  state: IndexState,
  c: Candidates,
  need: Need,
  fields: number[],
  optional: boolean,
): void {
  const norm = norms(state);
  const best = new Float64Array(c.n);
  const bits = new Uint8Array(c.n);
  const hit = new Uint8Array(1);
  for (const [term, weight] of need) {
    const p = state.postingsInto(term, scratch);
    const w = idf(state, p.count, weight);
    eachShared(c, p, (i, k) => {
      const sc = postingScore(p, k, fields, norm, hit, 0) * w;
      if (sc > best[i]!) best[i] = sc;
      bits[i]! |= hit[0]!;
    });
  }
  if (optional) {
    for (let i = 0; i < c.n; i++) c.scores[i]! += best[i]!;
    return;
  }
  let n = 0;
  for (let i = 0; i < c.n; i++) {
    if (best[i]! > 0) {
      c.docs[n] = c.docs[i]!;
      c.scores[n] = c.scores[i]! + best[i]!;
      c.fields[n++] = c.fields[i]! & bits[i]!;
    }
  }
  c.n = n;
}

/** A clause's matches: its rarest requirement's documents, narrowed by each of the others. */
function clauseScores(state: IndexState, plan: ClausePlan, fields: number[]): ClauseScored {
  const needs: Need[] = plan.required.map((t) => new Map([[t, 1]]));
  for (const w of plan.words) {
    const gram = fragmentGram(w.text, w.mode);
    needs.push(
      gram
        ? new Map([[gram, FRAGMENT]])
        : expandWord(state.wordDictionaries(), w.text, w.mode, w.stems),
    );
  }
  const size = (need: Need) => [...need.keys()].reduce((s, t) => s + state.postingsSize(t), 0);
  const sized = needs.map((need) => ({ need, size: size(need) })).sort((x, y) => x.size - y.size);
  if (sized.length === 0 || sized[0]!.need.size === 0) {
    return { docs: [], scores: [], fields: new Uint8Array(0) };
  }
  const c = seed(state, sized[0]!.need, fields);
  for (let k = 1; k < sized.length && c.n > 0; k++) narrow(state, c, sized[k]!.need, fields, false);
  for (const t of plan.optional) {
    if (c.n > 0) narrow(state, c, new Map([[t, 1]]), fields, true);
  }
  return {
    docs: c.docs.subarray(0, c.n),
    scores: c.scores.subarray(0, c.n),
    fields: c.fields.subarray(0, c.n),
  };
}

function intersect(a: Scored, b: Scored): Scored {
  const out = { docs: [] as number[], scores: [] as number[] };
  let i = 0;
  let j = 0;
  while (i < a.docs.length && j < b.docs.length) {
    const x = a.docs[i]!;
    const y = b.docs[j]!;
    if (x === y) {
      out.docs.push(x);
      out.scores.push(a.scores[i++]! + b.scores[j++]!);
    } else if (x < y) i++;
    else j++;
  }
  return out;
}

function union(a: Scored, b: Scored): Scored {
  const out = { docs: [] as number[], scores: [] as number[] };
  let i = 0;
  let j = 0;
  while (i < a.docs.length || j < b.docs.length) {
    const x = i < a.docs.length ? a.docs[i]! : Infinity;
    const y = j < b.docs.length ? b.docs[j]! : Infinity;
    if (x === y) {
      out.docs.push(x);
      out.scores.push(a.scores[i++]! + b.scores[j++]!);
    } else if (x < y) {
      out.docs.push(x);
      out.scores.push(a.scores[i++]!);
    } else {
      out.docs.push(y);
      out.scores.push(b.scores[j++]!);
    }
  }
  return out;
}

function allDocs(state: IndexState): Scored {
  const out = { docs: [] as number[], scores: [] as number[] };
  state.docs.forEach((rec, doc) => {
    if (rec && !rec.trashed) {
      out.docs.push(doc);
      out.scores.push(0);
    }
  });
  return out;
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

/**
 * A metadata predicate built once per query from its filters. A library has few distinct sites,
 * tags and authors, so values are folded (and sites judged) once per query per distinct value.
 */
function filterFn(q: ParsedQuery): (rec: DocRecord) => boolean {
  const tags = q.tags.map(foldText);
  const noTags = q.excludeTags.map(foldText);
  const sites = q.sites.map(foldText);
  const noSites = q.excludeSites.map(foldText);
  const authors = q.authors.map(foldText);
  const langs = q.langs.map((l) => l.toLowerCase());
  const folds = new Map<string, string>();
  const fold = (value: string) => {
    let f = folds.get(value);
    if (f === undefined) folds.set(value, (f = foldText(value)));
    return f;
  };
  const siteOk = new Map<string, boolean>();
  const site = (name: string) => {
    let ok = siteOk.get(name);
    if (ok === undefined) {
      const f = foldText(name);
      ok =
        (!sites.length || sites.some((s) => f.includes(s))) && !noSites.some((s) => f.includes(s));
      siteOk.set(name, ok);
    }
    return ok;
  };
  return (rec) => {
    if (tags.length && !tags.every((t) => rec.tags.some((x) => fold(x) === t))) return false;
    if (noTags.length && rec.tags.some((x) => noTags.includes(fold(x)))) return false;
    if ((sites.length || noSites.length) && !site(rec.siteName)) return false;
    if (authors.length) {
      const au = rec.authors.map(fold);
      if (!authors.some((a) => au.some((x) => x.includes(a)))) return false;
    }
    if (langs.length && !langs.some((l) => rec.lang.toLowerCase().startsWith(l))) return false;
    if (q.before !== null || q.after !== null) {
      if (rec.publishedAt === null) return false;
      if (q.before !== null && rec.publishedAt >= q.before) return false;
      if (q.after !== null && rec.publishedAt < q.after) return false;
    }
    return true;
  };
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
function filterTable(state: IndexState): FilterTable {
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
    const from = t.n;
    const n = state.docs.length;
    let used = t.start[from]!;
    let extra = 0;
    for (let d = from; d < n; d++) extra += state.docs[d]?.gapSig?.length ?? 0;
    const words = new Uint32Array(used + extra);
    words.set(t.words.subarray(0, used));
    const start = new Float64Array(n + 1);
    start.set(t.start.subarray(0, from + 1));
    const filtered = new Uint8Array(n);
    filtered.set(t.filtered.subarray(0, from));
    for (let d = from; d < n; d++) {
      const sig = state.docs[d]?.gapSig;
      if (sig) {
        words.set(sig, used);
        used += sig.length;
        filtered[d] = 1;
      }
      start[d + 1] = used;
    }
    Object.assign(t, { words, start, filtered, n });
  }
  return t;
}

/** A string to find in a document, prepared once per query. */
interface Needle {
  text: string;
  bytes: Buffer;
  /** Its windows for the phrase filter (gap-signature.ts). */
  gaps: number[];
}

function needleOf(text: string): Needle {
  return { text, bytes: Buffer.from(text, 'utf8'), gaps: needleGapHashes(text) };
}

const BODY = (1 << FIELD.text) | (1 << FIELD.notes);
/** Bytes of a text read before the rest (see the phrase checker). */
const HEAD_BYTES = 8192;
const SHORT_FIELDS = (1 << FIELD.title) | (1 << FIELD.meta);

/**
 * Folded field texts of one document, read lazily for phrase checks. `bits` are the fields that
 * hold every term of the phrase (one bit per FIELD), so the others cannot hold the phrase.
 */
function phraseChecker(ctx: EvalContext, fields: number[]) {
  const cache = new Map<number, Array<string | null>>();
  // The body is where phrases usually are; title and metadata are folded only when it misses.
  const order = [FIELD.text, FIELD.title, FIELD.notes, FIELD.meta].filter((f) =>
    fields.includes(f),
  );
  const foldedBody = fields.includes(FIELD.text) && fields.includes(FIELD.notes);
  const filters = filterTable(ctx.state);
  return (doc: number, needle: Needle, bits: number): boolean => {
    // The phrase filter answers for most documents that hold the words but never together, and
    // when only the body could hold the phrase, without touching the record.
    const body =
      (bits & BODY) !== 0 &&
      (filters.filtered[doc] === 0 ||
        mayContain(filters.words, needle.gaps, filters.start[doc]!, filters.start[doc + 1]!));
    if (!body && (bits & SHORT_FIELDS) === 0) return false;
    const rec = ctx.state.docs[doc]!;
    const phrase = needle.text;
    const has = (f: number) => (bits & (1 << f)) !== 0;
    if (rec.foldRef && foldedBody) {
      // Pre-folded body and notes: a byte search in the stored bytes, nothing decoded or cached.
      if (body) {
        // Most texts that hold a name or phrase hold it early: the head is read first, and the
        // whole text only when the head misses (full articles run to 20 KB and more).
        const head = ctx.readFoldedBytes(rec, HEAD_BYTES);
        if (head && containsPhraseBytes(head, needle.bytes)) return true;
        if (head && rec.foldRef && head.length < rec.foldRef[1]) {
          const bytes = ctx.readFoldedBytes(rec);
          if (bytes && containsPhraseBytes(bytes, needle.bytes)) return true;
        }
      }
      if ((bits & SHORT_FIELDS) === 0) return false;
      const [title, meta] = titleAndMeta(rec);
      if (has(FIELD.title) && containsPhrase(title, phrase)) return true;
      return has(FIELD.meta) && containsPhrase(meta, phrase);
    }
    // Texts are stored pre-folded, so a check is a read and an indexOf. Older indexes lack that
    // form; folding thousands of candidates then dominates, and plain texts skip it.
    const pre = rec.foldRef !== undefined;
    const fastOk = pre || (rec.plain === true && !phrase.includes(' '));
    const key = fastOk ? doc : -doc - 1;
    let forms = cache.get(key);
    if (!forms) cache.set(key, (forms = [null, null, null, null]));
    for (const f of order) {
      if (!has(f)) continue;
      let form = forms[f];
      if (form === null || form === undefined) {
        if (f === FIELD.text || f === FIELD.notes) {
          const bytes = pre ? ctx.readFoldedBytes(rec) : null;
          const stored = bytes ? bytes.toString('utf8') : ctx.readStored(rec);
          const cut = stored.indexOf(NOTES_SEPARATOR);
          const text = cut >= 0 ? stored.slice(0, cut) : stored;
          const notes = cut >= 0 ? stored.slice(cut + 1) : '';
          forms[FIELD.text] = fastOk ? text : foldPhrase(text);
          forms[FIELD.notes] = fastOk ? notes : foldPhrase(notes);
        } else if (f === FIELD.title) forms[f] = foldPhrase(rec.title);
        else forms[f] = foldPhrase([...rec.authors, rec.siteName, ...rec.tags].join('\n'));
        form = forms[f]!;
      }
      if (containsPhrase(form, phrase)) return true;
    }
    return false;
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
function matchTable(plan: ClausePlan, scored: ClauseScored, size: number): Uint8Array {
  const whole = plan.phrase !== null || (plan.verify.length === 1 && plan.patterns.length === 1);
  const table = new Uint8Array(size);
  for (let i = 0; i < scored.docs.length; i++) {
    table[scored.docs[i]!] = MATCHED | (whole ? scored.fields[i]! : ALL_FIELDS);
  }
  return table;
}

/** Evaluates a parsed query: matching documents, best first (only the first `top` if given). */
export function evaluate(ctx: EvalContext, q: ParsedQuery, top = Infinity): Evaluation {
  const { state } = ctx;
  const fields = q.fields.length
    ? [...new Set(q.fields.map((f) => FIELD[f]))]
    : [FIELD.title, FIELD.text, FIELD.notes, FIELD.meta];
  const groups = q.groups
    .map((g) => g.map(planClause).filter((p): p is ClausePlan => p !== null))
    .filter((g) => g.length > 0);
  const patterns = groups.flatMap((g) => g.flatMap((p) => p.patterns));
  if (q.groups.length > 0 && groups.length === 0) {
    return { ranked: [], total: 0, matched: [], patterns };
  }
  const clauses = groups.map((g) =>
    g.map((plan) => ({ plan, scored: clauseScores(state, plan, fields) })),
  );
  const groupScores = clauses.map((g) =>
    g.map((c): Scored => c.scored).reduce((x, y) => union(x, y)),
  );
  groupScores.sort((x, y) => x.docs.length - y.docs.length);
  let acc = groupScores[0] ?? allDocs(state);
  for (let k = 1; k < groupScores.length && acc.docs.length; k++)
    acc = intersect(acc, groupScores[k]!);

  const keep = filterFn(q);
  const check = phraseChecker(ctx, fields);
  const verified = (doc: number, needles: Needle[], entry: number) => {
    for (let i = 0; i < needles.length; i++) if (!check(doc, needles[i]!, entry)) return false;
    return true;
  };
  const size = state.docs.length;
  const excludes = q.exclude
    .map(planClause)
    .filter((p): p is ClausePlan => p !== null)
    .map((p) => ({
      verify: p.verify.map(needleOf),
      table: matchTable(p, clauseScores(state, p, fields), size),
    }));
  // Only groups holding a phrase or a long CJK run need a per-document check: bigrams can match
  // out of order or apart.
  const phraseGroups = clauses
    .filter((g) => g.some((c) => c.plan.verify.length))
    .map((g) =>
      g.map((c) => ({
        verify: c.plan.verify.map(needleOf),
        table: matchTable(c.plan, c.scored, size),
      })),
    );
  const ranked: Ranked[] = [];
  next: for (let k = 0; k < acc.docs.length; k++) {
    const doc = acc.docs[k]!;
    if (!keep(state.docs[doc]!)) continue;
    for (const ex of excludes) {
      const entry = ex.table[doc]!;
      if (entry && verified(doc, ex.verify, entry)) continue next;
    }
    for (const g of phraseGroups) {
      if (!g.some((m) => m.table[doc]! !== 0 && verified(doc, m.verify, m.table[doc]!))) {
        continue next;
      }
    }
    ranked.push({ doc, score: acc.scores[k]! });
  }
  const time = (d: number) => state.docs[d]?.publishedAt ?? -Infinity;
  const cmp = (a: Ranked, b: Ranked) =>
    b.score - a.score || time(b.doc) - time(a.doc) || a.doc - b.doc;
  // Facets only need the set of matches, so the same array serves, whatever its order.
  const best = top >= ranked.length ? ranked.sort(cmp) : topRanked(ranked, top, cmp);
  return { ranked: best, total: ranked.length, matched: ranked, patterns };
}
