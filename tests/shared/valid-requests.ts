/** Fixtures: one valid request per API method. */
import type { FolioMethod } from '../../shared/api';

/** One valid request per method: the table must cover every method of the contract. */
export const VALID: { [M in FolioMethod]: unknown } = {
  libraryInfo: undefined,
  importSample: null,
  importPaths: { paths: ['/tmp/a.txt'] },
  importFiles: { files: [{ name: 'a.txt', dataBase64: 'aGVsbG8=' }] },
  jobStatus: { jobId: 'job-1' },
  listArticles: { view: 'all', tag: '新闻' },
  getArticle: { id: 'abc123' },
  getOriginal: { id: 'abc123' },
  setMeta: { id: 'abc123', field: 'authors', value: ['王五'] },
  revertMeta: { id: 'abc123', fields: ['title'] },
  trashArticles: { ids: ['a', 'b'] },
  restoreArticles: { ids: ['a'] },
  emptyTrash: {},
  listTags: undefined,
  addTags: { ids: ['a'], tags: ['中国'] },
  removeTags: { ids: ['a'], tags: ['中国'] },
  renameTag: { from: '中国', to: '中國' },
  mergeTags: { from: ['a', 'b'], to: 'c' },
  deleteTag: { tag: 'x' },
  setNote: { id: 'a', markdown: '# 笔记\n\n正文' },
  search: { query: '香港', limit: 50, offset: 0 },
  cite: { ids: ['a'], style: 'gb-t-7714-numeric', format: 'text' },
  exportArticles: { tag: '中国', format: 'md', zip: true },
  getSettings: undefined,
  setSettings: { theme: 'dark', savedSearches: [{ name: 'HK', query: '香港' }] },
  openExternal: { url: 'https://www.bbc.com/zhongwen/simp' },
  pickFiles: undefined,
};
