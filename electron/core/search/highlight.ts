/**
 * Finds where query patterns occur in original text and cuts snippets. Matching happens in the
 * folded form; offsets are mapped back so the user sees (and highlights) the original characters.
 */
import { type FoldedText, foldForMatch } from './fold';
import { stem } from './stem';
import { scriptRuns } from './tokenize';

/**
 * What to look for: folded text (CJK runs, phrases), or a Latin word found as a substring and,
 * when `stem` is set, as any word with that stem.
 */
export type Pattern =
  { kind: 'text'; text: string } | { kind: 'word'; text: string; stem: string | null };

export type Span = [number, number];

/** Offsets [start, end) of every occurrence of `needle` in folded `hay`, in folded coordinates. */
export function findText(hay: string, needle: string, limit = Infinity): Span[] {
  const out: Span[] = [];
  if (!needle) return out;
  let i = hay.indexOf(needle);
  while (i >= 0 && out.length < limit) {
    out.push([i, i + needle.length]);
    i = hay.indexOf(needle, i + 1);
  }
  return out;
}

/** True when the folded text contains the folded phrase (used to verify phrase candidates). */
export function containsPhrase(hay: string, phrase: string): boolean {
  return findText(hay, phrase, 1).length > 0;
}

/** Spans of every pattern in an already folded text, in folded coordinates, tagged by pattern. */
function foldedSpans(f: FoldedText, patterns: Pattern[]): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  let words: Array<{ s: number; e: number; stem: string }> | null = null;
  patterns.forEach((p, pi) => {
    for (const [s, e] of findText(f.folded, p.text)) out.push([s, e, pi]);
    if (p.kind === 'text' || p.stem === null) return;
    words ??= scriptRuns(f.folded)
      .filter((r) => r.kind === 'word')
      .map((r) => ({ s: r.start, e: r.start + r.text.length, stem: stem(r.text) }));
    for (const w of words) if (w.stem === p.stem) out.push([w.s, w.e, pi]);
  });
  return out.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
}

function toOriginal(f: FoldedText, s: number, e: number): Span {
  return [f.starts[s]!, f.ends[e - 1]!];
}

/** Merges overlapping spans (sorted by start). */
function merge(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const sp of spans) {
    const last = out[out.length - 1];
    if (last && sp[0] <= last[1]) last[1] = Math.max(last[1], sp[1]);
    else out.push([sp[0], sp[1]]);
  }
  return out;
}

/** Highlight spans of the patterns in original text (original UTF-16 offsets). */
export function highlightSpans(text: string, patterns: Pattern[]): Span[] {
  if (!text || patterns.length === 0) return [];
  const f = foldForMatch(text);
  return merge(foldedSpans(f, patterns).map(([s, e]) => toOriginal(f, s, e)));
}

const SNIPPET_CHARS = 160;
const LEAD = 40;
const SNIPPET_SCAN = 6000;
const SNIPPET_HEAD = 1500;

/** Collapses whitespace in text[from, to) and shifts spans into the collapsed string. */
function cut(text: string, from: number, to: number, spans: Span[]) {
  let out = '';
  const map = new Int32Array(to - from + 1);
  let space = false;
  for (let i = from; i < to; i++) {
    map[i - from] = out.length;
    const c = text[i]!;
    if (/\s/.test(c)) {
      if (!space && out.length) out += ' ';
      space = true;
    } else {
      out += c;
      space = false;
    }
  }
  map[to - from] = out.length;
  const hl: Span[] = [];
  for (const [s, e] of spans) {
    if (e <= from || s >= to) continue;
    const a = map[Math.max(s, from) - from]!;
    const b = map[Math.min(e, to) - from]!;
    if (b > a) hl.push([a, b]);
  }
  return { out, hl };
}

/** Folds text[from, to) with offsets into the whole text. */
function foldSlice(text: string, from: number, to: number): FoldedText {
  if (from === 0 && to >= text.length) return foldForMatch(text);
  const f = foldForMatch(text.slice(from, to));
  if (from > 0) {
    for (let i = 0; i < f.starts.length; i++) {
      f.starts[i]! += from;
      f.ends[i]! += from;
    }
  }
  return f;
}

/** Earliest place a pattern occurs verbatim in the original text; -1 when none does. */
function rawHint(text: string, patterns: Pattern[]): number {
  let best = -1;
  const consider = (needle: string) => {
    const i = needle ? text.indexOf(needle) : -1;
    if (i >= 0 && (best < 0 || i < best)) best = i;
  };
  for (const p of patterns) {
    consider(p.text);
    // A stem variant ("runs" for "running") shares the stem's head.
    if (p.kind === 'word' && p.stem && p.stem.length > 3) consider(p.stem.slice(0, -1));
  }
  return best;
}

/** A plain-text snippet around the best cluster of matches, with highlight offsets. */
export function makeSnippet(
  text: string,
  patterns: Pattern[],
): { snippet: string; highlights: Span[] } {
  // Only the head of long texts is searched for the snippet: folding whole books for twenty hits
  // would dominate search time. Most matches sit near the top, so a short head is tried first.
  let f = foldSlice(text, 0, SNIPPET_HEAD);
  let found = foldedSpans(f, patterns);
  if (found.length === 0 && text.length > SNIPPET_HEAD) {
    // Most texts already hold the match in the form typed (Simplified, lower case): a plain search
    // finds where to fold, instead of folding everything up to it.
    const at = rawHint(text, patterns);
    f = at > 0 ? foldSlice(text, Math.max(0, at - 4 * LEAD), at + SNIPPET_HEAD) : f;
    found = at > 0 ? foldedSpans(f, patterns) : [];
    if (found.length === 0) {
      f = foldSlice(text, 0, SNIPPET_SCAN);
      found = foldedSpans(f, patterns);
    }
  }
  const fm = f;
  const tagged = found.map(([s, e, p]) => {
    const [a, b] = toOriginal(fm, s, e);
    return { a, b, p };
  });
  let from = 0;
  if (tagged.length) {
    // The window whose matches (by start) cover the most distinct patterns wins; earlier wins
    // ties. Spans are sorted by start, so a sliding window with per-pattern counts is one pass.
    const counts = new Map<number, number>();
    let best = -1;
    let bestAt = tagged[0]!.a;
    let hi = 0;
    for (let lo = 0; lo < tagged.length; lo++) {
      const t = tagged[lo]!;
      const limit = t.a + SNIPPET_CHARS - LEAD;
      while (hi < tagged.length && tagged[hi]!.a < limit) {
        const u = tagged[hi++]!;
        counts.set(u.p, (counts.get(u.p) ?? 0) + 1);
      }
      if (counts.size > best) {
        best = counts.size;
        bestAt = t.a;
      }
      const c = (counts.get(t.p) ?? 1) - 1;
      if (c > 0) counts.set(t.p, c);
      else counts.delete(t.p);
    }
    from = Math.max(0, bestAt - LEAD);
    // Start at a sentence or word boundary when one is near.
    const back = text.slice(from, bestAt).search(/[。！？.!?\n]\s*[^。！？.!?\n]*$/);
    if (from > 0 && back >= 0) from += back + 1;
  }
  while (from < text.length && /\s/.test(text[from]!)) from++;
  const to = Math.min(text.length, from + SNIPPET_CHARS);
  const spans = merge(tagged.map((t) => [t.a, t.b] as Span));
  const { out, hl } = cut(text, from, to, spans);
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  return {
    snippet: prefix + out.trimEnd() + suffix,
    highlights: hl
      .map(([a, b]): Span => [a + prefix.length, Math.min(b, out.trimEnd().length) + prefix.length])
      .filter(([a, b]) => b > a),
  };
}
