import { describe, expect, it } from 'vitest';
import { createHttpImageFetcher } from '../../../electron/core/export/fetch-image';

const respond = (body: Uint8Array, init: ResponseInit = {}): typeof fetch =>
  (async () => new Response(Buffer.from(body), init)) as typeof fetch;

describe('createHttpImageFetcher', () => {
  it('returns the bytes of a successful response', async () => {
    const fetchImage = createHttpImageFetcher({ fetchFn: respond(new Uint8Array([1, 2, 3])) });
    expect(await fetchImage('https://x.test/a.png')).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('rejects with a short reason for other schemes, HTTP errors, oversize bodies and network failures', async () => {
    const ok = createHttpImageFetcher({ fetchFn: respond(new Uint8Array([1])) });
    await expect(ok('file:///etc/passwd')).rejects.toThrow('not an http(s) address');
    await expect(ok('data:image/png;base64,AA==')).rejects.toThrow('not an http(s) address');
    const notFound = createHttpImageFetcher({
      fetchFn: respond(new Uint8Array(), { status: 404, statusText: 'Not Found' }),
    });
    await expect(notFound('https://x.test/a.png')).rejects.toThrow('HTTP 404 Not Found');
    const big = createHttpImageFetcher({
      fetchFn: respond(new Uint8Array(10)),
      maxBytes: 5 * 1024 * 1024,
    });
    await expect(big('https://x.test/a.png')).resolves.toHaveLength(10);
    const tooBig = createHttpImageFetcher({
      fetchFn: respond(new Uint8Array(10), { headers: { 'content-length': String(30 << 20) } }),
    });
    await expect(tooBig('https://x.test/a.png')).rejects.toThrow('larger than 20 MB');
    const failing = createHttpImageFetcher({
      fetchFn: (async () => {
        throw new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } });
      }) as typeof fetch,
    });
    await expect(failing('https://x.test/a.png')).rejects.toThrow('could not connect (ENOTFOUND)');
    const slow = createHttpImageFetcher({
      timeoutMs: 2_000,
      fetchFn: (async () => {
        throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
      }) as typeof fetch,
    });
    await expect(slow('https://x.test/a.png')).rejects.toThrow('no answer within 2 s');
  });
});
