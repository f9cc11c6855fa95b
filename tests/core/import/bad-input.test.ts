/**
 * The bad-input import set: every file ends as a clear per-file error or a correct import,
 * nothing crashes, and what the library already held stays intact.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobItemResult } from '../../../shared/api';
import { importPaths } from '../../../electron/core/import/import-paths';
import { parseDocument } from '../../../electron/core/parse/parse-document';
import type { Library } from '../../../electron/core/ports';
import { openLibrary } from '../../../electron/core/store/open-library';

const repoRoot = path.resolve(__dirname, '../../..');
const seed = path.join(repoRoot, 'seeds', '000_5d1e6c4fe0d6993d.txt');
const isRoot = process.getuid?.() === 0;

let root: string;
let lib: Library;
let results: Map<string, JobItemResult>;
let seedId: string;
let seedSha: string;

const dump = (title: string, body: string) =>
  `<!--1700000000000-->\n[${title}](https://example.com/${encodeURIComponent(title)})\n------\n\n${body}`;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-bad-'));
  lib = await openLibrary({ dir: path.join(root, 'lib'), parse: parseDocument });
  const seedBytes = await fs.readFile(seed);
  seedSha = createHash('sha256').update(seedBytes).digest('hex');
  seedId = (await lib.importFile({ fileName: 'seed.txt', bytes: seedBytes })).id;

  const bad = path.join(root, 'bad');
  await fs.mkdir(bad);
  const w = (name: string, data: string | Uint8Array) => fs.writeFile(path.join(bad, name), data);
  await w('empty.html', '');
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  await w('picture.html', Buffer.concat([png, Buffer.alloc(2048, 7)]));
  // A page saved as one file (inlined script and image data) padded to 30 MB, with real text.
  const para =
    '<p>这是一段很长的测试文字，用来检查大文件的导入。This paragraph pads a large page.</p>\n';
  const blob = Buffer.alloc(16 * 1024 * 1024, 0x41).toString('base64');
  const huge = `<html><head><title>Huge</title><script>var d = "${blob.slice(0, 9_000_000)}";</script></head><body><article><h1>Huge</h1>${para.repeat(2000)}<img src="data:image/png;base64,${blob}"></article></body></html>`;
  expect(Buffer.byteLength(huge)).toBeGreaterThan(30 * 1024 * 1024);
  await w('huge.html', huge);
  await w(
    'deep.html',
    `<html><body>${'<div>'.repeat(10_000)}<p>Deep text that is still an article paragraph.</p>${'</div>'.repeat(10_000)}</body></html>`,
  );
  await w(
    'invalid-utf8.txt',
    Buffer.concat([
      Buffer.from(dump('Broken bytes', '<p>前文')),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
      Buffer.from('后文，正文继续。</p>'),
    ]),
  );
  await w(
    'gbk.txt',
    iconv.encode(
      dump('香港新闻标题', '<p>这是用国标码保存的文章正文，没有任何编码声明。</p>'.repeat(5)),
      'gbk',
    ),
  );
  await fs.symlink(path.join(root, 'nowhere.html'), path.join(bad, 'dangling.html'));
  if (!isRoot) {
    await w('locked.html', '<html><body><p>secret</p></body></html>');
    await fs.chmod(path.join(bad, 'locked.html'), 0o000);
  }
  const many = path.join(bad, 'many');
  await fs.mkdir(many);
  for (let i = 0; i < 1000; i++) {
    await fs.writeFile(
      path.join(many, `${String(i).padStart(4, '0')}.txt`),
      dump(`第${i}篇`, `<p>第${i}篇文章的正文内容。</p>`),
    );
  }
  const list = await importPaths({ paths: [bad], importFile: (input) => lib.importFile(input) });
  results = new Map(list.map((r) => [path.relative(bad, r.file), r]));
}, 180_000);

afterAll(async () => {
  await lib?.close();
  if (!isRoot) await fs.chmod(path.join(root, 'bad', 'locked.html'), 0o600).catch(() => undefined);
  await fs.rm(root, { recursive: true, force: true });
});

const resultOf = (name: string) => results.get(name) as JobItemResult;

describe('bad input', () => {
  it('rejects an empty file and a PNG named .html with clear codes', () => {
    expect(resultOf('empty.html')).toMatchObject({
      status: 'failed',
      error: { code: 'EMPTY_FILE' },
    });
    expect(resultOf('picture.html')).toMatchObject({
      status: 'failed',
      error: { code: 'BINARY_FILE' },
    });
  });

  it('handles a 30 MB page and 10,000-deep nesting without crashing', () => {
    for (const name of ['huge.html', 'deep.html']) {
      const r = resultOf(name);
      if (r.status === 'failed') expect(r.error?.message).toContain(name);
      else expect(r.status).toBe('imported');
    }
  });

  it('imports invalid UTF-8 and undeclared GBK as readable text', async () => {
    expect(resultOf('invalid-utf8.txt').status).toBe('imported');
    const gbk = resultOf('gbk.txt');
    expect(gbk.status).toBe('imported');
    const article = await lib.get(gbk.id as string);
    expect(article.title).toBe('香港新闻标题');
    expect(article.text).toContain('没有任何编码声明');
  });

  it('reports unreadable files and carries on', () => {
    expect(resultOf('dangling.html')).toMatchObject({
      status: 'failed',
      error: { code: 'UNREADABLE' },
    });
    if (!isRoot)
      expect(resultOf('locked.html')).toMatchObject({
        status: 'failed',
        error: { code: 'UNREADABLE' },
      });
  });

  it('imports a folder of 1,000 files', () => {
    const many = [...results].filter(([name]) => name.startsWith('many'));
    expect(many).toHaveLength(1000);
    expect(many.every(([, r]) => r.status === 'imported')).toBe(true);
  });

  it('loses nothing already stored', async () => {
    const bytes = await lib.getOriginalBytes(seedId);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(seedSha);
    expect(lib.info().articleCount).toBe(
      1 + [...results.values()].filter((r) => r.status === 'imported').length,
    );
  });
});
