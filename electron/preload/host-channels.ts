/**
 * Main → renderer notifications outside the request/response contract. The contract has no
 * push channel, and imports started from the menu or the command line need one so the window
 * can follow their job. Shared by main and preload only; the renderer sees `window.folioHost`.
 */
import type { JobRef } from '../../shared/api';

export const HOST_EVENTS = {
  importStarted: 'host:import-started',
} as const;

/** What `window.folioHost` offers the renderer on the desktop. */
export interface FolioHost {
  /** The absolute path of a dropped `File` (Electron's `webUtils.getPathForFile`). */
  getPathForFile(file: File): string;
  /** Subscribes to imports the main process started (menu, "Open with"); returns unsubscribe. */
  onImportStarted(listener: (job: JobRef) => void): () => void;
}

/** True for a well-formed `JobRef` coming over the host channel. */
export function isJobRef(value: unknown): value is JobRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { jobId?: unknown }).jobId === 'string'
  );
}
