/**
 * Draws recall queries from articles the way a held-out check would: random substrings of titles
 * and texts (1–8 CJK characters anywhere, across word boundaries; Latin or digits glued to CJK;
 * English words, word parts and word pairs; numbers; raw slices with punctuation; quoted phrases),
 * each also converted to Traditional (Taiwan, Hong Kong) and to Simplified with opencc-js. The
 * source article must be among the hits. Shared by the recall test and the search benchmark.
 */
import * as OpenCC from 'opencc-js';
import type { Article } from '../../../shared/model';

export type RecallClass = 'cjk' | 'mixed' | 'english' | 'number' | 'raw' | 'phrase';

export interface RecallQuery {
  cls: RecallClass;
  /** How the drawn text was converted: as drawn, to Traditional (tw, hk), to Simplified. */
  script: 'orig' | 'tw' | 'hk' | 'cn';
  query: string;
  /** The article the text was drawn from. */
  source: string;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LATIN_DIGIT = /[\p{L}\p{N}]/u;
const CLASSES: RecallClass[] = ['cjk', 'mixed', 'english', 'number', 'raw', 'phrase'];

const converters = {
  tw: OpenCC.Converter({ from: 'cn', to: 'tw' }),
  hk: OpenCC.Converter({ from: 'cn', to: 'hk' }),
  cn: OpenCC.Converter({ from: 'tw', to: 'cn' }),
};

/** Deterministic PRNG (LCG): the same seed draws the same queries. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Positions in `chars` where `ok` holds. */
function positions(chars: string[], ok: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < chars.length; i++) if (ok(i)) out.push(i);
  return out;
}

const isCjk = (c: string | undefined) => c !== undefined && CJK.test(c);
const isWord = (c: string | undefined) => c !== undefined && !isCjk(c) && LATIN_DIGIT.test(c);
const isDigit = (c: string | undefined) => c !== undefined && /\p{N}/u.test(c);

/** A substring of one class, or null when the text has nothing of that kind. */
function drawText(chars: string[], cls: RecallClass, rand: () => number): string | null {
  const pick = <T>(xs: T[]): T | null => (xs.length ? xs[Math.floor(rand() * xs.length)]! : null);
  const span = (from: number, ok: (c: string | undefined) => boolean, max: number) => {
    let e = from;
    while (e < chars.length && e - from < max && ok(chars[e])) e++;
    return chars.slice(from, e).join('');
  };
  switch (cls) {
    case 'cjk': {
      const at = pick(positions(chars, (i) => isCjk(chars[i])));
      return at === null ? null : span(at, isCjk, 1 + Math.floor(rand() * 8));
    }
    case 'mixed': {
      const at = pick(
        positions(
          chars,
          (i) =>
            (isWord(chars[i]) && isCjk(chars[i + 1])) || (isCjk(chars[i]) && isWord(chars[i + 1])),
        ),
      );
      if (at === null) return null;
      // Back up a little into the first run, then run forward a little into the second.
      let s = at;
      for (
        let k = Math.floor(rand() * 4);
        k > 0 && s > 0 && chars[s - 1] && /\S/.test(chars[s - 1]!);
        k--
      )
        s--;
      const len = at - s + 2 + Math.floor(rand() * 4);
      const out = chars.slice(s, s + len).join('');
      return out.split(/\s/)[0] ?? null;
    }
    case 'english':
    case 'number': {
      const ok = cls === 'number' ? isDigit : isWord;
      const starts = positions(chars, (i) => ok(chars[i]) && !ok(chars[i - 1]));
      const at = pick(starts);
      if (at === null) return null;
      const word = span(at, ok, 40);
      const r = rand();
      if (r < 0.4) return word;
      if (r < 0.7 || cls === 'number') {
        // A part of the word: a prefix, a suffix or a middle slice of at least two characters.
        const len = Math.min(word.length, 2 + Math.floor(rand() * 6));
        const from = Math.floor(rand() * (word.length - len + 1));
        return Array.from(word)
          .slice(from, from + len)
          .join('');
      }
      // Two or three words in a row, as typed: the raw slice including the spaces between.
      const end = Math.min(chars.length, at + word.length + 2 + Math.floor(rand() * 20));
      return chars.slice(at, end).join('');
    }
    case 'raw':
    case 'phrase': {
      const at = Math.floor(rand() * chars.length);
      return chars.slice(at, at + 2 + Math.floor(rand() * 12)).join('');
    }
  }
}

/**
 * Makes drawn text a plain query: quotes go, a leading "-" (exclusion), a bare OR and field
 * prefixes like "in:" are neutralised; a phrase is quoted. Null when nothing searchable is left.
 */
export function toQuery(text: string, cls: RecallClass): string | null {
  // A phrase cannot hold a quote, so it stops at one; elsewhere a quote just separates words.
  const cut = cls === 'phrase' ? text.split('"')[0]! : text;
  const cleaned = cut.replace(/"/g, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(cleaned)) return null;
  if (cls === 'phrase') return `"${cleaned.replace(/\s+/g, ' ')}"`;
  const tokens = cleaned
    .split(/\s+/)
    .map((t) => t.replace(/^-+/, '').replace(/^([a-zA-Z]+):/, '$1 '))
    .filter((t) => t && t !== 'OR');
  const q = tokens.join(' ').trim();
  return /[\p{L}\p{N}]/u.test(q) ? q : null;
}

/** `n` queries per class drawn from random articles, each in every script it differs in. */
export function drawRecallQueries(articles: Article[], n: number, seed = 7): RecallQuery[] {
  const rand = seededRandom(seed);
  const live = articles.filter((a) => a.deletedAt === null && a.text.length > 0);
  const out: RecallQuery[] = [];
  for (const cls of CLASSES) {
    let made = 0;
    for (let tries = 0; made < n && tries < n * 20; tries++) {
      const a = live[Math.floor(rand() * live.length)]!;
      const field = rand() < 0.2 ? a.title : a.text;
      const text = drawText(Array.from(field), cls, rand);
      const query = text === null ? null : toQuery(text, cls);
      if (query === null) continue;
      made++;
      const seen = new Set<string>();
      for (const script of ['orig', 'tw', 'hk', 'cn'] as const) {
        const q = script === 'orig' ? query : converters[script](query);
        if (seen.has(q)) continue;
        seen.add(q);
        out.push({ cls, script, query: q, source: a.id });
      }
    }
  }
  return out;
}
