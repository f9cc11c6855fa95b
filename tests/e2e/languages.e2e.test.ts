import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, skipReason, startApp, type App } from './harness';

const reason = skipReason();
if (reason) console.warn(`[e2e] skipped: ${reason}`);

describe.skipIf(reason !== null)('a browser set to Traditional Chinese (zh-TW)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ locale: 'zh-TW' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the UI in 繁體中文 with Taiwan’s words, and finds Simplified text from Traditional', async () => {
    const { page } = app;
    await page.getByTestId('first-run').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    expect(await page.getByTestId('import-button').textContent()).toBe('匯入…');
    expect(await page.getByTestId('first-run').textContent()).toContain('歡迎使用 Folio');
    await page.getByTestId('import-sample').click();
    await page.getByTestId('article-row').first().waitFor();
    // The sample is written in Simplified (BBC中文): a query in Traditional finds it.
    await page.getByTestId('search-input').fill('習近平');
    await page.getByTestId('search-hit').first().waitFor();
    expect(await page.getByTestId('search-results').locator('.list-status').textContent()).toMatch(
      /筆結果/,
    );
    await screenshot(page, '20-zh-hant');

    // Fonts by script: the Traditional UI puts TC fonts first, the Simplified article SC fonts.
    await page.getByTestId('search-hit').first().click();
    await page.locator('.article-body').waitFor();
    const first = (stack: string, a: string, b: string): string =>
      stack.indexOf(a) < stack.indexOf(b) ? a : b;
    const fonts = await page.evaluate(() => ({
      ui: getComputedStyle(document.body).fontFamily,
      body: getComputedStyle(document.querySelector('.article-body')!).fontFamily,
      byline: getComputedStyle(document.querySelector('.reader-kicker')!).fontFamily,
    }));
    expect(first(fonts.ui, 'Noto Sans CJK TC', 'Noto Sans CJK SC')).toBe('Noto Sans CJK TC');
    expect(first(fonts.body, 'Noto Serif CJK TC', 'Noto Serif CJK SC')).toBe('Noto Serif CJK SC');
    expect(first(fonts.byline, 'Noto Sans CJK TC', 'Noto Sans CJK SC')).toBe('Noto Sans CJK SC');
  });

  it('keeps a language chosen in Settings, 繁體中文 included, over the browser’s', async () => {
    const { page } = app;
    const choose = async (locale: string, lang: string): Promise<void> => {
      await page.getByTestId('settings-button').click();
      await page.locator('#set-locale').selectOption(locale);
      await page.getByTestId('settings-dialog').getByRole('button').click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    };
    await choose('en', 'en');
    expect(await page.getByTestId('import-button').textContent()).toBe('Import…');
    await choose('zh-Hant', 'zh-Hant');
    // Saved in the library: a reload keeps it.
    await page.reload();
    await page.getByTestId('import-button').waitFor();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    expect(await page.getByTestId('import-button').textContent()).toBe('匯入…');
  });
});
