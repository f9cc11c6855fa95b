/**
 * The costly part of indexing an article, analysing its body text, done where the article is
 * parsed (a parse worker) instead of on the main thread, which is what limits import speed. The
 * main thread keeps the results in a small cache keyed by the text itself; indexing then takes
 * the analysis when the stored text is the same string and analyses it in place when not, so a
 * missing or stale entry costs time, never correctness.
 */
import { foldPhrase, foldText } from './fold';
import { countTerms } from './tokenize';

/** The index terms of one body text, in a form that crosses threads cheaply. */
export interface TextAnalysis {
  /** Distinct terms, '\n'-joined (terms are runs of letters, digits or CJK: never a newline). */
  terms: string;
  /** Frequency of each term, in the same order. */
  counts: Uint32Array;
  /** Length in tokens, for BM25. */
  length: number;
  /** The text is already in folded form. */
  plain: boolean;
  /** The text folded for phrase matching (whitespace collapsed). */
  match: string;
}

/** Analyses a body text exactly as indexing an article would. */
export function analyseText(text: string): TextAnalysis {
  const folded = foldText(text);
  const { terms, counts, length } = countTerms(folded);
  return {
    terms: terms.join('\n'),
    counts: Uint32Array.from(counts),
    length,
    plain: folded === text,
    match: foldPhrase(text),
  };
}

/** The distinct terms of an analysis and their counts, in the same order. */
export function analysisTerms(a: TextAnalysis): { terms: string[]; counts: Uint32Array } {
  return { terms: a.counts.length ? a.terms.split('\n') : [], counts: a.counts };
}

/** Analyses waiting for their article to be indexed. */
export interface AnalysisCache {
  put(text: string, analysis: TextAnalysis): void;
  /** The analysis of exactly this text, removed from the cache; undefined when there is none. */
  take(text: string): TextAnalysis | undefined;
}

/**
 * A bounded cache: entries whose article never gets indexed (an import that failed after parsing)
 * are dropped oldest first, so it cannot grow without limit.
 */
export function createAnalysisCache(limit = 512): AnalysisCache {
  const entries = new Map<string, TextAnalysis>();
  return {
    put(text, analysis) {
      entries.delete(text);
      entries.set(text, analysis);
      if (entries.size > limit) entries.delete(entries.keys().next().value!);
    },
    take(text) {
      const a = entries.get(text);
      if (a) entries.delete(text);
      return a;
    },
  };
}
