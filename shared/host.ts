/**
 * The desktop host's side of the contract: push events from the main process to the window
 * (outside request/response), and what `window.folioHost` offers. Main sends, preload listens
 * and the renderer subscribes, all against these names and payload types.
 */
import type { JobRef } from './api';

/** Push channel names, `domain:verb` like the request channels. */
export const HOST_EVENTS = {
  importStarted: 'host:import-started',
} as const;

export type HostEvent = keyof typeof HOST_EVENTS;

/**
 * Private preload-to-main channels. Not part of `FolioApi`: the page never sees them, only the
 * preload calls them. `grantPaths` carries the paths `webUtils.getPathForFile` gave for files the
 * user dropped; main imports by path only what was granted (see electron/main/path-grants.ts).
 */
export const HOST_CHANNELS = {
  grantPaths: 'host:grant-paths',
} as const;

/** The payload each push channel carries. */
export interface HostEventPayloads {
  /** An import the main process started (menu, "Open with", command line). */
  importStarted: JobRef;
}

/** What `window.folioHost` offers the renderer on the desktop (absent in the browser shell). */
export interface FolioHost {
  /**
   * The absolute path of a dropped `File` (Electron's `webUtils.getPathForFile`). Main imports by
   * path only what this returned, what its dialogs chose, or what the app was opened with.
   */
  getPathForFile(file: File): string;
  /** Subscribes to imports the main process started; returns unsubscribe. */
  onImportStarted(listener: (job: HostEventPayloads['importStarted']) => void): () => void;
}

/** True for a well-formed `JobRef` coming over the `importStarted` channel. */
export function isJobRef(value: unknown): value is JobRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { jobId?: unknown }).jobId === 'string'
  );
}
