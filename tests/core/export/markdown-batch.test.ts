import { describe, expect, it } from 'vitest';
import { FolioError } from '../../../shared/errors';
import { renderMarkdownBatch } from '../../../electron/core/export/markdown-batch';
import {
  markdownJob,
  renderMarkdownJob,
  type MarkdownJob,
} from '../../../electron/core/export/markdown-job';
import type { MarkdownPool } from '../../../electron/core/export/markdown-pool';
import { makeArticle, richArticle, seedArticle } from './fixtures';

const articles = Array.from({ length: 60 }, (_, i) => {
  const a = [seedArticle(), richArticle(), makeArticle({ title: 'Plain' })][i % 3];
  return { ...a, id: `a${i}`, title: `${a?.title} #${i}` } as ReturnType<typeof makeArticle>;
});
const jobs = articles.map((a, i) => markdownJob(a, `Citation ${i}.`));

/** A pool whose worker answers each job after `delayMs`, failing the job `failAt` if set. */
function slowPool(delayMs: number, failAt = -1): MarkdownPool & { ran: MarkdownJob[] } {
  const ran: MarkdownJob[] = [];
  return {
    ran,
    run: (job) => {
      ran.push(job);
      return new Promise((resolve, reject) =>
        setTimeout(() => {
          if (jobs.indexOf(job) === failAt) reject(new FolioError('EXPORT_FAILED', 'boom'));
          else resolve(renderMarkdownJob(job));
        }, delayMs),
      );
    },
    close: async () => undefined,
  };
}

describe('a Markdown batch in workers and this thread', () => {
  it('renders every job once, in order, this thread taking some while the workers are busy', async () => {
    const pool = slowPool(2);
    const made: number[] = [];
    const outputs = await renderMarkdownBatch(
      jobs.length,
      (i) => {
        made.push(i);
        return jobs[i] as MarkdownJob;
      },
      pool,
      4,
    );
    expect(made).toEqual(jobs.map((_, i) => i));
    expect(outputs).toEqual(jobs.map((job) => renderMarkdownJob(job)));
    // The pool held at most 4 at a time, so this thread rendered the others.
    expect(pool.ran.length).toBeGreaterThanOrEqual(4);
    expect(pool.ran.length).toBeLessThan(jobs.length);
  });

  it("stops at a worker's failure and rejects with it", async () => {
    const pool = slowPool(1, 2);
    let made = 0;
    const batch = renderMarkdownBatch(
      jobs.length,
      (i) => {
        made += 1;
        return jobs[i] as MarkdownJob;
      },
      pool,
      4,
    );
    await expect(batch).rejects.toThrow('boom');
    expect(made).toBeLessThan(jobs.length);
  });
});
