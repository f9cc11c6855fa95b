/**
 * The index on disk, under `<library>/index/`:
 *   manifest.json        format version, generation, which base and texts files are current
 *   base-<gen>.bin       header JSON (document strings, by column) + document numbers + term
 *                        dictionary + postings, with a CRC
 *   delta-<gen>.json     documents indexed and retired since that base
 *   texts-<n>.bin        append-only article texts (see text-store.ts)
 * Every file is written to a temporary name, fsynced and renamed, and the manifest goes last, so a
 * crash leaves the previous consistent state. Anything that fails to verify is reported as corrupt.
 */
import { crc32 } from 'node:zlib';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocRecord } from './index-state';
import type { BaseSegment } from './postings';

export const FORMAT_VERSION = 3;
const MAGIC = 'FOLIOIX1';

export interface Manifest {
  formatVersion: number;
  gen: number;
  texts: string;
}

export interface DeltaFile {
  formatVersion: number;
  gen: number;
  removedBase: number[];
  docs: Array<{ doc: number; rec: DocRecord; terms: Array<[string, number[]]> }>;
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
  postings: number;
  crc: number;
}

export const baseName = (gen: number): string => `base-${gen}.bin`;
export const deltaName = (gen: number): string => `delta-${gen}.json`;

/** Writes bytes atomically: temp file, fsync, rename. */
export async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

/** Numbers per document: publishedAt (NaN: none), flags, lens × 4, textRef × 2, foldRef × 2. */
const NUMS = 10;
const TRASHED = 1;
const PLAIN = 2;
const HAS_FOLD = 4;

function sectionBytes(nums: Float64Array, base: BaseSegment): Uint8Array[] {
  const view = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  return [
    view(nums),
    view(base.termOffsets),
    view(base.postOffsets),
    view(base.termChars),
    base.postings,
  ];
}

function encodeDocs(docs: DocRecord[]): { columns: DocColumns; nums: Float64Array } {
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
    nums[o + 1] = (d.trashed ? TRASHED : 0) | (d.plain ? PLAIN : 0) | (d.foldRef ? HAS_FOLD : 0);
    for (let f = 0; f < 4; f++) nums[o + 2 + f] = d.lens[f] ?? 0;
    nums[o + 6] = d.textRef[0];
    nums[o + 7] = d.textRef[1];
    nums[o + 8] = d.foldRef?.[0] ?? 0;
    nums[o + 9] = d.foldRef?.[1] ?? 0;
  });
  return { columns, nums };
}

function decodeDocs(n: number, c: DocColumns, nums: Float64Array): DocRecord[] {
  const docs = new Array<DocRecord>(n);
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
    docs[i] = rec;
  }
  return docs;
}

/** Serialises a compacted base segment and its documents. */
export function encodeBase(gen: number, docs: DocRecord[], base: BaseSegment): Uint8Array {
  const { columns, nums } = encodeDocs(docs);
  const sections = sectionBytes(nums, base);
  let crc = 0;
  for (const s of sections) crc = crc32(s, crc);
  const header: BaseHeader = {
    formatVersion: FORMAT_VERSION,
    gen,
    docs: docs.length,
    columns,
    terms: base.termOffsets.length - 1,
    termChars: base.termChars.length,
    postings: base.postings.length,
    crc,
  };
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  // Pad so the typed-array sections start 8-byte aligned in the file.
  const pad = (8 - ((MAGIC.length + 4 + json.length) % 8)) % 8;
  if (pad) json = Buffer.concat([json, Buffer.from(' '.repeat(pad))]);
  const lenBuf = Buffer.alloc(4);
  lenBuf.writeUInt32LE(json.length);
  return Buffer.concat([Buffer.from(MAGIC), lenBuf, json, ...sections]);
}

function corrupt(what: string): never {
  throw new Error(`search index is corrupt: ${what}`);
}

/** Parses a base file, verifying magic, version, sizes and CRC. */
export function decodeBase(buf: Buffer, gen: number): Snapshot {
  if (buf.length < 12 || buf.toString('latin1', 0, 8) !== MAGIC) corrupt('bad magic');
  const hlen = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString('utf8', 12, 12 + hlen)) as BaseHeader;
  if (header.formatVersion !== FORMAT_VERSION) corrupt('format version');
  if (header.gen !== gen) corrupt('generation');
  let pos = 12 + hlen;
  const take = (bytes: number): Uint8Array => {
    if (pos + bytes > buf.length) corrupt('truncated');
    const s = new Uint8Array(buf.buffer, buf.byteOffset + pos, bytes);
    pos += bytes;
    return s;
  };
  const copy32 = (b: Uint8Array) => new Uint32Array(b.slice().buffer);
  const nums = new Float64Array(take(header.docs * NUMS * 8).slice().buffer);
  const termOffsets = copy32(take((header.terms + 1) * 4));
  const postOffsets = copy32(take((header.terms + 1) * 4));
  const termChars = new Uint16Array(take(header.termChars * 2).slice().buffer);
  const postings = take(header.postings);
  if (pos !== buf.length) corrupt('trailing bytes');
  const base = { termOffsets, postOffsets, termChars, postings };
  let crc = 0;
  for (const s of sectionBytes(nums, base)) crc = crc32(s, crc);
  if (crc !== header.crc) corrupt('checksum');
  return { docs: decodeDocs(header.docs, header.columns, nums), base };
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

/** Reads the delta for a generation; null when there is none. */
export async function readDelta(dir: string, gen: number): Promise<DeltaFile | null> {
  let raw: string;
  try {
    raw = await readFile(join(dir, deltaName(gen)), 'utf8');
  } catch {
    return null;
  }
  const d = JSON.parse(raw) as DeltaFile;
  if (d.formatVersion !== FORMAT_VERSION || d.gen !== gen) corrupt('delta generation');
  return d;
}

/** Removes files of other generations (left behind by compaction or a crash). */
export async function removeStale(dir: string, keep: string[], names: string[]): Promise<void> {
  for (const n of names) {
    if (keep.includes(n) || n === 'manifest.json') continue;
    if (/^(base-\d+\.bin|delta-\d+\.json|texts-\d+\.bin)(\..*\.tmp)?$/.test(n)) {
      await rm(join(dir, n), { force: true });
    }
  }
}
