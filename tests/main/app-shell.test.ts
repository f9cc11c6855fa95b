import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appLocations, chooseLibraryDir } from '../../electron/main/app-paths';
import { createImportQueue } from '../../electron/main/import-queue';
import { mainWindowOptions } from '../../electron/main/main-window';

describe('mainWindowOptions', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = mainWindowOptions('/app/dist/electron/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('appLocations', () => {
  it('finds the renderer and preload in the app and the samples beside app.asar when packaged', () => {
    const packaged = appLocations({
      appPath: '/opt/Folio/resources/app.asar',
      resourcesPath: '/opt/Folio/resources',
      isPackaged: true,
    });
    expect(packaged.rendererDir).toBe(
      path.join('/opt/Folio/resources/app.asar', 'dist', 'renderer'),
    );
    expect(packaged.preloadPath).toBe(
      path.join('/opt/Folio/resources/app.asar', 'dist', 'electron', 'preload.cjs'),
    );
    expect(packaged.sampleDir).toBe(path.join('/opt/Folio/resources', 'seeds'));
    const dev = appLocations({ appPath: '/src/folio', resourcesPath: '/x', isPackaged: false });
    expect(dev.sampleDir).toBe(path.join('/src/folio', 'seeds'));
  });
});

describe('chooseLibraryDir', () => {
  const base = { cwd: path.resolve('/home/u'), userData: path.resolve('/home/u/.config/Folio') };

  it('takes --library, then FOLIO_LIBRARY (against the launch folder), then userData', () => {
    const flag = path.resolve('/srv/lib');
    expect(chooseLibraryDir({ ...base, flag, env: { FOLIO_LIBRARY: 'env-lib' } })).toBe(flag);
    expect(chooseLibraryDir({ ...base, flag: null, env: { FOLIO_LIBRARY: 'env-lib' } })).toBe(
      path.join(base.cwd, 'env-lib'),
    );
    expect(chooseLibraryDir({ ...base, flag: null, env: { FOLIO_LIBRARY: ' ' } })).toBe(
      base.userData,
    );
    expect(chooseLibraryDir({ ...base, flag: null, env: {} })).toBe(base.userData);
  });
});

describe('createImportQueue', () => {
  it('holds paths until ready, then imports them once, and later ones at once', async () => {
    const batches: string[][] = [];
    const queue = createImportQueue(
      async (paths) => {
        batches.push(paths);
      },
      () => undefined,
    );
    queue.add(['/a.html']);
    queue.add(['/b.html', '/a.html']);
    queue.add([]);
    expect(batches).toEqual([]);
    queue.ready();
    queue.ready();
    queue.add(['/c.html']);
    expect(batches).toEqual([['/a.html', '/b.html'], ['/c.html']]);
  });

  it('holds paths again after pause() until the next ready()', () => {
    const batches: string[][] = [];
    const queue = createImportQueue(
      async (paths) => {
        batches.push(paths);
      },
      () => undefined,
    );
    queue.ready();
    queue.add(['/a.html']);
    queue.pause();
    queue.add(['/b.html']);
    queue.add(['/c.html']);
    expect(batches).toEqual([['/a.html']]);
    queue.ready();
    expect(batches).toEqual([['/a.html'], ['/b.html', '/c.html']]);
  });

  it('reports a failed batch and keeps going', async () => {
    const errors: unknown[] = [];
    const seen: string[][] = [];
    const queue = createImportQueue(
      async (paths) => {
        seen.push(paths);
        if (paths.includes('/bad')) throw new Error('locked');
      },
      (err) => errors.push(err),
    );
    queue.ready();
    queue.add(['/bad']);
    queue.add(['/good']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([['/bad'], ['/good']]);
    expect(errors).toHaveLength(1);
  });
});
