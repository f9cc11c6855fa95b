/**
 * Phrase checks of many candidates at once, shared with worker threads. A query such as 美国总统
 * must search the stored folded text of every article that may hold it: thousands of reads of a
 * few KB each, most of its time. Every thread takes the next text from a shared counter, so the
 * work splits by itself whatever each thread's speed; the search stays synchronous, the calling
 * thread waiting at the end only for the texts the workers are still on. When a worker is
 * missing, busy starting or broken, the others (and at last the calling thread) simply do more:
 * never a wrong answer, at worst the time it took before.
 */
import { closeSync, openSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { findWorkerFile } from '../workers/worker-pool';
import { type FoldedNeedle, formHolds } from './folded-form';
import { type RangeReader, fdRangeReader } from './text-store';

/** A request to the worker: everything lives in shared memory except the needle and refs. */
export interface FormCheckRequest {
  path: string;
  text: string;
  refs: Float64Array;
  control: SharedArrayBuffer;
  answers: SharedArrayBuffer;
}

/** Slots of the control array: the next text to take, and how many workers stopped taking. */
const NEXT = 0;
const DONE = 1;
/** Answers: 0 while not known. */
const HOLDS = 1;
const MISSES = 2;

/** Texts a query must search before the worker is asked to share them: fewer finish sooner alone. */
const MIN_SHARED = 64;
/** The longest wait for the workers' last texts; beyond it the calling thread searches them. */
const WAIT_MS = 250;
/** Workers at most: a query's reads are what they share, and a few threads saturate them. */
const MAX_WORKERS = 3;

/** Takes texts from the shared counter until none is left, writing each answer. */
export function takeFormChecks(
  read: RangeReader,
  needle: FoldedNeedle,
  refs: Float64Array,
  control: Int32Array,
  answers: Uint8Array,
): void {
  const n = refs.length / 2;
  for (let i = Atomics.add(control, NEXT, 1); i < n; i = Atomics.add(control, NEXT, 1)) {
    const ref: [number, number] = [refs[2 * i]!, refs[2 * i + 1]!];
    answers[i] = formHolds((from, to) => read(ref, from, to), ref[1], needle) ? HOLDS : MISSES;
  }
}

/** The worker's side: one request at a time, its own descriptor for each. */
export function serveFormChecks(req: FormCheckRequest): void {
  const control = new Int32Array(req.control);
  let fd = -1;
  try {
    fd = openSync(req.path, 'r');
    const needle = { text: req.text, bytes: Buffer.from(req.text, 'utf8') };
    takeFormChecks(fdRangeReader(fd), needle, req.refs, control, new Uint8Array(req.answers));
  } catch {
    // Whatever this thread did not answer, the calling thread searches itself.
  } finally {
    if (fd >= 0) closeSync(fd);
    Atomics.add(control, DONE, 1);
    Atomics.notify(control, DONE);
  }
}

export function defaultFormCheckWorkerFile(): URL | null {
  return findWorkerFile(import.meta.url, 'form-check-worker');
}

export interface FormChecker {
  /** For each [offset, byteLength] pair of `refs`, 1 when that stored form holds the needle. */
  check(needle: FoldedNeedle, refs: Float64Array): Uint8Array;
  /** Starts the workers now rather than on the first large check. */
  start(): void;
  close(): Promise<void>;
}

export interface FormCheckerOptions {
  /** The text store's file (it changes when the index is rebuilt or compacted). */
  path: () => string;
  /** Reads from the text store in this thread. */
  read: RangeReader;
  /** The worker entry; null searches every text in this thread. */
  workerFile: string | URL | null;
  /** Workers to start (default: one per CPU beyond this thread's, at most MAX_WORKERS). */
  workers?: number;
}

export function createFormChecker(opts: FormCheckerOptions): FormChecker {
  const wanted = opts.workers ?? Math.min(MAX_WORKERS, os.availableParallelism() - 1);
  const workers = new Set<Worker>();
  // With one CPU, a worker would only take turns with this thread.
  let started = opts.workerFile === null || wanted < 1;
  const start = () => {
    if (started) return;
    started = true;
    for (let i = 0; i < wanted; i++) {
      try {
        const w = new Worker(opts.workerFile!);
        // An idle worker never keeps the process alive.
        w.unref();
        const drop = () => workers.delete(w);
        w.on('error', drop);
        w.on('exit', drop);
        workers.add(w);
      } catch {
        break;
      }
    }
  };
  return {
    start,
    check(needle, refs) {
      const n = refs.length / 2;
      const control = new Int32Array(new SharedArrayBuffer(8));
      const answers = new Uint8Array(new SharedArrayBuffer(n));
      if (n >= MIN_SHARED) start();
      let sent = 0;
      if (n >= MIN_SHARED && workers.size) {
        const req: FormCheckRequest = {
          path: opts.path(),
          text: needle.text,
          refs,
          control: control.buffer as SharedArrayBuffer,
          answers: answers.buffer as SharedArrayBuffer,
        };
        for (const w of workers) {
          w.postMessage(req);
          sent++;
        }
      }
      takeFormChecks(opts.read, needle, refs, control, answers);
      // Workers may still be on the last texts they took: wait until every one stops taking.
      if (sent && answers.includes(0)) {
        const deadline = performance.now() + WAIT_MS;
        for (let done = Atomics.load(control, DONE); done < sent;) {
          const left = deadline - performance.now();
          if (left <= 0) break;
          Atomics.wait(control, DONE, done, left);
          done = Atomics.load(control, DONE);
        }
      }
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        let a = answers[i]!;
        if (a === 0) {
          const ref: [number, number] = [refs[2 * i]!, refs[2 * i + 1]!];
          a = formHolds((from, to) => opts.read(ref, from, to), ref[1], needle) ? HOLDS : MISSES;
        }
        out[i] = a === HOLDS ? 1 : 0;
      }
      return out;
    },
    async close() {
      started = true;
      const all = [...workers];
      workers.clear();
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
