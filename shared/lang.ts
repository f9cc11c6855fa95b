/**
 * Pure language guess for article text: Chinese script (Simplified vs Traditional), English, other.
 * Platform-free so the renderer and the core agree on the same answer.
 */

// Frequent characters that exist only in one script; common to news text in both.
const SIMPLIFIED_ONLY =
  '这们为说国时会对发经过后进个来学实动关还现开问长话见样将头门应机义东车书万与专业从约亚让认' +
  '选则总统战军党报论务员陆边岁华区县强众观议处觉记设该际达标两级写团难运传听费联网织构导' +
  '权变内协独击压纪严顾尔决诉识违确许转样汉维义韩铁护医药师谈议讨钱银农历乡陈杨刘张吴赵';
const TRADITIONAL_ONLY =
  '這們為說國時會對發經過後進個來學實動關還現開問長話見樣將頭門應機義東車書萬與專業從約亞讓認' +
  '選則總統戰軍黨報論務員陸邊歲華區縣強眾觀議處覺記設該際達標兩級寫團難運傳聽費聯網織構導' +
  '權變內協獨擊壓紀嚴顧爾決訴識違確許轉樣漢維義韓鐵護醫藥師談議討錢銀農歷鄉陳楊劉張吳趙';

/**
 * 1 for a Simplified-only character, 2 for a Traditional-only one, by code unit from U+3400 (the
 * Han blocks isHan accepts): a table read instead of a one-character string and a set lookup for
 * every Han character of the sample (about a third of the cost for a Chinese article).
 */
const HAN_FROM = 0x3400;
const hanScript = new Uint8Array(0xa000 - HAN_FROM);
for (const [chars, mark] of [
  [TRADITIONAL_ONLY, 2],
  [SIMPLIFIED_ONLY, 1],
] as const) {
  for (let i = 0; i < chars.length; i++) {
    const code = chars.charCodeAt(i);
    if (isHan(code)) hanScript[code - HAN_FROM] = mark;
  }
}

const ENGLISH_WORDS = new Set([
  'the',
  'and',
  'of',
  'to',
  'in',
  'is',
  'that',
  'for',
  'it',
  'was',
  'on',
  'with',
  'as',
  'are',
  'be',
  'by',
  'this',
  'have',
  'from',
  'he',
  'she',
  'they',
  'said',
  'his',
  'her',
  'at',
  'an',
  'but',
  'not',
  'has',
  'were',
  'which',
  'their',
  'will',
]);

/** True for a CJK unified ideograph (BMP blocks and Extension A). */
export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

/** Guesses a BCP 47 tag (zh-Hans, zh-Hant, en or other) from plain text. */
export function detectLang(text: string): string {
  // A prefix is enough to decide and keeps this O(1) for huge articles.
  const sample = text.length > 3000 ? text.slice(0, 3000) : text;
  let han = 0;
  let latin = 0;
  let other = 0;
  let simp = 0;
  let trad = 0;
  // Indexing by UTF-16 unit: every character this counts lies in the BMP.
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if (isHan(code)) {
      han += 1;
      const script = hanScript[code - HAN_FROM];
      if (script === 1) simp += 1;
      else if (script === 2) trad += 1;
    } else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
      latin += 1;
    } else if (
      (code >= 0x3040 && code <= 0x30ff) ||
      (code >= 0xac00 && code <= 0xd7af) ||
      (code >= 0x0400 && code <= 0x04ff) ||
      (code >= 0x0600 && code <= 0x06ff)
    ) {
      other += 1;
    }
  }
  if (han === 0 && latin === 0 && other === 0) return 'other';
  // Han characters carry far more content per character than Latin letters.
  if (han * 3 >= latin && han >= other) return trad > simp ? 'zh-Hant' : 'zh-Hans';
  if (other > latin) return 'other';
  return looksEnglish(sample) ? 'en' : 'other';
}

function looksEnglish(sample: string): boolean {
  const words = sample.toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.length === 0) return false;
  let hits = 0;
  const limit = Math.min(words.length, 2000);
  for (let i = 0; i < limit; i += 1) if (ENGLISH_WORDS.has(words[i] ?? '')) hits += 1;
  return hits / limit >= 0.08 || (limit < 12 && hits > 0);
}
