/**
 * Compact postings. A posting is (doc gap, field mask, one term frequency per field in the mask),
 * all as LEB128 varints. Doc numbers only grow, so lists are appended to in place and stay sorted.
 */

/** Number of indexed fields: title, text, notes, meta (authors, site, tags). */
export const FIELD_COUNT = 4;

/** Decoded postings of one term. `tfs` holds FIELD_COUNT counts per posting. */
export interface Postings {
  count: number;
  docs: Int32Array;
  tfs: Uint16Array;
}

/** Size of the slabs small lists are cut from, and the largest list kept in one. */
const SLAB_BYTES = 1 << 20;
const SLAB_MAX = 4096;
let slab = new Uint8Array(0);
let slabUsed = 0;

/**
 * Reserves `n` bytes of the current slab (a new one when it is full) and returns their offset; the
 * slab is then in `slab`. A typed array of its own costs V8 an ArrayBuffer object and a separately
 * allocated store, about 150 bytes beside the few bytes most terms' postings hold: the delta's
 * tens of thousands of lists were a fifth of the main heap during an import, which V8 lets grow
 * to several times its live size. A slab is freed once nothing cut from it is in use (at the
 * latest when compaction empties the delta); space a list leaves behind when it grows is not
 * reused until then.
 */
function reserveSlab(n: number): number {
  if (slabUsed + n > slab.length) {
    slab = new Uint8Array(SLAB_BYTES);
    slabUsed = 0;
  }
  slabUsed += n;
  return slabUsed - n;
}

/** Longest posting in bytes: a gap, a mask and FIELD_COUNT frequencies, 5 bytes a varint at most. */
const MAX_POSTING_BYTES = 5 * (2 + FIELD_COUNT);

/** Writes `value` as a varint at buf[pos]; returns the position after it (room is the caller's). */
function putVarint(buf: Uint8Array, pos: number, value: number): number {
  let v = value >>> 0;
  while (v >= 0x80) {
    buf[pos++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  buf[pos++] = v;
  return pos;
}

/**
 * Writes one posting at buf[pos] (doc gap, field mask, then the non-zero frequencies from tfs[at],
 * each capped at 0xffff); returns the position after it. Needs MAX_POSTING_BYTES of room.
 */
function putPosting(
  buf: Uint8Array,
  pos: number,
  gap: number,
  tfs: ArrayLike<number>,
  at: number,
): number {
  let mask = 0;
  for (let f = 0; f < FIELD_COUNT; f++) if ((tfs[at + f] ?? 0) > 0) mask |= 1 << f;
  pos = putVarint(buf, pos, gap);
  buf[pos++] = mask;
  for (let f = 0; f < FIELD_COUNT; f++) {
    if (mask & (1 << f)) pos = putVarint(buf, pos, Math.min(tfs[at + f] ?? 0, 0xffff));
  }
  return pos;
}

/** Bytes of one posting as putPosting writes it. */
function postingSize(gap: number, tfs: ArrayLike<number>, at: number): number {
  let n = varintSize(gap) + 1;
  for (let f = 0; f < FIELD_COUNT; f++) {
    const tf = tfs[at + f] ?? 0;
    if (tf > 0) n += varintSize(Math.min(tf, 0xffff));
  }
  return n;
}

function varintSize(value: number): number {
  let v = value >>> 0;
  let n = 1;
  while (v >= 0x80) {
    v >>>= 7;
    n++;
  }
  return n;
}

/** A growable byte buffer of varints. */
export class ByteWriter {
  buf: Uint8Array;
  len = 0;

  constructor(initial = 16) {
    this.buf = new Uint8Array(initial);
  }

  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  varint(value: number): void {
    this.ensure(5);
    this.len = putVarint(this.buf, this.len, value);
  }

  bytes(src: Uint8Array): void {
    this.ensure(src.length);
    this.buf.set(src, this.len);
    this.len += src.length;
  }

  /** Appends bytes [from, from + n) of `src`. */
  copy(src: Uint8Array, from: number, n: number): void {
    this.ensure(n);
    const buf = this.buf;
    let len = this.len;
    // Most lists are a few bytes long: copied by hand, without a view object each.
    if (n <= 64) for (let i = from, e = from + n; i < e; i++) buf[len++] = src[i]!;
    else buf.set(src.subarray(from, from + n), len);
    this.len += n;
  }

  /** Appends one posting (see writePosting). */
  posting(gap: number, tfs: ArrayLike<number>, at = 0): void {
    this.ensure(MAX_POSTING_BYTES);
    this.len = putPosting(this.buf, this.len, gap, tfs, at);
  }

  result(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}

/**
 * Appendable postings of one term, kept encoded in bytes [off, off + len) of `buf`: while small, a
 * slice of a slab shared with other lists, past SLAB_MAX a buffer of its own. One object per term
 * (no writer or view object beside it): the delta holds one per distinct term, and each is traced
 * by every collection while it lives.
 */
export class PostingList {
  buf: Uint8Array;
  off: number;
  /** Bytes reserved at `off`. */
  cap = 8;
  len = 0;
  last = -1;
  df = 0;

  /** A new, empty list; or, with `bytes`, a list of those postings, viewed until it grows. */
  constructor(bytes?: Uint8Array) {
    if (bytes) {
      this.buf = bytes;
      this.off = 0;
      this.cap = this.len = bytes.length;
    } else {
      this.off = reserveSlab(this.cap);
      this.buf = slab;
    }
  }

  /** Adds a posting whose FIELD_COUNT frequencies start at tfs[at]. */
  add(doc: number, tfs: ArrayLike<number>, at = 0): void {
    const gap = doc - this.last;
    // Grown to the exact need near the end: most terms hold a posting or two of a few bytes.
    if (this.len + MAX_POSTING_BYTES > this.cap) {
      const need = postingSize(gap, tfs, at);
      if (this.len + need > this.cap) this.grow(need);
    }
    this.len = putPosting(this.buf, this.off + this.len, gap, tfs, at) - this.off;
    this.last = doc;
    this.df++;
  }

  private grow(extra: number): void {
    let cap = Math.max(8, this.cap * 2);
    while (cap < this.len + extra) cap *= 2;
    let buf: Uint8Array;
    let off: number;
    if (cap > SLAB_MAX) {
      buf = new Uint8Array(cap);
      off = 0;
    } else {
      off = reserveSlab(cap);
      buf = slab;
    }
    // Most lists that grow are a few bytes long: copied by hand, without a view object each.
    const from = this.buf;
    const at = this.off;
    if (this.len <= 64) for (let i = 0; i < this.len; i++) buf[off + i] = from[at + i]!;
    else buf.set(from.subarray(at, at + this.len), off);
    this.buf = buf;
    this.off = off;
    this.cap = cap;
  }

  /** The encoded postings (a view, valid until the next add). */
  bytes(): Uint8Array {
    return this.buf.subarray(this.off, this.off + this.len);
  }
}

/** Appends one posting: doc gap, field mask, then the non-zero frequencies from tfs[at]. */
export function writePosting(w: ByteWriter, gap: number, tfs: ArrayLike<number>, at = 0): void {
  w.posting(gap, tfs, at);
}

/** Decodes `bytes` (starting from doc number -1) into `out`, appending. */
export function decodeInto(bytes: Uint8Array, out: Postings): void {
  // This loop is most of a broad query's cost. Varints are read inline over local variables, one
  // byte being the common case: a closure over the position kept it in a heap context, and the
  // same lists took half as long again to decode.
  const n = bytes.length;
  let pos = 0;
  let doc = -1;
  let i = out.count;
  let { docs, tfs } = out;
  while (pos < n) {
    let b = bytes[pos++]!;
    let v = b & 0x7f;
    for (let mul = 0x80; b & 0x80; mul *= 0x80) {
      b = bytes[pos++]!;
      v += (b & 0x7f) * mul;
    }
    doc += v;
    const mask = bytes[pos++]!;
    if (i >= docs.length) {
      out.count = i;
      grow(out);
      ({ docs, tfs } = out);
    }
    docs[i] = doc;
    const base = i * FIELD_COUNT;
    for (let f = 0; f < FIELD_COUNT; f++) {
      let tf = 0;
      if (mask & (1 << f)) {
        b = bytes[pos++]!;
        tf = b & 0x7f;
        for (let mul = 0x80; b & 0x80; mul *= 0x80) {
          b = bytes[pos++]!;
          tf += (b & 0x7f) * mul;
        }
      }
      tfs[base + f] = tf;
    }
    i++;
  }
  out.count = i;
}

/** The last document number of encoded postings (starting from -1), read without decoding. */
export function lastDocOf(bytes: Uint8Array): number {
  return lastDocIn(bytes, 0, bytes.length);
}

/** The same for postings in bytes [from, to) of `bytes`. */
export function lastDocIn(bytes: Uint8Array, from: number, to: number): number {
  let pos = from;
  let doc = -1;
  while (pos < to) {
    let b = bytes[pos++]!;
    let v = b & 0x7f;
    for (let mul = 0x80; b & 0x80; mul *= 0x80) {
      b = bytes[pos++]!;
      v += (b & 0x7f) * mul;
    }
    doc += v;
    // Skip one varint per field in the mask.
    for (let mask = bytes[pos++]!; mask; mask &= mask - 1) while (bytes[pos++]! & 0x80);
  }
  return doc;
}

/**
 * Appends encoded postings (starting from -1) after postings ending at document `prev`: only
 * the first gap changes, the rest is copied as it is.
 */
export function appendAfter(w: ByteWriter, bytes: Uint8Array, prev: number): void {
  appendAfterIn(w, bytes, 0, bytes.length, prev);
}

/** The same for postings in bytes [from, to) of `bytes` (not empty). */
export function appendAfterIn(
  w: ByteWriter,
  bytes: Uint8Array,
  from: number,
  to: number,
  prev: number,
): void {
  let pos = from;
  let b = bytes[pos++]!;
  let gap = b & 0x7f;
  for (let mul = 0x80; b & 0x80; mul *= 0x80) {
    b = bytes[pos++]!;
    gap += (b & 0x7f) * mul;
  }
  w.varint(gap - 1 - prev);
  w.copy(bytes, pos, to - pos);
}

function grow(p: Postings): void {
  const size = Math.max(16, p.docs.length * 2);
  const docs = new Int32Array(size);
  docs.set(p.docs);
  const tfs = new Uint16Array(size * FIELD_COUNT);
  tfs.set(p.tfs);
  p.docs = docs;
  p.tfs = tfs;
}

/** An empty Postings with room for `n` entries. */
export function emptyPostings(n = 16): Postings {
  return { count: 0, docs: new Int32Array(n), tfs: new Uint16Array(n * FIELD_COUNT) };
}

/** Buffers below this size are left to the garbage collector (and may be Node's shared pool). */
const RELEASE_MIN_BYTES = 1 << 20;

/**
 * Frees a large buffer at once instead of at the next full collection. V8 frees an ArrayBuffer's
 * memory only with its wrapper object, which by the time a save is done has been promoted, and a
 * busy import may run ten seconds or more before the next full collection: a compaction's
 * buffers, tens of MB, sat beside the grown heap until then. Transferring the buffer moves its
 * memory to a clone that nothing holds, which the next minor collection frees; every view on the
 * buffer is left empty, so only buffers nothing else uses may be released.
 */
export function releaseBuffer(view: ArrayBufferView | null | undefined): void {
  const buffer = view?.buffer;
  if (!(buffer instanceof ArrayBuffer) || buffer.byteLength < RELEASE_MIN_BYTES) return;
  structuredClone(buffer, { transfer: [buffer] });
}

/** An immutable, sorted term dictionary with its postings, as loaded from disk. */
export interface BaseSegment {
  /** All terms, sorted by UTF-16 code unit, concatenated. */
  termChars: Uint16Array;
  /** termOffsets[i]..termOffsets[i+1] is term i in termChars. */
  termOffsets: Uint32Array;
  /** postOffsets[i]..postOffsets[i+1] is term i's postings in the postings section. */
  postOffsets: Uint32Array;
  /**
   * The postings section in memory, or null when it stays on disk and `readPostings` fetches the
   * bytes a query needs (a loaded index opens without reading every posting).
   */
  postings: Uint8Array | null;
  /** Bytes [start, end) of the postings section, valid until the next call. */
  readPostings?: (start: number, end: number) => Uint8Array;
  /** Releases the file behind an on-disk segment. */
  close?: () => void;
}

/** Compares term i of a segment with `term` by UTF-16 code unit (negative: the segment's first). */
export function compareTermAt(seg: BaseSegment, i: number, term: string): number {
  const s = seg.termOffsets[i]!;
  const e = seg.termOffsets[i + 1]!;
  const n = Math.min(e - s, term.length);
  for (let k = 0; k < n; k++) {
    const d = seg.termChars[s + k]! - term.charCodeAt(k);
    if (d !== 0) return d;
  }
  return e - s - term.length;
}

/** Binary search for a term; -1 when absent. No strings are built, so loading stays cheap. */
export function findTerm(seg: BaseSegment, term: string): number {
  let lo = 0;
  let hi = seg.termOffsets.length - 2;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareTermAt(seg, mid, term);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The term string at index i (used when merging segments). */
export function termAt(seg: BaseSegment, i: number): string {
  const s = seg.termOffsets[i]!;
  const e = seg.termOffsets[i + 1]!;
  let out = '';
  for (let k = s; k < e; k += 4096) {
    out += String.fromCharCode(...seg.termChars.subarray(k, Math.min(e, k + 4096)));
  }
  return out;
}

/** Raw postings bytes of term i (from memory, or read from disk into a reused buffer). */
export function postingsBytes(seg: BaseSegment, i: number): Uint8Array {
  const s = seg.postOffsets[i]!;
  const e = seg.postOffsets[i + 1]!;
  return seg.postings ? seg.postings.subarray(s, e) : seg.readPostings!(s, e);
}

/** The whole postings section (read in one go for an on-disk segment, e.g. to compact it). */
export function allPostings(seg: BaseSegment): Uint8Array {
  const len = seg.postOffsets[seg.postOffsets.length - 1] ?? 0;
  return seg.postings ?? seg.readPostings!(0, len).slice();
}
