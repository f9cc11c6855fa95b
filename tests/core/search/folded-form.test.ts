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

  it('overlaps windows by the needle less one unit', () => {
    expect(windowOverlap(needle('维权律师'), 'utf8')).toBe(11);
    expect(windowOverlap(needle('维权律师'), 'utf16le')).toBe(6);
    expect(windowOverlap(needle('the president'), 'utf8')).toBe(12);
  });
});
