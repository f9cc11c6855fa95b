/**
 * Publisher boilerplate printed at the end of articles: copyright notices, paywall prompts,
 * "The post … appeared first on …", feed-plugin lines, newsletter pitches.
 */
import type { Element } from 'domhandler';
import { detach, elementsOf, textUpTo } from './dom-utils';

const TRAILING = [
  /^The post .{1,300} appeared first on /i,
  /^(?:©|Copyright|版权所有|版權所有).{0,200}(?:版权|版權|著作权|著作權|rights reserved|Permalink)/i,
  /(?:版权声明|版權聲明|不得擅自使用|未经授权不得|未經授權不得|All rights reserved)/i,
  /^(?:我们的标准|我們的標準|Our Standards)[:：]/,
  /Feed enhanced by|Better Feed from/i,
  /(?:付費會員|付费会员|閱讀餘下全文|阅读余下全文|暢讀全站|畅读全站|訂閱全文|订阅全文)/,
  /^This article appeared in the .{1,80} section of the print edition/i,
  /^(?:For access to|Sign up|Subscribe)\b.{0,120}(?:subscribe|newsletter|edition)/i,
  /newsletter\. Sign up here\.?$/i,
  /^[-—_=*·•\s]{3,}$/,
  /^摘编自其他媒体的内容，不代表/,
];

const BLOCKS = new Set(['p', 'li', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6', 'small', 'em', 'i']);

/** True for a line that is publisher boilerplate rather than article prose. */
export function isBoilerplateLine(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t === '' || t.length > 400) return false;
  return TRAILING.some((re) => re.test(t));
}

/** Removes boilerplate blocks at the end of the content, and feed artefacts ("null") anywhere. */
export function removeBoilerplate(root: Element): void {
  const blocks = elementsOf(root).filter((e) => BLOCKS.has(e.name));
  for (const b of blocks) if (textUpTo(b, 10).trim() === 'null') detach(b);
  // Walk back from the end; stop at the first real paragraph so prose mentioning "版权" stays.
  let prose = 0;
  for (let i = blocks.length - 1; i >= 0 && prose < 3; i -= 1) {
    const b = blocks[i] as Element;
    if (!b.parent) continue;
    const t = textUpTo(b, 500);
    if (isBoilerplateLine(t)) detach(b);
    else if (t.trim().length > 0) prose += 1;
  }
}
