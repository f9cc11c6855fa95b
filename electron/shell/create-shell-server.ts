/**
 * The browser shell's HTTP server: the built renderer plus the `FolioApi` contract over
 * `POST /api/<method>`, on 127.0.0.1 only, guarded by a per-run token and a loopback Host check.
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { FolioApi } from '../../shared/api';
import { dispatch } from '../core/service/dispatch';
import type { DownloadRegistry } from './downloads';
import {
  BodyTooLarge,
  isCrossOrigin,
  isLoopbackHost,
  presentedToken,
  readBody,
  sameSecret,
  securityHeaders,
  sendError,
  sendJson,
} from './http-util';
import { serveStatic } from './static-files';

export interface ShellServerOptions {
  api: FolioApi;
  token: string;
  /** The built renderer (`dist/renderer`). */
  staticDir: string;
  downloads?: DownloadRegistry;
  /** Body limit for ordinary calls (default 1 MB). */
  maxJsonBytes?: number;
  /** Body limit for `importFiles`, whose files arrive base64-encoded (default 136 MB). */
  maxUploadBytes?: number;
}

export interface ShellServer {
  server: Server;
  /** Starts listening on 127.0.0.1 (port 0: a random free port) and resolves the port. */
  listen(port?: number): Promise<number>;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';
const DOWNLOAD_PREFIX = '/download/';

/**
 * Contract methods the page may not call over HTTP. `importPaths` reads any file of this machine
 * and the page can read an imported file back, so a page running hostile script (a sanitiser
 * bypass in an imported dump) could send ~/.ssh out: the loopback address and the token do not
 * stop it, since the page holds the token. The shell's page never needs it: it uploads the bytes
 * of dropped files (`importFiles`), and paths it cannot see. The CLI imports by path directly.
 */
const NOT_OVER_HTTP: ReadonlySet<string> = new Set(['importPaths']);

/** Builds the shell server (not yet listening). */
export function createShellServer(opts: ShellServerOptions): ShellServer {
  const maxJson = opts.maxJsonBytes ?? 1024 * 1024;
  const maxUpload = opts.maxUploadBytes ?? 136 * 1024 * 1024;
  let port = 0;

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      sendError(res, 405, { code: 'UNSUPPORTED', message: 'Use POST for API calls' });
      return;
    }
    if (!sameSecret(presentedToken(req, url, false), opts.token)) {
      sendError(res, 401, { code: 'INVALID_INPUT', message: 'Missing or wrong token' });
      return;
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      sendError(res, 415, {
        code: 'INVALID_INPUT',
        message: 'Send JSON (Content-Type: application/json)',
      });
      return;
    }
    const method = url.pathname.slice(API_PREFIX.length);
    if (NOT_OVER_HTTP.has(method)) {
      sendJson(res, 200, {
        ok: false,
        error: {
          code: 'UNSUPPORTED',
          message: 'The browser shell imports files by upload only: drop them onto the window',
        },
      });
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, method === 'importFiles' ? maxUpload : maxJson);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        res.setHeader('Connection', 'close');
        sendError(res, 413, { code: 'TOO_LARGE', message: 'Request body is too large' });
        return;
      }
      throw err;
    }
    let payload: unknown;
    try {
      payload = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      sendError(res, 400, { code: 'INVALID_INPUT', message: 'Request body is not valid JSON' });
      return;
    }
    const started = performance.now();
    const result = await dispatch(opts.api, method, payload);
    // How long the call took here, for the page's resource timings (DevTools, the UI bench): the
    // rest of a call's time is the browser's and the wire's.
    const took = `app;dur=${(performance.now() - started).toFixed(1)}`;
    sendJson(res, 200, result, { 'Server-Timing': took });
  }

  function handleDownload(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (!sameSecret(presentedToken(req, url, true), opts.token)) {
      sendError(res, 401, { code: 'INVALID_INPUT', message: 'Missing or wrong token' });
      return;
    }
    const d = opts.downloads?.get(url.pathname.slice(DOWNLOAD_PREFIX.length)) ?? null;
    if (!d) {
      sendError(res, 404, { code: 'NOT_FOUND', message: 'No such download (it may have expired)' });
      return;
    }
    const ascii = d.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
    res.writeHead(200, {
      'Content-Type': d.name.endsWith('.zip') ? 'application/zip' : 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(d.name)}`,
      'Cache-Control': 'no-store',
    });
    createReadStream(d.file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    securityHeaders(res);
    if (!isLoopbackHost(req.headers.host, port)) {
      sendError(res, 421, { code: 'INVALID_INPUT', message: 'Wrong Host: use http://127.0.0.1' });
      return;
    }
    if (isCrossOrigin(req, port)) {
      sendError(res, 403, { code: 'INVALID_INPUT', message: 'Cross-origin requests are refused' });
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith(API_PREFIX)) return handleApi(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendError(res, 405, { code: 'UNSUPPORTED', message: 'Method not allowed' });
      return;
    }
    if (url.pathname.startsWith(DOWNLOAD_PREFIX)) return handleDownload(req, res, url);
    await serveStatic(opts.staticDir, url.pathname, res, req.method === 'HEAD');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        sendError(res, 500, {
          code: 'INTERNAL',
          message: err instanceof Error ? err.message : String(err),
        });
      } else {
        res.destroy();
      }
    });
  });

  return {
    server,
    listen(wanted = 0) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        // Loopback only: the shell is never reachable from another machine.
        server.listen(wanted, '127.0.0.1', () => {
          server.off('error', reject);
          port = (server.address() as AddressInfo).port;
          resolve(port);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
