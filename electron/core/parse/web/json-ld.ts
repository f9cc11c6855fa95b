/**
 * Lenient JSON-LD reading: pages ship arrays, @graph wrappers, HTML comments, CDATA markers,
 * trailing commas and raw newlines inside strings. Every object found is returned flat.
 */
export type JsonObject = Record<string, unknown>;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses one JSON-LD script body, repairing common damage; null when beyond repair. */
export function parseLenientJson(raw: string): unknown {
  let text = raw
    .replace(/^\s*(<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
    .trim();
  try {
    return JSON.parse(text);
  } catch {
    // fall through to repairs
  }
  text = stripComments(text)
    .replace(/,\s*([}\]])/g, '$1')
    // Raw control characters inside strings are invalid JSON but common.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f]+/g, ' ');
  try {
    return JSON.parse(text);
  } catch {
    // Several objects back to back: wrap them as an array.
    try {
      return JSON.parse(`[${text.replace(/}\s*{/g, '},{')}]`);
    } catch {
      return null;
    }
  }
}

/** Removes // and /* *\/ comments outside strings. */
function stripComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else {
      out += c;
    }
  }
  return out;
}

function flatten(value: unknown, out: JsonObject[]): void {
  if (Array.isArray(value)) {
    for (const v of value) flatten(v, out);
  } else if (isObject(value)) {
    out.push(value);
    if (value['@graph'] !== undefined) flatten(value['@graph'], out);
    if (isObject(value.mainEntity)) flatten(value.mainEntity, out);
  }
}

/** Every JSON-LD object in the given script bodies, @graph members and main entities included. */
export function readJsonLd(bodies: string[]): JsonObject[] {
  const out: JsonObject[] = [];
  for (const body of bodies) flatten(parseLenientJson(body), out);
  return out;
}

const ARTICLE_TYPE =
  /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|Report|ScholarlyArticle|TechArticle|LiveBlogPosting|SocialMediaPosting|WebPage|Review|Recipe)$/i;

function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

/** The object describing the article itself: an Article type before a WebPage. */
export function findArticleObject(objects: JsonObject[]): JsonObject | null {
  const ranked = objects
    .filter((o) => typesOf(o).some((t) => ARTICLE_TYPE.test(t)))
    .sort((a, b) => rank(a) - rank(b));
  return ranked[0] ?? null;
}

function rank(o: JsonObject): number {
  const types = typesOf(o);
  if (types.some((t) => /WebPage/i.test(t))) return 2;
  return o.headline || o.articleBody ? 0 : 1;
}

/** A string from a JSON-LD value that may be a string, an object with name, or an array. */
export function nameOf(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) return nameOf(v[0]);
  if (isObject(v)) return nameOf(v.name ?? v['@value'] ?? '');
  return '';
}

/** Names of JSON-LD authors (string, object, or a list of either). */
export function authorNames(v: unknown): string[] {
  const list: unknown[] = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  // "Jill Disis" and "CNN Business" side by side: the organisation is not an author.
  const isOrg = (a: unknown): boolean =>
    isObject(a) && typesOf(a).some((t) => /Organization/i.test(t));
  const people = list.some((a) => !isOrg(a)) ? list.filter((a) => !isOrg(a)) : list;
  return people.map(nameOf).filter((n) => n.length > 0);
}

export { isObject };
