import { describe, expect, it } from 'vitest';
import {
  MAX_NAME_BYTES,
  safeBaseName,
  truncateUtf8,
  uniqueFileName,
} from '../../../electron/core/export/file-names';

const bytes = (s: string): number => new TextEncoder().encode(s).length;

describe('safeBaseName', () => {
  it('keeps CJK titles as they are', () => {
    expect(safeBaseName('习近平疫情后首次外访并与普京会面')).toBe(
      '习近平疫情后首次外访并与普京会面',
    );
  });

  it('removes reserved characters and path separators, so ../ cannot climb', () => {
    const name = safeBaseName('../../etc/passwd');
    expect(name).not.toContain('/');
    expect(name).not.toMatch(/^\./);
    expect(safeBaseName('a<b>c:d"e/f\\g|h?i*j')).toBe('a b c d e f g h i j');
    expect(safeBaseName('..')).toBe('article');
    expect(safeBaseName('..\\..\\x')).toBe('x');
  });

  it('removes NUL and other control characters', () => {
    const name = safeBaseName('bad\u0000name\u001f\u007fend');
    expect(name).toBe('bad name end');
    expect([...name].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)).toBe(true);
  });

  it('caps a 300-byte title at the byte limit without splitting a character', () => {
    const title = '中'.repeat(100); // 300 bytes of UTF-8
    expect(bytes(title)).toBe(300);
    const name = safeBaseName(title);
    expect(bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(name).toBe('中'.repeat(50));
    // A 4-byte character at the boundary is dropped whole, never cut in half.
    expect(truncateUtf8('a😀', 3)).toBe('a');
  });

  it('avoids Windows device names, with or without an extension-like suffix', () => {
    for (const reserved of ['CON', 'prn', 'Aux', 'NUL', 'COM1', 'lpt9', 'con.txt']) {
      expect(safeBaseName(reserved).startsWith('_')).toBe(true);
    }
    expect(safeBaseName('Console')).toBe('Console');
  });

  it('drops trailing dots and spaces and falls back when nothing is left', () => {
    expect(safeBaseName('Title. . ')).toBe('Title');
    expect(safeBaseName('???')).toBe('article');
    expect(safeBaseName('', 'abc123')).toBe('abc123');
  });
});

describe('uniqueFileName', () => {
  it('numbers duplicates in a batch and skips names on disk unless overwriting', () => {
    const taken = new Set<string>();
    const onDisk = new Set(['Report (2).md']);
    const exists = (n: string): boolean => onDisk.has(n);
    expect(uniqueFileName('Report', '.md', taken, exists)).toBe('Report.md');
    expect(uniqueFileName('Report', '.md', taken, exists)).toBe('Report (3).md');
    // The batch compares case-insensitively; the (case-sensitive) fake disk has no 'report (2).md'.
    expect(uniqueFileName('report', '.md', taken, exists)).toBe('report (2).md');
    expect(uniqueFileName('REPORT', '.md', taken, exists)).toBe('REPORT (4).md');
    const other = new Set<string>();
    expect(uniqueFileName('Report (2)', '.md', other, exists)).toBe('Report (2) (2).md');
    expect(uniqueFileName('Report (2)', '.md', new Set(), exists, true)).toBe('Report (2).md');
  });
});
