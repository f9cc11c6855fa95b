/* global window */
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
    await p.getByRole('button', { name: 'Query syntax' }).click();
  },
});
await session('first-run', { n: 0, steps: async () => {} });
await session('perf-50k', {
  n: 50000,
  steps: async (p) => {
    const t = await p.evaluate(() => ({
      answered: window.folioListAnsweredAt,
      now: performance.now(),
    }));
    console.log(
      `50k: list answered at ${t.answered.toFixed(0)} ms, first row visible by ${t.now.toFixed(0)} ms`,
    );
    const list = p.locator('[data-testid="article-list"]');
    await list.focus();
    const t0 = await p.evaluate(() => performance.now());
    await p.keyboard.press('ArrowDown');
    await p.waitForSelector('[data-testid="reader-article"]');
    const t1 = await p.evaluate(() => performance.now());
    console.log(
      `50k: select -> reader shown in ${(t1 - t0).toFixed(0)} ms (includes playwright round trips)`,
    );
    await p.keyboard.press('End');
    await p.waitForTimeout(200);
  },
});
await browser.close();
server.close();
console.log(shots.join('\n'));
