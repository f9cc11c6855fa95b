/**
 * The default image fetcher for `--assets`: plain http(s) GET with a timeout and a size cap.
 * Injected into the exporter by the composition root; tests inject a fake instead.
 */
import type { FetchImage } from './images';

export interface HttpImageFetcherOptions {
  timeoutMs?: number;
  maxBytes?: number;
  fetchFn?: typeof fetch;
}

/** A FetchImage that returns null on any failure (the export then keeps the remote link). */
export function createHttpImageFetcher(opts: HttpImageFetcherOptions = {}): FetchImage {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxBytes = opts.maxBytes ?? 20 * 1024 * 1024;
  const fetchFn = opts.fetchFn ?? fetch;
  return async (url) => {
    if (!/^https?:\/\//i.test(url)) return null;
    try {
      const res = await fetchFn(url, {
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'follow',
        headers: { accept: 'image/*' },
      });
      if (!res.ok) return null;
      const declared = Number(res.headers.get('content-length') ?? 0);
      if (declared > maxBytes) return null;
      const bytes = new Uint8Array(await res.arrayBuffer());
      return bytes.length > maxBytes ? null : bytes;
    } catch {
      return null;
    }
  };
}
