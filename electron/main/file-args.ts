/**
 * Which command-line arguments are files to import. Used for the first launch (`process.argv`),
 * a second launch forwarded by the single-instance lock, and "Open with" on Windows and Linux.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ArgvContext {
  /** True when run as `electron .` (Electron's `process.defaultApp`): argv[1] is the app path. */
  defaultApp: boolean;
  /** The directory relative paths are resolved against (the launching shell's cwd). */
  cwd: string;
}

/** The absolute paths of the file arguments in `argv`, in order and without duplicates. */
export function fileArgs(argv: readonly string[], ctx: ArgvContext): string[] {
  // argv[0] is the executable; in development argv[1] is the app folder.
  const rest = argv.slice(ctx.defaultApp ? 2 : 1);
  const out: string[] = [];
  let afterDoubleDash = false;
  for (const arg of rest) {
    if (!afterDoubleDash && arg === '--') {
      afterDoubleDash = true;
      continue;
    }
    // Chromium and Electron switches (--no-sandbox, --inspect=…, -psn_0_… on macOS) are not files.
    if (!afterDoubleDash && arg.startsWith('-')) continue;
    if (arg.trim() === '') continue;
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
