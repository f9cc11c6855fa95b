/**
 * The identity of an article's URL, for spotting a new version of an article already stored:
 * scheme, `www.`, fragment, tracking parameters, trailing slash and percent-encoding ignored.
 */

const TRACKING = [
  /^utm_/i,
  /^at_/i,
  /^(fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|cmp|ref|ref_src|spm|smid|smtyp|xtor|_ga|share|feature|rss|from|source)$/i,
];

/** A comparison key for `raw`; '' when there is no URL. */
export function canonicalUrl(raw: string): string {
  const trimmed = raw.trim();
  if (!trimmed) return '';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return trimmed;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return trimmed;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  let pathname = safeDecode(url.pathname);
  if (pathname.length > 1) pathname = pathname.replace(/\/+$/, '');
  const params = [...url.searchParams.entries()]
    .filter(([name]) => !TRACKING.some((re) => re.test(name)))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.map(([k, v]) => `${k}=${v}`).join('&');
  const port = url.port ? `:${url.port}` : '';
  return `${host}${port}${pathname}${query ? `?${query}` : ''}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
