/**
 * Crash-safe file writes: write a temporary sibling, fsync it, rename it over the target, then
 * fsync the folder so the rename itself is durable. lowdb's own TextFile adapter skips the
 * fsyncs, which can leave an empty file after a power cut.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { FolioError } from '../../../shared/errors';

/** Flushes a folder's entry table (renames, creations) to disk; a no-op where unsupported. */
export async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (err) {
    // Windows cannot open folders for fsync; the rename is still atomic there.
    if (!isCode(err, 'EISDIR', 'EPERM', 'EINVAL', 'EACCES')) throw err;
  } finally {
    await handle?.close();
  }
}

/** Writes `data` to a file and fsyncs it (no rename: for files inside a staging folder). */
export async function writeFileSynced(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
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
