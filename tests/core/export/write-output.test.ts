import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFolderWriter, existingNames } from '../../../electron/core/export/write-output';

const file = (p: string, size = 3) => ({ path: p, bytes: new Uint8Array(size).fill(65) });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'folio-writer-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('createFolderWriter', () => {
  it('writes small and large files and lists them in the order queued', async () => {
    const writer = createFolderWriter(dir, new Set());
    await writer.write(file('a.md'));
    await writer.write(file('b.pdf', 600_000));
    await writer.write(file('c.assets/1.png'));
    const written = await writer.settle();
    expect(written).toEqual(['a.md', 'b.pdf', 'c.assets/1.png'].map((p) => path.join(dir, p)));
    expect(readFileSync(path.join(dir, 'b.pdf')).length).toBe(600_000);
    expect(readFileSync(path.join(dir, 'c.assets/1.png'), 'utf8')).toBe('AAA');
  });

  it('replaces only files the folder held before, and fails on one that appeared since', async () => {
    writeFileSync(path.join(dir, 'old.md'), 'x');
    const writer = createFolderWriter(dir, await existingNames(dir));
    await writer.write(file('old.md'));
    expect(readFileSync(path.join(dir, 'old.md'), 'utf8')).toBe('AAA');
    writeFileSync(path.join(dir, 'new.md'), 'x');
    await expect(writer.write(file('new.md'))).rejects.toMatchObject({ code: 'EXPORT_FAILED' });
  });

  it('claims paths for files another thread writes, in order with its own', async () => {
    writeFileSync(path.join(dir, 'b.md'), 'x');
    const writer = createFolderWriter(dir, await existingNames(dir));
    await writer.write(file('a.md'));
    expect(writer.claim('b.md')).toEqual({
      path: path.join(dir, 'b.md'),
      name: 'b.md',
      replace: true,
    });
    expect(writer.claim('c.md').replace).toBe(false);
    expect(() => writer.claim('../escape.md')).toThrow(/outside the export folder/);
    expect(await writer.settle()).toEqual(['a.md', 'b.md', 'c.md'].map((p) => path.join(dir, p)));
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md']);
  });
});
