/**
 * Finds the indexed words a query word stands for. Latin words match like the find box of an
 * editor (case, accents and width folded): "elect" finds election, "lection" finds it too, and
 * where the query shows a word edge (a space, punctuation or a CJK character beside it) the match
 * must sit at that edge. Bare words also find their stem variants ("elections" → election).
 */
import { stem } from './stem';

/** Where the query word must sit inside an indexed word. */
export type WordMode = 'exact' | 'prefix' | 'suffix' | 'infix';

/** Weights: the word itself, a stem variant, a longer word containing it. */
const EXACT = 1;
const STEM = 0.9;
const PART = 0.5;

/** Every occurrence of `needle` in a '\n'-delimited dictionary, as the whole term around it. */
function eachTerm(dict: string, needle: string, fn: (term: string) => void): void {
  let i = dict.indexOf(needle);
  while (i >= 0) {
    // The needle may start with the delimiter; the term starts after the last one before i+1.
    const s = dict.lastIndexOf('\n', i + (needle[0] === '\n' ? 0 : -1)) + 1;
    let e = dict.indexOf('\n', i + (needle[0] === '\n' ? 1 : 0));
    if (e < 0) e = dict.length;
    if (e > s) fn(dict.slice(s, e));
    i = dict.indexOf(needle, e);
  }
}

/** Mode of a word run from whether the query has a word edge before and after it. */
export function wordMode(edgeBefore: boolean, edgeAfter: boolean): WordMode {
  if (edgeBefore && edgeAfter) return 'exact';
  return edgeBefore ? 'prefix' : edgeAfter ? 'suffix' : 'infix';
}

/**
 * Indexed word terms matching `word` (folded), each with a weight for ranking. `dicts` are
 * '\n'-joined term lists with '\n' at both ends (IndexState.wordDictionaries).
 */
export function expandWord(
  dicts: string[],
  word: string,
  mode: WordMode,
  withStems: boolean,
): Map<string, number> {
  const out = new Map<string, number>();
  const put = (t: string, w: number) => {
    if ((out.get(t) ?? 0) < w) out.set(t, w);
  };
  const needle =
    mode === 'exact'
      ? `\n${word}\n`
      : mode === 'prefix'
        ? `\n${word}`
        : mode === 'suffix'
          ? `${word}\n`
          : word;
  for (const d of dicts) eachTerm(d, needle, (t) => put(t, t === word ? EXACT : PART));
  const st = stem(word);
  if (withStems && word.length > 2 && st.length > 1) {
    // A stem without its last letter is a prefix of every word with that stem (y → i, e added).
    const prefix = `\n${st.slice(0, -1)}`;
    for (const d of dicts) {
      eachTerm(d, prefix, (t) => {
        if (t !== word && stem(t) === st) put(t, STEM);
      });
    }
  }
  return out;
}
