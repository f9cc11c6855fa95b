/**
 * URL helpers for cleaned content: resolving against the article URL and unwrapping image proxies.
 */

/** Resolves a possibly relative URL against the article URL; null when it cannot be used. */
export function resolveUrl(raw: string, baseUrl: string | null): string | null {
  const value = raw.trim().replace(/^["']|["']$/g, '');
  if (value === '' || value.startsWith('#')) return null;
  if (/^data:/i.test(value)) return value;
  try {
    const u = baseUrl ? new URL(value, baseUrl) : new URL(value);
    return u.href;
  } catch {
    // Scheme-relative without a base: assume https.
    if (value.startsWith('//')) return `https:${value}`;
    return null;
  }
}

const PROXY_HOSTS = /^(?:images\.weserv\.nl|wsrv\.nl|i\d\.wp\.com)$/i;

/** Replaces an image-proxy URL (images.weserv.nl/?url=…) with the publisher's own URL. */
export function unproxyImage(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  if (!PROXY_HOSTS.test(u.hostname)) return url;
  const inner = u.searchParams.get('url');
  if (!inner) {
    // i0.wp.com/<host>/<path> carries the origin in its path.
    if (/^i\d\.wp\.com$/i.test(u.hostname) && u.pathname.length > 1) return `https:/${u.pathname}`;
    return url;
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(inner)
    ? inner
    : `https://${inner.replace(/^\/+/, '')}`;
  try {
    return new URL(withScheme).href;
  } catch {
    return url;
  }
}

/** Picks the widest candidate of a srcset attribute (w or x descriptors). */
export function largestFromSrcset(srcset: string): string | null {
  let best: string | null = null;
  let bestSize = -1;
  // Candidates are comma-separated; URLs themselves rarely contain ", ".
  for (const part of srcset.split(/,\s+/)) {
    const [url, descriptor] = part.trim().split(/\s+/);
    if (!url) continue;
    let size = 1;
    if (descriptor) {
      const n = parseFloat(descriptor);
      if (Number.isFinite(n)) size = descriptor.endsWith('x') ? n * 1000 : n;
    }
    if (size > bestSize) {
      bestSize = size;
      best = url;
    }
  }
  return best;
}
