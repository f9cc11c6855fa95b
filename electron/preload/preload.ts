/**
 * The sandboxed preload: exposes `window.folio` (the contract) and `window.folioHost` (dropped
 * file paths, main-started imports) to the isolated renderer, and nothing else. Bundled to CJS
 * with only `electron` external, as sandboxed preloads cannot load other modules.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { type FolioHost, HOST_CHANNELS, HOST_EVENTS } from '../../shared/host';
import { createImportStartedHub } from './host-events';
import { createPreloadPathGrants, invokeAfterGrants } from './path-grants';
import { bridgeRejection, createPreloadApi } from './preload-api';

// Paths of really dropped files, granted to main before any import by path (path-grants.ts).
const grants = createPreloadPathGrants((paths) =>
  ipcRenderer.invoke(HOST_CHANNELS.grantPaths, paths),
);

const api = createPreloadApi(
  invokeAfterGrants((channel, request) => ipcRenderer.invoke(channel, request), grants),
  bridgeRejection,
);

// Listening before the page runs: an import announced before it subscribes is held for it.
// The IPC event object never reaches the page: it exposes `sender` and thus ipcRenderer.
const importStarted = createImportStartedHub((err) => console.error('[folio]', err));
ipcRenderer.on(HOST_EVENTS.importStarted, (_event, job: unknown) => importStarted.receive(job));

const host: FolioHost = {
  getPathForFile: (file) => grants.record(webUtils.getPathForFile(file)),
  onImportStarted: (listener) => importStarted.subscribe(listener),
};

contextBridge.exposeInMainWorld('folio', api);
contextBridge.exposeInMainWorld('folioHost', host);
