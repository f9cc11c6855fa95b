import { describe, expect, it } from 'vitest';
import { CHANNELS, type FolioMethod } from '../../shared/api';
import { FolioError } from '../../shared/errors';
import { LIMITS, validators } from '../../shared/validate';
import { VALID } from './valid-requests';

/** Runs a guard and returns the error code it threw, or 'OK'. */
function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'OK';
  } catch (err) {
    return err instanceof FolioError ? err.code : 'NOT_A_FOLIO_ERROR';
  }
}

describe('validators', () => {
  it('covers every method of the contract and accepts a valid request for each', () => {
    expect(Object.keys(validators).sort()).toEqual(Object.keys(CHANNELS).sort());
    for (const method of Object.keys(CHANNELS) as FolioMethod[]) {
      expect(
        codeOf(() => validators[method](VALID[method])),
        method,
      ).toBe('OK');
    }
  });

  it('rejects non-objects and unexpected fields for every method', () => {
    for (const method of Object.keys(CHANNELS) as FolioMethod[]) {
      for (const bad of [42, 'x', [], { surprise: true }]) {
        expect(
          codeOf(() => validators[method](bad)),
          `${method} ${JSON.stringify(bad)}`,
        ).toBe('INVALID_INPUT');
      }
    }
  });

  it('checks id shape', () => {
    for (const bad of ['', '../etc', '.hidden', 'a/b', 'a b', 'x'.repeat(LIMITS.idLength + 1), 7]) {
      expect(codeOf(() => validators.getArticle({ id: bad }))).toBe('INVALID_INPUT');
    }
    expect(validators.getArticle({ id: 'item_2024-01.v2' })).toEqual({ id: 'item_2024-01.v2' });
  });

  it('bounds arrays and strings', () => {
    const many = Array.from({ length: LIMITS.ids + 1 }, (_, i) => `a${i}`);
    expect(codeOf(() => validators.trashArticles({ ids: many }))).toBe('INVALID_INPUT');
    expect(codeOf(() => validators.trashArticles({ ids: [] }))).toBe('INVALID_INPUT');
    expect(codeOf(() => validators.search({ query: 'q'.repeat(LIMITS.queryLength + 1) }))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(() => validators.addTags({ ids: ['a'], tags: ['  '] }))).toBe('INVALID_INPUT');
    expect(codeOf(() => validators.search({ query: 'a', limit: 0 }))).toBe('INVALID_INPUT');
    expect(codeOf(() => validators.search({ query: 'a', limit: 1.5 }))).toBe('INVALID_INPUT');
  });

  it('checks enums', () => {
    expect(codeOf(() => validators.listArticles({ view: 'everything' }))).toBe('INVALID_INPUT');
    expect(codeOf(() => validators.cite({ ids: ['a'], style: 'ieee', format: 'text' }))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(() => validators.exportArticles({ ids: ['a'], format: 'docx' }))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(() => validators.setMeta({ id: 'a', field: 'lang', value: 'en' }))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(() => validators.setSettings({ theme: 'neon' }))).toBe('INVALID_INPUT');
  });

  it('checks a meta value against its field', () => {
    expect(codeOf(() => validators.setMeta({ id: 'a', field: 'authors', value: 'x' }))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(() => validators.setMeta({ id: 'a', field: 'publishedAt', value: 'soon' }))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(() => validators.setMeta({ id: 'a', field: 'title', value: '   ' }))).toBe(
      'INVALID_INPUT',
    );
    expect(validators.setMeta({ id: 'a', field: 'publishedAt', value: null }).value).toBeNull();
    expect(codeOf(() => validators.setMeta({ id: 'a', field: 'url', value: 'javascript:x' }))).toBe(
      'INVALID_INPUT',
    );
  });

  it('opens only http(s) URLs', () => {
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      'ftp://x',
      'nope',
    ]) {
      expect(
        codeOf(() => validators.openExternal({ url: bad })),
        bad,
      ).toBe('INVALID_INPUT');
    }
    expect(codeOf(() => validators.openExternal({ url: 'https://user:pw@example.com/' }))).toBe(
      'INVALID_INPUT',
    );
    expect(validators.openExternal({ url: 'http://example.com/a?b=1' }).url).toBe(
      'http://example.com/a?b=1',
    );
  });

  it('bounds uploads and checks base64', () => {
    const file = (dataBase64: string, name = 'a.txt') => ({ files: [{ name, dataBase64 }] });
    expect(codeOf(() => validators.importFiles(file('not base64!')))).toBe('INVALID_INPUT');
    expect(codeOf(() => validators.importFiles(file('aGVsbG8=', '../../x')))).toBe('INVALID_INPUT');
    expect(codeOf(() => validators.importFiles(file('A'.repeat(LIMITS.fileBase64 + 4))))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(() => validators.importFiles({ files: [] }))).toBe('INVALID_INPUT');
  });

  it('needs exactly one export selector', () => {
    expect(codeOf(() => validators.exportArticles({ format: 'md' }))).toBe('INVALID_INPUT');
    expect(codeOf(() => validators.exportArticles({ format: 'md', ids: ['a'], tag: 't' }))).toBe(
      'INVALID_INPUT',
    );
  });

  it('returns fresh objects holding only known fields', () => {
    const input = { view: 'all' } as Record<string, unknown>;
    const out = validators.listArticles(input);
    expect(out).toEqual({ view: 'all' });
    expect(out).not.toBe(input);
    expect(codeOf(() => validators.listArticles(Object.create({ view: 'all' })))).toBe(
      'INVALID_INPUT',
    );
  });
});
