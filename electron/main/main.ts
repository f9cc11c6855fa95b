/**
 * The composition root of the desktop app: single-instance lock, then (once Electron is ready)
 * the core, the app service, IPC handlers, the menu and the window, in that order. Everything
 * with logic lives in small modules beside this one; this file only wires Electron to them.
 */
import {
  BrowserWindow,
  type IpcMainInvokeEvent,
  Menu,
  type OpenDialogOptions,
  type OpenDialogReturnValue,
  app,
  dialog,
  ipcMain,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FolioApi } from '../../shared/api';
import { createCore } from '../core/create-core';
import type { FolioCore } from '../core/ports';
import { electronPdfOptions } from '../core/export/print-template';
import { createFolioService } from '../core/service/create-folio-service';
import { dispatch } from '../core/service/dispatch';
import { warmUpAfterList } from '../core/service/warm-up';
import { HOST_EVENTS, type HostEventPayloads } from '../../shared/host';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
} from './app-protocol';
import { appLocations, chooseLibraryDir } from './app-paths';
import { createDesktopPlatform } from './desktop-platform';
import { pickImportPaths } from './dialogs';
import { PRINT_WINDOW_OPTIONS, createElectronPrinter } from './electron-printer';
import { type ForwardedFiles, fileArgs, forwardedFiles, libraryArg } from './file-args';
import { createImportQueue } from './import-queue';
import { registerIpcHandlers } from './ipc-handlers';
import { mainWindowOptions } from './main-window';
import { buildMenuTemplate } from './menu';
import { createPathGrants, guardPathImports, registerGrantHandler } from './path-grants';
import { isTrustedSender } from './sender-check';
import { denyAllPermissions, guardWebContents } from './web-guards';
import { type WindowState, loadWindowState, placeWindow, saveWindowState } from './window-state';

/** The longest one article may take to load its images before it prints without them. */
const PRINT_LOAD_LIMIT_MS = 30_000;

const log = (err: unknown): void => console.error('[folio]', err);
const openExternal = (url: string): Promise<void> => shell.openExternal(url);

let mainWindow: BrowserWindow | null = null;
let core: FolioCore | null = null;
let service: FolioApi | null = null;
let stopWarmUp: (() => void) | null = null;
// Where the main window was when it last closed; its file lives in Electron's user-data folder.
let windowState: WindowState | null = null;
let windowStateFile: string | null = null;

// What the window may import by path: what the user dropped, chose or opened Folio with.
const grants = createPathGrants();

const imports = createImportQueue(async (paths) => {
  if (!service) return;
  const job: HostEventPayloads['importStarted'] = await service.importPaths({ paths });
  mainWindow?.webContents.send(HOST_EVENTS.importStarted, job);
}, log);

/** Imports paths the user gave main itself (dialog, command line, "Open with"), granting them. */
function importGiven(paths: readonly string[]): void {
  grants.grant(paths);
  imports.add(paths);
}

/** Open dialogs attach to the main window when there is one (a sheet on macOS, modal elsewhere). */
const showOpenDialog = (options: OpenDialogOptions): Promise<OpenDialogReturnValue> =>
  mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options);

/** Imports chosen in a dialog go through the same queue as files opened from outside. */
async function importFromDialog(kind: 'files' | 'folder'): Promise<void> {
  const paths = await pickImportPaths(showOpenDialog, kind, process.platform);
  importGiven(paths);
  // The macOS menu works with no window open: bring one back to show the import.
  if (paths.length > 0) ensureMainWindow();
}

/** Reopens the main window (macOS keeps the app alive after its last window closes). */
function ensureMainWindow(): void {
  if (mainWindow || !service) return;
  const { preloadPath } = appLocations({
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    isPackaged: app.isPackaged,
  });
  mainWindow = openMainWindow(preloadPath);
}

/** Brings the main window forward, opening a new one if it was closed (macOS keeps running). */
function focusMainWindow(): void {
  ensureMainWindow();
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/**
 * Saves the window's place as it closes, for the next window and the next launch. A minimised
 * window reports itself not maximised (Windows), so whether it was comes from its events.
 */
function rememberWindowState(win: BrowserWindow, wasMaximized: boolean): void {
  const maximized = win.isMinimized() ? wasMaximized : win.isMaximized();
  windowState = { bounds: win.getNormalBounds(), maximized };
  if (!windowStateFile) return;
  try {
    saveWindowState(windowStateFile, windowState);
  } catch (err) {
    log(err);
  }
}

function openMainWindow(preloadPath: string): BrowserWindow {
  const placement = placeWindow(windowState, {
    workAreas: screen.getAllDisplays().map((d) => d.workArea),
    primary: screen.getPrimaryDisplay().workArea,
  });
  const win = new BrowserWindow(mainWindowOptions(preloadPath, placement));
  win.once('ready-to-show', () => {
    // maximize() shows the window too: only once its page is ready, never as a blank frame.
    if (placement.maximized) win.maximize();
    win.show();
  });
  let maximized = placement.maximized;
  win.on('maximize', () => (maximized = true));
  win.on('unmaximize', () => (maximized = false));
  win.on('close', () => rememberWindowState(win, maximized));
  // Logging off or shutting down Windows ends the app without a 'close'.
  win.on('session-end', () => rememberWindowState(win, maximized));
  win.on('closed', () => {
    if (mainWindow !== win) return;
    mainWindow = null;
    // Grants last as long as the window they were made for.
    grants.clear();
    // Files opened from now on wait for the next window's page, which reports their progress.
    imports.pause();
    // The main window is the app, but not the last window: after a PDF export the hidden print
    // window lives on, so 'window-all-closed' would never come and Folio would keep running,
    // invisible, holding the single-instance lock.
    if (process.platform !== 'darwin') app.quit();
  });
  win.webContents.once('did-finish-load', () => imports.ready());
  win.loadURL(APP_ENTRY_URL).catch(log);
  return win;
}

async function start(): Promise<void> {
  windowStateFile = path.join(app.getPath('userData'), 'window-state.json');
  windowState = loadWindowState(windowStateFile);
  const where = appLocations({
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    isPackaged: app.isPackaged,
  });
  denyAllPermissions(session.defaultSession, APP_ORIGIN);
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: where.rendererDir, readFile }));

  const libraryDir = chooseLibraryDir({
    flag: libraryArg(process.argv, process.cwd()),
    env: process.env,
    cwd: process.cwd(),
    userData: app.getPath('userData'),
  });
  core = await createCore({
    dir: libraryDir,
    buildIndexInBackground: true,
    createPrinter: async () =>
      createElectronPrinter({
        createWindow: () => new BrowserWindow(PRINT_WINDOW_OPTIONS),
        fs: {
          makeTempDir: () => mkdtemp(path.join(os.tmpdir(), 'folio-print-')),
          writeFile: (file, text) => writeFile(file, text, 'utf8'),
          removeDir: (dir) => rm(dir, { recursive: true, force: true }),
          join: path.join,
        },
        // The running header shows the document's <title>, which the print template sets.
        pdfOptions: () => electronPdfOptions(),
        // unref: a pending deadline must not keep a quitting app alive.
        loadDeadline: () =>
          new Promise((resolve) => setTimeout(resolve, PRINT_LOAD_LIMIT_MS).unref()),
      }),
  });
  const platform = createDesktopPlatform({
    showOpenDialog,
    openExternal,
    showItemInFolder: (file) => shell.showItemInFolder(file),
    exists: (file) =>
      access(file).then(
        () => true,
        () => false,
      ),
    platform: process.platform,
  });
  // The first search and article read warm up once the window has its list (warm-up.ts).
  const warm = warmUpAfterList(
    core,
    createFolioService({ core, platform, sampleDir: where.sampleDir }),
  );
  stopWarmUp = warm.stop;
  service = warm.api;
  // The window imports by path only what was granted; main's own imports use `service`.
  const api = guardPathImports(warm.api, grants);
  const isTrusted = (event: IpcMainInvokeEvent): boolean =>
    isTrustedSender(event, {
      mainContentsId: () => mainWindow?.webContents.id ?? null,
      allowedOrigins: [APP_ORIGIN],
    });
  const onRefused = (channel: string): void =>
    log(`refused IPC on ${channel} from an untrusted frame`);
  registerIpcHandlers(ipcMain, {
    isTrusted,
    dispatch: (method, payload) => dispatch(api, method, payload),
    onRefused,
  });
  registerGrantHandler(ipcMain, { isTrusted, grants, onRefused });

  const template = buildMenuTemplate({
    platform: process.platform,
    appName: app.name,
    actions: {
      importFiles: () => void importFromDialog('files').catch(log),
      importFolder: () => void importFromDialog('folder').catch(log),
      // openPath answers with an error message, or '' when the folder opened.
      showLibrary: () =>
        void shell.openPath(libraryDir).then((err) => err && log(`${libraryDir}: ${err}`)),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  mainWindow = openMainWindow(where.preloadPath);
}

/** Closes the library cleanly before quitting, so pending writes reach the disk. */
function closeCoreBeforeQuit(): void {
  let closing = false;
  app.on('before-quit', (event) => {
    if (!core || closing) return;
    event.preventDefault();
    closing = true;
    const open = core;
    core = null;
    service = null;
    stopWarmUp?.();
    open
      .close()
      .catch(log)
      .finally(() => app.quit());
  });
}

// Must happen before 'ready': the scheme's privileges, and the process-wide sandbox.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

const launchFiles = fileArgs(process.argv, {
  defaultApp: process.defaultApp === true,
  cwd: process.cwd(),
});
// Our files travel to a running Folio as additionalData: the argv it would see instead is
// reordered by Chromium, with switches of its own added.
const forwarded: ForwardedFiles = { files: launchFiles };

if (!app.requestSingleInstanceLock(forwarded)) {
  // Another Folio is running: it received our files through 'second-instance'.
  app.quit();
} else {
  importGiven(launchFiles);
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    importGiven(
      forwardedFiles(additionalData) ??
        fileArgs(argv, { defaultApp: process.defaultApp === true, cwd: workingDirectory }),
    );
    focusMainWindow();
  });
  // macOS "Open with" and dropping on the Dock icon; may fire before 'ready'.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    importGiven([filePath]);
    // macOS keeps running without windows; bring one back so the import is visible.
    ensureMainWindow();
  });
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, { openExternal, onError: log }),
  );
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', ensureMainWindow);
  closeCoreBeforeQuit();
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      log(err);
      dialog.showErrorBox(
        'Folio could not start',
        err instanceof Error ? err.message : String(err),
      );
      app.exit(1);
    });
}
