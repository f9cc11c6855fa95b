import { describe, expect, it } from 'vitest';
import { createImportStartedHub } from '../../electron/preload/host-events';

describe('createImportStartedHub', () => {
  it('holds announcements made before the page subscribes and hands them to the first listener', () => {
    const hub = createImportStartedHub();
    hub.receive({ jobId: 'launch-files' });
    const seen: string[] = [];
    hub.subscribe((job) => seen.push(job.jobId));
    expect(seen).toEqual(['launch-files']);
    hub.receive({ jobId: 'menu-import' });
    expect(seen).toEqual(['launch-files', 'menu-import']);
  });

  it('delivers to every listener, stops after unsubscribe, and holds again with none left', () => {
    const hub = createImportStartedHub();
    const a: string[] = [];
    const b: string[] = [];
    const offA = hub.subscribe((job) => a.push(job.jobId));
    const offB = hub.subscribe((job) => b.push(job.jobId));
    hub.receive({ jobId: '1' });
    offA();
    hub.receive({ jobId: '2' });
    offB();
    hub.receive({ jobId: '3' });
    expect(a).toEqual(['1']);
    expect(b).toEqual(['1', '2']);
    const c: string[] = [];
    hub.subscribe((job) => c.push(job.jobId));
    expect(c).toEqual(['3']);
  });

  it('drops malformed payloads and passes on only the job id', () => {
    const hub = createImportStartedHub();
    const seen: unknown[] = [];
    hub.subscribe((job) => seen.push(job));
    for (const bad of [null, 'x', 42, {}, { jobId: 7 }]) hub.receive(bad);
    hub.receive({ jobId: 'j', sender: { send: () => undefined } });
    expect(seen).toEqual([{ jobId: 'j' }]);
  });

  it('keeps a throwing listener from starving the others', () => {
    const errors: unknown[] = [];
    const hub = createImportStartedHub((err) => errors.push(err));
    const seen: string[] = [];
    hub.subscribe(() => {
      throw new Error('page bug');
    });
    hub.subscribe((job) => seen.push(job.jobId));
    hub.receive({ jobId: 'j' });
    expect(seen).toEqual(['j']);
    expect(errors).toHaveLength(1);
  });

  it('holds only the latest announcements while nobody listens', () => {
    const hub = createImportStartedHub();
    for (let i = 0; i < 100; i++) hub.receive({ jobId: String(i) });
    const seen: string[] = [];
    hub.subscribe((job) => seen.push(job.jobId));
    expect(seen).toHaveLength(32);
    expect(seen.at(-1)).toBe('99');
  });
});
