/**
 * Character folding shared by indexing and querying: NFKC (full-width → half-width), lower case,
 * diacritics removed, Traditional → Simplified. Folding works per code point so every folded
 * character maps back to the original characters it came from (highlights use the original).
 */
import { HAN_CLASSES } from './han-classes';

/** Folded text plus, for each folded UTF-16 unit, the [start, end) it came from in the original. */
export interface FoldedText {
  folded: string;
  starts: Int32Array;
  ends: Int32Array;
}

let hanTable: Map<string, string> | null = null;

/**
 * Han character → canonical form of its variant class (see han-classes.ts). Classes join every
 * pair that any Simplified/Traditional/regional conversion exchanges, alone or in context, so a
 * query converted either way (乾燥 or 干燥, 著 or 着) folds exactly like the text. Folding is per
 * character, so lengths stay stable and offsets map back to the original.
 */
function getHanTable(): Map<string, string> {
  if (hanTable) return hanTable;
  const table = new Map<string, string>();
  for (const cls of HAN_CLASSES) {
    const chars = Array.from(cls);
    const rep = chars[0]!;
    for (const c of chars.slice(1)) table.set(c, rep);
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

/** Marks a code unit whose folding is not one code unit (or is a surrogate): slow path. */
const SLOW = 0xffff;
/** State bits of a code unit: looked up (its unitTable entry is set), and whitespace. */
const UNKNOWN = 0;
const KNOWN = 1;
const SPACE = 2;
const unitTable = new Uint16Array(0x10000);
const unitState = new Uint8Array(0x10000);
const WHITESPACE = /\s/;

/**
 * Looks up a BMP code unit's folding once and caches it in the tables. Texts are folded for every
 * snippet and phrase check, so the per-character Map lookups were the hot spot; filling the
 * tables as units first occur, instead of for all 65,536 up front, spares the first fold after
 * start-up (the first search, the first import) 0.2 s: a text meets a few thousand at most.
 */
function lookUp(c: number): number {
  const ch = String.fromCharCode(c);
  if (c >= 0xd800 && c <= 0xdfff) unitTable[c] = SLOW;
  else {
    const f = foldChar(ch);
    unitTable[c] = f.length === 1 ? f.charCodeAt(0) : SLOW;
  }
  const state = WHITESPACE.test(ch) ? KNOWN | SPACE : KNOWN;
  unitState[c] = state;
  return state;
}

const decoder = new TextDecoder('utf-16le');

/** Shared folding loop: optional offset map, optional whitespace collapsing. */
function foldCore(text: string, withMap: boolean, collapse: boolean): FoldedText {
  const table = unitTable;
  let cap = text.length + 16;
  let out = new Uint16Array(cap);
  let starts = new Int32Array(withMap ? cap : 0);
  let ends = new Int32Array(withMap ? cap : 0);
  let k = 0;
  let lastSpace = true;
  const push = (unit: number, s: number, e: number) => {
    if (collapse) {
      const st = unitState[unit] || lookUp(unit);
      if (st & SPACE) {
        if (lastSpace) return;
        unit = 32;
        lastSpace = true;
      } else lastSpace = false;
    }
    if (k >= cap) {
      cap *= 2;
      const grow = (a: Int32Array) => {
        const b = new Int32Array(cap);
        b.set(a);
        return b;
      };
      const o = new Uint16Array(cap);
      o.set(out);
      out = o;
      if (withMap) {
        starts = grow(starts);
        ends = grow(ends);
      }
    }
    out[k] = unit;
    if (withMap) {
      starts[k] = s;
      ends[k] = e;
    }
    k++;
  };
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (unitState[c] === UNKNOWN) lookUp(c);
    const m = table[c]!;
    if (m !== SLOW) {
      push(m, i, i + 1);
      i++;
      continue;
    }
    const cp = text.codePointAt(i) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    const f = foldChar(text.slice(i, i + len));
    for (let u = 0; u < f.length; u++) push(f.charCodeAt(u), i, i + len);
    i += len;
  }
  if (collapse && k > 0 && out[k - 1] === 32) k--;
  const view = out.subarray(0, k);
  return {
    folded: decoder.decode(view),
    starts: withMap ? starts.subarray(0, k) : starts,
    ends: withMap ? ends.subarray(0, k) : ends,
  };
}

/** Folds a whole string, keeping the map back to original offsets. */
export function foldWithMap(text: string): FoldedText {
  return foldCore(text, true, false);
}

/** Folds a string without the offset map (queries, metadata filters). */
export function foldText(text: string): string {
  return foldCore(text, false, false).folded;
}

/**
 * Folded text with whitespace runs collapsed to one space: the form phrases are matched in, so a
 * line break inside an English phrase still matches while punctuation (。) stays a barrier.
 */
export function foldForMatch(text: string): FoldedText {
  return foldCore(text, true, true);
}

/** Query-side counterpart of foldForMatch. */
export function foldPhrase(text: string): string {
  return foldCore(text, false, true).folded.trim();
}
