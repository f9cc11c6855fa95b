/**
 * Writing export output: files into a folder (atomically, never escaping it) or one zip.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { FolioError } from '../../../shared/errors';
import type { OutputFile } from './render-article';

/** Hex sha256 of bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The absolute path of `rel` inside `dir`; throws if it would land anywhere else. */
export function insideDir(dir: string, rel: string): string {
  const root = path.resolve(dir);
  const full = path.resolve(root, rel);
  if (full === root || !full.startsWith(root + path.sep)) {
    throw new FolioError('EXPORT_FAILED', `Refusing to write outside the export folder: ${rel}`);
  }
  return full;
}

/** Writes one file atomically (temp file, then rename) inside `dir`. */
export async function writeInside(dir: string, file: OutputFile): Promise<string> {
  const full = insideDir(dir, file.path);
  await mkdir(path.dirname(full), { recursive: true });
  const tmp = `${full}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, file.bytes);
    await rename(tmp, full);
  } catch (err) {
    await rm(tmp, { force: true });
    throw new FolioError('EXPORT_FAILED', `Could not write ${file.path}`, { cause: err });
  }
  return full;
}

/** True when `rel` already exists inside `dir`. */
export function existsInside(dir: string, rel: string): boolean {
  return existsSync(insideDir(dir, rel));
}

// Already-compressed formats gain nothing from deflate; store them.
const STORED = /\.(pdf|jpe?g|png|gif|webp|avif|zip)$/i;

/** One zip holding every file, paths as given. */
export function buildZip(files: OutputFile[]): Uint8Array {
  const tree: Zippable = {};
  for (const f of files) {
    tree[f.path] = [f.bytes, { level: STORED.test(f.path) ? 0 : 6 }];
  }
  return zipSync(tree);
}
