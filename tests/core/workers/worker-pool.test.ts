import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { FolioError } from '../../../shared/errors';
import { createWorkerPool, findWorkerFile } from '../../../electron/core/workers/worker-pool';
import type { FixtureJob, FixtureResult } from './fixture-worker';

const workerFile = new URL('./fixture-worker.mjs', import.meta.url);
const double = (job: FixtureJob): FixtureResult => ({
  n: job.op === 'double' ? job.n * 2 : Number.NaN,
  thread: -1,
});

describe('worker pool', () => {
  const pool = createWorkerPool<FixtureJob, FixtureResult>({
    workerFile,
    size: 2,
    name: 'The fixture',
  });
  afterAll(() => pool.close());

  it('finds a worker entry next to a module, or nothing', () => {
    expect(findWorkerFile(import.meta.url, 'fixture-worker')?.href).toBe(workerFile.href);
    expect(findWorkerFile(import.meta.url, 'no-such-worker')).toBeNull();
  });

  it('runs jobs across up to `size` workers and matches answers to requests', async () => {
    const jobs = Array.from({ length: 8 }, (_, n) => pool.run({ op: 'double', n, waitMs: 50 }));
    const results = await Promise.all(jobs);
    expect(results.map((r) => r.n)).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
    const threads = new Set(results.map((r) => r.thread));
    expect(threads.size).toBe(2);
    expect(threads.has(0)).toBe(false); // 0 is the main thread
  }, 30_000);

  it("delivers a job's error as a FolioError with its code", async () => {
    const err = await pool.run({ op: 'fail' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FolioError);
    expect((err as FolioError).code).toBe('INVALID_INPUT');
    expect((err as FolioError).message).toBe('bad job');
  }, 30_000);

  it('rejects the job of a worker that dies, and carries on with a new worker', async () => {
    const err = await pool.run({ op: 'exit' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FolioError);
    expect((err as FolioError).code).toBe('INTERNAL');
    expect((err as FolioError).message).toMatch(/^The fixture crashed: worker exited with code 3/);
    const after = await pool.run({ op: 'double', n: 5 });
    expect(after.n).toBe(10);
    expect(after.thread).toBeGreaterThan(0);
  }, 30_000);

  it('keeps `depth` jobs in a worker, and rejects them all when it dies', async () => {
    const own = createWorkerPool<FixtureJob, FixtureResult>({
      workerFile,
      size: 1,
      depth: 2,
      name: 'The fixture',
    });
    const answers = await Promise.all([1, 2, 3].map((n) => own.run({ op: 'double', n })));
    expect(answers.map((a) => a.n)).toEqual([2, 4, 6]);
    const [dies, sentWithIt, queued] = await Promise.all(
      (['exit', 'double', 'double'] as const).map((op) =>
        own.run(op === 'exit' ? { op } : { op, n: 1, waitMs: 100 }).catch((e: unknown) => e),
      ),
    );
    expect((dies as FolioError).message).toMatch(/crashed/);
    expect((sentWithIt as FolioError).message).toMatch(/crashed/);
    expect((queued as FixtureResult).n).toBe(2);
    await own.close();
  }, 30_000);

  it('runs inputs marked unlimited in a worker of their own without the heap limit', async () => {
    const own = createWorkerPool<FixtureJob, FixtureResult>({
      workerFile,
      size: 1,
      name: 'The fixture',
      resourceLimits: { maxOldGenerationSizeMb: 48 },
      unlimited: (job) => job.op === 'hog' && job.mb > 32,
    });
    const small = await own.run({ op: 'hog', mb: 4 });
    // Far over the limit: in the limited worker this ends in ERR_WORKER_OUT_OF_MEMORY.
    const big = await own.run({ op: 'hog', mb: 160 });
    expect(big.n).toBe(160);
    expect(big.thread).not.toBe(small.thread);
    const next = await own.run({ op: 'double', n: 21 });
    expect(next).toEqual({ n: 42, thread: small.thread });
    await own.close();
  }, 60_000);

  it('runs at most `size` unlimited inputs at a time', async () => {
    const own = createWorkerPool<FixtureJob, FixtureResult>({
      workerFile,
      size: 1,
      name: 'The fixture',
      resourceLimits: { maxOldGenerationSizeMb: 48 },
      unlimited: () => true,
    });
    const started = Date.now();
    const results = await Promise.all(
      [1, 2, 3].map((n) => own.run({ op: 'double', n, waitMs: 1500 })),
    );
    // One after another: never faster than the three waits in a row.
    expect(Date.now() - started).toBeGreaterThanOrEqual(4500);
    expect(results.map((r) => r.n)).toEqual([2, 4, 6]);
    expect(new Set(results.map((r) => r.thread)).size).toBe(3);
    await own.close();
  }, 60_000);

  it('falls back to this thread when a worker for an unlimited input cannot start', async () => {
    const broken = createWorkerPool<FixtureJob, FixtureResult>({
      workerFile: path.join(import.meta.dirname, 'no-such-worker.mjs'),
      name: 'The fixture',
      fallback: double,
      resourceLimits: { maxOldGenerationSizeMb: 48 },
      unlimited: () => true,
    });
    expect(await broken.run({ op: 'double', n: 2 })).toEqual({ n: 4, thread: -1 });
    expect(await broken.run({ op: 'double', n: 3 })).toEqual({ n: 6, thread: -1 });
    await broken.close();
  }, 30_000);

  it('rejects waiting jobs on close and refuses work after it', async () => {
    const own = createWorkerPool<FixtureJob, FixtureResult>({
      workerFile,
      size: 1,
      name: 'The fixture',
    });
    const first = own.run({ op: 'double', n: 1, waitMs: 5_000 }).catch((e: unknown) => e);
    const queued = own.run({ op: 'double', n: 2 }).catch((e: unknown) => e);
    await own.close();
    expect(((await first) as FolioError).message).toBe('The fixture was closed.');
    expect(((await queued) as FolioError).message).toBe('The fixture was closed.');
    const late = await own.run({ op: 'double', n: 3 }).catch((e: unknown) => e);
    expect((late as FolioError).message).toBe('The fixture is closed.');
  }, 30_000);

  it('runs jobs in this thread when there is no worker file', async () => {
    const inline = createWorkerPool<FixtureJob, FixtureResult>({
      workerFile: null,
      name: 'The fixture',
      fallback: double,
    });
    expect(await inline.run({ op: 'double', n: 4 })).toEqual({ n: 8, thread: -1 });
    await inline.close();
  });

  it('falls back to this thread for good when a worker cannot start', async () => {
    const broken = createWorkerPool<FixtureJob, FixtureResult>({
      workerFile: path.join(import.meta.dirname, 'no-such-worker.mjs'),
      size: 2,
      name: 'The fixture',
      fallback: double,
    });
    const results = await Promise.all([1, 2, 3].map((n) => broken.run({ op: 'double', n })));
    expect(results).toEqual([2, 4, 6].map((n) => ({ n, thread: -1 })));
    expect(await broken.run({ op: 'double', n: 7 })).toEqual({ n: 14, thread: -1 });
    await broken.close();
  }, 30_000);

  it('rejects with INTERNAL when a worker cannot start and there is no fallback', async () => {
    const broken = createWorkerPool<FixtureJob, FixtureResult>({
      workerFile: path.join(import.meta.dirname, 'no-such-worker.mjs'),
      name: 'The fixture',
    });
    const err = await broken.run({ op: 'double', n: 1 }).catch((e: unknown) => e);
    expect((err as FolioError).code).toBe('INTERNAL');
    expect((err as FolioError).message).toMatch(/^The fixture could not start/);
    await broken.close();
  }, 30_000);

  it('lets a process exit once its unclosed pool is idle', async () => {
    const script = path.join(import.meta.dirname, 'idle-exit.ts');
    const started = Date.now();
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
      timeout: 30_000,
    });
    expect(stdout.trim()).toBe('answer 42');
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 40_000);
});
