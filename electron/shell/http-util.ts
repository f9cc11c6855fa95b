/**
 * Small helpers for the shell's `node:http` handlers: security headers, JSON replies, bounded
 * request bodies, token and host checks.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FolioErrorData } from '../../shared/errors';
import { RENDERER_CSP } from '../core/renderer-assets';

/** The renderer's policy, the same one the desktop app serves. */
export const CSP = RENDERER_CSP;

/** Headers every response carries. No CORS headers: other origins get nothing readable. */
export function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  // The page URL carries the token: never send it to the sites of links the user follows.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/** Sends a JSON body with a status (and any extra headers). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const data = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': data.length,
    'Cache-Control': 'no-store',
  });
  res.end(data);
}

/** Sends an error `Result`. */
export function sendError(res: ServerResponse, status: number, error: FolioErrorData): void {
  sendJson(res, status, { ok: false, error });
}

export class BodyTooLarge extends Error {}

/** Reads a request body, failing with `BodyTooLarge` as soon as it passes `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Compares secrets in constant time. */
export function sameSecret(given: string | undefined | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token a request presents: `Authorization: Bearer`, `x-folio-token`, or (downloads) `?token=`. */
export function presentedToken(req: IncomingMessage, url: URL, allowQuery: boolean): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  const header = req.headers['x-folio-token'];
  if (typeof header === 'string') return header;
  return allowQuery ? url.searchParams.get('token') : null;
}

/** Host names that reach this server only from this machine. */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * True when the Host header names the loopback address on our port. A DNS-rebinding page
 * reaches us under its own host name, so this check keeps it out even before the token.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return LOOPBACK_HOSTS.some((h) => host.toLowerCase() === `${h}:${port}`);
}

/** True when a browser says the request comes from another site (Origin or Fetch metadata). */
export function isCrossOrigin(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    // An opaque origin ("null": sandboxed frames, file pages) is never ours.
    const host = URL.canParse(origin) ? new URL(origin).host : '';
    if (!isLoopbackHost(host, port)) return true;
  }
  const site = req.headers['sec-fetch-site'];
  return site === 'cross-site' || site === 'same-site';
}
