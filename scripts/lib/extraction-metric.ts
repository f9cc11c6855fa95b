/**
 * The article-extraction-benchmark's scoring: `\w+` tokens (Han and kana split per character),
 * precision/recall over 4-token shingles per page, averaged over pages, F1 from the means;
 * plus a bag-of-tokens F1 averaged per page.
 */

/** Shingle counts of one page, normalised so every page weighs the same. */
export interface ShingleMatch {
  tp: number;
  fp: number;
  fn: number;
}

export interface MeanScores {
  precision: number;
  recall: number;
  f1: number;
  /** Mean over pages of the per-page bag-of-tokens F1. */
  tokenF1: number;
}

// Python's `\w` in a str pattern: letters, numbers and the underscore (no combining marks).
const WORD_RUN = /[\p{L}\p{N}_]+/gu;
// One token per Han or kana character, so Chinese and Japanese are matched per character.
const SPLIT_RUN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

/** Splits text into the benchmark's tokens. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const run of text.match(WORD_RUN) ?? []) {
    for (const piece of run.match(SPLIT_RUN) ?? []) tokens.push(piece);
  }
  return tokens;
}

/** Counts n-token shingles; a text shorter than n yields one short shingle, as upstream. */
export function shingles(tokens: string[], n = 4): Map<string, number> {
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const slice = tokens.slice(i, i + n);
    if (slice.length === 0) continue;
    const key = slice.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function multisetOverlap(
  truth: Map<string, number>,
  pred: Map<string, number>,
): { tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...truth.keys(), ...pred.keys()])) {
    const t = truth.get(key) ?? 0;
    const p = pred.get(key) ?? 0;
    tp += Math.min(t, p);
    fp += Math.max(0, p - t);
    fn += Math.max(0, t - p);
  }
  return { tp, fp, fn };
}

/** Shingle TP/FP/FN for one page, normalised to sum to 1 (as the benchmark does). */
export function matchShingles(truth: string, pred: string, n = 4): ShingleMatch {
  const m = multisetOverlap(shingles(tokenize(truth), n), shingles(tokenize(pred), n));
  const sum = m.tp + m.fp + m.fn;
  return sum > 0 ? { tp: m.tp / sum, fp: m.fp / sum, fn: m.fn / sum } : m;
}

/** Per-page precision with the benchmark's edge cases. */
export function precisionOf({ tp, fp, fn }: ShingleMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

/** Per-page recall with the benchmark's edge cases. */
export function recallOf({ tp, fp, fn }: ShingleMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

/** Bag-of-tokens F1 for one page. */
export function tokenF1(truth: string, pred: string): number {
  const count = (tokens: string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  };
  const { tp, fp, fn } = multisetOverlap(count(tokenize(truth)), count(tokenize(pred)));
  if (tp === 0) return fp === 0 && fn === 0 ? 1 : 0;
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  return (2 * p * r) / (p + r);
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Mean scores over pages; pages without predicted (or true) shingles are left out as upstream. */
export function scorePages(pages: Array<{ truth: string; pred: string }>): MeanScores {
  const matches = pages.map((p) => matchShingles(p.truth, p.pred));
  const precision = mean(matches.filter((m) => m.tp + m.fp > 0).map(precisionOf));
  const recall = mean(matches.filter((m) => m.tp + m.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tokenF1: mean(pages.map((p) => tokenF1(p.truth, p.pred))) };
}
