import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/model';
import type { Library } from '../../../electron/core/ports';
import { createJustImported } from '../../../electron/core/store/just-imported';
import { openLibrary } from '../../../electron/core/store/open-library';
import { fakeDump, fakeParse } from './fake-parse';

const article = (id: string) => ({ id, title: `T ${id}` }) as Article;

describe('the hand-off of just-imported articles', () => {
  it('gives each article to its first reader only', () => {
    const fresh = createJustImported();
    fresh.put(article('a'));
    expect(fresh.take('a')?.title).toBe('T a');
    expect(fresh.take('a')).toBeUndefined();
    expect(fresh.take('never')).toBeUndefined();
  });

  it('forgets dropped articles, and the oldest beyond its limit', () => {
    const fresh = createJustImported(2);
    fresh.put(article('a'));
    fresh.put(article('b'));
    fresh.drop('b');
    fresh.put(article('c'));
    fresh.put(article('d'));
    expect(['a', 'b', 'c', 'd'].map((id) => fresh.take(id)?.id)).toEqual([
      undefined,
      undefined,
      'c',
      'd',
    ]);
  });
});

describe('reading an article right after its import', () => {
  let dir: string;
  let lib: Library;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-fresh-'));
    lib = await openLibrary({ dir, parse: fakeParse });
  });
  afterEach(async () => {
    await lib.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('returns what a read from disk returns', async () => {
    const { id } = await lib.importFile({
      fileName: 'a.txt',
      bytes: fakeDump('Hello', 'https://example.com/a', 'one\ntwo', ['x']),
    });
    const handed = await lib.get(id);
    const fromDisk = await lib.get(id);
    expect(handed).not.toBe(fromDisk);
    expect(JSON.parse(JSON.stringify(handed))).toEqual(fromDisk);
  });

  it('returns the edited article after an edit, never the imported one', async () => {
    const { id } = await lib.importFile({
      fileName: 'a.txt',
      bytes: fakeDump('Hello', 'https://example.com/a'),
    });
    await lib.addTags([id], ['later']);
    expect((await lib.get(id)).tags).toEqual(['later']);
  });

  it('finds nothing once the item is deleted for good', async () => {
    const ids: string[] = [];
    for (const name of ['a', 'b']) {
      const bytes = fakeDump(name, `https://example.com/${name}`);
      ids.push((await lib.importFile({ fileName: name, bytes })).id);
    }
    const [a, b] = ids as [string, string];
    await lib.trash([a, b]);
    expect(await lib.purge?.([a])).toBe(1);
    expect(await lib.emptyTrash()).toBe(1);
    await expect(lib.get(a)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(lib.get(b)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
