/**
 * Deal and product-roundup articles end each item with buy links ("Get it at Walmart for
 * $239", "See it now: Amazon"). They are short lists of links, like related-story lists, but
 * they are part of the item the article describes.
 */

const BUY =
  /[$£€¥]\s?\d|\d\s?(?:€|USD|EUR|GBP)\b|^(?:see it|get it|buy(?: it)?|shop(?: it)?|order(?: it)?|also at|available at)\b/i;
/** More entries than this is a link list, whatever the entries say. */
const MAX_ITEMS = 3;

/** True for a short list (entry texts given) whose entries are all buy links. */
export function isShoppingList(entries: string[]): boolean {
  if (entries.length === 0 || entries.length > MAX_ITEMS) return false;
  return entries.every((t) => {
    const s = t.replace(/\s+/g, ' ').trim();
    return s.length > 0 && s.length <= 80 && BUY.test(s);
  });
}
