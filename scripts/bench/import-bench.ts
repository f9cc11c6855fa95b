/**
 * Import benchmark: generates 1,000 and 10,000 distinct dumps by varying the dev corpora
 * (epoch, title, URL and body), imports each set into a fresh library the way `folio import`
 * does, and prints files/s, peak RSS, library size on disk and the cost of a tag edit.
 * Targets: ≥300 dumps/s end to end, peak RSS ≤500 MB at 10,000.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { importPaths } from '../../electron/core/import/import-paths';
import { parseDocument } from '../../electron/core/parse/parse-document';
import { createParsePool, defaultParseWorkerFile } from '../../electron/core/parse/parse-pool';
import { openLibrary } from '../../electron/core/store/open-library';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const corpusDir = process.env.FOLIO_CORPUS_DIR ?? path.resolve(repoRoot, '../shared/corpus');
const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
// BENCH_PARSE=inline parses on the main thread (the old path), for comparison.
const inline = process.env.BENCH_PARSE === 'inline';
const concurrency = process.env.BENCH_CONCURRENCY
  ? Number(process.env.BENCH_CONCURRENCY)
  : undefined;

async function sources(): Promise<Array<{ kind: 'dump' | 'html'; text: string }>> {
  const out: Array<{ kind: 'dump' | 'html'; text: string }> = [];
  for (const [sub, kind, ext] of [
    ['dumps-dev', 'dump', '.txt'],
    ['scrapinghub-dev', 'html', '.html'],
  ] as const) {
    const dir = path.join(corpusDir, sub);
    for (const name of (await fs.readdir(dir)).filter((n) => n.endsWith(ext)).sort()) {
      out.push({ kind, text: await fs.readFile(path.join(dir, name), 'utf8') });
    }
  }
  return out;
}

/** A distinct variant of a source file: every dump differs in epoch, title, URL and body. */
function variant(src: { kind: 'dump' | 'html'; text: string }, i: number): string {
  if (src.kind === 'html') {
    return src.text
      .replace(/<title>/i, `<title>#${i} `)
      .replace(/<\/body>/i, `<p>variant ${i}</p></body>`);
  }
  const lines = src.text.split('\n');
  const epoch = Number(/<!--(\d+)-->/.exec(lines[0] ?? '')?.[1] ?? 1_600_000_000_000) + i * 60_000;
  lines[0] = `<!--${epoch}-->`;
  lines[1] = (lines[1] ?? '').replace(/^\[(.*)\]\((.*)\)$/, (_m, t: string, u: string) => {
    const sep = u.includes('?') ? '&' : '?';
    return `[${t} #${i}](${u}${sep}v=${i})`;
  });
  return `${lines.join('\n')}\n<p>Variant ${i}.</p>`;
}

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

async function run(n: number, srcs: Array<{ kind: 'dump' | 'html'; text: string }>, tmp: string) {
  const input = path.join(tmp, `in-${n}`);
  await fs.mkdir(input, { recursive: true });
  // Mostly dumps (what users import in bulk), with every fifth file a saved web page.
  const dumps = srcs.filter((s) => s.kind === 'dump');
  const pages = srcs.filter((s) => s.kind === 'html');
  for (let i = 0; i < n; i++) {
    const src = i % 5 === 4 && pages.length > 0 ? pages[i % pages.length] : dumps[i % dumps.length];
    if (!src) throw new Error('no corpus files');
    await fs.writeFile(
      path.join(input, `${String(i).padStart(6, '0')}${src.kind === 'dump' ? '.txt' : '.html'}`),
      variant(src, i),
    );
  }
  const libDir = path.join(tmp, `lib-${n}`);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  // Worker threads share the process, so the RSS figures include them.
  const pool = createParsePool({
    workerFile: inline ? null : defaultParseWorkerFile(),
    fallback: parseDocument,
  });
  const lib = await openLibrary({ dir: libDir, parse: pool.parse });
  const results = await importPaths({
    paths: [input],
    importFile: (f) => lib.importFile(f),
    concurrency,
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await pool.close();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const count = (s: string) => results.filter((r) => r.status === s).length;

  // Tag edits on a library of this size (the 30 ms interactivity budget).
  const ids = lib.allSummaries().map((s) => s.id);
  const edits: number[] = [];
  for (let k = 0; k < 50; k++) {
    const e0 = performance.now();
    await lib.addTags([ids[(k * 97) % ids.length] as string], [`bench-${k % 7}`]);
    edits.push(performance.now() - e0);
  }
  edits.sort((a, b) => a - b);
  const c0 = performance.now();
  await lib.close();
  const closeMs = performance.now() - c0;
  const o0 = performance.now();
  const reopened = await openLibrary({ dir: libDir, parse: parseDocument });
  const openMs = performance.now() - o0;
  await reopened.close();
  const size = await dirSize(libDir);
  console.log(
    [
      `${n} files: ${seconds.toFixed(1)} s, ${(n / seconds).toFixed(0)} files/s`,
      `  CPU (all threads) user ${(cpu.user / 1e6).toFixed(1)} s, system ${(cpu.system / 1e6).toFixed(1)} s`,
      `  imported ${count('imported')}, versions ${count('version')}, duplicates ${count('duplicate')}, failed ${count('failed')}`,
      `  peak RSS sampled ${(peak / 1048576).toFixed(0)} MB, maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (process so far)`,
      `  library on disk ${(size / 1048576).toFixed(1)} MB (input ${((await dirSize(input)) / 1048576).toFixed(1)} MB)`,
      `  tag edit median ${edits[25]?.toFixed(1)} ms, p95 ${edits[47]?.toFixed(1)} ms; close ${closeMs.toFixed(0)} ms; reopen ${openMs.toFixed(0)} ms`,
    ].join('\n'),
  );
}

const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-import-bench-'));
try {
  const srcs = await sources();
  console.log(
    `sources: ${srcs.length} corpus files; ${os.cpus().length} CPUs; load ${os.loadavg()[0]?.toFixed(1)}; parse ${inline ? 'inline' : 'workers'}`,
  );
  for (const n of sizes) await run(n, srcs, tmp);
} finally {
  await fs.rm(tmp, { recursive: true, force: true });
}
