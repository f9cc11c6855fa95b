/**
 * Renders a large Markdown batch in worker threads and this thread together. The workers get
 * jobs until `ahead` are queued or running; while they are that busy, this thread renders the
 * next article itself (the same renderMarkdownJob a worker runs) and then lets the workers'
 * answers in. On 2 cores, one worker and this thread use both cores without a third thread
 * competing for them, and only one worker pays for starting and warming up.
 */
import { renderMarkdownJob, type MarkdownJob, type MarkdownOutput } from './markdown-job';
import type { MarkdownPool } from './markdown-pool';

/** Renders jobs 0…count-1 (made in order by `jobAt`); the outputs come back in that order. */
export async function renderMarkdownBatch(
  count: number,
  jobAt: (index: number) => MarkdownJob,
  pool: MarkdownPool,
  ahead: number,
): Promise<MarkdownOutput[]> {
  const outputs: Array<MarkdownOutput | Promise<MarkdownOutput>> = [];
  let pooled = 0;
  // Set by a worker's answer, between this loop's turns.
  const failure: { error?: unknown; failed?: true } = {};
  for (let i = 0; i < count; i++) {
    // A failed render ends the batch; the rest are not started.
    if (failure.failed) throw failure.error;
    const job = jobAt(i);
    if (pooled < ahead) {
      pooled += 1;
      const output = pool.run(job);
      output.then(
        () => (pooled -= 1),
        (error: unknown) => {
          pooled -= 1;
          if (!failure.failed) Object.assign(failure, { failed: true, error });
        },
      );
      outputs.push(output);
    } else {
      outputs.push(renderMarkdownJob(job));
      // Let the workers' answers in: each one frees a place and sends a worker its next job.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return Promise.all(outputs);
}
