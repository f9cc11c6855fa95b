import { describe, expect, it } from 'vitest';
import {
  matchShingles,
  precisionOf,
  recallOf,
  scorePages,
  shingles,
  tokenF1,
  tokenize,
} from '../../scripts/lib/extraction-metric';

describe('tokenize', () => {
  it('takes word runs and splits Han and kana per character', () => {
    expect(tokenize('Hello, world_1! 中国人民 abc日本カナ')).toEqual([
      'Hello',
      'world_1',
      '中',
      '国',
      '人',
      '民',
      'abc',
      '日',
      '本',
      'カ',
      'ナ',
    ]);
  });

  it('keeps case (the benchmark does not lowercase)', () => {
    expect(tokenize('The the')).toEqual(['The', 'the']);
  });
});

describe('shingles', () => {
  it('counts overlapping 4-grams', () => {
    const s = shingles(tokenize('a b c d e a b c d'));
    expect(s.size).toBe(5);
    expect([...s.values()].reduce((a, b) => a + b)).toBe(6);
  });

  it('yields one short shingle for a text under four tokens', () => {
    expect(shingles(['a', 'b']).size).toBe(1);
    expect(shingles([]).size).toBe(0);
  });
});

describe('page scores', () => {
  it('is perfect for identical text', () => {
    const m = matchShingles('one two three four five', 'one two three four five');
    expect(precisionOf(m)).toBe(1);
    expect(recallOf(m)).toBe(1);
  });

  it('penalises extra text in precision and missing text in recall', () => {
    const truth = 'one two three four five six';
    const extra = matchShingles(truth, `${truth} seven eight nine ten`);
    expect(recallOf(extra)).toBe(1);
    expect(precisionOf(extra)).toBeCloseTo(3 / 7);
    const missing = matchShingles(truth, 'one two three four');
    expect(precisionOf(missing)).toBe(1);
    expect(recallOf(missing)).toBeCloseTo(1 / 3);
  });

  it('computes bag-of-tokens F1', () => {
    expect(tokenF1('a b c d', 'a b')).toBeCloseTo((2 * 1 * 0.5) / 1.5);
    expect(tokenF1('a', 'b')).toBe(0);
  });

  it('averages per page and takes F1 of the means, skipping empty predictions in precision', () => {
    const s = scorePages([
      { truth: 'one two three four five', pred: 'one two three four five' },
      { truth: 'one two three four five', pred: '' },
    ]);
    expect(s.precision).toBe(1);
    expect(s.recall).toBeCloseTo(0.5);
    expect(s.f1).toBeCloseTo(2 / 3);
    expect(s.tokenF1).toBeCloseTo(0.5);
  });
});
