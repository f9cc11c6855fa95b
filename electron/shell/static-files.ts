/**
 * Serves the built renderer (`dist/renderer`) read-only, confined to its folder.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { contentTypeFor, resolveRendererFile } from '../core/renderer-assets';

/** The file under `root` a URL path names, or null when it would leave `root`. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  return resolveRendererFile(root, urlPath);
}

/** Streams a static file; answers 404 for anything missing or outside the root. */
export async function serveStatic(
  root: string,
  urlPath: string,
  res: ServerResponse,
  headOnly: boolean,
): Promise<void> {
  const file = resolveStaticPath(root, urlPath);
  const info = file ? await stat(file).catch(() => null) : null;
  if (!file || !info?.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  const type = contentTypeFor(file);
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': info.size,
    // index.html names hashed assets, so it must be fetched fresh; assets may be cached.
    'Cache-Control': type.startsWith('text/html') ? 'no-cache' : 'public, max-age=3600',
  });
  if (headOnly) {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
