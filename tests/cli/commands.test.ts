import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeDump } from '../core/store/fake-parse';
import { runInProcess } from './run-in-process';

let root: string;
let lib: string;
const run = (...args: string[]) => runInProcess(lib, args);

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-cli-'));
  lib = path.join(root, 'lib');
  await fs.mkdir(path.join(root, 'in', 'sub'), { recursive: true });
  await fs.writeFile(path.join(root, 'in', 'a.txt'), fakeDump('Alpha', 'https://x.org/a'));
  await fs.writeFile(path.join(root, 'in', 'sub', 'b.txt'), fakeDump('Beta', 'https://x.org/b'));
  await fs.writeFile(path.join(root, 'in', '.hidden.txt'), fakeDump('Hidden', 'https://x.org/h'));
  await fs.writeFile(path.join(root, 'in', 'empty.txt'), '');
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('folio commands (in-process)', () => {
  it('imports folders, reporting each file, and exits 1 when one failed', async () => {
    const r = await run('import', '--json', path.join(root, 'in'));
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.imported.map((x: { file: string }) => path.basename(x.file)).sort()).toEqual([
      'a.txt',
      'b.txt',
    ]);
    expect(out.duplicates).toEqual([]);
    expect(out.failed).toEqual([
      {
        file: path.join(root, 'in', 'empty.txt'),
        error: expect.objectContaining({ code: 'EMPTY_FILE' }),
      },
    ]);
    const again = await run('import', path.join(root, 'in', 'a.txt'));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^duplicate +\w+ +.*a\.txt$/m);
    expect(again.stdout).toContain('0 imported, 1 duplicates, 0 failed.');
  });

  it('lists, tags, notes, edits, trashes and restores', async () => {
    await run('import', path.join(root, 'in', 'a.txt'));
    const [row] = JSON.parse((await run('list', '--json')).stdout);
    const id: string = row.id;
    expect(row.title).toBe('Alpha');
    expect((await run('tag', id.slice(0, 6), 'add', 'News', 'ＮＥＷＳ', '香港')).stdout).toBe(
      `${id}: News, 香港\n`,
    );
    expect(JSON.parse((await run('tags', '--json')).stdout)).toEqual([
      { tag: 'News', count: 1 },
      { tag: '香港', count: 1 },
    ]);
    expect((await run('tag', id, 'rm', 'news')).code).toBe(0);
    expect(
      JSON.parse((await run('note', id, 'hello', 'world', '--json')).stdout).note.markdown,
    ).toBe('hello world');
    expect(JSON.parse((await run('set', id, 'title', 'New', 'title', '--json')).stdout).title).toBe(
      'New title',
    );
    expect(JSON.parse((await run('set', id, 'title', '--revert', '--json')).stdout).title).toBe(
      'Alpha',
    );
    const shown = JSON.parse((await run('show', id, '--json')).stdout);
    expect(shown).toMatchObject({ id, tags: ['香港'], notes: { markdown: 'hello world' } });
    expect((await run('rm', id)).stdout).toBe('1 moved to the Trash.\n');
    expect(JSON.parse((await run('list', '--json')).stdout)).toEqual([]);
    expect(JSON.parse((await run('trash', '--json')).stdout)).toHaveLength(1);
    expect((await run('trash', '--empty')).code).toBe(2);
    expect((await run('restore', id)).stdout).toBe('1 restored.\n');
    expect(await run('list')).toMatchObject({ code: 0, stdout: expect.stringContaining('Alpha') });
  });

  it('fails clearly on unknown ids, bad fields and unknown commands', async () => {
    await run('import', path.join(root, 'in', 'a.txt'));
    const missing = await run('show', 'ffffffffffff');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('NOT_FOUND');
    expect((await run('set', 'x', 'colour', 'red')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('list', '--bogus')).code).toBe(2);
    const json = await run('show', 'ffffffffffff', '--json');
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'NOT_FOUND', message: expect.any(String) },
    });
  });

  it('answers `help` and `help COMMAND`, which npx does not swallow as it does --help', async () => {
    const all = await run('help');
    expect(all).toMatchObject({ code: 0, stderr: '' });
    expect(all.stdout).toMatch(/^usage: folio /);
    expect(all.stdout).toMatch(/^ {2}search +Search articles/m);
    const one = await run('help', 'search');
    expect(one).toMatchObject({ code: 0, stderr: '' });
    expect(one.stdout).toMatch(/^usage: folio search /);
    expect(one.stdout).toBe((await run('search', '--help')).stdout);
    const bad = await run('help', 'frobnicate');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown command "frobnicate"');
  });

  it('offers the sample in an empty library', async () => {
    expect((await run('list')).stdout).toContain('folio sample');
  });
});
