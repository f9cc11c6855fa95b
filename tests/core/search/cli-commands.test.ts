// The search and reindex CLI modules are owned with the search code, so their tests live here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliContext } from '../../../electron/cli/command';
import { reindexCommand } from '../../../electron/cli/commands/reindex';
import { markHighlights, searchCommand } from '../../../electron/cli/commands/search';
import type { FolioCore, SearchIndex } from '../../../electron/core/ports';
import { openSearchIndex } from '../../../electron/core/search/open-search-index';
import { FakeLibrary, makeArticle } from './fake-library';

describe('search and reindex commands', () => {
  let dir: string;
  let index: SearchIndex;
  let out: string[];

  const ctx = (json: boolean, isTTY = false): CliContext => {
    const library = new FakeLibrary(dir).asLibrary();
    const core = { library, search: index } as unknown as FolioCore;
    return {
      io: { stdout: (t) => out.push(t), stderr: () => undefined, isTTY },
      json,
      core: async () => core,
      library: async () => library,
      parser: async () => {
        throw new Error('unused');
      },
      libraryDir: dir,
    };
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-cli-search-'));
    out = [];
    const lib = new FakeLibrary(dir, [
      makeArticle({ id: 'a1', title: '中俄关系', text: '普京谈两国關係。', siteName: 'BBC中文' }),
      makeArticle({ id: 'a2', title: '天气', text: '上海下雨。' }),
    ]);
    index = await openSearchIndex({ dir, library: lib.asLibrary() });
  });
  afterEach(async () => {
    await index.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints JSON hits with the documented fields', async () => {
    const code = await searchCommand.run({ positionals: ['关系'], flags: {} }, ctx(true));
    expect(code).toBe(0);
    const hits = JSON.parse(out.join('')) as Array<Record<string, unknown>>;
    expect(hits).toHaveLength(1);
    expect(Object.keys(hits[0]!).sort()).toEqual(
      ['id', 'publishedAt', 'score', 'siteName', 'snippet', 'title'].sort(),
    );
    expect(hits[0]!.snippet).toContain('關係');
  });

  it('marks highlights with brackets off a terminal and bold on one', async () => {
    await searchCommand.run({ positionals: ['关系'], flags: { limit: '5' } }, ctx(false));
    expect(out.join('')).toContain('[關係]');
    expect(out.join('')).toContain('1 result');
    expect(markHighlights('abcd', [[1, 3]], true)).toBe('a\u001b[1mbc\u001b[22md');
  });

  it('rejects a bad --limit and an empty query', async () => {
    await expect(
      searchCommand.run({ positionals: ['x'], flags: { limit: 'many' } }, ctx(false)),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await searchCommand.run({ positionals: [], flags: {} }, ctx(false))).toBe(2);
  });

  it('reindex rebuilds and reports the count', async () => {
    expect(await reindexCommand.run({ positionals: [], flags: {} }, ctx(true))).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ indexed: 2 });
  });
});
