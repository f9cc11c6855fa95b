/**
 * Display formatting shared by list and reader. Formatters are cached per locale because
 * constructing Intl objects is the slow part when 30 rows render at 60 fps.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Formats an ISO date for display; empty string when absent or invalid. */
export function formatDate(iso: string | null, locale: string): string {
  if (iso === null || iso === '') return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' });
    dateFormats.set(locale, f);
  }
  return f.format(d);
}

/** Value for an `<input type="date">` from an ISO timestamp. */
export function toDateInput(iso: string | null): string {
  if (iso === null) return '';
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(iso);
  return m ? (m[1] as string) : '';
}

/** True for links we may hand to openExternal. */
export function isExternalUrl(href: string): boolean {
  return /^https?:\/\//i.test(href);
}
