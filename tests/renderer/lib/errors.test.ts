import { describe, expect, it } from 'vitest';
import { errorText } from '../../../renderer/src/lib/errors';
import { en, zhHans } from '../../../renderer/src/i18n/messages';

describe('errorText', () => {
  const empty = { code: 'EMPTY_FILE', message: 'empty-page.html is empty.' } as const;

  it('puts the core message before the hint in English, with one full stop between', () => {
    expect(errorText(empty, en['hint.EMPTY_FILE'], 'en')).toBe(
      'empty-page.html is empty. The file is empty. Save the page again and re-import it.',
    );
    expect(errorText({ code: 'INTERNAL', message: 'boom' }, 'Try again.', 'en')).toBe(
      'boom. Try again.',
    );
    expect(errorText({ code: 'INTERNAL', message: ' ' }, 'Try again.', 'en')).toBe('Try again.');
  });

  it('shows only the translated hint in Chinese, since core messages are English', () => {
    const text = errorText(empty, zhHans['hint.EMPTY_FILE'], 'zh-Hans');
    expect(text).toBe(zhHans['hint.EMPTY_FILE']);
    expect(text).not.toMatch(/[A-Za-z]{3}/);
  });
});
