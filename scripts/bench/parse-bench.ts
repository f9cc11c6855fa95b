/**
 * Parser throughput over the dumps-dev corpus: prints dumps/s (single process, repeated rounds).
 * Usage: npx tsx scripts/bench/parse-bench.ts [rounds]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../../electron/core/parse/parse-document';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = process.env.FOLIO_CORPUS_DIR ?? path.resolve(repoRoot, '../shared/corpus');
const dir = path.join(corpus, 'dumps-dev');
const rounds = Number(process.argv[2] ?? 10);

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(path.join(dir, f))) }));
const totalBytes = files.reduce((n, f) => n + f.bytes.length, 0);

// Warm-up round: JIT and module initialisation are not part of steady-state throughput.
for (const f of files) parseDocument(f.bytes, f.name);

const perFile = new Map<string, number>();
const start = performance.now();
const cpuStart = process.cpuUsage();
for (let r = 0; r < rounds; r += 1) {
  for (const f of files) {
    const t0 = performance.now();
    parseDocument(f.bytes, f.name);
    perFile.set(f.name, (perFile.get(f.name) ?? 0) + performance.now() - t0);
  }
}
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
// CPU time is the fairer figure on a shared machine: wall time includes other processes' load.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const parsed = files.length * rounds;
console.log(`files: ${files.length} (${(totalBytes / 1024).toFixed(0)} KB), rounds: ${rounds}`);
console.log(`parsed: ${parsed} dumps in ${seconds.toFixed(2)} s`);
console.log(
  `throughput (wall): ${(parsed / seconds).toFixed(0)} dumps/s, ${((totalBytes * rounds) / 1048576 / seconds).toFixed(1)} MB/s`,
);
console.log(
  `throughput (cpu): ${(parsed / cpuSeconds).toFixed(0)} dumps/s over ${cpuSeconds.toFixed(2)} s of CPU`,
);
const slowest = [...perFile.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
for (const [name, ms] of slowest) console.log(`slowest: ${(ms / rounds).toFixed(1)} ms  ${name}`);
