/**
 * Serves the built renderer from `app://folio/…` with a strict Content-Security-Policy header.
 * A custom scheme gives the page a real origin (so the sender check can name it) and lets us
 * attach headers, which `file://` cannot carry.
 */
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'folio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The renderer's policy: our own scripts only, remote images allowed (articles link them). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' https: data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
].join('; ');

/** Privileges for `protocol.registerSchemesAsPrivileged` (must run before app ready). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // corsEnabled: Vite tags its module script crossorigin, which requests it in CORS mode.
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
} as const;

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
 * Maps an `app://folio/…` URL to a file inside `rootDir`, or null when the URL is for another
 * host or would escape the folder (`..`, encoded separators, absolute paths).
 */
export function resolveAppPath(url: string, rootDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${rel}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

export interface AppProtocolDeps {
  rootDir: string;
  readFile: (file: string) => Promise<Uint8Array>;
}

/** Builds the `protocol.handle` callback: files from `rootDir`, each with the CSP header. */
export function createAppProtocolHandler(
  deps: AppProtocolDeps,
): (request: { url: string }) => Promise<Response> {
  return async (request) => {
    const file = resolveAppPath(request.url, deps.rootDir);
    if (file === null) return new Response('Forbidden', { status: 403 });
    let body: Uint8Array;
    try {
      body = await deps.readFile(file);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    // Copied into a plain ArrayBuffer-backed view: Buffer may sit on a shared pool.
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': contentTypeFor(file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  };
}
