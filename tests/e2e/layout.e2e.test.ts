import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropFiles, screenshot, skipReason, startApp, type App } from './harness';

const reason = skipReason();
if (reason) console.warn(`[e2e] skipped: ${reason}`);

/** Right edges of the toolbar's buttons that end past the window's width. */
async function buttonsPastEdge(app: App): Promise<string[]> {
  return app.page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="toolbar"] button')]
      .filter((b) => b.getBoundingClientRect().right > document.documentElement.clientWidth)
      .map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''),
  );
}

describe.skipIf(reason !== null)('layout in a narrow window (900×650)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 900, height: 650 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('gives the welcome the width of the list and reader together', async () => {
    const welcome = app.page.getByTestId('first-run');
    await welcome.waitFor();
    const box = await welcome.boundingBox();
    expect(box?.width).toBeGreaterThan(450);
  });

  it('keeps every toolbar button on screen and the reader readable, in the Trash too', async () => {
    const { page } = app;
    await page.getByTestId('import-sample').click();
    const row = page.getByTestId('article-row').first();
    await row.waitFor();
    await row.click();
    await page.getByTestId('reader-article').waitFor();
    // The harness answers web images empty: the sample's photo shows as a labelled box.
    await page.locator('.article-body .img-missing').first().waitFor();
    expect(await page.locator('.article-body img:not([data-missing])').count()).toBe(0);
    expect(await buttonsPastEdge(app)).toEqual([]);
    const reader = await page.getByTestId('reader').boundingBox();
    expect(reader?.width).toBeGreaterThanOrEqual(380);

    // The Trash adds three buttons to the toolbar.
    await page.getByTestId('trash-button').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('nav-trash').click();
    await page.getByTestId('article-row').first().click();
    await page.getByTestId('empty-trash-button').waitFor();
    expect(await buttonsPastEdge(app)).toEqual([]);
    await screenshot(page, '14-narrow-trash');

    // Details: the inputs stay inside the reader.
    await page.locator('.reader-section summary').nth(1).click();
    const form = page.getByTestId('meta-editor');
    await form.waitFor();
    const overflow = await form.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const readerRight = (await page.getByTestId('reader').boundingBox())!;
    for (const input of await form.locator('input').all()) {
      const b = (await input.boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(readerRight.x + readerRight.width);
    }
    expect(app.pageErrors).toEqual([]);
  });

  it('sets English text with proportional quotes even when a CJK font draws them', async () => {
    // Linux has no Latin font ahead of Noto CJK in the stacks, so ’ comes from a CJK font.
    const widths = await app.page.evaluate(() => {
      const measure = (lang: string): number => {
        const el = document.createElement('span');
        el.lang = lang;
        // Not the `font` shorthand: it would reset font-variant-east-asian itself.
        el.style.fontFamily = "'Noto Serif CJK SC', serif";
        el.style.fontSize = '20px';
        el.textContent = '’’’’’’’’’’';
        document.querySelector('[data-testid="reader"]')!.append(el);
        const w = el.getBoundingClientRect().width;
        el.remove();
        return w;
      };
      return { en: measure('en'), zh: measure('zh-Hans') };
    });
    expect(widths.en).toBeLessThan(widths.zh * 0.7);
  });

  it('words a failed import in Chinese, saying what to do, with long names wrapped', async () => {
    const { page } = app;
    await page.getByTestId('settings-button').click();
    await page.locator('#set-locale').selectOption('zh-Hans');
    await page.getByTestId('settings-dialog').getByRole('button').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    const longName = `${'8f793762792bd252c75fb57544cdf506ffcc04785136cb87503f02'.repeat(2)}.html`;
    await dropFiles(page, [
      { name: 'empty-page.html', base64: '' },
      { name: longName, base64: Buffer.from('<p>x</p>').toString('base64') },
    ]);
    const panel = page.getByTestId('job-panel');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-testid="job-results"] li').length === 2 &&
        /已完成/.test(
          document.querySelector('[data-testid="job-panel"] [role="status"]')?.textContent ?? '',
        ),
    );
    const items = await panel.getByTestId('job-results').locator('.job-hint').allTextContents();
    expect(items[0]).toContain('文件是空的。请重新保存网页后再导入。');
    // The core's English message stays out of the Chinese UI.
    for (const text of items) expect(text).not.toMatch(/[A-Za-z]{3}/);
    expect(await panel.locator('[role="status"]').textContent()).toContain('已完成：');
    const overflow = await panel.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, '15-import-failed-zh');
    expect(app.pageErrors).toEqual([]);
  });
});
