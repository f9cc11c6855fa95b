import { describe, expect, it } from 'vitest';
import type { SearchRequest } from '../../../shared/api';
import { WARM_PASSES, warmQueries } from '../../../electron/core/search/warm-search';
import { warmUpCore } from '../../../electron/core/service/warm-up';
import { createFakeCore, fakeArticle } from './fake-core';

/** What a complete warm-up searches for: every query in each pass. */
const warmed = (titles: string[]) =>
  Array.from({ length: WARM_PASSES }, () => warmQueries(titles)).flat();

/** A fake core that records the searches and article reads it is asked for. */
function recordingCore() {
  const core = createFakeCore();
  core.articles.set('a', fakeArticle('a', '中俄关系紧张'));
  core.articles.set('b', fakeArticle('b', 'Elections in Taiwan'));
  const searches: string[] = [];
  const reads: string[] = [];
  const search = core.search.search;
  core.search.search = (req: SearchRequest) => (searches.push(req.query), search(req));
  const get = core.library.get;
  core.library.get = (id: string) => (reads.push(id), get(id));
  return { core, searches, reads };
}

describe('warmUpCore', () => {
  it('reads one article and warms search with queries cut from the titles', async () => {
    const { core, searches, reads } = recordingCore();
    const warm = warmUpCore(core);
    expect(reads).toEqual(['a']);
    await warm.done;
    expect(searches).toEqual(warmed(['中俄关系紧张', 'Elections in Taiwan']));
  });

  it('stops before searching when asked to', async () => {
    const { core, searches } = recordingCore();
    const warm = warmUpCore(core);
    warm.stop();
    await warm.done;
    expect(searches).toEqual([]);
  });

  it('reads nothing from an empty library, and warms the query tables only', async () => {
    const { core, searches, reads } = recordingCore();
    core.articles.clear();
    await warmUpCore(core).done;
    expect(reads).toEqual([]);
    expect(searches).toEqual(warmed([]));
  });
});
