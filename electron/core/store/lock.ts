/**
 * A lock file so two processes (the app and the CLI, or two CLIs) never write one library at
 * once. A lock left by a process that died (kill -9, power cut) is detected and taken over.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FolioError } from '../../../shared/errors';
import { isCode } from './atomic-file';

export const LOCK_FILE = 'folio.lock';

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

export interface LockHandle {
  release(): Promise<void>;
  /** True when a dead process's lock was taken over: the last session ended in a crash. */
  afterCrash: boolean;
}

/** Takes the library lock, or throws LIBRARY_LOCKED. */
export async function acquireLock(dir: string): Promise<LockHandle> {
  const file = path.join(dir, LOCK_FILE);
  const mine: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
  };
  let afterCrash = false;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fs.writeFile(file, JSON.stringify(mine), { flag: 'wx' });
      return {
        afterCrash,
        async release() {
          await fs.rm(file, { force: true });
        },
      };
    } catch (err) {
      if (!isCode(err, 'EEXIST')) throw err;
    }
    const holder = await readLock(file);
    if (holder && isAlive(holder)) {
      throw new FolioError(
        'LIBRARY_LOCKED',
        `The library ${dir} is in use by another Folio process (pid ${holder.pid} on ${holder.host}). Close it and try again.`,
      );
    }
    // Stale: its owner is gone. Remove it and race for it again.
    afterCrash = true;
    await fs.rm(file, { force: true });
  }
  throw new FolioError('LIBRARY_LOCKED', `Could not take the lock on ${dir}.`);
}

async function readLock(file: string): Promise<LockInfo | null> {
  try {
    const data = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<LockInfo>;
    if (typeof data.pid !== 'number' || typeof data.host !== 'string') return null;
    return { pid: data.pid, host: data.host, startedAt: String(data.startedAt ?? '') };
  } catch {
    // Missing or half-written lock (its writer died mid-write): treat as stale.
    return null;
  }
}

function isAlive(info: LockInfo): boolean {
  // A lock from another machine (shared folder) cannot be checked: respect it.
  if (info.host !== os.hostname()) return true;
  try {
    process.kill(info.pid, 0);
    return true;
  } catch (err) {
    return !isCode(err, 'ESRCH');
  }
}
