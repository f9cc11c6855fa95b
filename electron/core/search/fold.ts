/**
 * Character folding shared by indexing and querying: NFKC (full-width → half-width), lower case,
 * diacritics removed, Traditional → Simplified. Folding works per code point so every folded
 * character maps back to the original characters it came from (highlights use the original).
 */
import * as OpenCC from 'opencc-js';

/** Folded text plus, for each folded UTF-16 unit, the [start, end) it came from in the original. */
export interface FoldedText {
  folded: string;
  starts: Int32Array;
  ends: Int32Array;
}

let hanTable: Map<string, string> | null = null;

/**
 * One-character Traditional → Simplified table built once from opencc-js. Folding character by
 * character keeps lengths stable and is the same at index and query time, so matching stays exact
 * even where phrase-level conversion would pick a different character.
 */
function getHanTable(): Map<string, string> {
  if (hanTable) return hanTable;
  const convert = OpenCC.Converter({ from: 't', to: 'cn' });
  const chars: string[] = [];
  const ranges: Array<[number, number]> = [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
  ];
  for (const [lo, hi] of ranges) for (let c = lo; c <= hi; c++) chars.push(String.fromCodePoint(c));
  // Newlines keep the converter from joining neighbours into phrases.
  const out = convert(chars.join('\n')).split('\n');
  const table = new Map<string, string>();
  if (out.length === chars.length) {
    chars.forEach((c, i) => {
      const s = out[i];
      if (s && s !== c && s.length === 1) table.set(c, s);
    });
  }
  hanTable = table;
  return table;
}

const charCache = new Map<string, string>();
const MARKS = /\p{M}/gu;

/** Folds one code point (cached: texts reuse a small alphabet). */
export function foldChar(ch: string): string {
  const hit = charCache.get(ch);
  if (hit !== undefined) return hit;
  let f = ch.normalize('NFKC').toLowerCase().normalize('NFD').replace(MARKS, '');
  if (f.length === 1) f = getHanTable().get(f) ?? f;
  else if (f.length > 1) f = Array.from(f, (c) => getHanTable().get(c) ?? c).join('');
  charCache.set(ch, f);
  return f;
}

/** Folds a whole string, keeping the map back to original offsets. */
export function foldWithMap(text: string): FoldedText {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    const f = foldChar(text.slice(i, i + len));
    for (let k = 0; k < f.length; k++) {
      starts.push(i);
      ends.push(i + len);
    }
    parts.push(f);
    i += len;
  }
  return { folded: parts.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Folds a string without the offset map (queries, metadata filters). */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/**
 * Folded text with whitespace runs collapsed to one space: the form phrases are matched in, so a
 * line break inside an English phrase still matches while punctuation (。) stays a barrier.
 */
export function foldForMatch(text: string): FoldedText {
  const f = foldWithMap(text);
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let space = false;
  for (let i = 0; i < f.folded.length; i++) {
    const c = f.folded[i]!;
    if (/\s/.test(c)) {
      if (!space && out.length) {
        out.push(' ');
        starts.push(f.starts[i]!);
        ends.push(f.ends[i]!);
      }
      space = true;
      continue;
    }
    space = false;
    out.push(c);
    starts.push(f.starts[i]!);
    ends.push(f.ends[i]!);
  }
  if (out[out.length - 1] === ' ') {
    out.pop();
    starts.pop();
    ends.pop();
  }
  return { folded: out.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Query-side counterpart of foldForMatch. */
export function foldPhrase(text: string): string {
  return foldText(text).replace(/\s+/g, ' ').trim();
}
