/**
 * Where the library lives by default: the same folder Electron's `app.getPath('userData')`
 * returns for productName "Folio", computed without Electron so the CLI agrees with the app.
 */
import path from 'node:path';

export interface PlatformInfo {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  homeDir: string;
}

export const PRODUCT_NAME = 'Folio';

/** The per-user application data folder for `productName` on the given platform. */
export function userDataDir(info: PlatformInfo, productName: string = PRODUCT_NAME): string {
  const { platform, env, homeDir } = info;
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(homeDir, 'AppData', 'Roaming');
    return path.win32.join(appData, productName);
  }
  if (platform === 'darwin') {
    return path.posix.join(homeDir, 'Library', 'Application Support', productName);
  }
  // Electron follows the XDG spec on Linux and the BSDs; a relative XDG value is ignored.
  const xdg = env.XDG_CONFIG_HOME;
  const configHome = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(homeDir, '.config');
  return path.posix.join(configHome, productName);
}

/** Resolves the library folder: explicit flag, then FOLIO_LIBRARY, then the user-data dir. */
export function resolveLibraryDir(opts: PlatformInfo & { flag?: string; cwd: string }): string {
  const chosen = opts.flag || opts.env.FOLIO_LIBRARY;
  if (chosen) return path.resolve(opts.cwd, chosen);
  return userDataDir(opts);
}
