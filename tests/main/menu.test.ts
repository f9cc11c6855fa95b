import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { type MenuActions, buildMenuTemplate } from '../../electron/main/menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu) : []),
  ]);
}

describe('buildMenuTemplate', () => {
  it('has the standard menus on every platform, with the app menu only on macOS', () => {
    const actions = { importFiles: vi.fn(), importFolder: vi.fn() };
    const mac = buildMenuTemplate({ platform: 'darwin', appName: 'Folio', actions });
    const linux = buildMenuTemplate({ platform: 'linux', appName: 'Folio', actions });
    expect(mac.map((m) => m.role)).toEqual([
      'appMenu',
      'fileMenu',
      'editMenu',
      'viewMenu',
      'windowMenu',
      'help',
    ]);
    expect(linux.map((m) => m.role)).toEqual([
      'fileMenu',
      'editMenu',
      'viewMenu',
      'windowMenu',
      'help',
    ]);
    expect(items(linux).some((i) => i.role === 'quit')).toBe(true);
    expect(items(mac).filter((i) => i.role === 'quit')).toHaveLength(1);
  });

  it('binds Ctrl/Cmd+O to importing files and Ctrl/Cmd+Shift+O to a folder', () => {
    const actions = { importFiles: vi.fn(), importFolder: vi.fn() };
    const all = items(buildMenuTemplate({ platform: 'win32', appName: 'Folio', actions }));
    const open = all.find((i) => i.accelerator === 'CmdOrCtrl+O');
    const folder = all.find((i) => i.accelerator === 'CmdOrCtrl+Shift+O');
    const click = (item: MenuItemConstructorOptions | undefined) =>
      (item?.click as (() => void) | undefined)?.();
    click(open);
    expect(actions.importFiles).toHaveBeenCalledTimes(1);
    expect(actions.importFolder).not.toHaveBeenCalled();
    click(folder);
    expect(actions.importFolder).toHaveBeenCalledTimes(1);
  });

  it('offers File › Show Library Folder when it is given the action', () => {
    const show = vi.fn();
    const base = { importFiles: vi.fn(), importFolder: vi.fn() };
    const find = (actions: MenuActions) =>
      items(buildMenuTemplate({ platform: 'linux', appName: 'Folio', actions })).find(
        (i) => i.label === 'Show Library Folder',
      );
    expect(find(base)).toBeUndefined();
    (find({ ...base, showLibrary: show })?.click as (() => void) | undefined)?.();
    expect(show).toHaveBeenCalledTimes(1);
  });
});
