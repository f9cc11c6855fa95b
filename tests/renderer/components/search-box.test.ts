// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { FolioApi } from '../../../shared/api';
import { FolioError } from '../../../shared/errors';
import { createFakeApi } from '../fixtures/fake-api';
import { mountApp } from '../fixtures/mount-app';
import { typeInto } from '../fixtures/type-into';
import { until } from '../fixtures/until';

describe('SearchBox', () => {
  it('offers to save a query only while the core accepts it', async () => {
    const fake = createFakeApi(20);
    // An unbalanced quote is what the core's parser refuses.
    const api: FolioApi = {
      ...fake,
      search: (req) =>
        req.query.split('"').length % 2 === 0
          ? Promise.reject(new FolioError('INVALID_QUERY', 'A quote is not closed.'))
          : fake.search(req),
    };
    const { host, unmount } = await mountApp(api);
    await until(() => host.querySelector('[data-testid="search-input"]') !== null);
    const input = host.querySelector<HTMLInputElement>('[data-testid="search-input"]')!;
    const save = (): Element | null => host.querySelector('[data-testid="save-search"]');

    typeInto(input, '经济');
    await until(() => host.querySelectorAll('[data-testid="search-hit"]').length > 0);
    expect(save()).not.toBeNull();

    typeInto(input, '"经济');
    await until(() => /Search failed/.test(host.textContent ?? ''));
    expect(save()).toBeNull();

    typeInto(input, '"经济"');
    await until(() => !/Search failed/.test(host.textContent ?? ''));
    expect(save()).not.toBeNull();

    // The query is the one "Save search" was clicked for, even if the box changes meanwhile.
    (save() as HTMLButtonElement).click();
    await until(() => host.querySelector('.save-search-form') !== null);
    const name = host.querySelector<HTMLInputElement>('.save-search-form input')!;
    typeInto(name, '经济短语');
    typeInto(input, '"经济');
    await until(() => input.value === '"经济');
    host.querySelector<HTMLFormElement>('.save-search-form')!.requestSubmit();
    const saved = (): Element | undefined =>
      [...host.querySelectorAll('[data-testid="saved-searches"] button')].find(
        (b) => b.textContent === '经济短语',
      );
    await until(() => saved() !== undefined);
    typeInto(input, '');
    (saved() as HTMLButtonElement).click();
    await until(() => input.value === '"经济"');
    unmount();
  });
});
