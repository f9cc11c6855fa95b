/**
 * One export file written synchronously, by a render worker that writes what it renders: the
 * rules of createFolderWriter (a new file is created exclusively and written in place, an
 * existing one is replaced through a temp file and a rename). A worker may block, and for a
 * small file the thread pool's hand-off and promises cost more than the write itself (with 10,000
 * Markdown files they cost the main thread ~0.3 ms a file; this, ~0.1 ms in the worker).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FolioError } from '../../../shared/errors';

/** Where another thread writes a file of an export folder. */
export interface FileTarget {
  /** Absolute path, already checked to stay inside the folder. */
  path: string;
  /** The path inside the folder, for messages. */
  name: string;
  /** True when a file of that name was there before the export (it is replaced atomically). */
  replace: boolean;
}

function writeOnce(target: FileTarget, bytes: Uint8Array): void {
  if (!target.replace) {
    writeFileSync(target.path, bytes, { flag: 'wx' });
    return;
  }
  const tmp = `${target.path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, target.path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Writes `bytes` to `target`, creating its folder if it has gone; throws EXPORT_FAILED. */
export function writeFileSyncTo(target: FileTarget, bytes: Uint8Array): void {
  try {
    try {
      writeOnce(target, bytes);
    } catch (err) {
      // The export created the folder; only a folder made or removed since needs a mkdir.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      mkdirSync(path.dirname(target.path), { recursive: true });
      writeOnce(target, bytes);
    }
  } catch (err) {
    throw new FolioError('EXPORT_FAILED', `Could not write ${target.name}`, { cause: err });
  }
}
