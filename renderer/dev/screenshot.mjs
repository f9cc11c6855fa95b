/* global window, document, requestAnimationFrame */
// Dev-only: serves the preview build and drives it in system Chromium, saving screenshots
// and printing timings. Usage: node renderer/dev/screenshot.mjs [outDir]
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = process.env.FOLIO_PREVIEW_OUT ?? '/tmp/folio-preview';
const out = process.argv[2] ?? '/tmp/folio-shots';
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = http.createServer(async (req, res) => {
  const file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/preview.html`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
const shots = [];
async function session(name, { n = 200, scheme = 'light', locale = 'en-US', steps }) {
  const ctx = await browser.newContext({
    viewport: { width: 1366, height: 820 },
    colorScheme: scheme,
    locale,
  });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log(`[${name}] pageerror`, e.message));
  page.on('console', (m) => m.type() === 'error' && console.log(`[${name}] console`, m.text()));
  await page.goto(`${base}?n=${n}`);
  await page.waitForSelector('[data-testid="article-row"], [data-testid="first-run"]');
  await steps(page);
  const file = path.join(out, `${name}.png`);
  await page.screenshot({ path: file });
  shots.push(file);
  await ctx.close();
}
await import('node:fs').then((fs) => fs.mkdirSync(out, { recursive: true }));

await session('light-en', {
  steps: async (p) => {
    await p.locator('[data-testid="article-row"]').nth(0).click();
    await p.waitForSelector('[data-testid="reader-article"]');
  },
});
await session('dark-zh', {
  scheme: 'dark',
  locale: 'zh-CN',
  steps: async (p) => {
    await p.locator('[data-testid="article-row"]').nth(1).click();
    await p
      .locator('[data-testid="article-row"]')
      .nth(3)
      .click({ modifiers: ['Shift'] });
    await p.waitForSelector('[data-testid="reader-article"]');
  },
});
await session('search', {
  steps: async (p) => {
    await p.keyboard.press('/');
    await p.keyboard.type('经济');
    await p.waitForSelector('[data-testid="search-hit"]');
    await p.locator('[data-testid="search-hit"]').first().click();
    await p.getByTestId('save-search').click();
    await p.keyboard.press('Enter');
    await p
      .getByTestId('saved-searches')
      .getByRole('button', { name: '经济', exact: true })
      .waitFor();
    console.log('saved search listed in the sidebar');
    await p.getByRole('button', { name: 'Query syntax' }).click();
  },
});
await session('dialogs-export-job', {
  steps: async (p) => {
    await p.locator('[data-testid="article-row"]').nth(0).click();
    await p
      .locator('[data-testid="article-row"]')
      .nth(2)
      .click({ modifiers: ['Shift'] });
    await p.getByTestId('export-button').click();
    await p
      .getByTestId('export-dialog')
      .getByRole('button', { name: /Export 3/ })
      .click();
    await p.getByTestId('job-panel').waitFor();
    await p.getByTestId('cite-button').click();
    await p.getByTestId('cite-text').waitFor();
    await p.waitForFunction(() => document.querySelector('[data-testid="cite-text"]').value !== '');
  },
});
await session('details-dark', {
  scheme: 'dark',
  steps: async (p) => {
    await p.locator('[data-testid="article-row"]').nth(4).click();
    await p.getByText('Edit details').click();
    await p.locator('#meta-title').fill('Edited title');
    await p.locator('#meta-title').blur();
    await p.getByText(/Parsed:/).waitFor();
    await p.getByTestId('help-button').click();
  },
});
await session('trash', {
  steps: async (p) => {
    const before = await p.getByTestId('nav-trash').locator('.nav-count').textContent();
    await p.locator('[data-testid="article-row"]').nth(0).click();
    await p.keyboard.press('Delete');
    await p.getByTestId('confirm-dialog').getByRole('button', { name: 'OK' }).click();
    await p.waitForFunction(
      (b) => document.querySelector('[data-testid="nav-trash"] .nav-count').textContent !== b,
      before,
    );
    console.log(
      `trash: count ${before} -> ${await p.getByTestId('nav-trash').locator('.nav-count').textContent()}`,
    );
    await p.getByTestId('nav-trash').click();
    await p.getByTestId('empty-trash-button').click();
    await p.getByTestId('confirm-dialog').getByRole('button', { name: 'OK' }).click();
    await p.getByTestId('confirm-dialog').waitFor();
  },
});
await session('first-run', { n: 0, steps: async () => {} });
/** Runs `action` in the page and resolves with ms until `done()` is true (checked each frame). */
const timeInPage = (p, action, done) =>
  p.evaluate(
    ([a, d]) =>
      new Promise((resolve) => {
        const t0 = performance.now();
        new Function(a)();
        const check = () =>
          new Function(d)() ? resolve(performance.now() - t0) : requestAnimationFrame(check);
        check();
      }),
    [action, done],
  );
const key = (k) =>
  `document.querySelector('[data-testid="article-list"]').dispatchEvent(new KeyboardEvent('keydown', { key: '${k}', bubbles: true }))`;
const readerTitle = `document.querySelector('[data-testid="reader-article"] h1')?.textContent ?? ''`;

await session('perf-50k', {
  n: 50000,
  steps: async (p) => {
    await p.waitForFunction(() => window.folioRowsShownAt !== undefined);
    const shown = await p.evaluate(() => window.folioRowsShownAt - window.folioListAnsweredAt);
    console.log(`50k: first rows painted ${shown.toFixed(0)} ms after listArticles answered`);
    const open1 = await timeInPage(p, key('ArrowDown'), `return (${readerTitle}) !== ''`);
    console.log(`50k: ArrowDown -> article in reader: ${open1.toFixed(0)} ms`);
    const before = await p.evaluate(`${readerTitle}`);
    const open2 = await timeInPage(
      p,
      key('ArrowDown'),
      `return (${readerTitle}) !== ${JSON.stringify(before)}`,
    );
    console.log(`50k: next ArrowDown -> next article in reader: ${open2.toFixed(0)} ms`);
    const all = await timeInPage(
      p,
      `document.querySelector('[data-testid="article-list"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true }))`,
      `return document.querySelectorAll('[data-testid="article-row"][aria-selected="true"]').length > 5`,
    );
    console.log(`50k: Ctrl+A -> rows shown selected: ${all.toFixed(0)} ms`);
    await p.locator('[data-testid="search-input"]').focus();
    const t0 = Date.now();
    await p.keyboard.type('c');
    await p.waitForSelector('[data-testid="search-hit"]');
    console.log(
      `50k: typed 'c' -> hits shown: ${Date.now() - t0} ms (80 ms debounce; fake search scans 50k)`,
    );
    await p.locator('[data-testid="search-input"]').fill('');
    await p.keyboard.press('End');
  },
});
await browser.close();
server.close();
console.log(shots.join('\n'));
