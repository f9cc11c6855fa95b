import { describe, expect, it } from 'vitest';
import { foldPhrase } from '../../../electron/core/search/fold';
import {
  buildGapSignature,
  gapWindows,
  mayContain,
  needleGapHashes,
  needleWindows,
} from '../../../electron/core/search/gap-signature';
import { hasCorpus, loadWebArticles } from './fake-library';

describe('gap windows', () => {
  it('are two characters before every inner space and two or six after it', () => {
    expect(gapWindows('the president said')).toEqual(['he pr', 'he presid', 'nt sa']);
    expect(gapWindows('a president')).toEqual([]);
    expect(gapWindows('美国总统')).toEqual([]);
  });

  it('of a phrase are the long ones where it has them, else the short ones', () => {
    expect(needleWindows('the president said')).toEqual(['he presid', 'nt sa']);
    expect(needleWindows('the press')).toEqual(['he pr']);
  });
});

describe('gap signature', () => {
  const text = foldPhrase(
    'The President said on Monday that the talks with the prime minister went well, ' +
      'and that the 2024 budget of the state would be presented in March.',
  );
  const sig = buildGapSignature(text);

  it('never rules out a substring of the text', () => {
    for (let s = 0; s < text.length; s++) {
      for (let e = s + 1; e <= Math.min(text.length, s + 40); e++) {
        expect(mayContain(sig, needleGapHashes(text.slice(s, e)))).toBe(true);
      }
    }
  });

  it('rules out most phrases whose words occur only apart', () => {
    const absent = [
      'the state said',
      'monday president',
      'the budget',
      'prime talks',
      'talks went',
      'president went',
      'the march',
      'minister said',
      'well the',
      'of monday',
    ];
    const passed = absent.filter((p) => mayContain(sig, needleGapHashes(p)));
    expect(passed.length).toBeLessThanOrEqual(2);
  });

  it('passes phrases without a window, and rules out any window in a text without spaces', () => {
    expect(mayContain(sig, needleGapHashes('美国总统'))).toBe(true);
    const cjk = buildGapSignature('美国总统拜登周一表示');
    expect(cjk.length).toBe(0);
    expect(mayContain(cjk, needleGapHashes('美国总统'))).toBe(true);
    expect(mayContain(cjk, needleGapHashes('the president'))).toBe(false);
  });

  it.runIf(hasCorpus)('has no false negatives over real web pages', () => {
    for (const a of loadWebArticles(30)) {
      const folded = foldPhrase(a.text);
      const docSig = buildGapSignature(folded);
      for (let s = 0; s + 30 < folded.length; s += 97) {
        expect(mayContain(docSig, needleGapHashes(folded.slice(s, s + 30)))).toBe(true);
      }
    }
  });
});
