/** Metadata edits, notes and the Trash. */
import { LOCALE_SETTINGS, type Settings, THEME_SETTINGS } from '../../../shared/api';
import { FolioError } from '../../../shared/errors';
import {
  EDITABLE_FIELDS,
  type EditableField,
  type EditableMeta,
  type Note,
} from '../../../shared/model';
import { removeItem } from './item-files';
import { type LibraryState, editItems } from './library-state';

/** Checks and normalises a value for an editable field; throws INVALID_INPUT. */
export function normaliseMetaValue(
  field: EditableField,
  value: unknown,
): EditableMeta[EditableField] {
  if (!EDITABLE_FIELDS.includes(field))
    throw new FolioError('INVALID_INPUT', `${String(field)} is not editable.`);
  if (field === 'authors') {
    const list = typeof value === 'string' ? value.split(/[,，、;]/) : value;
    if (!Array.isArray(list) || !list.every((a) => typeof a === 'string')) {
      throw new FolioError('INVALID_INPUT', 'authors must be a list of names.');
    }
    return list.map((a) => a.trim()).filter(Boolean);
  }
  if (field === 'publishedAt') {
    if (value === null || value === '') return null;
    const time = typeof value === 'string' ? Date.parse(value) : NaN;
    if (Number.isNaN(time))
      throw new FolioError('INVALID_INPUT', 'publishedAt must be a date or null.');
    return new Date(time).toISOString();
  }
  if (typeof value !== 'string') throw new FolioError('INVALID_INPUT', `${field} must be text.`);
  const text = value.trim();
  if (field === 'title' && !text)
    throw new FolioError('INVALID_INPUT', 'The title cannot be empty.');
  return text;
}

function assign(
  meta: EditableMeta,
  field: EditableField,
  value: EditableMeta[EditableField],
): boolean {
  if (JSON.stringify(meta[field]) === JSON.stringify(value)) return false;
  (meta as unknown as Record<string, unknown>)[field] = Array.isArray(value) ? [...value] : value;
  return true;
}

function requireItem(state: LibraryState, id: string): void {
  if (!state.catalog.entries.has(id))
    throw new FolioError('NOT_FOUND', `No article with id ${id}.`);
}

/** Sets one editable field. */
export async function setMeta(
  state: LibraryState,
  id: string,
  field: EditableField,
  value: unknown,
): Promise<void> {
  const clean = normaliseMetaValue(field, value);
  requireItem(state, id);
  await state.queue.run(() => editItems(state, [id], (meta) => assign(meta, field, clean)));
}

/** Restores fields (all editable ones by default) to the parsed values. */
export async function revertMeta(
  state: LibraryState,
  id: string,
  fields?: EditableField[],
): Promise<void> {
  const which = fields ?? [...EDITABLE_FIELDS];
  for (const f of which)
    normaliseMetaValue(f, f === 'authors' ? [] : f === 'publishedAt' ? null : 'x');
  requireItem(state, id);
  await state.queue.run(() =>
    editItems(state, [id], (meta) =>
      which.map((f) => assign(meta, f, meta.parsed[f])).some(Boolean),
    ),
  );
}

/** Moves items to the Trash; returns how many moved. */
export async function trash(state: LibraryState, ids: string[]): Promise<number> {
  return state.queue.run(async () => {
    const changed = await editItems(state, ids, (meta, now) => {
      if (meta.deletedAt) return false;
      meta.deletedAt = now;
      return true;
    });
    return changed.length;
  });
}

/** Brings items back from the Trash; returns how many came back. */
export async function restore(state: LibraryState, ids: string[]): Promise<number> {
  return state.queue.run(async () => {
    const changed = await editItems(state, ids, (meta) => {
      if (!meta.deletedAt) return false;
      meta.deletedAt = null;
      return true;
    });
    return changed.length;
  });
}

/** Deletes every trashed item's folder for good; returns how many. */
export async function emptyTrash(state: LibraryState): Promise<number> {
  return state.queue.run(async () => {
    const ids = [...state.catalog.entries.values()]
      .filter((e) => e.summary.deletedAt)
      .map((e) => e.summary.id);
    for (const id of ids) {
      state.fresh.drop(id);
      await removeItem(state.dir, id);
    }
    await state.catalog.remove(ids);
    if (ids.length > 0) state.emit({ type: 'remove', ids });
    return ids.length;
  });
}

/** Sets an item's note; empty text removes it. */
export async function setNote(
  state: LibraryState,
  id: string,
  markdown: string,
): Promise<Note | null> {
  if (typeof markdown !== 'string') throw new FolioError('INVALID_INPUT', 'A note must be text.');
  requireItem(state, id);
  let result: Note | null = null;
  await state.queue.run(() =>
    editItems(state, [id], (meta, now) => {
      if (!markdown.trim()) {
        if (!meta.notes) return false;
        meta.notes = null;
        return true;
      }
      if (meta.notes?.markdown === markdown) {
        result = meta.notes;
        return false;
      }
      meta.notes = { markdown, createdAt: meta.notes?.createdAt ?? now, updatedAt: now };
      result = meta.notes;
      return true;
    }),
  );
  return result;
}

/** Merges a settings patch after checking each value. */
export async function setSettings(
  state: LibraryState,
  patch: Partial<Settings>,
): Promise<Settings> {
  const next: Settings = { ...state.doc.data.settings };
  if (patch.theme !== undefined) {
    if (!(THEME_SETTINGS as readonly string[]).includes(patch.theme))
      throw new FolioError('INVALID_INPUT', 'Unknown theme.');
    next.theme = patch.theme;
  }
  if (patch.locale !== undefined) {
    if (!(LOCALE_SETTINGS as readonly string[]).includes(patch.locale))
      throw new FolioError('INVALID_INPUT', 'Unknown locale.');
    next.locale = patch.locale;
  }
  if (patch.savedSearches !== undefined) {
    const ok =
      Array.isArray(patch.savedSearches) &&
      patch.savedSearches.every((s) => typeof s?.name === 'string' && typeof s?.query === 'string');
    if (!ok)
      throw new FolioError('INVALID_INPUT', 'savedSearches must be a list of {name, query}.');
    next.savedSearches = patch.savedSearches.map((s) => ({ name: s.name, query: s.query }));
  }
  return state.queue.run(async () => {
    state.doc.data.settings = next;
    await state.doc.write();
    return structuredClone(next);
  });
}
