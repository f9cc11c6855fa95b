/**
 * UI benchmark in the browser shell, end to end: a real library on disk (default 50,000 articles
 * made by varying the dev dumps and imported through the real core), opened with `createCore`
 * behind the real shell, driven in system Chromium. Every figure starts when the core is ready
 * (list), at the last keystroke (search, debounce included) or at the click (article), and ends
 * in the first animation frame where the page shows the result. Not a test: it measures.
 * Each search is also split into its parts (the page's resource timings and the shell's
 * Server-Timing), and the time that frame took to lay out and paint is shown beside it. The CJK
 * queries run a second time composed through a pinyin input method, timed from the commit.
 *
 *   npm run bench:ui -- [--size 50000] [--runs 12] [--starts 5] [--reuse DIR] [--static DIR]
 *                       [--no-warm]
 *
 * `--reuse DIR` keeps the built library in DIR and reuses it on later runs (building 50,000
 * articles takes minutes); without it the library goes to a temporary folder and is removed.
 * The shell warms the core's first-use paths (search, article reads) once the window has its list,
 * as `npm run serve` does; `--no-warm` leaves them cold, to measure what warming saves.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createCore } from '../../electron/core/create-core';
import { startShell } from '../../electron/shell/start-shell';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const CORPUS = process.env.FOLIO_CORPUS_DIR ?? path.resolve(REPO, '../shared/corpus');
let staticDir = path.join(REPO, 'dist', 'renderer');
let warm = true;
const QUERIES = [
  '中国',
  '香港',
  '疫情',
  '美国总统',
  '習近平',
  '臺灣',
  'BBC',
  '选举',
  '经济',
  '人权',
];
/** How the CJK queries are typed through a pinyin input method (see measureSearch). */
const PINYIN: Record<string, string> = {
  中国: 'zhongguo',
  香港: 'xianggang',
  疫情: 'yiqing',
  美国总统: 'meiguozongtong',
  習近平: 'xijinping',
  臺灣: 'taiwan',
  选举: 'xuanju',
  经济: 'jingji',
  人权: 'renquan',
};
const TAGS = ['外交', '经济', '科技', '香港', '台湾', '疫情', '选举', 'read-later'];

/** Deterministic PRNG so every build makes the same library. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** A distinct dump made from a dev dump: its own epoch, title, URL and a trailing paragraph. */
function variant(text: string, i: number, rand: () => number): string {
  const lines = text.split('\n');
  // Spread publication dates over twelve years, so dates and year facets look like a real archive.
  const epoch = Date.UTC(2013, 0, 1) + Math.floor(rand() * 12 * 365 * 86_400_000);
  lines[0] = `<!--${epoch}-->`;
  lines[1] = (lines[1] ?? '').replace(/^\[(.*)\]\((.*)\)$/, (_m, t: string, u: string) => {
    const sep = u.includes('?') ? '&' : '?';
    return `[${t} #${i}](${u}${sep}v=${i})`;
  });
  return `${lines.join('\n')}\n<p>Variant ${i}.</p>`;
}

/** Imports `size` variants of the dev dumps into `dir`, then tags some and notes a few. */
async function buildLibrary(dir: string, size: number): Promise<void> {
  const src = path.join(CORPUS, 'dumps-dev');
  const names = (await readdir(src)).filter((n) => n.endsWith('.txt')).sort();
  const texts = await Promise.all(names.map((n) => readFile(path.join(src, n), 'utf8')));
  const rand = rng(7);
  const core = await createCore({ dir });
  const t0 = performance.now();
  const ids: string[] = [];
  let next = 0;
  const enc = new TextEncoder();
  const worker = async (): Promise<void> => {
    while (next < size) {
      const i = next++;
      const bytes = enc.encode(variant(texts[i % texts.length] as string, i, rand));
      try {
        const out = await core.library.importFile({ fileName: `${i}.txt`, bytes });
        ids.push(out.id);
      } catch {
        // A variant the parser refuses is simply missing from the library.
      }
      if (i % 5000 === 0) console.log(`  built ${i}/${size}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  // About one article in five carries a tag or two; a few hundred have notes.
  for (const tag of TAGS) {
    const some = ids.filter(() => rand() < 0.025);
    await core.library.addTags(some, [tag]);
  }
  for (const id of ids.filter(() => rand() < 0.005))
    await core.library.setNote(id, `Note on ${id}: **check** the source.`);
  await core.library.trash(ids.filter(() => rand() < 0.01));
  await core.close();
  console.log(`built ${ids.length} articles in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

/** What PAGE_PROBES keeps in the page. */
interface PageBench {
  input: number;
  click: number;
  listAt: number;
  painted: number;
  markPaint(): void;
}

/**
 * Records, in the page, when the user last typed and clicked, and when the first list row was
 * painted (epoch ms): the driver runs in the core's process, so it sees the page late whenever the
 * core is busy, while the page's own clock shows what the user saw.
 */
const PAGE_PROBES = (): void => {
  const w = window as unknown as { __bench: PageBench };
  w.__bench = {
    input: 0,
    click: 0,
    listAt: 0,
    painted: 0,
    // Called from a frame's animation callbacks: a task posted there runs once that frame is laid
    // out and painted, which is when the page has drawn what the callback saw.
    markPaint() {
      const bench = w.__bench;
      bench.painted = 0;
      const ch = new MessageChannel();
      ch.port1.onmessage = () => (bench.painted = performance.now());
      ch.port2.postMessage(0);
    },
  };
  // Resource timings of the API calls give the breakdown of a search (see measureSearch).
  performance.setResourceTimingBufferSize(100_000);
  document.addEventListener('input', () => (w.__bench.input = performance.now()), true);
  document.addEventListener('mousedown', () => (w.__bench.click = performance.now()), true);
  const rows = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="article-row"]')) return;
    rows.disconnect();
    requestAnimationFrame(() => (w.__bench.listAt = performance.timeOrigin + performance.now()));
  });
  rows.observe(document, { childList: true, subtree: true });
};

/**
 * Waits for `probe(arg)` to return a page-side time (it returns `performance.now()` once the
 * page shows the result, 0 before); polled every animation frame, so the figure is the frame.
 */
async function frameWhen(page: Page, probe: (arg: string) => number, arg: string): Promise<number> {
  const handle = await page.waitForFunction(probe, arg, { polling: 'raf', timeout: 60_000 });
  return (await handle.jsonValue()) as number;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
const fmt = (label: string, xs: number[]) =>
  `${label.padEnd(36)} p50 ${pct(xs, 0.5).toFixed(0)} ms, p95 ${pct(xs, 0.95).toFixed(0)} ms (n=${xs.length}; ${xs.map((x) => x.toFixed(0)).join(' ')})`;

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.FOLIO_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      // Only the shell is reachable: the articles' remote images fail at once, offline. (Stubbing
      // them with page.route instead pauses every request, the shell's too, until the driver, in
      // the core's own process, lets it go: 5-20 ms a call that no user pays.)
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

/** A fresh window (no HTTP cache) with the probes installed. */
async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(PAGE_PROBES);
  return context.newPage();
}

/** Opens the core and the shell, and times the first list rows; returns the page for more. */
async function coldStart(browser: Browser, dir: string) {
  const page = await newPage(browser);
  let t = performance.now();
  const core = await createCore({ dir });
  const openMs = performance.now() - t;
  const cpu0 = process.cpuUsage();
  t = performance.now();
  const shell = await startShell({ core, staticDir, sampleDir: dir, warmUp: warm });
  await page.goto(shell.url);
  await page.getByTestId('article-row').first().waitFor({ timeout: 120_000 });
  const seenMs = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  const listAt = await frameWhen(
    page,
    () => (window as unknown as { __bench: { listAt: number } }).__bench.listAt,
    '',
  );
  const listMs = listAt - (performance.timeOrigin + t);
  return { page, core, shell, openMs, listMs, seenMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Where one search's time went, in ms from the last keystroke. */
interface SearchParts {
  /** Keystroke until the page sent the request that answered (render, scheduling). */
  send: number;
  /** The shell's time for the call (its Server-Timing): the core's search, JSON. */
  core: number;
  /** The rest of the request: the browser's network stack and the wire, both ways. */
  http: number;
  /** Response received until the frame that shows it (JSON parse, React, waiting for a frame). */
  show: number;
  /** That frame's style, layout and paint: not in the total, which ends when the frame starts. */
  paint: number;
  /** Response size in bytes (encoded body). */
  bytes: number;
}

/**
 * The parts of an action that began at `from` (page time) and was shown at `shown`, from the
 * resource timing of its API call (`start`, `end`, the shell's `core` time, `bytes`) and the time
 * that frame was painted.
 */
function partsOf(
  from: number,
  shown: number,
  t: { start: number; end: number; core: number; painted: number; bytes: number },
): SearchParts {
  return {
    send: t.start - from,
    core: t.core,
    http: t.end - t.start - t.core,
    show: shown - t.end,
    paint: t.painted - shown,
    bytes: t.bytes,
  };
}

/**
 * Times each query from its last keystroke. CJK arrives from an input method as one committed
 * string (with `ime`, after its pinyin was composed key by key, as an input method sends it);
 * Latin is typed key by key.
 */
async function measureSearch(
  page: Page,
  queries: string[],
  ime = false,
): Promise<{ totals: number[]; parts: SearchParts[] }> {
  const box = page.getByTestId('search-input');
  const cdp = ime ? await page.context().newCDPSession(page) : null;
  const out: number[] = [];
  const parts: SearchParts[] = [];
  for (const q of queries) {
    await box.fill('');
    await page.getByTestId('article-row').first().waitFor();
    await box.focus();
    // Watched from before the first key: typing returns a delay after the last key, by which
    // time a quick answer is already on screen.
    const shownAt = frameWhen(
      page,
      (want: string) => {
        const el = document.querySelector('[data-testid="search-results"]');
        const done =
          el?.getAttribute('data-query') === want &&
          el.querySelector('[data-testid="search-hit"], .list-empty') !== null;
        if (!done) return 0;
        (window as unknown as { __bench: PageBench }).__bench.markPaint();
        return performance.now();
      },
      q,
    );
    const pinyin = PINYIN[q];
    if (cdp && pinyin) {
      for (let i = 1; i <= pinyin.length; i++) {
        const text = pinyin.slice(0, i);
        await cdp.send('Input.imeSetComposition', {
          text,
          selectionStart: i,
          selectionEnd: i,
        });
        await page.waitForTimeout(60);
      }
      await cdp.send('Input.insertText', { text: q });
    } else if (/^[\x20-\x7e]+$/.test(q)) await page.keyboard.type(q, { delay: 60 });
    else await page.keyboard.insertText(q);
    const shown = await shownAt;
    const timing = await page.evaluate(async () => {
      const bench = (window as unknown as { __bench: { input: number; painted: number } }).__bench;
      while (bench.painted === 0) await new Promise((r) => setTimeout(r, 5));
      const typed = bench.input;
      const calls = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/search') && e.startTime >= typed);
      const last = calls[calls.length - 1] as PerformanceResourceTiming | undefined;
      return {
        typed,
        painted: bench.painted,
        start: last?.startTime ?? NaN,
        end: last?.responseEnd ?? NaN,
        bytes: last?.encodedBodySize ?? NaN,
        core: last?.serverTiming.find((t) => t.name === 'app')?.duration ?? NaN,
      };
    });
    out.push(shown - timing.typed);
    parts.push(partsOf(timing.typed, shown, timing));
  }
  await box.fill('');
  await cdp?.detach();
  return { totals: out, parts };
}

/**
 * Times facet clicks after a search, click to results, alternating a publication and a tag: the
 * first click on each kind is the first time the core filters by it.
 */
async function measureFacets(page: Page, queries: string[]): Promise<number[]> {
  const box = page.getByTestId('search-input');
  const out: number[] = [];
  for (const [i, q] of queries.entries()) {
    const group = i % 2 === 0 ? /Publications|来源媒体/ : /Tags|标签/;
    await box.fill('');
    await page.getByTestId('article-row').first().waitFor();
    await box.fill(q);
    const facet = page.getByRole('group', { name: group }).getByRole('button').first();
    await facet.waitFor();
    const shownAt = frameWhen(
      page,
      (want: string) => {
        const el = document.querySelector('[data-testid="search-results"]');
        const query = el?.getAttribute('data-query') ?? '';
        const done =
          query.startsWith(`${want} `) &&
          el!.querySelector('[data-testid="search-hit"], .list-empty') !== null;
        return done ? performance.now() : 0;
      },
      q,
    );
    await facet.click();
    const shown = await shownAt;
    const clicked = await page.evaluate(
      () => (window as unknown as { __bench: { click: number } }).__bench.click,
    );
    out.push(shown - clicked);
  }
  await box.fill('');
  return out;
}

/** Where one article's time went, in ms from the click: the same parts as a search's. */
type SelectParts = Omit<SearchParts, 'bytes'> & { bytes: number; chars: number };

async function measureSelect(
  page: Page,
  runs: number,
): Promise<{ totals: number[]; parts: SelectParts[] }> {
  const rows = page.getByTestId('article-row');
  await rows.first().waitFor();
  const out: number[] = [];
  const parts: SelectParts[] = [];
  for (let i = 0; i < runs; i++) {
    // Distinct rows, each fetched from the core for the first time.
    if (i > 0 && i % 8 === 0) await page.getByTestId('article-list').press('PageDown');
    const row = rows.nth(i % 8);
    const title = ((await row.locator('.row-title').textContent()) ?? '').trim();
    await row.click();
    const shown = await frameWhen(
      page,
      (want: string) => {
        const art = document.querySelector('[data-testid="reader-article"]');
        const done =
          art?.querySelector('h1')?.textContent?.trim() === want &&
          (art.querySelector('.article-body')?.textContent?.length ?? 0) > 0;
        if (!done) return 0;
        (window as unknown as { __bench: PageBench }).__bench.markPaint();
        return performance.now();
      },
      title,
    );
    const timing = await page.evaluate(async () => {
      const bench = (window as unknown as { __bench: { click: number; painted: number } }).__bench;
      while (bench.painted === 0) await new Promise((r) => setTimeout(r, 5));
      const calls = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/getArticle') && e.startTime >= bench.click);
      const last = calls[calls.length - 1] as PerformanceResourceTiming | undefined;
      return {
        clicked: bench.click,
        painted: bench.painted,
        start: last?.startTime ?? NaN,
        end: last?.responseEnd ?? NaN,
        bytes: last?.encodedBodySize ?? NaN,
        core: last?.serverTiming.find((t) => t.name === 'app')?.duration ?? NaN,
        chars:
          document.querySelector('[data-testid="reader-article"] .article-body')?.textContent
            ?.length ?? 0,
      };
    });
    out.push(shown - timing.clicked);
    parts.push({ ...partsOf(timing.clicked, shown, timing), chars: timing.chars });
  }
  return { totals: out, parts };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '50000' },
      runs: { type: 'string', default: '12' },
      starts: { type: 'string', default: '5' },
      reuse: { type: 'string' },
      // Another renderer build (e.g. an older one) served by the same shell and core.
      static: { type: 'string' },
      'no-warm': { type: 'boolean', default: false },
    },
  });
  warm = !values['no-warm'];
  const size = Number(values.size);
  if (values.static) staticDir = path.resolve(values.static);
  const runs = Number(values.runs);
  const dir = values.reuse
    ? path.resolve(values.reuse)
    : await mkdtemp(path.join(os.tmpdir(), 'folio-ui-bench-'));
  if (!existsSync(path.join(dir, 'folio.json'))) {
    console.log(`building a library of ${size} articles in ${dir} …`);
    await buildLibrary(dir, size);
  }
  const browser = await launch();
  try {
    const list: number[] = [];
    const seen: number[] = [];
    const opens: number[] = [];
    const cpus: number[] = [];
    let typing: number[] = [];
    let parts: SearchParts[] = [];
    let typed: string[] = [];
    let composed: number[] = [];
    let composedParts: SearchParts[] = [];
    let facets: number[] = [];
    let select: number[] = [];
    let selectParts: SelectParts[] = [];
    for (let i = 0; i < Number(values.starts); i++) {
      const run = await coldStart(browser, dir);
      list.push(run.listMs);
      seen.push(run.seenMs);
      opens.push(run.openMs);
      cpus.push(run.cpuMs);
      if (i === 0) {
        const info = await run.shell.api.libraryInfo();
        console.log(
          `library ${dir}: ${info.articleCount} articles, ${info.trashCount} in the Trash; load ${os
            .loadavg()
            .map((x) => x.toFixed(2))
            .join(' ')}`,
        );
        typed = [...QUERIES, ...QUERIES].slice(0, runs);
        ({ totals: typing, parts } = await measureSearch(run.page, typed));
        const cjk = typed.filter((q) => PINYIN[q]);
        ({ totals: composed, parts: composedParts } = await measureSearch(run.page, cjk, true));
        ({ totals: select, parts: selectParts } = await measureSelect(run.page, runs));
        facets = await measureFacets(run.page, ['中国', '中国', '香港', '香港']);
      }
      await run.page.context().close();
      await run.shell.close();
      await run.core.close();
    }
    console.log(fmt('core open (createCore)', opens));
    console.log(fmt('list visible after core ready', list));
    console.log(fmt('  the same, seen by the driver', seen));
    console.log(fmt('  Node CPU, shell+core, until list', cpus));
    console.log(fmt('search results after last keystroke', typing));
    console.log(
      fmt(
        '  the same, until that frame is painted',
        typing.map((x, i) => x + parts[i]!.paint),
      ),
    );
    // The page's own parts, apart from the core's search: wall time on a shared machine is noisy,
    // and these move by a few milliseconds, so their means are printed too.
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    for (const [label, key] of [
      ['  send (keystroke to request)', 'send'],
      ['  show (answer to its frame)', 'show'],
      ['  paint (that frame)', 'paint'],
    ] as const) {
      const xs = parts.map((p) => p[key]);
      console.log(`${fmt(label, xs)}; mean ${mean(xs).toFixed(1)} ms`);
    }
    console.log(fmt('  CJK again, through an input method', composed));
    const partMeans = (ps: SearchParts[]) =>
      (['send', 'show', 'paint'] as const)
        .map((k) => `${k} ${mean(ps.map((p) => p[k])).toFixed(1)}`)
        .join(', ');
    console.log(`    its parts, mean ms: ${partMeans(composedParts)}`);
    console.log(fmt('article shown after click', select));
    console.log(
      `  its parts, mean ms: ${partMeans(selectParts)}, core ${mean(selectParts.map((p) => p.core)).toFixed(1)}, http ${mean(selectParts.map((p) => p.http)).toFixed(1)}`,
    );
    console.log('  each: total = send + core + http + show; then paint, bytes, body characters');
    console.log(
      `  ${select
        .map((t, i) => {
          const p = selectParts[i]!;
          return `${t.toFixed(0)} = ${p.send.toFixed(0)}+${p.core.toFixed(0)}+${p.http.toFixed(0)}+${p.show.toFixed(0)}; ${p.paint.toFixed(0)} ${p.bytes} B ${p.chars} ch`;
        })
        .join('\n  ')}`,
    );
    console.log(
      `facet click (publication, tag; then again): ${facets.map((x) => x.toFixed(0)).join(' ')} ms`,
    );
    console.log(
      'search breakdown (ms): query, total = send + core + http + show; then paint, bytes',
    );
    typed.forEach((q, i) => {
      const p = parts[i]!;
      const f = (x: number) => x.toFixed(0).padStart(4);
      console.log(
        `  ${q.padEnd(6, '\u3000')} ${f(typing[i]!)} = ${f(p.send)} + ${f(p.core)} + ${f(p.http)} + ${f(p.show)}; ${f(p.paint)}  ${p.bytes} B`,
      );
    });
    console.log(
      `load average after: ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await browser.close();
    if (!values.reuse) await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
