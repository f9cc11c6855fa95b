/** The real `folio` binary, spawned: the parse --json contract, import exit codes and --json shapes. */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../..');
const seed = path.join(repoRoot, 'seeds', '000_5d1e6c4fe0d6993d.txt');
let root: string;

async function folio(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['bin/folio.mjs', ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, FOLIO_LIBRARY: path.join(root, 'lib') },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-spawn-'));
  await fs.writeFile(path.join(root, 'empty.html'), '');
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('folio (spawned)', () => {
  it('parse --json prints one object per file in argument order, exit 1 if any failed', async () => {
    const empty = path.join(root, 'empty.html');
    const r = await folio('parse', '--json', seed, empty);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(out).toHaveLength(2);
    expect(Object.keys(out[0] ?? {}).sort()).toEqual(
      [
        'file',
        'title',
        'url',
        'siteName',
        'authors',
        'byline',
        'publishedAt',
        'lang',
        'excerpt',
        'text',
        'contentHtml',
        'images',
      ].sort(),
    );
    expect(out[0]).toMatchObject({
      file: seed,
      url: 'https://www.bbc.com/zhongwen/simp/world-62912357',
    });
    expect(out[1]).toEqual({
      file: empty,
      error: { code: 'EMPTY_FILE', message: expect.any(String) },
    });
    await expect(fs.stat(path.join(root, 'lib'))).rejects.toThrow();
  });

  it('import --json reports imported, duplicates and failed; the good file is stored', async () => {
    const r = await folio(
      'import',
      '--json',
      seed,
      path.join(root, 'empty.html'),
      path.join(root, 'missing.txt'),
    );
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.imported).toEqual([{ id: expect.any(String), file: seed }]);
    expect(out.duplicates).toEqual([]);
    expect(out.failed.map((f: { error: { code: string } }) => f.error.code).sort()).toEqual([
      'EMPTY_FILE',
      'UNREADABLE',
    ]);
    const again = await folio('--json', 'import', seed);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).duplicates).toEqual([{ id: out.imported[0].id, file: seed }]);
    const list = await folio('list', '--json');
    expect(JSON.parse(list.stdout)).toMatchObject([
      { id: out.imported[0].id, siteName: 'BBC中文' },
    ]);
  });
});
