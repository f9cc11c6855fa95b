/**
 * Fetching article images once per export through the injected `fetchImage`, for saving
 * beside a Markdown file or inlining into HTML/PDF as data: URIs.
 */

/** The image's bytes; null or a rejection (whose message says why) when it is not available. */
export type FetchImage = (url: string) => Promise<Uint8Array | null>;

/** An image that could not be fetched, and why, for the export's report. */
export interface ImageFailure {
  src: string;
  reason: string;
}

export interface FetchedImage {
  src: string;
  bytes: Uint8Array;
  ext: string;
  mime: string;
}

const startsWith = (b: Uint8Array, sig: number[], offset = 0): boolean =>
  sig.every((v, i) => b[offset + i] === v);

/** The image type from its first bytes (the URL's extension is often wrong or absent). */
export function sniffImage(bytes: Uint8Array): { ext: string; mime: string } | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ext: 'jpg', mime: 'image/jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return { ext: 'png', mime: 'image/png' };
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return { ext: 'gif', mime: 'image/gif' };
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return { ext: 'webp', mime: 'image/webp' };
  if (startsWith(bytes, [0x66, 0x74, 0x79, 0x70], 4)) return { ext: 'avif', mime: 'image/avif' };
  const head = new TextDecoder().decode(bytes.subarray(0, 256)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')))
    return { ext: 'svg', mime: 'image/svg+xml' };
  return null;
}

/** Every distinct http(s) image source of an article's HTML, in document order. */
export function imageSources(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<img\b[^>]*?\ssrc="([^"]+)"/gi)) {
    const src = (m[1] ?? '').replace(/&amp;/g, '&');
    if (/^https?:\/\//i.test(src)) found.add(src);
  }
  return [...found];
}

/** Images fetched at once per article: enough to overlap slow hosts, few enough to be polite. */
const FETCH_CONCURRENCY = 4;

const reasonOf = (err: unknown): string =>
  (err instanceof Error ? err.message : String(err)) || 'could not be fetched';

/** Fetches each source, in document order; failures and non-images are left out of the result
 * and, when `failures` is given, listed there with their reason. */
export async function fetchImages(
  sources: string[],
  fetchImage: FetchImage,
  failures?: ImageFailure[],
): Promise<FetchedImage[]> {
  const slots: Array<FetchedImage | null> = sources.map(() => null);
  const failed: Array<ImageFailure | null> = sources.map(() => null);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < sources.length; i = next++) {
      const src = sources[i] as string;
      let bytes: Uint8Array | null;
      try {
        bytes = await fetchImage(src);
      } catch (err) {
        failed[i] = { src, reason: reasonOf(err) };
        continue;
      }
      const type = bytes ? sniffImage(bytes) : null;
      if (bytes && type) slots[i] = { src, bytes, ...type };
      else failed[i] = { src, reason: bytes ? 'not an image' : 'could not be fetched' };
    }
  };
  await Promise.all(Array.from({ length: Math.min(FETCH_CONCURRENCY, sources.length) }, worker));
  for (const f of failed) if (f) failures?.push(f);
  return slots.filter((img): img is FetchedImage => img !== null);
}

/** A data: URI for an image. */
export function dataUri(image: FetchedImage): string {
  return `data:${image.mime};base64,${Buffer.from(image.bytes).toString('base64')}`;
}
