/**
 * Language tags: normalising what a page declares, and guessing from the text when it declares
 * nothing. Chinese is told apart as zh-Hans / zh-Hant by characters that differ between scripts.
 */

const SIMPLIFIED = new Set(
  '这们来时个国说发对会过还经后问长学见现开关门东车马书为与听写买卖让认记该语读谁议论压区县级义乌产亲从众优传伤体侧侨价众'.split(
    '',
  ),
);
const TRADITIONAL = new Set(
  '這們來時個國說發對會過還經後問長學見現開關門東車馬書為與聽寫買賣讓認記該語讀誰議論壓區縣級義烏產親從眾優傳傷體側僑價'.split(
    '',
  ),
);

const STOPWORDS: Record<string, RegExp> = {
  en: /\b(the|and|of|to|is|that|with|for|was|are|this)\b/gi,
  de: /\b(der|die|und|das|ist|nicht|mit|sich|auf|ein|eine)\b/gi,
  fr: /\b(le|la|les|et|des|est|une|que|dans|pour|pas)\b/gi,
  es: /\b(el|los|las|del|que|una|por|para|con|está|es)\b/gi,
  it: /\b(il|della|che|non|per|una|sono|gli|nel|anche)\b/gi,
  pt: /\b(os|das|não|uma|para|com|que|são|mais|também)\b/gi,
  nl: /\b(het|een|van|niet|zijn|wordt|ook|maar|voor|dat)\b/gi,
};

/**
 * The same characters by UTF-16 unit: 1 Simplified, 2 Traditional. Every one is a single BMP unit,
 * so counting units instead of iterating code points (a string each) counts the same.
 */
const VARIANT_OF_UNIT = (() => {
  const table = new Uint8Array(0x10000);
  for (const ch of SIMPLIFIED) table[ch.charCodeAt(0)] = 1;
  for (const ch of TRADITIONAL) table[ch.charCodeAt(0)] ||= 2;
  return table;
})();

/** Chinese script variant by counting script-specific characters. */
export function chineseVariant(text: string): 'zh-Hans' | 'zh-Hant' {
  let s = 0;
  let t = 0;
  for (let i = 0; i < text.length; i++) {
    const v = VARIANT_OF_UNIT[text.charCodeAt(i)];
    if (v === 1) s++;
    else if (v === 2) t++;
  }
  return t > s ? 'zh-Hant' : 'zh-Hans';
}

/** Normalises a declared tag (zh-CN → zh-Hans, en-US → en); '' for nothing usable. */
export function normaliseLang(declared: string, text: string): string {
  const tag = declared.trim().replace(/_/g, '-').toLowerCase();
  if (!/^[a-z]{2,3}(-|$)/.test(tag)) return '';
  const [primary] = tag.split('-') as [string];
  if (primary === 'zh') {
    if (/hant|tw|hk|mo/.test(tag)) return 'zh-Hant';
    if (/hans|cn|sg/.test(tag)) return 'zh-Hans';
    return chineseVariant(text);
  }
  return primary;
}

/** Guesses the language of a text from its scripts and, for Latin text, common words. */
export function detectLang(text: string): string {
  const sample = text.slice(0, 4000);
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let cyrillic = 0;
  let arabic = 0;
  let latin = 0;
  // By UTF-16 unit: every range counted is in the BMP, and a surrogate (half of a character
  // outside it, which iterating by code point would see whole) falls in none of them.
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) han++;
    else if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
    else if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if (c >= 0x600 && c <= 0x6ff) arabic++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) latin++;
  }
  if (kana > 10 && kana * 5 > han) return 'ja';
  if (hangul > 10 && hangul > han) return 'ko';
  if (han > 10 && han * 2 > latin / 3) return chineseVariant(sample);
  if (cyrillic > latin && cyrillic > 10) return 'ru';
  if (arabic > latin && arabic > 10) return 'ar';
  if (latin < 20) return 'und';
  let best = 'und';
  let bestCount = 2;
  for (const [lang, re] of Object.entries(STOPWORDS)) {
    const n = sample.match(re)?.length ?? 0;
    if (n > bestCount) {
      best = lang;
      bestCount = n;
    }
  }
  return best;
}
