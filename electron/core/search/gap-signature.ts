/**
 * A small per-document Bloom filter of the text around each space of the folded match form: the
 * two characters before a space, the space, and two characters after it (a short window) or six
 * (a long one). A phrase that occurs in a document occurs as a substring, so every window of the
 * phrase is one of the document's windows too. Checking the filter first rules out most documents
 * that hold all the words of a phrase like "the president" but never side by side, without
 * reading their text; the long window tells "the president" from "the press" or "the price".
 * Phrases with no window (CJK runs, single words) are not filtered.
 */

/** Characters kept before a space. */
const LEFT = 2;
/** Characters kept after a space, in a short and in a long window. */
const SHORT = 2;
const LONG = 6;

/** Every short and long window around the spaces of a folded document (duplicates included). */
export function gapWindows(folded: string): string[] {
  const out: string[] = [];
  for (let i = folded.indexOf(' ', LEFT); i >= 0; i = folded.indexOf(' ', i + 1)) {
    if (i + SHORT >= folded.length) break;
    out.push(folded.slice(i - LEFT, i + SHORT + 1));
    if (i + LONG < folded.length) out.push(folded.slice(i - LEFT, i + LONG + 1));
  }
  return out;
}

/** The windows a phrase must find: the long one at each space that has it, else the short one. */
export function needleWindows(needle: string): string[] {
  const out: string[] = [];
  for (let i = needle.indexOf(' ', LEFT); i >= 0; i = needle.indexOf(' ', i + 1)) {
    if (i + SHORT >= needle.length) break;
    out.push(needle.slice(i - LEFT, i + (i + LONG < needle.length ? LONG : SHORT) + 1));
  }
  return out;
}

/** FNV-1a over UTF-16 code units, then a finaliser so both probe positions are well mixed. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** Both bit positions of a window in a filter of `bits` bits (a power of two). */
function probes(h: number, bits: number): [number, number] {
  const mask = bits - 1;
  return [h & mask, (Math.imul(h, 0xc2b2ae35) >>> 7) & mask];
}

/**
 * The filter of a folded match form: six to twelve bits per distinct window, two probes each, so
 * a window that is absent passes at most about one time in twelve; from 64 bits to a cap of 8192
 * (1 KB, reached by long English articles) that keeps the filters of 50,000 articles near 25 MB.
 * An empty array means the text has no windows at all.
 */
export function buildGapSignature(folded: string): Uint32Array {
  const windows = new Set(gapWindows(folded));
  if (windows.size === 0) return new Uint32Array(0);
  let bits = 64;
  while (bits < windows.size * 6 && bits < 8192) bits *= 2;
  const sig = new Uint32Array(bits / 32);
  for (const w of windows) {
    for (const b of probes(hash(w), bits)) sig[b >>> 5]! |= 1 << (b & 31);
  }
  return sig;
}

/** Hashes of a needle's windows, computed once per query. */
export function needleGapHashes(needle: string): number[] {
  return [...new Set(needleWindows(needle))].map(hash);
}

/**
 * False when the document certainly lacks one of the needle's windows. The filter is sig, or its
 * words [from, to) when many filters share one array.
 */
export function mayContain(
  sig: Uint32Array,
  hashes: readonly number[],
  from = 0,
  to = sig.length,
): boolean {
  if (hashes.length === 0) return true;
  const mask = (to - from) * 32 - 1;
  if (mask < 0) return false;
  // probes() inlined: this runs for every candidate of a phrase query.
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i]!;
    const a = h & mask;
    const b = (Math.imul(h, 0xc2b2ae35) >>> 7) & mask;
    if (
      (sig[from + (a >>> 5)]! & (1 << (a & 31))) === 0 ||
      (sig[from + (b >>> 5)]! & (1 << (b & 31))) === 0
    ) {
      return false;
    }
  }
  return true;
}
