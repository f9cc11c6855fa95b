import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fragmentGram } from '../../../electron/core/search/fragment-grams';
import { type LoadedIndex, loadIndex } from '../../../electron/core/search/index-persistence';
import { openSearchIndex } from '../../../electron/core/search/open-search-index';
import { type WordMode, expandWord } from '../../../electron/core/search/word-dict';
import { FakeLibrary, hasCorpus, loadDumpArticles, loadWebArticles } from './fake-library';

describe.skipIf(!hasCorpus)('fragment grams', () => {
  let dir: string;
  let idx: LoadedIndex;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-grams-'));
    const docs = [...loadWebArticles().slice(0, 40), ...loadDumpArticles().slice(0, 20)];
    const lib = new FakeLibrary(dir, docs);
    const index = await openSearchIndex({ dir, library: lib.asLibrary(), onError: () => {} });
    await index.close();
    idx = (await loadIndex(join(dir, 'index')))!;
  });
  afterAll(() => {
    idx.texts.close();
    idx.state.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const docsOf = (terms: Iterable<string>) => {
    const out = new Set<number>();
    for (const t of terms) {
      const p = idx.state.postings(t);
      for (let k = 0; k < p.count; k++) out.add(p.docs[k]!);
    }
    return [...out].sort((a, b) => a - b);
  };

  const cases: Array<[string, WordMode]> = [];
  for (const text of ['t', 'e', 'q', 'z', '2', 'er', 'th', 'on', 'ü', 'xy'])
    cases.push([text, 'infix']);
  for (const text of ['s', 'a', 'x', '1']) cases.push([text, 'prefix'], [text, 'suffix']);

  it.each(cases)('finds the documents of every word holding %s (%s)', (text, mode) => {
    const gram = fragmentGram(text, mode)!;
    expect(gram).not.toBeNull();
    const words = expandWord(idx.state.wordDictionaries(), text, mode, false);
    expect(docsOf([gram])).toEqual(docsOf(words.keys()));
  });

  it('leaves longer fragments, exact words and two-character edges to the dictionary', () => {
    expect(fragmentGram('the', 'infix')).toBeNull();
    expect(fragmentGram('t', 'exact')).toBeNull();
    expect(fragmentGram('th', 'prefix')).toBeNull();
  });

  it('keeps grams out of the word dictionary', () => {
    const words = idx.state.wordDictionaries().join('');
    expect([...words].some((c) => c.charCodeAt(0) >= 1 && c.charCodeAt(0) <= 3)).toBe(false);
  });
});
