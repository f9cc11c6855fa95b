/**
 * Scores one clause of a query: BM25 over fields (title boosted) for every document holding all
 * its requirements, starting from the rarest, with the fields in which all of them occur.
 */
import { fragmentGram } from './fragment-grams';
import type { IndexState } from './index-state';
import { FIELD_COUNT, type Postings, emptyPostings } from './postings';
import type { ClausePlan } from './query-plan';
import { expandWord } from './word-dict';

const K1 = 1.2;
const B = 0.75;
/** Weight of a one- or two-character fragment: it stands for the words around it, not one word. */
const FRAGMENT = 0.5;
/** Field weights: title, text, notes, meta (authors, site, tags). */
const BOOST = [3, 1, 1, 1.5];

/** Matches in ascending document order with their scores. */
export interface Scored {
  docs: ArrayLike<number>;
  scores: ArrayLike<number>;
}

/** A clause's matches, with the fields (bit per FIELD) in which every one of its terms occurs. */
export interface ClauseScored extends Scored {
  fields: Uint8Array;
}

/**
 * BM25 length normalisation per document and field, K1·(1 − B + B·len/avg), cached per index
 * state: the inner loop of every term then reads one number instead of a record and an average.
 * Documents appended later are normalised with the averages of their time; the drift is tiny and
 * compaction (a new docs array) recomputes everything.
 */
const normCache = new WeakMap<IndexState, { docs: unknown; norms: Float32Array; n: number }>();
export function norms(state: IndexState): Float32Array {
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

/**
 * BM25's inverse document frequency. `df` counts postings, which include documents retired since
 * the last compaction (deleted, or re-indexed after an edit), so it can exceed the live count: a
 * term in every article of a small library, after one article was tagged. Unclamped, the idf
 * then turned negative and every match of the term scored below zero, which drops it.
 */
function idf(state: IndexState, df: number, weight: number): number {
  const n = Math.max(state.live, 1);
  const live = Math.min(df, n);
  return Math.log(1 + (n - live + 0.5) / (live + 0.5)) * weight;
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
export function clauseScores(state: IndexState, plan: ClausePlan, fields: number[]): ClauseScored {
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
