/**
 * Language-neutral text measures. A CJK character carries roughly the information of a short
 * Latin word, so lengths are counted in "units" that weigh it accordingly; punctuation counts
 * both Latin and CJK marks.
 */

/** Units one CJK (Han, kana) character is worth: about an English word with its space. */
const CJK_WEIGHT = 3;
/** Hangul syllables sit between: words are spaced, syllables are dense. */
const HANGUL_WEIGHT = 2;

/** Measures of a piece of text. */
export interface TextMeasure {
  /** Weighted length without whitespace. */
  units: number;
  /** Clause and sentence marks: , ， 、 ; ； 。 ！ ？ ! ? and a full stop before a space. */
  punct: number;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0x200b;
}

function weightOf(c: number): number {
  if (c < 0x1100) return 1;
  if (
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff)
  ) {
    return CJK_WEIGHT;
  }
  if (c >= 0xac00 && c <= 0xd7af) return HANGUL_WEIGHT;
  return 1;
}

function isPunct(c: number, next: number): boolean {
  switch (c) {
    case 44: // ,
    case 59: // ;
    case 33: // !
    case 63: // ?
    case 0xff0c: // ，
    case 0x3001: // 、
    case 0xff1b: // ；
    case 0x3002: // 。
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0xff1a: // ：
      return true;
    case 46: // . ends a sentence only before whitespace or the end
      return Number.isNaN(next) || isSpace(next);
    default:
      return false;
  }
}

/** Adds the measures of `text` into `into` (no allocation: this runs for every text node). */
export function measureInto(text: string, into: TextMeasure): void {
  let units = 0;
  let punct = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    units += weightOf(c);
    if (isPunct(c, text.charCodeAt(i + 1))) punct++;
  }
  into.units += units;
  into.punct += punct;
}

/** Measures one string. */
export function measureText(text: string): TextMeasure {
  const m = { units: 0, punct: 0 };
  measureInto(text, m);
  return m;
}

/** True when the text ends like a sentence (Latin or CJK), ignoring closing quotes. */
export function endsSentence(text: string): boolean {
  return /[.!?。！？…:：][”"'’」』)）]*\s*$/u.test(text);
}
