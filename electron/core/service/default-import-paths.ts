/**
 * A small path importer: expands folders (recursively, skipping hidden entries) and imports each
 * file through `library.importFile`, reporting every file. The composition root may pass the
 * store's richer importer instead; both have the `PathImporter` shape.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FolioError, toErrorData } from '../../../shared/errors';
import type { Library } from '../ports';
import type { PathImporter } from './types';

const MAX_FILES = 100_000;
const MAX_FILE_BYTES = 64 * 1024 * 1024;

async function expand(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const visit = async (p: string): Promise<void> => {
    if (out.length >= MAX_FILES) return;
    const info = await stat(p).catch(() => null);
    if (info?.isDirectory()) {
      const names = (await readdir(p)).filter((n) => !n.startsWith('.')).sort();
      for (const name of names) await visit(path.join(p, name));
    } else {
      // Missing files are kept so they are reported as failed rather than silently dropped.
      out.push(p);
    }
  };
  for (const p of paths) await visit(path.resolve(p));
  return out;
}

/** Builds a `PathImporter` over a library. */
export function createDefaultPathImporter(library: Library): PathImporter {
  return async (paths, onProgress) => {
    const files = await expand(paths);
    onProgress({ total: files.length });
    for (const file of files) {
      const fileName = path.basename(file);
      onProgress({ total: files.length, current: fileName });
      try {
        const info = await stat(file);
        if (info.size > MAX_FILE_BYTES) {
          throw new FolioError('TOO_LARGE', `${fileName} is larger than 64 MB`);
        }
        const bytes = new Uint8Array(await readFile(file));
        const outcome = await library.importFile({ fileName, bytes });
        onProgress({
          total: files.length,
          result: { file: fileName, status: outcome.status, id: outcome.id },
        });
      } catch (err) {
        const error = toErrorData(err);
        const code = (err as { code?: unknown }).code;
        if (code === 'ENOENT') error.code = 'NOT_FOUND';
        else if (code === 'EACCES' || code === 'EISDIR') error.code = 'UNREADABLE';
        onProgress({ total: files.length, result: { file: fileName, status: 'failed', error } });
      }
    }
  };
}
