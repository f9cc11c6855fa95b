import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FolioError } from '../../../shared/errors';
import { parseDocument } from '../../../electron/core/parse/parse-document';
import {
  UNLIMITED_ABOVE_BYTES,
  createParsePool,
  defaultParseWorkerFile,
} from '../../../electron/core/parse/parse-pool';
import { analyseText } from '../../../electron/core/search/text-analysis';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const seed = fs.readFileSync(path.join(repoRoot, 'seeds/000_5d1e6c4fe0d6993d.txt'));

describe('parse pool', () => {
  const pool = createParsePool({ workerFile: defaultParseWorkerFile(), size: 2 });
  afterAll(() => pool.close());

  it('finds the worker entry next to the parser', () => {
    expect(defaultParseWorkerFile()?.pathname).toMatch(/parse-worker\.mjs$/);
  });

  it('parses the seed in a worker exactly as in this thread, leaving the caller its bytes', async () => {
    const bytes = new Uint8Array(seed);
    const outcome = await pool.parse(bytes, 'seed.txt');
    expect(outcome).toEqual(parseDocument(seed, 'seed.txt'));
    expect(outcome.article.title.length).toBeGreaterThan(0);
    expect(bytes.byteLength).toBe(seed.byteLength);
  }, 30_000);

  it('runs many parses across its workers and keeps answers matched to requests', async () => {
    const inputs = Array.from({ length: 12 }, (_, i) =>
      Buffer.from(seed.toString('utf8').replace(/\[(.*?)\]/, `[$1 #${i}]`)),
    );
    const outcomes = await Promise.all(inputs.map((b, i) => pool.parse(b, `f${i}.txt`)));
    outcomes.forEach((o, i) => expect(o.article.title).toContain(`#${i}`));
  }, 30_000);

  it('parses a file over the size limit of its workers in a worker of its own', async () => {
    const para = '<p>这是一段测试文字，用来检查大文件的导入。A paragraph of a large page.</p>';
    const script = 'A'.repeat(UNLIMITED_ABOVE_BYTES);
    const page = `<html><head><title>Big</title><script>var d = "${script}";</script></head><body><article><h1>Big</h1>${para.repeat(50)}</article></body></html>`;
    const bytes = Buffer.from(page);
    expect(bytes.byteLength).toBeGreaterThan(UNLIMITED_ABOVE_BYTES);
    const outcome = await pool.parse(bytes, 'big.html');
    expect(outcome).toEqual(parseDocument(bytes, 'big.html'));
    expect(outcome.article.text).toContain('A paragraph of a large page.');
  }, 30_000);

  it('delivers parser errors as FolioError with their code', async () => {
    const err = await pool.parse(new Uint8Array(0), 'empty.txt').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FolioError);
    expect((err as FolioError).code).toBe('EMPTY_FILE');
  }, 30_000);

  it('analyses the body text for the index when asked, as analyseText would', async () => {
    const own = createParsePool({ workerFile: defaultParseWorkerFile(), size: 1, analyse: true });
    try {
      const { analysis, ...outcome } = await own.parse(seed, 'seed.txt');
      expect(outcome).toEqual(parseDocument(seed, 'seed.txt'));
      expect(analysis).toEqual(analyseText(outcome.article.text));
      expect((await pool.parse(seed, 'seed.txt')).analysis).toBeUndefined();
    } finally {
      await own.close();
    }
  }, 30_000);

  it('refuses work after close and terminates its workers', async () => {
    const own = createParsePool({ workerFile: defaultParseWorkerFile(), size: 1 });
    await own.parse(seed, 'seed.txt');
    await own.close();
    const err = await own.parse(seed, 'seed.txt').catch((e: unknown) => e);
    expect((err as FolioError).code).toBe('INTERNAL');
  }, 30_000);

  it('parses in this thread when there is no worker file', async () => {
    const calls: string[] = [];
    const inline = createParsePool({
      workerFile: null,
      fallback: (bytes, name) => {
        calls.push(name);
        return parseDocument(bytes, name);
      },
    });
    const outcome = await inline.parse(seed, 'seed.txt');
    expect(calls).toEqual(['seed.txt']);
    expect(outcome.format).toBe(parseDocument(seed, 'seed.txt').format);
    await inline.close();
  });

  it('falls back to this thread when a worker cannot start', async () => {
    const broken = createParsePool({
      workerFile: path.join(repoRoot, 'tests/core/parse/no-such-worker.mjs'),
      fallback: parseDocument,
    });
    const outcome = await broken.parse(seed, 'seed.txt');
    expect(outcome.article.title).toBe(parseDocument(seed, 'seed.txt').article.title);
    await broken.close();
  }, 30_000);
});
