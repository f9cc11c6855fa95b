import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
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

  it('copies a citation of the selected article', async () => {
    const { page } = app;
    await page.getByTestId('cite-button').click();
    const text = page.getByTestId('cite-text');
    await page.waitForFunction(
      () =>
        (
          (document.querySelector('[data-testid="cite-text"]') as HTMLTextAreaElement | null)
            ?.value ?? ''
        ).length > 0,
    );
    const value = await text.inputValue();
    expect(value).toContain('习近平疫情后首次外访');
    await page.locator('#cite-style').selectOption('gb-t-7714-numeric');
    await page.waitForFunction(() =>
      /\[(N|EB|Z)(\/OL)?\]/.test(
        (document.querySelector('[data-testid="cite-text"]') as HTMLTextAreaElement | null)
          ?.value ?? '',
      ),
    );
    await screenshot(page, '10-cite-dialog');
    await page.keyboard.press('Escape');
    await text.waitFor({ state: 'detached' });
  });

  it('exports the selection as Markdown and offers it as a zip download', async () => {
    const { page } = app;
    await page.getByTestId('export-button').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.waitFor();
    await page.locator('#export-format').selectOption('md');
    await screenshot(page, '11-export-dialog');
    await dialog.getByRole('button', { name: /^Export 1 article/ }).click();
    const link = page.getByTestId('export-download');
    await link.waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^folio-md-.*\.zip$/);
    const files = unzipSync(new Uint8Array(await readFile(await download.path())));
    const md = Object.entries(files).find(([name]) => name.endsWith('.md'));
    expect(md).toBeDefined();
    expect(new TextDecoder().decode(md?.[1])).toContain('习近平疫情后首次外访并与普京会面');
    await screenshot(page, '12-export-done');
    expect(app.pageErrors).toEqual([]);
  });
});
