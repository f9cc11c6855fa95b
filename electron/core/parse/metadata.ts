/**
 * Derived metadata from plain text: excerpt and word count.
 */
import { isHan } from '../../../shared/lang';
import { isCreditLine } from './images';

const EXCERPT_MIN = 120;
const EXCERPT_MAX = 200;

/** First meaningful ~120–200 characters of the body (never a credit or a date line). */
export function makeExcerpt(text: string, title: string): string {
  let out = '';
  for (const para of text.split(/\n{2,}/)) {
    const p = para.replace(/\s+/g, ' ').trim();
    if ([...p].length < 12 || p === title.trim() || isCreditLine(p)) continue;
    if (/^[\d\s:./TZ+-]+$/.test(p)) continue;
    out = out ? `${out} ${p}` : p;
    if ([...out].length >= EXCERPT_MIN) break;
  }
  const chars = [...out];
  if (chars.length <= EXCERPT_MAX) return out;
  const cut = chars.slice(0, EXCERPT_MAX).join('');
  // End on a sentence boundary when one falls in the second half.
  const stop = Math.max(...['。', '！', '？', '. ', '! ', '? '].map((s) => cut.lastIndexOf(s)));
  if (stop >= EXCERPT_MIN / 2) return cut.slice(0, stop + 1).trim();
  const space = cut.lastIndexOf(' ');
  const base = /[\u4e00-\u9fff]/.test(cut) || space < EXCERPT_MIN / 2 ? cut : cut.slice(0, space);
  return `${base.trim()}…`;
}

/** CJK characters plus Latin/digit words. */
export function countWords(text: string): number {
  let cjk = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (isHan(code) || (code >= 0x3040 && code <= 0x30ff) || (code >= 0xac00 && code <= 0xd7af))
      cjk += 1;
  }
  const words = text.match(/[A-Za-z0-9\u00c0-\u024f]+(?:['’.-][A-Za-z0-9\u00c0-\u024f]+)*/g);
  return cjk + (words?.length ?? 0);
}
