/**
 * Turns parsed clauses into index terms. A CJK run needs all its bigrams (a single character needs
 * its unigram); its dictionary words only add to the score. Latin runs need their stem. Phrases
 * need the same terms and are then checked against the stored text, as are CJK runs of three or
 * more characters (users expect a run typed as one term to match only where it is contiguous).
 */
import { foldPhrase, foldText } from './fold';
import type { Pattern } from './highlight';
import type { TextClause } from './query-parser';
import { stem } from './stem';
import { cjkGrams, longWords, scriptRuns } from './tokenize';

export interface ClausePlan {
  required: string[];
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
  const folded = foldText(clause.value);
  const required = new Set<string>();
  const optional = new Set<string>();
  const patterns: Pattern[] = [];
  const runs: string[] = [];
  for (const run of scriptRuns(folded)) {
    if (run.kind === 'word') {
      const s = stem(run.text);
      required.add(s);
      patterns.push({ kind: 'stem', stem: s });
      continue;
    }
    const { unigrams, bigrams } = cjkGrams(run.text);
    if (bigrams.length === 0) unigrams.forEach((u) => required.add(u));
    else bigrams.forEach((b) => required.add(b));
    if (bigrams.length > 1) runs.push(run.text);
    longWords(run.text).forEach((w) => optional.add(w));
    patterns.push({ kind: 'text', text: run.text });
  }
  if (required.size === 0) return null;
  if (clause.kind === 'phrase') {
    const phrase = foldPhrase(clause.value);
    return {
      required: [...required],
      optional: [...optional],
      phrase,
      verify: [phrase],
      patterns: [{ kind: 'text', text: phrase }],
    };
  }
  return {
    required: [...required],
    optional: [...optional],
    phrase: null,
    verify: runs,
    patterns,
  };
}
