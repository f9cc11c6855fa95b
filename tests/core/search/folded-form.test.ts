import { describe, expect, it } from 'vitest';
import {
  decodeFolded,
  encodeFolded,
  foldedEncoding,
  windowHolds,
  windowOverlap,
} from '../../../electron/core/search/folded-form';

const needle = (text: string) => ({ text, bytes: Buffer.from(text, 'utf8') });

describe('folded forms', () => {
  it('stores mostly CJK text as UTF-16 behind a mark, and mostly Latin text as UTF-8', () => {
    const cjk = encodeFolded('习近平会见普京\u0000笔记');
    expect([...cjk.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(cjk.length).toBeLessThan(Buffer.byteLength('习近平会见普京\u0000笔记'));
    expect(foldedEncoding(cjk)).toBe('utf16le');
    const latin = encodeFolded('the president met 普京');
    expect(latin.equals(Buffer.from('the president met 普京'))).toBe(true);
    expect(foldedEncoding(latin)).toBe('utf8');
    expect(foldedEncoding(encodeFolded(''))).toBe('utf8');
  });

  it('decodes both forms, and forms stored before the choice, to the same string', () => {
    for (const text of ['习近平\u0000𠮷野家 note', 'plain words\u0000notes', '', '臺灣']) {
      expect(decodeFolded(encodeFolded(text))).toBe(text);
      expect(decodeFolded(Buffer.from(text, 'utf8'))).toBe(text);
    }
  });

  it('finds a needle in UTF-16 only on character boundaries', () => {
    // Bytes 00 41 00 42: "A" (41 00) occurs only across the two characters, at an odd offset.
    const form = encodeFolded('\u4100\u4200\u4300');
    expect(foldedEncoding(form)).toBe('utf16le');
    expect(windowHolds(form, 0, needle('A'), 'utf16le')).toBe(false);
    expect(windowHolds(form, 0, needle('\u4200'), 'utf16le')).toBe(true);
    // A later window starts past the mark: its first unit is a character.
    expect(windowHolds(form.subarray(2), 2, needle('\u4100'), 'utf16le')).toBe(true);
  });

  it('finds a needle searched from a later unit, never with its head outside the window', () => {
    // 中 (its search byte 0x4E is the commonest in CJK text) makes 中国政府 be searched from 国.
    const form = encodeFolded('中国政府说：国政府不是中国政府');
    const found = (text: string, from: number) =>
      windowHolds(form.subarray(from), from, needle(text), 'utf16le');
    expect(found('中国政府', 0)).toBe(true);
    // From the second character on, the first 中国政府 has lost its head; the last one remains.
    expect(found('中国政府', 4)).toBe(true);
    // 国政府 after 说： is a tail without its head; 不是中 is a match ending at the last hit.
    expect(found('说：国政府', 0)).toBe(true);
    expect(found('是国政府', 0)).toBe(false);
    const tailOnly = encodeFolded('中国政府说：国政府');
    expect(windowHolds(tailOnly.subarray(4), 4, needle('中国政府'), 'utf16le')).toBe(false);
  });

  it('agrees with String.includes over random texts, windows and needles', () => {
    // Characters whose search bytes are common and rare, a surrogate pair and Latin letters.
    const alphabet = [...'中国政府人的了府近平习美统总说不𠮷Ab '];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
    const pick = (len: number) =>
      Array.from({ length: len }, () => alphabet[rand(alphabet.length)]);
    for (let round = 0; round < 400; round++) {
      const text = ['中', ...pick(rand(80))].join('');
      const form = encodeFolded(text);
      if (foldedEncoding(form) !== 'utf16le') continue;
      const chars = [...text];
      const at = rand(chars.length);
      const wanted = [chars.slice(at, at + 2 + rand(4)).join(''), pick(2 + rand(4)).join('')];
      for (const text2 of wanted) {
        const n = needle(text2);
        // Windows as a phrase check reads them: each overlapping the last (phrase-check.ts).
        const size = 2 + 2 * (1 + rand(12));
        let holds = false;
        for (let from = 0; from < form.length && !holds; from += size) {
          const start = Math.max(0, from - windowOverlap(n, 'utf16le'));
          holds = windowHolds(form.subarray(start, from + size), start, n, 'utf16le');
        }
        expect(holds, `${text2} in ${text}`).toBe(text.includes(text2));
      }
    }
  });

  it('overlaps windows by the needle less one unit', () => {
    expect(windowOverlap(needle('维权律师'), 'utf8')).toBe(11);
    expect(windowOverlap(needle('维权律师'), 'utf16le')).toBe(6);
    expect(windowOverlap(needle('the president'), 'utf8')).toBe(12);
  });
});
