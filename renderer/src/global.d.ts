import type { FolioApi, JobRef } from '../../shared/api';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser shell. */
    folio?: FolioApi;
    /** Electron-only helpers that are not part of the contract (dropped-file paths). */
    folioHost?: {
      getPathForFile(file: File): string;
      /** Imports started by the main process (menu, "Open with"); returns unsubscribe. */
      onImportStarted?(listener: (job: JobRef) => void): () => void;
    };
  }
}

export {};
