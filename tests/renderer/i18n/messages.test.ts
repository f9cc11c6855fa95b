import { describe, expect, it } from 'vitest';
import { en, format, resolveLocale, zhHans } from '../../../renderer/src/i18n/messages';
import { ERROR_CODES } from '../../../shared/errors';

const placeholders = (s: string): string[] =>
  [...s.matchAll(/\{(\w+)(?::[^{}]*)?\}/g)].map((m) => m[1] as string).sort();

describe('message catalogue', () => {
  it('has the same keys in both languages, none empty', () => {
    expect(Object.keys(zhHans).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(zhHans)) expect(v, k).not.toBe('');
  });
  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(placeholders(zhHans[key]), key).toEqual(placeholders(en[key]));
    }
  });
  it('has a what-to-do hint for every error code', () => {
    for (const code of ERROR_CODES) expect(Object.keys(en)).toContain(`hint.${code}`);
  });
  it('formats placeholders and resolves the locale', () => {
    expect(format(en['list.count'], { count: 3 })).toBe('3 articles');
    expect(format(en['list.count'], { count: 1 })).toBe('1 article');
    expect(format(en['list.count'], { count: 0 })).toBe('0 articles');
    expect(format(zhHans['list.count'], { count: 1 })).toBe('1 篇文章');
    expect(format('{a} {b}', { a: 1 })).toBe('1 {b}');
    expect(resolveLocale('auto', 'zh-CN')).toBe('zh-Hans');
    expect(resolveLocale('auto', 'en-GB')).toBe('en');
    expect(resolveLocale('en', 'zh-TW')).toBe('en');
  });
});
