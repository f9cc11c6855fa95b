import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { en, format, resolveLocale, zhHans, zhHant } from '../../../renderer/src/i18n/messages';
import { ERROR_CODES } from '../../../shared/errors';

const CHINESE = [
  ['zh-Hans', zhHans],
  ['zh-Hant', zhHant],
] as const;

const placeholders = (s: string): string[] =>
  [...s.matchAll(/\{(\w+)(?::[^{}]*)?\}/g)].map((m) => m[1] as string).sort();

describe('message catalogue', () => {
  it('has the same keys in every language, none empty', () => {
    for (const [, cat] of CHINESE) {
      expect(Object.keys(cat).sort()).toEqual(Object.keys(en).sort());
      for (const [k, v] of Object.entries(cat)) expect(v, k).not.toBe('');
    }
  });
  it('uses the same placeholders in every language', () => {
    for (const [lang, cat] of CHINESE) {
      for (const key of Object.keys(en) as Array<keyof typeof en>) {
        expect(placeholders(cat[key]), `${lang} ${key}`).toEqual(placeholders(en[key]));
      }
    }
  });
  it('writes the Traditional catalogue in Traditional characters only', () => {
    // Character by character, Simplified to Taiwan's standard forms: nothing left to change.
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    for (const [key, text] of Object.entries(zhHant)) expect(toTraditional(text), key).toBe(text);
  });
  it('uses Taiwan’s software words in the Traditional catalogue, not the Mainland’s', () => {
    // Mainland term → what Taiwan says (the second is what the catalogue should use instead).
    const mainland = [
      '導入', // 匯入
      '導出', // 匯出
      '設置', // 設定
      '文件', // 檔案
      '文件夾', // 資料夾
      '信息', // 資訊
      '鏈接', // 連結
      '窗口', // 視窗
      '保存', // 儲存
      '搜索', // 搜尋
      '文本', // 文字
      '當前', // 目前
      '默認', // 預設
      '打開', // 開啟
      '快捷鍵', // 快速鍵
      '短語', // 片語
      '聚焦', // 移至
      '擴展', // 延伸
      '升序', // 遞增
      '剪貼板', // 剪貼簿
      '支持', // 支援
    ];
    for (const [key, text] of Object.entries(zhHant)) {
      for (const term of mainland) expect(text, key).not.toContain(term);
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
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-HK', 'zh_TW', 'yue-HK']) {
      expect(resolveLocale('auto', tag), tag).toBe('zh-Hant');
    }
    for (const tag of ['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-HK']) {
      expect(resolveLocale('auto', tag), tag).toBe('zh-Hans');
    }
  });
});
