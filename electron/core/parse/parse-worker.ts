/**
 * Worker-thread side of the parse pool: parses the bytes it is sent and answers with the
 * outcome or the parser's error.
 */
import { serveWorker } from '../workers/serve-worker';
import type { ParseOutcome } from '../ports';
import { parseDocument } from './parse-document';

/** A parse job: a file's bytes and its name. */
export interface ParseRequest {
  fileName: string;
  bytes: Uint8Array;
}

serveWorker<ParseRequest, ParseOutcome>((req) => parseDocument(req.bytes, req.fileName));
