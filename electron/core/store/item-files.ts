/**
 * One folder per item: `original` (the dropped bytes), `article.html`, `article.txt` and
 * `meta.json` (lowdb). A new item is written into a hidden staging folder and renamed into
 * place, so items/ only ever holds complete items.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { FolioError } from '../../../shared/errors';
import type { Article } from '../../../shared/model';
import { notePreview, toSummary } from '../../../shared/summary';
import { canonicalUrl } from '../import/canonical-url';
import { AtomicJsonFile, fsyncDir, isCode, writeFileSynced } from './atomic-file';
import type { CatalogEntry } from './catalog';
import { decodeUtf8 } from '../decode-utf8';

export const ITEMS_DIR = 'items';
export const META_FILE = 'meta.json';
export const ORIGINAL_FILE = 'original';
export const HTML_FILE = 'article.html';
export const TEXT_FILE = 'article.txt';

/** What meta.json holds: the article minus its bodies. */
export type StoredMeta = Omit<Article, 'contentHtml' | 'text'>;

/** The folder of item `id`. */
export function itemDir(libDir: string, id: string): string {
  return path.join(libDir, ITEMS_DIR, id);
}

/** Writes a complete item (staging folder, fsync, rename) and returns once it is durable. */
export async function writeNewItem(
  libDir: string,
  meta: StoredMeta,
  files: { original: Uint8Array; html: string; text: string },
): Promise<void> {
  const items = path.join(libDir, ITEMS_DIR);
  const staging = path.join(items, `.staging-${meta.id}-${randomBytes(4).toString('hex')}`);
  await fs.mkdir(staging);
  try {
    await Promise.all([
      writeFileSynced(path.join(staging, ORIGINAL_FILE), files.original),
      writeFileSynced(path.join(staging, HTML_FILE), files.html),
      writeFileSynced(path.join(staging, TEXT_FILE), files.text),
      writeFileSynced(path.join(staging, META_FILE), JSON.stringify(meta, null, 1)),
    ]);
    await fsyncDir(staging);
    const target = itemDir(libDir, meta.id);
    try {
      await fs.rename(staging, target);
    } catch (err) {
      if (!isCode(err, 'ENOTEMPTY', 'EEXIST', 'EPERM')) throw err;
      // A leftover folder with this id is not in the catalog (else this would be a duplicate).
      await fs.rm(target, { recursive: true, force: true });
      await fs.rename(staging, target);
    }
  } catch (err) {
    await fs.rm(staging, { recursive: true, force: true });
    throw err;
  }
  await syncItemsDir(items);
}

// Concurrent imports share one fsync of items/: a sync started after a rename covers it.
const dirSyncs = new Map<string, { running: Promise<void> | null; next: Promise<void> | null }>();

function syncItemsDir(items: string): Promise<void> {
  let slot = dirSyncs.get(items);
  if (!slot) dirSyncs.set(items, (slot = { running: null, next: null }));
  const s = slot;
  if (!s.running) {
    s.running = fsyncDir(items).finally(() => {
      s.running = null;
    });
    return s.running;
  }
  // One sync is in flight (it may predate our rename): queue, or join, the one after it.
  s.next ??= s.running
    .catch(() => undefined)
    .then(() => {
      s.next = null;
      return syncItemsDir(items);
    });
  return s.next;
}

/** Reads an item's meta.json; NOT_FOUND when the item does not exist. */
export async function readMeta(libDir: string, id: string): Promise<StoredMeta> {
  const data = await new AtomicJsonFile<StoredMeta>(
    path.join(itemDir(libDir, id), META_FILE),
  ).read();
  if (!data) throw new FolioError('NOT_FOUND', `No article with id ${id}.`);
  return data;
}

/**
 * Applies `change` to an item's meta.json through lowdb and writes it back atomically, only
 * when `change` reports that it changed something.
 */
export async function updateMeta(
  libDir: string,
  id: string,
  change: (meta: StoredMeta) => boolean,
): Promise<{ meta: StoredMeta; changed: boolean }> {
  const db = new Low<StoredMeta | null>(
    new AtomicJsonFile<StoredMeta | null>(path.join(itemDir(libDir, id), META_FILE)),
    null,
  );
  await db.read();
  const meta = db.data;
  if (!meta) throw new FolioError('NOT_FOUND', `No article with id ${id}.`);
  const changed = change(meta);
  if (changed) await db.write();
  return { meta, changed };
}

/** Reads the stored article bodies. */
export async function readBodies(
  libDir: string,
  id: string,
): Promise<{ contentHtml: string; text: string }> {
  const dir = itemDir(libDir, id);
  const [contentHtml, text] = await Promise.all([
    fs.readFile(path.join(dir, HTML_FILE)),
    fs.readFile(path.join(dir, TEXT_FILE)),
  ]);
  return { contentHtml: decodeUtf8(contentHtml), text: decodeUtf8(text) };
}

/** Reads the original bytes. */
export async function readOriginal(libDir: string, id: string): Promise<Uint8Array> {
  try {
    return await fs.readFile(path.join(itemDir(libDir, id), ORIGINAL_FILE));
  } catch (err) {
    if (isCode(err, 'ENOENT')) throw new FolioError('NOT_FOUND', `No article with id ${id}.`);
    throw err;
  }
}

/** Deletes an item: renamed aside first (atomic), so a crash never leaves half an item. */
export async function removeItem(libDir: string, id: string): Promise<void> {
  const items = path.join(libDir, ITEMS_DIR);
  const doomed = path.join(items, `.deleting-${id}-${randomBytes(4).toString('hex')}`);
  try {
    await fs.rename(itemDir(libDir, id), doomed);
  } catch (err) {
    if (isCode(err, 'ENOENT')) return;
    throw err;
  }
  await fs.rm(doomed, { recursive: true, force: true });
}

/** Item folder names in items/, and hidden leftovers (staging/deleting) to clean. */
export async function scanItems(libDir: string): Promise<{ ids: string[]; leftovers: string[] }> {
  const names = await fs.readdir(path.join(libDir, ITEMS_DIR));
  return {
    ids: names.filter((n) => !n.startsWith('.')),
    leftovers: names.filter((n) => n.startsWith('.')),
  };
}

export { notePreview, toSummary };

/** The catalog row for an item; versions are matched on the URL the parser found. */
export function toEntry(meta: StoredMeta): CatalogEntry {
  const entry = {
    summary: toSummary(meta),
    sha256: meta.source.sha256,
    urlKey: canonicalUrl(meta.parsed.url),
  };
  // Parsed titles and URLs can be V8 slices of the whole decoded file; kept in the catalog they
  // would pin every file's text in memory. A JSON round trip copies them out.
  return JSON.parse(JSON.stringify(entry)) as CatalogEntry;
}
