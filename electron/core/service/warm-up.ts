/**
 * First-use warm-up of an opened core, run once the window has its list and is quiet: the search
 * path (see warm-search.ts) and the article read path, whose first call also pays for cold code
 * (a first read took 15–25 ms against 1–5 ms for later ones on a 50,000-article library).
 */
import type { FolioApi } from '../../../shared/api';
import type { FolioCore } from '../ports';
import { type SearchWarmer, warmSearch } from '../search/warm-search';
import { idleAfterList } from './idle-after-list';

/** Titles the search warm-up cuts its queries from (a few hundred, to find a name they share). */
const TITLE_SAMPLE = 500;

/** Starts warming `core` in the background; stop() before the core closes. */
export function warmUpCore(core: FolioCore): SearchWarmer {
  const summaries = () => core.library.allSummaries();
  const first = summaries()[0];
  // A failed read only leaves the path cold; the reader reports its own errors.
  const read = first ? core.library.get(first.id).catch(() => undefined) : undefined;
  const search = warmSearch({
    search: (req) => core.search.search(req),
    titles: () =>
      summaries()
        .slice(0, TITLE_SAMPLE)
        .map((s) => s.title),
    // flush() waits for an index build started at open: warm the complete index.
    ready: core.search.flush(),
  });
  return { done: Promise.all([read, search.done]).then(() => undefined), stop: search.stop };
}

/**
 * Quiet time after the list before warming. The page is meanwhile drawing the rows it received
 * (0.3–0.6 s for 50,000 on a busy two-core machine), so some overlap remains; 600 ms left a search
 * typed as soon as the list showed mostly cold.
 */
const WARM_QUIET_MS = 250;

/**
 * Watches `api` (what a window calls) and warms `core` once the window has its list and has gone
 * quiet. Every face that opens a window (the desktop app, the browser shell) serves the returned
 * api; stop() before the core closes.
 */
export function warmUpAfterList(core: FolioCore, api: FolioApi): { api: FolioApi; stop(): void } {
  let warm: SearchWarmer | null = null;
  const idle = idleAfterList({
    api,
    quietMs: WARM_QUIET_MS,
    onIdle: () => (warm = warmUpCore(core)),
  });
  return {
    api: idle.api,
    stop() {
      idle.stop();
      warm?.stop();
    },
  };
}
