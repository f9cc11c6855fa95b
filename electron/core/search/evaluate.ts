/**
 * Runs a parsed query against the index: BM25 over fields (title boosted), AND of groups, OR
 * inside a group, exclusions, metadata filters, then phrase checks against the stored text for
 * the few candidates left. Ranking ties fall back to recency.
 */
import { FIELD, NOTES_SEPARATOR } from './article-doc';
import { foldPhrase, foldText } from './fold';
import { mayContain, needleGapHashes } from './gap-signature';
import { containsPhrase, containsPhraseBytes, type Pattern } from './highlight';
import type { DocRecord, IndexState } from './index-state';
import { FIELD_COUNT, emptyPostings } from './postings';
import type { ParsedQuery } from './query-parser';
import { type ClausePlan, type WordNeed, planClause } from './query-plan';
import { topRanked } from './top-ranked';
import { expandWord } from './word-dict';

const K1 = 1.2;
const B = 0.75;
/** Field weights: title, text, notes, meta (authors, site, tags). */
const BOOST = [3, 1, 1, 1.5];

interface Scored {
  docs: number[];
  scores: number[];
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
  /** The same, folded for matching (see DocRecord.foldRef), as UTF-8 in a reused buffer. */
  readFoldedBytes(rec: DocRecord): Buffer | null;
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

function termScores(state: IndexState, term: string, fields: number[], weight = 1): Scored {
  const p = state.postings(term);
  const n = Math.max(state.live, 1);
  const idf = Math.log(1 + (n - p.count + 0.5) / (p.count + 0.5)) * weight;
  const norm = norms(state);
  const out: Scored = { docs: [], scores: [] };
  const docs = state.docs;
  for (let k = 0; k < p.count; k++) {
    const doc = p.docs[k]!;
    const rec = docs[doc];
    if (!rec || rec.trashed) continue;
    let s = 0;
    for (const f of fields) {
      const tf = p.tfs[k * FIELD_COUNT + f]!;
      if (tf) s += (BOOST[f]! * tf * (K1 + 1)) / (tf + norm[doc * FIELD_COUNT + f]!);
    }
    if (s > 0) {
      out.docs.push(doc);
      out.scores.push(s * idf);
    }
  }
  return out;
}

function intersect(a: Scored, b: Scored): Scored {
  const out: Scored = { docs: [], scores: [] };
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
  const out: Scored = { docs: [], scores: [] };
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

/** Adds b's scores to the documents of a that b also has (optional terms). */
function addInto(a: Scored, b: Scored): Scored {
  let j = 0;
  const scores = a.scores.slice();
  a.docs.forEach((d, i) => {
    while (j < b.docs.length && b.docs[j]! < d) j++;
    if (b.docs[j] === d) scores[i]! += b.scores[j]!;
  });
  return { docs: a.docs, scores };
}

/**
 * Documents holding any indexed word that a query word stands for, each scored by its best such
 * word. Many words (a short fragment) accumulate in dense arrays instead of pairwise unions.
 */
function wordScores(state: IndexState, need: WordNeed, fields: number[]): Scored {
  const terms = expandWord(state.wordDictionaries(), need.text, need.mode, need.stems);
  if (terms.size <= 1) {
    for (const [t, w] of terms) return termScores(state, t, fields, w);
    return { docs: [], scores: [] };
  }
  // Many words (a short fragment): each word's postings are decoded into one reused buffer and
  // scored straight into a dense array, with no per-word lists.
  const best = new Float64Array(state.docs.length);
  const n = Math.max(state.live, 1);
  const norm = norms(state);
  const docs = state.docs;
  for (const [t, w] of terms) {
    const p = state.postingsInto(t, scratch);
    const idf = Math.log(1 + (n - p.count + 0.5) / (p.count + 0.5)) * w;
    for (let k = 0; k < p.count; k++) {
      const doc = p.docs[k]!;
      const rec = docs[doc];
      if (!rec || rec.trashed) continue;
      let sc = 0;
      for (const f of fields) {
        const tf = p.tfs[k * FIELD_COUNT + f]!;
        if (tf) sc += (BOOST[f]! * tf * (K1 + 1)) / (tf + norm[doc * FIELD_COUNT + f]!);
      }
      sc *= idf;
      if (sc > best[doc]!) best[doc] = sc;
    }
  }
  const out: Scored = { docs: [], scores: [] };
  for (let d = 0; d < best.length; d++) {
    if (best[d]! > 0) {
      out.docs.push(d);
      out.scores.push(best[d]!);
    }
  }
  return out;
}

/** Decoding buffer reused by wordScores (grows to the longest postings list once). */
const scratch = emptyPostings(1024);

function clauseScores(state: IndexState, plan: ClausePlan, fields: number[]): Scored {
  const lists = plan.required.map((t) => termScores(state, t, fields));
  for (const w of plan.words) lists.push(wordScores(state, w, fields));
  lists.sort((x, y) => x.docs.length - y.docs.length);
  let acc = lists[0] ?? { docs: [], scores: [] };
  for (let k = 1; k < lists.length && acc.docs.length; k++) acc = intersect(acc, lists[k]!);
  for (const t of plan.optional) acc = addInto(acc, termScores(state, t, fields));
  return acc;
}

function allDocs(state: IndexState): Scored {
  const out: Scored = { docs: [], scores: [] };
  state.docs.forEach((rec, doc) => {
    if (rec && !rec.trashed) {
      out.docs.push(doc);
      out.scores.push(0);
    }
  });
  return out;
}

/** Folded site names per record: site: filters test every candidate of every query. */
const siteCache = new WeakMap<DocRecord, string>();
function foldedSite(rec: DocRecord): string {
  let s = siteCache.get(rec);
  if (s === undefined) siteCache.set(rec, (s = foldText(rec.siteName)));
  return s;
}

/** Folded tags per record, for tag: filters. */
const tagCache = new WeakMap<DocRecord, Set<string>>();
function foldedTags(rec: DocRecord): Set<string> {
  let s = tagCache.get(rec);
  if (s === undefined) tagCache.set(rec, (s = new Set(rec.tags.map(foldText))));
  return s;
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

/** A metadata predicate built once per query from its filters. */
function filterFn(q: ParsedQuery): (rec: DocRecord) => boolean {
  const tags = q.tags.map(foldText);
  const noTags = q.excludeTags.map(foldText);
  const sites = q.sites.map(foldText);
  const noSites = q.excludeSites.map(foldText);
  const authors = q.authors.map(foldText);
  const langs = q.langs.map((l) => l.toLowerCase());
  return (rec) => {
    if (tags.length || noTags.length) {
      const have = foldedTags(rec);
      if (!tags.every((t) => have.has(t)) || noTags.some((t) => have.has(t))) return false;
    }
    if (sites.length || noSites.length) {
      const site = foldedSite(rec);
      if (sites.length && !sites.some((s) => site.includes(s))) return false;
      if (noSites.some((s) => site.includes(s))) return false;
    }
    if (authors.length) {
      const au = rec.authors.map(foldText);
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

/** Folded field texts of one document, read lazily for phrase checks. */
function phraseChecker(ctx: EvalContext, fields: number[]) {
  const cache = new Map<number, Array<string | null>>();
  // The body is where phrases usually are; title and metadata are folded only when it misses.
  const order = [FIELD.text, FIELD.title, FIELD.notes, FIELD.meta].filter((f) =>
    fields.includes(f),
  );
  const needles = new Map<string, { bytes: Buffer; gaps: number[] }>();
  return (doc: number, phrase: string): boolean => {
    const rec = ctx.state.docs[doc]!;
    if (rec.foldRef && fields.includes(FIELD.text) && fields.includes(FIELD.notes)) {
      // Pre-folded body and notes: a byte search in the stored bytes, nothing decoded or cached.
      let needle = needles.get(phrase);
      if (!needle) {
        needle = { bytes: Buffer.from(phrase, 'utf8'), gaps: needleGapHashes(phrase) };
        needles.set(phrase, needle);
      }
      // The phrase filter answers for most documents that hold the words but never together.
      const body = !rec.gapSig || mayContain(rec.gapSig, needle.gaps);
      const bytes = body ? ctx.readFoldedBytes(rec) : null;
      if (bytes && containsPhraseBytes(bytes, needle.bytes)) return true;
      const [title, meta] = titleAndMeta(rec);
      if (fields.includes(FIELD.title) && containsPhrase(title, phrase)) return true;
      return fields.includes(FIELD.meta) && containsPhrase(meta, phrase);
    }
    // Texts are stored pre-folded, so a check is a read and an indexOf. Older indexes lack that
    // form; folding thousands of candidates then dominates, and plain texts skip it.
    const pre = rec.foldRef !== undefined;
    const fastOk = pre || (rec.plain === true && !phrase.includes(' '));
    const key = fastOk ? doc : -doc - 1;
    let forms = cache.get(key);
    if (!forms) cache.set(key, (forms = [null, null, null, null]));
    for (const f of order) {
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
  const groupScores = clauses.map((g) => g.map((c) => c.scored).reduce((x, y) => union(x, y)));
  groupScores.sort((x, y) => x.docs.length - y.docs.length);
  let acc = groupScores[0] ?? allDocs(state);
  for (let k = 1; k < groupScores.length && acc.docs.length; k++)
    acc = intersect(acc, groupScores[k]!);

  const keep = filterFn(q);
  const check = phraseChecker(ctx, fields);
  const excludes = q.exclude
    .map(planClause)
    .filter((p): p is ClausePlan => p !== null)
    .map((p) => ({ plan: p, set: new Set(clauseScores(state, p, fields).docs) }));
  const verified = (doc: number, needles: string[]) => needles.every((n) => check(doc, n));
  // Only groups holding a phrase or a long CJK run need a per-document check: bigrams can match
  // out of order or apart.
  const phraseGroups = clauses
    .filter((g) => g.some((c) => c.plan.verify.length))
    .map((g) => g.map((c) => ({ verify: c.plan.verify, set: new Set(c.scored.docs) })));
  const ranked: Ranked[] = [];
  acc.docs.forEach((doc, k) => {
    const rec = state.docs[doc]!;
    if (!keep(rec)) return;
    for (const ex of excludes) {
      if (ex.set.has(doc) && verified(doc, ex.plan.verify)) return;
    }
    for (const g of phraseGroups) {
      if (!g.some((m) => m.set.has(doc) && verified(doc, m.verify))) return;
    }
    ranked.push({ doc, score: acc.scores[k]! });
  });
  const time = (d: number) => state.docs[d]?.publishedAt ?? -Infinity;
  const cmp = (a: Ranked, b: Ranked) =>
    b.score - a.score || time(b.doc) - time(a.doc) || a.doc - b.doc;
  // Facets only need the set of matches, so the same array serves, whatever its order.
  const best = top >= ranked.length ? ranked.sort(cmp) : topRanked(ranked, top, cmp);
  return { ranked: best, total: ranked.length, matched: ranked, patterns };
}
