import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, skipReason, startApp, type App } from './harness';

const reason = skipReason();
if (reason) console.warn(`[e2e] skipped: ${reason}`);

/** The focused element's test id. */
const focusedId = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Whether the focused element, or a row inside it, draws a focus indicator. */
const indicatorShown = (page: Page): Promise<boolean> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const drawn = (e: Element): boolean => {
      const cs = getComputedStyle(e);
      return (
        (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none'
      );
    };
    return drawn(el) || [...el.querySelectorAll('.focused')].some(drawn);
  });

describe.skipIf(reason !== null)('keyboard focus', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
    await app.page.getByTestId('import-sample').click();
    await app.page.getByTestId('article-row').first().waitFor();
    await app.page.getByTestId('job-panel').getByRole('button', { name: 'Close' }).click();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows where the focus is when Tab reaches the list before any row is focused', async () => {
    const { page } = app;
    await page.getByTestId('search-input').focus();
    for (let i = 0; i < 30 && (await focusedId(page)) !== 'article-list'; i++)
      await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('article-list');
    expect(await page.locator('.row.focused').count()).toBe(0);
    expect(await indicatorShown(page)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.locator('.row.focused').waitFor();
    expect(await indicatorShown(page)).toBe(true);
    await screenshot(page, '16-list-focus');
  });

  it('gives the focus back to what opened a dialog when it closes', async () => {
    const { page } = app;
    expect(await focusedId(page)).toBe('article-list');
    await page.keyboard.press('?');
    await page.getByTestId('help-dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('help-dialog').waitFor({ state: 'detached' });
    expect(await focusedId(page)).toBe('article-list');

    await page.getByTestId('settings-button').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('settings-dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('settings-dialog').waitFor({ state: 'detached' });
    expect(await focusedId(page)).toBe('settings-button');
    expect(app.pageErrors).toEqual([]);
  });

  it('clears the search with Escape from the hits, and the list takes the focus', async () => {
    const { page } = app;
    await page.getByTestId('search-input').fill('普京');
    await page.getByTestId('search-hit').first().waitFor();
    await page.getByTestId('hit-list').focus();
    await page.keyboard.press('Escape');
    await page.getByTestId('article-list').waitFor();
    expect(await page.getByTestId('search-input').inputValue()).toBe('');
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'article-list',
    );
    expect(app.pageErrors).toEqual([]);
  });

  it('draws the destructive button of the dark theme with legible text', async () => {
    const { page } = app;
    await page.getByTestId('settings-button').click();
    await page.locator('#set-theme').selectOption('dark');
    await page.getByTestId('settings-dialog').getByRole('button').click();
    await page.getByTestId('article-row').first().click();
    await page.getByTestId('trash-button').click();
    const ok = page.getByTestId('confirm-ok');
    await ok.waitFor();
    // It names the action it confirms.
    expect(await ok.textContent()).toBe('Move to Trash');
    // WCAG contrast of the button's text on its background; AA asks 4.5 for text this size.
    const ratio = await ok.evaluate((el) => {
      const cs = getComputedStyle(el);
      const lum = (css: string): number => {
        const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
          const c = Number(v) / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const [hi, lo] = [lum(cs.color), lum(cs.backgroundColor)].sort((a, b) => b - a);
      return (hi! + 0.05) / (lo! + 0.05);
    });
    expect(ratio).toBeGreaterThanOrEqual(4.5);
    await screenshot(page, '17-dark-confirm');
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(app.pageErrors).toEqual([]);
  });

  it('gives the focus to the list when the import panel is closed from the keyboard', async () => {
    const { page } = app;
    await page.getByTestId('import-button').focus();
    await page.getByTestId('file-input').setInputFiles({
      name: 'empty.html',
      mimeType: 'text/html',
      buffer: Buffer.from(''),
    });
    const close = page.getByTestId('job-panel').getByRole('button', { name: 'Close' });
    await close.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('job-panel').waitFor({ state: 'detached' });
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'article-list',
    );
    expect(app.pageErrors).toEqual([]);
  });
});
