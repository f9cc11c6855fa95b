import { describe, expect, it, vi } from 'vitest';
import type { SearchRequest } from '../../shared/api';
import { startShell } from '../../electron/shell/start-shell';
import { createFakeCore, fakeArticle } from '../core/service/fake-core';

describe('startShell', () => {
  it('warms the core once the window has its list and is quiet, when asked to', async () => {
    const core = createFakeCore();
    core.articles.set('a', fakeArticle('a', '中俄关系紧张'));
    const searches: string[] = [];
    const search = core.search.search;
    core.search.search = (req: SearchRequest) => (searches.push(req.query), search(req));
    const shell = await startShell({ core, staticDir: '/none', sampleDir: '/none', warmUp: true });
    try {
      await shell.api.libraryInfo();
      expect(searches).toEqual([]);
      await shell.api.listRows();
      await vi.waitFor(() => expect(searches).toContain('中俄关系'), { timeout: 10_000 });
    } finally {
      await shell.close();
    }
  });
});
