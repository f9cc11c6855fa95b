/**
 * Loads and saves an IndexState with its text store. Small changes are saved as a delta beside
 * the base; once the delta grows, the index is compacted and a new base generation written.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  FORMAT_VERSION,
  appendSynced,
  deltaHeader,
  deltaEntryTerms,
  deltaLine,
  type Manifest,
  baseName,
  checkpointName,
  openBase,
  deltaName,
  encodeBaseParts,
  fromDeltaRecord,
  readDelta,
  readManifest,
  removeStale,
  toDeltaRecord,
  writeAtomic,
} from './index-files';
import { encodeCheckpoint, readCheckpoint } from './delta-checkpoint';
import { IndexState } from './index-state';
import { TextStore } from './text-store';

/** An index as loaded: state, its texts and where they live. */
export interface LoadedIndex {
  state: IndexState;
  texts: TextStore;
  manifest: Manifest;
  /** Checks the postings left on disk at load (absent for an index built in this session). */
  verifyPostings?: () => Promise<void>;
  /** Bytes of the delta log that its checkpoint holds (delta-checkpoint.ts); 0 for none. */
  checkpointed?: number;
}

/** Loads the index in `dir`; null when there is none. Throws when it is corrupt. */
export async function loadIndex(dir: string): Promise<LoadedIndex | null> {
  const manifest = await readManifest(dir);
  if (!manifest) return null;
  const snap = openBase(join(dir, baseName(manifest.gen)), manifest.gen);
  const textsPath = join(dir, manifest.texts);
  if (!existsSync(textsPath)) {
    snap.base.close?.();
    throw new Error('search index is corrupt: texts file missing');
  }
  const state = new IndexState();
  state.loadBase(snap.docs, snap.base);
  try {
    return await withDelta(dir, manifest, state, textsPath, snap.verifyPostings);
  } catch (err) {
    state.close();
    throw err;
  }
}

async function withDelta(
  dir: string,
  manifest: Manifest,
  state: IndexState,
  textsPath: string,
  verifyPostings: () => Promise<void>,
): Promise<LoadedIndex> {
  // A checkpoint applies when the log still reaches the end of what it holds; then only the lines
  // after that are replayed.
  const ck = await readCheckpoint(dir, manifest.gen, state.baseCount);
  const tail = ck ? await readDelta(dir, manifest.gen, ck.logBytes) : null;
  if (ck && tail) state.restoreDelta(ck.removedBase, ck.docs, ck.postings);
  const delta = ck && tail ? tail : await readDelta(dir, manifest.gen);
  for (const entry of delta ?? []) {
    if ('removed' in entry) {
      for (const d of entry.removed) {
        const rec = state.docs[d];
        if (rec) state.remove(rec.id);
      }
      continue;
    }
    while (state.docs.length < entry.doc) state.docs.push(null);
    const terms = deltaEntryTerms(entry);
    if (!terms) throw new Error('search index is corrupt: delta terms');
    state.add(fromDeltaRecord(entry.rec), terms, false);
  }
  state.markSaved(delta !== null);
  const texts = new TextStore(textsPath);
  let maxRef = 0;
  for (const r of state.docs) {
    if (!r) continue;
    maxRef = Math.max(maxRef, r.textRef[0] + r.textRef[1]);
    if (r.foldRef) maxRef = Math.max(maxRef, r.foldRef[0] + r.foldRef[1]);
  }
  if (maxRef > texts.size) {
    texts.close();
    throw new Error('search index is corrupt: texts file truncated');
  }
  return {
    state,
    texts,
    manifest,
    verifyPostings,
    checkpointed: ck && tail ? ck.logBytes : 0,
  };
}

/**
 * Appends the changes since the last save to the generation's delta log: retired document numbers
 * and the documents added since, with their terms. Each save writes only what is new.
 */
export async function saveDelta(dir: string, idx: LoadedIndex): Promise<void> {
  const { state, manifest } = idx;
  const lines: string[] = [];
  if (!state.deltaLogExists) lines.push(deltaHeader(manifest.gen));
  const removed = state.takeRemovedSinceSave();
  if (removed.length) lines.push(JSON.stringify({ removed }));
  for (let doc = state.savedDocs; doc < state.docs.length; doc++) {
    const rec = state.docs[doc];
    const terms = state.deltaTerms.get(doc);
    if (rec && terms) lines.push(deltaLine(doc, toDeltaRecord(rec), terms));
  }
  idx.texts.sync();
  if (lines.length) await appendSynced(join(dir, deltaName(manifest.gen)), lines);
  state.markSaved(true);
}

/**
 * Log bytes past the checkpoint beyond which a save writes a new one: while the index is open, and
 * when it closes. A checkpoint holds the whole delta (tens of MB for thousands of articles), while
 * replaying a few articles costs milliseconds: a CLI command that tags one article should not
 * rewrite it, but the next launch should not replay an import either.
 */
const CHECKPOINT_EVERY = 8 << 20;
const CHECKPOINT_AT_CLOSE = 256 << 10;

/** Writes a checkpoint of the delta once the log holds enough changes it lacks (see above). */
export async function saveCheckpoint(
  dir: string,
  idx: LoadedIndex,
  closing: boolean,
): Promise<void> {
  if (!idx.state.deltaLogExists) return;
  const logBytes = (await stat(join(dir, deltaName(idx.manifest.gen)))).size;
  const behind = logBytes - (idx.checkpointed ?? 0);
  if (behind <= (closing ? CHECKPOINT_AT_CLOSE : CHECKPOINT_EVERY)) return;
  const bytes = encodeCheckpoint(idx.state, idx.manifest.gen, logBytes);
  await writeAtomic(join(dir, checkpointName(idx.manifest.gen)), bytes);
  idx.checkpointed = logBytes;
}

/** Rewrites texts of live documents into a fresh file (when most of the old one is stale). */
function rewriteTexts(dir: string, idx: LoadedIndex, name: string): TextStore {
  writeFileSync(join(dir, name), '');
  const fresh = new TextStore(join(dir, name));
  for (const rec of idx.state.docs) {
    if (!rec) continue;
    // Copied as bytes: a folded form may be stored in UTF-16 (folded-form.ts).
    rec.textRef = rec.textRef[1] ? fresh.appendBytes(idx.texts.readBytes(rec.textRef)) : [0, 0];
    if (rec.foldRef) {
      rec.foldRef = rec.foldRef[1] ? fresh.appendBytes(idx.texts.readBytes(rec.foldRef)) : [0, 0];
    }
  }
  return fresh;
}

/** Compacts the state and writes a new base generation; returns the index to use from now on. */
export async function saveSnapshot(dir: string, idx: LoadedIndex): Promise<LoadedIndex> {
  await mkdir(dir, { recursive: true });
  idx.state.compact();
  const gen = idx.manifest.gen + 1;
  let texts = idx.texts;
  let textsName = idx.manifest.texts;
  const liveBytes = idx.state.docs.reduce(
    (n, r) => n + (r ? r.textRef[1] + (r.foldRef?.[1] ?? 0) : 0),
    0,
  );
  if (texts.size > 2 * liveBytes + (1 << 20)) {
    textsName = `texts-${gen}.bin`;
    texts = rewriteTexts(dir, idx, textsName);
  }
  texts.sync();
  const docs = idx.state.docs.filter((d) => d !== null);
  // Written from the built segment's own arrays (the postings are tens of MB): no second copy.
  await writeAtomic(join(dir, baseName(gen)), encodeBaseParts(gen, docs, idx.state.base!));
  // Searches then read postings from the file, as after a load: a large import or rebuild does
  // not keep the whole postings section in memory.
  idx.state.useBase(openBase(join(dir, baseName(gen)), gen, false).base);
  const manifest: Manifest = { formatVersion: FORMAT_VERSION, gen, texts: textsName };
  await writeAtomic(join(dir, 'manifest.json'), JSON.stringify(manifest));
  if (texts !== idx.texts) idx.texts.close();
  await removeStale(dir, [baseName(gen), textsName], await readdir(dir));
  return { state: idx.state, texts, manifest };
}

/** A new, empty index writing its texts to a fresh file of the next generation. */
export async function emptyIndex(dir: string, prevGen: number): Promise<LoadedIndex> {
  await mkdir(dir, { recursive: true });
  const gen = prevGen;
  const textsName = `texts-${gen + 1}.bin`;
  writeFileSync(join(dir, textsName), '');
  const texts = new TextStore(join(dir, textsName));
  return {
    state: new IndexState(),
    texts,
    manifest: { formatVersion: FORMAT_VERSION, gen, texts: textsName },
  };
}
