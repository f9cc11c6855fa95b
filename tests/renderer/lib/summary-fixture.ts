import type { ArticleSummary } from '../../../shared/model';

/** A summary with sensible defaults for list tests. */
export function summary(id: string, over: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id,
    title: `Title ${id}`,
    siteName: 'BBC中文',
    authors: [],
    publishedAt: '2020-01-01T00:00:00.000Z',
    importedAt: '2026-11-20T00:00:00.000Z',
    updatedAt: '2026-11-20T00:00:00.000Z',
    lang: 'zh-Hans',
    tags: [],
    hasNotes: false,
    notePreview: '',
    deletedAt: null,
    url: `https://example.com/${id}`,
    ...over,
  };
}
