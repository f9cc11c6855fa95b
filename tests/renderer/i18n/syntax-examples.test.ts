import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../electron/core/search/query-parser';
import { en, zhHans, zhHant } from '../../../renderer/src/i18n/messages';

// The query-syntax help shows these as things to type: each must be a query the core accepts.
describe('query syntax examples', () => {
  const codes = (cat: Record<string, string>): Array<[string, string]> =>
    Object.entries(cat).filter(([k]) => k.startsWith('syntax.') && k.endsWith('Code'));

  it('covers the syntax the help describes', () => {
    expect(codes(en).length).toBeGreaterThanOrEqual(11);
  });

  for (const [lang, cat] of [
    ['en', en],
    ['zh-Hans', zhHans],
    ['zh-Hant', zhHant],
  ] as const) {
    it(`parses every ${lang} example`, () => {
      for (const [key, code] of codes(cat)) {
        expect(() => parseQuery(code), `${key}: ${code}`).not.toThrow();
      }
    });
  }
});
