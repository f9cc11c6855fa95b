import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POOLED_MARKDOWN_MIN, createExporter } from '../../../electron/core/export/create-exporter';
import { defaultMarkdownWorkerFile } from '../../../electron/core/export/markdown-pool';
import type { Printer } from '../../../electron/core/ports';
import type { ExportOptions } from '../../../electron/core/ports';
import type { Article } from '../../../shared/model';
import { makeArticle, richArticle, seedArticle } from './fixtures';

const noPrinter = async (): Promise<Printer> => {
  throw new Error('no printer in these tests');
};
const clock = (): Date => new Date('2026-11-28T10:00:00.000Z');
// The default threshold is large (a worker's start-up only pays off for big batches); these
// tests lower it so a batch of a few dozen articles goes through the pool.
const THRESHOLD = 64;

/** More articles than the pool threshold, cycled from the fixtures with their own ids and
 * titles; every fifth repeats the title before it, so unique names are exercised too. */
function batch(n = THRESHOLD + 16): Article[] {
  const base = [seedArticle(), richArticle(), makeArticle({ title: 'Plain', lang: 'fr' })];
  const out: Article[] = [];
  for (let i = 0; i < n; i++) {
    const a = base[i % base.length] as Article;
    const title = i % 5 === 4 ? (out[i - 1] as Article).title : `${a.title} #${i}`;
    out.push({ ...a, id: `${a.id}-${i}`, title });
  }
  return out;
}

/** Every file in a folder, by name. */
function readTree(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]),
  );
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'folio-md-pool-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('pooled Markdown export', () => {
  const pooled = createExporter({
    printer: noPrinter,
    clock,
    renderThreads: 2,
    pooledMarkdownMin: THRESHOLD,
  });
  // The per-article path every batch took before the pool: the reference.
  const inThread = createExporter({ printer: noPrinter, clock, pooledMarkdownMin: Infinity });
  afterAll(async () => {
    await pooled.close();
    await inThread.close();
  });

  it('finds the worker entry next to the exporter, and pools only large batches by default', () => {
    expect(defaultMarkdownWorkerFile()?.pathname).toMatch(/markdown-worker\.mjs$/);
    expect(POOLED_MARKDOWN_MIN).toBeGreaterThan(THRESHOLD);
  });

  it('writes the same files, manifest and progress as rendering in this thread', async () => {
    const articles = batch();
    const run = async (exporter: typeof pooled, sub: string, extra: Partial<ExportOptions>) => {
      const progress: Array<[number, number, string]> = [];
      const out = await exporter.exportTo({
        articles,
        format: 'md',
        outDir: path.join(dir, sub),
        includeNotes: true,
        onProgress: (done, total, title) => progress.push([done, total, title]),
        ...extra,
      });
      return { out, progress, files: readTree(path.join(dir, sub)) };
    };
    const reference = await run(inThread, 'ref', {});
    const viaPool = await run(pooled, 'pool', {});
    expect(Object.keys(viaPool.files)).toHaveLength(articles.length + 1);
    expect(viaPool.files).toEqual(reference.files);
    expect(viaPool.progress).toEqual(reference.progress);
    expect(viaPool.out.files.map((f) => path.basename(f))).toEqual(
      reference.out.files.map((f) => path.basename(f)),
    );
    expect(Object.keys(viaPool.files)).toContain(`${articles[3]?.title} (2).md`);
  }, 60_000);

  it('replaces files on a second export with overwrite, as rendering in this thread does', async () => {
    const articles = batch();
    const twice = async (exporter: typeof pooled, sub: string) => {
      const outDir = path.join(dir, sub);
      await exporter.exportTo({ articles, format: 'md', outDir });
      const renamed = articles.map((a) => ({ ...a, siteName: `${a.siteName} (2)` }));
      await exporter.exportTo({ articles: renamed, format: 'md', outDir, overwrite: true });
      return readTree(outDir);
    };
    const viaPool = await twice(pooled, 'pool');
    expect(viaPool).toEqual(await twice(inThread, 'ref'));
    // Replaced in place: no second copies, no temp files left behind.
    expect(Object.keys(viaPool)).toHaveLength(articles.length + 1);
    const docs = Object.entries(viaPool).filter(([name]) => name.endsWith('.md'));
    expect(docs.filter(([, md]) => md.includes('publication: Example News (2)'))).toHaveLength(
      articles.filter((a) => a.siteName === 'Example News').length,
    );
    expect(docs.every(([, md]) => /^publication: .* \(2\)$/m.test(md))).toBe(true);
  }, 60_000);

  it('matches the per-article renderer of a small batch byte for byte', async () => {
    const articles = batch();
    const whole = await pooled.exportTo({ articles, format: 'md', outDir: path.join(dir, 'a') });
    // Small batches never use the pool: rendered one at a time, the files must be the same.
    for (const [i, article] of articles.entries()) {
      const one = await inThread.exportTo({
        articles: [article],
        format: 'md',
        outDir: path.join(dir, 'b'),
        overwrite: true,
      });
      const pooledBytes = readFileSync(whole.files[i] as string);
      expect(readFileSync(one.files[0] as string).equals(pooledBytes)).toBe(true);
    }
  }, 60_000);

  it('zips the same entries and manifest', async () => {
    const articles = batch();
    const zipOf = async (exporter: typeof pooled, sub: string) => {
      const out = await exporter.exportTo({
        articles,
        format: 'md',
        outDir: path.join(dir, sub),
        zip: true,
      });
      return unzipSync(new Uint8Array(readFileSync(out.files[0] as string)));
    };
    const a = await zipOf(pooled, 'a');
    const b = await zipOf(inThread, 'b');
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const name of Object.keys(a)) expect(a[name]).toEqual(b[name]);
    const manifest = JSON.parse(new TextDecoder().decode(a['manifest.json']));
    expect(manifest.items).toHaveLength(articles.length);
    const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    for (const item of manifest.items as Array<{ file: string; sha256: string }>) {
      expect(sha(a[item.file] as Uint8Array)).toBe(item.sha256);
    }
  }, 60_000);

  it.each([
    ['there is no worker file', null],
    ['the worker cannot start', 'no-such-worker.mjs'],
  ])(
    'renders in this thread when %s',
    async (_, file) => {
      const exporter = createExporter({
        printer: noPrinter,
        clock,
        markdownWorkerFile: file && path.join(dir, file),
        pooledMarkdownMin: THRESHOLD,
      });
      const articles = batch();
      const a = await exporter.exportTo({ articles, format: 'md', outDir: path.join(dir, 'a') });
      await inThread.exportTo({ articles, format: 'md', outDir: path.join(dir, 'b') });
      expect(readTree(path.join(dir, 'a'))).toEqual(readTree(path.join(dir, 'b')));
      expect(a.files).toHaveLength(articles.length);
      await exporter.close();
    },
    60_000,
  );
});
