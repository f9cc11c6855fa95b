/**
 * Import benchmark, end to end: generates 1,000 and 10,000 distinct files by varying the dev
 * corpora (epoch, title, URL and body) and imports each set into a fresh library through
 * `createCore` — the app's composition root, so parsing runs in the default worker pool and the
 * persisted search index is updated — timing from opening the core until `close()` has flushed
 * the store and the search index. Each run is a fresh child process, so every figure includes
 * worker start-up and its own peak RSS.
 *
 * Headline: dumps only (the target is ≥300 dumps/s, peak RSS ≤500 MB at 10,000). Second line:
 * the mixed set, where every fifth file is a saved web page. CPU per file is split into the main
 * thread's share and the other threads' (on Linux), and theirs into the parse workers' and the
 * rest (file-system and GC helper threads): on a shared machine the CPU figures, unlike the
 * wall-clock rate, do not depend on what else runs.
 * Env: BENCH_SIZES=1000,10000  BENCH_MIXES=dumps,mixed  BENCH_PARSE=inline (parse in-thread)
 *      BENCH_THREADS=N (parse workers; default: one per CPU)
 *      PROF=DIR (CPU profiles of the measured run's threads).
 */
import { fork } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../electron/core/create-core';
import { importPaths } from '../../electron/core/import/import-paths';
import { openLibrary } from '../../electron/core/store/open-library';

type Mix = 'dumps' | 'mixed';
/** USER_HZ: the unit of /proc CPU times on every Linux port Node runs on. */
const CLOCK_TICKS = 100;
interface Source {
  kind: 'dump' | 'html';
  text: string;
}

const self = fileURLToPath(import.meta.url);
const repoRoot = path.resolve(path.dirname(self), '../..');
const corpusDir = process.env.FOLIO_CORPUS_DIR ?? path.resolve(repoRoot, '../shared/corpus');
const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const mixes = (process.env.BENCH_MIXES ?? 'dumps,mixed').split(',') as Mix[];
const inline = process.env.BENCH_PARSE === 'inline';

async function sources(): Promise<Source[]> {
  const out: Source[] = [];
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
function variant(src: Source, i: number): string {
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

async function writeInput(dir: string, n: number, mix: Mix, srcs: Source[]): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const dumps = srcs.filter((s) => s.kind === 'dump');
  const pages = srcs.filter((s) => s.kind === 'html');
  for (let i = 0; i < n; i++) {
    const page = mix === 'mixed' && i % 5 === 4 && pages.length > 0;
    const src = page ? pages[i % pages.length] : dumps[i % dumps.length];
    if (!src) throw new Error('no corpus files');
    const name = `${String(i).padStart(6, '0')}${src.kind === 'dump' ? '.txt' : '.html'}`;
    await fs.writeFile(path.join(dir, name), variant(src, i));
  }
}

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** One measured import (runs in a child process). */
async function measure(input: string, libDir: string, label: string): Promise<void> {
  const n = (await fs.readdir(input)).length;
  // The sample at the peak, to tell the main heap from buffers and from the rest (worker
  // heaps, code, allocator slack), which only the RSS shows.
  let atPeak = process.memoryUsage();
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > atPeak.rss) atPeak = m;
  };
  const sampler = setInterval(sample, 50);
  // CPU time of each thread: parse workers are ended by close(), so it is sampled while they live.
  const before = threadCpuMs();
  const threads = new Map<string, ThreadCpu>();
  const sampleThreads = () => {
    for (const [tid, t] of threadCpuMs()) {
      const b = before.get(tid);
      threads.set(tid, { user: t.user - (b?.user ?? 0), system: t.system - (b?.system ?? 0) });
    }
  };
  const threadSampler = setInterval(sampleThreads, 250);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadCpuMs();
  const core = await createCore({
    dir: libDir,
    parseWorkerFile: inline ? null : undefined,
    parseThreads: process.env.BENCH_THREADS ? Number(process.env.BENCH_THREADS) : undefined,
    createPrinter: () => Promise.reject(new Error('the import bench prints nothing')),
    fetchImage: async () => null,
  });
  const results = await importPaths({
    paths: [input],
    importFile: (f) => core.library.importFile(f),
  });
  // close() waits for the index to catch up with every import and saves it, then folds the
  // catalog journal: the import is done only once all of that is on disk.
  await core.close();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const main1 = mainThreadCpuMs();
  clearInterval(sampler);
  clearInterval(threadSampler);
  sample();
  const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
  const count = (s: string) => results.filter((r) => r.status === s).length;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const mainMs = main0 === null || main1 === null ? null : main1 - main0;
  const split =
    mainMs === null
      ? ''
      : `: main thread ${(mainMs / n).toFixed(2)}, other threads ${((cpuMs - mainMs) / n).toFixed(2)}`;
  // The busiest threads are the parse workers (one per CPU unless BENCH_THREADS says); the rest are
  // libuv's file-system threads and V8's GC helpers.
  sampleThreads();
  const mainSplit = threads.get(String(process.pid));
  threads.delete(String(process.pid));
  const total = (t: ThreadCpu) => t.user + t.system;
  const busiest = [...threads.values()].sort((a, b) => total(b) - total(a));
  const workers = busiest.slice(0, Number(process.env.BENCH_THREADS ?? os.cpus().length));
  const rest = busiest.slice(workers.length);
  const workerMs = workers.reduce((a, t) => a + total(t), 0);
  // System time (in the kernel: file-system calls, mostly) of each group, from the same samples.
  const sys = (ts: ThreadCpu[]) =>
    `system ${(ts.reduce((a, t) => a + t.system, 0) / n).toFixed(2)}`;
  const workerSplit =
    mainMs === null || inline
      ? ''
      : `; other threads: ${workers.length} parse workers ${(workerMs / n).toFixed(2)} (sampled every 250 ms; ${sys(workers)}), the rest ${((cpuMs - mainMs - workerMs) / n).toFixed(2)} (${sys(rest)} in ${rest.length} threads); main thread ${mainSplit ? sys([mainSplit]) : ''}`;

  // Imported only after the measured import: the app's main thread never loads the parser
  // (createCore parses in workers).
  const { parseDocument } = await import('../../electron/core/parse/parse-document');
  // Reopening (the next launch) and tag edits on a library of this size (30 ms budget).
  const o0 = performance.now();
  const lib = await openLibrary({ dir: libDir, parse: parseDocument });
  const openMs = performance.now() - o0;
  const ids = lib.allSummaries().map((s) => s.id);
  const edits: number[] = [];
  for (let k = 0; k < 50; k++) {
    const e0 = performance.now();
    await lib.addTags([ids[(k * 97) % ids.length] as string], [`bench-${k % 7}`]);
    edits.push(performance.now() - e0);
  }
  edits.sort((a, b) => a - b);
  await lib.close();
  const size = await dirSize(libDir);
  const indexSize = await dirSize(path.join(libDir, 'index')).catch(() => 0);
  console.log(
    [
      `${label}: ${n} files in ${seconds.toFixed(1)} s = ${(n / seconds).toFixed(0)} files/s wall; CPU ${(cpuMs / n).toFixed(2)} ms/file${split} (user ${(cpu.user / 1e6).toFixed(1)} s, system ${(cpu.system / 1e6).toFixed(1)} s, all threads)${workerSplit}`,
      `  imported ${count('imported')}, versions ${count('version')}, duplicates ${count('duplicate')}, failed ${count('failed')}; indexed ${ids.length}`,
      `  peak RSS ${mb(atPeak.rss)} sampled, maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; at the peak: main heap ${mb(atPeak.heapUsed)} used of ${mb(atPeak.heapTotal)}, external ${mb(atPeak.external)} (array buffers ${mb(atPeak.arrayBuffers)}), other ${mb(atPeak.rss - atPeak.heapTotal - atPeak.external)}`,
      `  library on disk ${(size / 1048576).toFixed(1)} MB (search index ${(indexSize / 1048576).toFixed(1)} MB; input ${((await dirSize(input)) / 1048576).toFixed(1)} MB)`,
      `  reopen ${openMs.toFixed(0)} ms; tag edit median ${edits[25]?.toFixed(1)} ms, p95 ${edits[47]?.toFixed(1)} ms`,
    ].join('\n'),
  );
}

/**
 * CPU time of this process's main thread (Linux only, else null): the import is bound by it and
 * by the total, and the rest is the parse workers, V8's GC helpers and the file-system threads.
 */
function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name: state is field 3; utime and stime are 14 and 15, in ticks.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS);
  } catch {
    return null;
  }
}

interface ThreadCpu {
  user: number;
  system: number;
}

/** User and system CPU time (ms) of every thread of this process by thread id (Linux only, else empty). */
function threadCpuMs(): Map<string, ThreadCpu> {
  const out = new Map<string, ThreadCpu>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = 1000 / CLOCK_TICKS;
      out.set(tid, { user: Number(fields[11]) * ms, system: Number(fields[12]) * ms });
    }
  } catch {
    // Not Linux, or a thread ended between the listing and the read: keep what was read.
  }
  return out;
}

function child(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // PROF=DIR writes a CPU profile of every thread of the measured run into DIR.
    const prof = process.env.PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF}`] : [];
    const proc = fork(self, ['--child', ...args], {
      stdio: 'inherit',
      execArgv: [...process.execArgv, ...prof],
    });
    proc.on('error', reject);
    proc.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`run exited ${code}`))));
  });
}

if (process.argv[2] === '--child') {
  const [input, libDir, label] = process.argv.slice(3) as [string, string, string];
  await measure(input, libDir, label);
} else {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-import-bench-'));
  try {
    const srcs = await sources();
    console.log(
      `sources: ${srcs.length} corpus files; ${os.cpus().length} CPUs; load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; parse ${inline ? 'inline' : 'workers'}`,
    );
    for (const mix of mixes) {
      for (const n of sizes) {
        const input = path.join(tmp, `in-${mix}-${n}`);
        await writeInput(input, n, mix, srcs);
        const label = mix === 'dumps' ? `dumps only` : `mixed 80/20 dumps+web pages`;
        await child([input, path.join(tmp, `lib-${mix}-${n}`), label]);
        await fs.rm(path.join(tmp, `lib-${mix}-${n}`), { recursive: true, force: true });
        await fs.rm(input, { recursive: true, force: true });
      }
    }
    console.log(
      `load after: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}
