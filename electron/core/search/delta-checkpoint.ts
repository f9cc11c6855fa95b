/**
 * A checkpoint of the delta: its postings, records and retired base documents as they stand in
 * memory, written beside the delta log when the index closes (and while the log grows). Loading
 * replays the log document by document, term by term, about 0.6 ms per article: the delta of a
 * 50,000-article library may reach 6,250 articles before compaction folds it into the base, which
 * made the next load take seconds. A checkpoint loads as a few large arrays instead, and only the
 * log's lines written after it are replayed. The log stays the record of every change: a missing,
 * stale or damaged checkpoint only means a full replay.
 *
 * Layout: u32 header length, the JSON header, the '\n'-joined terms, padding to 4 bytes, then per
 * term its last document, document count and byte length (u32 each), then the postings bytes.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type DeltaRecord,
  FORMAT_VERSION,
  checkpointName,
  fromDeltaRecord,
  toDeltaRecord,
} from './index-files';
import type { DocRecord, IndexState } from './index-state';
import { PostingList } from './postings';

interface CheckpointHeader {
  formatVersion: number;
  gen: number;
  /** Bytes of the delta log (whole lines) whose changes the checkpoint holds. */
  logBytes: number;
  /** Documents in the base it was taken on, and in all. */
  baseCount: number;
  docCount: number;
  /** Base documents retired since the base was written. */
  removedBase: number[];
  /** The delta's live documents by number (the others are retired). */
  docs: Array<[number, DeltaRecord]>;
  terms: number;
  termsBytes: number;
}

/** The delta as a checkpoint restores it onto its base. */
export interface DeltaCheckpoint {
  logBytes: number;
  removedBase: number[];
  /** Records of documents baseCount .. docCount - 1, null where retired. */
  docs: Array<DocRecord | null>;
  postings: Map<string, PostingList>;
}

/** The checkpoint of `state`'s delta, which the first `logBytes` bytes of the log also hold. */
export function encodeCheckpoint(state: IndexState, gen: number, logBytes: number): Buffer {
  const terms = [...state.delta.keys()];
  const termBytes = Buffer.from(terms.join('\n'), 'utf8');
  const docs: Array<[number, DeltaRecord]> = [];
  for (let d = state.baseCount; d < state.docs.length; d++) {
    const rec = state.docs[d];
    if (rec) docs.push([d, toDeltaRecord(rec)]);
  }
  const header: CheckpointHeader = {
    formatVersion: FORMAT_VERSION,
    gen,
    logBytes,
    baseCount: state.baseCount,
    docCount: state.docs.length,
    removedBase: [...state.removedBase],
    docs,
    terms: terms.length,
    termsBytes: termBytes.length,
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const metaAt = align4(4 + head.length + termBytes.length);
  let postingBytes = 0;
  for (const pl of state.delta.values()) postingBytes += pl.len;
  const out = Buffer.alloc(metaAt + terms.length * 12 + postingBytes);
  out.writeUInt32LE(head.length, 0);
  head.copy(out, 4);
  termBytes.copy(out, 4 + head.length);
  let at = metaAt + terms.length * 12;
  terms.forEach((term, i) => {
    const pl = state.delta.get(term)!;
    out.writeUInt32LE(pl.last, metaAt + i * 12);
    out.writeUInt32LE(pl.df, metaAt + i * 12 + 4);
    out.writeUInt32LE(pl.len, metaAt + i * 12 + 8);
    out.set(pl.bytes(), at);
    at += pl.len;
  });
  return out;
}

const align4 = (n: number) => (n + 3) & ~3;

/**
 * Decodes a checkpoint taken on generation `gen` over a base of `baseCount` documents; null when
 * it is of another base or damaged (every length is checked before anything is built).
 */
export function decodeCheckpoint(
  bytes: Buffer,
  gen: number,
  baseCount: number,
): DeltaCheckpoint | null {
  try {
    if (bytes.length < 4) return null;
    const headLen = bytes.readUInt32LE(0);
    if (4 + headLen > bytes.length) return null;
    const h = JSON.parse(bytes.toString('utf8', 4, 4 + headLen)) as CheckpointHeader;
    if (h.formatVersion !== FORMAT_VERSION || h.gen !== gen || h.baseCount !== baseCount) {
      return null;
    }
    const termsAt = 4 + headLen;
    const metaAt = align4(termsAt + h.termsBytes);
    let at = metaAt + h.terms * 12;
    if (!Number.isSafeInteger(h.terms) || at > bytes.length || h.docCount < baseCount) return null;
    const terms = h.terms
      ? bytes.toString('utf8', termsAt, termsAt + h.termsBytes).split('\n')
      : [];
    if (terms.length !== h.terms) return null;
    const postings = new Map<string, PostingList>();
    for (let i = 0; i < terms.length; i++) {
      const len = bytes.readUInt32LE(metaAt + i * 12 + 8);
      if (at + len > bytes.length) return null;
      if (len === 0) return null;
      // A view into the checkpoint: the list copies itself out once it grows.
      const pl = new PostingList(bytes.subarray(at, at + len));
      pl.last = bytes.readUInt32LE(metaAt + i * 12);
      pl.df = bytes.readUInt32LE(metaAt + i * 12 + 4);
      postings.set(terms[i]!, pl);
      at += len;
    }
    if (at !== bytes.length) return null;
    const docs = new Array<DocRecord | null>(h.docCount - baseCount).fill(null);
    for (const [d, rec] of h.docs) {
      if (d < baseCount || d >= h.docCount) return null;
      docs[d - baseCount] = fromDeltaRecord(rec);
    }
    if (!h.removedBase.every((d) => Number.isInteger(d) && d >= 0 && d < baseCount)) return null;
    return { logBytes: h.logBytes, removedBase: h.removedBase, docs, postings };
  } catch {
    return null;
  }
}

/** Reads the checkpoint of generation `gen`; null when there is none or it does not apply. */
export async function readCheckpoint(
  dir: string,
  gen: number,
  baseCount: number,
): Promise<DeltaCheckpoint | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, checkpointName(gen)));
  } catch {
    return null;
  }
  return decodeCheckpoint(bytes, gen, baseCount);
}
