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

const CJK_UNIT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_UNIT = /[\p{L}\p{N}]/u;

/** True when `ch` belongs to a letter/digit word run, as scriptRuns (tokenize.ts) splits them. */
function isWordChar(ch: string): boolean {
  return WORD_UNIT.test(ch) && !CJK_UNIT.test(ch);
}

/** The character (code point) that ends just before offset i. */
function charBefore(s: string, i: number): string {
  const low = s.charCodeAt(i - 1);
  const high = i >= 2 ? s.charCodeAt(i - 2) : 0;
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return s.slice(pair ? i - 2 : i - 1, i);
}

/**
 * Spans of the words of a folded text whose stem is `target`. stem() only cuts an ending off a
 * word and then at most adds an "e" or turns a final "y" into "i", so a word with this stem starts
 * with all of it but its last letter: only words starting there are stemmed, not every word of
 * the text (which made snippets of English queries cost several times those of others).
 */
export function stemSpans(folded: string, target: string): Span[] {
  const head = target.slice(0, -1);
  const out: Span[] = [];
  if (head.length < 2) {
    // A head this short starts too many words to be worth looking for.
    for (const r of scriptRuns(folded)) {
      if (r.kind === 'word' && stem(r.text) === target)
        out.push([r.start, r.start + r.text.length]);
    }
    return out;
  }
  for (let i = folded.indexOf(head); i >= 0; i = folded.indexOf(head, i + 1)) {
    if (i > 0 && isWordChar(charBefore(folded, i))) continue;
    let e = i + head.length;
    while (e < folded.length) {
      const ch = String.fromCodePoint(folded.codePointAt(e)!);
      if (!isWordChar(ch)) break;
      e += ch.length;
    }
    if (stem(folded.slice(i, e)) === target) out.push([i, e]);
  }
  return out;
}

/** Spans of every pattern in an already folded text, in folded coordinates, tagged by pattern. */
function foldedSpans(f: FoldedText, patterns: Pattern[]): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  patterns.forEach((p, pi) => {
    for (const [s, e] of findText(f.folded, p.text)) out.push([s, e, pi]);
    if (p.kind === 'text' || p.stem === null) return;
    for (const [s, e] of stemSpans(f.folded, p.stem)) out.push([s, e, pi]);
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

/** True for the UTF-16 units that /\s/ matches. */
function isSpaceUnit(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Collapses whitespace in text[from, to) and shifts spans into the collapsed string. */
function cut(text: string, from: number, to: number, spans: Span[]) {
  let out = '';
  const map = new Int32Array(to - from + 1);
  let space = false;
  // Runs without whitespace are copied whole: a regular expression and a string per character
  // were a tenth of a hit's cost.
  let run = from;
  for (let i = from; i < to; i++) {
    map[i - from] = out.length + (i - run);
    if (isSpaceUnit(text.charCodeAt(i))) {
      out += text.slice(run, i);
      if (!space && out.length) out += ' ';
      space = true;
      run = i + 1;
    } else space = false;
  }
  out += text.slice(run, to);
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

const hintRes = new WeakMap<Pattern, RegExp | null>();

/**
 * Where the original text holds a word with the pattern's stem in any case ("Running", "runs"
 * for running), found without folding; -1 when it holds none that plain ASCII shows.
 */
function stemHint(text: string, p: Pattern & { kind: 'word' }): number {
  let re = hintRes.get(p);
  if (re === undefined) {
    const head = p.stem ? p.stem.slice(0, -1) : '';
    re = /^[a-z]{2,}$/.test(head) ? new RegExp(`(?<![\\p{L}\\p{N}])${head}[a-z]*`, 'giu') : null;
    hintRes.set(p, re);
  }
  if (!re) return -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0].toLowerCase();
    if (stem(word) === p.stem || word.includes(p.text)) return m.index;
  }
  return -1;
}

/** Earliest place a pattern occurs in the original text as typed, or as a stem variant. */
function rawHint(text: string, patterns: Pattern[]): number {
  let best = -1;
  const consider = (i: number) => {
    if (i >= 0 && (best < 0 || i < best)) best = i;
  };
  for (const p of patterns) {
    consider(p.text ? text.indexOf(p.text) : -1);
    if (p.kind === 'word' && p.stem) consider(stemHint(text, p));
  }
  return best;
}

/** Characters folded first for a snippet: most matches sit in a text's first lines. */
const QUICK_HEAD = 400;
/** Room kept after a quick snippet's end for a match that starts inside it and runs on. */
const QUICK_MARGIN = 64;

/**
 * The snippet from a text's first SNIPPET_HEAD characters, or null when they show no match. Its
 * first QUICK_HEAD are folded first, and their snippet kept when nothing further on could change
 * it: its window covers every pattern (so no later one wins) and ends well inside them (so every
 * match it shows was found). Folding that start instead of the whole head was about a third of a
 * hit's cost. (`quick` 0 folds the whole head at once: the tests' reference.)
 */
export function snippetInHead(
  text: string,
  patterns: Pattern[],
  more: boolean,
  quick = QUICK_HEAD,
): Snippet | null {
  if (quick > 0 && text.length > 2 * quick) {
    const f = foldSlice(text, 0, quick);
    const found = foldedSpans(f, patterns);
    if (found.length) {
      const { snip, covered, end } = snippetAt(text, f, found, more);
      const longest = Math.max(...patterns.map((p) => p.text.length));
      if (covered === patterns.length && end + QUICK_MARGIN + 2 * longest <= quick) {
        return snip;
      }
    }
  }
  const f = foldSlice(text, 0, SNIPPET_HEAD);
  const found = foldedSpans(f, patterns);
  return found.length ? snippetAt(text, f, found, more).snip : null;
}

/** A plain-text snippet around the best cluster of matches, with highlight offsets. */
export function makeSnippet(text: string, patterns: Pattern[]): Snippet {
  // Only the head of long texts is searched for the snippet: folding whole books for twenty hits
  // would dominate search time. Most matches sit near the top, so a short head is tried first.
  const head = snippetInHead(text, patterns, false);
  if (head) return head;
  let f = foldSlice(text, 0, 0);
  let found: Array<[number, number, number]> = [];
  if (text.length > SNIPPET_HEAD) {
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
  return snippetAt(text, f, found, false).snip;
}

/**
 * Bytes of a text's start that always hold the characters makeSnippet looks at first (its head,
 * and a snippet's length past it) at four bytes a character.
 */
export const HEAD_SNIPPET_BYTES = 4 * (SNIPPET_HEAD + SNIPPET_CHARS);

/**
 * makeSnippet's answer for a longer text of which `head` is the start (at least
 * HEAD_SNIPPET_BYTES of its UTF-8), when the head shows a match; null when the whole text is
 * needed.
 */
export function headSnippet(head: string, patterns: Pattern[]): Snippet | null {
  return snippetInHead(head, patterns, true);
}

export interface Snippet {
  snippet: string;
  highlights: Span[];
}

/**
 * The snippet around the best cluster of `found` (spans of folded `f`); `more` when text goes on.
 * Also how many patterns its window covers, and where it ends in `text`.
 */
function snippetAt(
  text: string,
  f: FoldedText,
  found: Array<[number, number, number]>,
  more: boolean,
): { snip: Snippet; covered: number; end: number } {
  const fm = f;
  const tagged = found.map(([s, e, p]) => {
    const [a, b] = toOriginal(fm, s, e);
    return { a, b, p };
  });
  let from = 0;
  let covered = 0;
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
    covered = best;
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
  const suffix = to < text.length || more ? '…' : '';
  const snip = {
    snippet: prefix + out.trimEnd() + suffix,
    highlights: hl
      .map(([a, b]): Span => [a + prefix.length, Math.min(b, out.trimEnd().length) + prefix.length])
      .filter(([a, b]) => b > a),
  };
  return { snip, covered, end: to };
}
