/**
 * UI benchmark in the browser shell: a synthetic library (default 50,000 articles made from the
 * dev dumps, parsed by the real parser) in memory, the real search index, the built renderer in
 * system Chromium. Prints how long the list takes to appear, search results to update after
 * typing, and an article to show after a click. Not a test: it asserts nothing, it measures.
 *
 *   npm run bench:ui -- [--size 50000] [--runs 12]
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import type { Article } from '../../shared/model';
import { parseDocument } from '../../electron/core/parse/parse-document';
import type { FolioCore } from '../../electron/core/ports';
import { openSearchIndex } from '../../electron/core/search/open-search-index';
import { startShell } from '../../electron/shell/start-shell';
import { createHttpClient } from '../../renderer/src/api/http-client';
import { createFakeCore, fakeArticle } from '../../tests/core/service/fake-core';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const CORPUS = process.env.FOLIO_CORPUS_DIR ?? path.resolve(REPO, '../shared/corpus');
const QUERIES = [
  '中国',
  '香港',
  '疫情',
  '美国总统',
  '習近平',
  '臺灣',
  '选举',
  '经济',
  'BBC',
  '人权',
  '朝鲜',
  '律师',
];
const TAGS = ['外交', '经济', '科技', '香港', '台湾', '疫情', '选举', 'read-later'];

/** Deterministic PRNG so every run measures the same library. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

async function sources(): Promise<Article[]> {
  const dir = path.join(CORPUS, 'dumps-dev');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  const out: Article[] = [];
  for (const f of files) {
    try {
      const { article } = parseDocument(new Uint8Array(await readFile(path.join(dir, f))), f);
      out.push(fakeArticle(`src-${out.length}`, article.title, { ...article, tags: [] }));
    } catch {
      // A dump the parser refuses is simply not used as a template.
    }
  }
  return out;
}

function synthesize(n: number, src: Article[]): Article[] {
  const rand = rng(7);
  const out: Article[] = [];
  for (let i = 0; i < n; i++) {
    const s = src[Math.floor(rand() * src.length)] as Article;
    const paras = s.text.split(/\n\n+/);
    const start = Math.floor(rand() * paras.length);
    const text = paras
      .slice(start, start + 4)
      .join('\n\n')
      .slice(0, 1500);
    const day = new Date(
      Date.UTC(
        2013 + Math.floor(rand() * 12),
        Math.floor(rand() * 12),
        1 + Math.floor(rand() * 28),
      ),
    );
    out.push({
      ...s,
      id: `syn-${i}`,
      title: `${s.title} · ${i}`,
      text,
      contentHtml: text
        .split(/\n\n+/)
        .map((p) => `<p>${p.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</p>`)
        .join(''),
      images: [],
      tags: TAGS.filter(() => rand() < 0.1),
      publishedAt: day.toISOString(),
      importedAt: day.toISOString(),
      updatedAt: day.toISOString(),
    });
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? NaN;
const fmt = (label: string, xs: number[]) =>
  `${label.padEnd(34)} median ${median(xs).toFixed(0)} ms, p95 ${p95(xs).toFixed(0)} ms (n=${xs.length})`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '50000' },
      runs: { type: 'string', default: '12' },
    },
  });
  const size = Number(values.size);
  const runs = Number(values.runs);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-ui-bench-'));
  const fake = createFakeCore();
  for (const a of synthesize(size, await sources())) fake.articles.set(a.id, a);
  let t = performance.now();
  const search = await openSearchIndex({ dir, library: fake.library });
  // Opening reconciles the index with the library, which indexes every article here; flushing
  // now keeps the snapshot write (which blocks the event loop) out of the measurements.
  await search.flush();
  console.log(
    `library: ${size} articles in memory; search index built in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const core: FolioCore = { ...fake, search };
  const direct: number[] = [];
  for (const q of QUERIES.slice(0, runs)) {
    const t0 = performance.now();
    search.search({ query: q, limit: 200 });
    direct.push(performance.now() - t0);
  }
  const shell = await startShell({
    core,
    staticDir: path.join(REPO, 'dist', 'renderer'),
    sampleDir: dir,
  });
  const browser = await chromium.launch({
    executablePath: process.env.FOLIO_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 } })
    ).newPage();
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (r) => r.fulfill({ status: 204, body: '' }));
    const startup: number[] = [];
    const listCall: number[] = [];
    const searchCall: number[] = [];
    const client = createHttpClient(`http://127.0.0.1:${shell.port}`, shell.token);
    for (let i = 0; i < runs; i++) {
      let t0 = performance.now();
      await client.listArticles({ view: 'all' });
      listCall.push(performance.now() - t0);
      t0 = performance.now();
      await client.search({ query: QUERIES[i % QUERIES.length] as string, limit: 200 });
      searchCall.push(performance.now() - t0);
    }
    for (let i = 0; i < Math.min(runs, 5); i++) {
      t = performance.now();
      await page.goto(shell.url);
      await page.getByTestId('article-row').first().waitFor();
      startup.push(performance.now() - t);
    }
    const typing: number[] = [];
    const box = page.getByTestId('search-input');
    for (const q of QUERIES.slice(0, runs)) {
      await box.fill('');
      await page.getByTestId('article-list').waitFor();
      const answered = page.waitForResponse(
        (r) =>
          r.url().endsWith('/api/search') &&
          (r.request().postDataJSON() as { query: string }).query === q,
      );
      t = performance.now();
      await box.fill(q);
      await answered;
      await page.getByTestId('search-hit').first().waitFor();
      typing.push(performance.now() - t);
    }
    await box.fill('');
    const rows = page.getByTestId('article-row');
    await rows.first().waitFor();
    const select: number[] = [];
    for (let i = 0; i < runs; i++) {
      const row = rows.nth(i % 10);
      const title = ((await row.locator('.row-title').textContent()) ?? '').trim();
      t = performance.now();
      await row.click();
      await page.waitForFunction(
        (want) =>
          document.querySelector('[data-testid="reader-article"] h1')?.textContent?.trim() === want,
        title,
      );
      select.push(performance.now() - t);
    }
    console.log(fmt('list visible after page load', startup));
    console.log(fmt('  listArticles over HTTP (Node)', listCall));
    console.log(fmt('search results after typing', typing));
    console.log(fmt('  search over HTTP (Node)', searchCall));
    console.log(fmt('  core search alone (in Node)', direct));
    console.log(fmt('article shown after click', select));
  } finally {
    await browser.close();
    await shell.close();
    await search.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
