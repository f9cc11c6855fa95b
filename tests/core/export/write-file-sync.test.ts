import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSyncTo } from '../../../electron/core/export/write-file-sync';

const bytes = (s: string) => new TextEncoder().encode(s);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'folio-write-sync-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileSyncTo', () => {
  it('creates a new file and never clobbers one that appeared meanwhile', () => {
    const target = { path: path.join(dir, 'a.md'), name: 'a.md', replace: false };
    writeFileSyncTo(target, bytes('one'));
    expect(readFileSync(target.path, 'utf8')).toBe('one');
    expect(() => writeFileSyncTo(target, bytes('two'))).toThrow(
      expect.objectContaining({ code: 'EXPORT_FAILED', message: 'Could not write a.md' }),
    );
    expect(readFileSync(target.path, 'utf8')).toBe('one');
  });

  it('replaces a file it was told about, leaving no temp file', () => {
    writeFileSync(path.join(dir, 'a.md'), 'old');
    writeFileSyncTo({ path: path.join(dir, 'a.md'), name: 'a.md', replace: true }, bytes('new'));
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('creates a missing folder', () => {
    const target = { path: path.join(dir, 'x', 'y', 'a.md'), name: 'x/y/a.md', replace: false };
    writeFileSyncTo(target, bytes('deep'));
    expect(readFileSync(target.path, 'utf8')).toBe('deep');
  });
});
