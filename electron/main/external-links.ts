/**
 * The only way out of the app to the wider web: a value from the renderer (unknown) becomes a
 * URL handed to the system browser only when it is a well-formed http(s) URL.
 */

/** The http(s) URL in `value`, normalised, or null for anything else (javascript:, file:, …). */
export function safeExternalUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 8192) return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // user:pass@host links are a classic phishing disguise; a news link never needs them.
  if (parsed.username || parsed.password) return null;
  return parsed.href;
}

/** Opens `value` in the system browser when it is safe; reports whether it did. */
export async function openExternalSafely(
  value: unknown,
  openExternal: (url: string) => Promise<void>,
): Promise<boolean> {
  const url = safeExternalUrl(value);
  if (url === null) return false;
  await openExternal(url);
  return true;
}
