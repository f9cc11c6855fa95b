/**
 * Which command-line arguments are files to import. Used for the first launch (`process.argv`),
 * a second launch forwarded by the single-instance lock, and "Open with" on Windows and Linux.
 * `--library DIR` chooses the library, as for the CLI and the browser shell; DIR is no file.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ArgvContext {
  /**
   * True when run as `electron .` (Electron's `process.defaultApp`): the first argument that is
   * not a switch is the app folder.
   */
  defaultApp: boolean;
  /** The directory relative paths are resolved against (the launching shell's cwd). */
  cwd: string;
}

const LIBRARY_FLAG = '--library';

/** The library folder `--library DIR` or `--library=DIR` names (the last one), or null. */
export function libraryArg(argv: readonly string[], cwd: string): string | null {
  let dir: string | null = null;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (arg === LIBRARY_FLAG) dir = argv[++i] ?? null;
    else if (arg.startsWith(`${LIBRARY_FLAG}=`)) dir = arg.slice(LIBRARY_FLAG.length + 1);
  }
  return dir && dir.trim() !== '' ? path.resolve(cwd, dir) : null;
}

/** The absolute paths of the file arguments in `argv`, in order and without duplicates. */
export function fileArgs(argv: readonly string[], ctx: ArgvContext): string[] {
  // argv[0] is the executable. In development the app folder is the first non-switch argument,
  // not always argv[1]: `electron --inspect .`, and the argv a second instance forwards, which
  // Chromium reorders with its switches first (`electron --original-process-start-time=… .`).
  let appFolderLeft = ctx.defaultApp;
  const out: string[] = [];
  let afterDoubleDash = false;
  let libraryValue = false;
  for (const arg of argv.slice(1)) {
    if (libraryValue) {
      libraryValue = false;
      continue;
    }
    if (!afterDoubleDash && arg === '--') {
      afterDoubleDash = true;
      continue;
    }
    if (!afterDoubleDash && arg === LIBRARY_FLAG) {
      libraryValue = true;
      continue;
    }
    // Chromium and Electron switches (--no-sandbox, --inspect=…, -psn_0_… on macOS) are not files.
    if (!afterDoubleDash && arg.startsWith('-')) continue;
    if (arg.trim() === '') continue;
    if (appFolderLeft) {
      appFolderLeft = false;
      continue;
    }
    // A URL-like argument (e.g. a protocol launch) is not a local file.
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg) && !arg.toLowerCase().startsWith('file://')) continue;
    const resolved = arg.toLowerCase().startsWith('file://')
      ? safeFileUrlPath(arg)
      : path.resolve(ctx.cwd, arg);
    if (resolved !== null && !out.includes(resolved)) out.push(resolved);
  }
  return out;
}

function safeFileUrlPath(arg: string): string | null {
  try {
    return fileURLToPath(arg);
  } catch {
    return null;
  }
}

/** The paths a second instance forwards as `additionalData` (exact, unlike its reordered argv). */
export interface ForwardedFiles {
  files: string[];
}

/** The absolute file paths in a second instance's `additionalData`, or null when it has none. */
export function forwardedFiles(data: unknown): string[] | null {
  if (typeof data !== 'object' || data === null) return null;
  const files = (data as { files?: unknown }).files;
  if (!Array.isArray(files) || files.length > 10_000) return null;
  const out: string[] = [];
  for (const file of files) {
    // Only what fileArgs produces: absolute paths, no NUL. Anything else means another sender.
    if (typeof file !== 'string' || file.includes('\0') || !path.isAbsolute(file)) return null;
    if (!out.includes(file)) out.push(file);
  }
  return out;
}
