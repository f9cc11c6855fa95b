/**
 * `FolioApi` over the browser shell's HTTP endpoint (`POST /api/<method>` with a bearer token).
 * Errors come back as `Result`s and are rethrown as `FolioError`s with their code.
 */
import type { FolioApi, FolioMethod, RequestOf, ResponseOf } from '../../../shared/api';
import { FolioError, isErrorData, type Result } from '../../../shared/errors';
import { validators } from '../../../shared/validate';

type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

/** Builds the client. `fetchFn` and `openWindow` default to the browser's own. */
export function createHttpClient(
  baseUrl: string,
  token: string,
  deps: { fetchFn?: FetchFn; openWindow?: (url: string) => void } = {},
): FolioApi {
  const base = baseUrl.replace(/\/+$/, '');
  const fetchFn: FetchFn = deps.fetchFn ?? ((input, init) => fetch(input, init));
  const openWindow =
    deps.openWindow ?? ((url: string) => void window.open(url, '_blank', 'noopener,noreferrer'));

  async function call<M extends FolioMethod>(
    method: M,
    payload: RequestOf<M>,
  ): Promise<ResponseOf<M>> {
    let response: Response;
    try {
      response = await fetchFn(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: payload === undefined ? '' : JSON.stringify(payload),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch (err) {
      throw new FolioError(
        'INTERNAL',
        `Folio is not reachable: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new FolioError('INTERNAL', `Unexpected answer from Folio (HTTP ${response.status})`);
    }
    const result = body as Result<ResponseOf<M>>;
    if (result && typeof result === 'object' && 'ok' in result) {
      if (result.ok) return result.data;
      if (isErrorData(result.error)) throw new FolioError(result.error.code, result.error.message);
    }
    throw new FolioError('INTERNAL', `Unexpected answer from Folio (HTTP ${response.status})`);
  }

  return {
    libraryInfo: () => call('libraryInfo', undefined),
    importSample: () => call('importSample', undefined),
    importPaths: (req) => call('importPaths', req),
    importFiles: (req) => call('importFiles', req),
    jobStatus: (req) => call('jobStatus', req),
    listArticles: (req) => call('listArticles', req),
    listRows: () => call('listRows', undefined),
    getArticle: (req) => call('getArticle', req),
    getOriginal: (req) => call('getOriginal', req),
    setMeta: (req) => call('setMeta', req),
    revertMeta: (req) => call('revertMeta', req),
    trashArticles: (req) => call('trashArticles', req),
    restoreArticles: (req) => call('restoreArticles', req),
    emptyTrash: () => call('emptyTrash', undefined),
    deleteArticles: (req) => call('deleteArticles', req),
    listTags: () => call('listTags', undefined),
    addTags: (req) => call('addTags', req),
    removeTags: (req) => call('removeTags', req),
    renameTag: (req) => call('renameTag', req),
    mergeTags: (req) => call('mergeTags', req),
    deleteTag: (req) => call('deleteTag', req),
    setNote: (req) => call('setNote', req),
    search: (req) => call('search', req),
    cite: (req) => call('cite', req),
    exportArticles: (req) => call('exportArticles', req),
    showExport: (req) => call('showExport', req),
    getSettings: () => call('getSettings', undefined),
    setSettings: (req) => call('setSettings', req),
    // A browser tab is the "system browser" here; open it now, while the click's activation lasts.
    openExternal: async (req) => {
      const { url } = validators.openExternal(req);
      openWindow(url);
    },
    pickFiles: () => call('pickFiles', undefined),
  };
}
