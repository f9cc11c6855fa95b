import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildZip,
  createFolderWriter,
  existingNames,
} from '../../../electron/core/export/write-output';

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

describe('buildZip', () => {
  const names = ['习近平疫情后首次外访.md', '習近平.assets/1.jpg', 'manifest.json'];
  const zip = (): Uint8Array => buildZip(names.map((n) => file(n)));

  it('marks every entry as made on Unix (rw-r--r--) with a UTF-8 name', () => {
    const bytes = zip();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const entries: Array<{ os: number; mode: number; utf8: boolean; name: string }> = [];
    // Central directory headers: signature, version made by (low byte spec, high byte OS),
    // flags at 8 (bit 11: UTF-8 name), name length at 28, external attributes at 38.
    for (let at = 0; at + 46 <= bytes.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(at + 28, true);
      entries.push({
        os: view.getUint8(at + 5),
        mode: view.getUint32(at + 38, true) >>> 16,
        utf8: (view.getUint16(at + 8, true) & 0x800) !== 0,
        name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      });
    }
    expect(entries.map((e) => e.name)).toEqual(names);
    for (const e of entries) {
      expect(e.os).toBe(3);
      expect(e.mode).toBe(0o100644);
      // ASCII names need no flag.
      expect(e.utf8).toBe(!/^[\x20-\x7e]*$/.test(e.name));
    }
  });

  // Info-ZIP's unzip (Debian, Ubuntu) reads names of MS-DOS entries as code page 437.
  it.skipIf(!existsSync('/usr/bin/unzip'))('extracts CJK names intact with unzip', () => {
    const zipPath = path.join(dir, 'out.zip');
    writeFileSync(zipPath, zip());
    execFileSync('unzip', ['-q', zipPath, '-d', path.join(dir, 'x')]);
    expect(readdirSync(path.join(dir, 'x')).sort()).toEqual(
      ['manifest.json', '习近平疫情后首次外访.md', '習近平.assets'].sort(),
    );
  });
});
