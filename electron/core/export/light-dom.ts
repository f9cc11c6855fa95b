/**
 * A small DOM for turndown to walk instead of domino's. Parsing with domino builds a full HTML5
 * document and took half of turndown's time; article HTML comes from the sanitiser, well formed,
 * and for well-formed HTML of the tags below an HTML5 parser builds exactly the nesting that the
 * tags show. lightDom() builds that tree, or returns null at the first thing for which an HTML5
 * parser could build something else (a block inside a paragraph, a list item outside a list, a
 * misnested or unclosed tag, a table, a comment, an entity other than the sanitiser's own, a
 * carriage return…): turndown then parses the string with domino as before. The nodes offer
 * what turndown, its GFM plugin and markdown.ts's rules read of a DOM node.
 */

// Tags built here: those whose HTML5 tree is their nesting when well formed (the sanitiser's
// list without tables, <pre>, whose first newline HTML5 drops, and <caption>).
const INLINE = ['a', 'abbr', 'b', 'br', 'cite', 'code', 'em', 'i', 'img', 'mark', 'q', 's'].concat([
  'small',
  'strong',
  'sub',
  'sup',
  'u',
]);
// Block tags: each one's start tag closes an open <p> in an HTML5 parser.
const BLOCK = [
  'blockquote',
  'dd',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'hr',
  'li',
  'ol',
  'p',
].concat(['ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const KNOWN = new Set([...INLINE, ...BLOCK]);
const CLOSES_P = new Set(BLOCK);
const VOID = new Set(['br', 'hr', 'img']);
const HEADING = /^h[1-6]$/;
// The parent an HTML5 parser requires (it closes or moves the element otherwise).
const PARENTS: Readonly<Record<string, ReadonlySet<string>>> = {
  li: new Set(['ul', 'ol']),
  dt: new Set(['dl']),
  dd: new Set(['dl']),
};
// The character references the sanitiser writes.
const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const TAG = /<(\/?)([a-z][a-z0-9]*)((?:[ \t\n\f]+[a-z][a-z0-9-]*(?:="[^"]*")?)*)[ \t\n\f]*(\/?)>/y;
const ATTRIBUTE = /([a-z][a-z0-9-]*)(?:="([^"]*)")?/g;

/** A text node. */
export class LightText {
  readonly nodeType = 3;
  readonly nodeName = '#text';
  parentNode: LightElement | null = null;
  previousSibling: LightNode | null = null;
  nextSibling: LightNode | null = null;
  // Set by turndown on every node it converts.
  isBlock = false;
  isCode = false;
  isBlank = false;
  flankingWhitespace: unknown = null;

  constructor(public data: string) {}

  get nodeValue(): string {
    return this.data;
  }

  get textContent(): string {
    return this.data;
  }
}

/** An element node. */
export class LightElement {
  readonly nodeType = 1;
  readonly nodeName: string;
  parentNode: LightElement | null = null;
  previousSibling: LightNode | null = null;
  nextSibling: LightNode | null = null;
  firstChild: LightNode | null = null;
  lastChild: LightNode | null = null;
  isBlock = false;
  isCode = false;
  isBlank = false;
  flankingWhitespace: unknown = null;

  constructor(
    readonly localName: string,
    private readonly attributes: ReadonlyMap<string, string>,
  ) {
    this.nodeName = localName.toUpperCase();
  }

  get childNodes(): LightNode[] {
    const out: LightNode[] = [];
    for (let c = this.firstChild; c; c = c.nextSibling) out.push(c);
    return out;
  }

  get children(): LightElement[] {
    const out: LightElement[] = [];
    for (let c = this.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c);
    return out;
  }

  get lastElementChild(): LightElement | null {
    for (let c = this.lastChild; c; c = c.previousSibling) if (c.nodeType === 1) return c;
    return null;
  }

  get textContent(): string {
    let text = '';
    for (let c = this.firstChild; c; c = c.nextSibling) text += c.textContent;
    return text;
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  /** Descendants with the tag name (any case), in document order. */
  getElementsByTagName(name: string): LightElement[] {
    const out: LightElement[] = [];
    collect(this, name.toUpperCase(), out, false);
    return out;
  }

  /** The first descendant with the tag name: the only selector the Markdown rules use. */
  querySelector(tagName: string): LightElement | null {
    const out: LightElement[] = [];
    collect(this, tagName.toUpperCase(), out, true);
    return out[0] ?? null;
  }

  /** turndown converts a copy of a node it is given; a light tree serves one conversion. */
  cloneNode(): this {
    return this;
  }

  appendChild(child: LightNode): void {
    child.parentNode = this;
    child.previousSibling = this.lastChild;
    if (this.lastChild) this.lastChild.nextSibling = child;
    else this.firstChild = child;
    this.lastChild = child;
  }

  removeChild(child: LightNode): LightNode {
    if (child.previousSibling) child.previousSibling.nextSibling = child.nextSibling;
    else this.firstChild = child.nextSibling;
    if (child.nextSibling) child.nextSibling.previousSibling = child.previousSibling;
    else this.lastChild = child.previousSibling;
    child.parentNode = child.previousSibling = child.nextSibling = null;
    return child;
  }
}

export type LightNode = LightText | LightElement;

function collect(el: LightElement, name: string, out: LightElement[], first: boolean): void {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue;
    if (c.nodeName === name) {
      out.push(c);
      if (first) return;
    }
    collect(c, name, out, first);
    if (first && out.length > 0) return;
  }
}

/** Text with the sanitiser's character references decoded; null for any other "&". */
function decode(text: string): string | null {
  if (!text.includes('&')) return text;
  let out = '';
  let from = 0;
  for (let at = text.indexOf('&'); at >= 0; at = text.indexOf('&', from)) {
    const end = text.indexOf(';', at);
    const char = end > at ? ENTITIES[text.slice(at, end + 1)] : undefined;
    if (char === undefined) return null;
    out += text.slice(from, at) + char;
    from = end + 1;
  }
  return out + text.slice(from);
}

const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

function attributesOf(source: string): ReadonlyMap<string, string> | null {
  // Most tags have none.
  if (!source) return NO_ATTRIBUTES;
  const attributes = new Map<string, string>();
  for (const [, name, raw] of source.matchAll(ATTRIBUTE)) {
    const value = decode(raw ?? '');
    // An HTML5 parser keeps the first of two equal names.
    if (value === null || attributes.has(name as string)) return null;
    attributes.set(name as string, value);
  }
  return attributes;
}

/** The tree an HTML5 parser builds for turndown's wrapper around `html`, or null when this
 * builder cannot be sure of building the same. */
export function lightDom(html: string): LightElement | null {
  // An HTML5 parser turns CR and CRLF into LF and drops NUL.
  if (/[\r\0]/.test(html)) return null;
  const root = new LightElement('x-turndown', new Map([['id', 'turndown-root']]));
  const open: LightElement[] = [];
  let current = root;
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt !== at) {
      const text = decode(html.slice(at, lt < 0 ? html.length : lt));
      if (text === null) return null;
      current.appendChild(new LightText(text));
      if (lt < 0) break;
    }
    TAG.lastIndex = lt;
    const tag = TAG.exec(html);
    // A comment, a doctype, an upper-case or malformed tag, a "<" in text.
    if (!tag) return null;
    at = TAG.lastIndex;
    const [, close, name = '', attributeSource = '', selfClosing] = tag;
    if (!KNOWN.has(name)) return null;
    if (close) {
      // Only the current element's end tag: HTML5 closes others and mends misnesting.
      if (attributeSource || selfClosing || name !== current.localName) return null;
      open.pop();
      current = open.at(-1) ?? root;
      continue;
    }
    const isVoid = VOID.has(name);
    if (selfClosing && !isVoid) return null;
    if (CLOSES_P.has(name) && open.some((e) => e.localName === 'p')) return null;
    if (HEADING.test(name) && open.some((e) => HEADING.test(e.localName))) return null;
    if (name === 'a' && open.some((e) => e.localName === 'a')) return null;
    const parents = PARENTS[name];
    if (parents && !parents.has(current.localName)) return null;
    const attributes = attributesOf(attributeSource);
    if (!attributes) return null;
    const element = new LightElement(name, attributes);
    current.appendChild(element);
    if (!isVoid) {
      open.push(element);
      current = element;
    }
  }
  // Unclosed elements: an HTML5 parser may close them otherwise.
  return open.length === 0 ? root : null;
}
