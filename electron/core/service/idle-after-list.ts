/**
 * Tells when the window has its list and has gone quiet: the first `listRows` call has answered
 * and no API call has been in flight for a while. Background work that would compete with opening
 * the window (the first-use warm-up) starts then. Started as soon as the core was open, the warm-up
 * held back the page's script between its steps, and the list of a 50,000-article library was
 * asked for about a second later than without it.
 */
import type { FolioApi } from '../../../shared/api';

export interface IdleAfterListOptions {
  api: FolioApi;
  /** How long no call may be in flight before the window counts as quiet. */
  quietMs: number;
  /** Runs once, the first time the window is quiet after its list. */
  onIdle: () => void;
}

export interface IdleAfterList {
  /** `api`, with every call watched. */
  api: FolioApi;
  /** Cancels a pending onIdle. */
  stop(): void;
}

/** Wraps `api` so its calls are watched, and calls onIdle once, after the list, when quiet. */
export function idleAfterList(opts: IdleAfterListOptions): IdleAfterList {
  let listed = false;
  let done = false;
  let inFlight = 0;
  let timer: NodeJS.Timeout | null = null;
  const arm = (): void => {
    if (done || !listed || inFlight > 0) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      done = true;
      opts.onIdle();
    }, opts.quietMs);
    timer.unref();
  };
  const watched = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(opts.api) as Array<[string, unknown]>) {
    if (typeof fn !== 'function') continue;
    watched[name] = async (...args: unknown[]) => {
      inFlight++;
      if (timer) clearTimeout(timer);
      timer = null;
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>).apply(opts.api, args);
      } finally {
        inFlight--;
        if (name === 'listRows') listed = true;
        arm();
      }
    };
  }
  return {
    api: watched as unknown as FolioApi,
    stop() {
      done = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
