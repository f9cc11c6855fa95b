/**
 * Small hand-written guards for untrusted payloads. The contract has ~27 methods with flat
 * request shapes, so a schema library would add weight without adding safety; each guard takes
 * `unknown`, returns a typed value or throws `FolioError('INVALID_INPUT')` naming the field.
 */
import { FolioError } from '../errors';

/** Upper bounds for everything a face accepts. Generous for real use, small enough to stop abuse. */
export const LIMITS = {
  idLength: 128,
  /** A whole 50,000-article library may be selected at once. */
  ids: 100_000,
  tagLength: 200,
  tags: 200,
  queryLength: 2_000,
  noteLength: 1_000_000,
  textLength: 4_000,
  authors: 100,
  urlLength: 8_192,
  fileNameLength: 1_024,
  paths: 10_000,
  pathLength: 4_096,
  files: 1_000,
  /** Base64 characters of one uploaded file (about 24 MB of bytes). */
  fileBase64: 32 * 1024 * 1024,
  /** Base64 characters of one whole upload batch (about 96 MB of bytes). */
  batchBase64: 128 * 1024 * 1024,
  searchLimit: 10_000,
  savedSearches: 500,
} as const;

/** Ids name folders on disk: letters, digits, `_`, `-`, `.` (never leading, so no `..`). */
const ID_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is rejected
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Throws the one error type every guard uses. */
export function invalid(message: string): never {
  throw new FolioError('INVALID_INPUT', message);
}

/** A plain object (not null, not an array) whose keys are all in `allowed`. */
export function record(
  value: unknown,
  name: string,
  allowed: readonly string[],
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalid(`${name} must be an object`);
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) invalid(`${name} must be a plain object`);
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) invalid(`${name} has an unexpected field "${key}"`);
  }
  return value as Record<string, unknown>;
}

/** Methods without a request accept nothing (undefined, null or `{}`). */
export function empty(value: unknown, name: string): undefined {
  if (value === undefined || value === null) return undefined;
  record(value, name, []);
  return undefined;
}

/** A string of bounded length without control characters (newlines allowed when `multiline`). */
export function str(
  value: unknown,
  name: string,
  opts: { max: number; min?: number; multiline?: boolean },
): string {
  if (typeof value !== 'string') invalid(`${name} must be a string`);
  if (value.length < (opts.min ?? 0)) invalid(`${name} must not be empty`);
  if (value.length > opts.max) invalid(`${name} is longer than ${opts.max} characters`);
  if (value.includes('\u0000')) invalid(`${name} must not contain NUL characters`);
  if (!opts.multiline && CONTROL_CHARS.test(value.replace(/[\n\r\t]/g, ' '))) {
    invalid(`${name} must not contain control characters`);
  }
  return value;
}

/** An optional field: undefined stays undefined, anything else goes through `guard`. */
export function optional<T>(value: unknown, guard: (v: unknown) => T): T | undefined {
  return value === undefined ? undefined : guard(value);
}

/** An article id of a safe shape (it names a folder in the library). */
export function id(value: unknown, name = 'id'): string {
  const s = str(value, name, { max: LIMITS.idLength, min: 1 });
  if (!ID_PATTERN.test(s)) invalid(`${name} has an invalid shape`);
  return s;
}

/** A bounded array whose items all pass `item`. */
export function arr<T>(
  value: unknown,
  name: string,
  opts: { max: number; min?: number },
  item: (v: unknown, itemName: string) => T,
): T[] {
  if (!Array.isArray(value)) invalid(`${name} must be an array`);
  if (value.length < (opts.min ?? 0)) invalid(`${name} must not be empty`);
  if (value.length > opts.max) invalid(`${name} has more than ${opts.max} items`);
  return value.map((v, i) => item(v, `${name}[${i}]`));
}

/** A non-empty list of article ids. */
export function ids(value: unknown, name = 'ids'): string[] {
  return arr(value, name, { max: LIMITS.ids, min: 1 }, (v, n) => id(v, n));
}

/** A tag: trimmed non-empty text on one line. */
export function tag(value: unknown, name = 'tag'): string {
  const s = str(value, name, { max: LIMITS.tagLength, min: 1 }).trim();
  if (s.length === 0) invalid(`${name} must not be blank`);
  if (/[\n\r\t]/.test(s)) invalid(`${name} must be on one line`);
  return s;
}

/** A non-empty list of tags. */
export function tags(value: unknown, name = 'tags'): string[] {
  return arr(value, name, { max: LIMITS.tags, min: 1 }, (v, n) => tag(v, n));
}

/** One of a fixed set of strings. */
export function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    invalid(`${name} must be one of: ${allowed.join(', ')}`);
  }
  return value as T;
}

/** A boolean. */
export function bool(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') invalid(`${name} must be true or false`);
  return value;
}

/** A whole number within [min, max]. */
export function int(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    invalid(`${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** An absolute http(s) URL, as a string. */
export function httpUrl(value: unknown, name = 'url'): string {
  const s = str(value, name, { max: LIMITS.urlLength, min: 1 });
  let parsed: URL;
  try {
    parsed = new URL(s);
  } catch {
    invalid(`${name} is not a valid URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    invalid(`${name} must be an http or https URL`);
  }
  if (parsed.username || parsed.password) invalid(`${name} must not carry credentials`);
  return parsed.href;
}

/** Base64 text of bounded length (the length is checked before the pattern, to stay cheap). */
export function base64(value: unknown, name: string, max: number): string {
  if (typeof value !== 'string') invalid(`${name} must be a base64 string`);
  if (value.length > max) invalid(`${name} is larger than ${Math.floor((max / 4) * 3)} bytes`);
  if (value.length % 4 !== 0 || !BASE64.test(value)) invalid(`${name} is not valid base64`);
  return value;
}
