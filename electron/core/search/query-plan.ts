/**
 * Turns parsed clauses into index terms. A CJK run needs all its bigrams (a single character needs
 * its unigram); its dictionary words only add to the score. Latin runs need an indexed word that
 * contains them (see word-dict.ts). Phrases need the same terms and are then checked against the
 * stored text, as are CJK runs of three or more characters (users expect a run typed as one term
 * to match only where it is contiguous).
 */
import { foldPhrase, foldText } from './fold';
import type { Pattern } from './highlight';
import type { TextClause } from './query-parser';
import { stem } from './stem';
import { cjkGrams, longWords, scriptRuns } from './tokenize';
import { type WordMode, wordMode } from './word-dict';

/** A Latin/digit run of the query, matched against the word dictionary. */
export interface WordNeed {
  text: string;
  mode: WordMode;
  /** Stem variants count too (bare words; a phrase is checked literally anyway). */
  stems: boolean;
}

export interface ClausePlan {
  /** CJK terms that must all be present. */
  required: string[];
  /** Latin words that must all be present (each as any of its matching indexed words). */
  words: WordNeed[];
  optional: string[];
  /** Folded, whitespace-collapsed phrase to verify, for quoted clauses. */
  phrase: string | null;
  /**
   * Folded strings that must each occur contiguously in one field: the phrase, or the CJK runs of
   * three or more characters of a bare term (their bigrams alone may match apart).
   */
  verify: string[];
  patterns: Pattern[];
}

/** Plans one clause; null when it holds nothing searchable (only punctuation). */
export function planClause(clause: TextClause): ClausePlan | null {
  const isPhrase = clause.kind === 'phrase';
  // A phrase is matched in its whitespace-collapsed form, so its word edges are taken from it.
  const folded = isPhrase ? foldPhrase(clause.value) : foldText(clause.value);
  const required = new Set<string>();
  const optional = new Set<string>();
  const words = new Map<string, WordNeed>();
  const patterns: Pattern[] = [];
  const runs: string[] = [];
  for (const run of scriptRuns(folded)) {
    if (run.kind === 'word') {
      const mode = wordMode(run.start > 0, run.start + run.text.length < folded.length);
      words.set(`${mode}:${run.text}`, { text: run.text, mode, stems: !isPhrase });
      patterns.push({ kind: 'word', text: run.text, stem: isPhrase ? null : stem(run.text) });
      continue;
    }
    const { unigrams, bigrams } = cjkGrams(run.text);
    if (bigrams.length === 0) unigrams.forEach((u) => required.add(u));
    else bigrams.forEach((b) => required.add(b));
    if (bigrams.length > 1) runs.push(run.text);
    longWords(run.text).forEach((w) => optional.add(w));
    patterns.push({ kind: 'text', text: run.text });
  }
  if (required.size === 0 && words.size === 0) return null;
  if (isPhrase) {
    const phrase = folded;
    // A phrase of one word, or of one or two CJK characters, is answered by the index exactly: a
    // word run occurs in a text only inside one of its words, which the dictionary finds by
    // substring, and such a CJK run is one indexed gram. Reading every candidate's text (28,000
    // for "and" at 50,000 articles) would confirm nothing.
    const exact = runs.length === 0 && patterns.length === 1 && patterns[0]!.text === phrase;
    return {
      required: [...required],
      words: [...words.values()],
      optional: [...optional],
      phrase,
      verify: exact ? [] : [phrase],
      patterns: [{ kind: 'text', text: phrase }],
    };
  }
  return {
    required: [...required],
    words: [...words.values()],
    optional: [...optional],
    phrase: null,
    verify: runs,
    patterns,
  };
}
