/**
 * Bytes → text without mojibake: BOM, then strict UTF-8, then the page's declared charset,
 * then a frequency check among the Chinese legacy encodings (GB18030, Big5) and chardet.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { hasUtf16Bom, looksUtf16 } from './sniff';

export interface Decoded {
  text: string;
  /** Canonical name of the encoding used, e.g. "utf-8", "gb18030", "big5", "utf-16le". */
  encoding: string;
}

// Characters frequent in Chinese prose in either script: a right decoding hits them often.
const COMMON_HAN = new Set(
  '的一是不了在人有我他这個这们們中来來上大为為和国國地到以说說时時要就出会會可也你对對生能而子那得于' +
    '着著下自之年过過发發后後作里用道行所然家种種事成方多经經么去法学學如都同现現当當没沒动動面起看定天分' +
    '还還进進好小部其些主样樣理心她本前开開但因只从從想实實日军軍者意无無力它与與长長把机機十民第公此已工' +
    '使情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并物手应應战戰向头頭文体體政美相见見被利什二' +
    '等产產或新己制身果加西斯月话話合回特代内內信表化老给給世位次度门門任常先海通教儿兒原东東声聲提立及比员員' +
    '，。、：；“”（）《》！？',
);

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lossy = new TextDecoder('utf-8');

/** Decodes file bytes, recording which encoding was used. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8Lossy.decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (hasUtf16Bom(bytes)) {
    const le = bytes[0] === 0xff;
    return {
      text: iconv.decode(Buffer.from(bytes.subarray(2)), le ? 'utf-16le' : 'utf-16be'),
      encoding: le ? 'utf-16le' : 'utf-16be',
    };
  }
  if (looksUtf16(bytes)) {
    const le = bytes[1] === 0;
    const encoding = le ? 'utf-16le' : 'utf-16be';
    return { text: iconv.decode(Buffer.from(bytes), encoding), encoding };
  }
  try {
    return { text: utf8Strict.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not clean UTF-8: fall through to declared and detected charsets.
  }
  const declared = declaredCharset(bytes);
  if (declared && declared !== 'utf-8' && iconv.encodingExists(declared)) {
    return { text: iconv.decode(Buffer.from(bytes), declared), encoding: declared };
  }
  return detectLegacy(bytes, declared === 'utf-8');
}

/** The charset named by a BOM-less page's <meta> or XML declaration, normalised; null if none. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m =
    /<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_:.-]{2,40})/i.exec(head) ??
    /<\?xml[^>]{0,100}?encoding\s*=\s*["']([a-z0-9_:.-]{2,40})/i.exec(head);
  return m?.[1] ? normaliseCharset(m[1]) : null;
}

/** Maps charset labels onto the decoder we use: GBK-family labels all decode as GB18030. */
export function normaliseCharset(label: string): string {
  const l = label.trim().toLowerCase();
  if (l === 'utf8' || l === 'utf-8') return 'utf-8';
  if (l === 'gb2312' || l === 'gbk' || l === 'gb18030' || l === 'x-gbk' || l === 'cp936') {
    return 'gb18030';
  }
  if (l === 'big5' || l === 'big5-hkscs' || l === 'x-x-big5' || l === 'cp950') return 'big5';
  return l;
}

function hanScore(text: string): number {
  let hits = 0;
  let bad = 0;
  const sample = text.length > 50_000 ? text.slice(0, 50_000) : text;
  for (const ch of sample) {
    if (COMMON_HAN.has(ch)) hits += 1;
    else if (ch === '\ufffd' || (ch >= '\ue000' && ch <= '\uf8ff')) bad += 1;
  }
  return hits - 5 * bad;
}

function detectLegacy(bytes: Uint8Array, claimedUtf8: boolean): Decoded {
  const buf = Buffer.from(bytes);
  const lossy = utf8Lossy.decode(bytes);
  const replaced = countChar(lossy, '\ufffd');
  const multibyte = countNonAscii(lossy);
  // Mostly valid UTF-8 with a few broken bytes (truncated copy, bad upstream feed): keep UTF-8.
  if (claimedUtf8 || replaced <= Math.max(2, multibyte * 0.02)) {
    return { text: lossy, encoding: 'utf-8' };
  }
  const candidates = new Map<string, string>();
  for (const enc of ['gb18030', 'big5']) candidates.set(enc, iconv.decode(buf, enc));
  const guess = chardet.detect(bytes);
  const guessed = guess ? normaliseCharset(guess) : null;
  if (guessed && !candidates.has(guessed) && iconv.encodingExists(guessed)) {
    candidates.set(guessed, iconv.decode(buf, guessed));
  }
  let best: Decoded | null = null;
  let bestScore = -Infinity;
  for (const [encoding, text] of candidates) {
    const score = hanScore(text);
    if (score > bestScore) {
      bestScore = score;
      best = { text, encoding };
    }
  }
  // No Chinese evidence at all: trust chardet's single-byte guess, else Windows-1252.
  if (!best || bestScore <= 0) {
    const enc = guessed && iconv.encodingExists(guessed) ? guessed : 'windows-1252';
    return { text: iconv.decode(buf, enc), encoding: enc };
  }
  return best;
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n += 1;
  return n;
}

function countNonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 0x7f) n += 1;
  return n;
}
