// @vitest-environment jsdom
import type { FunctionComponent } from 'react';
import { describe, expect, it } from 'vitest';
import type { FolioApi } from '../../../shared/api';
import { createFakeApi } from '../fixtures/fake-api';
import { until } from '../fixtures/until';

// The root tsconfig type-checks tests without JSX, so a .tsx module is imported by a path it
// does not follow.
const APP = '../../../renderer/src/app/App';

describe('empty states', () => {
  it('says which view is empty and names the empty sidebar sections', async () => {
    const { createElement } = await import('react');
    const { createRoot } = await import('react-dom/client');
    const { App } = (await import(/* @vite-ignore */ APP)) as {
      App: FunctionComponent<{ api: FolioApi }>;
    };
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    // Ten articles, none in the Trash, none saved as a search.
    root.render(createElement(App, { api: createFakeApi(10) }));
    // (jsdom lays nothing out, so the virtualised list draws no rows: wait for its count.)
    await until(() => /10/.test(host.querySelector('.list-status')?.textContent ?? ''));
    const empty = (): string => host.querySelector('.list-empty')?.textContent ?? '';
    host.querySelector<HTMLButtonElement>('[data-testid="nav-trash"]')!.click();
    await until(() => empty() !== '');
    expect(empty()).toBe('The Trash is empty.');
    expect(host.querySelector('[data-testid="saved-searches"]')?.textContent).toBe(
      'No saved searches',
    );
    root.unmount();
    host.remove();
  });
});
