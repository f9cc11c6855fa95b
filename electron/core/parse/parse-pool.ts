/**
 * A small pool of worker threads running parseDocument, so parsing (3–8 ms a file) runs beside
 * the store's disk writes instead of between them. Workers start on the first parse and are
 * unref'd while idle, so an open pool never keeps a process alive; close() terminates them.
 */
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ERROR_CODES, type ErrorCode, FolioError } from '../../../shared/errors';
import type { ParseFn, ParseOutcome } from '../ports';
import type { ParseReply, ParseRequest } from './parse-worker';

export interface ParsePoolOptions {
  /** The worker entry file; null parses in this thread (with `fallback`). */
  workerFile: string | URL | null;
  /** Workers to run; defaults to the number of CPUs (at least 1, at most 8). */
  size?: number;
  /** Used when there is no worker file, or when a worker fails to start. */
  fallback?: ParseFn;
}

export interface ParsePool {
  /** Parses `bytes` in a worker; rejects with the parser's FolioError for bad input. */
  parse(bytes: Uint8Array, fileName: string): Promise<ParseOutcome>;
  /** Terminates every worker; parses still waiting reject. */
  close(): Promise<void>;
}

interface Job {
  id: number;
  fileName: string;
  bytes: Uint8Array;
  resolve: (outcome: ParseOutcome) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
}

/** The worker entry next to this module: the .mjs shim from sources, the .cjs in a bundle. */
export function defaultParseWorkerFile(): URL | null {
  for (const name of ['./parse-worker.mjs', './parse-worker.cjs']) {
    try {
      const url = new URL(name, import.meta.url);
      if (fs.existsSync(fileURLToPath(url))) return url;
    } catch {
      // No usable import.meta.url (an unusual bundle): parse in this thread.
    }
  }
  return null;
}

/** Creates a parse pool; no thread starts until the first parse. */
export function createParsePool(opts: ParsePoolOptions): ParsePool {
  const size = Math.max(1, Math.min(8, opts.size ?? os.availableParallelism()));
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  let broken: Error | null = opts.workerFile ? null : new Error('no worker file');

  const runInThread = (job: Job) => {
    if (!opts.fallback) {
      job.reject(new FolioError('INTERNAL', `The parser could not start: ${broken?.message}`));
      return;
    }
    try {
      job.resolve(opts.fallback(job.bytes, job.fileName));
    } catch (err) {
      job.reject(err as Error);
    }
  };

  const dispatch = () => {
    if (broken) {
      for (const job of queue.splice(0)) runInThread(job);
      return;
    }
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.ready && !slot.job) send(slot, queue.shift() as Job);
    }
    if (queue.length > 0 && slots.length < size) spawn();
  };

  const send = (slot: Slot, job: Job) => {
    slot.job = job;
    slot.worker.ref();
    // A private copy is transferred, not cloned: the caller keeps its bytes for the store.
    const bytes = new Uint8Array(job.bytes);
    const req: ParseRequest = { id: job.id, fileName: job.fileName, bytes };
    slot.worker.postMessage(req, [bytes.buffer]);
  };

  const spawn = () => {
    const worker = new Worker(opts.workerFile as string | URL);
    const slot: Slot = { worker, ready: false, job: null };
    slots.push(slot);
    worker.unref();
    worker.on('message', (reply: ParseReply) => {
      if (reply.type === 'ready') {
        slot.ready = true;
      } else {
        const job = slot.job;
        slot.job = null;
        worker.unref();
        if (job && job.id === reply.id) {
          if (reply.type === 'done') job.resolve(reply.outcome);
          else job.reject(toFolioError(reply.error));
        }
      }
      dispatch();
    });
    const lost = (err: Error) => {
      const index = slots.indexOf(slot);
      if (index < 0) return;
      slots.splice(index, 1);
      if (closed) return;
      // A worker that never loaded will not load next time either: parse here from now on.
      if (!slot.ready) broken = err;
      slot.job?.reject(new FolioError('INTERNAL', `The parser crashed: ${err.message}`));
      slot.job = null;
      dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`worker exited with code ${code}`)));
  };

  return {
    parse(bytes, fileName) {
      if (closed) return Promise.reject(new FolioError('INTERNAL', 'The parser is closed.'));
      return new Promise<ParseOutcome>((resolve, reject) => {
        queue.push({ id: nextId++, fileName, bytes, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) {
        job.reject(new FolioError('INTERNAL', 'The parser was closed.'));
      }
      const running = slots.splice(0);
      for (const slot of running) {
        slot.job?.reject(new FolioError('INTERNAL', 'The parser was closed.'));
      }
      await Promise.all(running.map((slot) => slot.worker.terminate()));
    },
  };
}

function toFolioError(data: { code: string; message: string }): FolioError {
  const code = (ERROR_CODES as readonly string[]).includes(data.code)
    ? (data.code as ErrorCode)
    : 'INTERNAL';
  return new FolioError(code, data.message);
}
