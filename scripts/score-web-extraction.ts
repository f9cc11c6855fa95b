/**
 * Scores Folio's web-page extraction against the scrapinghub article-extraction-benchmark pages
 * (dev half), with Readability.js beside it. Prints mean precision / recall / F1 over 4-token
 * shingles, bag-of-tokens F1, and pages per second for each extractor.
 *
 *   npm run score:web [-- --worst 10] [-- --only folio]
 */
import { Readability } from '@mozilla/readability';
// @ts-expect-error jsdom ships no type declarations and @types/jsdom is not a dependency.
import { JSDOM, VirtualConsole } from 'jsdom';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { load } from 'cheerio';
import { blockText } from '../electron/core/parse/web/block-text';
import { extractWebPage } from '../electron/core/parse/web/extract-web-page';
import type { ParseFn } from '../electron/core/ports';
import { matchShingles, precisionOf, recallOf, scorePages } from './lib/extraction-metric';

interface Page {
  id: string;
  html: string;
  bytes: Uint8Array;
  url: string;
  truth: string;
}

type Extractor = (page: Page) => string;

const WARMUP_PAGES = 10;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusRoot = process.env.FOLIO_CORPUS_DIR ?? path.resolve(repoRoot, '../shared/corpus');
const dir = path.join(corpusRoot, 'scrapinghub-dev');

function loadPages(): Page[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const id = f.slice(0, -5);
      const bytes = readFileSync(path.join(dir, f));
      const gt = JSON.parse(readFileSync(path.join(dir, `${id}.json`), 'utf8')) as {
        articleBody: string;
        url: string;
      };
      return { id, html: bytes.toString('utf8'), bytes, url: gt.url, truth: gt.articleBody };
    });
}

/** Folio as users get it: through parseDocument when it exists, else the extractor directly. */
async function folioExtractor(): Promise<{ name: string; run: Extractor }> {
  const file = path.join(repoRoot, 'electron/core/parse/parse-document.ts');
  if (existsSync(file) && !process.argv.includes('--direct')) {
    const mod = (await import(pathToFileURL(file).href)) as { parseDocument?: ParseFn };
    const parse = mod.parseDocument;
    if (parse) {
      return {
        name: 'folio (parseDocument)',
        run: (p) => parse(p.bytes, `${p.id}.html`).article.text,
      };
    }
  }
  return {
    name: 'folio (extractWebPage)',
    run: (p) => {
      const $ = load(p.html, { xml: { xmlMode: false, decodeEntities: true } });
      const el = extractWebPage($, p.url).content[0];
      return el && el.type === 'tag' ? blockText(el) : $.root().text();
    },
  };
}

const readability: Extractor = (p) => {
  const dom = new JSDOM(p.html, { url: p.url, virtualConsole: new VirtualConsole() }) as {
    window: { document: Document };
  };
  return new Readability(dom.window.document).parse()?.textContent ?? '';
};

function run(name: string, extract: Extractor, pages: Page[], worst: number): void {
  const preds: string[] = [];
  const failures: string[] = [];
  // Warm the JIT on a few pages first (both extractors alike), as a running app would be.
  for (const p of pages.slice(0, WARMUP_PAGES)) {
    try {
      extract(p);
    } catch {
      // scored (and reported) below
    }
  }
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  for (const p of pages) {
    try {
      preds.push(extract(p));
    } catch (err) {
      failures.push(`${p.id.slice(0, 12)}: ${String(err).slice(0, 160)}`);
      preds.push('');
    }
  }
  const seconds = (performance.now() - started) / 1000;
  // CPU time of this process: wall time alone is meaningless on a shared, loaded machine.
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const s = scorePages(pages.map((p, i) => ({ truth: p.truth, pred: preds[i] ?? '' })));
  const f = (x: number): string => x.toFixed(3);
  console.log(
    `${name.padEnd(24)} P=${f(s.precision)} R=${f(s.recall)} F1=${f(s.f1)} tokenF1=${f(s.tokenF1)}  ` +
      `${(pages.length / seconds).toFixed(1)} pages/s wall, ${(pages.length / cpuSeconds).toFixed(1)} pages/s CPU ` +
      `(${pages.length} pages, ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU)`,
  );
  if (failures.length > 0) {
    console.log(`  ${failures.length} pages failed (scored as empty), e.g.:`);
    for (const f of failures.slice(0, 3)) console.log(`    ${f}`);
  }
  if (worst > 0) {
    const rows = pages.map((p, i) => {
      const m = matchShingles(p.truth, preds[i] ?? '');
      const pr = precisionOf(m);
      const rc = recallOf(m);
      return {
        id: p.id.slice(0, 12),
        url: p.url,
        pr,
        rc,
        f1: pr + rc ? (2 * pr * rc) / (pr + rc) : 0,
      };
    });
    for (const r of rows.sort((a, b) => a.f1 - b.f1).slice(0, worst)) {
      console.log(`  ${r.id} F1=${f(r.f1)} P=${f(r.pr)} R=${f(r.rc)} ${r.url}`);
    }
  }
}

async function main(): Promise<void> {
  if (!existsSync(dir)) {
    console.error(`No corpus at ${dir} (set FOLIO_CORPUS_DIR)`);
    process.exitCode = 1;
    return;
  }
  const pages = loadPages();
  const i = process.argv.indexOf('--worst');
  const worst = i > 0 ? Number(process.argv[i + 1] ?? 10) : 0;
  const only = process.argv.includes('--only-folio');
  const folio = await folioExtractor();
  run(folio.name, folio.run, pages, worst);
  if (!only) run('readability.js (jsdom)', readability, pages, worst);
}

await main();
