import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../electron/core/decode-utf8';

describe('decodeUtf8', () => {
  it('decodes exactly as Buffer#toString: CJK, astral, ASCII, mixed, lone surrogates', () => {
    const texts = [
      '中华人民共和国国务院总理会见美国总统。'.repeat(40),
      '😀中文𠮷abc'.repeat(50),
      'The president said on Tuesday that talks would go on. '.repeat(30),
      'BBC中文报道，“the president” 说。\n\n'.repeat(30),
      // Buffer.from writes a lone surrogate as U+FFFD.
      `a\ud800b${'字'.repeat(100)}`,
      '',
      'é',
      // A byte-order mark stays, as Buffer#toString keeps it.
      `\ufeff${'标题'.repeat(40)}`,
    ];
    for (const text of texts) {
      const bytes = Buffer.from(text, 'utf8');
      expect(decodeUtf8(bytes)).toBe(bytes.toString('utf8'));
    }
  });

  it('decodes invalid UTF-8 as Buffer#toString does, with replacement characters', () => {
    const bytes = Buffer.concat([
      Buffer.from('前'.repeat(40), 'utf8'),
      Buffer.from([0xff, 0x61, 0xe4, 0xb8]),
      Buffer.from('后'.repeat(40), 'utf8'),
    ]);
    expect(decodeUtf8(bytes)).toBe(bytes.toString('utf8'));
    expect(decodeUtf8(bytes)).toContain('\ufffd');
  });

  it('decodes a view into a larger buffer from its own start', () => {
    const whole = Buffer.from(`xx${'中文'.repeat(50)}yy`, 'utf8');
    const view = whole.subarray(2, whole.length - 2);
    expect(decodeUtf8(view)).toBe('中文'.repeat(50));
  });
});
