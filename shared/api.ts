/**
 * The one typed contract between the UI and every face (Electron IPC, browser shell HTTP).
 * The renderer talks to `FolioApi` only; preload and the HTTP client both satisfy it.
 */
import type { FolioErrorData } from './errors';
import type { ListRows } from './list-rows';
import type { Article, ArticleSummary, EditableField, Note, TagCount } from './model';

export type ListView = 'all' | 'recent' | 'untagged' | 'trash';

export interface ListRequest {
  view: ListView;
  tag?: string;
  siteName?: string;
}

export interface LibraryInfo {
  path: string;
  schemaVersion: number;
  articleCount: number;
  trashCount: number;
  /** True when the library holds nothing yet (first run: offer the sample). */
  isEmpty: boolean;
}

export interface OriginalFile {
  fileName: string;
  encoding: string;
  /** The original decoded as text, shown escaped; never rendered as HTML. */
  text: string;
}

export type MetaValue = string | string[] | null;

export interface SetMetaRequest {
  id: string;
  field: EditableField;
  value: MetaValue;
}

export interface UploadedFile {
  name: string;
  /** File bytes, base64-encoded (the browser shell uploads dropped files this way). */
  dataBase64: string;
}

export type JobKind = 'import' | 'export';

export type JobItemStatus = 'imported' | 'duplicate' | 'version' | 'failed' | 'exported';

export interface JobItemResult {
  file: string;
  status: JobItemStatus;
  id?: string;
  error?: FolioErrorData;
}

/** Progress and results of a long operation; faces poll it. */
export interface JobStatus {
  id: string;
  kind: JobKind;
  total: number;
  done: number;
  current: string;
  finished: boolean;
  results: JobItemResult[];
  /** Set when the job as a whole failed (not a single file). */
  error: FolioErrorData | null;
  /** Where an export went: a folder/file path (desktop) or a download URL (browser shell). */
  output: { savedTo?: string; downloadUrl?: string } | null;
}

export interface JobRef {
  jobId: string;
}

export interface SearchRequest {
  query: string;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: string;
  title: string;
  siteName: string;
  publishedAt: string | null;
  score: number;
  /** Plain text excerpt in the original script. */
  snippet: string;
  /** [start, end) UTF-16 offsets into `snippet` to highlight. */
  highlights: Array<[number, number]>;
  /** [start, end) offsets into `title` to highlight. */
  titleHighlights: Array<[number, number]>;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResponse {
  total: number;
  hits: SearchHit[];
  facets: { tags: FacetCount[]; sites: FacetCount[]; years: FacetCount[] };
  tookMs: number;
}

export interface SavedSearch {
  name: string;
  query: string;
}

export const CITATION_STYLES = [
  'apa',
  'mla',
  'chicago-author-date',
  'chicago-notes',
  'gb-t-7714-numeric',
  'gb-t-7714-author-date',
] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

export type CitationFormat = 'text' | 'html';

export interface CiteRequest {
  ids: string[];
  style: CitationStyle;
  format: CitationFormat;
}

export const EXPORT_FORMATS = ['md', 'pdf', 'html', 'bibtex', 'ris', 'csl-json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  /** What to export: explicit ids, everything with a tag, or a search result. */
  ids?: string[];
  tag?: string;
  query?: string;
  format: ExportFormat;
  includeNotes?: boolean;
  /** Markdown: save images beside the file instead of linking them remotely. */
  assets?: boolean;
  /** Bundle everything into one zip with a manifest. */
  zip?: boolean;
}

/** The settings' allowed values, one list for the validators, the store and the UI. */
export const THEME_SETTINGS = ['system', 'light', 'dark'] as const;
export const LOCALE_SETTINGS = ['auto', 'en', 'zh-Hans', 'zh-Hant'] as const;
export type ThemeSetting = (typeof THEME_SETTINGS)[number];
export type LocaleSetting = (typeof LOCALE_SETTINGS)[number];

export interface Settings {
  theme: ThemeSetting;
  locale: LocaleSetting;
  savedSearches: SavedSearch[];
}

/** Every operation the UI can ask for. All methods reject with a FolioError-shaped error. */
export interface FolioApi {
  libraryInfo(): Promise<LibraryInfo>;
  importSample(): Promise<JobRef>;
  importPaths(req: { paths: string[] }): Promise<JobRef>;
  importFiles(req: { files: UploadedFile[] }): Promise<JobRef>;
  jobStatus(req: JobRef): Promise<JobStatus>;

  listArticles(req: ListRequest): Promise<ArticleSummary[]>;
  /** Every article's list row, Trash included, newest first, in the compact columnar form. */
  listRows(): Promise<ListRows>;
  getArticle(req: { id: string }): Promise<Article>;
  getOriginal(req: { id: string }): Promise<OriginalFile>;
  setMeta(req: SetMetaRequest): Promise<Article>;
  revertMeta(req: { id: string; fields?: EditableField[] }): Promise<Article>;
  trashArticles(req: { ids: string[] }): Promise<{ count: number }>;
  restoreArticles(req: { ids: string[] }): Promise<{ count: number }>;
  emptyTrash(): Promise<{ count: number }>;
  /** Deletes the listed articles for good; only those already in the Trash are touched. */
  deleteArticles(req: { ids: string[] }): Promise<{ count: number }>;

  listTags(): Promise<TagCount[]>;
  addTags(req: { ids: string[]; tags: string[] }): Promise<{ count: number }>;
  removeTags(req: { ids: string[]; tags: string[] }): Promise<{ count: number }>;
  renameTag(req: { from: string; to: string }): Promise<{ count: number }>;
  mergeTags(req: { from: string[]; to: string }): Promise<{ count: number }>;
  deleteTag(req: { tag: string }): Promise<{ count: number }>;

  setNote(req: { id: string; markdown: string }): Promise<Note | null>;

  search(req: SearchRequest): Promise<SearchResponse>;

  cite(req: CiteRequest): Promise<{ text: string }>;
  exportArticles(req: ExportRequest): Promise<JobRef>;
  /**
   * Shows where a finished export saved its file or folder, in the system file manager (desktop
   * only; the browser shell, whose exports are downloads, answers UNSUPPORTED).
   */
  showExport(req: JobRef): Promise<void>;

  getSettings(): Promise<Settings>;
  setSettings(req: Partial<Settings>): Promise<Settings>;

  /** Opens an http(s) link in the system browser (desktop) or a new tab (browser shell). */
  openExternal(req: { url: string }): Promise<void>;
  /** Native file picker (desktop only; the browser shell answers UNSUPPORTED). */
  pickFiles(): Promise<{ paths: string[] }>;
}

export type FolioMethod = keyof FolioApi;

/** Channel names, `domain:verb`. No channel string appears anywhere else. */
export const CHANNELS = {
  libraryInfo: 'library:info',
  importSample: 'import:sample',
  importPaths: 'import:paths',
  importFiles: 'import:files',
  jobStatus: 'jobs:status',
  listArticles: 'articles:list',
  listRows: 'articles:rows',
  getArticle: 'articles:get',
  getOriginal: 'articles:original',
  setMeta: 'articles:set-meta',
  revertMeta: 'articles:revert-meta',
  trashArticles: 'articles:trash',
  restoreArticles: 'articles:restore',
  emptyTrash: 'trash:empty',
  deleteArticles: 'trash:delete',
  listTags: 'tags:list',
  addTags: 'tags:add',
  removeTags: 'tags:remove',
  renameTag: 'tags:rename',
  mergeTags: 'tags:merge',
  deleteTag: 'tags:delete',
  setNote: 'notes:set',
  search: 'search:query',
  cite: 'export:cite',
  exportArticles: 'export:save',
  showExport: 'export:show',
  getSettings: 'settings:get',
  setSettings: 'settings:set',
  openExternal: 'app:open-external',
  pickFiles: 'app:pick-files',
} as const satisfies Record<FolioMethod, string>;

export type Channel = (typeof CHANNELS)[FolioMethod];

/** The request type of a method (undefined for methods without one). */
export type RequestOf<M extends FolioMethod> = Parameters<FolioApi[M]>[0];
/** The resolved response type of a method. */
export type ResponseOf<M extends FolioMethod> = Awaited<ReturnType<FolioApi[M]>>;
