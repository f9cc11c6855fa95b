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

/**
 * Runs segmented together, '\n'-joined, up to about this many code units. Every segment costs
 * the Segmenter a call, and each call costs more the longer the string: short runs one at a time
 * pay the set-up of a call each, a whole text pays for its length at every call. Measured on the
 * dev dumps, 64 is near the best of both.
 */
const CHUNK_UNITS = 64;

/** Code points of a string (UTF-16 units minus low surrogates). */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/**
 * Dictionary words of three or more characters of each run, in order (shorter ones are already
 * unigrams/bigrams): the same as iterating Intl.Segmenter over each run alone, at about a third
 * of the cost (tokenize.test.ts compares both). Two things make it cheaper:
 * - Runs go to the Segmenter several at a time, '\n'-joined. A word never spans a line break
 *   (UAX #29, WB3a/WB3b break on both sides of one), and the dictionary pass sees each run of
 *   CJK characters alone either way, so every run splits exactly as it would alone.
 * - Only words of 3+ units matter. Segments tile the text, so one that starts at or before the
 *   end of the segment just looked at plus two and is 3+ units long holds that offset: asking
 *   only for the segment containing it (and starting at offset 2) finds every such word while
 *   visiting well under half the segments (30,600 calls for the 69,500 segments of the dev dumps;
 *   stepping 3 units at least past the previous offset took 34,900).
 * - The search runs run by run, from two units into each: a word never crosses the '\n' between
 *   runs, so an offset on the separator, or one or two units into the next run, would ask for a
 *   segment that cannot hold a word of 3+ units not found from the run's own start (25,900 calls
 *   for the dev dumps instead of 30,500 stepping through the joined text as a whole).
 */
export function longWordsOfRuns(runs: readonly string[]): string[][] {
  const out = runs.map((): string[] => []);
  let from = 0;
  while (from < runs.length) {
    // One chunk: runs [from, to) of three or more units, with their offsets in the joined text.
    const parts: string[] = [];
    const owners: number[] = [];
    const starts: number[] = [];
    let len = 0;
    let to = from;
    for (; to < runs.length && len < CHUNK_UNITS; to++) {
      const run = runs[to]!;
      if (run.length < 3) continue;
      if (parts.length) len++;
      starts.push(len);
      owners.push(to);
      parts.push(run);
      len += run.length;
    }
    from = to;
    if (parts.length === 0) continue;
    const text = parts.length === 1 ? parts[0]! : parts.join('\n');
    const segments = segmenter.segment(text);
    for (let part = 0; part < parts.length; part++) {
      const words = out[owners[part]!]!;
      const end = starts[part]! + parts[part]!.length;
      for (let p = starts[part]! + 2; p < end;) {
        const s = segments.containing(p)!;
        const word = s.segment;
        if (word.length >= 3 && s.isWordLike && codePoints(word) >= 3) words.push(word);
        // A word of 3+ units starting at the end of this one, or one or two units after it, holds
        // this offset; one starting later holds a later one.
        p = s.index + word.length + 2;
      }
    }
  }
  return out;
}

/** Dictionary words of three or more characters of one run (see longWordsOfRuns). */
export function longWords(run: string): string[] {
  return run.length < 3 ? [] : longWordsOfRuns([run])[0]!;
}

/** Unigrams and bigrams of a CJK run, by code point. */
export function cjkGrams(run: string): { unigrams: string[]; bigrams: string[] } {
  const chars = Array.from(run);
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) bigrams.push(chars[i]! + chars[i + 1]!);
  return { unigrams: chars, bigrams };
}

/** The distinct terms of a folded field in order of first occurrence, their counts, its length. */
export interface TermCounts {
  terms: string[];
  counts: number[];
  /** Length in tokens, for BM25. */
  length: number;
}

/**
 * Term number of each one-unit term while countTerms runs (-1: not seen), reset after each call:
 * one-unit terms (CJK characters, mostly) are about half of a Chinese text's tokens, and this way
 * a repeated one costs neither a string nor a map lookup.
 */
const unitTerm = new Int32Array(0x10000).fill(-1);

/**
 * Counts the terms of one folded field: for each run in order, a letter/digit run is one term; a
 * CJK run gives its characters, then its character bigrams, then its dictionary words. Terms are
 * listed in order of first occurrence (the order the index and its delta log keep).
 */
export function countTerms(folded: string): TermCounts {
  const terms: string[] = [];
  const counts: number[] = [];
  const index = new Map<string, number>();
  const touched: number[] = [];
  // Strings of one unit are counted by unit (unitTerm), all others by string: no term is in both.
  const addUnit = (c: number, text: string, at: number) => {
    const n = unitTerm[c]!;
    if (n >= 0) {
      counts[n]!++;
      return;
    }
    unitTerm[c] = terms.length;
    touched.push(c);
    terms.push(text.charAt(at));
    counts.push(1);
  };
  const add = (t: string) => {
    if (t.length === 1) {
      addUnit(t.charCodeAt(0), t, 0);
      return;
    }
    const n = index.get(t);
    if (n !== undefined) {
      counts[n]!++;
      return;
    }
    index.set(t, terms.length);
    terms.push(t);
    counts.push(1);
  };
  let length = 0;
  const runs = scriptRuns(folded);
  const words = longWordsOfRuns(runs.filter((r) => r.kind === 'cjk').map((r) => r.text));
  let cjk = 0;
  try {
    for (const run of runs) {
      const text = run.text;
      if (run.kind === 'word') {
        add(text);
        length++;
        continue;
      }
      if (hasSurrogates(text)) {
        const { unigrams, bigrams } = cjkGrams(text);
        unigrams.forEach(add);
        bigrams.forEach(add);
        length += unigrams.length;
      } else {
        // One unit per character: the same characters and bigrams as cjkGrams, without its strings.
        for (let i = 0; i < text.length; i++) addUnit(text.charCodeAt(i), text, i);
        for (let i = 0; i + 1 < text.length; i++) add(text.slice(i, i + 2));
        length += text.length;
      }
      words[cjk++]!.forEach(add);
    }
  } finally {
    for (const c of touched) unitTerm[c] = -1;
  }
  return { terms, counts, length };
}

function hasSurrogates(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

/** Term frequencies of one folded field, and its length in tokens (for BM25). */
export function fieldTerms(folded: string): { tf: Map<string, number>; length: number } {
  const { terms, counts, length } = countTerms(folded);
  const tf = new Map<string, number>();
  for (let i = 0; i < terms.length; i++) tf.set(terms[i]!, counts[i]!);
  return { tf, length };
}
