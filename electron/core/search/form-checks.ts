/**
 * Phrase checks of many candidates at once, shared with a worker thread. A query such as 美国总统
 * must search the stored folded text of every article that may hold it: thousands of reads of a
 * few KB each, most of its time. Both threads take the next text from a shared counter, so the
 * work splits by itself whatever each thread's speed; the search stays synchronous, the calling
 * thread waiting at the end only for the text the worker is still on. When the worker is missing,
 * busy starting or broken, the calling thread simply does all of them: never a wrong answer, at
 * worst the time it took before.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { findWorkerFile } from '../workers/worker-pool';
import { type FoldedNeedle, formHolds } from './folded-form';

/** A request to the worker: everything lives in shared memory except the needle and refs. */
export interface FormCheckRequest {
  path: string;
  text: string;
  refs: Float64Array;
  control: SharedArrayBuffer;
  answers: SharedArrayBuffer;
}

/** Slots of the control array: the next text to take, and "the worker has stopped taking". */
const NEXT = 0;
const DONE = 1;
/** Answers: 0 while not known. */
const HOLDS = 1;
const MISSES = 2;

/** Texts a query must search before the worker is asked to share them: fewer finish sooner alone. */
const MIN_SHARED = 64;
/** The longest wait for the worker's last text; beyond it the calling thread searches it again. */
const WAIT_MS = 250;

/** Reads bytes [from, to) (clamped) of the text at [offset, length] of an open file. */
export type RangeReader = (ref: readonly [number, number], from: number, to: number) => Buffer;

/** A RangeReader over a file descriptor, with one buffer reused for every read. */
export function fdRangeReader(fd: number): RangeReader {
  let scratch = Buffer.allocUnsafe(1 << 16);
  return (ref, from, to) => {
    const start = Math.min(Math.max(from, 0), ref[1]);
    const len = Math.min(ref[1], to) - start;
    if (len > scratch.length) scratch = Buffer.allocUnsafe(len * 2);
    const got = len > 0 ? readSync(fd, scratch, 0, len, ref[0] + start) : 0;
    return scratch.subarray(0, got);
  };
}

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
    Atomics.store(control, DONE, 1);
    Atomics.notify(control, DONE);
  }
}

export function defaultFormCheckWorkerFile(): URL | null {
  return findWorkerFile(import.meta.url, 'form-check-worker');
}

export interface FormChecker {
  /** For each [offset, byteLength] pair of `refs`, 1 when that stored form holds the needle. */
  check(needle: FoldedNeedle, refs: Float64Array): Uint8Array;
  /** Starts the worker now rather than on the first large check. */
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
}

export function createFormChecker(opts: FormCheckerOptions): FormChecker {
  let worker: Worker | null = null;
  // One core only: a second thread would only take turns with this one.
  let broken = opts.workerFile === null || os.availableParallelism() < 2;
  const start = () => {
    if (worker || broken) return;
    try {
      const w = new Worker(opts.workerFile!);
      // An idle worker never keeps the process alive.
      w.unref();
      const drop = () => {
        broken = true;
        if (worker === w) worker = null;
      };
      w.on('error', drop);
      w.on('exit', drop);
      worker = w;
    } catch {
      broken = true;
    }
  };
  return {
    start,
    check(needle, refs) {
      const n = refs.length / 2;
      const control = new Int32Array(new SharedArrayBuffer(8));
      const answers = new Uint8Array(new SharedArrayBuffer(n));
      if (n >= MIN_SHARED) start();
      const shared = worker !== null && n >= MIN_SHARED;
      if (shared) {
        const req: FormCheckRequest = {
          path: opts.path(),
          text: needle.text,
          refs,
          control: control.buffer as SharedArrayBuffer,
          answers: answers.buffer as SharedArrayBuffer,
        };
        worker!.postMessage(req);
      }
      takeFormChecks(opts.read, needle, refs, control, answers);
      // The worker may still be on the last text it took: wait for it to stop taking.
      if (shared && answers.includes(0)) Atomics.wait(control, DONE, 0, WAIT_MS);
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
      const w = worker;
      broken = true;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
