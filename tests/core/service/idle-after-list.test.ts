import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FolioApi } from '../../../shared/api';
import { idleAfterList } from '../../../electron/core/service/idle-after-list';
import { createFolioService } from '../../../electron/core/service/create-folio-service';
import { createFakeCore, fakeArticle } from './fake-core';

/** The service over a fake core, with listTags held until `release` is called. */
function service() {
  const core = createFakeCore();
  core.articles.set('a', fakeArticle('a', '天气'));
  const api = createFolioService({
    core,
    platform: {} as never,
    sampleDir: '/none',
  });
  let release!: () => void;
  const held: FolioApi = {
    ...api,
    listTags: () => new Promise((r) => (release = () => r([]))),
  };
  return { api: held, release: () => release() };
}

describe('idleAfterList', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires once, when no call has been in flight for quietMs after the first listRows', async () => {
    const { api } = service();
    const onIdle = vi.fn();
    const idle = idleAfterList({ api, quietMs: 100, onIdle });
    await idle.api.libraryInfo();
    await vi.advanceTimersByTimeAsync(500);
    expect(onIdle).not.toHaveBeenCalled();

    await idle.api.listRows();
    await vi.advanceTimersByTimeAsync(60);
    // A call resets the quiet time.
    await idle.api.getSettings();
    await vi.advanceTimersByTimeAsync(60);
    expect(onIdle).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60);
    expect(onIdle).toHaveBeenCalledTimes(1);

    await idle.api.listRows();
    await vi.advanceTimersByTimeAsync(500);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('waits for calls in flight, and passes answers and errors through', async () => {
    const { api, release } = service();
    const onIdle = vi.fn();
    const idle = idleAfterList({ api, quietMs: 100, onIdle });
    const tags = idle.api.listTags();
    const rows = await idle.api.listRows();
    expect(rows.ids).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(500);
    expect(onIdle).not.toHaveBeenCalled();
    release();
    await expect(tags).resolves.toEqual([]);
    await expect(idle.api.getArticle({ id: 'missing' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await vi.advanceTimersByTimeAsync(100);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('never fires once stopped', async () => {
    const { api } = service();
    const onIdle = vi.fn();
    const idle = idleAfterList({ api, quietMs: 100, onIdle });
    await idle.api.listRows();
    idle.stop();
    await vi.advanceTimersByTimeAsync(500);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
