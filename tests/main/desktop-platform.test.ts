import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import { describe, expect, it } from 'vitest';
import { createDesktopPlatform } from '../../electron/main/desktop-platform';
import { importDialogOptions, pickExportDir } from '../../electron/main/dialogs';

function fakeDialog(answer: OpenDialogReturnValue) {
  const seen: OpenDialogOptions[] = [];
  return {
    seen,
    show: async (options: OpenDialogOptions) => {
      seen.push(options);
      return answer;
    },
  };
}

describe('import dialog options', () => {
  it('offers files and folders together on macOS, files on Windows and Linux', () => {
    expect(importDialogOptions('files', 'darwin').properties).toEqual([
      'openFile',
      'openDirectory',
      'multiSelections',
    ]);
    for (const platform of ['win32', 'linux'] as const) {
      expect(importDialogOptions('files', platform).properties).toEqual([
        'openFile',
        'multiSelections',
      ]);
      expect(importDialogOptions('folder', platform).properties).toEqual([
        'openDirectory',
        'multiSelections',
      ]);
    }
  });
});

describe('createDesktopPlatform', () => {
  it('pickFiles returns the chosen paths, or none when cancelled', async () => {
    const chosen = fakeDialog({ canceled: false, filePaths: ['/a.html', '/dir'] });
    const platform = createDesktopPlatform({
      showOpenDialog: chosen.show,
      openExternal: async () => undefined,
      showItemInFolder: () => undefined,
      exists: async () => true,
      platform: 'linux',
    });
    expect(await platform.pickFiles()).toEqual(['/a.html', '/dir']);
    const cancelled = fakeDialog({ canceled: true, filePaths: [] });
    const p2 = createDesktopPlatform({
      showOpenDialog: cancelled.show,
      openExternal: async () => undefined,
      showItemInFolder: () => undefined,
      exists: async () => true,
      platform: 'linux',
    });
    expect(await p2.pickFiles()).toEqual([]);
  });

  it('asks for an export folder that may be created, and reports where the export went', async () => {
    const dialog = fakeDialog({ canceled: false, filePaths: ['/home/u/out'] });
    const platform = createDesktopPlatform({
      showOpenDialog: dialog.show,
      openExternal: async () => undefined,
      showItemInFolder: () => undefined,
      exists: async () => true,
      platform: 'darwin',
    });
    const target = await platform.exportTarget({ ids: ['a'], format: 'md' });
    expect(dialog.seen[0]?.properties).toEqual(['openDirectory', 'createDirectory']);
    expect(target?.outDir).toBe('/home/u/out');
    expect(await target?.finish({ files: ['/home/u/out/a.md'], manifestPath: null })).toEqual({
      savedTo: '/home/u/out/a.md',
    });
    expect(
      await target?.finish({ files: ['/home/u/out/a.md', '/home/u/out/b.md'], manifestPath: null }),
    ).toEqual({ savedTo: '/home/u/out' });
  });

  it('exportTarget is null when the folder dialog is cancelled', async () => {
    expect(await pickExportDir(fakeDialog({ canceled: true, filePaths: [] }).show)).toBeNull();
    const platform = createDesktopPlatform({
      showOpenDialog: fakeDialog({ canceled: true, filePaths: [] }).show,
      openExternal: async () => undefined,
      showItemInFolder: () => undefined,
      exists: async () => true,
      platform: 'win32',
    });
    expect(await platform.exportTarget({ ids: ['a'], format: 'pdf' })).toBeNull();
  });

  it('openExternal passes on http(s) only', async () => {
    const opened: string[] = [];
    const platform = createDesktopPlatform({
      showOpenDialog: fakeDialog({ canceled: true, filePaths: [] }).show,
      openExternal: async (u) => {
        opened.push(u);
      },
      showItemInFolder: () => undefined,
      exists: async () => true,
      platform: 'linux',
    });
    await platform.openExternal('https://www.bbc.com/zhongwen');
    await platform.openExternal('file:///etc/passwd');
    expect(opened).toEqual(['https://www.bbc.com/zhongwen']);
  });

  it('showPath shows the file in the system file manager, if it is still there', async () => {
    const shown: string[] = [];
    const platform = createDesktopPlatform({
      showOpenDialog: fakeDialog({ canceled: true, filePaths: [] }).show,
      openExternal: async () => undefined,
      showItemInFolder: (p) => void shown.push(p),
      exists: async (p) => p !== '/home/u/Exports/moved.pdf',
      platform: 'linux',
    });
    await platform.showPath('/home/u/Exports/a.pdf');
    await expect(platform.showPath('/home/u/Exports/moved.pdf')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(shown).toEqual(['/home/u/Exports/a.pdf']);
  });
});
