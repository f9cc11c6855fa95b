/**
 * Small normalisers for metadata values: URLs, dates, author lists, titles with site names.
 */

/** Absolute http(s) URL or null. */
export function absoluteUrl(href: string, base: string | null): string | null {
  if (!href) return null;
  try {
    const u = base ? new URL(href, base) : new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** ISO 8601 (UTC) from the date formats pages use; a date without a zone is read as UTC. */
export function isoDate(value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  let d: Date;
  if (/^\d{10,13}$/.test(v)) d = new Date(v.length === 10 ? Number(v) * 1000 : Number(v));
  else if (/^\d{4}-\d{2}-\d{2}$/.test(v)) d = new Date(`${v}T00:00:00Z`);
  else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(v))
    d = new Date(`${v.replace(' ', 'T')}Z`);
  else d = new Date(v);
  // Placeholders such as 0001-01-01 mean "no date".
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1900) return null;
  return d.toISOString();
}

const ROLE =
  /\b(writer|correspondent|reporter|editor|columnist|contributor|staff writer|media|news ?wire)\b|\.(com|org|net|co\.uk)\b/i;
const CREDENTIAL = /^(?:[A-Z]{2,4}|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?)$/;

/** Splits "A, B and C" into names, dropping "By", roles ("AP Writer"), credentials and dates. */
export function splitAuthors(value: string): string[] {
  const cut = value.replace(/\s+(published|updated|posted|last updated)\b.*$/is, '');
  return cut
    .split(/\s*(?:;|,|、|\band\b|&|\||\n)\s*/i)
    .map((a) =>
      a
        .replace(/^(by|von|par|por|文[/／]|作者[:：]|记者[:：]?)\s*/i, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((a, i) => i === 0 || !(ROLE.test(a) || CREDENTIAL.test(a)))
    .filter((a) => a.length > 1 && a.length < 80 && !/^https?:|\d{4}|^\d/i.test(a));
}

/** Removes case-insensitive duplicates, keeping the first spelling. */
export function unique(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = x.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Strips a site suffix or prefix such as "Title | Site" or "Site - Title". */
export function stripSiteName(title: string, siteName: string, h1s: string[]): string {
  if (h1s.includes(title)) return title;
  // Alternating [part, separator, part, …] so the kept middle keeps its own punctuation.
  const pieces = title.split(/(\s+[|–—\-·•»]\s+|\s*[_｜]\s*)/);
  if (pieces.length < 3) return title;
  const first = (pieces[0] ?? '').trim();
  const last = (pieces[pieces.length - 1] ?? '').trim();
  for (const h of h1s) if (h === first || h === last) return h;
  const site = siteName.toLowerCase();
  const isSite = (p: string): boolean => {
    const l = p.toLowerCase();
    return site.length > 0 && l.length > 0 && (l === site || site.includes(l) || l.includes(site));
  };
  if (isSite(last)) return pieces.slice(0, -2).join('').trim();
  if (isSite(first)) return pieces.slice(2).join('').trim();
  // No known site name: drop the last part when it is clearly shorter than the rest.
  const head = pieces.slice(0, -2).join('').trim();
  return last.length * 2 < head.length ? head : title;
}
