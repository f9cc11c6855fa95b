/**
 * Opens a search index in a process of its own, as the app does at start, and prints the time and
 * memory it took as one JSON line. The search bench runs this: its own process holds every
 * synthetic article and a folded copy for the linear scan, hundreds of MB that each garbage
 * collection during a load in that process would walk too.
 *
 * Usage: index-load-child.ts LIBRARY_DIR SUMMARIES_JSON
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { ArticleSummary } from '../../shared/model';
import type { Library } from '../../electron/core/ports';
import { openSearchIndex } from '../../electron/core/search/open-search-index';

const [dir, summariesFile] = process.argv.slice(2) as [string, string];
const summaries = JSON.parse(readFileSync(summariesFile, 'utf8')) as ArticleSummary[];
let gets = 0;
// The index is current, so opening it reads the summaries only; a get would mean a re-index,
// which the result reports instead of timing it as a load.
const library = {
  allSummaries: () => summaries,
  get: async () => {
    gets++;
    throw new Error('the index is not current with the library');
  },
  onChange: () => () => undefined,
} as unknown as Library;

const mem0 = process.memoryUsage();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const index = await openSearchIndex({ dir, library, onError: () => undefined });
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const mem1 = process.memoryUsage();
await index.close();
console.log(
  JSON.stringify({
    wallMs: wall,
    cpuMs: (cpu.user + cpu.system) / 1000,
    heapMB: (mem1.heapUsed - mem0.heapUsed) / 1e6,
    rssMB: mem1.rss / 1e6,
    gets,
  }),
);
