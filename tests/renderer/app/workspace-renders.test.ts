// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { FolioApi } from '../../../shared/api';
import { createFakeApi } from '../fixtures/fake-api';
import { mountApp } from '../fixtures/mount-app';
import { typeInto } from '../fixtures/type-into';
import { until } from '../fixtures/until';
import { installRenderCounter } from './render-counter';

// Before react-dom loads (the imports below are dynamic for that reason).
const counter = installRenderCounter();

describe('Workspace renders', () => {
  it('draws a search answer without rendering the sidebar, toolbar or reader again', async () => {
    // Searches answer when the test says so.
    const fake = createFakeApi(60);
    let release = (): void => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const api: FolioApi = { ...fake, search: (req) => gate.then(() => fake.search(req)) };
    const { host, unmount } = await mountApp(api);
    await until(
      () => host.querySelector('[data-testid="sidebar"] [data-testid="nav-all"]') !== null,
    );
    const input = host.querySelector<HTMLInputElement>('[data-testid="search-input"]')!;
    typeInto(input, '经济');
    await new Promise((r) => setTimeout(r, 20));
    // The keystroke's render is done; the answer is still on its way.
    expect(host.querySelector('[data-testid="search-hit"]')).toBeNull();
    counter.reset();
    release();
    await until(() => host.querySelectorAll('[data-testid="search-hit"]').length > 0);
    expect(counter.counts.get('SearchResults')).toBeGreaterThan(0);
    for (const pane of ['Sidebar', 'Toolbar', 'SearchBox', 'Reader'])
      expect(counter.counts.get(pane) ?? 0, pane).toBe(0);
    // Highlights are marks; the rest of a title is bare text, no wrapper elements.
    const title = host.querySelector('[data-testid="search-hit"] .row-title')!;
    expect(title.querySelector('mark')?.textContent).toBe('经济');
    expect(title.querySelectorAll('*').length).toBe(title.querySelectorAll('mark').length);
    unmount();
  });
});
