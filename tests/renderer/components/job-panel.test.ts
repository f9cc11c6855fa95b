// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { FolioApi, JobStatus } from '../../../shared/api';
import { FolioError } from '../../../shared/errors';
import { createFakeApi } from '../fixtures/fake-api';
import { mountComponent } from '../fixtures/mount-app';
import { until } from '../fixtures/until';

describe('JobPanel', () => {
  it('shows a finished export in its folder, and says why when it cannot', async () => {
    const done: JobStatus = {
      id: 'job-7',
      kind: 'export',
      total: 1,
      done: 1,
      current: '',
      finished: true,
      results: [{ file: 'a.md', status: 'exported' }],
      error: null,
      output: { savedTo: '/home/u/Exports' },
    };
    const asked: string[] = [];
    let missing = false;
    const api: FolioApi = {
      ...createFakeApi(1),
      jobStatus: async () => done,
      showExport: async ({ jobId }) => {
        asked.push(jobId);
        if (missing) throw new FolioError('NOT_FOUND', '/home/u/Exports is no longer there');
      },
    };
    const { host, unmount } = await mountComponent(
      api,
      { module: 'components/JobPanel', name: 'JobPanel' },
      { jobId: 'job-7', title: 'Export', onFinished: () => {}, onClose: () => {} },
    );
    await until(() => host.querySelector('[data-testid="export-show"]') !== null);
    const button = host.querySelector<HTMLButtonElement>('[data-testid="export-show"]')!;
    expect(host.textContent).toContain('Saved to /home/u/Exports');
    await act(async () => button.click());
    expect(asked).toEqual(['job-7']);
    expect(host.querySelector('[role="alert"]')).toBeNull();

    missing = true;
    await act(async () => button.click());
    await until(() => host.querySelector('[role="alert"]') !== null);
    expect(host.querySelector('[role="alert"]')?.textContent).toMatch(/no longer there/);
    await unmount();
  });
});
