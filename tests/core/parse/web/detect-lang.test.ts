import { describe, expect, it } from 'vitest';
import {
  chineseVariant,
  detectLang,
  normaliseLang,
} from '../../../../electron/core/parse/web/detect-lang';

describe('detectLang', () => {
  it('tells scripts apart, Simplified from Traditional, and Latin languages by common words', () => {
    expect(detectLang('这是一个关于国家经济发展的新闻报道，记者从北京发来消息。')).toBe('zh-Hans');
    expect(detectLang('這是一個關於國家經濟發展的新聞報道，記者從北京發來消息。')).toBe('zh-Hant');
    expect(detectLang('これは日本語のニュース記事です。東京からの報告によると、')).toBe('ja');
    expect(detectLang('대한민국 국회의사당에서 열린 회의에서 대통령은 말했다')).toBe('ko');
    expect(detectLang('The president said that the talks with the delegation were over.')).toBe(
      'en',
    );
    expect(detectLang('Der Präsident sagte, dass die Gespräche mit der Delegation nicht')).toBe(
      'de',
    );
    expect(detectLang('12345 67890')).toBe('und');
  });

  it('counts characters outside the BMP as no script at all', () => {
    // Astral Han (CJK Extension B) is not counted as Han, and its surrogates are not Latin.
    const astral = '𠀋𠀍𠀎𪚥'.repeat(20);
    expect(detectLang(astral)).toBe('und');
    expect(detectLang(`${astral}这们来时个国说发对会过还经后问`)).toBe('zh-Hans');
    expect(chineseVariant(`${astral}這們來時`)).toBe('zh-Hant');
    expect(chineseVariant('')).toBe('zh-Hans');
  });

  it('normalises declared tags, guessing the Chinese variant from the text', () => {
    expect(normaliseLang('zh_TW', '')).toBe('zh-Hant');
    expect(normaliseLang('zh', '這們來時')).toBe('zh-Hant');
    expect(normaliseLang('en-US', '')).toBe('en');
    expect(normaliseLang('x', '')).toBe('');
  });
});
