/**
 * Crash-safe file writes: write a temporary sibling, fsync it, rename it over the target, then
 * fsync the folder so the rename itself is durable. lowdb's own TextFile adapter skips the
 * fsyncs, which can leave an empty file after a power cut.
 */
import { randomBytes } from 'node:crypto';
import fsCb from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Adapter } from 'lowdb';
import { FolioError } from '../../../shared/errors';

// An import writes five files and syncs a folder per item. These go through the callback API on
// plain descriptors: the promise API's FileHandle costs the main thread about twice as much per
// file (a handle object, a promise per step), and the import is bound by that thread.
const open = promisify(fsCb.open);
const fsync = promisify(fsCb.fsync);
const close = promisify(fsCb.close);
const writeFileFlushed = promisify(fsCb.writeFile);

/** Flushes a folder's entry table (renames, creations) to disk; a no-op where unsupported. */
export async function fsyncDir(dir: string): Promise<void> {
  let fd: number | undefined;
  try {
    fd = await open(dir, 'r');
    await fsync(fd);
  } catch (err) {
    // Windows cannot open folders for fsync; the rename is still atomic there.
    if (!isCode(err, 'EISDIR', 'EPERM', 'EINVAL', 'EACCES')) throw err;
  } finally {
    if (fd !== undefined) await close(fd);
  }
}

/** Writes `data` to a file and fsyncs it (no rename: for files inside a staging folder). */
export async function writeFileSynced(file: string, data: string | Uint8Array): Promise<void> {
  // `flush` fsyncs the descriptor after the last write and before closing it.
  await writeFileFlushed(file, data, { flush: true });
}

/** Replaces `file` atomically with `data`. */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  opts: { syncDir?: boolean } = {},
): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFileSynced(tmp, data);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  if (opts.syncDir !== false) await fsyncDir(dir);
}

/** A lowdb adapter for one JSON document, written atomically. */
export class AtomicJsonFile<T> implements Adapter<T> {
  constructor(readonly file: string) {}

  /** Null when the file does not exist; LIBRARY_CORRUPT when it is not valid JSON. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (err) {
      if (isCode(err, 'ENOENT')) return null;
      throw err;
    }
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      throw new FolioError('LIBRARY_CORRUPT', `${this.file} is not valid JSON`, { cause: err });
    }
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(data, null, 1));
  }
}

/** True when `err` is a Node system error with one of the given codes. */
export function isCode(err: unknown, ...codes: string[]): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && codes.includes(code);
}
