/**
 * Input validation for every `FolioApi` method. Faces (Electron IPC, the browser shell) receive
 * `unknown` from the UI and pass it through `validators[method]` before calling the core.
 */
import {
  CITATION_STYLES,
  EXPORT_FORMATS,
  type ExportRequest,
  type JobRef,
  type FolioMethod,
  type ListView,
  LOCALE_SETTINGS,
  type MetaValue,
  type RequestOf,
  type SavedSearch,
  type Settings,
  THEME_SETTINGS,
  type UploadedFile,
} from './api';
import { EDITABLE_FIELDS, type EditableField } from './model';
import {
  LIMITS,
  arr,
  base64,
  bool,
  empty,
  httpUrl,
  id,
  ids,
  int,
  invalid,
  oneOf,
  optional,
  record,
  str,
  tag,
  tags,
} from './validate/guards';

export { LIMITS } from './validate/guards';

export const LIST_VIEWS: readonly ListView[] = ['all', 'recent', 'untagged', 'trash'];

/** A value for one editable field, checked against that field's type. */
export function metaValue(field: EditableField, value: unknown): MetaValue {
  switch (field) {
    case 'title':
      return (
        str(value, 'value', { max: LIMITS.textLength, min: 1 }).trim() ||
        invalid('title must not be blank')
      );
    case 'siteName':
      return str(value, 'value', { max: LIMITS.textLength });
    case 'url': {
      const s = str(value, 'value', { max: LIMITS.urlLength }).trim();
      return s === '' ? '' : httpUrl(s, 'value');
    }
    case 'authors':
      return arr(value, 'value', { max: LIMITS.authors }, (v, n) =>
        str(v, n, { max: LIMITS.textLength, min: 1 }),
      );
    case 'publishedAt': {
      if (value === null) return null;
      const s = str(value, 'value', { max: 64, min: 1 });
      if (Number.isNaN(Date.parse(s))) invalid('publishedAt must be a date (ISO 8601) or null');
      return s;
    }
  }
}

function fileName(value: unknown, name: string): string {
  const s = str(value, name, { max: LIMITS.fileNameLength, min: 1 });
  if (/[/\\]/.test(s)) invalid(`${name} must be a file name, not a path`);
  return s;
}

function uploadedFiles(value: unknown): UploadedFile[] {
  let total = 0;
  return arr(value, 'files', { max: LIMITS.files, min: 1 }, (v, n) => {
    const f = record(v, n, ['name', 'dataBase64']);
    const data = base64(f.dataBase64, `${n}.dataBase64`, LIMITS.fileBase64);
    total += data.length;
    if (total > LIMITS.batchBase64) invalid('files are larger in total than one upload allows');
    return { name: fileName(f.name, `${n}.name`), dataBase64: data };
  });
}

function savedSearches(value: unknown): SavedSearch[] {
  return arr(value, 'savedSearches', { max: LIMITS.savedSearches }, (v, n) => {
    const s = record(v, n, ['name', 'query']);
    return {
      name: str(s.name, `${n}.name`, { max: LIMITS.tagLength, min: 1 }),
      query: str(s.query, `${n}.query`, { max: LIMITS.queryLength }),
    };
  });
}

function exportRequest(input: unknown): ExportRequest {
  const r = record(input, 'request', [
    'ids',
    'tag',
    'query',
    'format',
    'includeNotes',
    'assets',
    'zip',
  ]);
  const chosen = [r.ids, r.tag, r.query].filter((v) => v !== undefined).length;
  if (chosen !== 1) invalid('export needs exactly one of ids, tag or query');
  const out: ExportRequest = { format: oneOf(r.format, 'format', EXPORT_FORMATS) };
  if (r.ids !== undefined) out.ids = ids(r.ids);
  if (r.tag !== undefined) out.tag = tag(r.tag);
  if (r.query !== undefined) out.query = str(r.query, 'query', { max: LIMITS.queryLength, min: 1 });
  if (r.includeNotes !== undefined) out.includeNotes = bool(r.includeNotes, 'includeNotes');
  if (r.assets !== undefined) out.assets = bool(r.assets, 'assets');
  if (r.zip !== undefined) out.zip = bool(r.zip, 'zip');
  return out;
}

function settingsPatch(input: unknown): Partial<Settings> {
  const r = record(input, 'request', ['theme', 'locale', 'savedSearches']);
  const out: Partial<Settings> = {};
  if (r.theme !== undefined) out.theme = oneOf(r.theme, 'theme', THEME_SETTINGS);
  if (r.locale !== undefined) out.locale = oneOf(r.locale, 'locale', LOCALE_SETTINGS);
  if (r.savedSearches !== undefined) out.savedSearches = savedSearches(r.savedSearches);
  return out;
}

const idRequest = (input: unknown): { id: string } => ({
  id: id(record(input, 'request', ['id']).id),
});
const jobRef = (input: unknown): JobRef => ({
  jobId: id(record(input, 'request', ['jobId']).jobId, 'jobId'),
});
const idsRequest = (input: unknown): { ids: string[] } => ({
  ids: ids(record(input, 'request', ['ids']).ids),
});
const idsTagsRequest = (input: unknown): { ids: string[]; tags: string[] } => {
  const r = record(input, 'request', ['ids', 'tags']);
  return { ids: ids(r.ids), tags: tags(r.tags) };
};

/**
 * One guard per method; the mapped type makes the compiler reject a missing method. Each guard
 * returns a fresh object holding only known fields, so nothing unexpected reaches the core.
 */
export const validators: { [M in FolioMethod]: (input: unknown) => RequestOf<M> } = {
  libraryInfo: (input) => empty(input, 'libraryInfo request'),
  importSample: (input) => empty(input, 'importSample request'),
  importPaths: (input) => ({
    paths: arr(
      record(input, 'request', ['paths']).paths,
      'paths',
      { max: LIMITS.paths, min: 1 },
      (v, n) => str(v, n, { max: LIMITS.pathLength, min: 1 }),
    ),
  }),
  importFiles: (input) => ({ files: uploadedFiles(record(input, 'request', ['files']).files) }),
  jobStatus: (input) => jobRef(input),

  listArticles: (input) => {
    const r = record(input, 'request', ['view', 'tag', 'siteName']);
    const out: RequestOf<'listArticles'> = { view: oneOf(r.view, 'view', LIST_VIEWS) };
    const t = optional(r.tag, (v) => tag(v));
    if (t !== undefined) out.tag = t;
    const site = optional(r.siteName, (v) =>
      str(v, 'siteName', { max: LIMITS.textLength, min: 1 }),
    );
    if (site !== undefined) out.siteName = site;
    return out;
  },
  listRows: (input) => empty(input, 'listRows request'),
  getArticle: idRequest,
  getOriginal: idRequest,
  setMeta: (input) => {
    const r = record(input, 'request', ['id', 'field', 'value']);
    const field = oneOf(r.field, 'field', EDITABLE_FIELDS);
    return { id: id(r.id), field, value: metaValue(field, r.value) };
  },
  revertMeta: (input) => {
    const r = record(input, 'request', ['id', 'fields']);
    const out: RequestOf<'revertMeta'> = { id: id(r.id) };
    if (r.fields !== undefined) {
      out.fields = arr(r.fields, 'fields', { max: EDITABLE_FIELDS.length, min: 1 }, (v, n) =>
        oneOf(v, n, EDITABLE_FIELDS),
      );
    }
    return out;
  },
  trashArticles: idsRequest,
  restoreArticles: idsRequest,
  emptyTrash: (input) => empty(input, 'emptyTrash request'),
  deleteArticles: idsRequest,

  listTags: (input) => empty(input, 'listTags request'),
  addTags: idsTagsRequest,
  removeTags: idsTagsRequest,
  renameTag: (input) => {
    const r = record(input, 'request', ['from', 'to']);
    return { from: tag(r.from, 'from'), to: tag(r.to, 'to') };
  },
  mergeTags: (input) => {
    const r = record(input, 'request', ['from', 'to']);
    return { from: tags(r.from, 'from'), to: tag(r.to, 'to') };
  },
  deleteTag: (input) => ({ tag: tag(record(input, 'request', ['tag']).tag) }),

  setNote: (input) => {
    const r = record(input, 'request', ['id', 'markdown']);
    return {
      id: id(r.id),
      markdown: str(r.markdown, 'markdown', { max: LIMITS.noteLength, multiline: true }),
    };
  },

  search: (input) => {
    const r = record(input, 'request', ['query', 'limit', 'offset']);
    const out: RequestOf<'search'> = { query: str(r.query, 'query', { max: LIMITS.queryLength }) };
    if (r.limit !== undefined) out.limit = int(r.limit, 'limit', 1, LIMITS.searchLimit);
    if (r.offset !== undefined) out.offset = int(r.offset, 'offset', 0, 10_000_000);
    return out;
  },

  cite: (input) => {
    const r = record(input, 'request', ['ids', 'style', 'format']);
    return {
      ids: ids(r.ids),
      style: oneOf(r.style, 'style', CITATION_STYLES),
      format: oneOf(r.format, 'format', ['text', 'html'] as const),
    };
  },
  exportArticles: exportRequest,
  showExport: jobRef,

  getSettings: (input) => empty(input, 'getSettings request'),
  setSettings: settingsPatch,

  openExternal: (input) => ({ url: httpUrl(record(input, 'request', ['url']).url) }),
  pickFiles: (input) => empty(input, 'pickFiles request'),
};

/** Validates the request of `method`, throwing `FolioError('INVALID_INPUT')` on a bad payload. */
export function validateRequest<M extends FolioMethod>(method: M, input: unknown): RequestOf<M> {
  return validators[method](input);
}
