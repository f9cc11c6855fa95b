import { existsSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DUMPS_DIR,
  corpusDumps,
  dropFiles,
  readDropFiles,
  screenshot,
  skipReason,
  startApp,
  type App,
} from './harness';

const reason =
  skipReason() ??
  (existsSync(DUMPS_DIR) ? null : `dev corpus not found at ${DUMPS_DIR} (set FOLIO_CORPUS_DIR)`);
if (reason) console.warn(`[e2e] skipped: ${reason}`);

/** The "N articles" count the list header shows. */
async function listCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('list-pane').locator('.list-status').textContent()) ?? '';
  return Number(/\d+/.exec(text)?.[0] ?? NaN);
}

/** Waits until the list header shows `n` articles. */
async function waitListCount(page: Page, n: number): Promise<void> {
  await page.waitForFunction((want) => {
    const el = document.querySelector('[data-testid="list-pane"] .list-status');
    return el !== null && new RegExp(`(^|\\D)${want}(\\D|$)`).test(el.textContent ?? '');
  }, n);
}

/** Types a query into the search box and waits for the results of exactly that query. */
async function search(page: Page, query: string): Promise<string[]> {
  const box = page.getByTestId('search-input');
  // Wait for the answer to exactly this query: the list may still show the previous hits.
  const answered = page.waitForResponse(
    (r) =>
      r.url().endsWith('/api/search') &&
      (r.request().postDataJSON() as { query?: string }).query === query,
  );
  await box.fill(query);
  const body = (await (await answered).json()) as { data: { hits: unknown[] } };
  // The answer drawn: until then the pane may still show the previous query's hits.
  await page.waitForFunction(
    ({ q, n }) =>
      document.querySelector('[data-testid="search-results"]')?.getAttribute('data-query') === q &&
      document.querySelectorAll('[data-testid="search-hit"]').length === n,
    { q: query, n: body.data.hits.length },
    { timeout: 10_000 },
  );
  return page.getByTestId('search-hit').locator('.row-title').allTextContents();
}

describe.skipIf(reason !== null)('library: import, organise, search, navigate', () => {
  let app: App;
  let total = 0;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('imports dev-corpus files dropped onto the window, with progress', async () => {
    const { page } = app;
    await page.getByTestId('first-run').waitFor();
    const files = await corpusDumps();
    await dropFiles(page, await readDropFiles(files));
    const panel = page.getByTestId('job-panel');
    await panel.waitFor();
    await expect(panel.locator('progress').count()).resolves.toBe(1);
    await page.waitForFunction(
      () =>
        /Finished/.test(
          document.querySelector('[data-testid="job-panel"] [role="status"]')?.textContent ?? '',
        ),
      null,
      // Generous: the machine may be busy; this is about correctness, not speed.
      { timeout: 200_000 },
    );
    const status = (await panel.locator('[role="status"]').first().textContent()) ?? '';
    expect(status).toContain(`${files.length} of ${files.length}`);
    expect(await panel.getByTestId('job-results').locator('li').count()).toBe(files.length);
    total = app.core.library.info().articleCount;
    expect(total).toBeGreaterThanOrEqual(files.length - 3);
    await waitListCount(page, total);
    await screenshot(page, '03-list-after-import');
    await panel.getByRole('button', { name: 'Close' }).click();
  }, 240_000);

  it('tags an article, renames the tag and writes a note', async () => {
    const { page } = app;
    const first = page.getByTestId('article-row').first();
    await first.click();
    const reader = page.getByTestId('reader-article');
    await reader.waitFor();
    const title = ((await reader.locator('h1').textContent()) ?? '').trim();
    const id = app.core.library.list({ view: 'all' }).find((s) => s.title === title)?.id;
    expect(id).toBeTruthy();

    await page.getByTestId('tag-input').fill('待读');
    await page.getByTestId('tag-input').press('Enter');
    const tagList = page.getByTestId('tag-list');
    await tagList.getByRole('button', { name: /待读/ }).first().waitFor();
    expect(app.core.library.tags()).toEqual([{ tag: '待读', count: 1 }]);

    await page.getByRole('button', { name: 'Manage tag 待读' }).click();
    const dialog = page.getByTestId('tag-dialog');
    await dialog.locator('#tag-rename').fill('精读');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await tagList.getByRole('button', { name: /精读/ }).first().waitFor();
    expect(await tagList.textContent()).not.toContain('待读');
    expect(app.core.library.tags()).toEqual([{ tag: '精读', count: 1 }]);

    await reader.locator('summary', { hasText: 'Note' }).click();
    await page.getByTestId('note-input').fill('# 读后感\n\n值得**再读**。');
    await page.getByTestId('note-editor').getByText('Saved').waitFor();
    expect((await app.core.library.get(id as string)).notes?.markdown).toBe(
      '# 读后感\n\n值得**再读**。',
    );
    await screenshot(page, '04-reader-tag-note');
  });

  it('filters by view, tag and publication', async () => {
    const { page } = app;
    await page.getByTestId('nav-untagged').click();
    await waitListCount(page, total - 1);
    await page.getByTestId('tag-list').getByRole('button', { name: /精读/ }).first().click();
    await waitListCount(page, 1);
    const pub = page.getByTestId('publication-list').locator('button').first();
    const pubCount = Number(await pub.locator('.nav-count').textContent());
    await pub.click();
    await waitListCount(page, pubCount);
    expect(await listCount(page)).toBe(pubCount);
    await screenshot(page, '05-filter-publication');
    await page.getByTestId('nav-all').click();
    await waitListCount(page, total);
  });

  it('searches in Simplified and in Traditional Chinese', async () => {
    const { page } = app;
    const simplified = await search(page, '朝鲜战争');
    expect(simplified[0]).toContain('朝鲜战争');
    await screenshot(page, '06-search-simplified');
    const traditional = await search(page, '朝鮮戰爭');
    expect(traditional[0]).toContain('朝鲜战争');
    const lawyer = await search(page, '維權律師');
    expect(lawyer.some((t) => t.includes('维权律师'))).toBe(true);
    await screenshot(page, '07-search-traditional');
    await page.getByTestId('search-input').fill('');
    await waitListCount(page, total);
  });

  it('searches text typed through an input method once, when it is committed', async () => {
    const { page } = app;
    const box = page.getByTestId('search-input');
    const sent: string[] = [];
    const onRequest = (r: Request) => {
      if (r.url().endsWith('/api/search')) sent.push((r.postDataJSON() as { query: string }).query);
    };
    page.on('request', onRequest);
    const cdp = await page.context().newCDPSession(page);
    await box.focus();
    // Pinyin on its way to 朝鲜, as an input method sends it, then the committed text.
    for (const text of ['c', 'ch', 'cha', 'chao', 'chaox', 'chaoxi', 'chaoxian']) {
      await cdp.send('Input.imeSetComposition', {
        text,
        selectionStart: text.length,
        selectionEnd: text.length,
      });
    }
    expect(await box.inputValue()).toBe('chaoxian');
    expect(await page.getByTestId('search-results').count()).toBe(0);
    await cdp.send('Input.insertText', { text: '朝鲜' });
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="search-results"]')?.getAttribute('data-query') ===
          '朝鲜' && document.querySelectorAll('[data-testid="search-hit"]').length > 0,
    );
    page.off('request', onRequest);
    await cdp.detach();
    expect(sent).toEqual(['朝鲜']);
    await box.fill('');
    await waitListCount(page, total);
  });

  it('works from the keyboard alone', async () => {
    const { page } = app;
    await page.locator('body').click({ position: { x: 5, y: 795 } });
    await page.keyboard.press('/');
    await expect(
      page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    ).resolves.toBe('search-input');
    // Tab from the search box until the article list has focus.
    let focused: string | null = null;
    for (let i = 0; i < 60 && focused !== 'article-list'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(
        () => document.activeElement?.getAttribute('data-testid') ?? null,
      );
    }
    expect(focused).toBe('article-list');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const summaries = await page.getByTestId('article-row').locator('.row-title').allTextContents();
    const reader = page.getByTestId('reader-article');
    await page.waitForFunction(
      (want) =>
        document.querySelector('[data-testid="reader-article"] h1')?.textContent?.trim() === want,
      (summaries[2] ?? '').trim(),
    );
    await expect(
      page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    ).resolves.toBe('reader');
    // From the reader, Tab reaches the tag input; a tag typed there lands on the focused article.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if (
        (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) ===
        'tag-input'
      )
        break;
    }
    await page.keyboard.type('键盘');
    await page.keyboard.press('Enter');
    await page.getByTestId('tag-list').getByRole('button', { name: /键盘/ }).first().waitFor();
    expect(await reader.getByTestId('tag-editor').textContent()).toContain('键盘');
    await screenshot(page, '08-keyboard');
    expect(app.pageErrors).toEqual([]);
  });

  it('deletes an article from the Trash for good, only after a second confirmation', async () => {
    const { page } = app;
    const confirmDialog = page.getByTestId('confirm-dialog');
    /** Waits for the question matching `text`, then answers it. */
    const answer = async (text: RegExp, ok: boolean): Promise<void> => {
      await confirmDialog.getByText(text).waitFor();
      if (ok) await confirmDialog.getByTestId('confirm-ok').click();
      else await confirmDialog.getByRole('button', { name: 'Cancel' }).click();
    };
    const first = /Permanently delete 1 article\?/;
    const second = /cannot be undone/;
    await page.getByTestId('nav-all').click();
    const row = page.getByTestId('article-row').first();
    const id = (await row.getAttribute('data-id')) as string;
    await row.click();
    await page.getByTestId('trash-button').click();
    await answer(/to the Trash/, true);
    await confirmDialog.waitFor({ state: 'detached' });
    await page.getByTestId('nav-trash').click();
    await waitListCount(page, 1);
    await page.getByTestId('article-row').first().click();
    // Cancelling the second question keeps the article.
    await page.getByTestId('delete-forever-button').click();
    await answer(first, true);
    await answer(second, false);
    await confirmDialog.waitFor({ state: 'detached' });
    expect((await app.core.library.get(id)).deletedAt).not.toBeNull();
    await screenshot(page, '13-trash-delete');
    // The Delete key asks the same two questions.
    await page.getByTestId('article-list').focus();
    await page.keyboard.press('Delete');
    await answer(first, true);
    await answer(second, true);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="article-row"]').length === 0,
    );
    await expect(app.core.library.get(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(app.core.library.info().trashCount).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});
