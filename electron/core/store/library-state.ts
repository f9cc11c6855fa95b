/** The state one open library shares between its import, edit and tag operations. */
import type { Low } from 'lowdb';
import type { AsyncParseFn, Clock, LibraryEvent } from '../ports';
import type { Catalog } from './catalog';
import { type StoredMeta, toEntry, updateMeta } from './item-files';
import type { LibraryDoc } from './library-doc';
import type { JustImported } from './just-imported';
import type { WriteQueue } from './write-queue';

export interface LibraryState {
  dir: string;
  parse: AsyncParseFn;
  clock: Clock;
  queue: WriteQueue;
  catalog: Catalog;
  doc: Low<LibraryDoc>;
  emit(event: LibraryEvent): void;
  /** Articles just imported, until their first read (see just-imported.ts). */
  fresh: JustImported;
}

// Enough parallel small writes to keep the disk busy without exhausting file handles.
const EDIT_CHUNK = 16;

/**
 * Applies `change` to each listed item that exists, writing only the items it changed; bumps
 * their updatedAt, records them in the catalog and emits one upsert. Call inside the queue.
 */
export async function editItems(
  state: LibraryState,
  ids: readonly string[],
  change: (meta: StoredMeta, now: string) => boolean,
): Promise<StoredMeta[]> {
  const now = state.clock().toISOString();
  const known = [...new Set(ids)].filter((id) => state.catalog.entries.has(id));
  known.forEach((id) => state.fresh.drop(id));
  const changed: StoredMeta[] = [];
  for (let i = 0; i < known.length; i += EDIT_CHUNK) {
    const chunk = known.slice(i, i + EDIT_CHUNK);
    const results = await Promise.all(
      chunk.map((id) =>
        updateMeta(state.dir, id, (meta) => {
          if (!change(meta, now)) return false;
          meta.updatedAt = now;
          return true;
        }),
      ),
    );
    for (const r of results) if (r.changed) changed.push(r.meta);
  }
  if (changed.length > 0) {
    await state.catalog.put(changed.map(toEntry));
    state.emit({ type: 'upsert', ids: changed.map((m) => m.id) });
  }
  return changed;
}
