/**
 * An in-memory registry of long operations (import, export). Faces poll `get(id)`; finished jobs
 * are kept for a while so a slow poller still sees the final state, then pruned.
 */
import { randomUUID } from 'node:crypto';
import { FolioError, type FolioErrorData } from '../../../shared/errors';
import type { JobItemResult, JobKind, JobStatus } from '../../../shared/api';
import type { Clock } from '../ports';

/** The writer's side of one job. */
export interface JobHandle {
  readonly id: string;
  setTotal(total: number): void;
  /** Names the item being worked on now. */
  setCurrent(current: string): void;
  /** Records one finished item (counted in `done`). */
  addResult(result: JobItemResult): void;
  /** Marks progress without a per-item result (e.g. export steps). */
  setDone(done: number): void;
  finish(outcome?: { error?: FolioErrorData | null; output?: JobStatus['output'] }): void;
}

export interface JobRegistry {
  start(kind: JobKind, total?: number): JobHandle;
  /** A snapshot of the job; throws NOT_FOUND for an unknown or pruned id. */
  get(id: string): JobStatus;
  /** Ids of jobs that have not finished. */
  running(): string[];
}

export interface JobRegistryOptions {
  clock?: Clock;
  /** How long a finished job stays readable. */
  keepFinishedMs?: number;
  /** At most this many finished jobs are kept, oldest dropped first. */
  maxFinished?: number;
  newId?: () => string;
}

interface Entry {
  status: JobStatus;
  finishedAt: number | null;
}

/** Creates an empty job registry. */
export function createJobRegistry(options: JobRegistryOptions = {}): JobRegistry {
  const clock = options.clock ?? (() => new Date());
  const keepMs = options.keepFinishedMs ?? 30 * 60_000;
  const maxFinished = options.maxFinished ?? 50;
  const newId = options.newId ?? (() => randomUUID());
  const jobs = new Map<string, Entry>();

  function prune(): void {
    const now = clock().getTime();
    const finished = [...jobs.entries()].filter(([, e]) => e.finishedAt !== null);
    for (const [key, e] of finished) {
      if (now - (e.finishedAt ?? now) > keepMs) jobs.delete(key);
    }
    const left = finished.filter(([key]) => jobs.has(key));
    // Map iteration order is insertion order, so the first entries are the oldest.
    for (const [key] of left.slice(0, Math.max(0, left.length - maxFinished))) jobs.delete(key);
  }

  return {
    start(kind, total = 0) {
      prune();
      const id = newId();
      const entry: Entry = {
        status: {
          id,
          kind,
          total,
          done: 0,
          current: '',
          finished: false,
          results: [],
          error: null,
          output: null,
        },
        finishedAt: null,
      };
      jobs.set(id, entry);
      const s = entry.status;
      const open = (): boolean => entry.finishedAt === null;
      return {
        id,
        setTotal: (n) => void (open() && (s.total = n)),
        setCurrent: (c) => void (open() && (s.current = c)),
        addResult(result) {
          if (!open()) return;
          s.results.push(result);
          // Exports report progress separately, so `done` never double-counts an item.
          s.done = Math.max(s.done, s.results.length);
          if (s.done > s.total) s.total = s.done;
        },
        setDone: (n) => void (open() && (s.done = Math.max(s.done, n))),
        finish(outcome = {}) {
          if (!open()) return;
          s.finished = true;
          s.current = '';
          s.error = outcome.error ?? null;
          s.output = outcome.output ?? null;
          entry.finishedAt = clock().getTime();
          prune();
        },
      };
    },
    get(id) {
      prune();
      const entry = jobs.get(id);
      if (!entry) throw new FolioError('NOT_FOUND', `No job with id ${id}`);
      // A copy, so callers (and JSON serialisation later) never see a half-updated list.
      const s = entry.status;
      return {
        ...s,
        results: s.results.map((r) => ({ ...r })),
        output: s.output && { ...s.output },
      };
    },
    running() {
      return [...jobs.values()].filter((e) => e.finishedAt === null).map((e) => e.status.id);
    },
  };
}
