/**
 * Search benchmark: synthetic libraries (default 10,000 and 50,000 articles) mixed from the dev
 * corpora, indexed through openSearchIndex over an in-memory library. Prints build time, size on
 * disk, load time, memory, latency per query class, and recall/latency beside a linear scan over
 * the same folded texts and MiniSearch with its default tokenizer.
 *
 *   npm run bench:search [-- --sizes 10000,50000] [--runs 20] [--reuse DIR] [--no-mini]
 *                        [--drawn 40]
 *
 * --reuse keeps each size's library in DIR/<size> and loads its index instead of rebuilding it
 * when one is there (the synthetic library is deterministic), so the 50,000 case can be rerun in
 * a few minutes. Delete the folder after changing the index format. --no-mini skips MiniSearch.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import type { Article } from '../../shared/model';
import { foldPhrase } from '../../electron/core/search/fold';
import { openSearchIndex } from '../../electron/core/search/open-search-index';
import {
  FakeLibrary,
  hasCorpus,
  loadDumpArticles,
  loadWebArticles,
  makeArticle,
  traditionalCopy,
} from '../../tests/core/search/fake-library';
import { drawRecallQueries } from '../../tests/core/search/recall-queries';

const QUERIES: Record<string, string[]> = {
  'cjk-1': ['鲜', '京'],
  'cjk-2': ['关系', '疫情', '中国'],
  'cjk-4': ['美国总统', '香港政府', '新冠疫情'],
  traditional: ['關係', '習近平', '臺灣'],
  english: ['election', 'president', 'running'],
  phrase: ['"美国总统"', '"the president"'],
  filters: [
    'site:BBC 中国',
    'tag:外交 美国',
    '疫情 after:2020-01-01 before:2021-01-01',
    '普京 OR Putin',
  ],
};
/** Private-use characters: indexed nowhere, so this query finds nothing. */
const NO_MATCH = '\ue000\ue001';
const TAGS = ['外交', '经济', '科技', '香港', '台湾', '疫情', '选举', 'read-later', 'archive'];

/** Deterministic PRNG so every run benchmarks the same library. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function synthesize(n: number, sources: Article[]): Article[] {
  const rand = rng(42);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const paras = sources.map((a) => a.text.split(/\n\n+/).filter((p) => p.trim()));
  const out: Article[] = [];
  for (let i = 0; i < n; i++) {
    const si = Math.floor(rand() * sources.length);
    const src = sources[si]!;
    const budget = src.lang === 'en' ? 3000 : 1000;
    const mine = paras[si]!;
    let text = '';
    for (let k = Math.floor(rand() * mine.length); text.length < budget && mine.length; k++) {
      text += `${mine[k % mine.length]}\n\n`;
      if (k - mine.length > 4) break;
    }
    // Mix in a paragraph of another article of the same language, so documents differ.
    const other = pick(sources.filter((s) => s.lang.slice(0, 2) === src.lang.slice(0, 2)));
    text += pick(other.text.split(/\n\n+/));
    const year = 2013 + Math.floor(rand() * 12);
    const day = new Date(Date.UTC(year, Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)));
    out.push(
      makeArticle({
        id: `syn-${i}`,
        title: `${src.title} · ${i % 997}`,
        text: text.slice(0, budget * 1.2),
        siteName: src.siteName,
        lang: src.lang,
        tags: TAGS.filter(() => rand() < 0.12),
        publishedAt: day.toISOString(),
      }),
    );
  }
  return out;
}

/** The baseline: every document's folded text scanned for every query. */
function linearScan(docs: Article[]) {
  // Fields are kept apart (NUL never occurs in text), so a phrase does not run from title to text.
  const folded = docs.map((a) => ({ a, t: `${foldPhrase(a.title)}\u0000${foldPhrase(a.text)}` }));
  return (query: string): string[] => {
    const parts = query.match(/"[^"]*"|\S+/g) ?? [];
    const groups: string[][] = [];
    const filters: Array<(a: Article) => boolean> = [];
    let or = false;
    for (const p of parts) {
      if (p === 'OR') {
        or = true;
        continue;
      }
      const m = /^(site|tag|after|before):(.*)$/.exec(p);
      if (m) {
        const v = m[2]!;
        if (m[1] === 'site') filters.push((a) => a.siteName.includes(v));
        if (m[1] === 'tag') filters.push((a) => a.tags.includes(v));
        if (m[1] === 'after') filters.push((a) => (a.publishedAt ?? '') >= v);
        if (m[1] === 'before') filters.push((a) => (a.publishedAt ?? '9') < v);
        continue;
      }
      const needle = foldPhrase(p.replace(/"/g, ''));
      if (or && groups.length) groups[groups.length - 1]!.push(needle);
      else groups.push([needle]);
      or = false;
    }
    return folded
      .filter(
        ({ a, t }) =>
          filters.every((f) => f(a)) && groups.every((g) => g.some((n) => t.includes(n))),
      )
      .map(({ a }) => a.id);
  };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const times = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)}×`;
const dirSize = (dir: string) =>
  readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);

/** Wall time of fn (ms). */
function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

/**
 * CPU time of fn (ms), of every thread of the process: steadier than wall time on a shared, busy
 * machine. It includes the phrase-check worker's share, so for queries with phrase checks it can
 * exceed the wall time.
 */
function cpuTime(fn: () => unknown): number {
  const c = process.cpuUsage();
  fn();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

function recall(got: string[], truth: string[]): number {
  if (truth.length === 0) return 1;
  const g = new Set(got);
  return truth.filter((id) => g.has(id)).length / truth.length;
}

interface BenchOptions {
  runs: number;
  reuse: string | null;
  mini: boolean;
  /** Queries drawn per class for the recall check. */
  drawn: number;
}

/**
 * Recall on queries drawn at random from the library's own articles (as the held-out check does),
 * in both scripts: the source article must be a hit, and every article the scan finds too.
 */
function drawnRecall(
  docs: Article[],
  index: Awaited<ReturnType<typeof openSearchIndex>>,
  scan: (q: string) => string[],
  perClass: number,
): void {
  const queries = drawRecallQueries(docs, perClass, 2024);
  const byClass = new Map<
    string,
    { n: number; src: number; scanMiss: number; lat: number[]; page: number[]; scan: number[] }
  >();
  const misses: string[] = [];
  const slowest: Array<[number, string]> = [];
  for (const q of queries) {
    let c = byClass.get(q.cls);
    if (!c) byClass.set(q.cls, (c = { n: 0, src: 0, scanMiss: 0, lat: [], page: [], scan: [] }));
    // Each query runs once, cold: all its matches, then a first page with snippets and facets.
    const [got, t] = time(() => new Set(index.matchIds(q.query)));
    index.search({ query: NO_MATCH, limit: 1 });
    c.page.push(time(() => index.search({ query: q.query, limit: 20 }))[1]);
    c.n++;
    c.lat.push(t);
    slowest.push([t, `${q.cls}/${q.script} ${q.query} (${got.size})`]);
    if (got.has(q.source)) c.src++;
    else misses.push(`${q.cls}/${q.script} ${q.query}`);
    const [scanned, scanMs] = time(() => scan(q.query));
    c.scan.push(scanMs);
    if (scanned.some((id) => !got.has(id))) {
      c.scanMiss++;
      misses.push(`${q.cls}/${q.script} ${q.query} (scan)`);
    }
  }
  console.log(
    `drawn queries (${queries.length}, ${perClass} drawn per class, each in up to 4 scripts):`,
  );
  for (const [cls, c] of byClass) {
    console.log(
      `  ${cls.padEnd(8)} source found ${c.src}/${c.n}, scan hits missed in ${c.scanMiss} queries; ` +
        `all matches p50 ${ms(pct(c.lat, 50))}, p95 ${ms(pct(c.lat, 95))}; first page p50 ` +
        `${ms(pct(c.page, 50))}, p95 ${ms(pct(c.page, 95))}; scan p50 ${ms(pct(c.scan, 50))} ` +
        `(${times(pct(c.scan, 50) / pct(c.page, 50))} the first page)`,
    );
  }
  const all = [...byClass.values()];
  const page = all.flatMap((c) => c.page);
  const scanned = all.flatMap((c) => c.scan);
  console.log(
    `  all drawn: first page p50 ${ms(pct(page, 50))}, p95 ${ms(pct(page, 95))}; scan p50 ` +
      `${ms(pct(scanned, 50))}, ${times(pct(scanned, 50) / pct(page, 50))} the first page`,
  );
  if (misses.length) console.log(`  misses: ${misses.slice(0, 10).join(' | ')}`);
  slowest.sort((a, b) => b[0] - a[0]);
  console.log(
    `  slowest (matches): ${slowest
      .slice(0, 5)
      .map(([t, q]) => `${q} ${ms(t)}`)
      .join(' | ')}`,
  );
}

/** Cost of keeping the index current: re-indexing changed articles through library events. */
async function updateCost(
  lib: FakeLibrary,
  docs: Article[],
  index: Awaited<ReturnType<typeof openSearchIndex>>,
): Promise<void> {
  const n = 300;
  const changed = docs.slice(0, n).map((a) => ({ ...a, updatedAt: new Date().toISOString() }));
  await index.flush();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const a of changed) lib.put(a);
  await index.flush();
  const cpu = process.cpuUsage(c0);
  const wall = performance.now() - t0;
  console.log(
    `index update: ${ms(wall / n)} wall, ${ms((cpu.user + cpu.system) / 1000 / n)} CPU per article ` +
      `(${n} articles, one event each, then one save)`,
  );
}

/**
 * The same load in a fresh process holding only the summaries, as the app opens its index: this
 * process also holds every article and the scan's folded copies, which each garbage collection
 * during the load has to walk.
 */
function freshLoads(dir: string, lib: FakeLibrary, runs = 3): void {
  const file = join(dir, 'bench-summaries.json');
  writeFileSync(file, JSON.stringify(lib.allSummaries()));
  const child = fileURLToPath(new URL('./index-load-child.ts', import.meta.url));
  const results = Array.from({ length: runs }, () => {
    const out = execFileSync(process.execPath, [...process.execArgv, child, dir, file], {
      encoding: 'utf8',
    });
    return JSON.parse(out.trim().split('\n').pop()!) as {
      wallMs: number;
      cpuMs: number;
      heapMB: number;
      gets: number;
    };
  });
  rmSync(file, { force: true });
  const list = (k: 'wallMs' | 'cpuMs') => results.map((r) => r[k].toFixed(0)).join(' / ');
  console.log(
    `load in a fresh process (${runs} runs): ${list('wallMs')} ms wall, ${list('cpuMs')} ms CPU, ` +
      `heap +${Math.max(...results.map((r) => r.heapMB)).toFixed(0)} MB` +
      (results.some((r) => r.gets) ? ' (re-indexed some articles: not a plain load)' : ''),
  );
}

async function benchSize(n: number, sources: Article[], opts: BenchOptions): Promise<void> {
  const { runs } = opts;
  console.log(`\n=== ${n.toLocaleString('en')} articles ===`);
  const docs = synthesize(n, sources);
  const chars = docs.reduce((s, a) => s + a.text.length, 0);
  console.log(`text: ${(chars / 1e6).toFixed(1)} M chars (${Math.round(chars / n)} per article)`);
  const dir = opts.reuse ? join(opts.reuse, String(n)) : mkdtempSync(join(tmpdir(), 'fsb-'));
  mkdirSync(dir, { recursive: true });
  const lib = new FakeLibrary(dir, docs);
  const cpu0 = process.cpuUsage();
  const reused = existsSync(join(dir, 'index', 'manifest.json'));
  let t = performance.now();
  const built = await openSearchIndex({ dir, library: lib.asLibrary() });
  const cpuBuild = process.cpuUsage(cpu0);
  const cpuS = (cpuBuild.user + cpuBuild.system) / 1e6;
  console.log(
    `${reused ? 'first load (reused index)' : 'build'}: ` +
      `${((performance.now() - t) / 1000).toFixed(1)} s wall, ${cpuS.toFixed(1)} s CPU`,
  );
  await built.close();
  console.log(`size on disk: ${(dirSize(join(dir, 'index')) / 1e6).toFixed(1)} MB`);

  globalThis.gc?.();
  const mem0 = process.memoryUsage();
  t = performance.now();
  const loadCpu = process.cpuUsage();
  const index = await openSearchIndex({ dir, library: lib.asLibrary() });
  const lc = process.cpuUsage(loadCpu);
  console.log(
    `load in this process (open + reconcile ${n} summaries): ${ms(performance.now() - t)} wall, ` +
      `${ms((lc.user + lc.system) / 1000)} CPU`,
  );
  freshLoads(dir, lib);
  globalThis.gc?.();
  const mem1 = process.memoryUsage();
  const mb = (k: 'heapUsed' | 'arrayBuffers' | 'rss') => ((mem1[k] - mem0[k]) / 1e6).toFixed(0);
  console.log(
    `memory of the loaded index: heap +${mb('heapUsed')} MB, array buffers +${mb('arrayBuffers')} MB, rss +${mb('rss')} MB${globalThis.gc ? '' : ' (no --expose-gc: rough)'}`,
  );

  const scan = linearScan(docs);
  t = performance.now();
  const mini = new MiniSearch<Article>({ fields: ['title', 'text'], idField: 'id' });
  if (opts.mini) {
    mini.addAll(docs);
    console.log(`MiniSearch build: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }

  const all = {
    idx: [] as number[],
    cpu: [] as number[],
    scan: [] as number[],
    mini: [] as number[],
    first: [] as number[],
  };
  console.log(
    'class        index p50/p95 (wall)  CPU p50/p95          index mean  scan p50/p95         scan÷index mean/p50  MiniSearch p50/p95   recall idx / mini (vs scan)',
  );
  for (const [cls, qs] of Object.entries(QUERIES)) {
    const lat = { idx: [] as number[], scan: [] as number[], mini: [] as number[] };
    const cpu: number[] = [];
    const rec = { idx: [] as number[], mini: [] as number[] };
    for (const q of qs) {
      // The first run of a query meets its texts and postings cold in the CPU caches (and the
      // code paths it takes cold in the JIT): timed apart from the runs that follow.
      all.first.push(time(() => index.search({ query: q, limit: 20 }))[1]);
      // The index keeps the last evaluation for the next page of the same query: a query that
      // finds nothing comes first, untimed, so every timed run evaluates afresh.
      const fresh = () => {
        index.search({ query: NO_MATCH, limit: 1 });
        return () => index.search({ query: q, limit: 20 });
      };
      for (let r = 0; r < runs; r++) {
        lat.idx.push(time(fresh())[1]);
        cpu.push(cpuTime(fresh()));
      }
      const [truth, scanMs] = time(() => scan(q));
      lat.scan.push(scanMs);
      rec.idx.push(recall(index.matchIds(q), truth));
      if (cls !== 'filters' && opts.mini) {
        const plain = q.replace(/"/g, '');
        const [res, miniMs] = time(() => mini.search(plain, { combineWith: 'AND' }));
        lat.mini.push(miniMs);
        rec.mini.push(
          recall(
            res.map((h) => String(h.id)),
            truth,
          ),
        );
      }
    }
    all.idx.push(...lat.idx);
    all.cpu.push(...cpu);
    all.scan.push(...lat.scan);
    all.mini.push(...lat.mini);
    const avg = (xs: number[]) =>
      xs.length ? `${((xs.reduce((a, b) => a + b, 0) / xs.length) * 100).toFixed(0)}%` : 'n/a';
    const col = (xs: number[]) =>
      (xs.length ? `${ms(pct(xs, 50))} / ${ms(pct(xs, 95))}` : 'n/a').padEnd(21);
    // Each query's scan time against its own index times (runs), per query, then averaged.
    const ratio = `${(mean(lat.scan) / mean(lat.idx)).toFixed(0)}× / ${(pct(lat.scan, 50) / pct(lat.idx, 50)).toFixed(0)}×`;
    console.log(
      `${cls.padEnd(13)}${col(lat.idx)}${col(cpu)}${ms(mean(lat.idx)).padEnd(12)}${col(lat.scan)}${ratio.padEnd(21)}${col(lat.mini)}${avg(rec.idx)} / ${avg(rec.mini)}`,
    );
  }
  const p50 = pct(all.idx, 50);
  console.log(
    `overall index p50 ${ms(p50)}, p95 ${ms(pct(all.idx, 95))}; scan p50 ${ms(pct(all.scan, 50))} ` +
      `(${(pct(all.scan, 50) / p50).toFixed(0)}× slower); MiniSearch p50 ${ms(pct(all.mini, 50))}`,
  );
  console.log(
    `index CPU time per search (all threads): p50 ${ms(pct(all.cpu, 50))}, p95 ${ms(pct(all.cpu, 95))}`,
  );
  console.log(
    `first run of each query (not in the figures above): p50 ${ms(pct(all.first, 50))}, ` +
      `p95 ${ms(pct(all.first, 95))}, max ${ms(Math.max(...all.first))} (${all.first.length} queries)`,
  );
  drawnRecall(docs, index, scan, opts.drawn);
  await updateCost(lib, docs, index);
  await index.close();
  if (!opts.reuse) rmSync(dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  if (!hasCorpus) {
    console.log('search-bench: skipped, corpus folder not found (set FOLIO_CORPUS_DIR).');
    return;
  }
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000,50000' },
      runs: { type: 'string', default: '20' },
      reuse: { type: 'string' },
      'no-mini': { type: 'boolean', default: false },
      drawn: { type: 'string', default: '40' },
    },
  });
  const dumps = loadDumpArticles().filter((a) => a.text.length > 200);
  const trad = dumps.filter((_, i) => i % 4 === 0).map((a, i) => traditionalCopy(a, `t${i}`));
  const sources = [...dumps, ...trad, ...loadWebArticles()];
  for (const n of values.sizes.split(',').map(Number))
    await benchSize(n, sources, {
      runs: Number(values.runs),
      reuse: values.reuse ?? null,
      mini: !values['no-mini'],
      drawn: Number(values.drawn),
    });
}

await main();
