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
});
