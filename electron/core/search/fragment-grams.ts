/**
 * Index terms that answer one- and two-character Latin fragments. Typing "t" or "er" into the
 * search box means "every document with a word containing t": answered from the word dictionary,
 * that is the postings of thousands of words (0.3 s at 50,000 articles). Each document therefore
 * also gets, for its Latin words, every character and two-character run inside a word, and each
 * word's first and last character, as terms marked by a control character that never occurs in
 * folded text. Two-character prefixes and suffixes expand to few enough words to keep the
 * dictionary path.
 */
import type { DocTerms } from './index-state';
import { FIELD_COUNT } from './postings';
import { isWordTerm } from './tokenize';
import type { WordMode } from './word-dict';

const INFIX = '\u0001';
const START = '\u0002';
const END = '\u0003';

/** The gram term standing for a word fragment, or null when it goes through the dictionary. */
export function fragmentGram(text: string, mode: WordMode): string | null {
  if (text.length === 0 || text.length > 2) return null;
  if (mode === 'infix') return INFIX + text;
  if (text.length === 1 && mode === 'prefix') return START + text;
  if (text.length === 1 && mode === 'suffix') return END + text;
  return null;
}

/** The grams of one word, each once, in a fixed order. */
function wordGrams(w: string, out: Set<string>): void {
  out.clear();
  out.add(START + w[0]!);
  out.add(END + w[w.length - 1]!);
  for (let i = 0; i < w.length; i++) {
    out.add(INFIX + w[i]!);
    if (i + 1 < w.length) out.add(INFIX + w.slice(i, i + 2));
  }
}

/**
 * Grams of recently indexed words. Words recur from one article to the next (names, numbers,
 * every English word), and building a word's grams makes a few strings per character: an English
 * article's grams were a sixth of what indexing it allocated. Cleared when full.
 */
const gramCache = new Map<string, readonly string[]>();
const GRAM_CACHE_WORDS = 20_000;
const scratch = new Set<string>();

function gramsOf(w: string): readonly string[] {
  let grams = gramCache.get(w);
  if (grams === undefined) {
    wordGrams(w, scratch);
    grams = [...scratch];
    if (gramCache.size >= GRAM_CACHE_WORDS) gramCache.clear();
    gramCache.set(w, grams);
  }
  return grams;
}

/**
 * The terms of a document with its words' grams appended. A gram's frequency in a field is the
 * number of word occurrences there that hold it.
 */
export function withFragmentGrams(d: DocTerms): DocTerms {
  const rowOf = new Map<string, number>();
  let counts = new Float64Array(256);
  for (let r = 0; r < d.terms.length; r++) {
    const w = d.terms[r]!;
    if (!isWordTerm(w)) continue;
    const grams = gramsOf(w);
    for (let k = 0; k < grams.length; k++) {
      const g = grams[k]!;
      let row = rowOf.get(g);
      if (row === undefined) {
        row = rowOf.size;
        rowOf.set(g, row);
        if ((row + 1) * FIELD_COUNT > counts.length) {
          const grown = new Float64Array(counts.length * 2);
          grown.set(counts);
          counts = grown;
        }
      }
      for (let f = 0; f < FIELD_COUNT; f++)
        counts[row * FIELD_COUNT + f]! += d.tfs[r * FIELD_COUNT + f]!;
    }
  }
  if (rowOf.size === 0) return d;
  const n = rowOf.size * FIELD_COUNT;
  const tfs = new Uint16Array(d.tfs.length + n);
  tfs.set(d.tfs);
  for (let i = 0; i < n; i++) tfs[d.tfs.length + i] = Math.min(counts[i]!, 0xffff);
  const terms = d.terms.slice();
  for (const g of rowOf.keys()) terms.push(g);
  return { terms, tfs };
}
