/**
 * Worker-thread side of the parse pool: parses the bytes it is sent and answers with the
 * outcome, or with the error's code and message (FolioError does not survive a structured clone).
 */
import { parentPort } from 'node:worker_threads';
import { toErrorData } from '../../../shared/errors';
import type { ParseOutcome } from '../ports';
import { parseDocument } from './parse-document';

/** A request from the pool. */
export interface ParseRequest {
  id: number;
  fileName: string;
  bytes: Uint8Array;
}

/** An answer to the pool; `ready` is sent once, after the parser has loaded. */
export type ParseReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; outcome: ParseOutcome }
  | { type: 'failed'; id: number; error: { code: string; message: string } };

const port = parentPort;
if (port) {
  port.on('message', (req: ParseRequest) => {
    let reply: ParseReply;
    try {
      reply = { type: 'done', id: req.id, outcome: parseDocument(req.bytes, req.fileName) };
    } catch (err) {
      reply = { type: 'failed', id: req.id, error: toErrorData(err) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ type: 'ready' } satisfies ParseReply);
}
