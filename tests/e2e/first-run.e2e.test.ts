import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, skipReason, startApp, type App } from './harness';

const reason = skipReason();
if (reason) console.warn(`[e2e] skipped: ${reason}`);

describe.skipIf(reason !== null)('first run', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('offers the sample on an empty library and imports it', async () => {
    const { page } = app;
    const welcome = page.getByTestId('first-run');
    await welcome.waitFor();
    await expect(welcome.locator('h1').textContent()).resolves.toBeTruthy();
    await screenshot(page, '01-first-run');

    await page.getByTestId('import-sample').click();
    const panel = page.getByTestId('job-panel');
    await panel.waitFor();
    const row = page.getByTestId('article-row').first();
    await row.waitFor();
    expect(await page.getByTestId('article-row').count()).toBe(1);
    expect(await row.textContent()).toContain('习近平疫情后首次外访');
    expect(await page.getByTestId('first-run').count()).toBe(0);

    await row.click();
    const article = page.getByTestId('reader-article');
    await article.waitFor();
    expect(await article.locator('h1').textContent()).toContain('习近平疫情后首次外访并与普京会面');
    // The feed's promo footer is not part of the clean article.
    expect(await article.textContent()).not.toContain('获取更多RSS');
    await screenshot(page, '02-sample-reader');
    expect(app.pageErrors).toEqual([]);
  });
});
