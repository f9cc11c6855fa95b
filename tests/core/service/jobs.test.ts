import { describe, expect, it } from 'vitest';
import { createJobRegistry } from '../../../electron/core/service/jobs';

describe('job registry', () => {
  it('tracks progress, results and the finished flag', () => {
    const jobs = createJobRegistry();
    const job = jobs.start('import', 2);
    job.setCurrent('a.txt');
    job.addResult({ file: 'a.txt', status: 'imported', id: 'a1' });
    const mid = jobs.get(job.id);
    expect(mid).toMatchObject({
      kind: 'import',
      total: 2,
      done: 1,
      current: 'a.txt',
      finished: false,
    });
    job.addResult({ file: 'b.txt', status: 'failed', error: { code: 'NO_CONTENT', message: 'x' } });
    job.finish();
    const end = jobs.get(job.id);
    expect(end).toMatchObject({ done: 2, finished: true, current: '', error: null });
    expect(end.results.map((r) => r.status)).toEqual(['imported', 'failed']);
    // Snapshots are copies: a later read does not change an earlier one.
    expect(mid.results).toHaveLength(1);
    expect(jobs.running()).toEqual([]);
  });

  it('ignores writes after finish and does not double-count exported items', () => {
    const jobs = createJobRegistry();
    const job = jobs.start('export', 3);
    job.setDone(3);
    for (const id of ['a', 'b', 'c']) job.addResult({ file: id, status: 'exported', id });
    job.finish({ output: { savedTo: '/out' } });
    job.addResult({ file: 'late', status: 'exported' });
    expect(jobs.get(job.id)).toMatchObject({ total: 3, done: 3, output: { savedTo: '/out' } });
  });

  it('prunes old finished jobs but keeps running ones', () => {
    let now = 0;
    const jobs = createJobRegistry({
      clock: () => new Date(now),
      keepFinishedMs: 1000,
      maxFinished: 2,
    });
    const running = jobs.start('import');
    const old = jobs.start('import');
    old.finish();
    now = 5000;
    expect(() => jobs.get(old.id)).toThrow(/No job/);
    expect(jobs.get(running.id).finished).toBe(false);
    const ids = [1, 2, 3].map(() => {
      const j = jobs.start('export');
      j.finish();
      return j.id;
    });
    expect(() => jobs.get(ids[0] as string)).toThrow(/No job/);
    expect(jobs.get(ids[2] as string).finished).toBe(true);
  });
});
