/**
 * Worker-thread side of the parse pool: parses the bytes it is sent and answers with the
 * outcome or the parser's error.
 */
import { serveWorker } from '../workers/serve-worker';
import type { ParseOutcome } from '../ports';
import { type TextAnalysis, analyseText } from '../search/text-analysis';
import { parseDocument } from './parse-document';

/** A parse job: a file's bytes and its name. */
export interface ParseRequest {
  fileName: string;
  bytes: Uint8Array;
  /** Also analyse the body text for the search index (imports do; `folio parse` does not). */
  analyse?: boolean;
}

/** A parse result, with its text's index analysis when it was asked for. */
export type AnalysedOutcome = ParseOutcome & { analysis?: TextAnalysis };

serveWorker<ParseRequest, AnalysedOutcome>((req) => {
  const outcome = parseDocument(req.bytes, req.fileName);
  return req.analyse ? { ...outcome, analysis: analyseText(outcome.article.text) } : outcome;
});
