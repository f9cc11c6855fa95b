/**
 * The application menu as a plain template, so its shape and shortcuts are testable without
 * Electron; `Menu.buildFromTemplate` turns it into the real menu.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** File › Import Files… (Ctrl/Cmd+O). */
  importFiles: () => void;
  /** File › Import Folder… (Ctrl/Cmd+Shift+O). */
  importFolder: () => void;
  /** File › Show Library Folder: the folder to back up or sync, in the file manager. */
  showLibrary?: () => void;
  /** Help › Folio on the web. */
  openHomepage?: () => void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  actions: MenuActions;
}

/** The menu template: app (macOS), File, Edit, View, Window, Help. */
export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = opts.platform === 'darwin';
  const { actions } = opts;
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: opts.appName,
      role: 'appMenu',
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: '&File',
      role: 'fileMenu',
      submenu: [
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
        {
          label: 'Import Folder…',
          accelerator: 'CmdOrCtrl+Shift+O',
          click: () => actions.importFolder(),
        },
        ...(actions.showLibrary
          ? [
              { type: 'separator' as const },
              { label: 'Show Library Folder', click: () => actions.showLibrary?.() },
            ]
          : []),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { label: '&Edit', role: 'editMenu' },
    {
      label: '&View',
      role: 'viewMenu',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: '&Window', role: 'windowMenu' },
  );
  const help: MenuItemConstructorOptions[] = isMac ? [] : [{ role: 'about' }];
  if (actions.openHomepage) {
    const open = actions.openHomepage;
    help.push({ label: 'Folio on the Web', click: () => open() });
  }
  template.push({ label: '&Help', role: 'help', submenu: help });
  return template;
}
