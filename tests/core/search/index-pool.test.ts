import { describe, expect, it } from 'vitest';
import { buildDoc, packDoc, unpackDoc } from '../../../electron/core/search/article-doc';
import { createIndexPool, defaultIndexWorkerFile } from '../../../electron/core/search/index-pool';
import { makeArticle } from './fake-library';

const article = makeArticle({
  id: 'a',
  title: '习近平与普京会面',
  text: '上海合作组织峰会在撒马尔罕举行。Leaders met in Samarkand on Thursday.',
  tags: ['外交'],
  authors: ['斯影'],
  notes: {
    markdown: '读后：关系',
    createdAt: '2024-01-02T00:00:00.000Z',
    updatedAt: '2024-01-02T00:00:00.000Z',
  },
});

describe('index pool', () => {
  it('packs a document for another thread and unpacks it unchanged', () => {
    const doc = buildDoc(article);
    expect(doc.terms.size).toBeGreaterThan(20);
    expect(unpackDoc(structuredClone(packDoc(doc)))).toEqual(doc);
    const empty = buildDoc({ ...article, deletedAt: '2024-02-01T00:00:00.000Z' });
    expect(unpackDoc(packDoc(empty))).toEqual(empty);
  });

  it('tokenises in a worker exactly as in this thread, sending only indexed fields', async () => {
    const file = defaultIndexWorkerFile();
    expect(file).not.toBeNull();
    const pool = createIndexPool({ workerFile: file });
    try {
      const huge = { ...article, contentHtml: '<p>x</p>'.repeat(1000) };
      expect(await pool.build(huge)).toEqual(buildDoc(article));
    } finally {
      await pool.close();
    }
  });

  it('tokenises in this thread without a worker file', async () => {
    const pool = createIndexPool({ workerFile: null });
    expect(await pool.build(article)).toEqual(buildDoc(article));
    await pool.close();
  });
});
