import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FolioApi, JobStatus } from '../../../shared/api';
import { createFolioService } from '../../../electron/core/service/create-folio-service';
import type { ExportTarget, ServicePlatform } from '../../../electron/core/service/types';
import { createFakeCore, fakeArticle, type FakeCore } from './fake-core';

/**
 * Polls a job until it finishes, a turn of the event loop at a time. The limit is time, not turns:
 * a job waits on file reads, and on a busy machine a thousand turns passed before they came back.
 */
async function waitJob(api: FolioApi, jobId: string): Promise<JobStatus> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const status = await api.jobStatus({ jobId });
    if (status.finished) return status;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('job never finished');
}

let tmp: string;
let core: FakeCore;
let opened: string[];
let finished: string[][];
let shown: string[];

function platform(overrides: Partial<ServicePlatform> = {}): ServicePlatform {
  return {
    openExternal: async (url) => void opened.push(url),
    pickFiles: async () => ['/picked/a.txt'],
    showPath: async (p) => void shown.push(p),
    exportTarget: async (): Promise<ExportTarget> => ({
      outDir: path.join(tmp, 'out'),
      finish: async (outcome) => {
        finished.push(outcome.files);
        return { savedTo: path.join(tmp, 'out') };
      },
    }),
    ...overrides,
  };
}

beforeEach(async () => {
  shown = [];
  tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-service-'));
  core = createFakeCore();
  opened = [];
  finished = [];
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('createFolioService', () => {
  it('imports the sample folder as a job with per-file results', async () => {
    const sample = path.join(tmp, 'seeds');
    await mkdir(path.join(sample, 'nested'), { recursive: true });
    await writeFile(path.join(sample, 'one.txt'), '香港新闻\nbody');
    await writeFile(path.join(sample, 'nested', 'two.txt'), 'BAD file');
    await writeFile(path.join(sample, '.hidden'), 'ignored');
    const api = createFolioService({ core, platform: platform(), sampleDir: sample });
    expect((await api.libraryInfo()).isEmpty).toBe(true);
    const { jobId } = await api.importSample();
    const status = await waitJob(api, jobId);
    expect(status).toMatchObject({
      kind: 'import',
      total: 2,
      done: 2,
      finished: true,
      error: null,
    });
    // Files import concurrently: results arrive in completion order.
    const byName = [...status.results].sort((a, b) => a.file.localeCompare(b.file));
    expect(byName).toEqual([
      {
        file: path.join(sample, 'nested', 'two.txt'),
        status: 'failed',
        error: { code: 'NO_CONTENT', message: 'two.txt has no article' },
      },
      {
        file: path.join(sample, 'one.txt'),
        status: 'imported',
        id: expect.stringMatching(/^a[12]$/),
      },
    ]);
    expect((await api.listArticles({ view: 'all' })).map((a) => a.title)).toEqual(['香港新闻']);
  });

  it('reports a missing path as a failed file, not a failed job', async () => {
    const api = createFolioService({ core, platform: platform(), sampleDir: tmp });
    const { jobId } = await api.importPaths({ paths: [path.join(tmp, 'nope.txt')] });
    const status = await waitJob(api, jobId);
    expect(status.error).toBeNull();
    expect(status.results).toEqual([
      expect.objectContaining({
        file: path.join(tmp, 'nope.txt'),
        status: 'failed',
        error: expect.objectContaining({ code: 'UNREADABLE' }),
      }),
    ]);
  });

  it('uses an injected path importer and records a failure of the whole job', async () => {
    const api = createFolioService({
      core,
      platform: platform(),
      sampleDir: tmp,
      importPaths: async (paths, onProgress) => {
        onProgress({ total: paths.length, current: 'x' });
        onProgress({ total: paths.length, result: { file: 'x', status: 'duplicate', id: 'a9' } });
        throw new Error('library locked');
      },
    });
    const status = await waitJob(api, (await api.importPaths({ paths: ['/a', '/b'] })).jobId);
    expect(status).toMatchObject({ total: 2, done: 1, finished: true });
    expect(status.error).toEqual({ code: 'INTERNAL', message: 'library locked' });
  });

  it('decodes uploaded base64 files and reports errors per file', async () => {
    const api = createFolioService({ core, platform: platform(), sampleDir: tmp });
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const { jobId } = await api.importFiles({
      files: [
        { name: 'good.txt', dataBase64: b64('德国之声\n正文') },
        { name: 'bad.txt', dataBase64: b64('BAD') },
      ],
    });
    const status = await waitJob(api, jobId);
    expect(status.results.map((r) => [r.file, r.status])).toEqual([
      ['good.txt', 'imported'],
      ['bad.txt', 'failed'],
    ]);
    const id = status.results[0]?.id as string;
    const original = await api.getOriginal({ id });
    expect(original).toEqual({ fileName: 'good.txt', encoding: 'utf-8', text: '德国之声\n正文' });
  });

  it('decodes originals in their detected encoding', async () => {
    core.articles.set(
      'g',
      fakeArticle('g', 'gbk', {
        source: { fileName: 'g.txt', sha256: 'g', bytes: 2, format: 'html', encoding: 'gbk' },
      }),
    );
    core.originals.set('g', new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]));
    const api = createFolioService({ core, platform: platform(), sampleDir: tmp });
    expect((await api.getOriginal({ id: 'g' })).text).toBe('你好');
  });

  it('exports a tag into the platform target and reports each article', async () => {
    core.articles.set('x1', fakeArticle('x1', '一', { tags: ['中国'] }));
    core.articles.set('x2', fakeArticle('x2', '二', { tags: ['中国'] }));
    core.articles.set('x3', fakeArticle('x3', '三', { tags: ['中国'], deletedAt: '2024-01-01' }));
    const api = createFolioService({ core, platform: platform(), sampleDir: tmp });
    const status = await waitJob(
      api,
      (await api.exportArticles({ tag: '中国', format: 'md' })).jobId,
    );
    expect(status).toMatchObject({ kind: 'export', total: 2, done: 2, error: null });
    expect(status.output).toEqual({ savedTo: path.join(tmp, 'out') });
    expect(status.results.map((r) => r.id)).toEqual(['x1', 'x2']);
    expect(await readFile(path.join(tmp, 'out', 'x1.md'), 'utf8')).toBe('# 一\n');
    expect(finished).toHaveLength(1);
  });

  it('shows where a finished export was saved, and nothing a request names', async () => {
    core.articles.set('x1', fakeArticle('x1', '一'));
    const api = createFolioService({ core, platform: platform(), sampleDir: tmp });
    const exported = (await api.exportArticles({ ids: ['x1'], format: 'md' })).jobId;
    await waitJob(api, exported);
    await api.showExport({ jobId: exported });
    expect(shown).toEqual([path.join(tmp, 'out')]);
    // An import job, or an export the user cancelled, saved nothing to show.
    const imported = (await api.importPaths({ paths: [path.join(tmp, 'missing.txt')] })).jobId;
    await waitJob(api, imported);
    const cancelled = createFolioService({
      core,
      sampleDir: tmp,
      platform: platform({ exportTarget: async () => null }),
    });
    const nothing = (await cancelled.exportArticles({ ids: ['x1'], format: 'md' })).jobId;
    await waitJob(cancelled, nothing);
    for (const [service, jobId] of [
      [api, imported],
      [cancelled, nothing],
      [api, 'no-such-job'],
    ] as const) {
      await expect(service.showExport({ jobId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(api.showExport({ jobId: 'no-such-job' })).rejects.toThrow(/no longer remembers/);
    expect(shown).toHaveLength(1);
  });

  it("says which article's images stayed remote, in its result", async () => {
    core = createFakeCore({
      imageFailures: [
        { id: 'x2', title: '二', src: 'https://img.example/a.jpg', reason: 'HTTP 404' },
        {
          id: 'x2',
          title: '二',
          src: 'https://img.example/b.jpg',
          reason: 'no answer within 15 s',
        },
      ],
    });
    core.articles.set('x1', fakeArticle('x1', '一'));
    core.articles.set('x2', fakeArticle('x2', '二'));
    const api = createFolioService({ core, platform: platform(), sampleDir: tmp });
    const status = await waitJob(
      api,
      (await api.exportArticles({ ids: ['x1', 'x2'], format: 'md', assets: true })).jobId,
    );
    expect(status.error).toBeNull();
    expect(status.results[0]).toEqual({ file: '一', status: 'exported', id: 'x1' });
    expect(status.results[1]).toMatchObject({
      status: 'exported',
      id: 'x2',
      error: { code: 'IMAGES_NOT_FETCHED' },
    });
    expect(status.results[1]!.error!.message).toBe(
      '2 image(s) not downloaded: https://img.example/a.jpg (HTTP 404); ' +
        'https://img.example/b.jpg (no answer within 15 s)',
    );
  });

  it('exports a search result via matchIds', async () => {
    core.articles.set('q1', fakeArticle('q1', '香港选举'));
    core.articles.set('q2', fakeArticle('q2', '台湾'));
    const api = createFolioService({ core, platform: platform(), sampleDir: tmp });
    const status = await waitJob(
      api,
      (await api.exportArticles({ query: '香港', format: 'html' })).jobId,
    );
    expect(core.exports[0]?.articles.map((a) => a.id)).toEqual(['q1']);
    expect(core.exports[0]?.format).toBe('html');
    expect(status.finished).toBe(true);
  });

  it('reports an export failure on the job and cleans the target up', async () => {
    core = createFakeCore({ exportFails: true });
    core.articles.set('x1', fakeArticle('x1', '一'));
    let aborted = false;
    const api = createFolioService({
      core,
      sampleDir: tmp,
      platform: platform({
        exportTarget: async () => ({
          outDir: path.join(tmp, 'out'),
          finish: async () => ({}),
          abort: async () => void (aborted = true),
        }),
      }),
    });
    const status = await waitJob(
      api,
      (await api.exportArticles({ ids: ['x1'], format: 'pdf' })).jobId,
    );
    expect(status.error).toEqual({ code: 'EXPORT_FAILED', message: 'disk full' });
    expect(aborted).toBe(true);
  });

  it('finishes quietly when the user cancels the export target, and rejects empty selections', async () => {
    core.articles.set('x1', fakeArticle('x1', '一'));
    const api = createFolioService({
      core,
      sampleDir: tmp,
      platform: platform({ exportTarget: async () => null }),
    });
    const status = await waitJob(
      api,
      (await api.exportArticles({ ids: ['x1'], format: 'md' })).jobId,
    );
    expect(status).toMatchObject({ finished: true, error: null, output: null });
    expect(core.exports).toHaveLength(0);
    await expect(api.exportArticles({ tag: 'none', format: 'md' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('delegates tags, notes, citations and platform calls', async () => {
    core.articles.set('x1', fakeArticle('x1', '一'));
    const api = createFolioService({ core, platform: platform(), sampleDir: tmp });
    expect(await api.addTags({ ids: ['x1'], tags: ['甲'] })).toEqual({ count: 1 });
    expect(await api.renameTag({ from: '甲', to: '乙' })).toEqual({ count: 1 });
    expect(await api.listTags()).toEqual([{ tag: '乙', count: 1 }]);
    expect((await api.setNote({ id: 'x1', markdown: '笔记' }))?.markdown).toBe('笔记');
    expect(await api.cite({ ids: ['x1'], style: 'apa', format: 'text' })).toEqual({
      text: '一 (apa)',
    });
    expect(await api.trashArticles({ ids: ['x1'] })).toEqual({ count: 1 });
    expect(await api.listArticles({ view: 'trash' })).toHaveLength(1);
    await api.openExternal({ url: 'https://example.com/' });
    expect(opened).toEqual(['https://example.com/']);
    expect(await api.pickFiles()).toEqual({ paths: ['/picked/a.txt'] });
    await expect(api.getArticle({ id: 'missing' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.jobStatus({ jobId: 'missing' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
