/**
 * Tag operations. The registry in folio.json maps each tag's identity (NFKC + case fold) to the
 * first-seen display form, so "AI", "ai" and "ＡＩ" are one tag shown one way everywhere.
 */
import { FolioError } from '../../../shared/errors';
import { cleanTag, tagKey, uniqueTags } from '../../../shared/tags';
import type { LibraryDoc } from './library-doc';
import { type LibraryState, editItems } from './library-state';
import { cachedTagKey } from './list-view';

/** Maps tags to their registered display forms, registering new ones in memory. */
export function registerTags(
  doc: LibraryDoc,
  tags: readonly string[],
): { display: string[]; added: boolean } {
  let added = false;
  const display = uniqueTags(tags).map((tag) => {
    const key = tagKey(tag);
    const known = doc.tags[key];
    if (known !== undefined) return known;
    doc.tags[key] = tag;
    added = true;
    return tag;
  });
  return { display, added };
}

function requireTag(raw: string): string {
  const tag = cleanTag(raw);
  if (!tag) throw new FolioError('INVALID_INPUT', 'A tag cannot be empty.');
  return tag;
}

/** Items (by catalog) carrying any of the given tag keys. */
function idsWithTags(state: LibraryState, keys: Set<string>): string[] {
  const ids: string[] = [];
  for (const { summary } of state.catalog.entries.values()) {
    if (summary.tags.some((t) => keys.has(cachedTagKey(t)))) ids.push(summary.id);
  }
  return ids;
}

/** Adds tags to items; returns how many items changed. */
export async function addTags(state: LibraryState, ids: string[], tags: string[]): Promise<number> {
  const wanted = tags.map(requireTag);
  return state.queue.run(async () => {
    const { display, added } = registerTags(state.doc.data, wanted);
    if (added) await state.doc.write();
    const changed = await editItems(state, ids, (meta) => {
      const next = uniqueTags([...meta.tags, ...display]);
      if (next.length === meta.tags.length) return false;
      meta.tags = next;
      return true;
    });
    return changed.length;
  });
}

/** Removes tags from items; returns how many items changed. */
export async function removeTags(
  state: LibraryState,
  ids: string[],
  tags: string[],
): Promise<number> {
  const keys = new Set(tags.map((t) => tagKey(requireTag(t))));
  return state.queue.run(async () => {
    const changed = await editItems(state, ids, (meta) => dropKeys(meta, keys));
    return changed.length;
  });
}

function dropKeys(meta: { tags: string[] }, keys: Set<string>): boolean {
  const next = meta.tags.filter((t) => !keys.has(tagKey(t)));
  if (next.length === meta.tags.length) return false;
  meta.tags = next;
  return true;
}

/**
 * Renames (or merges) tags into `to` on every item. Renaming to a tag that already exists
 * merges; renaming to another spelling of the same tag changes its display form.
 */
export async function mergeTags(state: LibraryState, from: string[], to: string): Promise<number> {
  const target = requireTag(to);
  const targetKey = tagKey(target);
  const fromKeys = new Set(from.map((t) => tagKey(requireTag(t))));
  return state.queue.run(async () => {
    const registry = state.doc.data.tags;
    const display = fromKeys.has(targetKey) ? target : (registry[targetKey] ?? target);
    for (const key of fromKeys) delete registry[key];
    registry[targetKey] = display;
    await state.doc.write();
    const keys = new Set([...fromKeys, targetKey]);
    const changed = await editItems(state, idsWithTags(state, keys), (meta) => {
      const hadAny = meta.tags.some((t) => keys.has(tagKey(t)));
      if (!hadAny) return false;
      const first = meta.tags.findIndex((t) => keys.has(tagKey(t)));
      const next = meta.tags.filter((t) => !keys.has(tagKey(t)));
      next.splice(first, 0, display);
      if (next.join('\u0000') === meta.tags.join('\u0000')) return false;
      meta.tags = next;
      return true;
    });
    return changed.length;
  });
}

/** Removes a tag from every item and from the registry. */
export async function deleteTag(state: LibraryState, tag: string): Promise<number> {
  const keys = new Set([tagKey(requireTag(tag))]);
  return state.queue.run(async () => {
    for (const key of keys) delete state.doc.data.tags[key];
    await state.doc.write();
    const changed = await editItems(state, idsWithTags(state, keys), (meta) =>
      dropKeys(meta, keys),
    );
    return changed.length;
  });
}
