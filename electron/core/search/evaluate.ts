/**
 * Runs a parsed query against the index: BM25 over fields (title boosted), AND of groups, OR
 * inside a group, exclusions, metadata filters, then phrase checks against the stored text for
 * the few candidates left. Ranking ties fall back to recency.
 */
import { FIELD } from './article-doc';
import { type Scored, clauseScores } from './clause-scores';
import { facetTable } from './facet-table';
import { foldText } from './fold';
import type { Pattern } from './highlight';
import type { IndexState } from './index-state';
import { type EvalContext, type Needle, matchTable, needleOf, phraseChecker } from './phrase-check';
import type { ParsedQuery } from './query-parser';
import { type ClausePlan, planClause } from './query-plan';
import { runStages, stageWaits, stagedChecks } from './staged-checks';
import { topRanked } from './top-ranked';

export type { EvalContext } from './phrase-check';

export interface Ranked {
  doc: number;
  score: number;
}

export interface Evaluation {
  /** Best first: every match, or only the first `top` when evaluate was given a page bound. */
  ranked: Ranked[];
  /** Number of matches. */
  total: number;
  /**
   * Every matching document and its score (unordered: facets count them, deeper pages rank
   * them), in arrays rather than an object per match: a query can match most of the library.
   */
  docs: Int32Array;
  scores: Float64Array;
  patterns: Pattern[];
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

/**
 * A metadata predicate over document numbers, built once per query from its filters (null when
 * it has none). Sites, tags and dates are judged from the facet table, so filtering thousands of
 * matches reads arrays instead of a record each: a library has few distinct sites and tags, so
 * each is folded and judged once per query. Authors and languages, rarely asked for, read the
 * record.
 */
function filterFn(q: ParsedQuery, state: IndexState): ((doc: number) => boolean) | null {
  const filtered =
    q.tags.length + q.excludeTags.length + q.sites.length + q.excludeSites.length > 0 ||
    q.authors.length + q.langs.length > 0 ||
    q.before !== null ||
    q.after !== null;
  // No filter: the loop over thousands of matches then never touches their records.
  if (!filtered) return null;
  const t = facetTable(state);
  const tags = q.tags.map(foldText);
  const noTags = q.excludeTags.map(foldText);
  const sites = q.sites.map(foldText);
  const noSites = q.excludeSites.map(foldText);
  const authors = q.authors.map(foldText);
  const langs = q.langs.map((l) => l.toLowerCase());
  // Per tag id: a bit for each required tag it is (tags past 30 are judged from the record), and
  // whether it is an excluded one.
  const wanted = tags.slice(0, 30);
  const all = (1 << wanted.length) - 1;
  const tagBits = new Int32Array(t.tagNames.length);
  const tagOut = new Uint8Array(t.tagNames.length);
  t.tagNames.forEach((name, id) => {
    const f = foldText(name);
    wanted.forEach((w, k) => {
      if (f === w) tagBits[id]! |= 1 << k;
    });
    if (noTags.includes(f)) tagOut[id] = 1;
  });
  const siteJudged = (name: string) => {
    const f = foldText(name);
    return (
      (!sites.length || sites.some((s) => f.includes(s))) && !noSites.some((s) => f.includes(s))
    );
  };
  // Index site + 1: a document without a site has id -1.
  const siteOk = Uint8Array.from([siteJudged(''), ...t.siteNames.map(siteJudged)], Number);
  const bySite = sites.length + noSites.length > 0;
  const folds = new Map<string, string>();
  const fold = (value: string) => {
    let f = folds.get(value);
    if (f === undefined) folds.set(value, (f = foldText(value)));
    return f;
  };
  return (doc) => {
    const ids = t.tags[doc]!;
    if (wanted.length || noTags.length) {
      let have = 0;
      for (let i = 0; i < ids.length; i++) {
        if (tagOut[ids[i]!]) return false;
        have |= tagBits[ids[i]!]!;
      }
      if (have !== all) return false;
    }
    if (bySite && !siteOk[t.site[doc]! + 1]) return false;
    if (q.before !== null || q.after !== null) {
      const time = t.time[doc]!;
      if (Number.isNaN(time)) return false;
      if (q.before !== null && time >= q.before) return false;
      if (q.after !== null && time < q.after) return false;
    }
    if (tags.length > wanted.length || authors.length || langs.length) {
      const rec = state.docs[doc]!;
      const rest = tags.slice(wanted.length);
      if (!rest.every((w) => rec.tags.some((x) => fold(x) === w))) return false;
      if (authors.length) {
        const au = rec.authors.map(fold);
        if (!authors.some((a) => au.some((x) => x.includes(a)))) return false;
      }
      if (langs.length && !langs.some((l) => rec.lang.toLowerCase().startsWith(l))) return false;
    }
    return true;
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
    return { ranked: [], total: 0, docs: new Int32Array(0), scores: new Float64Array(0), patterns };
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

  const keep = filterFn(q, state);
  const checker = phraseChecker(ctx, fields);
  const verified = (doc: number, needles: Needle[], entry: number) => {
    for (let i = 0; i < needles.length; i++) {
      if (!checker.check(doc, needles[i]!, entry)) return false;
    }
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
  const staged = ctx.checkForms ? stagedChecks(phraseGroups, excludes) : null;
  const docs = new Int32Array(acc.docs.length);
  const scores = new Float64Array(acc.docs.length);
  let total = 0;
  const match = (k: number) => {
    docs[total] = acc.docs[k]!;
    scores[total++] = acc.scores[k]!;
  };
  // Staged: per candidate, the stages its title, metadata and filters could not answer.
  const pending: number[] = [];
  const waits: number[] = [];
  next: for (let k = 0; k < acc.docs.length; k++) {
    const doc = acc.docs[k]!;
    if (keep && !keep(doc)) continue;
    if (staged) {
      const wait = stageWaits(staged, checker, doc);
      if (wait === 0) match(k);
      else if (wait > 0) {
        pending.push(k);
        waits.push(wait);
      }
      continue;
    }
    for (const ex of excludes) {
      const entry = ex.table[doc]!;
      if (entry && verified(doc, ex.verify, entry)) continue next;
    }
    for (const g of phraseGroups) {
      if (!g.some((m) => m.table[doc]! !== 0 && verified(doc, m.verify, m.table[doc]!))) {
        continue next;
      }
    }
    match(k);
  }
  if (staged && pending.length) {
    const refs = pending.map((k) => state.docs[acc.docs[k]!]!.foldRef!);
    const out = runStages(staged, waits, refs, ctx.checkForms!);
    pending.forEach((k, i) => {
      if (!out[i]) match(k);
    });
  }
  const ev = {
    ranked: [],
    total,
    docs: docs.subarray(0, total),
    scores: scores.subarray(0, total),
    patterns,
  };
  return rankMatches(state, ev, top);
}

/**
 * The evaluation with its first `top` matches ranked, best first (score, then recency): ranking
 * again for a deeper page needs none of the checks that found the matches.
 */
export function rankMatches(state: IndexState, ev: Evaluation, top = Infinity): Evaluation {
  const { docs, scores } = ev;
  const time = facetTable(state).time;
  const when = (d: number) => {
    const t = time[d]!;
    return Number.isNaN(t) ? -Infinity : t;
  };
  // Match numbers, ranked by score, then recency, then document number.
  const cmp = (a: number, b: number) =>
    scores[b]! - scores[a]! || when(docs[b]!) - when(docs[a]!) || docs[a]! - docs[b]!;
  const order = new Array<number>(ev.total);
  for (let i = 0; i < ev.total; i++) order[i] = i;
  const best = top >= ev.total ? order.sort(cmp) : topRanked(order, top, cmp);
  return { ...ev, ranked: best.map((i) => ({ doc: docs[i]!, score: scores[i]! })) };
}
