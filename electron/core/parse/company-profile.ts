/**
 * Press releases end with the issuer's standard profile ("Acme is a global provider of …,
 * headquartered in …"), set apart by a rule or an "About Acme" heading. It describes the
 * company rather than the news and is the same on every release, so the article ends before it.
 */
import type { Element } from 'domhandler';
import { detach, isElement, textOf } from './dom-utils';

/** "Acme is a …", "Acme Corp. (NYSE: ACME) is one of …", "The Acme Group is the …". */
const PROFILE_START =
  /^(?:the\s+)?[\p{Lu}\d][\p{L}\d&'’.-]*(?:\s+[\p{Lu}\d&][\p{L}\d&'’.-]*){0,5},?\s+(?:\([^)]{1,40}\)\s+)?(?:is|are)\s+(?:a|an|the|one of)\s/u;
/** What a profile states besides the description: where, how big, where listed, where to read more. */
const PROFILE_FACTS =
  /headquartered|\bfounded in\b|\bemploys\b|\bemployees\b|\blisted on\b|stock exchange|subsidiaries|\boffices in\b|www\.|for more information/i;
const ABOUT_HEADING = /^About\s+(?:the\s+)?[\p{Lu}\d][^.!?:]{0,60}:?$/u;
const HEADING = /^h[2-6]$/;
/** A profile is a few short paragraphs; more text after the marker is more than a profile. */
const MAX_PROFILE_CHARS = 2000;
const MAX_PROFILE_BLOCKS = 6;

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

function isAboutHeading(el: Element): boolean {
  if (!HEADING.test(el.name) && el.name !== 'p' && el.name !== 'strong') return false;
  return ABOUT_HEADING.test(clean(textOf(el)));
}

/** True when `blocks` read as a company profile: a description sentence and a stated fact. */
function isProfile(blocks: Element[]): boolean {
  const texts = blocks.map((b) => clean(textOf(b))).filter((t) => t.length > 0);
  const first = texts[0];
  if (!first || !PROFILE_START.test(first)) return false;
  return PROFILE_FACTS.test(texts.join(' '));
}

/** Removes a company profile that closes the content, with the rule or heading above it. */
export function removeCompanyProfile(root: Element): void {
  const kids = root.children.filter(isElement);
  const tail: Element[] = [];
  let chars = 0;
  for (let i = kids.length - 1; i >= 0; i -= 1) {
    const el = kids[i] as Element;
    if (el.name === 'hr' || isAboutHeading(el)) {
      if (tail.length > 0 && isProfile(tail)) {
        for (const b of tail) detach(b);
        detach(el);
      }
      return;
    }
    chars += clean(textOf(el)).length;
    if (chars > MAX_PROFILE_CHARS || tail.length >= MAX_PROFILE_BLOCKS) return;
    tail.unshift(el);
  }
}
