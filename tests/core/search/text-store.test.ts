import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { TextStore } from '../../../electron/core/search/text-store';

function store(): TextStore {
  const dir = mkdtempSync(join(tmpdir(), 'folio-texts-'));
  const s = new TextStore(join(dir, 'texts'));
  onTestFinished(() => {
    s.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return s;
}

describe('TextStore.readHead', () => {
  it('gives a short text whole, and says so', () => {
    const s = store();
    const ref = s.append('习近平会见普京');
    expect(s.readHead(ref, 1000)).toEqual({ text: '习近平会见普京', whole: true });
  });

  it('cuts a long text back to whole characters, whatever their width', () => {
    const s = store();
    // 1-, 2-, 3- and 4-byte characters in turn, so every cut point meets each kind.
    const text = 'aé中𠮷'.repeat(50);
    const ref = s.append(text);
    const bytes = Buffer.byteLength(text);
    for (let max = 1; max < bytes; max++) {
      const head = s.readHead(ref, max);
      expect(head.whole).toBe(false);
      expect(text.startsWith(head.text)).toBe(true);
      expect(Buffer.byteLength(head.text)).toBeLessThanOrEqual(max);
      // No whole character that fits is left out.
      expect(Buffer.byteLength(head.text)).toBeGreaterThan(max - 4);
    }
  });

  it('reads the head of a text appended after others', () => {
    const s = store();
    s.append('前一篇'.repeat(100));
    const ref = s.append(`标题。${'内容'.repeat(500)}`);
    expect(s.readHead(ref, 9).text).toBe('标题。');
  });
});
