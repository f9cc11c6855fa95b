/**
 * Tag identity, shared by the store and the UI: one tag regardless of letter case or
 * full-width/half-width form ("AI", "ai", "ＡＩ" are the same tag). Pure functions only.
 */

/** Trims and collapses inner whitespace; the result is the display form a user typed. */
export function cleanTag(raw: string): string {
  return raw.replace(/[\s\u3000]+/g, ' ').trim();
}

/** The identity of a tag: NFKC (folds full-width forms) plus a case fold. */
export function tagKey(tag: string): string {
  // NFKC again after lower-casing: a few case mappings produce decomposable sequences.
  return cleanTag(tag.normalize('NFKC')).toLowerCase().normalize('NFKC');
}

/** True when two tags are the same tag. */
export function sameTag(a: string, b: string): boolean {
  return tagKey(a) === tagKey(b);
}

/** Drops empty and repeated tags (by identity), keeping the first-seen display form and order. */
export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = cleanTag(raw);
    if (!tag) continue;
    const key = tagKey(tag);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}
