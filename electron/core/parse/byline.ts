/**
 * Authors from the byline printed in a dump's body: BBC person lists, the feed mirror's
 * `<i>NAME<br>DATE</i>` header, author-classed elements and "作者：X" / "记者X报道" lines.
 * Publication names ("BBC中文", "路透") are never authors.
 */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { detach, elementsOf, isElement, textOf, textUpTo } from './dom-utils';
import { KNOWN_PUBLICATIONS } from './site-names';

export interface BylineResult {
  authors: string[];
  byline: string;
}

const NOT_A_PERSON =
  /\b(?:BBC|CNA|RFI|RFA|VOA|AFP|AP|News|Reuters|Correspondent|Editor|Reporter|Staff|Agencies)\b|BBC|中央社|新华社|新華社|法广|法廣|中文网|中文網|新闻|新聞|通讯社|通訊社|电台|電台|之音|时报|時報|日报|日報|报社|報社|编辑部|編輯部|路透|法新|美联|美聯|共同社|记者|記者|编辑|編輯|通讯员|特约|駐|驻|综合|綜合|版权|版權|http|www\./i;
const LEAD_LABEL =
  /^(?:文|作者|撰文|撰稿|撰稿人|記者|记者|特约记者|特約記者|编译|編譯|采写|採寫|Written by|By|Text by)\s*[：:｜|/／]?\s*/i;
const LEAD_LINE =
  /^(?:(?:文|作者|撰文|撰稿人?|記者|记者|特约记者|特約記者|编译|編譯|采写|採寫)\s*[：:｜|/／]\s*|(?:Written by|By|Text by)\s+)(.+)$/i;
const REPORTER_LINE = /(?:记者|記者)\s*([\u4e00-\u9fff·]{2,5}?)\s*(?:报道|報導|报导|報道)/;
const DATEISH = /\d{4}[-/年.]\d{1,2}|\d{1,2}[-/]\d{1,2}[-/]\d{2,4}|GMT|UTC|\d{1,2}:\d{2}/;

const publications = [...KNOWN_PUBLICATIONS].filter((n) => n.length >= 3);

/** "(臺)中央社CNA", "经济学人en": an outlet name with decorations is still the outlet. */
function isPublication(name: string): boolean {
  return KNOWN_PUBLICATIONS.has(name) || publications.some((p) => name.includes(p));
}

/** Splits, trims, deduplicates and filters candidate names. */
export function cleanNames(raw: string, siteName: string): string[] {
  const parts = raw
    .replace(/[（(](?:综合报道|綜合報導|综合|綜合|报道|報導|编译|編譯)[)）]/g, '')
    .split(/\s*(?:[,，、;；/／|｜&]|\band\b|\s和\s|\s與\s)\s*/)
    .map((p) =>
      p
        .replace(LEAD_LABEL, '')
        .replace(/\s*(?:报道|報導|撰稿)$/, '')
        .trim(),
    )
    .filter((p) => p.length >= 2 && p.length <= 40);
  const out: string[] = [];
  for (const p of parts) {
    if (NOT_A_PERSON.test(p) || p === siteName || isPublication(p)) continue;
    if (DATEISH.test(p) || /^[\d\s:./-]+$/.test(p)) continue;
    const name = titleCaseShouting(p);
    if (!out.some((o) => o.toLowerCase() === name.toLowerCase())) out.push(name);
  }
  return out;
}

/** "RICHARD PÉREZ-PEÑA" → "Richard Pérez-Peña"; mixed-case names stay as printed. */
function titleCaseShouting(name: string): string {
  if (!/\p{Lu}{2,}/u.test(name) || /\p{Ll}/u.test(name)) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

function joinNames(names: string[]): string {
  return names.join(names.some((n) => /[\u4e00-\u9fff]/.test(n)) ? '、' : ', ');
}

/** Finds the printed byline near the top of the body, removes it from the content, returns names. */
export function extractByline($: CheerioAPI, root: Element, siteName: string): BylineResult {
  const all = elementsOf(root);
  const firstProse = all.findIndex((e) => e.name === 'p' && textUpTo(e, 60).trim().length >= 40);
  // Bylines print above the story: only look before the first real paragraph.
  const head = all.slice(0, firstProse < 0 ? 300 : Math.min(firstProse, 300));

  // BBC: <ul role=list><li>Name</li><li>Title or outlet</li></ul> before the story.
  for (const ul of head) {
    if (ul.name !== 'ul' || !ul.parent) continue;
    const items = ul.children.filter((c): c is Element => isElement(c) && c.name === 'li');
    if (items.length === 0 || items.length > 4 || elementsOf(ul).some((e) => e.name === 'a'))
      continue;
    const named = items.filter((li) => /(?:^|-)Name(?:$|\s|-)/.test(li.attribs.class ?? ''));
    const source = named.length > 0 ? named : items;
    const names = cleanNames(source.map((li) => textOf(li).trim()).join('、'), siteName);
    if (names.length > 0 || items.every((li) => KNOWN_PUBLICATIONS.has(textOf(li).trim()))) {
      detach(ul);
      if (names.length > 0) return { authors: names, byline: joinNames(names) };
    }
  }

  // Feed mirrors: <div><i>NAME<br>2020-07-26T08:58:28Z</i></div> as the first block.
  for (const i of head.slice(0, 12)) {
    if (i.name !== 'i' || !i.parent) continue;
    const whole = textOf(i).trim();
    if (!DATEISH.test(whole)) continue;
    const firstText = i.children
      .slice(
        0,
        i.children.findIndex((c) => isElement(c) && c.name === 'br') + 1 || i.children.length,
      )
      .map((c) => textOf(c))
      .join('')
      .trim();
    const holder = isElement(i.parent) && textOf(i.parent).trim() === whole ? i.parent : i;
    detach(holder);
    const names = firstText && firstText !== whole ? cleanNames(firstText, siteName) : [];
    if (names.length > 0) return { authors: names, byline: firstText };
    break;
  }

  // Author-classed elements.
  const tagged = all.filter((e) => e.parent && isAuthorTagged(e));
  for (const el of tagged) {
    const t = textOf(el).replace(/\s+/g, ' ').trim();
    if (t.length === 0 || t.length > 80) continue;
    const names = cleanNames(t, siteName);
    if (names.length > 0) {
      detach(el);
      return { authors: names, byline: t };
    }
  }

  // Printed lines: "作者：X", "文／X", "记者X报道", "By X".
  const paras = all.filter(
    (e) => e.parent && (e.name === 'p' || (e.name === 'div' && !e.children.some(isElement))),
  );
  const edges = [...paras.slice(0, 4), ...paras.slice(-3)];
  for (const p of edges) {
    const t = textOf(p).replace(/\s+/g, ' ').trim();
    const reporter = REPORTER_LINE.exec(t.slice(0, 80));
    if (reporter?.[1]) {
      const names = cleanNames(reporter[1], siteName);
      if (names.length > 0) return { authors: names, byline: names.join('、') };
    }
    const lead = t.length <= 60 ? LEAD_LINE.exec(t) : null;
    if (lead?.[1]) {
      const names = cleanNames(lead[1], siteName);
      if (names.length > 0) {
        detach(p);
        return { authors: names, byline: t };
      }
    }
  }
  return { authors: [], byline: '' };
}

function isAuthorTagged(el: Element): boolean {
  const a = el.attribs;
  if (a.rel === 'author' || a.itemprop === 'author') return true;
  const cls = a.class ?? '';
  return /(?:^|\s)(?:author|authors|byline)(?:\s|$)|byline|author-name/i.test(cls);
}
