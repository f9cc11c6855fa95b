// @vitest-environment jsdom
import type { FunctionComponent } from 'react';
import { describe, expect, it } from 'vitest';
import type { FolioApi, JobStatus } from '../../../shared/api';
import { FolioError } from '../../../shared/errors';
import { createFakeApi } from '../fixtures/fake-api';
import { until } from '../fixtures/until';

// The root tsconfig type-checks tests without JSX, so a .tsx module is imported by a path it
// does not follow.
const PANEL = '../../../renderer/src/components/JobPanel';
const API_CONTEXT = '../../../renderer/src/api/api-context';

describe('JobPanel', () => {
  it('shows a finished export in its folder, and says why when it cannot', async () => {
    const { createElement, act } = await import('react');
    const { createRoot } = await import('react-dom/client');
    const { JobPanel } = (await import(/* @vite-ignore */ PANEL)) as {
      JobPanel: FunctionComponent<{
        jobId: string;
        title: string;
        onFinished: () => void;
        onClose: () => void;
      }>;
    };
    const { ApiContext } = (await import(/* @vite-ignore */ API_CONTEXT)) as {
      ApiContext: React.Context<FolioApi | null>;
    };
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
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () => {
      root.render(
        createElement(
          ApiContext.Provider,
          { value: api },
          createElement(JobPanel, {
            jobId: 'job-7',
            title: 'Export',
            onFinished: () => {},
            onClose: () => {},
          }),
        ),
      );
    });
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
    await act(async () => root.unmount());
    host.remove();
  });
});
