/**
 * A small pool of worker threads that each run one job at a time. Workers start on the first
 * job and are unref'd while idle, so an open pool never keeps a process alive; close()
 * terminates them. A worker entry that cannot start sends the pool's jobs to an in-thread
 * fallback from then on. serveWorker() is the other end of the protocol.
 */
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { type ResourceLimits, type Transferable, Worker } from 'node:worker_threads';
import { ERROR_CODES, type ErrorCode, FolioError } from '../../../shared/errors';

/** A job sent to a worker. */
export interface WorkerRequest<In> {
  id: number;
  input: In;
}

/** A worker's answer; `ready` is sent once, after the worker's modules have loaded. */
export type WorkerReply<Out> =
  | { type: 'ready' }
  | { type: 'done'; id: number; output: Out }
  | { type: 'failed'; id: number; error: { code: string; message: string } };

export interface WorkerPoolOptions<In, Out> {
  /** The worker entry file; null runs every job in this thread (with `fallback`). */
  workerFile: string | URL | null;
  /** Workers to run; defaults to the number of CPUs (at least 1, at most 8). */
  size?: number;
  /** Used when there is no worker file, or when a worker fails to start. */
  fallback?: (input: In) => Out | Promise<Out>;
  /** What the workers do, for error messages: 'The parser' gives 'The parser crashed: …'. */
  name: string;
  /** The message to post for an input and what to transfer with it; defaults to a clone. */
  prepare?: (input: In) => [message: In, transfer: Transferable[]];
  /** Heap limits for each worker (see Worker's `resourceLimits`). */
  resourceLimits?: ResourceLimits;
  /**
   * Inputs too big for those limits: each runs in a worker of its own started without them, and
   * ended after it, at most `size` at a time. A worker that reaches its heap limit may abort the
   * whole process rather than fail its job (nodejs/node#47224), so a huge input must never meet
   * one.
   */
  unlimited?: (input: In) => boolean;
  /** Jobs sent to a worker before it answers the first (default 1). Two let a worker start
   * its next job while this thread is busy and has not yet read the previous answer. */
  depth?: number;
}

export interface WorkerPool<In, Out> {
  /** Runs one job in a worker; rejects with the job's FolioError when the worker reports one. */
  run(input: In): Promise<Out>;
  /** Terminates every worker; jobs still waiting reject. */
  close(): Promise<void>;
}

interface Job<In, Out> {
  id: number;
  input: In;
  resolve: (output: Out | Promise<Out>) => void;
  reject: (err: Error) => void;
}

interface Slot<In, Out> {
  worker: Worker;
  ready: boolean;
  /** Sent and not yet answered, by id. */
  jobs: Map<number, Job<In, Out>>;
}

/** The worker entry `name` next to the module at `moduleUrl`: the .mjs shim from sources, the
 * .cjs in a bundle; null when neither is there. */
export function findWorkerFile(moduleUrl: string, name: string): URL | null {
  for (const file of [`./${name}.mjs`, `./${name}.cjs`]) {
    try {
      const url = new URL(file, moduleUrl);
      if (fs.existsSync(fileURLToPath(url))) return url;
    } catch {
      // No usable module URL (an unusual bundle): the caller runs its jobs in this thread.
    }
  }
  return null;
}

/** Creates a worker pool; no thread starts until the first job. */
export function createWorkerPool<In, Out>(opts: WorkerPoolOptions<In, Out>): WorkerPool<In, Out> {
  const size = Math.max(1, Math.min(8, opts.size ?? os.availableParallelism()));
  const depth = Math.max(1, opts.depth ?? 1);
  const slots: Slot<In, Out>[] = [];
  /** Workers running one `unlimited` job each, and the jobs waiting for one. */
  const loners = new Map<Worker, Job<In, Out>>();
  const lonerQueue: Job<In, Out>[] = [];
  const queue: Job<In, Out>[] = [];
  let nextId = 1;
  let closed = false;
  let broken: Error | null = opts.workerFile ? null : new Error('no worker file');

  const runInThread = (job: Job<In, Out>) => {
    if (!opts.fallback) {
      job.reject(new FolioError('INTERNAL', `${opts.name} could not start: ${broken?.message}`));
      return;
    }
    try {
      job.resolve(opts.fallback(job.input));
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
      while (slot.ready && slot.jobs.size < depth && queue.length > 0) {
        send(slot, queue.shift() as Job<In, Out>);
      }
    }
    if (queue.length > 0 && slots.length < size) spawn();
  };

  const runAlone = (job: Job<In, Out>) => {
    if (broken) {
      runInThread(job);
      return;
    }
    if (loners.size >= size) {
      lonerQueue.push(job);
      return;
    }
    const worker = new Worker(opts.workerFile as string | URL);
    loners.set(worker, job);
    let started = false;
    const settle = (finish: () => void) => {
      if (!loners.delete(worker)) return;
      finish();
      void worker.terminate();
      const next = lonerQueue.shift();
      if (next) runAlone(next);
    };
    worker.on('message', (reply: WorkerReply<Out>) => {
      if (reply.type === 'ready') {
        started = true;
        const [input, transfer] = opts.prepare ? opts.prepare(job.input) : [job.input, []];
        worker.postMessage({ id: job.id, input } satisfies WorkerRequest<In>, transfer);
      } else if (reply.type === 'done') {
        settle(() => job.resolve(reply.output));
      } else {
        settle(() => job.reject(toFolioError(reply.error)));
      }
    });
    const lost = (err: Error) =>
      settle(() => {
        if (started) {
          job.reject(new FolioError('INTERNAL', `${opts.name} crashed: ${err.message}`));
          return;
        }
        // As for a pool worker that never loaded: this thread runs the jobs from now on.
        broken ??= err;
        runInThread(job);
      });
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`worker exited with code ${code}`)));
  };

  const send = (slot: Slot<In, Out>, job: Job<In, Out>) => {
    slot.jobs.set(job.id, job);
    slot.worker.ref();
    const [input, transfer] = opts.prepare ? opts.prepare(job.input) : [job.input, []];
    const req: WorkerRequest<In> = { id: job.id, input };
    slot.worker.postMessage(req, transfer);
  };

  const spawn = () => {
    const worker = new Worker(opts.workerFile as string | URL, {
      resourceLimits: opts.resourceLimits,
    });
    const slot: Slot<In, Out> = { worker, ready: false, jobs: new Map() };
    slots.push(slot);
    worker.unref();
    worker.on('message', (reply: WorkerReply<Out>) => {
      if (reply.type === 'ready') {
        slot.ready = true;
      } else {
        const job = slot.jobs.get(reply.id);
        slot.jobs.delete(reply.id);
        if (slot.jobs.size === 0) worker.unref();
        if (job) {
          if (reply.type === 'done') job.resolve(reply.output);
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
      // A worker that never loaded will not load next time either: run jobs here from now on.
      if (!slot.ready) broken = err;
      for (const job of slot.jobs.values()) {
        job.reject(new FolioError('INTERNAL', `${opts.name} crashed: ${err.message}`));
      }
      slot.jobs.clear();
      dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`worker exited with code ${code}`)));
  };

  return {
    run(input) {
      if (closed) return Promise.reject(new FolioError('INTERNAL', `${opts.name} is closed.`));
      return new Promise<Out>((resolve, reject) => {
        const job = { id: nextId++, input, resolve, reject };
        if (!broken && opts.resourceLimits && opts.unlimited?.(input)) {
          runAlone(job);
          return;
        }
        queue.push(job);
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) {
        job.reject(new FolioError('INTERNAL', `${opts.name} was closed.`));
      }
      const running = slots.splice(0);
      for (const slot of running) {
        for (const job of slot.jobs.values()) {
          job.reject(new FolioError('INTERNAL', `${opts.name} was closed.`));
        }
      }
      const alone = [...loners];
      loners.clear();
      for (const job of [...alone.map(([, j]) => j), ...lonerQueue.splice(0)]) {
        job.reject(new FolioError('INTERNAL', `${opts.name} was closed.`));
      }
      await Promise.all([
        ...running.map((slot) => slot.worker.terminate()),
        ...alone.map(([worker]) => worker.terminate()),
      ]);
    },
  };
}

function toFolioError(data: { code: string; message: string }): FolioError {
  const code = (ERROR_CODES as readonly string[]).includes(data.code)
    ? (data.code as ErrorCode)
    : 'INTERNAL';
  return new FolioError(code, data.message);
}
