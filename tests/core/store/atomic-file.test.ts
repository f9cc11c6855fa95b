import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  fsyncDir,
  writeFileAtomic,
  writeFileSynced,
} from '../../../electron/core/store/atomic-file';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-atomic-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('synced writes', () => {
  it('writes bytes untouched and text as UTF-8, replacing a longer file', async () => {
    const bytes = new Uint8Array([0, 0xff, 0xfe, 13, 10, 0x80]);
    await writeFileSynced(path.join(dir, 'b'), bytes);
    expect(new Uint8Array(await fs.readFile(path.join(dir, 'b')))).toEqual(bytes);
    await fs.writeFile(path.join(dir, 't'), 'x'.repeat(100));
    await writeFileSynced(path.join(dir, 't'), '中文 text');
    expect(await fs.readFile(path.join(dir, 't'), 'utf8')).toBe('中文 text');
  });

  it('rejects with the system error when the folder is missing', async () => {
    await expect(writeFileSynced(path.join(dir, 'no', 'f'), 'x')).rejects.toMatchObject({
      code: 'ENOENT',
    });
    await expect(fsyncDir(path.join(dir, 'no'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('replaces a file atomically, leaving no temporary file behind', async () => {
    const file = path.join(dir, 'doc.json');
    await writeFileAtomic(file, '{"a":1}');
    await writeFileAtomic(file, '{"a":2}');
    await fsyncDir(dir);
    expect(await fs.readFile(file, 'utf8')).toBe('{"a":2}');
    expect(await fs.readdir(dir)).toEqual(['doc.json']);
  });
});
