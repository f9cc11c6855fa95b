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
  return window.indexOf(needle.text, start === 0 ? UTF16_MARK_BYTES : 0, 'utf16le') >= 0;
}
