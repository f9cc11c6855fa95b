/**
 * Search-as-you-type without a fixed debounce: the first keystroke searches at once, and while a
 * search is in flight only the newest query waits for it (older ones are dropped, never sent).
 * A fixed debounce would spend most of the 100 ms budget doing nothing.
 */
export interface SearchScheduler {
  /** Asks for `query`: runs now when idle, else as soon as the search in flight answers. */
  request(query: string): void;
  /** Drops the waiting query and makes the answer in flight stale. */
  cancel(): void;
}

export interface SchedulerDeps<R> {
  run: (query: string) => Promise<R>;
  /** The answer to the newest query sent (not called when a newer one is already waiting). */
  deliver: (query: string, result: R) => void;
  fail: (query: string, err: unknown) => void;
}

/** Creates a scheduler with at most one search in flight. */
export function createSearchScheduler<R>(deps: SchedulerDeps<R>): SearchScheduler {
  let busy = false;
  let waiting: string | null = null;
  let generation = 0;
  const pump = (): void => {
    if (busy || waiting === null) return;
    const query = waiting;
    const gen = generation;
    waiting = null;
    busy = true;
    // An answer nobody will see is not rendered: the next query is already waiting.
    const current = (): boolean => gen === generation && waiting === null;
    deps
      .run(query)
      .then(
        (r) => current() && deps.deliver(query, r),
        (err: unknown) => current() && deps.fail(query, err),
      )
      .finally(() => {
        busy = false;
        pump();
      });
  };
  return {
    request(query) {
      waiting = query;
      pump();
    },
    cancel() {
      waiting = null;
      generation++;
    },
  };
}
