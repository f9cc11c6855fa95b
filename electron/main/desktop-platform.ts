/**
 * The desktop side of the service's platform seam: native dialogs for picking files and export
 * folders, and the system browser for links. Electron objects come in as parameters.
 */
import { FolioError } from '../../shared/errors';
import type { ExportTarget, ServicePlatform } from '../core/service/types';
import { type ShowOpenDialog, pickExportDir, pickImportPaths } from './dialogs';
import { openExternalSafely } from './external-links';

export interface DesktopPlatformDeps {
  showOpenDialog: ShowOpenDialog;
  openExternal: (url: string) => Promise<void>;
  /** Electron's shell.showItemInFolder. */
  showItemInFolder: (path: string) => void;
  /** Whether a path exists (fs.access in the app). */
  exists: (path: string) => Promise<boolean>;
  platform: NodeJS.Platform;
}

/** Builds the `ServicePlatform` the app service uses on the desktop. */
export function createDesktopPlatform(deps: DesktopPlatformDeps): ServicePlatform {
  return {
    async openExternal(url) {
      // The service validated the URL already; checked again because this is the exit door.
      await openExternalSafely(url, deps.openExternal);
    },
    async pickFiles() {
      return pickImportPaths(deps.showOpenDialog, 'files', deps.platform);
    },
    async showPath(path) {
      // The file manager would open elsewhere, or not at all, for a path moved away since.
      if (!(await deps.exists(path))) {
        throw new FolioError('NOT_FOUND', `${path} is no longer there: it was moved or deleted`);
      }
      deps.showItemInFolder(path);
    },
    async exportTarget(): Promise<ExportTarget | null> {
      const outDir = await pickExportDir(deps.showOpenDialog);
      if (outDir === null) return null;
      return {
        outDir,
        async finish(outcome) {
          const only = outcome.files.length === 1 ? outcome.files[0] : undefined;
          return { savedTo: only ?? outDir };
        },
      };
    },
  };
}
