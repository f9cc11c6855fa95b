import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../renderer/src/api/http-client';

describe('createHttpClient', () => {
  it('sends the token and the JSON request to /api/<method>', async () => {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    const client = createHttpClient('http://127.0.0.1:9/', 'tok', {
      fetchFn: async (url, init) => {
        seen.push({ url, init });
        return new Response(JSON.stringify({ ok: true, data: { count: 2 } }));
      },
    });
    expect(await client.addTags({ ids: ['a'], tags: ['香港'] })).toEqual({ count: 2 });
    expect(seen[0]?.url).toBe('http://127.0.0.1:9/api/addTags');
    expect(seen[0]?.init.headers).toMatchObject({ Authorization: 'Bearer tok' });
    expect(JSON.parse(String(seen[0]?.init.body))).toEqual({ ids: ['a'], tags: ['香港'] });
  });

  it('turns error results, odd answers and network failures into coded errors', async () => {
    const answer = (body: string, status = 200) =>
      createHttpClient('http://x', 't', { fetchFn: async () => new Response(body, { status }) });
    await expect(
      answer(
        JSON.stringify({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } }),
      ).getArticle({ id: 'a' }),
    ).rejects.toMatchObject({ name: 'FolioError', code: 'NOT_FOUND', message: 'gone' });
    await expect(answer('<html>proxy</html>', 502).listTags()).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('HTTP 502'),
    });
    await expect(
      answer(JSON.stringify({ ok: false, error: { code: 'NOPE' } })).listTags(),
    ).rejects.toMatchObject({
      code: 'INTERNAL',
    });
    const down = createHttpClient('http://x', 't', {
      fetchFn: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(down.libraryInfo()).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('not reachable'),
    });
  });
});
