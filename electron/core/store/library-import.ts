/**
 * Importing one file: hash, detect duplicates and new versions, parse, write the item folder,
 * then record it in the catalog. The item folder rename is the commit point; the catalog is
 * derived and is repaired from items/ on open.
 */
import { createHash } from 'node:crypto';
import { uniqueTags } from '../../../shared/tags';
import { canonicalUrl } from '../import/canonical-url';
import type { ImportOutcome } from '../ports';
import { type StoredMeta, toEntry, writeNewItem } from './item-files';
import { type LibraryState, editItems } from './library-state';
import { registerTags } from './library-tags';

/** Per-library bookkeeping of imports still in flight (so concurrent imports stay consistent). */
export interface ImportTracker {
  bySha: Map<string, Promise<ImportOutcome>>;
  byUrl: Map<string, string>;
}

/** Creates empty in-flight bookkeeping. */
export function createImportTracker(): ImportTracker {
  return { bySha: new Map(), byUrl: new Map() };
}

/** Imports one file's bytes; throws FolioError for input the parser rejects. */
export async function importFile(
  state: LibraryState,
  tracker: ImportTracker,
  input: { fileName: string; bytes: Uint8Array },
): Promise<ImportOutcome> {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const existing = state.catalog.findBySha(sha256);
  if (existing) {
    // Dropping a file that sits in the Trash brings it back rather than hiding it.
    if (state.catalog.entries.get(existing)?.summary.deletedAt) {
      await state.queue.run(() =>
        editItems(state, [existing], (meta) => {
          meta.deletedAt = null;
          return true;
        }),
      );
    }
    return { status: 'duplicate', id: existing };
  }
  const inFlight = tracker.bySha.get(sha256);
  if (inFlight) return { status: 'duplicate', id: (await inFlight).id };
  const job = importNew(state, tracker, input, sha256);
  tracker.bySha.set(sha256, job);
  try {
    return await job;
  } finally {
    tracker.bySha.delete(sha256);
  }
}

async function importNew(
  state: LibraryState,
  tracker: ImportTracker,
  input: { fileName: string; bytes: Uint8Array },
  sha256: string,
): Promise<ImportOutcome> {
  // Yield once so a concurrent import of the same bytes finds this job in the tracker.
  await Promise.resolve();
  const { article, format, encoding } = await state.parse(input.bytes, input.fileName);
  const urlKey = canonicalUrl(article.url);
  // Lookup and reservation happen with no await in between, so two versions racing still chain.
  const previousVersionId =
    (urlKey && tracker.byUrl.get(urlKey)) || state.catalog.latestByUrl(urlKey)?.summary.id || null;
  const id = newId(state, sha256);
  if (urlKey) tracker.byUrl.set(urlKey, id);
  const now = state.clock().toISOString();
  const tags = registerTags(state.doc.data, uniqueTags(article.tags));
  const { contentHtml, text, ...rest } = article;
  const meta: StoredMeta = {
    ...rest,
    tags: tags.display,
    id,
    importedAt: now,
    updatedAt: now,
    source: { fileName: input.fileName, sha256, bytes: input.bytes.byteLength, format, encoding },
    parsed: {
      title: article.title,
      url: article.url,
      siteName: article.siteName,
      authors: [...article.authors],
      publishedAt: article.publishedAt,
    },
    notes: null,
    deletedAt: null,
    previousVersionId,
  };
  try {
    await writeNewItem(state.dir, meta, { original: input.bytes, html: contentHtml, text });
    // The search index reads the article at once: it gets this copy instead of the files. Put
    // before the catalog shows the item, so an edit (which needs it there) always drops it.
    state.fresh.put({ ...meta, contentHtml, text });
    if (tags.added) await state.queue.run(() => state.doc.write());
    await state.catalog.put([toEntry(meta)]);
  } finally {
    if (urlKey && tracker.byUrl.get(urlKey) === id) tracker.byUrl.delete(urlKey);
  }
  state.emit({ type: 'upsert', ids: [id] });
  return { status: previousVersionId ? 'version' : 'imported', id };
}

/** Ids come from the content hash: short, stable, and recoverable after a crash. */
function newId(state: LibraryState, sha256: string): string {
  for (let len = 16; len < 64; len += 8) {
    const id = sha256.slice(0, len);
    if (!state.catalog.entries.has(id)) return id;
  }
  return sha256;
}
