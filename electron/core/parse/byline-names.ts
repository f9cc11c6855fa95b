/**
 * Turning printed byline text into person names: labels ("记者：", "By"), separators, dates,
 * places and outlet names are peeled off; what is left must look like a name, never a phrase.
 */
import { KNOWN_PUBLICATIONS } from './site-names';

const NOT_A_PERSON =
  /\b(?:BBC|CNA|RFI|RFA|VOA|AFP|AP|DPA|EPD|KNA|RTR|NYT|DW|News|Reuters|Bloomberg|Xinhua|Kyodo|Yonhap|Correspondent|Editor|Reporter|Staff|Agencies|Times|Post|Press|Journal|Magazine|Network|Media|Desk|Team|Service|Bureau|Newsroom|Deutsche Welle)\b|BBC|中央社|新华社|新華社|法广|法廣|中文网|中文網|新闻|新聞|通讯社|通訊社|电台|電台|之音|时报|時報|日报|日報|报社|報社|编辑部|編輯部|路透|法新|美联|美聯|共同社|记者|記者|编辑|編輯|责编|責編|网编|網編|通讯员|通訊員|特约|特約|撰稿|評論員|评论员|駐|驻|综合|綜合|版权|版權|本台|本网|本網|本报|本報|http|www\./i;

/** Agency and outlet abbreviations printed alone in bylines ("dpa/afp", "路透社"). */
const AGENCY_TOKEN = /^(?:[\p{Script=Han}]{1,3}社|(?:[a-z]{2,4}))$/iu;

/** Dates and times printed beside names: "2022年9月16日", "2020-07-26T08:58:28Z", "52 分钟前". */
const DATE_RUN =
  /(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:GMT|UTC|[+-]\d{4}))?|\d{4}\s*[-/年.]\s*\d{1,2}(?:\s*[-/月.]\s*\d{1,2}\s*日?)?(?:[ T]?\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?Z?)?|\d{1,2}[-/]\d{1,2}[-/]\d{2,4}(?:\s*-?\s*\d{1,2}:\d{2})?|\d{1,2}:\d{2}(?::\d{2})?|\d+\s*(?:分钟|分鐘|小时|小時|天|秒)前|\d+\s+(?:minutes?|hours?|days?)\s+ago|(?:更新|发布|發佈|發布)(?:时间|時間|日期)?\s*[:：]?|\b(?:GMT|UTC|Updated|Published)\b/g;

const DATEISH = /\d{4}[-/年.]\d{1,2}|\d{1,2}[-/]\d{1,2}[-/]\d{2,4}|GMT|UTC|\d{1,2}:\d{2}/;

/** Dateline places printed after a reporter's name ("記者王小明台北15日電", "xxx 北京"). */
const PLACES =
  '北京|上海|香港|澳門|澳门|台北|臺北|台中|臺中|台南|臺南|高雄|新竹|桃園|桃园|花蓮|花莲|基隆|嘉義|嘉义|東京|东京|大阪|首爾|首尔|華盛頓|华盛顿|紐約|纽约|倫敦|伦敦|巴黎|柏林|波恩|新加坡|莫斯科|布魯塞爾|布鲁塞尔|日內瓦|日内瓦|曼谷|雅加達|雅加达|吉隆坡|悉尼|雪梨|墨爾本|墨尔本|多倫多|多伦多|溫哥華|温哥华|舊金山|旧金山|洛杉磯|洛杉矶|廣州|广州|深圳|武漢|武汉|成都|重慶|重庆|天津|南京|杭州|西安|烏魯木齊|乌鲁木齐|拉薩|拉萨|聯合國|联合国|基輔|基辅|耶路撒冷|新德里|馬尼拉|马尼拉|河內|河内|仰光|波士頓|波士顿|芝加哥|法蘭克福|法兰克福|慕尼黑|羅馬|罗马|維也納|维也纳|華沙|华沙|杜拜|迪拜|德黑蘭|德黑兰|開羅|开罗|堪培拉|坎培拉|台灣|臺灣|台湾|中國|中国|美國|美国|日本|英國|英国|德國|德国|法國|法国|韓國|韩国|俄羅斯|俄罗斯|北美|歐洲|欧洲';
const TRAILING_PLACE = new RegExp(`\\s*(?:(?:發自|发自|報導|报道|於|于)?\\s*(?:${PLACES}))+$`);
const PLACE_ONLY = new RegExp(`^(?:${PLACES})+$`);

/** Han words that head bylines or sections but are never names ("专访", "快讯"). */
const NOT_A_NAME =
  /专访|專訪|分析|评论|評論|视频|視頻|图集|圖集|快讯|快訊|独家|獨家|直播|更新|观点|觀點|社论|社論|特写|特寫|焦点|焦點|报道|報導|报导|採訪|采访|时间|時間|发布|發布|發佈|最后|最後|前|后|後|编译|編譯|综述|綜述|提供|图片|圖片|摄影|攝影|来源|來源|照片|资料|資料|封面|主持|嘉宾|嘉賓|讀者|读者|网友|網友|作者|文章|全文|原文|本文|翻译|翻譯|转载|轉載/;

const HAN_NAME =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}·・‧•．]{2,12}(?:\s*[（(][\p{L} .'’-]{2,40}[)）])?$/u;
const LATIN_WORD = /^(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.)$/u;
const PARTICLE =
  /^(?:de|van|von|der|den|da|del|della|di|du|la|le|bin|binti|al|el|y|dos|das|ter|ten)$/;

/** True when a string has the shape of a person's name rather than a phrase or a sentence. */
export function looksLikeName(s: string): boolean {
  const t = s.trim();
  if (t.length < 2 || t.length > 48 || /[。，！？；：、,!?;:"“”「」《》【】|｜/@#\d]/.test(t))
    return false;
  if (HAN_NAME.test(t)) {
    const han = t.replace(/\s*[（(].*$/, '');
    // Han names run 2–4 characters; longer runs need a transliteration dot ("乔纳森·马库斯").
    if (han.length > 4 && !/[·・‧•．]/.test(han)) return false;
    return !NOT_A_NAME.test(han) && !PLACE_ONLY.test(han);
  }
  const words = t.split(/\s+/);
  if (words.length > 5) return false;
  let capitals = 0;
  for (const w of words) {
    if (LATIN_WORD.test(w)) capitals += 1;
    else if (!PARTICLE.test(w)) return false;
  }
  return capitals >= 1 && LATIN_WORD.test(words[0] ?? '');
}

const publications = [...KNOWN_PUBLICATIONS].filter((n) => n.length >= 3);

/** "(臺)中央社CNA", "经济学人en": an outlet name with decorations is still the outlet. */
export function isPublication(name: string): boolean {
  return KNOWN_PUBLICATIONS.has(name) || publications.some((p) => name.includes(p));
}

/** True for a token that names an outlet, an agency or a newsroom role rather than a person. */
export function isOutletToken(token: string, siteName: string): boolean {
  const t = token.trim();
  return (
    t === siteName ||
    isPublication(t) ||
    NOT_A_PERSON.test(t) ||
    (AGENCY_TOKEN.test(t) && !/^\p{Lu}\p{Ll}/u.test(t))
  );
}

const LEAD_LABEL =
  /^(?:文|作者|撰文|撰稿|撰稿人|記者|记者|特约记者|特約記者|编译|編譯|采写|採寫|Written by|By|Text by|Words by|Reporting by)\s*[：:｜|/／]?\s*/i;

/** Splits a byline into name-sized parts on separators, dropping labels and "报道". */
function splitParts(raw: string): string[] {
  return raw
    .replace(/[（(](?:综合报道|綜合報導|综合|綜合|报道|報導|编译|編譯)[)）]/g, '')
    .split(/\s*(?:[,，、;；/／|｜&＆]|\band\b|\s和\s|\s與\s|\s与\s)\s*/i)
    .map((p) =>
      p
        .replace(LEAD_LABEL, '')
        .replace(/\s*(?:报道|報導|撰稿)$/, '')
        .trim(),
    )
    .filter((p) => p.length >= 2 && p.length <= 40);
}

function isDateish(p: string): boolean {
  return DATEISH.test(p) || /^[\d\s:./-]+$/.test(p);
}

/** Splits, trims, deduplicates and filters candidate names (lenient: no shape check). */
export function cleanNames(raw: string, siteName: string): string[] {
  const out: string[] = [];
  for (const p of splitParts(raw)) {
    if (isOutletToken(p, siteName) || isDateish(p)) continue;
    const name = titleCaseShouting(p);
    if (!out.some((o) => o.toLowerCase() === name.toLowerCase())) out.push(name);
  }
  return out;
}

/** Names from printed byline text: dates, places and outlets removed, phrases rejected. */
export function personNames(raw: string, siteName: string): string[] {
  const text = raw
    .replace(DATE_RUN, ' ')
    .replace(/^(?:\s*(?:作者|文|撰文)\s*[，,])/, '')
    .replace(/\s+(?:in|from|for|at)\s+\p{Lu}[\p{L} .-]*$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  const out: string[] = [];
  for (const part of splitParts(text)) {
    for (const candidate of splitOutletWords(part, siteName)) {
      if (isOutletToken(candidate, siteName) || isDateish(candidate)) continue;
      const name = titleCaseShouting(candidate);
      if (looksLikeName(name) && !out.some((o) => o.toLowerCase() === name.toLowerCase()))
        out.push(name);
    }
  }
  return out;
}

/** "斯影 BBC中文", "VOA 方冰 华盛顿", "日经中文网 高桥哲史 北京": drop outlet and place words. */
function splitOutletWords(part: string, siteName: string): string[] {
  const stripped = part.replace(TRAILING_PLACE, '').trim();
  if (looksLikeName(stripped)) return [stripped];
  const words = stripped.split(/\s+/);
  if (words.length < 2 || words.length > 6) return [stripped];
  const kept = words.filter((w) => !isOutletToken(w, siteName) && !PLACE_ONLY.test(w));
  if (kept.length === words.length) return [stripped];
  // Latin names span words ("Jane Doe"); Han names are one word each.
  if (kept.every((w) => /^\p{Script=Latin}/u.test(w))) return [kept.join(' ')];
  return kept;
}

/** "RICHARD PÉREZ-PEÑA" → "Richard Pérez-Peña"; mixed-case names stay as printed. */
function titleCaseShouting(name: string): string {
  if (!/\p{Lu}{2,}/u.test(name) || /\p{Ll}/u.test(name)) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

const AUTHOR_LABELS =
  '作者|撰文|撰稿人?|文字|文|特约记者|特約記者|实习记者|實習記者|本台记者|本台記者|记者|記者|采写|採寫|采访|採訪|Written by|Text by|Words by|Reporting by|Author|By';
const OTHER_LABELS =
  '责任编辑|責任編輯|编辑|編輯|责编|責編|网编|網編|审校|審校|校对|校對|图片|圖片|图|圖|摄影|攝影|翻译|翻譯|编译|編譯|来源|來源|出品|监制|監製|策划|策劃|美编|美編|排版|视觉|視覺|设计|設計|实习生|實習生|制图|製圖|视频|視頻|剪辑|剪輯|主编|主編|Edited by|Editing by|Photos? by|Photographs by|Illustrations? by|Translated by|Additional reporting by';
const LABEL_RE = new RegExp(
  `(?:^|[\\s（(【\\[,，;；|｜])(${OTHER_LABELS}|${AUTHOR_LABELS})(?:\\s*[：:｜|/／]\\s*|(?<=by)\\s+)`,
  'gi',
);
const AUTHOR_LABEL = new RegExp(`^(?:${AUTHOR_LABELS})$`, 'i');

/**
 * Names under author labels in a labelled credit line: "记者：王小明 责编：李华 网编：张三",
 * "文｜余雅琴 编辑｜张三", "By Jane Doe and John Roe". Null when the line carries no label.
 */
export function namesFromCreditLine(line: string, siteName: string): string[] | null {
  const t = line.replace(/\s+/g, ' ').trim();
  const hits = [...t.matchAll(LABEL_RE)];
  if (hits.length === 0) return null;
  // A credit line starts with its label (after an opening bracket at most).
  const first = hits[0];
  if (!first || t.slice(0, first.index).replace(/[\s（(【[]/g, '') !== '') return null;
  const names: string[] = [];
  hits.forEach((m, i) => {
    const label = m[1] ?? '';
    if (!AUTHOR_LABEL.test(label)) return;
    const start = (m.index ?? 0) + m[0].length;
    const end = hits[i + 1]?.index ?? t.length;
    const value = t.slice(start, end).replace(/[)）】\]]+\s*$/, '');
    for (const n of personNames(value, siteName)) if (!names.includes(n)) names.push(n);
  });
  return names;
}
