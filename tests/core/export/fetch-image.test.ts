import { describe, expect, it } from 'vitest';
import { createHttpImageFetcher } from '../../../electron/core/export/fetch-image';

const respond = (body: Uint8Array, init: ResponseInit = {}): typeof fetch =>
  (async () => new Response(Buffer.from(body), init)) as typeof fetch;

describe('createHttpImageFetcher', () => {
  it('returns the bytes of a successful response', async () => {
    const fetchImage = createHttpImageFetcher({ fetchFn: respond(new Uint8Array([1, 2, 3])) });
    expect(await fetchImage('https://x.test/a.png')).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('returns null for other schemes, HTTP errors, oversize bodies and network failures', async () => {
    const ok = createHttpImageFetcher({ fetchFn: respond(new Uint8Array([1])) });
    expect(await ok('file:///etc/passwd')).toBeNull();
    expect(await ok('data:image/png;base64,AA==')).toBeNull();
    const notFound = createHttpImageFetcher({
      fetchFn: respond(new Uint8Array(), { status: 404 }),
    });
    expect(await notFound('https://x.test/a.png')).toBeNull();
    const big = createHttpImageFetcher({ fetchFn: respond(new Uint8Array(10)), maxBytes: 5 });
    expect(await big('https://x.test/a.png')).toBeNull();
    const failing = createHttpImageFetcher({
      fetchFn: (async () => {
        throw new TypeError('network down');
      }) as typeof fetch,
    });
    expect(await failing('https://x.test/a.png')).toBeNull();
  });
});
