/**
 * The sandboxed preload: exposes `window.folio` (the contract) and `window.folioHost` (dropped
 * file paths, main-started imports) to the isolated renderer, and nothing else. Bundled to CJS
 * with only `electron` external, as sandboxed preloads cannot load other modules.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { type FolioHost, HOST_EVENTS, isJobRef } from '../../shared/host';
import { bridgeRejection, createPreloadApi } from './preload-api';

const api = createPreloadApi(
  (channel, request) => ipcRenderer.invoke(channel, request),
  bridgeRejection,
);

const host: FolioHost = {
  getPathForFile: (file) => webUtils.getPathForFile(file),
  onImportStarted(listener) {
    // The IPC event object never reaches the page: it exposes `sender` and thus ipcRenderer.
    const wrapped = (_event: unknown, job: unknown): void => {
      if (isJobRef(job)) listener({ jobId: job.jobId });
    };
    ipcRenderer.on(HOST_EVENTS.importStarted, wrapped);
    return () => {
      ipcRenderer.removeListener(HOST_EVENTS.importStarted, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('folio', api);
contextBridge.exposeInMainWorld('folioHost', host);
