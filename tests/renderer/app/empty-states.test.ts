// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createFakeApi } from '../fixtures/fake-api';
import { mountApp } from '../fixtures/mount-app';
import { until } from '../fixtures/until';

describe('empty states', () => {
  it('says which view is empty and names the empty sidebar sections', async () => {
    // Ten articles, none in the Trash, none saved as a search.
    const { host, unmount } = await mountApp(createFakeApi(10));
    // (jsdom lays nothing out, so the virtualised list draws no rows: wait for its count.)
    await until(() => /10/.test(host.querySelector('.list-status')?.textContent ?? ''));
    const empty = (): string => host.querySelector('.list-empty')?.textContent ?? '';
    host.querySelector<HTMLButtonElement>('[data-testid="nav-trash"]')!.click();
    await until(() => empty() !== '');
    expect(empty()).toBe('The Trash is empty.');
    expect(host.querySelector('[data-testid="saved-searches"]')?.textContent).toBe(
      'No saved searches',
    );
    unmount();
  });
});
