/**
 * Short texts that are page furniture whatever element carries them: labels ("Advertisement",
 * "Read more"), unexpanded shortcodes and date lines.
 */

/** Short labels that are furniture whatever element carries them. */
const LABEL =
  /^(advertisement|advertising|advert|ad|this slideshow requires javascript|tell us what you think|comments?|leave a (comment|reply)|sponsored( content| links)?|ad choices|sharing is caring!?|close|caption|image (\d+ )?of( \d+| \/)?|anzeige|werbung|publicidade|publicidad|publicité|pubblicità|iklan|реклама|広告|광고|story continues below( advertisement)?|continue reading( below)?|read more|read next|related( stories| articles| content| coverage)?|more (stories|on this)|share( this( article| story)?)?|you may also like|recommended|广告|相关(文章|阅读|新闻|报道)|延伸阅读|推荐阅读|分享(到|本文)?|you (may|might) (also )?like|don'?t miss|must read|more from [\w .]+|(sign up|subscribe) (for|to) our newsletters?)\s*[:：.…]*$/i;
/** WordPress shortcodes a feed or theme failed to expand: "[button link=…]Send[/button]". */
const SHORTCODE = /^\[([a-z_-]+)\b[^\]]*\].{0,200}\[\/\1\]$/i;

/** Category and tag lines under a post: "Filed under: Politics | Europe". */
const TAXONOMY =
  /^(?:filed (?:under|in)|posted in|categor(?:y|ies)|tags|tagged(?: with)?|topics)\s*[:：]/i;

/** True for a short label such as "Advertisement" or "Related stories", in several languages. */
export function isLabel(text: string): boolean {
  return LABEL.test(text) || TAXONOMY.test(text);
}

/** True for a WordPress shortcode left unexpanded. */
export function isShortcode(text: string): boolean {
  return SHORTCODE.test(text);
}

const DATE_WORDS =
  /\b(published|updated|posted|last|first|modified|on|at|am|pm|a\.m|p\.m|gmt|utc|bst|est|edt|cst|cdt|pst|pdt|et|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tue(s(day)?)?|wed(nesday)?|thu(rs(day)?)?|fri(day)?|sat(urday)?|sun(day)?|ago|an?|hours?|minutes?|mins?|days?|read)\b|发布|更新|时间|[年月日时分秒]/gi;

/**
 * True for a line that is only a date, a time, a reading time ("• 2 min read") and words like
 * "Published" or "Updated".
 */
export function isDateLine(text: string): boolean {
  if (!/\d|\bago\b/i.test(text)) return false;
  if (isYearAndTime(text)) return true;
  const rest = text.replace(DATE_WORDS, ' ').replace(/[\d\s.,:;|/\-–—()：，•·]+/g, '');
  return rest.length <= 2;
}

/**
 * Dates in languages the word list does not cover ("sexta-feira, 22 de outubro de 2010 às 20:13"):
 * a short line with a year and a clock time and only a few words besides.
 */
function isYearAndTime(text: string): boolean {
  const t = text.trim();
  if (t.length > 60 || /[.!?]$/.test(t)) return false;
  if (!/\b(?:19|20)\d\d\b/.test(t) || !/\b\d{1,2}[:h]\d\d\b/.test(t)) return false;
  return (t.match(/\p{L}+/gu) ?? []).length <= 6;
}
