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
    unmount();
  });
});
