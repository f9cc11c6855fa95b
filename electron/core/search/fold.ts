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

/** The output of a fold being built: units, their original offsets, and the collapsing state. */
interface FoldBuffer {
  out: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  k: number;
  lastSpace: boolean;
}

function grow(b: FoldBuffer, withMap: boolean): void {
  const cap = b.out.length * 2;
  const more = <A extends Uint16Array | Int32Array>(a: A, make: (n: number) => A): A => {
    const next = make(cap);
    next.set(a);
    return next;
  };
  b.out = more(b.out, (n) => new Uint16Array(n));
  if (withMap) {
    b.starts = more(b.starts, (n) => new Int32Array(n));
    b.ends = more(b.ends, (n) => new Int32Array(n));
  }
}

/** Appends one folded unit from original [s, e): the slow path's way of what foldCore inlines. */
function pushUnit(
  b: FoldBuffer,
  unit: number,
  s: number,
  e: number,
  withMap: boolean,
  collapse: boolean,
): void {
  if (collapse) {
    const st = unitState[unit] || lookUp(unit);
    if (st & SPACE) {
      if (b.lastSpace) return;
      unit = 32;
      b.lastSpace = true;
    } else b.lastSpace = false;
  }
  if (b.k >= b.out.length) grow(b, withMap);
  b.out[b.k] = unit;
  if (withMap) {
    b.starts[b.k] = s;
    b.ends[b.k] = e;
  }
  b.k++;
}

/**
 * Shared folding loop: optional offset map, optional whitespace collapsing. Units that fold to
 * one unit (nearly all) take a loop over local variables; the rest go through pushUnit with the
 * state in `b`. (One closure over the state, as before, kept every variable of the loop in a
 * heap context: 38 µs to fold 1,500 characters for a snippet, against 14 µs now.)
 */
function foldCore(text: string, withMap: boolean, collapse: boolean): FoldedText {
  const n = text.length;
  const b: FoldBuffer = {
    out: new Uint16Array(n + 16),
    starts: new Int32Array(withMap ? n + 16 : 0),
    ends: new Int32Array(withMap ? n + 16 : 0),
    k: 0,
    lastSpace: true,
  };
  let { out, starts, ends } = b;
  let k = 0;
  let lastSpace = true;
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    if (unitState[c] === UNKNOWN) lookUp(c);
    let m = unitTable[c]!;
    if (m !== SLOW) {
      if (collapse) {
        const st = unitState[m] || lookUp(m);
        if (st & SPACE) {
          if (lastSpace) {
            i++;
            continue;
          }
          m = 32;
          lastSpace = true;
        } else lastSpace = false;
      }
      if (k >= out.length) {
        b.k = k;
        grow(b, withMap);
        ({ out, starts, ends } = b);
      }
      out[k] = m;
      if (withMap) {
        starts[k] = i;
        ends[k] = i + 1;
      }
      k++;
      i++;
      continue;
    }
    const cp = text.codePointAt(i) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    const f = foldChar(text.slice(i, i + len));
    b.k = k;
    b.lastSpace = lastSpace;
    for (let u = 0; u < f.length; u++) pushUnit(b, f.charCodeAt(u), i, i + len, withMap, collapse);
    ({ out, starts, ends, k, lastSpace } = b);
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
