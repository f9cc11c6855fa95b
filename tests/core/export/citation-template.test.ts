import { describe, expect, it } from 'vitest';
import {
  compileTemplate,
  fillTemplate,
  shapeOf,
  upperAs,
} from '../../../electron/core/export/citation-template';
import { articleToCsl } from '../../../electron/core/export/csl-data';
import { makeArticle } from './fixtures';

const shape = (authors: string[], over = {}) =>
  shapeOf('apa', articleToCsl(makeArticle({ authors, ...over })));

describe('citation shapes', () => {
  it('gives Latin names of one structure one key, and other structures another', () => {
    const key = shape(['Richard Pérez-Peña'])?.key;
    expect(key).toBeDefined();
    expect(shape(['Ellen Barry-Smith'])?.key).toBe(key);
    expect(shape(['Ellen Barry'])?.key).not.toBe(key);
    expect(shape(['Tracy Wen Liu'])?.key).not.toBe(shape(['Tracy Liu'])?.key);
    expect(shape(['Jean-Paul Sartre'])?.key).not.toBe(shape(['Jean Paul Sartre'])?.key);
  });

  it('sends names citeproc treats specially through citeproc', () => {
    for (const name of [
      'Ludwig van Beethoven', // particle
      'JP Morgan', // initials
      'Jane Q. Doe', // initial with a period
      'Lord Byron', // printed whole, not initialised
      "Conan O'Brien", // quote
      'Mary-jane Watson', // lower-case after a hyphen
      'Nguyễn Văn An', // letters outside Latin-1 and Extended-A
      'Reuters | Beijing', // institution parts
      'Tom McCarthy', // capital inside the family name
    ]) {
      expect(shape([name]), name).toBeNull();
    }
  });

  it('fills initials and family names, upper-cased when the style does so', () => {
    const s = shape(['Jean-Paul Sartre', 'Ellen Barry']);
    expect(s).not.toBeNull();
    if (!s) return;
    expect(s.twin.authors).toHaveLength(2);
    expect(s.values.get('a0f')).toBe('Sartre');
    expect(s.values.get('a0f^')).toBe('SARTRE');
    expect([s.values.get('a0g0'), s.values.get('a0g1'), s.values.get('a1g0')]).toEqual([
      'J',
      'P',
      'E',
    ]);
  });

  it('upper-cases in the item language, as citeproc does', () => {
    expect(upperAs('Yildiz', 'tr')).toBe('YİLDİZ');
    expect(upperAs('Yildiz', 'en')).toBe('YILDIZ');
    expect(upperAs('Yildiz', undefined)).toBe('YILDIZ');
  });
});

describe('templates', () => {
  const marks = [
    [{ slot: 'title', text: 'zqTq0Qz' }],
    [
      { slot: 'a0f', text: 'Zqfaaqz' },
      { slot: 'a0f^', text: 'ZQFAAQZ' },
    ],
  ];

  it('compile to literal text and slots, in rendering order', () => {
    const t = compileTemplate('ZQFAAQZ R, 2022. zqTq0Qz[N/OL].', marks);
    expect(t).toEqual(['', { slot: 'a0f^' }, ' R, 2022. ', { slot: 'title' }, '[N/OL].']);
    const values = new Map([
      ['title', 'T'],
      ['a0f^', 'PÉREZ'],
    ]);
    expect(fillTemplate(t ?? [], values)).toBe('PÉREZ R, 2022. T[N/OL].');
    expect(fillTemplate(t ?? [], new Map([['title', 'T']]))).toBeNull();
  });

  it('are refused when a placeholder is missing, repeated, or left over', () => {
    expect(compileTemplate('Zqfaaqz.', marks)).toBeNull();
    expect(compileTemplate('Zqfaaqz zqTq0Qz zqTq0Qz', marks)).toBeNull();
    expect(compileTemplate('Zqfaaqz ZQFAAQZ zqTq0Qz', marks)).toBeNull();
    expect(compileTemplate('Zqfaaqz zqTq0Qz https://example.invalid/x', marks)).toBeNull();
  });

  it('insert values verbatim, even ones that look like placeholders', () => {
    const t = compileTemplate('Zqfaaqz. zqTq0Qz.', marks) ?? [];
    const values = new Map([
      ['a0f', 'zqTq0Qz'],
      ['title', '$& $1'],
    ]);
    expect(fillTemplate(t, values)).toBe('zqTq0Qz. $& $1.');
  });
});
