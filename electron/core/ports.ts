/**
 * The seams between core services. Each service is built by a factory that takes its
 * dependencies as parameters (paths, clock, printer), so every piece tests in plain Node.
 */
import type {
  CitationFormat,
  CitationStyle,
  ExportFormat,
  LibraryInfo,
  ListRequest,
  SearchRequest,
  SearchResponse,
  Settings,
} from '../../shared/api';
import type {
  Article,
  ArticleSummary,
  EditableField,
  Note,
  ParsedArticle,
  SourceFormat,
  TagCount,
} from '../../shared/model';

/** Wall clock, injected so tests can pin time. */
export type Clock = () => Date;

/** What the parser returns for one file. Throws FolioError for bad input. */
export interface ParseOutcome {
  article: ParsedArticle;
  format: SourceFormat;
  encoding: string;
}

export type ParseFn = (bytes: Uint8Array, fileName: string) => ParseOutcome;

/** A parser that may run elsewhere (a worker pool); the library accepts either kind. */
export type AsyncParseFn = (
  bytes: Uint8Array,
  fileName: string,
) => ParseOutcome | Promise<ParseOutcome>;

export type ImportStatus = 'imported' | 'duplicate' | 'version';

export interface ImportOutcome {
  status: ImportStatus;
  id: string;
}

/** Emitted after every committed change, so derived data (the search index) stays current. */
export type LibraryEvent =
  { type: 'upsert'; ids: string[] } | { type: 'remove'; ids: string[] } | { type: 'reset' };

/** A library folder on disk. All writes are atomic and serialised. */
export interface Library {
  readonly dir: string;
  info(): LibraryInfo;
  importFile(input: { fileName: string; bytes: Uint8Array }): Promise<ImportOutcome>;
  /** Summaries matching a list view, newest first. */
  list(req: ListRequest): ArticleSummary[];
  /** Every summary, trash included. */
  allSummaries(): ArticleSummary[];
  get(id: string): Promise<Article>;
  getOriginalBytes(id: string): Promise<Uint8Array>;
  setMeta(id: string, field: EditableField, value: string | string[] | null): Promise<Article>;
  revertMeta(id: string, fields?: EditableField[]): Promise<Article>;
  trash(ids: string[]): Promise<number>;
  restore(ids: string[]): Promise<number>;
  emptyTrash(): Promise<number>;
  /** Deletes for good the listed items that are in the Trash; returns how many. */
  purge?(ids: string[]): Promise<number>;
  tags(): TagCount[];
  addTags(ids: string[], tags: string[]): Promise<number>;
  removeTags(ids: string[], tags: string[]): Promise<number>;
  renameTag(from: string, to: string): Promise<number>;
  mergeTags(from: string[], to: string): Promise<number>;
  deleteTag(tag: string): Promise<number>;
  setNote(id: string, markdown: string): Promise<Note | null>;
  getSettings(): Settings;
  setSettings(patch: Partial<Settings>): Promise<Settings>;
  onChange(listener: (event: LibraryEvent) => void): () => void;
  close(): Promise<void>;
}

/** The persisted full-text index of a library. */
export interface SearchIndex {
  search(req: SearchRequest): SearchResponse;
  /** Ids matching a query, for batch export ("export this search"). */
  matchIds(query: string): string[];
  /** Rebuilds from every article in the library, reporting progress. */
  rebuild(onProgress?: (done: number, total: number) => void): Promise<void>;
  /** Writes pending changes to disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Turns print-ready HTML into PDF bytes (Electron printToPDF, or headless Chromium). */
export interface Printer {
  printToPdf(html: string, options: { title: string }): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface ExportOptions {
  articles: Article[];
  format: ExportFormat;
  outDir: string;
  includeNotes?: boolean;
  assets?: boolean;
  zip?: boolean;
  /** Never overwrite an existing file unless this is set. */
  overwrite?: boolean;
  onProgress?: (done: number, total: number, current: string) => void;
}

export interface ExportOutcome {
  /** Files written (absolute paths); a single zip when `zip` was asked for. */
  files: string[];
  manifestPath: string | null;
  /** Images that could not be fetched for saving (`assets`) or embedding (PDF): the document
   * links them remotely (Markdown, HTML) or marks them with their link (PDF). */
  imageFailures?: Array<{ id: string; title: string; src: string; reason: string }>;
}

/** Markdown, HTML, PDF and citation output for stored articles. */
export interface Exporter {
  cite(articles: Article[], style: CitationStyle, format: CitationFormat): string;
  exportTo(options: ExportOptions): Promise<ExportOutcome>;
  close(): Promise<void>;
}

/** Everything a face needs, built once by the composition root. */
export interface FolioCore {
  library: Library;
  search: SearchIndex;
  exporter: Exporter;
  close(): Promise<void>;
}
