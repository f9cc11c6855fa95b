import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../../electron/core/ports';
import { openSearchIndex } from '../../../electron/core/search/open-search-index';
import { FakeLibrary, makeArticle } from './fake-library';

describe('contiguity of CJK terms', () => {
  let dir: string;
  let index: SearchIndex;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-eval-'));
    const docs = [
      // Every bigram of 维权律师 occurs here (维权, 权律, 律师), but never the run itself.
      makeArticle({ id: 'apart', text: '他们维权。人权律师说，维权律。另有人权律师。' }),
      makeArticle({ id: 'together', text: '多名維權律師被拘留。' }),
    ];
    const lib = new FakeLibrary(dir, docs);
    index = await openSearchIndex({ dir, library: lib.asLibrary(), onError: () => undefined });
  });
  afterAll(async () => {
    await index.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('matches a bare CJK run only where it occurs contiguously after folding', () => {
    expect(index.matchIds('维权律师')).toEqual(['together']);
    expect(index.matchIds('維權律師')).toEqual(['together']);
  });

  it('still matches both documents on the shorter run they share', () => {
    expect(index.matchIds('维权').sort()).toEqual(['apart', 'together']);
  });

  it('excludes a bare CJK run only where it is contiguous', () => {
    expect(index.matchIds('律师 -维权律师')).toEqual(['apart']);
  });

  it('highlights the contiguous run in the snippet', () => {
    const res = index.search({ query: '维权律师' });
    expect(res.total).toBe(1);
    const hit = res.hits[0]!;
    const [a, b] = hit.highlights[0]!;
    expect(hit.snippet.slice(a, b)).toBe('維權律師');
  });
});
