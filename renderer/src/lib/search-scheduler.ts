/**
 * Search-as-you-type without a fixed debounce: the first keystroke searches at once, and while a
 * search is in flight only the newest query waits for it (older ones are dropped, never sent).
 * A fixed debounce would spend most of the 100 ms budget doing nothing.
 */
export interface SearchScheduler {
  /**
   * Asks for `query`: runs now when idle, else as soon as the search in flight answers. Asking
   * again for the query last sent (in flight or answered) sends nothing, so the input handler can
   * ask before React renders the keystroke and the render's own request is then free.
   */
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
  // The query last sent since the last cancel: its answer is on its way or already delivered.
  let sent: string | null = null;
  let generation = 0;
  const pump = (): void => {
    if (busy || waiting === null) return;
    const query = waiting;
    const gen = generation;
    waiting = null;
    sent = query;
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
      // Back to the query in flight (typed and erased a letter): its answer is the one to show.
      if (query === sent) waiting = null;
      else waiting = query;
      pump();
    },
    cancel() {
      waiting = null;
      sent = null;
      generation++;
    },
  };
}
