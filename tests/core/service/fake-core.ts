/**
 * A small in-memory stand-in for the core, enough to test the service and the faces without the
 * real store, search index or exporter.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SearchResponse, Settings } from '../../../shared/api';
import { FolioError } from '../../../shared/errors';
import type { Article } from '../../../shared/model';
import { toSummary as summary } from '../../../shared/summary';
import type {
  ExportOptions,
  ExportOutcome,
  FolioCore,
  Library,
  LibraryEvent,
} from '../../../electron/core/ports';

/** A minimal stored article with the given id and title. */
export function fakeArticle(id: string, title: string, extra: Partial<Article> = {}): Article {
  const meta = {
    title,
    url: `https://example.com/${id}`,
    siteName: 'BBC中文',
    authors: [],
    publishedAt: null,
  };
  return {
    ...meta,
    byline: '',
    lang: 'zh-Hans',
    excerpt: '',
    contentHtml: `<p>${title}</p>`,
    text: title,
    images: [],
    tags: [],
    wordCount: title.length,
    id,
    importedAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    source: {
      fileName: `${id}.txt`,
      sha256: id,
      bytes: title.length,
      format: 'dump',
      encoding: 'utf-8',
    },
    parsed: meta,
    notes: null,
    deletedAt: null,
    previousVersionId: null,
    ...extra,
  };
}

export interface FakeCore extends FolioCore {
  articles: Map<string, Article>;
  originals: Map<string, Uint8Array>;
  exports: ExportOptions[];
}

/** Builds a fake core. Files whose text starts with "BAD" fail to import with NO_CONTENT. */
export function createFakeCore(
  opts: { exportFails?: boolean; imageFailures?: ExportOutcome['imageFailures'] } = {},
): FakeCore {
  const articles = new Map<string, Article>();
  const originals = new Map<string, Uint8Array>();
  const exports: ExportOptions[] = [];
  let settings: Settings = { theme: 'system', locale: 'auto', savedSearches: [] };
  const listeners = new Set<(e: LibraryEvent) => void>();
  const must = (id: string): Article => {
    const a = articles.get(id);
    if (!a) throw new FolioError('NOT_FOUND', `No article ${id}`);
    return a;
  };
  const live = () => [...articles.values()].filter((a) => !a.deletedAt);
  const library: Library = {
    dir: '/fake',
    info: () => ({
      path: '/fake',
      schemaVersion: 1,
      articleCount: live().length,
      trashCount: articles.size - live().length,
      isEmpty: articles.size === 0,
    }),
    async importFile({ fileName, bytes }) {
      const text = new TextDecoder().decode(bytes);
      if (text.startsWith('BAD')) throw new FolioError('NO_CONTENT', `${fileName} has no article`);
      const id = `a${articles.size + 1}`;
      articles.set(
        id,
        fakeArticle(id, text.split('\n')[0] ?? fileName, {
          source: { fileName, sha256: id, bytes: bytes.length, format: 'dump', encoding: 'utf-8' },
        }),
      );
      originals.set(id, bytes);
      return { status: 'imported', id };
    },
    list: (req) =>
      (req.view === 'trash' ? [...articles.values()].filter((a) => a.deletedAt) : live())
        .filter((a) => !req.tag || a.tags.includes(req.tag))
        .map(summary),
    allSummaries: () => [...articles.values()].map(summary),
    get: async (id) => must(id),
    getOriginalBytes: async (id) => {
      must(id);
      return originals.get(id) ?? new Uint8Array();
    },
    setMeta: async (id, field, value) => {
      const a = must(id);
      Object.assign(a, { [field]: value });
      return a;
    },
    revertMeta: async (id) => {
      const a = must(id);
      Object.assign(a, a.parsed);
      return a;
    },
    trash: async (ids) => {
      for (const id of ids) must(id).deletedAt = '2024-01-02T00:00:00.000Z';
      return ids.length;
    },
    restore: async (ids) => {
      for (const id of ids) must(id).deletedAt = null;
      return ids.length;
    },
    emptyTrash: async () => {
      const gone = [...articles.values()].filter((a) => a.deletedAt);
      for (const a of gone) articles.delete(a.id);
      return gone.length;
    },
    tags: () => {
      const counts = new Map<string, number>();
      for (const a of live()) for (const t of a.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
      return [...counts].map(([tag, count]) => ({ tag, count }));
    },
    addTags: async (ids, tags) => {
      for (const id of ids) must(id).tags = [...new Set([...must(id).tags, ...tags])];
      return ids.length;
    },
    removeTags: async (ids, tags) => {
      for (const id of ids) must(id).tags = must(id).tags.filter((t) => !tags.includes(t));
      return ids.length;
    },
    renameTag: async (from, to) => {
      let n = 0;
      for (const a of articles.values()) {
        if (a.tags.includes(from)) {
          a.tags = a.tags.map((t) => (t === from ? to : t));
          n += 1;
        }
      }
      return n;
    },
    mergeTags: async () => 0,
    deleteTag: async () => 0,
    setNote: async (id, markdown) => {
      const a = must(id);
      a.notes = markdown ? { markdown, createdAt: 'x', updatedAt: 'x' } : null;
      return a.notes;
    },
    getSettings: () => settings,
    setSettings: async (patch) => (settings = { ...settings, ...patch }),
    onChange: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: async () => undefined,
  };
  const emptySearch: SearchResponse = {
    total: 0,
    hits: [],
    facets: { tags: [], sites: [], years: [] },
    tookMs: 0,
  };
  return {
    articles,
    originals,
    exports,
    library,
    search: {
      search: (req) => ({ ...emptySearch, total: req.query.length }),
      matchIds: (q) => [...articles.values()].filter((a) => a.title.includes(q)).map((a) => a.id),
      rebuild: async () => undefined,
      flush: async () => undefined,
      close: async () => undefined,
    },
    exporter: {
      cite: (arts, style) => arts.map((a) => `${a.title} (${style})`).join('\n'),
      async exportTo(options) {
        exports.push(options);
        if (opts.exportFails) throw new Error('disk full');
        const files: string[] = [];
        await mkdir(options.outDir, { recursive: true });
        for (const [i, a] of options.articles.entries()) {
          const file = path.join(options.outDir, `${a.id}.${options.format}`);
          await writeFile(file, `# ${a.title}\n`);
          files.push(file);
          options.onProgress?.(i + 1, options.articles.length, a.title);
        }
        return {
          files,
          manifestPath: null,
          ...(opts.imageFailures && { imageFailures: opts.imageFailures }),
        };
      },
      close: async () => undefined,
    },
    close: async () => undefined,
  };
}
