/**
 * Turns every image in the content into `<figure><img><figcaption>` with its real source,
 * caption and credit, and reports them as structured `ImageRef`s.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { ImageRef } from '../../../shared/model';
import { Element as DomElement, Text } from 'domhandler';
import { detach, elementsOf, relink, replaceWith } from './dom-utils';
import { largestFromSrcset, resolveUrl, unproxyImage } from './urls';

const LAZY_ATTRS = [
  'data-src',
  'data-original',
  'data-lazy-src',
  'data-hi-res-src',
  'data-full-src',
  'data-url',
  'data-lazy',
];
const PLACEHOLDER =
  /(?:placeholder|spacer|blank|transparent|loading|pixel|1x1|grey-?bg)\.(?:gif|png|svg|jpg)/i;
/** Elements holding an image credit rather than caption text. */
const CREDIT_CLASS = /copyright|credit|photographer|source/i;
/** Screen-reader labels such as "图像来源，" or "Image caption". */
const HIDDEN_LABEL_CLASS = /visuallyhidden|off-screen|sr-only|screen-reader|visually-hidden/i;
const CREDIT_PREFIX =
  /^(?:图像来源|图片来源|图片版权|图片提供|圖片來源|圖片提供|影像來源|摄影|攝影|Image source|Photo(?:graph)?(?: credit)?|Credit|Copyright|Source|©)\s*[,，:：]?\s*/i;
const CAPTION_LABEL =
  /^(?:图像加注文字|图片说明|圖片說明|图说|Image caption|Caption)\s*[,，:：]?\s*/i;
const TRAILING_CREDIT =
  /\s*[（(]?(?:©|图片来源[:：]|圖片來源[:：]|\(Photo:)\s*([^©）)]{1,60})[）)]?\s*$/;

function isElement(node: AnyNode | null | undefined): node is Element {
  return !!node && (node.type === 'tag' || node.type === 'script' || node.type === 'style');
}

function isPlaceholder(url: string): boolean {
  if (/^data:/i.test(url)) return url.length < 400 || !/^data:image\//i.test(url);
  return PLACEHOLDER.test(url);
}

/** The publisher's best URL for an image: srcset/picture sources, lazy attributes, then src. */
export function realImageSource(img: Element, baseUrl: string | null): string | null {
  const candidates: string[] = [];
  const picture =
    img.parent && isElement(img.parent) && img.parent.name === 'picture' ? img.parent : null;
  if (picture) {
    // Prefer widely supported types over webp/avif, then the widest candidate.
    const sources = picture.children.filter(
      (c): c is Element => isElement(c) && c.name === 'source',
    );
    const ranked = [...sources].sort((a, b) => typeRank(a) - typeRank(b));
    for (const s of ranked) {
      const set = s.attribs.srcset ?? s.attribs['data-srcset'];
      const best = set ? largestFromSrcset(set) : null;
      if (best) candidates.push(best);
    }
  }
  for (const attr of ['srcset', 'data-srcset']) {
    const set = img.attribs[attr];
    const best = set ? largestFromSrcset(set) : null;
    if (best) candidates.push(best);
  }
  for (const attr of [...LAZY_ATTRS, 'src']) {
    const v = img.attribs[attr];
    if (v) candidates.push(v);
  }
  for (const raw of candidates) {
    const resolved = resolveUrl(raw, baseUrl);
    if (!resolved || isPlaceholder(resolved)) continue;
    if (!/^(?:https?:|data:image\/)/i.test(resolved)) continue;
    return unproxyImage(resolved);
  }
  return null;
}

function typeRank(source: Element): number {
  const type = (source.attribs.type ?? '').toLowerCase();
  if (type === '' || type.includes('jpeg') || type.includes('png') || type.includes('gif'))
    return 0;
  return 1;
}

/** Text of a subtree, skipping screen-reader labels and (optionally) credit elements. */
function visibleText(root: AnyNode, skipCredit: boolean): string {
  const out: string[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.type === 'text') {
      out.push((node as unknown as { data: string }).data);
      continue;
    }
    if (!isElement(node)) continue;
    if (node.name === 'script' || node.name === 'style') continue;
    const cls = node.attribs.class ?? '';
    if (HIDDEN_LABEL_CLASS.test(cls)) continue;
    if (skipCredit && isCreditElement(node)) continue;
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as AnyNode);
  }
  return out.join('').replace(/\s+/g, ' ').trim();
}

function isCreditElement(el: Element): boolean {
  if (el.name === 'img' || el.name === 'figcaption') return false;
  const cls = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  if (CREDIT_CLASS.test(cls)) return true;
  if (el.attribs.role === 'text') return true;
  return false;
}

function collectCredit(container: AnyNode): string {
  const found: string[] = [];
  const stack: AnyNode[] = [container];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isElement(node)) continue;
    if (node.name !== 'figcaption' && isCreditElement(node)) {
      const t = cleanCredit(visibleText(node, false));
      if (t) found.push(t);
      continue;
    }
    for (const c of node.children) stack.push(c);
  }
  return found[0] ?? '';
}

/** Strips labels such as "图像来源，" and "©" from a credit line. */
export function cleanCredit(text: string): string {
  let t = text.trim();
  for (let i = 0; i < 3 && CREDIT_PREFIX.test(t); i += 1) t = t.replace(CREDIT_PREFIX, '');
  return t.trim();
}

/** True when a short line is only an image credit ("图像来源，EPA", "©Reuters", "图片版权 X"). */
export function isCreditLine(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 80 && CREDIT_PREFIX.test(t) && !/[。！？]$/.test(t);
}

/** Climbs from the image to the largest ancestor that holds nothing but the image and its credit. */
function imageBlock(img: Element, root: Element): Element {
  const figure = closest(img, 'figure', root);
  if (figure) return figure;
  let cur: Element = img;
  for (let steps = 0; steps < 8; steps += 1) {
    const parent = cur.parent;
    if (!isElement(parent) || parent === root) break;
    if (parent.name === 'p' || parent.name === 'li' || parent.name === 'td' || parent.name === 'a')
      break;
    if (countImages(parent) > 1) break;
    if (visibleText(parent, true) !== '') break;
    cur = parent;
  }
  return cur;
}

function closest(el: Element, name: string, root: Element): Element | null {
  let cur: AnyNode | null = el.parent;
  while (isElement(cur) && cur !== root) {
    if (cur.name === name) return cur;
    cur = cur.parent;
  }
  return null;
}

function countImages(el: Element): number {
  let n = 0;
  const stack: AnyNode[] = [el];
  while (stack.length > 0 && n < 2) {
    const node = stack.pop() as AnyNode;
    if (!isElement(node)) continue;
    if (node.name === 'img') n += 1;
    for (const c of node.children) stack.push(c);
  }
  return n;
}

function nextElement(el: Element): Element | null {
  let cur = el.next;
  while (cur && !isElement(cur)) {
    if (cur.type === 'text' && (cur as unknown as { data: string }).data.trim() !== '') return null;
    cur = cur.next;
  }
  return isElement(cur) ? cur : null;
}

/** A caption printed next to the image block rather than inside a <figure>. */
function siblingCaption(block: Element): Element | null {
  const next = nextElement(block);
  if (!next || countImages(next) > 0) return null;
  const text = visibleText(next, false);
  if (text === '' || text.length > 300) return null;
  const kids = next.children.filter(isElement);
  const only = kids.length === 1 ? kids[0] : null;
  // Feed mirrors: <img><div><small>caption</small></div>.
  if (next.name === 'small' || (only && only.name === 'small' && next.name === 'div')) return next;
  if (next.name === 'figcaption' || /caption/i.test(next.attribs.class ?? '')) return next;
  // BBC: image block and a one-paragraph caption are the only two children of their wrapper.
  const parent = block.parent;
  if (isElement(parent) && parent.children.filter(isElement).length === 2) {
    if (next.name === 'p' || (next.name === 'div' && only && only.name === 'p')) return next;
  }
  return null;
}

function splitTrailingCredit(caption: string): { caption: string; credit: string } {
  const m = TRAILING_CREDIT.exec(caption);
  if (!m || m.index === 0) return { caption, credit: '' };
  return { caption: caption.slice(0, m.index).trim(), credit: (m[1] ?? '').trim() };
}

function meaningfulAlt(alt: string, credit: string): boolean {
  if ([...alt].length < 4 || alt === credit) return false;
  return (
    !/\.(?:jpe?g|png|gif|webp)$/i.test(alt) && !/^(?:image|photo|picture|图片|圖片)$/i.test(alt)
  );
}

/** Rewrites every image under `root` as a clean figure and returns the images found. */
export function normaliseImages($: CheerioAPI, root: Element, baseUrl: string | null): ImageRef[] {
  const images: ImageRef[] = [];
  const seen = new Set<string>();
  const imgs = elementsOf(root).filter((e) => e.name === 'img');
  for (const img of imgs) {
    if (!img.parent) continue;
    const src = realImageSource(img, baseUrl);
    const holder = isElement(img.parent) && img.parent.name === 'picture' ? img.parent : img;
    if (!src || seen.has(src)) {
      detach(holder);
      continue;
    }
    seen.add(src);
    const block = imageBlock(img, root);
    let captionText = '';
    const figcaption = elementsOf(block).find(
      (e) => e.name === 'figcaption' || /caption/i.test(e.attribs.class ?? ''),
    );
    if (figcaption) {
      captionText = visibleText(figcaption, true);
    } else {
      const sib = siblingCaption(block);
      if (sib) {
        captionText = visibleText(sib, true);
        detach(sib);
      }
    }
    let credit = collectCredit(block);
    captionText = captionText.replace(CAPTION_LABEL, '').trim();
    const split = splitTrailingCredit(captionText);
    captionText = split.caption;
    if (!credit && split.credit) credit = split.credit;
    if (isCreditLine(captionText) && !credit) {
      credit = cleanCredit(captionText);
      captionText = '';
    }
    const alt = (img.attribs.alt ?? '').replace(/\s+/g, ' ').trim();
    const caption = captionText || (meaningfulAlt(alt, credit) ? alt : '');
    images.push({ src, alt, caption, credit });
    replaceWith(block, [buildFigure(src, alt, caption, credit)]);
  }
  return images;
}

function el(name: string, attribs: Record<string, string>, children: AnyNode[]): Element {
  const node = new DomElement(name, attribs, children);
  for (const c of children) c.parent = node;
  relink(node);
  return node;
}

/** `<figure><img><figcaption>caption <small>credit</small></figcaption></figure>`. */
function buildFigure(src: string, alt: string, caption: string, credit: string): Element {
  const kids: AnyNode[] = [el('img', { src, alt }, [])];
  if (caption || credit) {
    const cap: AnyNode[] = [];
    if (caption) cap.push(new Text(credit ? `${caption} ` : caption));
    if (credit) cap.push(el('small', {}, [new Text(credit)]));
    kids.push(el('figcaption', {}, cap));
  }
  return el('figure', {}, kids);
}
