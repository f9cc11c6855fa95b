import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, type FolioApi, type FolioMethod } from '../../shared/api';
import type { Result } from '../../shared/errors';
import { dispatch } from '../../electron/core/service/dispatch';
import { METHODS, registerIpcHandlers, type IpcMainLike } from '../../electron/main/ipc-handlers';

interface FakeEvent {
  trusted: boolean;
}

type Listener = (event: FakeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain(): IpcMainLike<FakeEvent> & { handlers: Map<string, Listener> } {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
}

/** A service whose every method records the call and answers "done". */
function fakeService(): { api: FolioApi; calls: Array<[FolioMethod, unknown]> } {
  const calls: Array<[FolioMethod, unknown]> = [];
  const entries = METHODS.map((m) => [
    m,
    async (req: unknown) => {
      calls.push([m, req]);
      return { from: m };
    },
  ]);
  return { api: Object.fromEntries(entries) as unknown as FolioApi, calls };
}

function setup() {
  const ipc = fakeIpcMain();
  const service = fakeService();
  const refused: string[] = [];
  const unregister = registerIpcHandlers(ipc, {
    isTrusted: (e) => e.trusted,
    dispatch: (method, payload) => dispatch(service.api, method, payload),
    onRefused: (channel) => refused.push(channel),
  });
  const invoke = (method: FolioMethod, args: unknown[], trusted = true) => {
    const handler = ipc.handlers.get(CHANNELS[method]);
    if (!handler) throw new Error(`no handler for ${method}`);
    return handler({ trusted }, ...args) as Promise<Result<unknown>>;
  };
  return { ipc, service, refused, unregister, invoke };
}

/** A payload of the right outer shape but a wrong field, for methods that take a request. */
const WRONG_FIELD: Partial<Record<FolioMethod, unknown>> = {
  importPaths: { paths: 'not-an-array' },
  importFiles: { files: [{ name: 'a.html', dataBase64: '***' }] },
  jobStatus: { jobId: 42 },
  listArticles: { view: 'everything' },
  getArticle: { id: '../../etc/passwd' },
  getOriginal: { id: '' },
  setMeta: { id: 'a', field: 'body', value: 'x' },
  revertMeta: { id: 'a', fields: ['nope'] },
  trashArticles: { ids: 'a' },
  restoreArticles: { ids: [1, 2] },
  deleteArticles: { ids: [] },
  addTags: { ids: ['a'], tags: 'x' },
  removeTags: { ids: ['a'] },
  renameTag: { from: 'a' },
  mergeTags: { from: 'a', to: 'b' },
  deleteTag: { tag: 5 },
  setNote: { id: 'a', markdown: 7 },
  search: { query: 'x', limit: -1 },
  cite: { ids: ['a'], style: 'harvard-made-up', format: 'text' },
  exportArticles: { ids: ['a'], format: 'docx' },
  showExport: { jobId: '' },
  setSettings: { theme: 'neon' },
  openExternal: { url: 'javascript:alert(1)' },
};

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per contract channel, and removes them', () => {
    const { ipc, unregister } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it.each(METHODS)(
    '%s answers INVALID_INPUT to malformed payloads without calling the service',
    async (method) => {
      const { invoke, service } = setup();
      const payloads: unknown[][] = [
        [42],
        ['text'],
        [[1, 2]],
        [{ unexpectedField: true }],
        [{}, {}],
      ];
      if (WRONG_FIELD[method] !== undefined) payloads.push([WRONG_FIELD[method]]);
      for (const args of payloads) {
        const result = await invoke(method, args);
        expect(result.ok, `${method} ${JSON.stringify(args)}`).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
      }
      expect(service.calls).toEqual([]);
    },
  );

  it('covers every method that takes a request with a wrong-field payload', () => {
    const noRequest = [
      'libraryInfo',
      'importSample',
      'emptyTrash',
      'listRows',
      'listTags',
      'getSettings',
      'pickFiles',
    ];
    const withRequest = METHODS.filter((m) => !noRequest.includes(m));
    expect(Object.keys(WRONG_FIELD).sort()).toEqual([...withRequest].sort());
  });

  it('drops every channel for an untrusted sender', async () => {
    const { invoke, service, refused } = setup();
    for (const method of METHODS) {
      const result = await invoke(method, [undefined], false);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
    }
    expect(service.calls).toEqual([]);
    expect(refused).toHaveLength(METHODS.length);
  });

  it('passes a valid request through to the service and wraps the answer', async () => {
    const { invoke, service } = setup();
    await expect(invoke('libraryInfo', [undefined])).resolves.toEqual({
      ok: true,
      data: { from: 'libraryInfo' },
    });
    await expect(invoke('getArticle', [{ id: 'abc' }])).resolves.toEqual({
      ok: true,
      data: { from: 'getArticle' },
    });
    expect(service.calls).toEqual([
      ['libraryInfo', undefined],
      ['getArticle', { id: 'abc' }],
    ]);
  });

  it('turns a throwing dispatcher into an INTERNAL result instead of a rejected invoke', async () => {
    const ipc = fakeIpcMain();
    registerIpcHandlers(ipc, {
      isTrusted: () => true,
      dispatch: vi.fn(async () => {
        throw new Error('boom');
      }),
    });
    const handler = ipc.handlers.get(CHANNELS.listTags);
    await expect(handler?.({ trusted: true }, undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'boom' },
    });
  });
});
