/**
 * Chooses the FolioApi implementation: the Electron preload's `window.folio` when present,
 * else the browser shell's HTTP client on this origin with the session token.
 */
import type { FolioApi } from '../../../shared/api';
import { createHttpClient } from './http-client';
// Brings the window.folio / window.folioHost declarations into programs that include only this file.
import type {} from '../global';

const TOKEN_KEY = 'folio.token';

/** Reads the shell token from `?token=` (remembering it for reloads) or sessionStorage. */
export function findToken(search: string, storage: Pick<Storage, 'getItem' | 'setItem'>): string {
  const fromUrl = new URLSearchParams(search).get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY) ?? '';
}

/** The API for this window. */
export function getApi(): FolioApi {
  if (window.folio) return window.folio;
  return createHttpClient(location.origin, findToken(location.search, sessionStorage));
}
