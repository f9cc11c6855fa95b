/**
 * Native open dialogs: choosing files/folders to import and a folder to export into. The dialog
 * is passed in so the option logic is testable without Electron.
 */
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';

/** The part of Electron's `dialog` used here (window-less overload). */
export type ShowOpenDialog = (options: OpenDialogOptions) => Promise<OpenDialogReturnValue>;

export type PickKind = 'files' | 'folder';

/** Dialog options for an import pick. */
export function importDialogOptions(kind: PickKind, platform: NodeJS.Platform): OpenDialogOptions {
  // Windows and Linux cannot offer files and folders in one dialog (asking for both shows a
  // folder picker), so they get a files dialog; macOS accepts both at once.
  const both = platform === 'darwin' && kind === 'files';
  const properties: OpenDialogOptions['properties'] =
    kind === 'folder'
      ? ['openDirectory', 'multiSelections']
      : both
        ? ['openFile', 'openDirectory', 'multiSelections']
        : ['openFile', 'multiSelections'];
  return {
    title: kind === 'folder' ? 'Import a folder' : 'Import saved articles',
    buttonLabel: 'Import',
    properties,
    filters:
      kind === 'folder'
        ? undefined
        : [
            { name: 'Saved articles', extensions: ['html', 'htm', 'txt', 'md', 'xhtml'] },
            { name: 'All files', extensions: ['*'] },
          ],
  };
}

/** Shows an import dialog; resolves to the chosen paths (empty when cancelled). */
export async function pickImportPaths(
  show: ShowOpenDialog,
  kind: PickKind,
  platform: NodeJS.Platform,
): Promise<string[]> {
  const result = await show(importDialogOptions(kind, platform));
  return result.canceled ? [] : result.filePaths;
}

/** Asks for an export folder; resolves to it, or null when cancelled. */
export async function pickExportDir(show: ShowOpenDialog): Promise<string | null> {
  const result = await show({
    title: 'Export to folder',
    buttonLabel: 'Export here',
    properties: ['openDirectory', 'createDirectory'],
  });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
