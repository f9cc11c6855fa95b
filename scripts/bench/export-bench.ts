/**
 * Export benchmark: PDF per article (warm Chromium) and a batch of 100, and Markdown export of
 * 10,000 articles. Prints figures; asserts nothing. Articles are the dev dumps (or the seeds
 * when the corpus is absent) through the real parser, cycled with distinct ids and titles, and
 * dated as a real archive is: publication dates spread over a few years, each article imported
 * a few days after it appeared (header citations cost more per distinct date).
 *
 *   npm run bench:export [-- --md 10000 --pdf 100]   (--pdf 0: Markdown only)
 *   npm run bench:export -- --pdf 0 --in-thread       (Markdown without the worker pool)
 *   npm run bench:export -- --pdf 0 --spread 0        (the dumps' own dates, all imported at once)
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { citeprocCalls } from '../../electron/core/export/citations';
import { createExporter } from '../../electron/core/export/create-exporter';
import { parseDocument } from '../../electron/core/parse/parse-document';
import { createChromiumPrinter } from '../../electron/core/printer/chromium-printer';
import type { Article } from '../../shared/model';

const { values } = parseArgs({
  options: {
    md: { type: 'string', default: '10000' },
    pdf: { type: 'string', default: '100' },
    'in-thread': { type: 'boolean', default: false },
    // Days over which the cycled articles' publication dates spread; 0 keeps the dumps' own.
    spread: { type: 'string', default: '1095' },
  },
});
const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const corpus = process.env.FOLIO_CORPUS_DIR ?? path.resolve(repoRoot, '../shared/corpus');
const devDir = path.join(corpus, 'dumps-dev');
const srcDir = existsSync(devDir) ? devDir : path.join(repoRoot, 'seeds');

function loadArticles(): Article[] {
  const files = readdirSync(srcDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  return files.map((f, i) => {
    const { article, format, encoding } = parseDocument(
      new Uint8Array(readFileSync(path.join(srcDir, f))),
      f,
    );
    const meta = {
      title: article.title,
      url: article.url,
      siteName: article.siteName,
      authors: article.authors,
      publishedAt: article.publishedAt,
    };
    return {
      ...article,
      id: `bench${i}`,
      importedAt: '2026-11-28T09:00:00.000Z',
      updatedAt: '2026-11-28T09:00:00.000Z',
      source: { fileName: f, sha256: '0'.repeat(64), bytes: 0, format, encoding },
      parsed: meta,
      notes: null,
      deletedAt: null,
      previousVersionId: null,
    };
  });
}

const DAY_MS = 86_400_000;
const SPREAD_FROM = Date.UTC(2022, 0, 1, 8);

/** `n` articles cycled from the base set, each with its own id and title; with `spreadDays`,
 * published on a day of that span (a fixed pseudo-random walk, so every run cites the same
 * dates) and imported 0–6 days after that day. */
function cycle(base: Article[], n: number, spreadDays = 0): Article[] {
  return Array.from({ length: n }, (_, i) => {
    const a = base[i % base.length] as Article;
    const article = { ...a, id: `${a.id}-${i}`, title: `${a.title} #${i}` };
    if (spreadDays <= 0) return article;
    const published = SPREAD_FROM + ((i * 7919) % spreadDays) * DAY_MS;
    const imported = published + ((i * 31) % 7) * DAY_MS + 3_600_000;
    return {
      ...article,
      // A dump without a date keeps none.
      publishedAt: a.publishedAt === null ? null : new Date(published).toISOString(),
      importedAt: new Date(imported).toISOString(),
    };
  });
}

/** CPU seconds used so far by this process's descendants (Chromium), from /proc. */
function childCpuSeconds(): number {
  if (!existsSync('/proc/self/stat')) return Number.NaN;
  const parentOf = new Map<number, number>();
  const cpuOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(entry), Number(fields[1]));
      // utime + stime, in clock ticks (100 per second on Linux).
      cpuOf.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const [pid, cpu] of cpuOf) {
    for (let p = parentOf.get(pid); p !== undefined && p > 1; p = parentOf.get(p)) {
      if (p === process.pid) {
        total += cpu;
        break;
      }
    }
  }
  return total;
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};
const fmt = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;

const base = loadArticles();
console.log(`articles: ${base.length} from ${srcDir}`);
const out = mkdtempSync(path.join(tmpdir(), 'folio-export-bench-'));
const printer = createChromiumPrinter({ loadTimeoutMs: 5_000 });
// --in-thread measures the per-article path that every batch took before the Markdown pool.
const exporter = createExporter({
  printer: async () => printer,
  pooledMarkdownMin: values['in-thread'] ? Infinity : undefined,
});
try {
  // --pdf 0 skips the PDF part (and Chromium) so the Markdown figure can be measured alone.
  const nPdf = Number(values.pdf);
  if (nPdf > 0) {
    // Warm up: start Chromium and load the CJK fonts once.
    let t = performance.now();
    await exporter.exportTo({
      articles: [base[0] as Article],
      format: 'pdf',
      outDir: out,
      overwrite: true,
    });
    console.log(`pdf cold start (first article): ${fmt(performance.now() - t)}`);

    const singles: number[] = [];
    for (const a of cycle(base, 20)) {
      t = performance.now();
      await exporter.exportTo({ articles: [a], format: 'pdf', outDir: out, overwrite: true });
      singles.push(performance.now() - t);
    }
    console.log(
      `pdf per article, warm (20): p50 ${fmt(pct(singles, 50))}, p90 ${fmt(pct(singles, 90))}`,
    );

    t = performance.now();
    const chromeCpu0 = childCpuSeconds();
    const nodeCpu0 = process.cpuUsage();
    await exporter.exportTo({
      articles: cycle(base, nPdf),
      format: 'pdf',
      outDir: path.join(out, 'pdf'),
    });
    const pdfBatch = performance.now() - t;
    console.log(`pdf batch of ${nPdf}: ${fmt(pdfBatch)} (${fmt(pdfBatch / nPdf)} per article)`);
    const chromeCpu = (childCpuSeconds() - chromeCpu0) / nPdf;
    const nodeCpu = process.cpuUsage(nodeCpu0);
    // CPU time per article is what an idle machine needs; wall time includes the neighbours.
    console.log(
      `pdf batch CPU per article: Chromium ${chromeCpu.toFixed(3)} s + Node ${((nodeCpu.user + nodeCpu.system) / 1e6 / nPdf).toFixed(3)} s`,
    );
  }

  const nMd = Number(values.md);
  const many = cycle(base, nMd, Number(values.spread));
  const dates = new Set(many.map((a) => `${a.publishedAt ?? ''} ${a.importedAt.slice(0, 10)}`));
  const calls0 = citeprocCalls();
  const t = performance.now();
  const cpu0 = process.cpuUsage();
  await exporter.exportTo({ articles: many, format: 'md', outDir: path.join(out, 'md') });
  const md = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  // CPU time too (every thread of the process, the workers' included): on a shared, loaded
  // machine wall time says more about the neighbours.
  console.log(
    `markdown export of ${nMd}${values['in-thread'] ? ' (in-thread)' : ''}: ${fmt(md)} wall, ${fmt(cpuMs)} CPU (${(md / nMd).toFixed(2)} ms per article, ${(cpuMs / nMd).toFixed(2)} ms CPU)`,
  );
  // System time is mostly the file system creating 10,000 files, which varies with the disk and
  // whatever else writes to it.
  console.log(
    `markdown export CPU split: ${fmt(cpu.user / 1000)} user, ${fmt(cpu.system / 1000)} system`,
  );
  // Header citations run in this thread; each citeproc call costs milliseconds.
  console.log(
    `markdown header citations: ${citeprocCalls() - calls0} citeproc calls for ${nMd} articles (${dates.size} distinct published/imported date pairs)`,
  );
} finally {
  await exporter.close();
  await printer.close();
  rmSync(out, { recursive: true, force: true });
}
