import { describe, expect, it } from 'vitest';
import {
  foldChar,
  foldForMatch,
  foldPhrase,
  foldText,
  foldWithMap,
} from '../../../electron/core/search/fold';

describe('folding', () => {
  it('folds every BMP code unit as foldChar does, however its tables were filled', () => {
    // Units in a scrambled order, each folded alone and then within texts, so the tables are
    // filled both ways.
    const units: number[] = [];
    for (let c = 0; c < 0x10000; c += 1) if (c < 0xd800 || c > 0xdfff) units.push(c);
    const order = units.map((_, i) => units[(i * 7919) % units.length]!);
    for (const c of order.slice(0, 20000)) {
      const ch = String.fromCharCode(c);
      expect(foldText(ch)).toBe(foldChar(ch));
    }
    for (let at = 0; at < order.length; at += 500) {
      const text = String.fromCharCode(...order.slice(at, at + 500));
      const want = Array.from(text, (ch) => foldChar(ch)).join('');
      expect(foldText(text)).toBe(want);
    }
  });

  it('collapses every kind of whitespace, and keeps offsets into the original', () => {
    expect(foldPhrase('The\u3000PRESIDENT\u00a0\t said\n')).toBe('the president said');
    const f = foldForMatch('Ａ\u3000\u3000Ｂ');
    expect(f.folded).toBe('a b');
    expect([...f.starts]).toEqual([0, 1, 3]);
    const m = foldWithMap('習近平𠮷Café');
    expect(m.folded).toBe(`习近平${foldChar('𠮷')}cafe`);
    expect(m.ends[3]! - m.starts[3]!).toBe(2);
  });

  it('folds random texts exactly as folding each code point by itself would', () => {
    // The specification: each code point folded alone; with collapsing, whitespace runs (after
    // folding) become one space, none leading or trailing. Offsets map units to code points.
    const spec = (text: string, collapse: boolean) => {
      let folded = '';
      const starts: number[] = [];
      let space = true;
      for (let i = 0; i < text.length;) {
        const len = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
        for (const unit of foldChar(text.slice(i, i + len)).split('')) {
          let u = unit;
          if (collapse && /\s/.test(u)) {
            if (space) continue;
            u = ' ';
            space = true;
          } else space = false;
          folded += u;
          starts.push(i);
        }
        i += len;
      }
      if (collapse && folded.endsWith(' ')) {
        folded = folded.slice(0, -1);
        starts.pop();
      }
      // A lone surrogate comes out as U+FFFD, as the UTF-16 decoder gives it.
      const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
      return { folded: folded.replace(lone, '\ufffd'), starts };
    };
    const alphabet = [
      ...'aZé習近平关係１Ａ ',
      '\u3000',
      '\u00a0',
      '\t',
      '\n',
      'ﬁ',
      'ß',
      'İ',
      '𠮷',
      '😀',
      '\ud800',
      '\udc00',
      '㍿',
      'Ⅻ',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let t = 0; t < 300; t++) {
      const text = Array.from(
        { length: 1 + Math.floor(next() * 60) },
        () => alphabet[Math.floor(next() * alphabet.length)]!,
      ).join('');
      const m = foldForMatch(text);
      const want = spec(text, true);
      expect(m.folded).toBe(want.folded);
      expect([...m.starts]).toEqual(want.starts);
      const w = foldWithMap(text);
      const plain = spec(text, false);
      expect(w.folded).toBe(plain.folded);
      expect([...w.starts]).toEqual(plain.starts);
      expect(foldText(text)).toBe(plain.folded);
      expect(foldPhrase(text)).toBe(want.folded.trim());
    }
  });
});
