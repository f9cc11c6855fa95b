/**
 * The article model every layer shares. Plain data only: it crosses IPC and HTTP as JSON.
 */

/** How the dropped file was recognised. */
export type SourceFormat = 'dump' | 'dump-front-matter' | 'html';

/** An image kept with the article: the real source, never a placeholder. */
export interface ImageRef {
  src: string;
  alt: string;
  caption: string;
  credit: string;
}

/** What was dropped: the original bytes are kept untouched in the library. */
export interface SourceInfo {
  fileName: string;
  sha256: string;
  bytes: number;
  format: SourceFormat;
  encoding: string;
}

/** Fields the user may correct by hand; the parsed values are kept for "revert to parsed". */
export interface EditableMeta {
  title: string;
  url: string;
  siteName: string;
  authors: string[];
  publishedAt: string | null;
}

export type EditableField = keyof EditableMeta;

export const EDITABLE_FIELDS: readonly EditableField[] = [
  'title',
  'url',
  'siteName',
  'authors',
  'publishedAt',
];

/** The result of parsing one file, before it is stored. */
export interface ParsedArticle extends EditableMeta {
  /** The byline as printed, when the page prints one. */
  byline: string;
  /** BCP 47: zh-Hans, zh-Hant, en, … */
  lang: string;
  excerpt: string;
  /** Sanitised article HTML (allow-listed tags and attributes only). */
  contentHtml: string;
  /** Plain text of the body, paragraphs separated by blank lines. */
  text: string;
  images: ImageRef[];
  /** Tags carried by the file itself (Jekyll front matter). */
  tags: string[];
  /** Characters for CJK text, words for Latin text. */
  wordCount: number;
}

/** A Markdown note attached to an article. */
export interface Note {
  markdown: string;
  createdAt: string;
  updatedAt: string;
}

/** An article as stored in the library. */
export interface Article extends ParsedArticle {
  id: string;
  importedAt: string;
  /** Bumped on every change to the item (metadata, tags, notes, trash). */
  updatedAt: string;
  source: SourceInfo;
  /** The values the parser produced; `EditableMeta` fields above may differ after edits. */
  parsed: EditableMeta;
  notes: Note | null;
  /** Set when the article is in the Trash. */
  deletedAt: string | null;
  /** Id of the earlier item with the same canonical URL, when this is a newer version. */
  previousVersionId: string | null;
}

/** One row of the article list: small enough that 50,000 of them load quickly. */
export interface ArticleSummary {
  id: string;
  title: string;
  siteName: string;
  authors: string[];
  publishedAt: string | null;
  importedAt: string;
  updatedAt: string;
  lang: string;
  tags: string[];
  hasNotes: boolean;
  notePreview: string;
  deletedAt: string | null;
  url: string;
}

export interface TagCount {
  tag: string;
  count: number;
}
