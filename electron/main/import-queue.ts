/**
 * Files handed to the app from outside (command line, "Open with", a second launch, the menu)
 * can arrive before the library is open, or while no window is there to show their progress
 * (macOS keeps running without one). They wait here until a window's page has loaded, then go
 * to the importer in arrival order.
 */

export interface ImportQueue {
  /** Queues paths (ignored when empty); imported at once if the app is ready. */
  add(paths: readonly string[]): void;
  /** Marks the app ready and imports everything that waited. */
  ready(): void;
  /** Holds later paths until the next `ready()` (the window that shows imports has closed). */
  pause(): void;
}

/** Creates a queue feeding `start`; failures go to `onError` so one bad batch stops nothing. */
export function createImportQueue(
  start: (paths: string[]) => Promise<void>,
  onError: (err: unknown) => void,
): ImportQueue {
  let isReady = false;
  const waiting: string[] = [];
  const run = (paths: string[]): void => {
    start(paths).catch(onError);
  };
  return {
    add(paths) {
      if (paths.length === 0) return;
      if (isReady) run([...paths]);
      else waiting.push(...paths.filter((p) => !waiting.includes(p)));
    },
    ready() {
      if (isReady) return;
      isReady = true;
      if (waiting.length > 0) run(waiting.splice(0));
    },
    pause() {
      isReady = false;
    },
  };
}
