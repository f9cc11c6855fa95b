/**
 * Drops stale async answers: each call gets a ticket; only the newest ticket's result is delivered.
 */
export interface Latest {
  /** Runs `task`; resolves to `{ stale: true }` when a newer run started meanwhile. */
  run<T>(task: () => Promise<T>): Promise<{ stale: false; value: T } | { stale: true }>;
  /** Makes every pending run stale. */
  cancel(): void;
}

/** Creates a stale-response guard. */
export function createLatest(): Latest {
  let ticket = 0;
  return {
    async run<T>(task: () => Promise<T>) {
      const mine = ++ticket;
      const value = await task();
      return mine === ticket ? { stale: false as const, value } : { stale: true as const };
    },
    cancel() {
      ticket++;
    },
  };
}
