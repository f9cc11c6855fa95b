/**
 * Export benchmark: PDF per article (warm Chromium) and a batch of 100, and Markdown export of
 * 10,000 articles. Prints figures; asserts nothing. Articles are the dev dumps (or the seeds
 * when the corpus is absent) through the real parser, cycled with distinct ids and titles.
 *
 *   npm run bench:export [-- --md 10000 --pdf 100]
 */
import { readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createExporter } from '../../electron/core/export/create-exporter';
import { parseDocument } from '../../electron/core/parse/parse-document';
import { createChromiumPrinter } from '../../electron/core/printer/chromium-printer';
import { readFileSync } from 'node:fs';
import type { Article } from '../../shared/model';

const { values } = parseArgs({
  options: { md: { type: 'string', default: '10000' }, pdf: { type: 'string', default: '100' } },
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

/** `n` articles cycled from the base set, each with its own id and title. */
function cycle(base: Article[], n: number): Article[] {
  return Array.from({ length: n }, (_, i) => {
    const a = base[i % base.length] as Article;
    return { ...a, id: `${a.id}-${i}`, title: `${a.title} #${i}` };
  });
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
const exporter = createExporter({ printer: async () => printer });
try {
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

  const nPdf = Number(values.pdf);
  t = performance.now();
  await exporter.exportTo({
    articles: cycle(base, nPdf),
    format: 'pdf',
    outDir: path.join(out, 'pdf'),
  });
  const pdfBatch = performance.now() - t;
  console.log(`pdf batch of ${nPdf}: ${fmt(pdfBatch)} (${fmt(pdfBatch / nPdf)} per article)`);

  const nMd = Number(values.md);
  const many = cycle(base, nMd);
  t = performance.now();
  await exporter.exportTo({ articles: many, format: 'md', outDir: path.join(out, 'md') });
  const md = performance.now() - t;
  console.log(`markdown export of ${nMd}: ${fmt(md)} (${(md / nMd).toFixed(2)} ms per article)`);
} finally {
  await printer.close();
  rmSync(out, { recursive: true, force: true });
}
