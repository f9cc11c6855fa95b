import type { FolioApi } from '../../shared/api';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser shell. */
    folio?: FolioApi;
    /** Electron-only helpers that are not part of the contract (dropped-file paths). */
    folioHost?: { getPathForFile(file: File): string };
  }
}

export {};
