/**
 * Import entry points: dropped files, the picker, the sample. Desktop uses paths
 * (`folioHost.getPathForFile`), the browser uploads base64 bytes.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FolioApi, JobRef } from '../../../shared/api';
import { bytesToBase64 } from '../lib/base64';
import { filesFromDataTransfer } from '../lib/drop-files';

export interface ImportControls {
  dragging: boolean;
  /** Opens the native picker (desktop) or the hidden file input (browser). */
  pick: () => void;
  importFileList: (files: File[]) => Promise<void>;
}

/** Hooks window-wide drag and drop and exposes picker actions; `onJob` receives each started job. */
export function useImport(
  api: FolioApi,
  fileInputRef: React.RefObject<HTMLInputElement | null>,
  onJob: (job: JobRef) => void,
  onError: (err: unknown) => void,
): ImportControls {
  const [dragging, setDragging] = useState(false);

  const importFileList = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      try {
        const host = window.folioHost;
        const paths = host ? files.map((f) => host.getPathForFile(f)).filter(Boolean) : [];
        if (paths.length > 0) {
          onJob(await api.importPaths({ paths }));
          return;
        }
        const uploaded = await Promise.all(
          files.map(async (f) => ({
            name: f.name,
            dataBase64: bytesToBase64(new Uint8Array(await f.arrayBuffer())),
          })),
        );
        onJob(await api.importFiles({ files: uploaded }));
      } catch (err) {
        onError(err);
      }
    },
    [api, onJob, onError],
  );

  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') ?? false;
    const enter = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent): void => {
      if (hasFiles(e)) e.preventDefault();
    };
    const leave = (): void => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent): void => {
      // Always stop the window from navigating to a dropped file.
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const dt = e.dataTransfer;
      if (!dt) return;
      const host = window.folioHost;
      // Electron: paths of top-level items suffice (folders included); the core walks them.
      const files = host ? Promise.resolve(Array.from(dt.files)) : filesFromDataTransfer(dt);
      files.then(importFileList, onError);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [importFileList, onError]);

  const pick = useCallback(() => {
    if (window.folio) {
      api.pickFiles().then(async ({ paths }) => {
        if (paths.length > 0) onJob(await api.importPaths({ paths }));
      }, onError);
    } else {
      fileInputRef.current?.click();
    }
  }, [api, fileInputRef, onJob, onError]);

  return { dragging, pick, importFileList };
}
