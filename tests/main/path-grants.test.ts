import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, type FolioApi, type FolioMethod } from '../../shared/api';
import type { Result } from '../../shared/errors';
import { HOST_CHANNELS } from '../../shared/host';
import { dispatch } from '../../electron/core/service/dispatch';
import { METHODS, type IpcMainLike } from '../../electron/main/ipc-handlers';
import {
  MAX_GRANTS,
  createPathGrants,
  grantPayload,
  guardPathImports,
  normalisePath,
  registerGrantHandler,
} from '../../electron/main/path-grants';

const P = path.posix;

/** A service recording every call; `pickFiles` answers what the dialog would have chosen. */
function fakeService(picked: string[] = []) {
  const calls: Array<[FolioMethod, unknown]> = [];
  const entries = METHODS.map((m) => [
    m,
    async (req: unknown) => {
      calls.push([m, req]);
      return m === 'pickFiles' ? { paths: picked } : { jobId: 'job-1' };
    },
  ]);
  return { api: Object.fromEntries(entries) as unknown as FolioApi, calls };
}

describe('createPathGrants', () => {
  it('accepts a granted file and anything inside a granted folder, and nothing else', () => {
    const grants = createPathGrants(P);
    grants.grant(['/home/u/Downloads/a.html', '/home/u/dumps']);
    expect(grants.check('/home/u/Downloads/a.html')).toBe('/home/u/Downloads/a.html');
    expect(grants.check('/home/u/dumps')).toBe('/home/u/dumps');
    expect(grants.check('/home/u/dumps/2024/bbc.html')).toBe('/home/u/dumps/2024/bbc.html');
    // Forged: a sibling, a parent, a name sharing the folder's prefix, a file beside the grant.
    expect(grants.check('/home/u/.ssh/id_rsa')).toBeNull();
    expect(grants.check('/home/u')).toBeNull();
    expect(grants.check('/home/u/dumps-private/x.html')).toBeNull();
    expect(grants.check('/home/u/Downloads/b.html')).toBeNull();
    expect(grants.check('/')).toBeNull();
  });

  it('checks the normalised path, so `..` cannot climb out of a granted folder', () => {
    const grants = createPathGrants(P);
    grants.grant(['/home/u/dumps/']);
    expect(grants.check('/home/u/dumps/../.ssh/id_rsa')).toBeNull();
    expect(grants.check('/home/u/dumps/./a/../b.html')).toBe('/home/u/dumps/b.html');
    expect(grants.check('//home//u/dumps/c.html')).toBe('/home/u/dumps/c.html');
  });

  it('a granted folder does not grant what its import skips: hidden names below it', () => {
    const grants = createPathGrants(P);
    grants.grant(['/home/u', '/home/u/.bashrc', '/home/u/.dumps']);
    expect(grants.check('/home/u/.ssh/id_rsa')).toBeNull();
    expect(grants.check('/home/u/dumps/.git/config')).toBeNull();
    expect(grants.check('/home/u/dumps/a.html')).toBe('/home/u/dumps/a.html');
    // Granted by name, or inside a hidden folder that was itself granted: allowed.
    expect(grants.check('/home/u/.bashrc')).toBe('/home/u/.bashrc');
    expect(grants.check('/home/u/.dumps/a.html')).toBe('/home/u/.dumps/a.html');
  });

  it('refuses relative paths, empty ones and NUL bytes, and never grants them', () => {
    const grants = createPathGrants(P);
    grants.grant(['dumps', '', '/home/u/a\0b']);
    expect(grants.size).toBe(0);
    grants.grant(['/home/u/dumps']);
    expect(grants.check('dumps/a.html')).toBeNull();
    expect(grants.check('')).toBeNull();
    expect(grants.check('/home/u/dumps/a\0.html')).toBeNull();
  });

  it('a granted root grants everything below it', () => {
    const grants = createPathGrants(P);
    grants.grant(['/']);
    expect(grants.check('/etc/hosts')).toBe('/etc/hosts');
  });

  it('works on Windows paths', () => {
    const W = path.win32;
    const grants = createPathGrants(W);
    grants.grant(['C:\\Users\\u\\dumps']);
    expect(grants.check('C:\\Users\\u\\dumps\\a.html')).toBe('C:\\Users\\u\\dumps\\a.html');
    expect(grants.check('C:/Users/u/dumps/b.html')).toBe('C:\\Users\\u\\dumps\\b.html');
    expect(grants.check('C:\\Users\\u\\dumps\\..\\secret.txt')).toBeNull();
    expect(grants.check('D:\\Users\\u\\dumps\\a.html')).toBeNull();
    expect(normalisePath('dumps\\a.html', W)).toBeNull();
  });

  it('forgets everything on clear, and stops growing at MAX_GRANTS', () => {
    const grants = createPathGrants(P);
    grants.grant(['/a']);
    grants.clear();
    expect(grants.check('/a')).toBeNull();
    grants.grant(Array.from({ length: MAX_GRANTS + 5 }, (_, i) => `/g/${i}`));
    expect(grants.size).toBe(MAX_GRANTS);
    expect(grants.check(`/g/${MAX_GRANTS}`)).toBeNull();
  });
});

describe('guardPathImports', () => {
  it('refuses a forged path with INVALID_INPUT and imports nothing of that request', async () => {
    const grants = createPathGrants(P);
    grants.grant(['/home/u/dumps']);
    const service = fakeService();
    const api = guardPathImports(service.api, grants);
    const result = await dispatch(api, 'importPaths', {
      paths: ['/home/u/dumps/a.html', '/home/u/Documents/tax.html'],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!result.ok && result.error.message).toContain('/home/u/Documents/tax.html');
    expect(service.calls).toEqual([]);
  });

  it('imports a granted file and a file inside a granted folder, normalised', async () => {
    const grants = createPathGrants(P);
    grants.grant(['/drop/a.html', '/drop/folder']);
    const service = fakeService();
    const api = guardPathImports(service.api, grants);
    const result = await dispatch(api, 'importPaths', {
      paths: ['/drop/a.html', '/drop/folder/sub/b.html', '/drop/folder/x/../c.html'],
    });
    expect(result).toEqual({ ok: true, data: { jobId: 'job-1' } });
    expect(service.calls).toEqual([
      [
        'importPaths',
        { paths: ['/drop/a.html', '/drop/folder/sub/b.html', '/drop/folder/c.html'] },
      ],
    ]);
  });

  it('grants what the dialog chose, so the page may then import it', async () => {
    const grants = createPathGrants(P);
    const service = fakeService(['/picked/a.html', '/picked/dir']);
    const api = guardPathImports(service.api, grants);
    expect(await dispatch(api, 'importPaths', { paths: ['/picked/a.html'] })).toMatchObject({
      ok: false,
    });
    expect(await dispatch(api, 'pickFiles', undefined)).toEqual({
      ok: true,
      data: { paths: ['/picked/a.html', '/picked/dir'] },
    });
    expect(
      await dispatch(api, 'importPaths', { paths: ['/picked/a.html', '/picked/dir/b.html'] }),
    ).toEqual({ ok: true, data: { jobId: 'job-1' } });
  });

  it('leaves every other method as it was', async () => {
    const service = fakeService();
    const api = guardPathImports(service.api, createPathGrants(P));
    expect(Object.keys(api).sort()).toEqual([...METHODS].sort());
    await api.importSample();
    await api.libraryInfo();
    expect(service.calls.map(([m]) => m)).toEqual(['importSample', 'libraryInfo']);
  });
});

describe('grantPayload', () => {
  it('takes a non-empty list of absolute paths and nothing else', () => {
    expect(grantPayload(['/a', '/b/c'], P)).toEqual(['/a', '/b/c']);
    for (const bad of [undefined, null, '/a', [], [42], ['/a', 'rel'], ['/a\0'], { 0: '/a' }]) {
      expect(grantPayload(bad, P), JSON.stringify(bad)).toBeNull();
    }
    expect(grantPayload(['/' + 'x'.repeat(5000)], P)).toBeNull();
    expect(
      grantPayload(
        Array.from({ length: 10_001 }, (_, i) => `/${i}`),
        P,
      ),
    ).toBeNull();
  });
});

describe('registerGrantHandler', () => {
  interface FakeEvent {
    trusted: boolean;
  }
  type Listener = (event: FakeEvent, ...args: unknown[]) => Promise<unknown>;

  function setup() {
    const handlers = new Map<string, Listener>();
    const ipc: IpcMainLike<FakeEvent> = {
      handle: (channel, listener) => void handlers.set(channel, listener),
      removeHandler: (channel) => void handlers.delete(channel),
    };
    const grants = createPathGrants(P);
    const refused: string[] = [];
    const off = registerGrantHandler(ipc, {
      isTrusted: (e) => e.trusted,
      grants,
      onRefused: (c) => refused.push(c),
      ops: P,
    });
    const send = (args: unknown[], trusted = true) => {
      const handler = handlers.get(HOST_CHANNELS.grantPaths);
      if (!handler) throw new Error('no grant handler');
      return handler({ trusted }, ...args) as Promise<Result<null>>;
    };
    return { handlers, grants, refused, off, send };
  }

  it('grants the paths the preload reports, on a channel outside the contract', async () => {
    const { grants, send, handlers, off } = setup();
    expect(Object.values(CHANNELS)).not.toContain(HOST_CHANNELS.grantPaths);
    expect(await send([['/drop/a.html']])).toEqual({ ok: true, data: null });
    expect(grants.check('/drop/a.html')).toBe('/drop/a.html');
    off();
    expect(handlers.size).toBe(0);
  });

  it('grants nothing to an untrusted sender or a malformed message', async () => {
    const { grants, send, refused } = setup();
    expect(await send([['/etc']], false)).toMatchObject({ ok: false });
    expect(refused).toEqual([HOST_CHANNELS.grantPaths]);
    for (const args of [[], ['/etc'], [['/etc', 'rel']], [['/etc'], ['/home']]]) {
      expect(await send(args), JSON.stringify(args)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(grants.size).toBe(0);
  });
});
