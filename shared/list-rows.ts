/**
 * The article list's rows in a compact, columnar encoding. At 50,000 articles the list of
 * `ArticleSummary` objects is about 20 MB of JSON (key names, URLs and ISO dates repeated on every
 * row); the list shows only a few fields, so the faces send those, column by column, with site
 * names, languages and tags dictionary-coded and dates as epoch milliseconds: about a quarter the
 * size, and far cheaper to serialise and parse.
 */
import type { ArticleSummary } from './model';

/** What one list row shows, and what the sidebar counts and filters by. */
export type ListRow = Pick<
  ArticleSummary,
  | 'id'
  | 'title'
  | 'siteName'
  | 'publishedAt'
  | 'importedAt'
  | 'lang'
  | 'tags'
  | 'hasNotes'
  | 'notePreview'
  | 'deletedAt'
>;

/** Every row, columns in list order. Indexes into `dict` code the repeated strings. */
export interface ListRows {
  ids: string[];
  titles: string[];
  /** Index into `dict` of the site name. */
  sites: number[];
  /** Index into `dict` of the language tag. */
  langs: number[];
  /** Epoch ms; null for undated. */
  published: Array<number | null>;
  /** Epoch ms. */
  imported: number[];
  /** Indexes into `dict` of each row's tags (an empty list for none). */
  tags: number[][];
  /** Sparse: [row, note preview] for rows with a note. */
  notes: Array<[number, string]>;
  /** Sparse: [row, epoch ms] for rows in the Trash. */
  deleted: Array<[number, number]>;
  /** The distinct strings the index columns point at. */
  dict: string[];
}

const toMs = (iso: string): number => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
};

const toIso = (ms: number): string => new Date(ms).toISOString();

/** Encodes rows (already in list order) as columns. */
export function encodeListRows(rows: readonly ListRow[]): ListRows {
  const dict: string[] = [];
  const codes = new Map<string, number>();
  const code = (s: string): number => {
    let c = codes.get(s);
    if (c === undefined) {
      c = dict.length;
      dict.push(s);
      codes.set(s, c);
    }
    return c;
  };
  const out: ListRows = {
    ids: [],
    titles: [],
    sites: [],
    langs: [],
    published: [],
    imported: [],
    tags: [],
    notes: [],
    deleted: [],
    dict,
  };
  rows.forEach((r, i) => {
    out.ids.push(r.id);
    out.titles.push(r.title);
    out.sites.push(code(r.siteName));
    out.langs.push(code(r.lang));
    out.published.push(r.publishedAt === null ? null : toMs(r.publishedAt));
    out.imported.push(toMs(r.importedAt));
    out.tags.push(r.tags.map(code));
    if (r.hasNotes) out.notes.push([i, r.notePreview]);
    if (r.deletedAt !== null) out.deleted.push([i, toMs(r.deletedAt)]);
  });
  return out;
}

/** Decodes columns back into rows, in list order. Dates come back as ISO strings (ms precision). */
export function decodeListRows(cols: ListRows): ListRow[] {
  const { dict } = cols;
  const word = (c: number | undefined): string => (c === undefined ? '' : (dict[c] ?? ''));
  const notes = new Map(cols.notes);
  const deleted = new Map(cols.deleted);
  const rows: ListRow[] = new Array<ListRow>(cols.ids.length);
  for (let i = 0; i < cols.ids.length; i++) {
    const published = cols.published[i] ?? null;
    const note = notes.get(i);
    const del = deleted.get(i);
    rows[i] = {
      id: cols.ids[i] as string,
      title: cols.titles[i] ?? '',
      siteName: word(cols.sites[i]),
      publishedAt: published === null ? null : toIso(published),
      importedAt: toIso(cols.imported[i] ?? 0),
      lang: word(cols.langs[i]),
      tags: (cols.tags[i] ?? []).map(word),
      hasNotes: note !== undefined,
      notePreview: note ?? '',
      deletedAt: del === undefined ? null : toIso(del),
    };
  }
  return rows;
}
