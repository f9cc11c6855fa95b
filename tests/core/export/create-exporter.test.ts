import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createExporter } from '../../../electron/core/export/create-exporter';
import { createHttpImageFetcher } from '../../../electron/core/export/fetch-image';
import { fakePrinter, makeArticle, richArticle, seedArticle } from './fixtures';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'folio-export-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const clock = (): Date => new Date('2026-11-28T10:00:00.000Z');

describe('exportTo, Markdown to a folder', () => {
  it('writes one file per article, unique names, a manifest and progress', async () => {
    const exporter = createExporter({ printer: async () => fakePrinter(), clock });
    const a = seedArticle();
    const b = makeArticle({ id: 'b', title: a.title }); // same title: must not overwrite
    const progress: Array<[number, number]> = [];
    const out = await exporter.exportTo({
      articles: [a, b],
      format: 'md',
      outDir: dir,
      onProgress: (done, total) => progress.push([done, total]),
    });
    const names = out.files.map((f) => path.basename(f));
    expect(names).toEqual([`${a.title}.md`, `${a.title} (2).md`]);
    expect(progress.at(-1)).toEqual([2, 2]);
    const manifest = JSON.parse(readFileSync(out.manifestPath as string, 'utf8'));
    expect(manifest.count).toBe(2);
    expect(manifest.exportedAt).toBe('2026-11-28T10:00:00.000Z');
    expect(manifest.items[0]).toEqual({
      id: a.id,
      title: a.title,
      file: `${a.title}.md`,
      sha256: sha(readFileSync(out.files[0] as string)),
    });
  });

  it('never overwrites an existing file unless told to', async () => {
    const exporter = createExporter({ printer: async () => fakePrinter() });
    const article = makeArticle({ title: 'Same' });
    writeFileSync(path.join(dir, 'Same.md'), 'mine');
    const first = await exporter.exportTo({ articles: [article], format: 'md', outDir: dir });
    expect(path.basename(first.files[0] as string)).toBe('Same (2).md');
    expect(readFileSync(path.join(dir, 'Same.md'), 'utf8')).toBe('mine');
    const second = await exporter.exportTo({
      articles: [article],
      format: 'md',
      outDir: dir,
      overwrite: true,
    });
    expect(path.basename(second.files[0] as string)).toBe('Same.md');
    expect(readFileSync(path.join(dir, 'Same.md'), 'utf8')).toContain('# Same');
  });

  it('saves images beside the file with assets, keeping remote links for failed fetches', async () => {
    const fetched: string[] = [];
    const exporter = createExporter({
      printer: async () => fakePrinter(),
      fetchImage: async (url) => {
        fetched.push(url);
        return url.endsWith('b.png') ? PNG : null;
      },
    });
    const out = await exporter.exportTo({
      articles: [richArticle()],
      format: 'md',
      outDir: dir,
      assets: true,
    });
    const md = readFileSync(out.files[0] as string, 'utf8');
    const base = path.basename(out.files[0] as string, '.md');
    expect(fetched).toHaveLength(2);
    expect(md).toContain(`![Chart](${base.replace(/ /g, '%20')}.assets/1.png)`);
    expect(md).toContain('](https://img.example.com/river%20%281%29.jpg)');
    expect(readFileSync(path.join(dir, `${base}.assets`, '1.png'))).toEqual(Buffer.from(PNG));
  });

  it('saves images fetched over HTTP and reports each one it could not fetch, with why', async () => {
    // A real server on the loopback: one image, one 404; a closed port refuses the third.
    const server: Server = createServer((req, res) => {
      if (req.url === '/ok.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      else res.writeHead(404).end('not here');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const srcs = [`${base}/ok.png`, `${base}/gone.jpg`, `http://127.0.0.1:${closedPort}/x.jpg`];
    const article = makeArticle({
      id: 'imgs',
      title: 'Images',
      contentHtml: srcs.map((src, i) => `<p><img src="${src}" alt="pic ${i}"></p>`).join(''),
    });
    try {
      const exporter = createExporter({
        printer: async () => fakePrinter(),
        fetchImage: createHttpImageFetcher({ timeoutMs: 5_000 }),
      });
      const out = await exporter.exportTo({
        articles: [article],
        format: 'md',
        outDir: dir,
        assets: true,
      });
      const md = readFileSync(path.join(dir, 'Images.md'), 'utf8');
      expect(md).toContain('![pic 0](Images.assets/1.png)');
      expect(readFileSync(path.join(dir, 'Images.assets', '1.png'))).toEqual(Buffer.from(PNG));
      // Nothing is lost: the others keep their remote links.
      expect(md).toContain(`![pic 1](${srcs[1]})`);
      expect(md).toContain(`![pic 2](${srcs[2]})`);
      expect(out.imageFailures).toEqual([
        { id: 'imgs', title: 'Images', src: srcs[1], reason: 'HTTP 404 Not Found' },
        {
          id: 'imgs',
          title: 'Images',
          src: srcs[2],
          reason: expect.stringContaining('ECONNREFUSED'),
        },
      ]);
      const manifest = JSON.parse(readFileSync(out.manifestPath as string, 'utf8'));
      expect(manifest.items[0].imagesNotFetched).toEqual(
        out.imageFailures?.map(({ src, reason }) => ({ src, reason })),
      );
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('keeps a hostile title inside the export folder', async () => {
    const exporter = createExporter({ printer: async () => fakePrinter() });
    const out = await exporter.exportTo({
      articles: [makeArticle({ title: '../../../etc/passwd' })],
      format: 'md',
      outDir: dir,
    });
    expect(path.dirname(out.files[0] as string)).toBe(dir);
  });
});

describe('exportTo, other formats', () => {
  it('writes standalone HTML with a strict CSP and no scripts', async () => {
    const exporter = createExporter({ printer: async () => fakePrinter() });
    const article = makeArticle({ contentHtml: '<p>Hello</p>', title: 'Page' });
    const out = await exporter.exportTo({ articles: [article], format: 'html', outDir: dir });
    const html = readFileSync(out.files[0] as string, 'utf8');
    expect(html).toContain(
      `http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;`,
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<style>');
    expect(html).toContain('Archived from <a href="https://example.com/a">');
  });

  it('sends PDFs through the injected printer with the citation header', async () => {
    const printer = fakePrinter();
    const exporter = createExporter({ printer: async () => printer });
    const out = await exporter.exportTo({ articles: [seedArticle()], format: 'pdf', outDir: dir });
    expect(readFileSync(out.files[0] as string, 'utf8')).toBe('%PDF-1.7 fake');
    expect(printer.printed[0]).toContain('斯影, 2022. 习近平疫情后首次外访');
    expect(printer.printed[0]).toContain('[N/OL]');
  });

  it('writes reference formats as one file for all articles', async () => {
    const exporter = createExporter({ printer: async () => fakePrinter() });
    const out = await exporter.exportTo({
      articles: [seedArticle(), richArticle()],
      format: 'bibtex',
      outDir: dir,
    });
    expect(out.files.map((f) => path.basename(f))).toEqual(['references.bib']);
    expect(readFileSync(out.files[0] as string, 'utf8').match(/@article\{/g)).toHaveLength(2);
  });

  it('bundles everything into a zip with a manifest of output hashes', async () => {
    const exporter = createExporter({ printer: async () => fakePrinter(), clock });
    const out = await exporter.exportTo({
      articles: [seedArticle(), richArticle()],
      format: 'md',
      outDir: dir,
      zip: true,
    });
    expect(out.files).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['folio-md-20261128-100000.zip']);
    const entries = unzipSync(new Uint8Array(readFileSync(out.files[0] as string)));
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
    expect(manifest.items).toHaveLength(2);
    for (const item of manifest.items as Array<{ file: string; sha256: string }>) {
      const bytes = entries[item.file];
      expect(bytes).toBeDefined();
      expect(sha(bytes as Uint8Array)).toBe(item.sha256);
    }
    expect(existsSync(path.join(dir, 'manifest.json'))).toBe(false);
  });

  it('refuses an empty export', async () => {
    const exporter = createExporter({ printer: async () => fakePrinter() });
    await expect(
      exporter.exportTo({ articles: [], format: 'md', outDir: dir }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('cites through the exporter', () => {
    const exporter = createExporter({ printer: async () => fakePrinter() });
    expect(exporter.cite([seedArticle()], 'gb-t-7714-numeric', 'text')).toMatch(/^\[1\] 斯影\./);
  });
});
