import { describe, expect, it } from 'vitest';
import { CHANNELS, type FolioApi, type FolioMethod } from '../../../shared/api';
import { FolioError } from '../../../shared/errors';
import { dispatch, methodForChannel } from '../../../electron/core/service/dispatch';
import { VALID } from '../../shared/valid-requests';

const METHODS = Object.keys(CHANNELS) as FolioMethod[];

/** An API whose every method records its call and answers with the method name. */
function recordingApi(calls: Array<[string, unknown]>): FolioApi {
  return Object.fromEntries(
    METHODS.map((m) => [
      m,
      async (req: unknown) => {
        calls.push([m, req]);
        return m === 'openExternal' ? undefined : m;
      },
    ]),
  ) as unknown as FolioApi;
}

describe('dispatch', () => {
  it('rejects a malformed payload for every method without calling it', async () => {
    const calls: Array<[string, unknown]> = [];
    const api = recordingApi(calls);
    for (const method of METHODS) {
      const result = await dispatch(api, method, { unexpected: '<script>' });
      expect(result.ok, method).toBe(false);
      if (!result.ok) expect(result.error.code, method).toBe('INVALID_INPUT');
    }
    expect(calls).toEqual([]);
  });

  it('calls every method with its validated request', async () => {
    const calls: Array<[string, unknown]> = [];
    const api = recordingApi(calls);
    for (const method of METHODS) {
      const result = await dispatch(api, method, VALID[method]);
      expect(result, method).toEqual({ ok: true, data: method === 'openExternal' ? null : method });
    }
    expect(calls.map(([m]) => m)).toEqual(METHODS);
  });

  it('rejects names outside the contract, prototype keys included', async () => {
    const api = recordingApi([]);
    for (const name of ['deleteEverything', 'toString', '__proto__', 'constructor', '']) {
      const result = await dispatch(api, name, undefined);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('UNSUPPORTED');
    }
  });

  it('turns throws into error results', async () => {
    const api = recordingApi([]);
    api.getArticle = async () => {
      throw new FolioError('NOT_FOUND', 'gone');
    };
    api.listTags = async () => {
      throw new Error('boom');
    };
    expect(await dispatch(api, 'getArticle', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'gone' },
    });
    expect(await dispatch(api, 'listTags', undefined)).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'boom' },
    });
  });

  it('maps channels back to methods', () => {
    expect(methodForChannel('tags:rename')).toBe('renameTag');
    expect(methodForChannel('tags:nuke')).toBeNull();
  });
});
