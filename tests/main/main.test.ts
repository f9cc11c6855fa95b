/**
 * Runs the real composition root (`electron/main/main.ts`) against a fake `electron` module:
 * the library opens in a temporary folder, the handlers answer over the fake ipcMain, and the
 * window, protocol, permissions and menu are wired as the security notes require.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type JobStatus, type LibraryInfo } from '../../shared/api';
import type { Result } from '../../shared/errors';
import { HOST_CHANNELS, HOST_EVENTS } from '../../shared/host';

const fake = vi.hoisted(() => {
  const state = {
    userData: '',
    handlers: new Map<string, (...args: unknown[]) => unknown>(),
    appListeners: new Map<string, Array<(...args: unknown[]) => unknown>>(),
    windows: [] as Array<{
      options: unknown;
      loaded: string[];
      webContents: { id: number };
      listeners: Map<string, () => void>;
    }>,
    quit: 0,
    lockData: undefined as unknown,
    menu: null as unknown,
    privileged: [] as unknown[],
    schemes: [] as string[],
    permissionHandlers: 0,
    markReady: () => undefined as void,
    fatal: '',
    contentsOnce: new Map<string, () => void>(),
    dialogPaths: [] as string[],
    sent: [] as Array<[string, unknown]>,
    opened: [] as string[],
  };
  const ready = new Promise<void>((resolve) => {
    state.markReady = resolve;
  });
  let nextId = 1;
  class BrowserWindow {
    options: unknown;
    loaded: string[] = [];
    listeners = new Map<string, () => void>();
    webContents = {
      id: nextId++,
      once: (event: string, listener: () => void) => {
        state.contentsOnce.set(event, listener);
      },
      on: () => undefined,
      send: (channel: string, payload: unknown) => {
        state.sent.push([channel, payload]);
      },
      setWindowOpenHandler: () => undefined,
    };
    constructor(options: unknown) {
      this.options = options;
      state.windows.push(this);
    }
    once(event: string, listener: () => void) {
      this.listeners.set(event, listener);
    }
    on(event: string, listener: () => void) {
      this.listeners.set(event, listener);
    }
    async loadURL(url: string) {
      this.loaded.push(url);
    }
    // Minimised from the taskbar, a window reports itself not maximised (Windows).
    minimized = false;
    isMinimized() {
      return this.minimized;
    }
    restore() {}
    focus() {}
    // Where the user left the window: the test's stand-in for a window moved and resized.
    getNormalBounds() {
      return { x: 140, y: 90, width: 1100, height: 700 };
    }
    isMaximized() {
      return !this.minimized;
    }
    shown = '';
    maximize() {
      this.shown += 'maximized ';
    }
    show() {
      this.shown += 'shown';
    }
  }
  const electron = {
    app: {
      name: 'Folio',
      isPackaged: false,
      requestSingleInstanceLock: (data: unknown) => {
        state.lockData = data;
        return true;
      },
      enableSandbox: () => undefined,
      whenReady: () => ready,
      getPath: () => state.userData,
      getAppPath: () => process.cwd(),
      on: (event: string, listener: (...args: unknown[]) => unknown) => {
        const list = state.appListeners.get(event) ?? [];
        list.push(listener);
        state.appListeners.set(event, list);
      },
      quit: () => {
        state.quit++;
      },
      exit: () => undefined,
    },
    BrowserWindow,
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => {
        state.menu = menu;
      },
    },
    dialog: {
      showOpenDialog: async () => ({
        canceled: state.dialogPaths.length === 0,
        filePaths: state.dialogPaths,
      }),
      showErrorBox: (title: string, message: string) => {
        state.fatal = `${title}: ${message}`;
      },
    },
    ipcMain: {
      handle: (channel: string, listener: (...args: unknown[]) => unknown) => {
        state.handlers.set(channel, listener);
      },
      removeHandler: (channel: string) => state.handlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privileged.push(...schemes),
      handle: (scheme: string) => state.schemes.push(scheme),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => state.permissionHandlers++,
        setPermissionCheckHandler: () => state.permissionHandlers++,
      },
    },
    shell: {
      openExternal: async () => undefined,
      openPath: async (p: string) => {
        state.opened.push(p);
        return '';
      },
    },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1050 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1050 } }),
    },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { state } = fake;
const savedArgv = process.argv;
const savedLibrary = process.env.FOLIO_LIBRARY;

/** Waits until `check` holds (a generous bound, not a timing assertion); fails on a fatal start. */
async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 6_000; i++) {
    if (state.fatal) throw new Error(`startup failed: ${state.fatal}`);
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never happened: ${what}`);
}

function trustedEvent(index = 0) {
  const win = state.windows[index];
  if (!win) throw new Error('no window');
  return {
    sender: { id: win.webContents.id },
    senderFrame: { url: 'app://folio/index.html', parent: null },
  };
}

async function call<T>(channel: string, payload: unknown, event: unknown = trustedEvent()) {
  const handler = state.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return (await handler(event, payload)) as Result<T>;
}

/** The status of job `jobId` once it has finished, polled through the IPC handler. */
async function finishedJob(jobId: string): Promise<JobStatus | null> {
  let final: JobStatus | null = null;
  await until(async () => {
    const r = await call<JobStatus>(CHANNELS.jobStatus, { jobId });
    if (r.ok) final = r.data;
    return r.ok && r.data.finished;
  }, `job ${jobId} finished`);
  return final;
}

beforeAll(async () => {
  state.userData = await mkdtemp(path.join(os.tmpdir(), 'folio-main-'));
  // No file arguments: vitest's own argv must not be mistaken for files to import.
  process.argv = ['/usr/bin/electron'];
  // Nor may a developer's own library be opened: the test's library is userData.
  delete process.env.FOLIO_LIBRARY;
  await import('../../electron/main/main');
  state.markReady();
  await until(() => state.windows.length > 0, 'main window created');
});

afterAll(async () => {
  process.argv = savedArgv;
  if (savedLibrary !== undefined) process.env.FOLIO_LIBRARY = savedLibrary;
  const quits = state.quit;
  for (const listener of state.appListeners.get('before-quit') ?? []) {
    listener({ preventDefault: () => undefined });
  }
  await until(() => state.quit > quits, 'quit after closing the library');
  await rm(state.userData, { recursive: true, force: true });
});

describe('electron main (composition root)', () => {
  it('registers the privileged app scheme, the CSP protocol and deny-all permissions', () => {
    expect(state.privileged).toEqual([expect.objectContaining({ scheme: 'app' })]);
    expect(state.schemes).toEqual(['app']);
    expect(state.permissionHandlers).toBe(2);
    for (const event of ['second-instance', 'open-file', 'web-contents-created', 'before-quit']) {
      expect(state.appListeners.get(event), event).toHaveLength(1);
    }
  });

  it('shows the library folder from the File menu', () => {
    type Item = { label?: string; click?: () => void; submenu?: Item[] };
    const items = (state.menu as Item[]).flatMap((m) => m.submenu ?? []);
    items.find((i) => i.label === 'Show Library Folder')?.click?.();
    // No --library and no FOLIO_LIBRARY: the library is the user-data folder.
    expect(state.opened).toEqual([state.userData]);
  });

  it('opens one sandboxed window on the app origin', () => {
    expect(state.windows).toHaveLength(1);
    const win = state.windows[0] as { options: { webPreferences: object }; loaded: string[] };
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(win.loaded).toEqual(['app://folio/index.html']);
    expect(state.menu).toBeTruthy();
  });

  it('answers every channel, opening the library in userData', async () => {
    expect([...state.handlers.keys()].sort()).toEqual(
      [...Object.values(CHANNELS), HOST_CHANNELS.grantPaths].sort(),
    );
    const info = await call<LibraryInfo>(CHANNELS.libraryInfo, undefined);
    expect(info.ok).toBe(true);
    if (info.ok) {
      expect(info.data.path).toBe(state.userData);
      expect(info.data.isEmpty).toBe(true);
    }
  });

  it('refuses untrusted senders and malformed payloads', async () => {
    const foreign = {
      sender: { id: 999 },
      senderFrame: { url: 'app://folio/index.html', parent: null },
    };
    const refused = await call(CHANNELS.libraryInfo, undefined, foreign);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const bad = await call(CHANNELS.getArticle, { id: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('imports the bundled sample through IPC', async () => {
    const started = await call<{ jobId: string }>(CHANNELS.importSample, undefined);
    if (!started.ok) throw new Error(started.error.message);
    const final = await finishedJob(started.data.jobId);
    expect(final?.results.length).toBeGreaterThan(0);
    expect(final?.results.map((r) => r.status)).toEqual(final?.results.map(() => 'imported'));
    const info = await call<LibraryInfo>(CHANNELS.libraryInfo, undefined);
    expect(info.ok && info.data.articleCount).toBe(final?.results.length);
  });

  it('imports files a second launch forwards, once the page has loaded, and tells the page', async () => {
    const secondInstance = state.appListeners.get('second-instance')?.[0];
    if (!secondInstance) throw new Error('no second-instance listener');
    secondInstance({}, ['/opt/Folio/folio', '--flag', 'seeds'], process.cwd());
    expect(state.sent).toEqual([]);
    state.contentsOnce.get('did-finish-load')?.();
    await until(() => state.sent.length > 0, 'import started');
    const [channel, job] = state.sent[0] ?? [];
    expect(channel).toBe(HOST_EVENTS.importStarted);
    const done = await finishedJob((job as { jobId: string }).jobId);
    // The same files as the sample: recognised as duplicates, not imported twice.
    expect(done?.results.length).toBeGreaterThan(0);
    expect(done?.results.every((r) => r.status === 'duplicate')).toBe(true);
  });

  it('sends its own launch files to a running Folio as additionalData', () => {
    // A running Folio reads these rather than our argv, which Chromium reorders.
    expect(state.lockData).toEqual({ files: [] });
  });

  it('imports the files a second launch sends as additionalData, not its reordered argv', async () => {
    const secondInstance = state.appListeners.get('second-instance')?.[0];
    if (!secondInstance) throw new Error('no second-instance listener');
    const sent = state.sent.length;
    // The argv names a folder that does not exist: only additionalData may be read.
    const argv = ['/opt/Folio/folio', '--original-process-start-time=1', 'no-such-folder'];
    secondInstance({}, argv, '/', { files: [path.resolve('seeds')] });
    await until(() => state.sent.length > sent, 'import started');
    const done = await finishedJob((state.sent[sent]?.[1] as { jobId: string }).jobId);
    expect(done?.results.length).toBeGreaterThan(0);
    expect(done?.results.every((r) => r.status === 'duplicate')).toBe(true);
  });

  it('imports by path only what was dropped, chosen in its dialog or opened with Folio', async () => {
    const refusedPaths = [path.join(os.homedir(), '.ssh', 'id_rsa'), '/dropped/dir'];
    for (const forged of refusedPaths) {
      const r = await call(CHANNELS.importPaths, { paths: [forged] });
      expect(r, forged).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    // A second launch forwarded seeds/ (above): a file inside it is granted.
    const seeds = path.resolve('seeds');
    const launched = await call(CHANNELS.importPaths, { paths: [path.join(seeds, 'x.html')] });
    expect(launched).toMatchObject({ ok: true });
    // The preload grants a dropped folder; a foreign sender's grant counts for nothing.
    const foreign = { sender: { id: 999 }, senderFrame: { url: 'app://folio/', parent: null } };
    await call(HOST_CHANNELS.grantPaths, ['/forged'], foreign);
    expect(await call(CHANNELS.importPaths, { paths: ['/forged/a.html'] })).toMatchObject({
      ok: false,
    });
    expect(await call(HOST_CHANNELS.grantPaths, ['/dropped/dir'])).toEqual({
      ok: true,
      data: null,
    });
    const dropped = await call(CHANNELS.importPaths, { paths: ['/dropped/dir/a.html'] });
    expect(dropped).toMatchObject({ ok: true });
    // The page's picker is main's dialog: what it answers is granted.
    state.dialogPaths = ['/picked/a.html'];
    expect(await call(CHANNELS.pickFiles, undefined)).toEqual({
      ok: true,
      data: { paths: ['/picked/a.html'] },
    });
    state.dialogPaths = [];
    expect(await call(CHANNELS.importPaths, { paths: ['/picked/a.html'] })).toMatchObject({
      ok: true,
    });
  });

  // Last: it replaces the main window.
  it('remembers where the main window was as it closes', async () => {
    const first = state.windows[0] as { options: object; listeners: Map<string, () => void> };
    // The first launch has nothing saved: the default size, centred by the system.
    expect(first.options).toMatchObject({ width: 1280, height: 840 });
    expect(first.options).not.toHaveProperty('x');
    const saved = async (): Promise<unknown> =>
      JSON.parse(await readFile(path.join(state.userData, 'window-state.json'), 'utf8'));
    first.listeners.get('close')?.();
    expect(await saved()).toEqual({
      bounds: { x: 140, y: 90, width: 1100, height: 700 },
      maximized: true,
    });
    // Closed while minimised: maximised if it was before, as its events said.
    const win = first as unknown as { minimized: boolean };
    win.minimized = true;
    first.listeners.get('close')?.();
    expect(await saved()).toMatchObject({ maximized: false });
    first.listeners.get('maximize')?.();
    first.listeners.get('session-end')?.();
    expect(await saved()).toMatchObject({ maximized: true });
    win.minimized = false;
  });

  it('quits when the main window closes (bar macOS), and holds imports for the next window', async () => {
    const first = state.windows[0];
    if (!first) throw new Error('no window');
    const quits = state.quit;
    first.listeners.get('closed')?.();
    // A hidden print window may outlive it, so 'window-all-closed' cannot be relied on.
    expect(state.quit).toBe(process.platform === 'darwin' ? quits : quits + 1);
    // A launch while no window is open brings one back; its files wait until the page loads.
    const secondInstance = state.appListeners.get('second-instance')?.[0];
    if (!secondInstance) throw new Error('no second-instance listener');
    const sent = state.sent.length;
    secondInstance({}, ['/opt/Folio/folio'], '/', { files: [path.resolve('seeds')] });
    expect(state.windows).toHaveLength(2);
    expect(state.windows[1]?.loaded).toEqual(['app://folio/index.html']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(state.sent).toHaveLength(sent);
    state.contentsOnce.get('did-finish-load')?.();
    await until(() => state.sent.length > sent, 'import started in the new window');
  });

  it('opens the next window where the last one closed', () => {
    const next = state.windows[1] as unknown as {
      options: object;
      listeners: Map<string, () => void>;
      shown: string;
    };
    expect(next.options).toMatchObject({ x: 140, y: 90, width: 1100, height: 700 });
    // Maximised again once its page is ready to show, never as a blank frame before.
    expect(next.shown).toBe('');
    next.listeners.get('ready-to-show')?.();
    expect(next.shown).toBe('maximized shown');
  });

  it('brings a window back for an import chosen from the menu while none is open (macOS)', async () => {
    state.windows[1]?.listeners.get('closed')?.();
    type Item = { label?: string; click?: () => void; submenu?: Item[] };
    const items = (state.menu as Item[]).flatMap((m) => m.submenu ?? []);
    const importFiles = items.find((i) => i.label === 'Import Files…');
    state.dialogPaths = [path.resolve('seeds')];
    const sent = state.sent.length;
    importFiles?.click?.();
    await until(() => state.windows.length === 3, 'a window for the import');
    expect(state.sent).toHaveLength(sent);
    state.contentsOnce.get('did-finish-load')?.();
    await until(() => state.sent.length > sent, 'import started in the new window');
    state.dialogPaths = [];
  });

  it("grants what the menu dialog chose, and forgets earlier windows' grants", async () => {
    const event = trustedEvent(2);
    const chosen = path.join(path.resolve('seeds'), 'x.html');
    expect(await call(CHANNELS.importPaths, { paths: [chosen] }, event)).toMatchObject({
      ok: true,
    });
    // Granted to the first window, which has closed since.
    const earlier = await call(CHANNELS.importPaths, { paths: ['/dropped/dir/a.html'] }, event);
    expect(earlier).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
