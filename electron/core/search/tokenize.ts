/**
 * Turns folded text into index terms. CJK runs give single characters, character bigrams and the
 * dictionary words (3+ characters) of Intl.Segmenter; other letters and digits give stemmed words.
 * Runs never cross punctuation or spaces, so a bigram is always two adjacent characters.
 */
import { stem } from './stem';

export type RunKind = 'cjk' | 'word';

export interface ScriptRun {
  kind: RunKind;
  text: string;
  /** Offset of the run in the folded text. */
  start: number;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}]/u;

const classCache = new Map<string, RunKind | null>();

function classify(ch: string): RunKind | null {
  let k = classCache.get(ch);
  if (k !== undefined) return k;
  k = CJK.test(ch) ? 'cjk' : WORD.test(ch) ? 'word' : null;
  classCache.set(ch, k);
  return k;
}

/** Splits folded text into maximal CJK and letter/digit runs. */
export function scriptRuns(folded: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  let cur: ScriptRun | null = null;
  let i = 0;
  while (i < folded.length) {
    const cp = folded.codePointAt(i) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    const ch = folded.slice(i, i + len);
    const k = classify(ch);
    if (k && cur && cur.kind === k) cur.text += ch;
    else {
      if (cur) runs.push(cur);
      cur = k ? { kind: k, text: ch, start: i } : null;
    }
    i += len;
  }
  if (cur) runs.push(cur);
  return runs;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Dictionary words of three or more characters (shorter ones are already unigrams/bigrams). */
export function longWords(run: string): string[] {
  if (run.length < 3) return [];
  const out: string[] = [];
  for (const s of segmenter.segment(run)) {
    if (s.isWordLike && Array.from(s.segment).length >= 3) out.push(s.segment);
  }
  return out;
}

/** Unigrams and bigrams of a CJK run, by code point. */
export function cjkGrams(run: string): { unigrams: string[]; bigrams: string[] } {
  const chars = Array.from(run);
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) bigrams.push(chars[i]! + chars[i + 1]!);
  return { unigrams: chars, bigrams };
}

/** Term frequencies of one folded field, and its length in tokens (for BM25). */
export function fieldTerms(folded: string): { tf: Map<string, number>; length: number } {
  const tf = new Map<string, number>();
  const add = (t: string) => tf.set(t, (tf.get(t) ?? 0) + 1);
  let length = 0;
  for (const run of scriptRuns(folded)) {
    if (run.kind === 'word') {
      add(stem(run.text));
      length++;
      continue;
    }
    const { unigrams, bigrams } = cjkGrams(run.text);
    unigrams.forEach(add);
    bigrams.forEach(add);
    longWords(run.text).forEach(add);
    length += unigrams.length;
  }
  return { tf, length };
}
