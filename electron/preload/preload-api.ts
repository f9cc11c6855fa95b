/**
 * The `window.folio` object, built from a single `invoke` function so it is testable without
 * Electron. Every method sends its request on its contract channel and unwraps the `Result`.
 */
import {
  CHANNELS,
  type Channel,
  type FolioApi,
  type FolioMethod,
  type RequestOf,
  type ResponseOf,
} from '../../shared/api';
import { FolioError, isErrorData, type FolioErrorData } from '../../shared/errors';

/** Sends one request to the main process (Electron's `ipcRenderer.invoke`). */
export type Invoke = (channel: Channel, request?: unknown) => Promise<unknown>;

/**
 * What a failed call rejects with. Electron's contextBridge copies only the message of an Error
 * (electron/electron#25596), so the preload rejects with a plain `{ name, code, message }` object
 * that survives the bridge; `toErrorData` in the renderer reads either form.
 */
export type Rejection = (error: FolioErrorData) => unknown;

/** Rejects with a real `FolioError` (for callers in the same JavaScript world). */
export const errorRejection: Rejection = (e) => new FolioError(e.code, e.message);

/** Rejects with a plain object that keeps its code across the contextBridge. */
export const bridgeRejection: Rejection = (e) => ({
  name: 'FolioError',
  code: e.code,
  message: e.message,
});

/** The data of an IPC answer, or the error to reject with. */
export function unwrapAnswer(answer: unknown, reject: Rejection): unknown {
  if (typeof answer === 'object' && answer !== null) {
    const a = answer as { ok?: unknown; data?: unknown; error?: unknown };
    if (a.ok === true) return a.data;
    if (a.ok === false && isErrorData(a.error)) throw reject(a.error);
  }
  throw reject({ code: 'INTERNAL', message: 'The main process sent a malformed answer.' });
}

/** Builds the API object: one named method per contract method. */
export function createPreloadApi(invoke: Invoke, reject: Rejection = errorRejection): FolioApi {
  /** A method that sends its (optional) request on the method's channel. */
  const call = <M extends FolioMethod>(method: M): FolioApi[M] => {
    const fn = async (request?: RequestOf<M>): Promise<ResponseOf<M>> =>
      unwrapAnswer(await invoke(CHANNELS[method], request), reject) as ResponseOf<M>;
    // The main process validated and typed the answer; TypeScript cannot see across IPC.
    return fn as FolioApi[M];
  };

  // Spelled out rather than generated from CHANNELS: the exposed surface is then greppable and
  // `satisfies` checks every method name and signature against the contract.
  const api = {
    libraryInfo: call('libraryInfo'),
    importSample: call('importSample'),
    importPaths: call('importPaths'),
    importFiles: call('importFiles'),
    jobStatus: call('jobStatus'),
    listArticles: call('listArticles'),
    listRows: call('listRows'),
    getArticle: call('getArticle'),
    getOriginal: call('getOriginal'),
    setMeta: call('setMeta'),
    revertMeta: call('revertMeta'),
    trashArticles: call('trashArticles'),
    restoreArticles: call('restoreArticles'),
    emptyTrash: call('emptyTrash'),
    deleteArticles: call('deleteArticles'),
    listTags: call('listTags'),
    addTags: call('addTags'),
    removeTags: call('removeTags'),
    renameTag: call('renameTag'),
    mergeTags: call('mergeTags'),
    deleteTag: call('deleteTag'),
    setNote: call('setNote'),
    search: call('search'),
    cite: call('cite'),
    exportArticles: call('exportArticles'),
    showExport: call('showExport'),
    getSettings: call('getSettings'),
    setSettings: call('setSettings'),
    openExternal: call('openExternal'),
    pickFiles: call('pickFiles'),
  } satisfies FolioApi;
  return api;
}
