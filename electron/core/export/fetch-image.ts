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

/** A FetchImage that rejects, with a short reason, on any failure (the export then keeps the
 * remote link and reports the reason). */
export function createHttpImageFetcher(opts: HttpImageFetcherOptions = {}): FetchImage {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxBytes = opts.maxBytes ?? 20 * 1024 * 1024;
  const fetchFn = opts.fetchFn ?? fetch;
  const tooLarge = (): Error => new Error(`larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  return async (url) => {
    if (!/^https?:\/\//i.test(url)) throw new Error('not an http(s) address');
    let res: Response;
    try {
      res = await fetchFn(url, {
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'follow',
        headers: { accept: 'image/*' },
      });
    } catch (err) {
      throw new Error(networkReason(err, timeoutMs), { cause: err });
    }
    if (!res.ok) throw new Error(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > maxBytes) throw tooLarge();
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await res.arrayBuffer());
    } catch (err) {
      throw new Error(networkReason(err, timeoutMs), { cause: err });
    }
    if (bytes.length > maxBytes) throw tooLarge();
    return bytes;
  };
}

/** What went wrong with a request, in a few words: fetch's own message is "fetch failed". */
function networkReason(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return `no answer within ${timeoutMs / 1000} s`;
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string }) : null;
  const detail = cause?.code ?? cause?.message;
  // undici says only "fetch failed"; the cause says what failed (ENOTFOUND, ECONNREFUSED …).
  const message = err instanceof Error && err.message !== 'fetch failed' ? err.message : '';
  return [message || 'could not connect', detail ? `(${detail})` : ''].filter(Boolean).join(' ');
}
