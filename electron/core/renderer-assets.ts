/**
 * What both faces need to serve the built renderer (`dist/renderer`): the one Content-Security-
 * Policy, content types, and confinement of request paths to the renderer folder. Electron's
 * `app://` protocol and the browser shell's HTTP server both use it, so they cannot drift apart.
 */
import path from 'node:path';

/**
 * Our own scripts only. Article images may come from the web or data URIs; plain http too, as in
 * the HTML export: older articles link images over http, and a host without https would
 * otherwise show the reader a broken image.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "img-src 'self' https: http: data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a file name, by extension. */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `rootDir` that a still-encoded URL path names (`/` means `index.html`), or null
 * when it would leave the folder (`..`, encoded separators, NUL) or cannot be decoded.
 */
export function resolveRendererFile(rootDir: string, urlPath: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  if (rel === '' || rel.endsWith('/')) rel = `${rel || '/'}index.html`;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${rel.startsWith('/') ? rel : `/${rel}`}`);
  return file.startsWith(root + path.sep) ? file : null;
}
