/**
 * Where the packaged or development app keeps its files. Computed from values Electron gives
 * (`app.getAppPath()`, `process.resourcesPath`) so it is testable without Electron.
 */
import path from 'node:path';

export interface AppLocations {
  /** The built renderer served at app://folio/. */
  rendererDir: string;
  /** The bundled preload script. */
  preloadPath: string;
  /** The sample dumps offered on first run. */
  sampleDir: string;
}

/** Resolves the app's file locations for a packaged build or `electron .`. */
export function appLocations(opts: {
  appPath: string;
  resourcesPath: string;
  isPackaged: boolean;
}): AppLocations {
  return {
    rendererDir: path.join(opts.appPath, 'dist', 'renderer'),
    preloadPath: path.join(opts.appPath, 'dist', 'electron', 'preload.cjs'),
    // Packaged: seeds ship as extraResources beside app.asar, readable as plain files.
    sampleDir: opts.isPackaged
      ? path.join(opts.resourcesPath, 'seeds')
      : path.join(opts.appPath, 'seeds'),
  };
}

/**
 * The library folder: `--library DIR`, then FOLIO_LIBRARY (resolved against the launch folder),
 * then Electron's user-data folder, the same order as the CLI and the browser shell.
 */
export function chooseLibraryDir(opts: {
  flag: string | null;
  env: Record<string, string | undefined>;
  cwd: string;
  userData: string;
}): string {
  if (opts.flag) return opts.flag;
  const fromEnv = opts.env.FOLIO_LIBRARY;
  if (fromEnv && fromEnv.trim() !== '') return path.resolve(opts.cwd, fromEnv);
  return opts.userData;
}
