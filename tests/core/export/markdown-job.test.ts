import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleToMarkdown } from '../../../electron/core/export/markdown';
import { markdownJob, renderMarkdownJob } from '../../../electron/core/export/markdown-job';
import { richArticle, seedArticle } from './fixtures';

describe('Markdown jobs', () => {
  it('carry only the fields the document shows', () => {
    const job = markdownJob(seedArticle(), 'Cited.', true);
    expect(Object.keys(job.article).sort()).toEqual(
      [
        'authors',
        'contentHtml',
        'images',
        'importedAt',
        'lang',
        'notes',
        'publishedAt',
        'siteName',
        'source',
        'tags',
        'title',
        'url',
      ].sort(),
    );
    expect(job.article.source).toEqual({ sha256: seedArticle().source.sha256 });
  });

  it('render the same bytes as articleToMarkdown, with their sha256', () => {
    for (const article of [seedArticle(), richArticle()]) {
      const { bytes, sha256 } = renderMarkdownJob(markdownJob(article, 'Cited.', true));
      const expected = articleToMarkdown(article, { citation: 'Cited.', includeNotes: true });
      expect(new TextDecoder().decode(bytes)).toBe(expected);
      expect(sha256).toBe(createHash('sha256').update(expected).digest('hex'));
    }
  });

  it('write their file when given one, and send no bytes back', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-md-job-'));
    try {
      const file = { path: path.join(dir, 'a.md'), name: 'a.md', replace: false };
      const out = renderMarkdownJob(markdownJob(richArticle(), 'Cited.', false, file));
      expect(out.bytes).toBeUndefined();
      const written = readFileSync(file.path);
      expect(createHash('sha256').update(written).digest('hex')).toBe(out.sha256);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
