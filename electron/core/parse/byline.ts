/**
 * Authors from the byline printed in a dump's body: BBC person lists, the feed mirror's
 * `<i>NAME<br>DATE</i>` header, author-classed elements, credit lines ("作者：X", "记者：X
 * 责编：Y", "By X and Y"), reporter datelines ("記者X台北15日電") and outlet-anchored lines
 * ("斯影 BBC中文", "VOA 方冰"). Publication names ("BBC中文", "路透") are never authors.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { isCreditLine } from './images';
import { detach, elementsOf, isElement, textOf, textUpTo } from './dom-utils';
import { isOutletToken, namesFromCreditLine, personNames } from './byline-names';
import { KNOWN_PUBLICATIONS } from './site-names';

export { cleanNames, looksLikeName, personNames } from './byline-names';

export interface BylineResult {
  authors: string[];
  byline: string;
}

/**
 * Reporter datelines at a line's start, bracketed or after an outlet word: "本台记者王小明报道",
 * "（中央社記者王小明、李大華台北15日電）", "端傳媒記者 陳倩兒 發自香港".
 */
const REPORTER_LINE =
  /^(?:【[^】]{0,30}】)?(?:[（(【[]\s*[\p{Script=Han}A-Za-z]{0,8}?|(?:[\p{Script=Han}A-Za-z]{0,8}?(?:社|台|网|網|报|報|之音|中文|新闻|新聞|传媒|傳媒|特约|特約|实习|實習|[驻駐]\p{Script=Han}{1,4}))?)\s*(?:记者|記者|撰稿人)\s*([\p{Script=Han}·、\s]{2,24}?)\s*(?:综合|綜合)?(?:(?:\d{1,2}日)?(?:报道|報導|报导|報道|專電|专电|電|电)|發自|发自)/u;
const DATEISH = /\d{4}[-/年.]\d{1,2}|\d{1,2}[-/]\d{1,2}[-/]\d{2,4}|GMT|UTC|\d{1,2}:\d{2}/;
/** Visually hidden labels BBC prints inside its person list ("作者，", "Role,"). */
const ROLE_ITEM = /^(?:Role|职务|職務|职位|職位|身份|Reporting from|报道自|報道自)\s*[，,:：]?/i;

function joinNames(names: string[]): string {
  return names.join(names.some((n) => /[\u4e00-\u9fff]/.test(n)) ? '、' : ', ');
}

/** Text with a space at every element boundary, so "<span>斯影</span><span>BBC</span>" splits. */
function spacedText(node: AnyNode): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  if (!isElement(node)) return '';
  if (node.name === 'script' || node.name === 'style') return '';
  return ` ${node.children.map(spacedText).join('')} `;
}

function lineOf(node: AnyNode): string {
  return spacedText(node).replace(/\s+/g, ' ').trim();
}

/** Finds the printed byline near the top of the body, removes it from the content, returns names. */
export function extractByline($: CheerioAPI, root: Element, siteName: string): BylineResult {
  const all = elementsOf(root);
  const firstProse = all.findIndex((e) => e.name === 'p' && textUpTo(e, 60).trim().length >= 40);
  // Bylines print above the story: only look before the first real paragraph.
  const head = all.slice(0, firstProse < 0 ? 300 : Math.min(firstProse, 300));
  const found = personList(head, siteName) ??
    mirrorHeader(head, siteName) ??
    authorTagged(all, siteName) ??
    printedLine(all, head, siteName) ?? { authors: [], byline: '' };
  return { ...found, byline: withoutRepeats(found.byline) };
}

const NAME_SEPARATOR = /\s*[,，、]\s*/;

/**
 * A byline with each name once: feed mirrors print an author field twice over ("HISAKO
 * UENO,HISAKO UENO"), which the reader would show as it stands.
 */
export function withoutRepeats(byline: string): string {
  const parts = byline.split(NAME_SEPARATOR);
  if (parts.length < 2) return byline;
  const seen = new Set<string>();
  const kept = parts.filter((p) => {
    const key = p.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return kept.length === parts.length ? byline : kept.join(NAME_SEPARATOR.exec(byline)![0]);
}

/** BBC: <ul role=list><li>Name</li><li>Title, outlet or English name</li></ul> before the story. */
function personList(head: Element[], siteName: string): BylineResult | null {
  for (const ul of head) {
    if (ul.name !== 'ul' || !ul.parent) continue;
    const items = ul.children.filter((c): c is Element => isElement(c) && c.name === 'li');
    if (items.length === 0 || items.length > 4 || elementsOf(ul).some((e) => e.name === 'a'))
      continue;
    const texts = items.map(lineOf);
    const named = items.filter((li) => /(?:^|-)Name(?:$|\s|-)/.test(li.attribs.class ?? ''));
    // The first item is the person; the rest are roles or the outlet, never a second author.
    const source = named.length > 0 ? named.map(lineOf) : texts.filter((t) => !ROLE_ITEM.test(t));
    const names = source[0] ? personNames(source[0], siteName) : [];
    const bylineShaped =
      names.length > 0 || texts.every((t) => KNOWN_PUBLICATIONS.has(t) || ROLE_ITEM.test(t));
    if (!bylineShaped) continue;
    detach(ul);
    if (names.length > 0) return { authors: names, byline: joinNames(names) };
  }
  return null;
}

/** Feed mirrors: <div><i>NAME<br>2020-07-26T08:58:28Z</i></div> as the first block. */
function mirrorHeader(head: Element[], siteName: string): BylineResult | null {
  for (const i of head.slice(0, 12)) {
    if (i.name !== 'i' || !i.parent) continue;
    const whole = textOf(i).trim();
    if (!DATEISH.test(whole)) continue;
    const br = i.children.findIndex((c) => isElement(c) && c.name === 'br');
    const firstText = i.children
      .slice(0, br + 1 || i.children.length)
      .map((c) => textOf(c))
      .join('')
      .trim();
    const holder = isElement(i.parent) && textOf(i.parent).trim() === whole ? i.parent : i;
    detach(holder);
    const names = firstText && firstText !== whole ? personNames(firstText, siteName) : [];
    return names.length > 0 ? { authors: names, byline: firstText } : null;
  }
  return null;
}

/** Elements marked as the author: rel/itemprop=author, classes "byline", "author-name". */
function authorTagged(all: Element[], siteName: string): BylineResult | null {
  for (const el of all) {
    if (!el.parent || !isAuthorTagged(el)) continue;
    const t = lineOf(el);
    if (t.length === 0 || t.length > 100) continue;
    const names = namesFromCreditLine(t, siteName) ?? personNames(t, siteName);
    if (names.length > 0) {
      detach(el);
      return { authors: names, byline: t };
    }
  }
  return null;
}

/** Short lines at the top or the end: credit lines, reporter datelines, outlet + name lines. */
function printedLine(all: Element[], head: Element[], siteName: string): BylineResult | null {
  const blocks = all.filter(
    (e) => e.parent && (e.name === 'p' || (e.name === 'div' && !e.children.some(isBlock))),
  );
  const edges = [...new Set([...blocks.slice(0, 4), ...blocks.slice(-3)])];
  for (const p of edges) {
    const t = lineOf(p);
    const reporter = REPORTER_LINE.exec(t.slice(0, 80));
    if (reporter?.[1]) {
      const names = personNames(reporter[1].replace(/\s+/g, ' '), siteName);
      if (names.length > 0) return { authors: names, byline: names.join('、') };
    }
    if (t.length > 80) continue;
    const credited = namesFromCreditLine(t, siteName);
    if (credited && credited.length > 0) {
      // Only a line that is all credit leaves the body; "（记者：X）" inside prose stays.
      if (t.length <= 60) detach(p);
      return { authors: credited, byline: t };
    }
  }
  // "斯影 BBC中文", "VOA 方冰 华盛顿": a short header line naming the outlet and a person.
  for (const p of head.slice(0, 40)) {
    if (!p.parent || p.children.some(isBlock)) continue;
    const raw = textUpTo(p, 60).trim();
    // Cheap filters first: most header blocks are empty, long or plain prose.
    if (raw.length < 3 || raw.length > 60 || !/\s/.test(raw) || inImageCredit(p)) continue;
    const t = lineOf(p);
    if (t.length < 3 || t.length > 40 || /[。！？，；]/.test(t) || isCreditLine(t)) continue;
    const words = t.split(' ');
    if (words.length < 2 || !words.some((w) => isOutletToken(w, siteName))) continue;
    const names = personNames(t, siteName);
    if (names.length > 0 && names.length <= 3) {
      detach(p);
      return { authors: names, byline: t };
    }
  }
  return null;
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'li',
  'table',
  'section',
  'article',
  'h1',
  'h2',
  'h3',
  'figure',
  'blockquote',
]);

function isBlock(node: AnyNode): boolean {
  return isElement(node) && BLOCK_TAGS.has(node.name);
}

/** Image credits ("图片版权 Jilla Dastmalchi/BBC") name photographers, not authors. */
function inImageCredit(el: Element): boolean {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 5; depth += 1) {
    if (node.name === 'figure' || node.name === 'figcaption' || node.name === 'small') return true;
    if (/copyright|credit|caption|image|photo|picture|media/i.test(node.attribs.class ?? ''))
      return true;
    node = isElement(node.parent) ? node.parent : null;
  }
  const before = el.prev ? textOf(el.prev).trim() : '';
  return /(?:图片|圖片|图像|圖像)(?:版权|版權|来源|來源)|Copyright|©/i.test(before);
}

function isAuthorTagged(el: Element): boolean {
  const a = el.attribs;
  if (a.rel === 'author' || a.itemprop === 'author') return true;
  const cls = a.class ?? '';
  return /(?:^|\s)(?:author|authors|byline)(?:\s|$)|byline|author-name/i.test(cls);
}
