/**
 * Which paths the window may ask main to import. `importPaths` reads any file it is given, and a
 * page that imports a file can read it back (`getArticle`, the original-file view), so a page
 * running hostile script (a sanitiser bypass in an imported dump) could otherwise import
 * ~/.ssh/id_rsa and send it out. Main therefore imports by path only what the user handed over:
 * files and folders dropped on the window (the preload reports what `webUtils.getPathForFile`
 * returned, which is empty for a File made by script), chosen in main's own dialogs, or given on
 * the command line / "Open with". A path inside a granted folder counts as granted, unless it is
 * hidden below it: importing the folder skips names starting with a dot, so dropping your home
 * folder does not grant ~/.ssh.
 */
import nodePath from 'node:path';
import type { FolioApi } from '../../shared/api';
import { type Result, FolioError } from '../../shared/errors';
import { HOST_CHANNELS } from '../../shared/host';
import { LIMITS } from '../../shared/validate';
import type { IpcMainLike } from './ipc-handlers';

/** The path operations used; `node:path` by default, `path.win32` in tests. */
export type PathOps = Pick<typeof nodePath, 'isAbsolute' | 'resolve' | 'dirname' | 'basename'>;

/**
 * More grants than any real session makes (a grant is one dropped or chosen top-level item; a
 * folder's contents need none of their own). Past it new grants are ignored, so a flood cannot
 * grow main's memory without bound; an import of an ignored path is then refused, visibly.
 */
export const MAX_GRANTS = 100_000;

export interface PathGrants {
  /** Grants these paths (absolute ones; anything else is ignored). */
  grant(paths: Iterable<string>): void;
  /**
   * The normalised path when `path` is granted, or inside a granted folder with no hidden name
   * (`.ssh`) between the two, else null.
   */
  check(path: string): string | null;
  /** Forgets every grant (the window they were made for has closed). */
  clear(): void;
  readonly size: number;
}

/** The normalised form of an absolute path (`..`, `.` and doubled separators resolved), or null. */
export function normalisePath(path: string, ops: PathOps = nodePath): string | null {
  if (path === '' || path.includes('\0') || !ops.isAbsolute(path)) return null;
  return ops.resolve(path);
}

/** Creates an empty grant set. */
export function createPathGrants(ops: PathOps = nodePath): PathGrants {
  const granted = new Set<string>();
  return {
    grant(paths) {
      for (const path of paths) {
        const normal = normalisePath(path, ops);
        if (normal !== null && granted.size < MAX_GRANTS) granted.add(normal);
      }
    },
    check(path) {
      const normal = normalisePath(path, ops);
      if (normal === null) return null;
      // Walk up the ancestors: a lookup per level, however many grants there are. Lexical on
      // purpose; the caller imports the normalised path, so a `..` cannot step out of a granted
      // folder through a symlink the way the OS would resolve it.
      let hidden = false;
      for (let dir = normal; ;) {
        if (granted.has(dir)) return hidden ? null : normal;
        const parent = ops.dirname(dir);
        if (parent === dir) return null;
        // The core's folder walk skips dot names; the page may not name what it skips.
        if (ops.basename(dir).startsWith('.')) hidden = true;
        dir = parent;
      }
    },
    clear() {
      granted.clear();
    },
    get size() {
      return granted.size;
    },
  };
}

/** The first characters of a path, for an error message. */
function shown(path: string): string {
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

/**
 * Wraps the service the window calls: `importPaths` refuses the whole request when any path was
 * not granted (nothing of it is imported), and imports the normalised paths it checked; the paths
 * `pickFiles` answers with (main's own dialog) are granted before the window sees them.
 */
export function guardPathImports(api: FolioApi, grants: PathGrants): FolioApi {
  return {
    ...api,
    async importPaths({ paths }) {
      const checked: string[] = [];
      for (const path of paths) {
        const normal = grants.check(path);
        if (normal === null) {
          throw new FolioError(
            'INVALID_INPUT',
            `Folio imports only files and folders you dropped on its window or chose in its ` +
              `dialog; this one was neither: ${shown(path)}`,
          );
        }
        checked.push(normal);
      }
      return api.importPaths({ paths: checked });
    },
    async pickFiles() {
      const picked = await api.pickFiles();
      grants.grant(picked.paths);
      return picked;
    },
  };
}

/** The paths of a grant message: 1 to `LIMITS.paths` absolute paths, or null (grant none). */
export function grantPayload(payload: unknown, ops: PathOps = nodePath): string[] | null {
  if (!Array.isArray(payload) || payload.length === 0 || payload.length > LIMITS.paths) return null;
  const out: string[] = [];
  for (const item of payload) {
    if (typeof item !== 'string' || item.length > LIMITS.pathLength) return null;
    if (normalisePath(item, ops) === null) return null;
    out.push(item);
  }
  return out;
}

export interface GrantHandlerDeps<E> {
  isTrusted: (event: E) => boolean;
  grants: PathGrants;
  onRefused?: (channel: string) => void;
  ops?: PathOps;
}

/**
 * Handles the preload's grant messages. An invoke, not a one-way send, so the preload can wait
 * for the answer before it sends the import (see electron/preload/path-grants.ts).
 */
export function registerGrantHandler<E>(
  ipc: IpcMainLike<E>,
  deps: GrantHandlerDeps<E>,
): () => void {
  const channel = HOST_CHANNELS.grantPaths;
  ipc.handle(channel, async (event, ...args): Promise<Result<null>> => {
    if (!deps.isTrusted(event)) {
      deps.onRefused?.(channel);
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Grant refused: not from the Folio window.' },
      };
    }
    const paths = args.length === 1 ? grantPayload(args[0], deps.ops) : null;
    if (paths === null) {
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Expected a list of absolute paths.' },
      };
    }
    deps.grants.grant(paths);
    return { ok: true, data: null };
  });
  return () => ipc.removeHandler(channel);
}
