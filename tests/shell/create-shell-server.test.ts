import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FolioApi, JobStatus } from '../../shared/api';
import { createFolioService } from '../../electron/core/service/create-folio-service';
import { createShellServer, type ShellServer } from '../../electron/shell/create-shell-server';
import { createDownloadRegistry } from '../../electron/shell/downloads';
import { CSP } from '../../electron/shell/http-util';
import { createShellPlatform } from '../../electron/shell/shell-platform';
import { createHttpClient } from '../../renderer/src/api/http-client';
import { createFakeCore, fakeArticle, type FakeCore } from '../core/service/fake-core';

const TOKEN = 't0ken-for-tests';
let tmp: string;
let core: FakeCore;
let shell: ShellServer;
let port: number;
let opened: string[];

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw HTTP request, so tests can send headers fetch would not (a foreign Host, odd paths). */
function raw(
  method: string,
  urlPath: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        headers: { Host: `127.0.0.1:${port}`, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    // The server may answer 413 and close before the whole body is written.
    req.on('error', (err) =>
      (err as { code?: string }).code === 'EPIPE' ? undefined : reject(err),
    );
    req.end(body);
  });
}

const api = (method: string, payload: unknown, headers: Record<string, string> = {}) =>
  raw(
    'POST',
    `/api/${method}`,
    { 'Content-Type': 'application/json', ...headers },
    JSON.stringify(payload),
  );

async function waitJob(client: FolioApi, jobId: string): Promise<JobStatus> {
  for (let i = 0; i < 500; i++) {
    const s = await client.jobStatus({ jobId });
    if (s.finished) return s;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('job never finished');
}

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-shell-'));
  await writeFile(path.join(tmp, 'secret.txt'), 'outside the static root');
  const staticDir = path.join(tmp, 'static');
  await mkdir(staticDir);
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Folio</title>');
  await writeFile(path.join(staticDir, 'app.js'), 'console.log(1)');
  core = createFakeCore();
  opened = [];
  const downloads = createDownloadRegistry();
  const platform = createShellPlatform({
    tmpRoot: path.join(tmp, 'exports'),
    downloads,
    token: TOKEN,
  });
  const service = createFolioService({ core, platform, sampleDir: tmp });
  shell = createShellServer({
    api: service,
    token: TOKEN,
    staticDir,
    downloads,
    maxJsonBytes: 4096,
  });
  port = await shell.listen(0);
});

afterEach(async () => {
  await shell.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('shell server', () => {
  it('listens on loopback only', () => {
    expect(shell.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('requires the token on every API call', async () => {
    expect((await api('libraryInfo', null)).status).toBe(401);
    expect((await api('libraryInfo', null, { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await api('libraryInfo', null, { Authorization: `Bearer ${TOKEN}x` })).status).toBe(
      401,
    );
    const viaBearer = await api('libraryInfo', null, { Authorization: `Bearer ${TOKEN}` });
    expect(viaBearer.status).toBe(200);
    expect(JSON.parse(viaBearer.body.toString())).toMatchObject({
      ok: true,
      data: { isEmpty: true },
    });
    expect((await api('libraryInfo', null, { 'x-folio-token': TOKEN })).status).toBe(200);
    // A token in the query string is accepted for downloads only, never for API calls.
    expect(
      (await raw('POST', `/api/libraryInfo?token=${TOKEN}`, { 'Content-Type': 'application/json' }))
        .status,
    ).toBe(401);
  });

  it('rejects a foreign Host (DNS rebinding) and cross-origin callers', async () => {
    const auth = { Authorization: `Bearer ${TOKEN}` };
    expect((await api('libraryInfo', null, { ...auth, Host: `evil.example:${port}` })).status).toBe(
      421,
    );
    expect((await raw('GET', '/', { Host: 'evil.example' })).status).toBe(421);
    expect(
      (await api('libraryInfo', null, { ...auth, Origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect((await api('libraryInfo', null, { ...auth, Origin: 'null' })).status).toBe(403);
    expect(
      (await api('libraryInfo', null, { ...auth, Origin: `http://localhost:${port}` })).status,
    ).toBe(200);
    const res = await api('libraryInfo', null, auth);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('tells how long the shell spent on a call (Server-Timing)', async () => {
    const res = await api('search', { query: 'x' }, { Authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.headers['server-timing']).toMatch(/^app;dur=\d+\.\d$/);
  });

  it('limits request bodies', async () => {
    const big = JSON.stringify({ query: 'x'.repeat(5000) });
    const res = await raw(
      'POST',
      '/api/search',
      { 'Content-Type': 'application/json', 'x-folio-token': TOKEN },
      big,
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body.toString()).error.code).toBe('TOO_LARGE');
  });

  it('answers malformed calls with error results', async () => {
    const auth = { 'x-folio-token': TOKEN };
    const notJson = await raw(
      'POST',
      '/api/search',
      { 'Content-Type': 'application/json', ...auth },
      '{nope',
    );
    expect(notJson.status).toBe(400);
    expect(
      (await raw('POST', '/api/search', { 'Content-Type': 'text/plain', ...auth }, '{}')).status,
    ).toBe(415);
    expect((await raw('GET', '/api/libraryInfo', auth)).status).toBe(405);
    const unknown = JSON.parse((await api('dropDatabase', {}, auth)).body.toString());
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    const bad = JSON.parse((await api('getArticle', { id: '../x' }, auth)).body.toString());
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('never imports by path for the page: a page running script could read any file', async () => {
    const auth = { 'x-folio-token': TOKEN };
    const secret = path.join(tmp, 'secret.txt');
    const res = await api('importPaths', { paths: [secret] }, auth);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED' },
    });
    const client = createHttpClient(`http://127.0.0.1:${port}`, TOKEN);
    await expect(client.importPaths({ paths: [tmp] })).rejects.toMatchObject({
      code: 'UNSUPPORTED',
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(core.library.info().articleCount).toBe(0);
  });

  it('serves the renderer with a strict CSP and never leaves its folder', async () => {
    const index = await raw('GET', `/?token=${TOKEN}`);
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CSP);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    expect(index.headers['x-frame-options']).toBe('DENY');
    expect(index.body.toString()).toContain('<title>Folio</title>');
    const js = await raw('GET', '/app.js');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['content-security-policy']).toBe(CSP);
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/nope.js',
      '/%E0%A4%A',
    ]) {
      const res = await raw('GET', p);
      expect(res.status, p).toBe(404);
      expect(res.body.toString()).not.toContain('outside');
    }
  });

  it('round-trips the contract through the HTTP client', async () => {
    const client = createHttpClient(`http://127.0.0.1:${port}/`, TOKEN, {
      openWindow: (u) => void opened.push(u),
    });
    const dataBase64 = Buffer.from('纽约时报中文网\n正文').toString('base64');
    const { jobId } = await client.importFiles({ files: [{ name: 'nyt.txt', dataBase64 }] });
    const status = await waitJob(client, jobId);
    expect(status.results).toEqual([{ file: 'nyt.txt', status: 'imported', id: 'a1' }]);
    expect((await client.listArticles({ view: 'all' })).map((a) => a.title)).toEqual([
      '纽约时报中文网',
    ]);
    await expect(client.getArticle({ id: 'zzz' })).rejects.toMatchObject({
      name: 'FolioError',
      code: 'NOT_FOUND',
    });
    await expect(client.listArticles({ view: 'bogus' as 'all' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(client.pickFiles()).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await client.openExternal({ url: 'https://www.dw.com/zh/' });
    expect(opened).toEqual(['https://www.dw.com/zh/']);
    await expect(client.openExternal({ url: 'javascript:alert(1)' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const wrong = createHttpClient(`http://127.0.0.1:${port}`, 'nope');
    await expect(wrong.libraryInfo()).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('exports into a zip download that needs the token', async () => {
    core.articles.set('x1', fakeArticle('x1', '德国之声'));
    core.articles.set('x2', fakeArticle('x2', 'BBC中文'));
    const client = createHttpClient(`http://127.0.0.1:${port}`, TOKEN);
    const status = await waitJob(
      client,
      (await client.exportArticles({ ids: ['x1', 'x2'], format: 'md' })).jobId,
    );
    expect(status.error).toBeNull();
    const url = status.output?.downloadUrl ?? '';
    expect(url).toMatch(/^\/download\/[0-9a-f-]+\?token=/);
    const res = await raw('GET', url);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="folio-md-/);
    expect(Object.keys(unzipSync(new Uint8Array(res.body))).sort()).toEqual(['x1.md', 'x2.md']);
    expect((await raw('GET', url.replace(/\?token=.*/, ''))).status).toBe(401);
    expect((await raw('GET', `/download/nope?token=${TOKEN}`)).status).toBe(404);
  });
});
