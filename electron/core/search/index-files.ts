/**
 * The index on disk, under `<library>/index/`:
 *   manifest.json        format version, generation, which base and texts files are current
 *   base-<gen>.bin       header JSON (document strings, by column) + document numbers + term
 *                        dictionary + phrase filters (gap-signature.ts) + postings, with one CRC for the dictionary part (checked
 *                        at open) and one for the postings (read on demand, checked after open)
 *   delta-<gen>.jsonl    append-only log of documents indexed and retired since that base
 *                        (a torn last line from a crash is ignored)
 *   texts-<n>.bin        append-only article texts (see text-store.ts)
 * Every file is written to a temporary name, fsynced and renamed, and the manifest goes last, so a
 * crash leaves the previous consistent state. Anything that fails to verify is reported as corrupt.
 */
import { crc32 } from 'node:zlib';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocRecord, DocTerms, PendingTerms } from './index-state';
import { type BaseSegment, FIELD_COUNT, allPostings } from './postings';

export const FORMAT_VERSION = 6;
const MAGIC = 'FOLIOIX1';

export interface Manifest {
  formatVersion: number;
  gen: number;
  texts: string;
}

/** A document record as a line of the delta log holds it: the phrase filter in base64. */
export type DeltaRecord = Omit<DocRecord, 'gapSig'> & { gapSig?: string };

/**
 * One line of the delta log after its header: retired document numbers, or an added document with
 * its terms, either '\n'-joined in `t` with their counts as the bytes of a Uint16Array in base64 in
 * `f` (written now: a fraction of the work of JSON arrays, on the thread that limits imports), or
 * as JSON arrays in `terms` and `tfs` (written before; still read).
 */
export type DeltaEntry =
  | { removed: number[] }
  | { doc: number; rec: DeltaRecord; t: string; f: string }
  | { doc: number; rec: DeltaRecord; terms: string[]; tfs: number[] };

/** The delta log line of an added document (see DeltaEntry), without its line break. */
export function deltaLine(doc: number, rec: DeltaRecord, terms: PendingTerms): string {
  const { tfs } = terms;
  const f = Buffer.from(tfs.buffer, tfs.byteOffset, tfs.byteLength).toString('base64');
  return JSON.stringify({ doc, rec, t: terms.joined, f });
}

/** The terms of an added document's line, in either form; null when they do not fit together. */
export function deltaEntryTerms(entry: object): DocTerms | null {
  const e = entry as { t?: unknown; f?: unknown; terms?: unknown; tfs?: unknown };
  if (typeof e.t === 'string' && typeof e.f === 'string') {
    const terms = e.t === '' ? [] : e.t.split('\n');
    const bytes = Buffer.from(e.f, 'base64');
    if (bytes.length !== terms.length * FIELD_COUNT * 2) return null;
    const tfs = new Uint16Array(bytes.length / 2);
    new Uint8Array(tfs.buffer).set(bytes);
    return { terms, tfs };
  }
  const { terms, tfs } = e;
  if (!Array.isArray(terms) || !Array.isArray(tfs) || tfs.length !== terms.length * FIELD_COUNT) {
    return null;
  }
  return { terms: terms as string[], tfs: Uint16Array.from(tfs as number[]) };
}

/** The delta log's form of a record. */
export function toDeltaRecord(rec: DocRecord): DeltaRecord {
  const { gapSig, ...rest } = rec;
  if (!gapSig) return rest;
  const bytes = Buffer.from(gapSig.buffer, gapSig.byteOffset, gapSig.byteLength);
  return { ...rest, gapSig: bytes.toString('base64') };
}

/** A record read back from the delta log. */
export function fromDeltaRecord(raw: DeltaRecord): DocRecord {
  const { gapSig, ...rest } = raw;
  if (typeof gapSig !== 'string') return rest;
  const bytes = Buffer.from(gapSig, 'base64');
  if (bytes.length % 4 !== 0) corrupt('delta phrase filter');
  const sig = new Uint32Array(bytes.length / 4);
  new Uint8Array(sig.buffer).set(bytes);
  return { ...rest, gapSig: sig };
}

export interface Snapshot {
  docs: DocRecord[];
  base: BaseSegment;
}

/** Document strings by column: parsing a few big string arrays is far cheaper than objects. */
interface DocColumns {
  id: string[];
  title: string[];
  siteName: string[];
  lang: string[];
  updatedAt: string[];
  authors: string[][];
  tags: string[][];
}

interface BaseHeader {
  formatVersion: number;
  gen: number;
  docs: number;
  columns: DocColumns;
  terms: number;
  termChars: number;
  /** Total 32-bit words of the documents' phrase filters. */
  sigWords: number;
  postings: number;
  /** CRC of document numbers, term offsets, posting offsets and term characters. */
  dictCrc: number;
  /** CRC of the postings section. */
  postCrc: number;
}

export const baseName = (gen: number): string => `base-${gen}.bin`;
export const deltaName = (gen: number): string => `delta-${gen}.jsonl`;
export const checkpointName = (gen: number): string => `delta-${gen}.ckpt`;

/** Writes bytes atomically: temp file, fsync, rename. */
export async function writeAtomic(
  path: string,
  data: Uint8Array | string | readonly Uint8Array[],
): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    // Each writeFile writes all of its part from where the last one ended.
    const parts = typeof data === 'string' || data instanceof Uint8Array ? [data] : data;
    for (const part of parts) await fh.writeFile(part);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

/**
 * Numbers per document: publishedAt (NaN: none), flags, lens × 4, textRef × 2, foldRef × 2, words
 * of its phrase filter.
 */
const NUMS = 11;
const TRASHED = 1;
const PLAIN = 2;
const HAS_FOLD = 4;
const HAS_SIG = 8;

/** The sections read at open, in file order (the postings follow them). */
function dictSections(nums: Float64Array, sigs: Uint32Array, base: BaseSegment): Uint8Array[] {
  const view = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  return [
    view(nums),
    view(base.termOffsets),
    view(base.postOffsets),
    view(sigs),
    view(base.termChars),
  ];
}

function encodeDocs(docs: DocRecord[]): {
  columns: DocColumns;
  nums: Float64Array;
  sigs: Uint32Array;
} {
  const columns: DocColumns = {
    id: [],
    title: [],
    siteName: [],
    lang: [],
    updatedAt: [],
    authors: [],
    tags: [],
  };
  const nums = new Float64Array(docs.length * NUMS);
  const sigs = new Uint32Array(docs.reduce((n, d) => n + (d.gapSig?.length ?? 0), 0));
  let sigAt = 0;
  docs.forEach((d, i) => {
    columns.id.push(d.id);
    columns.title.push(d.title);
    columns.siteName.push(d.siteName);
    columns.lang.push(d.lang);
    columns.updatedAt.push(d.updatedAt);
    columns.authors.push(d.authors);
    columns.tags.push(d.tags);
    const o = i * NUMS;
    nums[o] = d.publishedAt ?? NaN;
    nums[o + 1] =
      (d.trashed ? TRASHED : 0) |
      (d.plain ? PLAIN : 0) |
      (d.foldRef ? HAS_FOLD : 0) |
      (d.gapSig ? HAS_SIG : 0);
    for (let f = 0; f < 4; f++) nums[o + 2 + f] = d.lens[f] ?? 0;
    nums[o + 6] = d.textRef[0];
    nums[o + 7] = d.textRef[1];
    nums[o + 8] = d.foldRef?.[0] ?? 0;
    nums[o + 9] = d.foldRef?.[1] ?? 0;
    nums[o + 10] = d.gapSig?.length ?? 0;
    if (d.gapSig) sigs.set(d.gapSig, sigAt);
    sigAt += d.gapSig?.length ?? 0;
  });
  return { columns, nums, sigs };
}

function decodeDocs(
  n: number,
  c: DocColumns,
  nums: Float64Array,
  sigSection: Uint32Array,
): DocRecord[] {
  const docs = new Array<DocRecord>(n);
  // A copy of its own: the filters outlive the rest of the dictionary buffer after a compaction.
  const sigs = sigSection.slice();
  let sigAt = 0;
  for (let i = 0; i < n; i++) {
    const o = i * NUMS;
    const flags = nums[o + 1]!;
    const published = nums[o]!;
    const rec: DocRecord = {
      id: c.id[i]!,
      title: c.title[i]!,
      siteName: c.siteName[i]!,
      authors: c.authors[i]!,
      tags: c.tags[i]!,
      lang: c.lang[i]!,
      publishedAt: Number.isNaN(published) ? null : published,
      updatedAt: c.updatedAt[i]!,
      trashed: (flags & TRASHED) !== 0,
      plain: (flags & PLAIN) !== 0,
      lens: [nums[o + 2]!, nums[o + 3]!, nums[o + 4]!, nums[o + 5]!],
      textRef: [nums[o + 6]!, nums[o + 7]!],
    };
    if (flags & HAS_FOLD) rec.foldRef = [nums[o + 8]!, nums[o + 9]!];
    if (flags & HAS_SIG) {
      const words = nums[o + 10]!;
      if (sigAt + words > sigs.length) corrupt('phrase filters');
      rec.gapSig = sigs.subarray(sigAt, (sigAt += words));
    }
    docs[i] = rec;
  }
  return docs;
}

/** Serialises a compacted (in-memory) base segment and its documents. */
export function encodeBase(gen: number, docs: DocRecord[], base: BaseSegment): Uint8Array {
  return Buffer.concat(encodeBaseParts(gen, docs, base));
}

/**
 * The same, as the parts of the file in order: the postings (most of it) and the term tables are
 * the segment's own arrays, not copies, so writing a large base does not hold it twice.
 */
export function encodeBaseParts(gen: number, docs: DocRecord[], base: BaseSegment): Uint8Array[] {
  const { columns, nums, sigs } = encodeDocs(docs);
  const sections = dictSections(nums, sigs, base);
  const postings = allPostings(base);
  let dictCrc = 0;
  // zlib restarts the CRC for an empty buffer over a zero-length ArrayBuffer (a null pointer), so
  // empty sections (no phrase filters, no terms) are skipped to match the one-pass check at open.
  for (const s of sections) if (s.byteLength) dictCrc = crc32(s, dictCrc);
  const header: BaseHeader = {
    formatVersion: FORMAT_VERSION,
    gen,
    docs: docs.length,
    columns,
    terms: base.termOffsets.length - 1,
    termChars: base.termChars.length,
    sigWords: sigs.length,
    postings: postings.length,
    dictCrc,
    postCrc: crc32(postings),
  };
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  // Pad so the typed-array sections start 8-byte aligned in the file.
  const pad = (8 - ((MAGIC.length + 4 + json.length) % 8)) % 8;
  if (pad) json = Buffer.concat([json, Buffer.from(' '.repeat(pad))]);
  const lenBuf = Buffer.alloc(4);
  lenBuf.writeUInt32LE(json.length);
  return [Buffer.concat([Buffer.from(MAGIC), lenBuf, json]), ...sections, postings];
}

function corrupt(what: string): never {
  throw new Error(`search index is corrupt: ${what}`);
}

/** A base opened for search: the postings stay in the file until a query needs them. */
export interface OpenedBase extends Snapshot {
  /** Reads the postings section once and checks its CRC; throws when it does not match. */
  verifyPostings(): Promise<void>;
}

/** Reads exactly `len` bytes at `pos` of an open file. */
function readAt(fd: number, buf: Uint8Array, len: number, pos: number): void {
  let got = 0;
  while (got < len) {
    const n = readSync(fd, buf, got, len - got, pos + got);
    if (n === 0) corrupt('truncated');
    got += n;
  }
}

/**
 * Opens a base file: header, documents and term dictionary are read and verified now (magic,
 * version, sizes, CRC); postings are read by offset when a query asks for a term.
 */
export function openBase(path: string, gen: number, withDocs = true): OpenedBase {
  const fd = openSync(path, 'r');
  try {
    return openBaseFd(fd, gen, withDocs);
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

function openBaseFd(fd: number, gen: number, withDocs: boolean): OpenedBase {
  const head = Buffer.alloc(12);
  const size = fstatSize(fd);
  if (size < 12) corrupt('bad magic');
  readAt(fd, head, 12, 0);
  if (head.toString('latin1', 0, 8) !== MAGIC) corrupt('bad magic');
  const hlen = head.readUInt32LE(8);
  if (12 + hlen > size) corrupt('truncated');
  const hbuf = Buffer.alloc(hlen);
  readAt(fd, hbuf, hlen, 12);
  let header: BaseHeader;
  try {
    header = JSON.parse(hbuf.toString('utf8')) as BaseHeader;
  } catch {
    corrupt('header');
  }
  if (header.formatVersion !== FORMAT_VERSION) corrupt('format version');
  if (header.gen !== gen) corrupt('generation');
  const dictStart = 12 + hlen;
  const dictBytes =
    header.docs * NUMS * 8 + (header.terms + 1) * 8 + header.sigWords * 4 + header.termChars * 2;
  const postStart = dictStart + dictBytes;
  if (postStart + header.postings !== size) corrupt(size < postStart ? 'truncated' : 'size');
  // One aligned buffer: the typed arrays are views into it, nothing is copied.
  const dict = new Uint8Array(new ArrayBuffer(dictBytes + 8), 0, dictBytes);
  readAt(fd, dict, dictBytes, dictStart);
  let pos = 0;
  const take = (bytes: number) => {
    const at = pos;
    pos += bytes;
    return at;
  };
  const nums = new Float64Array(dict.buffer, take(header.docs * NUMS * 8), header.docs * NUMS);
  const termOffsets = new Uint32Array(dict.buffer, take((header.terms + 1) * 4), header.terms + 1);
  const postOffsets = new Uint32Array(dict.buffer, take((header.terms + 1) * 4), header.terms + 1);
  const sigs = new Uint32Array(dict.buffer, take(header.sigWords * 4), header.sigWords);
  const termChars = new Uint16Array(dict.buffer, take(header.termChars * 2), header.termChars);
  if (crc32(dict) !== header.dictCrc) corrupt('checksum');
  if ((postOffsets[header.terms] ?? 0) !== header.postings) corrupt('postings size');
  let scratch = Buffer.allocUnsafe(1 << 16);
  let open = true;
  const base: BaseSegment = {
    termOffsets,
    postOffsets,
    termChars,
    postings: null,
    readPostings(start, end) {
      const len = end - start;
      if (len > scratch.length) scratch = Buffer.allocUnsafe(len * 2);
      readAt(fd, scratch, len, postStart + start);
      return scratch.subarray(0, len);
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
  const verifyPostings = async () => {
    const chunk = Buffer.allocUnsafe(1 << 20);
    let crc = 0;
    for (let off = 0; off < header.postings && open; off += chunk.length) {
      const len = Math.min(chunk.length, header.postings - off);
      readAt(fd, chunk, len, postStart + off);
      crc = crc32(chunk.subarray(0, len), crc);
      // Yield between chunks so searches are served while the check runs.
      await new Promise((r) => setImmediate(r));
    }
    if (open && crc !== header.postCrc) corrupt('postings checksum');
  };
  const docs = withDocs ? decodeDocs(header.docs, header.columns, nums, sigs) : [];
  return { docs, base, verifyPostings };
}

function fstatSize(fd: number): number {
  return fstatSync(fd).size;
}

/** Reads the manifest; null when there is no index yet. */
export async function readManifest(dir: string): Promise<Manifest | null> {
  let raw: string;
  try {
    raw = await readFile(join(dir, 'manifest.json'), 'utf8');
  } catch {
    return null;
  }
  const m = JSON.parse(raw) as Manifest;
  // An index in an older format is simply rebuilt; a newer one means a newer Folio wrote it.
  if (m.formatVersion < FORMAT_VERSION) return null;
  if (m.formatVersion !== FORMAT_VERSION) corrupt('manifest format version');
  return m;
}

/** The header line of a delta log, without its line break. */
export function deltaHeader(gen: number): string {
  return JSON.stringify({ formatVersion: FORMAT_VERSION, gen });
}

/**
 * Reads the delta log of a generation; null when there is none. A last line cut short by a crash
 * is dropped (its changes are caught up from the library by updatedAt); damage elsewhere is
 * corruption. With `from`, only the lines after that byte (the end of a line) are read: null
 * then also when the log does not reach it.
 */
export async function readDelta(dir: string, gen: number, from = 0): Promise<DeltaEntry[] | null> {
  let raw: Buffer;
  try {
    raw = await readFile(join(dir, deltaName(gen)));
  } catch {
    return null;
  }
  const headEnd = raw.indexOf(0x0a);
  const head = raw.toString('utf8', 0, headEnd < 0 ? raw.length : headEnd);
  if (from > 0 && (from > raw.length || raw[from - 1] !== 0x0a || from <= headEnd)) return null;
  const rest = headEnd < 0 ? [] : raw.toString('utf8', from > 0 ? from : headEnd + 1).split('\n');
  let header: { formatVersion?: number; gen?: number } = {};
  try {
    header = JSON.parse(head) as typeof header;
  } catch {
    if (rest.length > 0) corrupt('delta header');
    return [];
  }
  if (header.formatVersion !== FORMAT_VERSION || header.gen !== gen) corrupt('delta generation');
  const out: DeltaEntry[] = [];
  rest.forEach((line, i) => {
    if (!line) return;
    try {
      out.push(JSON.parse(line) as DeltaEntry);
    } catch {
      if (i !== rest.length - 1) corrupt('delta entry');
    }
  });
  return out;
}

/**
 * Appends lines (each given without its line break) to a file and fsyncs it: the delta log's only
 * write. They are encoded into one buffer outside V8's heap: joined first, a second's worth of an
 * import's lines made a string of megabytes there, straight into the old generation, and a line
 * with its break appended was a cons string that encoding flattened into one more copy.
 */
export async function appendSynced(path: string, lines: readonly string[]): Promise<void> {
  let size = lines.length;
  for (const line of lines) size += Buffer.byteLength(line, 'utf8');
  const data = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const line of lines) {
    at += data.write(line, at, 'utf8');
    data[at++] = 0x0a;
  }
  const fh = await open(path, 'a');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Removes files of other generations (left behind by compaction or a crash). */
export async function removeStale(dir: string, keep: string[], names: string[]): Promise<void> {
  for (const n of names) {
    if (keep.includes(n) || n === 'manifest.json') continue;
    if (/^(base-\d+\.bin|delta-\d+\.(jsonl?|ckpt)|texts-\d+\.bin)(\..*\.tmp)?$/.test(n)) {
      await rm(join(dir, n), { force: true });
    }
  }
}
