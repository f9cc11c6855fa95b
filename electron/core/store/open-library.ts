/**
 * Opens a library folder: takes the lock, loads and migrates folio.json, loads the catalog
 * (rebuilding it from items/ when missing or corrupt), repairs it against items/ after a crash,
 * and returns the `Library` every face uses.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import type { ListRequest } from '../../../shared/api';
import type { Article } from '../../../shared/model';
import type { AsyncParseFn, Clock, Library, LibraryEvent } from '../ports';
import { AtomicJsonFile } from './atomic-file';
import { Catalog, loadCatalog } from './catalog';
import { ITEMS_DIR, readBodies, readMeta, readOriginal, scanItems, toEntry } from './item-files';
import { type LibraryDoc, newLibraryDoc } from './library-doc';
import * as edits from './library-edits';
import { createImportTracker, importFile } from './library-import';
import { createJustImported } from './just-imported';
import type { LibraryState } from './library-state';
import * as tagOps from './library-tags';
import { countTags, filterSummaries, purgeTrashed } from './list-view';
import { acquireLock } from './lock';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS, type Migration, migrate } from './migrations';
import { createWriteQueue } from './write-queue';

export const LIBRARY_FILE = 'folio.json';

export interface OpenLibraryOptions {
  dir: string;
  parse: AsyncParseFn;
  clock?: Clock;
  /** For tests of the migration path; defaults to the shipped migrations. */
  migrations?: readonly Migration[];
  schemaVersion?: number;
}

/** Opens (creating if needed) the library at `dir`. */
export async function openLibrary(opts: OpenLibraryOptions): Promise<Library> {
  const dir = path.resolve(opts.dir);
  const clock = opts.clock ?? (() => new Date());
  await fs.mkdir(path.join(dir, ITEMS_DIR), { recursive: true });
  const lock = await acquireLock(dir);
  const release = () => lock.release();
  try {
    const doc = await openDoc(
      dir,
      clock,
      opts.migrations ?? MIGRATIONS,
      opts.schemaVersion ?? CURRENT_SCHEMA_VERSION,
    );
    const catalog = await openCatalog(dir, lock.afterCrash);
    const listeners = new Set<(event: LibraryEvent) => void>();
    const state: LibraryState = {
      dir,
      parse: opts.parse,
      clock,
      queue: createWriteQueue(),
      catalog,
      doc,
      emit(event) {
        for (const listener of listeners) listener(event);
      },
      fresh: createJustImported(),
    };
    return buildLibrary(state, listeners, release);
  } catch (err) {
    await release();
    throw err;
  }
}

async function openDoc(
  dir: string,
  clock: Clock,
  migrations: readonly Migration[],
  target: number,
): Promise<Low<LibraryDoc>> {
  const file = path.join(dir, LIBRARY_FILE);
  const db = new Low<LibraryDoc>(
    new AtomicJsonFile<LibraryDoc>(file),
    newLibraryDoc(target, clock()),
  );
  let existing: LibraryDoc | null;
  try {
    existing = await db.adapter.read();
  } catch {
    // Unreadable folio.json: keep it for inspection and start a fresh one (tags are re-registered
    // from the items as they are edited; nothing in items/ depends on this file).
    await fs.rename(file, `${file}.corrupt-${Date.now()}`);
    existing = null;
  }
  if (existing) {
    db.data = existing;
    const passed = await migrate(
      existing as unknown as Record<string, unknown>,
      { dir, now: clock() },
      migrations,
      target,
    );
    if (passed.length > 0) await db.write();
  } else {
    await db.write();
  }
  return db;
}

/**
 * Loads the catalog and checks it against items/. After a crash the catalog may lag an edit
 * that reached meta.json, so it is then rebuilt from every meta.json (seconds at 50,000 items,
 * and only after a crash).
 */
async function openCatalog(dir: string, afterCrash: boolean): Promise<Catalog> {
  const loaded = afterCrash ? null : await loadCatalog(dir);
  const catalog = loaded ?? new Catalog(dir);
  const { ids, leftovers } = await scanItems(dir);
  // Half-written (staging) and half-deleted folders from a crash are never items.
  await Promise.all(
    leftovers.map((name) =>
      fs.rm(path.join(dir, ITEMS_DIR, name), { recursive: true, force: true }),
    ),
  );
  const onDisk = new Set(ids);
  const gone = [...catalog.entries.keys()].filter((id) => !onDisk.has(id));
  for (const id of gone) catalog.apply({ d: id });
  const missing = ids.filter((id) => !catalog.entries.has(id));
  for (const id of missing) {
    try {
      catalog.apply({ p: toEntry(await readMeta(dir, id)) });
    } catch {
      // An item folder without readable metadata is not an item; set it aside, never delete it.
      await fs.rename(
        path.join(dir, ITEMS_DIR, id),
        path.join(dir, `broken-item-${id}-${Date.now()}`),
      );
    }
  }
  // Rewriting catalog.json costs a few hundred ms at 50,000 items: only when something changed.
  if (!loaded || gone.length > 0 || missing.length > 0 || catalog.journalSize > 0)
    await catalog.compact();
  return catalog;
}

function buildLibrary(
  state: LibraryState,
  listeners: Set<(event: LibraryEvent) => void>,
  release: () => Promise<void>,
): Library {
  const tracker = createImportTracker();
  const { dir, catalog } = state;
  const summaries = () => [...catalog.entries.values()].map((e) => e.summary);
  const get = async (id: string): Promise<Article> => {
    const fresh = state.fresh.take(id);
    if (fresh) return fresh;
    const meta = await readMeta(dir, id);
    return { ...meta, ...(await readBodies(dir, id)) };
  };
  let closed: Promise<void> | null = null;
  return {
    dir,
    info() {
      const all = summaries();
      const trashCount = all.filter((s) => s.deletedAt).length;
      return {
        path: dir,
        schemaVersion: state.doc.data.schemaVersion,
        articleCount: all.length - trashCount,
        trashCount,
        isEmpty: all.length === 0,
      };
    },
    importFile: (input) => importFile(state, tracker, input),
    list: (req: ListRequest) => filterSummaries(summaries(), req, state.clock()),
    allSummaries: summaries,
    get,
    getOriginalBytes: (id) => readOriginal(dir, id),
    async setMeta(id, field, value) {
      await edits.setMeta(state, id, field, value);
      return get(id);
    },
    async revertMeta(id, fields) {
      await edits.revertMeta(state, id, fields);
      return get(id);
    },
    trash: (ids) => edits.trash(state, ids),
    restore: (ids) => edits.restore(state, ids),
    emptyTrash: () => edits.emptyTrash(state),
    purge: (ids) => purgeTrashed(state, ids),
    tags: () => countTags(summaries(), (key) => state.doc.data.tags[key] ?? key),
    addTags: (ids, tags) => tagOps.addTags(state, ids, tags),
    removeTags: (ids, tags) => tagOps.removeTags(state, ids, tags),
    renameTag: (from, to) => tagOps.mergeTags(state, [from], to),
    mergeTags: (from, to) => tagOps.mergeTags(state, from, to),
    deleteTag: (tag) => tagOps.deleteTag(state, tag),
    setNote: (id, markdown) => edits.setNote(state, id, markdown),
    getSettings: () => structuredClone(state.doc.data.settings),
    setSettings: (patch) => edits.setSettings(state, patch),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed ??= (async () => {
        await Promise.allSettled([...tracker.bySha.values()]);
        await state.queue.idle();
        // Folding the journal rewrites catalog.json (~20 MB at 50,000 items): not for a few lines.
        if (catalog.needsCompaction) await catalog.compact();
        await catalog.close();
        await release();
      })();
      return closed;
    },
  };
}
