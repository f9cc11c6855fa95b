/**
 * Cheap checks on raw bytes before decoding: size cap, binary formats, and the dump layout.
 */
import { FolioError } from '../../../shared/errors';
import type { SourceFormat } from '../../../shared/model';

/** Files above this are refused: no saved article comes near it. */
export const MAX_BYTES = 64 * 1024 * 1024;

const MAGIC: ReadonlyArray<{ bytes: number[]; name: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'ZIP archive' },
  { bytes: [0x1f, 0x8b], name: 'gzip archive' },
  { bytes: [0x52, 0x49, 0x46, 0x46], name: 'RIFF media file' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'executable' },
  { bytes: [0x4d, 0x5a], name: 'executable' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'Office document' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], name: '7z archive' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** True when the bytes open with a UTF-16 byte-order mark. */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

/** Throws EMPTY_FILE, TOO_LARGE or BINARY_FILE for input that cannot be an article. */
export function assertTextInput(bytes: Uint8Array, fileName: string): void {
  if (bytes.length === 0) throw new FolioError('EMPTY_FILE', `${fileName} is empty.`);
  if (bytes.length > MAX_BYTES) {
    const mb = Math.round(bytes.length / (1024 * 1024));
    throw new FolioError('TOO_LARGE', `${fileName} is ${mb} MB; the limit is 64 MB.`);
  }
  for (const m of MAGIC) {
    if (startsWith(bytes, m.bytes)) {
      throw new FolioError('BINARY_FILE', `${fileName} is a ${m.name}, not a saved article.`);
    }
  }
  // UTF-16 text legitimately holds NUL bytes; the decoder deals with it.
  if (hasUtf16Bom(bytes) || looksUtf16(bytes)) return;
  const limit = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < limit; i += 1) {
    const b = bytes[i] ?? 0;
    if (b === 0) throw new FolioError('BINARY_FILE', `${fileName} is a binary file, not text.`);
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls += 1;
  }
  if (controls > limit / 10) {
    throw new FolioError('BINARY_FILE', `${fileName} is a binary file, not text.`);
  }
}

/** True when NULs sit at every other byte of an ASCII-heavy prefix: BOM-less UTF-16. */
export function looksUtf16(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length - (bytes.length % 2), 512);
  if (limit < 8) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < limit; i += 2) {
    if (bytes[i] === 0) evenNul += 1;
    if (bytes[i + 1] === 0) oddNul += 1;
  }
  const pairs = limit / 2;
  return (oddNul > pairs * 0.6 && evenNul === 0) || (evenNul > pairs * 0.6 && oddNul === 0);
}

// Spaces or tabs may trail a header line, and blank lines may stand between them, as the dump
// parser allows (an editor or a copy through a chat leaves both).
const DUMP_HEAD = /^<!--\s*(\d{9,16})\s*-->[ \t]*\r?\n\s*\[/;
const FRONT_MATTER =
  /^---[ \t]*\r?\n[\s\S]{0,20000}?\r?\n---[ \t]*\r?\n\s*<!--\s*\d{9,16}\s*-->[ \t]*\r?\n\s*\[/;

/** Decides the layout from the decoded text (never from the file name). */
export function sniffFormat(text: string): SourceFormat | null {
  const head = text.slice(0, 24_000);
  if (DUMP_HEAD.test(head)) return 'dump';
  if (FRONT_MATTER.test(head)) return 'dump-front-matter';
  if (/<(?:!doctype\s+html|html|head|body|article|main|div|p|h1|meta|title)[\s>/]/i.test(head)) {
    return 'html';
  }
  return null;
}
