/**
 * The preload's half of the path grants (electron/main/path-grants.ts): it remembers each path
 * `webUtils.getPathForFile` returned, which only a File the user really dropped (or chose in a
 * file input) has, and tells main about them before any import, over a channel the page cannot
 * reach. A path the page makes up itself is never recorded, so main refuses to import it.
 */
import { CHANNELS, type Channel } from '../../shared/api';
import { LIMITS } from '../../shared/validate';
import type { Invoke } from './preload-api';

/** Sends one grant message to main and resolves once main has answered. */
export type SendGrant = (paths: string[]) => Promise<unknown>;

export interface PreloadPathGrants {
  /** Records a path `getPathForFile` returned (empty ones are nothing to grant) and returns it. */
  record(path: string): string;
  /** Sends every path not yet sent; resolves when main has answered for all sent so far. */
  flush(): Promise<void>;
}

/** Creates the recorder over the private grant channel. */
export function createPreloadPathGrants(send: SendGrant): PreloadPathGrants {
  const known = new Set<string>();
  const pending: string[] = [];
  // Grant messages go one after another, and `flush` waits for the last, so an import waits for
  // every grant recorded before it, whichever drop it came from.
  let sent: Promise<void> = Promise.resolve();
  const ignore = (): void => undefined;
  return {
    record(path) {
      if (typeof path === 'string' && path !== '' && !known.has(path)) {
        known.add(path);
        pending.push(path);
      }
      return path;
    },
    flush() {
      while (pending.length > 0) {
        const batch = pending.splice(0, LIMITS.paths);
        // A failed grant is not the import's error: main then refuses the import and says why.
        sent = sent.then(() => send(batch)).then(ignore, ignore);
      }
      return sent;
    },
  };
}

/**
 * Wraps `invoke` so an import by path goes out only after main has answered the grants for it.
 * Why not a one-way `ipcRenderer.send` just before the `invoke`: Electron documents no ordering
 * between the two, and `invoke` was put on its own message pipe when it was added
 * (electron/electron#18630: "in future we probably want to guarantee that send and invoke share
 * an ordering"), so the grant could arrive after the import it is for. Awaiting an answer needs
 * no such guarantee, and costs one round trip per drop.
 */
export function invokeAfterGrants(invoke: Invoke, grants: PreloadPathGrants): Invoke {
  const importPaths: Channel = CHANNELS.importPaths;
  return async (channel, request) => {
    if (channel === importPaths) await grants.flush();
    return invoke(channel, request);
  };
}
