/**
 * Importing what a user dropped or named: files and folders (recursively, hidden files skipped),
 * each imported on its own so one bad file never stops the rest.
 */
import fsCb from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { JobItemResult } from '../../../shared/api';
import { FolioError, toErrorData } from '../../../shared/errors';
import type { ImportOutcome } from '../ports';

/** Files larger than this are refused before reading (the parser has its own, lower limits). */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

const SKIPPED_NAMES = new Set(['thumbs.db', 'desktop.ini']);

export interface ImportPathsOptions {
  paths: string[];
  importFile: (input: { fileName: string; bytes: Uint8Array }) => Promise<ImportOutcome>;
  /** Called before each file starts and once at the end (done === total). */
  onProgress?: (done: number, total: number, currentFile: string) => void;
  /** Called as each file finishes, in completion order. */
  onResult?: (result: JobItemResult) => void;
  /** Files in flight at once (default 16): parsing in workers and many items' fsyncs overlap. */
  concurrency?: number;
}

/** Expands files and folders into a sorted list of files; unreadable paths become failures. */
export async function expandPaths(
  paths: string[],
): Promise<{ files: string[]; failed: JobItemResult[] }> {
  const files: string[] = [];
  const failed: JobItemResult[] = [];
  const visited = new Set<string>();
  const walk = async (p: string, explicit: boolean): Promise<void> => {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch (err) {
      failed.push({ file: p, status: 'failed', error: unreadable(p, err) });
      return;
    }
    if (stat.isDirectory()) {
      const real = await fs.realpath(p);
      if (visited.has(real)) return; // a symlink loop
      visited.add(real);
      let names: string[];
      try {
        names = await fs.readdir(p);
      } catch (err) {
        failed.push({ file: p, status: 'failed', error: unreadable(p, err) });
        return;
      }
      names.sort();
      for (const name of names) {
        if (name.startsWith('.') || SKIPPED_NAMES.has(name.toLowerCase())) continue;
        await walk(path.join(p, name), false);
      }
    } else if (stat.isFile() || explicit) {
      files.push(p);
    }
  };
  for (const p of paths) await walk(path.resolve(p), true);
  return { files, failed };
}

// Each imported file is read through the callback API on a plain descriptor: open, fstat, read,
// close. A stat and then readFile's FileHandle cost the main thread (which bounds imports) about
// twice the CPU per file, and one more trip to the file-system threads.
const open = promisify(fsCb.open);
const fstat = promisify(fsCb.fstat);
const read = promisify(fsCb.read);
const close = promisify(fsCb.close);

/** Reads one file for import, turning file-system errors into clear FolioErrors. */
export async function readImportFile(file: string): Promise<Uint8Array> {
  let fd: number | undefined;
  try {
    fd = await open(file, 'r');
    const stat = await fstat(fd);
    if (stat.isDirectory()) throw new FolioError('UNREADABLE', `${file} is a folder, not a file.`);
    if (stat.size > MAX_IMPORT_BYTES) {
      throw new FolioError(
        'TOO_LARGE',
        `${file} is ${Math.round(stat.size / 1048576)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB.`,
      );
    }
    return await readAll(fd, stat.isFile() ? stat.size : 0, file);
  } catch (err) {
    if (err instanceof FolioError) throw err;
    throw new FolioError('UNREADABLE', unreadable(file, err).message, { cause: err });
  } finally {
    if (fd !== undefined) await close(fd).catch(() => undefined);
  }
}

/**
 * The bytes of an open file: `size` of them (fewer if it ends sooner, as readFile does), or, when
 * the size is not known (0: empty, or not a regular file), everything up to its end.
 */
async function readAll(fd: number, size: number, file: string): Promise<Uint8Array> {
  if (size > 0) {
    const buf = Buffer.allocUnsafeSlow(size);
    let got = 0;
    while (got < size) {
      const { bytesRead } = await read(fd, buf, got, size - got, null);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return got === size ? buf : buf.subarray(0, got);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafeSlow(64 * 1024);
    const { bytesRead } = await read(fd, chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > MAX_IMPORT_BYTES) {
      throw new FolioError(
        'TOO_LARGE',
        `${file} is larger than the limit of ${MAX_IMPORT_BYTES / 1048576} MB.`,
      );
    }
    chunks.push(chunk.subarray(0, bytesRead));
  }
  return Buffer.concat(chunks, total);
}

function unreadable(file: string, err: unknown) {
  const code = (err as { code?: string }).code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOENT'
        ? 'no such file (or a broken link)'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'ELOOP'
            ? 'too many levels of symbolic links'
            : (err as Error).message;
  return { code: 'UNREADABLE' as const, message: `Cannot read ${file}: ${why}.` };
}

/** Imports every file under `paths`; returns one result per file (unreadable paths first, then files in path order). */
export async function importPaths(opts: ImportPathsOptions): Promise<JobItemResult[]> {
  const { files, failed } = await expandPaths(opts.paths);
  const total = files.length + failed.length;
  // Totals first, so a listener knows the job size before the first result arrives.
  opts.onProgress?.(0, total, '');
  for (const f of failed) opts.onResult?.(f);
  const results: JobItemResult[] = new Array(files.length);
  let next = 0;
  let done = failed.length;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index] as string;
      opts.onProgress?.(done, total, file);
      let result: JobItemResult;
      try {
        const bytes = await readImportFile(file);
        const outcome = await opts.importFile({ fileName: path.basename(file), bytes });
        result = { file, status: outcome.status, id: outcome.id };
      } catch (err) {
        result = { file, status: 'failed', error: toErrorData(err) };
      }
      results[index] = result;
      done++;
      opts.onResult?.(result);
    }
  };
  const concurrency = Math.max(1, opts.concurrency ?? 16);
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  opts.onProgress?.(total, total, '');
  return [...failed, ...results];
}
