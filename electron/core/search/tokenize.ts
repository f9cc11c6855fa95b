/**
 * Turns folded text into index terms. CJK runs give single characters, character bigrams and the
 * dictionary words (3+ characters) of Intl.Segmenter; other letters and digits give whole words,
 * unstemmed: queries find words by substring and by stem through the term dictionary (see
 * word-dict.ts). Runs never cross punctuation or spaces, so a bigram is always two adjacent
 * characters.
 */

export type RunKind = 'cjk' | 'word';

export interface ScriptRun {
  kind: RunKind;
  text: string;
  /** Offset of the run in the folded text. */
  start: number;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}]/u;

const KINDS: Array<RunKind | null> = [null, 'cjk', 'word'];
let unitKinds: Uint8Array | null = null;

/** Run kind of every BMP code unit (0 none, 1 cjk, 2 word, 3 surrogate: look at the pair). */
function getUnitKinds(): Uint8Array {
  if (unitKinds) return unitKinds;
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) t[c] = 3;
    else t[c] = kindCode(String.fromCharCode(c));
  }
  unitKinds = t;
  return t;
}

function kindCode(ch: string): number {
  return CJK.test(ch) ? 1 : WORD.test(ch) ? 2 : 0;
}

/** True when a term is a letter/digit word (not a CJK character, bigram or word). */
export function isWordTerm(term: string): boolean {
  const k = getUnitKinds()[term.charCodeAt(0)];
  return k === 2 || (k === 3 && kindCode(String.fromCodePoint(term.codePointAt(0) ?? 0)) === 2);
}

/** Splits folded text into maximal CJK and letter/digit runs. */
export function scriptRuns(folded: string): ScriptRun[] {
  const kinds = getUnitKinds();
  const runs: ScriptRun[] = [];
  let runKind = 0;
  let runStart = 0;
  const close = (end: number) => {
    if (runKind)
      runs.push({ kind: KINDS[runKind]!, text: folded.slice(runStart, end), start: runStart });
  };
  let i = 0;
  while (i < folded.length) {
    let k = kinds[folded.charCodeAt(i)]!;
    let len = 1;
    if (k === 3) {
      const cp = folded.codePointAt(i) ?? 0;
      len = cp > 0xffff ? 2 : 1;
      k = kindCode(String.fromCodePoint(cp));
    }
    if (k !== runKind) {
      close(i);
      runKind = k;
      runStart = i;
    }
    i += len;
  }
  close(folded.length);
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
      add(run.text);
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
