/**
 * Safe, unique file names from article titles: CJK kept, reserved and control characters
 * removed, no path traversal, Windows device names avoided, length capped in UTF-8 bytes.
 */

/** Longest base name in UTF-8 bytes (leaves room for " (999)" and an extension under 255). */
export const MAX_NAME_BYTES = 150;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// Reserved on Windows, path separators everywhere, and every C0/C1 control including NUL.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/g;
// Invisible characters that make two names look identical or reorder text (bidi overrides).
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const encoder = new TextEncoder();

/** Cuts a string to at most `maxBytes` of UTF-8 without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (encoder.encode(text).length <= maxBytes) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const size = encoder.encode(ch).length;
    if (used + size > maxBytes) break;
    out += ch;
    used += size;
  }
  return out;
}

/** A file-system-safe base name (no extension) for a title; `fallback` when nothing is left. */
export function safeBaseName(title: string, fallback = 'article'): string {
  let name = title
    .normalize('NFC')
    .replace(FORBIDDEN, ' ')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
  name = truncateUtf8(name, MAX_NAME_BYTES);
  // Windows drops trailing dots and spaces; a name of only dots ("..") would be traversal.
  name = name.replace(/[. ]+$/u, '').replace(/^[. ]+/u, '');
  if (!name) name = fallback;
  const stem = name.split('.')[0] ?? name;
  if (WINDOWS_RESERVED.test(stem.trim())) name = `_${name}`;
  return name;
}

/**
 * Picks `base + ext`, or `base (2) + ext`, `base (3) + ext` … the first name that is neither
 * taken in this batch nor (unless overwriting) present on disk.
 */
export function uniqueFileName(
  base: string,
  ext: string,
  taken: Set<string>,
  exists: (name: string) => boolean,
  overwrite = false,
): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}${ext}` : `${base} (${n})${ext}`;
    // Compare case-insensitively: macOS and Windows file systems are.
    const key = name.toLowerCase();
    if (taken.has(key)) continue;
    if (!overwrite && exists(name)) continue;
    taken.add(key);
    return name;
  }
}
