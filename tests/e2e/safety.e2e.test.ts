import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropFiles, screenshot, skipReason, startApp, type App } from './harness';

const reason = skipReason();
if (reason) console.warn(`[e2e] skipped: ${reason}`);

// Every payload tries to set window.__pwned or change the title; none may succeed.
const HOSTILE_BODY = `
<p>这是一篇用来检验安全性的文章。正文第一段需要足够长，才能被识别为文章内容而不是导航或者广告。</p>
<script>window.__pwned = 'script'; document.title = 'PWNED';</script>
<img src="https://example.invalid/x.png" onerror="window.__pwned = 'onerror'; document.title = 'PWNED'">
<p>第二段：<a id="js-link" href="javascript:window.__pwned='js-link';document.title='PWNED'">危险链接</a>，
以及<a id="ext-link" href="https://example.com/next">外部链接</a>，
以及<a id="data-link" href="data:text/html,&lt;script&gt;opener.__pwned='data'&lt;/script&gt;">数据链接</a>。</p>
<iframe src="javascript:parent.__pwned='iframe'"></iframe>
<iframe srcdoc="&lt;script&gt;parent.__pwned='srcdoc'&lt;/script&gt;"></iframe>
<embed src="data:text/html,&lt;script&gt;parent.__pwned='embed'&lt;/script&gt;">
<object data="data:text/html,&lt;script&gt;parent.__pwned='object'&lt;/script&gt;"></object>
<svg onload="window.__pwned='svg'"><script>window.__pwned='svg-script'</script></svg>
<form action="javascript:window.__pwned='form'"><button id="form-button">提交</button></form>
<div onmouseover="window.__pwned='mouseover'" style="background:url(javascript:window.__pwned='css')">悬停区域</div>
<meta http-equiv="refresh" content="0;url=https://example.com/">
<base href="https://evil.example/">
<p>第三段：更多正文内容，用来确保这篇文章有足够的文字，被当作正常的新闻文章导入资料库。</p>
`;

const HOSTILE_DUMP = `<!--1600000000000-->\n[安全测试文章](https://example.com/hostile)\n------\n${HOSTILE_BODY}`;

async function pwned(page: Page): Promise<{ pwned: unknown; title: string; url: string }> {
  return page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    title: document.title,
    url: location.href,
  }));
}

describe.skipIf(reason !== null)('hostile content', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
    // Record what the app asks the "system browser" to open instead of opening real tabs.
    await app.page.addInitScript(() => {
      const w = window as unknown as { __opened: string[] };
      w.__opened = [];
      window.open = (url?: string | URL) => {
        w.__opened.push(String(url));
        return null;
      };
    });
    await app.page.reload();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('imports and shows a hostile dump without running anything', async () => {
    const { page } = app;
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const popups: string[] = [];
    page.context().on('page', (p) => popups.push(p.url()));
    const startUrl = page.url();

    await page.getByTestId('first-run').waitFor();
    await dropFiles(page, [
      { name: 'hostile.txt', base64: Buffer.from(HOSTILE_DUMP).toString('base64') },
    ]);
    await page.getByTestId('article-row').first().click();
    const body = page.getByTestId('reader-article').locator('.article-body');
    await body.waitFor();
    expect(await body.textContent()).toContain('正文第一段');

    // Nothing executable survives in the rendered article.
    const dangerous = await body.evaluate((el) => {
      const found: string[] = [];
      for (const node of Array.from(el.querySelectorAll('*'))) {
        const tag = node.tagName.toLowerCase();
        if (['script', 'iframe', 'embed', 'object', 'form', 'meta', 'base', 'svg'].includes(tag))
          found.push(tag);
        for (const attr of Array.from(node.attributes)) {
          if (/^on/i.test(attr.name)) found.push(`${tag}[${attr.name}]`);
          if (/^\s*(javascript|data|vbscript):/i.test(attr.value) && attr.name !== 'alt') {
            found.push(`${tag}[${attr.name}=${attr.value.slice(0, 20)}]`);
          }
        }
      }
      return found;
    });
    expect(dangerous).toEqual([]);

    // Clicking every link and hovering the bait leaves the app window where it was.
    // (The sanitiser drops ids, so links are found by their text.)
    for (const text of ['危险链接', '外部链接', '数据链接']) {
      const link = body.getByText(text, { exact: true });
      if ((await link.count()) > 0) await link.first().click();
    }
    const bait = body.getByText('悬停区域');
    if ((await bait.count()) > 0) await bait.hover();
    await page.waitForTimeout(300);
    const state = await pwned(page);
    expect(state).toEqual({ pwned: null, title: 'Folio', url: startUrl });
    expect(dialogs).toEqual([]);
    // Only the ordinary external link goes to the "system browser" (a new tab in the shell).
    expect(popups).toEqual([]);
    const opened = await page.evaluate(
      () => (window as unknown as { __opened: string[] }).__opened,
    );
    expect(opened).toContain('https://example.com/next');
    expect(opened.every((u) => u === 'https://example.com/next')).toBe(true);
    await screenshot(page, '09-hostile-article');

    // The original file is shown as text, never rendered.
    await page.getByTestId('view-original').click();
    const original = page.getByTestId('original-view');
    await original.waitFor();
    expect(await original.textContent()).toContain("<script>window.__pwned = 'script'");
    expect(await pwned(page)).toEqual({ pwned: null, title: 'Folio', url: startUrl });
    expect(app.pageErrors).toEqual([]);
  });

  it('opens the source link outside the app window', async () => {
    const { page } = app;
    await page.getByTestId('view-original').click();
    const startUrl = page.url();
    await page.getByTestId('source-link').click();
    await page.waitForFunction(
      () => (window as unknown as { __opened: string[] }).__opened.length > 0,
    );
    const opened = await page.evaluate(
      () => (window as unknown as { __opened: string[] }).__opened,
    );
    expect(opened.at(-1)).toBe('https://example.com/hostile');
    expect(page.url()).toBe(startUrl);
  });
});
