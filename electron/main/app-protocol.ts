/**
 * Serves the built renderer from `app://folio/…` with a strict Content-Security-Policy header.
 * A custom scheme gives the page a real origin (so the sender check can name it) and lets us
 * attach headers, which `file://` cannot carry.
 */
import { RENDERER_CSP, contentTypeFor, resolveRendererFile } from '../core/renderer-assets';

export const APP_SCHEME = 'app';
export const APP_HOST = 'folio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The renderer's policy, shared with the browser shell. */
export const CONTENT_SECURITY_POLICY = RENDERER_CSP;

/** Privileges for `protocol.registerSchemesAsPrivileged` (must run before app ready). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // corsEnabled: Vite tags its module script crossorigin, which requests it in CORS mode.
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
} as const;

export { contentTypeFor };

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
  return resolveRendererFile(rootDir, parsed.pathname);
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
