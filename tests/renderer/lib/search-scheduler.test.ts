import { describe, expect, it } from 'vitest';
import { createSearchScheduler } from '../../../renderer/src/lib/search-scheduler';

/** A search whose answers the test releases by hand. */
function harness() {
  const sent: string[] = [];
  const pending = new Map<string, (r: string) => void>();
  const delivered: Array<[string, string]> = [];
  const s = createSearchScheduler<string>({
    run: (q) => {
      sent.push(q);
      return new Promise((resolve) => pending.set(q, resolve));
    },
    deliver: (q, r) => delivered.push([q, r]),
    fail: () => undefined,
  });
  const answer = async (q: string): Promise<void> => {
    pending.get(q)?.(`hits for ${q}`);
    // Let the then/finally chain run.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { s, sent, delivered, answer };
}

describe('createSearchScheduler', () => {
  it('searches the first query at once, with no debounce', () => {
    const h = harness();
    h.s.request('香');
    expect(h.sent).toEqual(['香']);
  });

  it('sends only the newest of the queries typed while one is in flight', async () => {
    const h = harness();
    h.s.request('B');
    h.s.request('BB');
    h.s.request('BBC');
    expect(h.sent).toEqual(['B']);
    await h.answer('B');
    // The answer to "B" is not rendered: "BBC" was already waiting.
    expect(h.delivered).toEqual([]);
    expect(h.sent).toEqual(['B', 'BBC']);
    await h.answer('BBC');
    expect(h.delivered).toEqual([['BBC', 'hits for BBC']]);
  });

  it('drops the answer in flight after cancel', async () => {
    const h = harness();
    h.s.request('中国');
    h.s.cancel();
    await h.answer('中国');
    expect(h.delivered).toEqual([]);
    h.s.request('香港');
    expect(h.sent).toEqual(['中国', '香港']);
  });

  it('sends nothing when asked again for the query in flight or answered', async () => {
    const h = harness();
    // The input handler asks first, then the render that follows asks for the same query.
    h.s.request('中国');
    h.s.request('中国');
    expect(h.sent).toEqual(['中国']);
    await h.answer('中国');
    h.s.request('中国');
    expect(h.sent).toEqual(['中国']);
    expect(h.delivered).toEqual([['中国', 'hits for 中国']]);
  });

  it('shows the answer in flight again when the query goes back to it', async () => {
    const h = harness();
    h.s.request('BB');
    h.s.request('BBC');
    h.s.request('BB');
    await h.answer('BB');
    expect(h.sent).toEqual(['BB']);
    expect(h.delivered).toEqual([['BB', 'hits for BB']]);
  });

  it('searches the same query again after cancel', async () => {
    const h = harness();
    h.s.request('中国');
    await h.answer('中国');
    h.s.cancel();
    h.s.request('中国');
    expect(h.sent).toEqual(['中国', '中国']);
  });
});
