/**
 * The in-memory index: an immutable base segment (loaded from disk) plus an append-only delta of
 * documents indexed since. Updating a document retires its old number and appends a new one, so
 * postings stay sorted; compaction folds both into a fresh base with dense numbers.
 */
import {
  type BaseSegment,
  ByteWriter,
  FIELD_COUNT,
  PostingList,
  type Postings,
  decodeInto,
  emptyPostings,
  appendAfterIn,
  compareTermAt,
  findTerm,
  lastDocIn,
  postingsBytes,
  releaseBuffer,
  writePosting,
} from './postings';
import { isWordTerm } from './tokenize';

/** What the index keeps in memory about one document. */
export interface DocRecord {
  id: string;
  title: string;
  siteName: string;
  authors: string[];
  tags: string[];
  lang: string;
  publishedAt: number | null;
  updatedAt: string;
  trashed: boolean;
  /** Text and notes are already in folded form (phrases can be checked without folding). */
  plain?: boolean;
  /** Token counts per field, for BM25 length normalisation. */
  lens: number[];
  /** [byte offset, byte length] of "text \0 notes" in the texts file. */
  textRef: [number, number];
  /**
   * [byte offset, byte length] of the same "text \0 notes" folded with whitespace collapsed (the
   * form phrases are matched in), so checking a candidate is a read and an indexOf, no folding.
   * Absent in indexes written before it existed.
   */
  foldRef?: [number, number];
  /**
   * Filter of the windows around the spaces of that folded form (gap-signature.ts); absent when
   * the record was indexed before it existed.
   */
  gapSig?: Uint32Array;
}

/** Term frequencies of one document: its distinct terms, and FIELD_COUNT counts per term. */
export interface DocTerms {
  terms: string[];
  tfs: Uint16Array;
}

/**
 * A document's terms waiting for the delta log: '\n'-joined (terms never hold a line break), as
 * the log writes them. One string instead of a thousand or more: the terms of every document
 * indexed in the last second outlive V8's young generation, and the old one pays per object.
 */
export interface PendingTerms {
  joined: string;
  tfs: Uint16Array;
}

let versions = 0;
const nextVersion = () => ++versions;

export class IndexState {
  docs: Array<DocRecord | null> = [];
  byId = new Map<string, number>();
  base: BaseSegment | null = null;
  /** Doc numbers below this live in the base segment. */
  baseCount = 0;
  delta = new Map<string, PostingList>();
  /** Terms of documents added since the last save, kept until they are written to the delta log. */
  deltaTerms = new Map<number, PendingTerms>();
  /** Documents below this number are saved (in the base or the delta log). */
  savedDocs = 0;
  /** Whether this generation's delta log has been started (its header written). */
  deltaLogExists = false;
  /** Documents retired since the last save. */
  private removedSinceSave: number[] = [];
  /** Base documents retired since the base was written. */
  removedBase = new Set<number>();
  live = 0;
  lenSums = new Array<number>(FIELD_COUNT).fill(0);
  /**
   * Changes with every change to the documents, their numbers or their postings, and differs
   * between states: an evaluation kept for the next page of the same query is stale once it has
   * changed (a rebuild replaces the state).
   */
  version = nextVersion();
  /** Word terms of the base, '\n'-joined with '\n' at both ends; built on first use. */
  private baseWords: string | null = null;
  /** Word terms first seen in the delta, in the same form. */
  private deltaWords = '\n';

  /**
   * The letter/digit terms, as '\n'-delimited strings searched by substring (word-dict.ts):
   * a query word finds every indexed word containing it without a second index.
   */
  wordDictionaries(): string[] {
    if (this.baseWords === null) this.baseWords = this.base ? baseWordTerms(this.base) : '\n';
    return [this.baseWords, this.deltaWords];
  }

  /** Starts from a loaded base segment and its documents. */
  loadBase(docs: DocRecord[], base: BaseSegment): void {
    this.version = nextVersion();
    this.base?.close?.();
    this.docs = docs.slice();
    this.base = base;
    this.baseCount = docs.length;
    this.byId = new Map(docs.map((d, i) => [d.id, i]));
    this.live = docs.length;
    this.baseWords = null;
    this.deltaWords = '\n';
    this.lenSums.fill(0);
    for (const d of docs) d.lens.forEach((l, f) => (this.lenSums[f]! += l));
  }

  /**
   * Swaps the base segment for the same one read from disk (after it was written). The arrays of
   * a segment built in memory are released at once (see releaseBuffer): nothing reads them after.
   */
  useBase(base: BaseSegment): void {
    const built = this.base;
    if (base.termOffsets.length !== (built?.termOffsets.length ?? -1)) {
      throw new Error('search index: the written base does not match the one in memory');
    }
    built?.close?.();
    this.base = base;
    if (built && !built.readPostings) {
      for (const a of [built.postings, built.termChars, built.termOffsets, built.postOffsets]) {
        releaseBuffer(a);
      }
    }
  }

  /** Adds (or replaces) a document; returns its new number. */
  add(rec: DocRecord, terms: DocTerms, keepTerms = true): number {
    this.version = nextVersion();
    this.remove(rec.id);
    const doc = this.docs.length;
    this.docs.push(rec);
    this.byId.set(rec.id, doc);
    const { terms: list, tfs } = terms;
    for (let i = 0; i < list.length; i++) {
      const term = list[i]!;
      let pl = this.delta.get(term);
      if (!pl) {
        this.delta.set(term, (pl = new PostingList()));
        if (isWordTerm(term)) this.deltaWords += `${term}\n`;
      }
      pl.add(doc, tfs, i * FIELD_COUNT);
    }
    if (keepTerms) this.deltaTerms.set(doc, { joined: list.join('\n'), tfs });
    this.live++;
    rec.lens.forEach((l, f) => (this.lenSums[f]! += l));
    return doc;
  }

  /** Retires a document by id; true when it was indexed. */
  remove(id: string): boolean {
    const doc = this.byId.get(id);
    if (doc === undefined) return false;
    this.version = nextVersion();
    const rec = this.docs[doc];
    if (rec) rec.lens.forEach((l, f) => (this.lenSums[f]! -= l));
    this.docs[doc] = null;
    this.byId.delete(id);
    this.deltaTerms.delete(doc);
    if (doc < this.savedDocs) this.removedSinceSave.push(doc);
    if (doc < this.baseCount) this.removedBase.add(doc);
    this.live--;
    return true;
  }

  /** Postings of a term across base and delta (retired documents included; callers skip them). */
  postings(term: string): Postings {
    return this.postingsInto(term, emptyPostings());
  }

  /** The same, decoded into `out` from its start (a buffer reused across terms). */
  postingsInto(term: string, out: Postings): Postings {
    out.count = 0;
    if (this.base) {
      const i = findTerm(this.base, term);
      if (i >= 0) decodeInto(postingsBytes(this.base, i), out);
    }
    const pl = this.delta.get(term);
    if (pl) decodeInto(pl.bytes(), out);
    return out;
  }

  /**
   * Encoded size of a term's postings in bytes, base and delta: proportional to its document
   * count, and known without decoding, so a query can start from its rarest term.
   */
  postingsSize(term: string): number {
    let size = 0;
    if (this.base) {
      const i = findTerm(this.base, term);
      if (i >= 0) size += this.base.postOffsets[i + 1]! - this.base.postOffsets[i]!;
    }
    return size + (this.delta.get(term)?.len ?? 0);
  }

  /** Records that everything so far is saved (after loading or writing the delta log). */
  markSaved(logExists: boolean): void {
    this.savedDocs = this.docs.length;
    this.deltaLogExists = logExists;
    this.removedSinceSave = [];
    this.deltaTerms.clear();
  }

  /**
   * Restores a delta saved by a checkpoint (delta-checkpoint.ts) onto the base just loaded: the
   * base documents it retired, its documents by number (null where retired) and its postings.
   */
  restoreDelta(
    removedBase: readonly number[],
    docs: ReadonlyArray<DocRecord | null>,
    postings: Map<string, PostingList>,
  ): void {
    this.version = nextVersion();
    for (const d of removedBase) {
      const rec = this.docs[d];
      if (rec) this.remove(rec.id);
    }
    for (const rec of docs) {
      if (rec) {
        this.remove(rec.id);
        this.byId.set(rec.id, this.docs.length);
        this.live++;
        rec.lens.forEach((l, f) => (this.lenSums[f]! += l));
      }
      this.docs.push(rec);
    }
    this.delta = postings;
    for (const term of postings.keys()) if (isWordTerm(term)) this.deltaWords += `${term}\n`;
  }

  /** Documents retired since the last save (the list is handed over and cleared). */
  takeRemovedSinceSave(): number[] {
    const out = this.removedSinceSave;
    this.removedSinceSave = [];
    return out;
  }

  /** Releases the base segment's file (an on-disk base keeps one open). */
  close(): void {
    this.base?.close?.();
  }

  /** Number of documents indexed since the base was written, plus retired base documents. */
  pendingChanges(): number {
    return this.docs.length - this.baseCount + this.removedBase.size;
  }

  /**
   * Folds base and delta into a new dense base segment; renumbers documents. An on-disk base is
   * read `windowBytes` at a time (tests pass a small window).
   */
  compact(windowBytes = COMPACT_WINDOW): void {
    this.version = nextVersion();
    const remap = new Int32Array(this.docs.length).fill(-1);
    const docs: DocRecord[] = [];
    this.docs.forEach((rec, i) => {
      if (rec) {
        remap[i] = docs.length;
        docs.push(rec);
      }
    });
    const deltaKeys = [...this.delta.keys()].sort();
    const old = this.base;
    const baseTerms = old ? old.termOffsets.length - 1 : 0;
    // The merged dictionary is written straight into the new segment's arrays, base terms copied
    // as code units: a string per base term would be hundreds of thousands of short-lived
    // strings on the main thread at every compaction.
    let deltaChars = 0;
    for (const t of deltaKeys) deltaChars += t.length;
    const termChars = new Uint16Array((old?.termChars.length ?? 0) + deltaChars);
    const termOffsets = new Uint32Array(baseTerms + deltaKeys.length + 1);
    const postOffsets = new Uint32Array(baseTerms + deltaKeys.length + 1);
    let termCount = 0;
    let charCount = 0;
    // Merged postings never take more bytes than their inputs (renumbering only shrinks gaps, and
    // a term's first delta posting shrinks once it follows the base's), so one buffer of the
    // inputs' size holds them: no doubling while writing and no trimmed copy after.
    let bound = old ? (old.postOffsets[baseTerms] ?? 0) : 0;
    for (const pl of this.delta.values()) bound += pl.len;
    const out = new ByteWriter(Math.max(16, bound));
    const scratch = emptyPostings(1024);
    const readBase = old ? new BasePostingsReader(old, windowBytes) : null;
    // With no document retired, numbers stay as they are and postings are copied as bytes: only
    // the first delta posting of a term the base also holds needs a new gap.
    const renumber = this.live !== this.docs.length;
    /** Writes one term of the merged segment: base term `baseIdx`, or else `deltaTerm`. */
    const emit = (baseIdx: number, deltaTerm: string | null, pl: PostingList | undefined) => {
      const start = out.len;
      if (!renumber) {
        // Copied from where the bytes lie: a view object per term and list was most of the cost
        // of a compaction that renumbers nothing (an import's).
        const n =
          baseIdx >= 0 && old ? old.postOffsets[baseIdx + 1]! - old.postOffsets[baseIdx]! : 0;
        if (n > 0) {
          const at = readBase!.locate(baseIdx);
          const buf = readBase!.buf;
          out.copy(buf, at, n);
          if (pl) appendAfterIn(out, pl.buf, pl.off, pl.off + pl.len, lastDocIn(buf, at, at + n));
        } else if (pl) {
          out.copy(pl.buf, pl.off, pl.len);
        }
      } else {
        scratch.count = 0;
        if (baseIdx >= 0 && readBase) decodeInto(readBase.bytes(baseIdx), scratch);
        if (pl) decodeInto(pl.bytes(), scratch);
        let last = -1;
        for (let k = 0; k < scratch.count; k++) {
          const nd = remap[scratch.docs[k]!]!;
          if (nd < 0) continue;
          const tfs = scratch.tfs.subarray(k * FIELD_COUNT, (k + 1) * FIELD_COUNT);
          writePosting(out, nd - last, tfs);
          last = nd;
        }
      }
      if (out.len === start) return;
      if (baseIdx >= 0 && old) {
        // Copied by hand: terms are a few units long, and a view object per term adds up.
        const chars = old.termChars;
        const e = old.termOffsets[baseIdx + 1]!;
        for (let k = old.termOffsets[baseIdx]!; k < e; k++) termChars[charCount++] = chars[k]!;
      } else if (deltaTerm !== null) {
        for (let k = 0; k < deltaTerm.length; k++) termChars[charCount++] = deltaTerm.charCodeAt(k);
      }
      termOffsets[++termCount] = charCount;
      postOffsets[termCount] = out.len;
    };
    let bi = 0;
    let di = 0;
    while (bi < baseTerms || di < deltaKeys.length) {
      const dTerm = di < deltaKeys.length ? deltaKeys[di]! : null;
      // Both sides are sorted by UTF-16 code unit, as compareTermAt compares.
      const c = bi >= baseTerms ? 1 : dTerm === null ? -1 : compareTermAt(old!, bi, dTerm);
      if (c < 0) {
        emit(bi++, null, undefined);
      } else if (c === 0) {
        emit(bi++, null, this.delta.get(dTerm!));
        di++;
      } else {
        emit(-1, dTerm, this.delta.get(dTerm!));
        di++;
      }
    }
    old?.close?.();
    const postings = out.result();
    this.base = {
      termChars: termChars.subarray(0, charCount),
      termOffsets: termOffsets.subarray(0, termCount + 1),
      postOffsets: postOffsets.subarray(0, termCount + 1),
      // Trimmed only when retired documents left much of the buffer unused: a copy would
      // briefly hold the postings twice.
      postings:
        postings.byteLength < postings.buffer.byteLength * 0.75 ? postings.slice() : postings,
    };
    this.docs = docs;
    this.baseCount = docs.length;
    this.byId = new Map(docs.map((d, i) => [d.id, i]));
    this.delta = new Map();
    this.deltaTerms = new Map();
    this.removedBase = new Set();
    this.markSaved(false);
    this.baseWords = null;
    this.deltaWords = '\n';
  }
}

/** Base postings read in windows of at least this many bytes while compacting. */
const COMPACT_WINDOW = 4 << 20;

/**
 * Reads a segment's postings term by term, in term order. An on-disk segment is read a window at
 * a time: one read per term is far too slow, and reading the whole section at once costs several
 * times its size in memory while the merged postings are being built beside it.
 */
class BasePostingsReader {
  /** Holds the postings `locate` last found (a window of the section for an on-disk segment). */
  buf: Uint8Array;
  private winStart = 0;

  constructor(
    private readonly seg: BaseSegment,
    private readonly window: number,
  ) {
    this.buf = seg.postings ?? new Uint8Array(0);
  }

  /** Makes term i's postings readable in `buf`, valid until the next call; returns their offset. */
  locate(i: number): number {
    const seg = this.seg;
    const s = seg.postOffsets[i]!;
    if (seg.postings) return s;
    const e = seg.postOffsets[i + 1]!;
    if (s < this.winStart || e > this.winStart + this.buf.length) {
      const last = seg.postOffsets[seg.postOffsets.length - 1]!;
      this.winStart = s;
      // readPostings answers in a buffer it reuses, valid until its next call: only this reader
      // calls it during compaction.
      this.buf = seg.readPostings!(s, Math.min(last, Math.max(e, s + this.window)));
    }
    return s - this.winStart;
  }

  /** Term i's postings (a view, valid until the next call). */
  bytes(i: number): Uint8Array {
    const at = this.locate(i);
    return this.buf.subarray(at, at + this.seg.postOffsets[i + 1]! - this.seg.postOffsets[i]!);
  }
}

/** The word terms of a segment, '\n'-joined (CJK terms are skipped by their first unit). */
function baseWordTerms(seg: BaseSegment): string {
  // One decode of the whole dictionary, then slices: building each term from its code units
  // took about 1.3 µs a term, a second or more for a large library's first Latin query.
  const all = new TextDecoder('utf-16le').decode(seg.termChars);
  const parts: string[] = [''];
  const n = seg.termOffsets.length - 1;
  for (let i = 0; i < n; i++) {
    const term = all.slice(seg.termOffsets[i]!, seg.termOffsets[i + 1]!);
    if (isWordTerm(term)) parts.push(term);
  }
  parts.push('');
  return parts.join('\n');
}
