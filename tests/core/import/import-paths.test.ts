import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolioError } from '../../../shared/errors';
import {
  expandPaths,
  importPaths,
  readImportFile,
} from '../../../electron/core/import/import-paths';
import { canonicalUrl } from '../../../electron/core/import/canonical-url';

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-paths-'));
  await fs.mkdir(path.join(root, 'a', 'b'), { recursive: true });
  await fs.mkdir(path.join(root, 'a', '.git'));
  for (const f of [
    'a/2.txt',
    'a/1.txt',
    'a/b/3.html',
    'a/.DS_Store',
    'a/.git/x',
    'a/Thumbs.db',
    'bad.txt',
  ]) {
    await fs.writeFile(path.join(root, f), f);
  }
  await fs.symlink(path.join(root, 'a'), path.join(root, 'a', 'b', 'loop'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('importPaths', () => {
  it('expands folders recursively in order, skipping hidden files and symlink loops', async () => {
    const { files, failed } = await expandPaths([path.join(root, 'a'), path.join(root, 'nope')]);
    expect(files.map((f) => path.relative(root, f))).toEqual(['a/1.txt', 'a/2.txt', 'a/b/3.html']);
    expect(failed).toEqual([
      {
        file: path.join(root, 'nope'),
        status: 'failed',
        error: expect.objectContaining({ code: 'UNREADABLE' }),
      },
    ]);
  });

  it('imports each file on its own, collecting errors and reporting progress', async () => {
    const progress: Array<[number, number]> = [];
    const results = await importPaths({
      paths: [path.join(root, 'a'), path.join(root, 'bad.txt')],
      importFile: async ({ fileName, bytes }) => {
        if (fileName === 'bad.txt') throw new FolioError('NO_CONTENT', 'nothing there');
        return { status: 'imported', id: new TextDecoder().decode(bytes) };
      },
      onProgress: (done, total) => progress.push([done, total]),
      concurrency: 2,
    });
    expect(results.map((r) => [path.basename(r.file), r.status])).toEqual([
      ['1.txt', 'imported'],
      ['2.txt', 'imported'],
      ['3.html', 'imported'],
      ['bad.txt', 'failed'],
    ]);
    expect(results[3]?.error).toEqual({ code: 'NO_CONTENT', message: 'nothing there' });
    expect(progress[0]).toEqual([0, 4]);
    expect(progress.at(-1)).toEqual([4, 4]);
  });
});

describe('readImportFile', () => {
  it('reads files byte for byte, empty ones too, and refuses folders and missing paths', async () => {
    const bytes = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7) % 256));
    await fs.writeFile(path.join(root, 'big.bin'), bytes);
    await fs.writeFile(path.join(root, 'empty.txt'), '');
    expect(Buffer.from(await readImportFile(path.join(root, 'big.bin'))).equals(bytes)).toBe(true);
    expect((await readImportFile(path.join(root, 'empty.txt'))).byteLength).toBe(0);
    await expect(readImportFile(path.join(root, 'a'))).rejects.toMatchObject({
      code: 'UNREADABLE',
      message: expect.stringContaining('is a folder'),
    });
    await expect(readImportFile(path.join(root, 'nope.txt'))).rejects.toMatchObject({
      code: 'UNREADABLE',
      message: expect.stringContaining('no such file'),
    });
  });

  it.runIf(process.platform === 'linux')(
    'reads a file whose size is not known up front to its end',
    async () => {
      // Files under /proc report a size of 0 and still have content.
      const text = new TextDecoder().decode(await readImportFile('/proc/self/status'));
      expect(text).toMatch(/^Name:/);
    },
  );
});

describe('canonicalUrl', () => {
  it('ignores scheme, www, fragments, tracking parameters, trailing slashes and encoding', () => {
    const key = canonicalUrl('https://www.dw.com/zh/新闻/a-1');
    expect(canonicalUrl('http://dw.com/zh/%E6%96%B0%E9%97%BB/a-1/?utm_source=rss#x')).toBe(key);
    expect(
      canonicalUrl('https://www.bbc.com/zhongwen/simp/world-1?at_medium=RSS&at_campaign=KARANGA'),
    ).toBe(canonicalUrl('https://bbc.com/zhongwen/simp/world-1'));
    expect(canonicalUrl('https://x.org/a?id=1')).not.toBe(canonicalUrl('https://x.org/a?id=2'));
    expect(canonicalUrl('')).toBe('');
  });
});
