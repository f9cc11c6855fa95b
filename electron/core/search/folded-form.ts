/**
 * The stored bytes of a folded match form (what phrase checks search). Buffer.indexOf searches
 * UTF-8 CJK slowly: its three-byte characters share lead and continuation bytes, so the search
 * can rarely skip ahead (about 0.7 ms per MB here), while a UTF-16 search of the same text runs
 * over two-byte units that differ (about 0.12 ms per MB) and reads a third fewer bytes. So a form
 * that is shorter in UTF-16 (mostly CJK) is stored as UTF-16LE behind a byte-order mark, and any
 * other (mostly Latin, where UTF-16 would double the bytes to read) as UTF-8. The mark tells them
 * apart: 0xFF and 0xFE never occur in UTF-8, so forms stored before this choice read as before.
 */

export type FoldedEncoding = 'utf8' | 'utf16le';

/** Bytes taken by the UTF-16 byte-order mark that starts a UTF-16 form. */
export const UTF16_MARK_BYTES = 2;

/** The bytes to store for a folded form. */
export function encodeFolded(form: string): Buffer {
  const utf8 = Buffer.byteLength(form, 'utf8');
  if (UTF16_MARK_BYTES + form.length * 2 >= utf8) return Buffer.from(form, 'utf8');
  const out = Buffer.allocUnsafe(UTF16_MARK_BYTES + form.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  out.write(form, UTF16_MARK_BYTES, 'utf16le');
  return out;
}

/** The encoding of stored form bytes, from their first bytes. */
export function foldedEncoding(head: Uint8Array): FoldedEncoding {
  return head.length >= UTF16_MARK_BYTES && head[0] === 0xff && head[1] === 0xfe
    ? 'utf16le'
    : 'utf8';
}

/** The folded form back as a string. */
export function decodeFolded(bytes: Buffer): string {
  return foldedEncoding(bytes) === 'utf16le'
    ? bytes.toString('utf16le', UTF16_MARK_BYTES)
    : bytes.toString('utf8');
}

/** A folded string to find, with its UTF-8 bytes made once per query. */
export interface FoldedNeedle {
  text: string;
  bytes: Buffer;
}

/**
 * Bytes a window must repeat from the one before it so that a match across their boundary is
 * found: the needle's length less one unit. UTF-8 never matches from inside a character, and
 * UTF-16 windows stay on even offsets.
 */
export function windowOverlap(needle: FoldedNeedle, enc: FoldedEncoding): number {
  return enc === 'utf8' ? needle.bytes.length - 1 : needle.text.length * 2 - 2;
}

/**
 * Bytes of UTF-16LE folded news text, most frequent first, down to 0.3% of all bytes (the rest
 * are rarer), as scripts/utf16-byte-frequencies.ts counts them over the development dumps.
 * Buffer.indexOf finds a UTF-16 needle by a memchr for the larger byte of its first unit, then
 * compares there, so its speed follows that byte's frequency: 0x4E, the high byte of 中, 不, 人,
 * 以 and their block, is 3.5% of the bytes, and a search for 中国政府 ran at 1.0 ms per MB against
 * 0.4 for 国政府 (0xFD) and 0.2 for 美国总统 (0x8E).
 */
const COMMON_BYTES = Buffer.from(
  '00204e65302c6753767462515e6c5b5266736e848b024f545961685f63726f8f756956575c313afd796d327f887e28' +
    'e5900177896b2f6470119680812d0d601a088d091f97ab8cba',
  'hex',
);
const commonness = new Uint8Array(256);
COMMON_BYTES.forEach((b, i) => (commonness[b] = COMMON_BYTES.length - i));

/** A UTF-16 needle searched from its rarest unit: the units before it are compared after a hit. */
interface Anchored {
  /** Units before the anchor, and their bytes. */
  lead: number;
  head: Buffer;
  /** The needle from the anchor on. */
  tail: string;
}

const anchors = new WeakMap<FoldedNeedle, Anchored>();

function anchored(needle: FoldedNeedle): Anchored {
  let a = anchors.get(needle);
  if (!a) {
    const { text } = needle;
    let lead = 0;
    // A tail of two units at least: a lone character, even one whose byte is rare, is common
    // enough as a character (府 of 政府) that comparing heads at each of its hits costs more.
    for (let i = 1; i < text.length - 1; i++) {
      const c = text.charCodeAt(i);
      // A low surrogate would split a character: the tail must start on one.
      if (c >= 0xdc00 && c <= 0xdfff) continue;
      const rarer = commonness[Math.max(c >> 8, c & 0xff)]!;
      const best = text.charCodeAt(lead);
      if (rarer < commonness[Math.max(best >> 8, best & 0xff)]!) lead = i;
    }
    a = { lead, head: Buffer.from(text.slice(0, lead), 'utf16le'), tail: text.slice(lead) };
    anchors.set(needle, a);
  }
  return a;
}

/**
 * True when `window`, read from byte `start` of a stored form in `enc`, holds the needle. A phrase
 * matches wherever its folded characters occur, like the find box of an editor ("the president"
 * also in "the presidential").
 */
export function windowHolds(
  window: Buffer,
  start: number,
  needle: FoldedNeedle,
  enc: FoldedEncoding,
): boolean {
  if (enc === 'utf8') return window.indexOf(needle.bytes) >= 0;
  // A string needle: Buffer.indexOf then compares 16-bit units at even offsets (a Buffer needle
  // would be searched byte by byte, as slowly as UTF-8).
  const first = start === 0 ? UTF16_MARK_BYTES : 0;
  const { lead, head, tail } = anchored(needle);
  if (lead === 0) return window.indexOf(tail, first, 'utf16le') >= 0;
  // A match that began before this window lies whole in the one before (windowOverlap), so the
  // tail is only looked for where the head fits in front of it.
  const skip = head.length;
  for (
    let hit = window.indexOf(tail, first + skip, 'utf16le');
    hit >= 0;
    hit = window.indexOf(tail, hit + 2, 'utf16le')
  ) {
    if (window.compare(head, 0, skip, hit - skip, hit) === 0) return true;
  }
  return false;
}

/** Bytes of a form read first by a check; each later window is twice the one before. */
export const FIRST_WINDOW = 8192;

/** Bytes [from, to) of a stored form, clamped to it; null when it cannot be read. */
export type FormReader = (from: number, to: number) => Buffer | null;

/**
 * True when a stored folded form of `total` bytes holds the needle. A name or phrase usually sits
 * early in a text that holds it, but articles run to 100 KB and more: windows that double from
 * the first read at most about twice the bytes up to the match instead of the whole text, each
 * overlapping the last so that a match across their boundary is found. The first tells the
 * form's encoding.
 */
export function formHolds(read: FormReader, total: number, needle: FoldedNeedle): boolean {
  let enc: FoldedEncoding = 'utf8';
  let from = 0;
  let size = FIRST_WINDOW;
  while (from < total) {
    const start = Math.max(0, from - windowOverlap(needle, enc));
    const bytes = read(start, from + size);
    if (!bytes) return false;
    if (from === 0) enc = foldedEncoding(bytes);
    if (windowHolds(bytes, start, needle, enc)) return true;
    const end = start + bytes.length;
    // The end of the text, or a short read (a damaged store): nothing more to find.
    if (end >= total || end <= from) return false;
    from = end;
    size *= 2;
  }
  return false;
}
