/**
 * The query language: terms ANDed, "exact phrases", -exclusions, OR between neighbours, and
 * field filters (tag:, site:, author:, lang:, before:, after:, in:). Malformed input throws an
 * INVALID_QUERY FolioError with a message a person can act on.
 */
import { FolioError } from '../../../shared/errors';

export type SearchField = 'title' | 'text' | 'notes' | 'meta';

/** A text clause: a bare word (split into script runs later) or an exact phrase. */
export interface TextClause {
  kind: 'term' | 'phrase';
  value: string;
}

export interface ParsedQuery {
  /** Every group must match; a group matches when any of its clauses does (OR). */
  groups: TextClause[][];
  /** Clauses that must not match. */
  exclude: TextClause[];
  tags: string[];
  excludeTags: string[];
  sites: string[];
  excludeSites: string[];
  authors: string[];
  langs: string[];
  /** Epoch ms day starts (UTC) bounding publishedAt: after: is inclusive, before: exclusive. */
  before: number | null;
  after: number | null;
  /** Restricts text clauses to these fields; empty means all fields. */
  fields: SearchField[];
}

const FILTER_FIELDS = new Set(['tag', 'site', 'author', 'lang', 'before', 'after', 'in']);

interface RawToken {
  negated: boolean;
  field: string | null;
  value: string;
  quoted: boolean;
  /** The bare word OR (only meaningful when unquoted and not negated). */
  isOr: boolean;
}

function invalid(message: string): never {
  throw new FolioError('INVALID_QUERY', message);
}

/** Splits the query into raw tokens, honouring quotes. */
function lex(query: string): RawToken[] {
  const tokens: RawToken[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    while (i < n && /\s/.test(query[i]!)) i++;
    if (i >= n) break;
    let negated = false;
    if (query[i] === '-' && i + 1 < n && !/\s/.test(query[i + 1]!)) {
      negated = true;
      i++;
    }
    let field: string | null = null;
    const m = /^([a-zA-Z]+):/.exec(query.slice(i));
    if (m && FILTER_FIELDS.has(m[1]!.toLowerCase())) {
      field = m[1]!.toLowerCase();
      i += m[0].length;
    }
    let value: string;
    let quoted = false;
    if (query[i] === '"') {
      const close = query.indexOf('"', i + 1);
      if (close < 0) invalid(`Unbalanced quote at position ${i + 1}: add the closing ".`);
      value = query.slice(i + 1, close);
      quoted = true;
      i = close + 1;
    } else {
      const start = i;
      while (i < n && !/\s/.test(query[i]!) && query[i] !== '"') i++;
      value = query.slice(start, i);
    }
    const isOr = !quoted && !negated && field === null && value === 'OR';
    tokens.push({ negated, field, value: value.trim(), quoted, isOr });
  }
  return tokens;
}

/** Parses YYYY-MM-DD (UTC) into epoch ms, rejecting impossible dates. */
function parseDay(field: string, value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) invalid(`${field}: expects a date as YYYY-MM-DD, got "${value}".`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    invalid(`${field}: "${value}" is not a real date.`);
  }
  return t;
}

const IN_FIELDS: Record<string, SearchField> = {
  title: 'title',
  text: 'text',
  body: 'text',
  notes: 'notes',
  note: 'notes',
};

function applyFilter(q: ParsedQuery, tok: RawToken): void {
  const { field, value, negated } = tok;
  if (!value) invalid(`${field}: needs a value.`);
  switch (field) {
    case 'tag':
      (negated ? q.excludeTags : q.tags).push(value);
      return;
    case 'site':
      (negated ? q.excludeSites : q.sites).push(value);
      return;
    case 'author':
      if (negated) invalid('author: cannot be excluded.');
      q.authors.push(value);
      return;
    case 'lang':
      if (negated) invalid('lang: cannot be excluded.');
      q.langs.push(value);
      return;
    case 'before':
      q.before = parseDay('before', value);
      return;
    case 'after':
      q.after = parseDay('after', value);
      return;
    case 'in': {
      const f = IN_FIELDS[value.toLowerCase()];
      if (!f) invalid(`in: expects title, text or notes, got "${value}".`);
      q.fields.push(f);
      return;
    }
  }
}

/** Parses a query string; throws FolioError('INVALID_QUERY') on malformed input. */
export function parseQuery(query: string): ParsedQuery {
  if (typeof query !== 'string') invalid('The query must be a string.');
  if (query.length > 2000) invalid('The query is too long (2000 characters at most).');
  const q: ParsedQuery = {
    groups: [],
    exclude: [],
    tags: [],
    excludeTags: [],
    sites: [],
    excludeSites: [],
    authors: [],
    langs: [],
    before: null,
    after: null,
    fields: [],
  };
  const tokens = lex(query);
  let pendingOr = false;
  for (const tok of tokens) {
    if (tok.isOr) {
      if (q.groups.length === 0 || pendingOr) invalid('OR needs a term on both sides.');
      pendingOr = true;
      continue;
    }
    if (tok.field) {
      if (pendingOr) invalid(`OR cannot join the filter ${tok.field}:.`);
      applyFilter(q, tok);
      continue;
    }
    if (!tok.value) continue;
    const clause: TextClause = { kind: tok.quoted ? 'phrase' : 'term', value: tok.value };
    if (tok.negated) {
      if (pendingOr) invalid('OR cannot join an excluded term.');
      q.exclude.push(clause);
      continue;
    }
    const last = q.groups[q.groups.length - 1];
    if (pendingOr && last) last.push(clause);
    else q.groups.push([clause]);
    pendingOr = false;
  }
  if (pendingOr) invalid('OR needs a term on both sides.');
  if (q.before !== null && q.after !== null && q.after >= q.before) {
    invalid('after: must be earlier than before:.');
  }
  return q;
}

/** True when the query asks for nothing at all (no text and no filters). */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return (
    q.groups.length === 0 &&
    q.tags.length + q.excludeTags.length + q.sites.length + q.excludeSites.length === 0 &&
    q.authors.length + q.langs.length === 0 &&
    q.before === null &&
    q.after === null
  );
}
