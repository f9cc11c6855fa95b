import type { FolioApi } from '../../shared/api';
import type { FolioHost } from '../../shared/host';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser shell. */
    folio?: FolioApi;
    /** Electron-only host helpers (dropped-file paths, main-started imports). */
    folioHost?: Partial<FolioHost> & Pick<FolioHost, 'getPathForFile'>;
  }
}

export {};
