// Bundles the Electron main process and the sandboxed preload with esbuild.
//   main:    electron/main/main.ts       -> dist/electron/main.cjs    (node, cjs; electron and
//            playwright-core stay external: one is provided by the runtime, the other loads
//            browser binaries relative to its own package folder)
//   workers: parse-worker.cjs, markdown-worker.cjs and form-check-worker.cjs beside main.cjs
//   preload: electron/preload/preload.ts -> dist/electron/preload.cjs (sandboxed preloads may
//            require only `electron`, so everything else is bundled in)
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outFlag = process.argv.indexOf('--out-dir');
// --out-dir lets tests build into a temporary folder instead of dist/.
const outDir =
  outFlag > 0 && process.argv[outFlag + 1]
    ? path.resolve(process.argv[outFlag + 1])
    : path.join(root, 'dist', 'electron');
const production = process.env.NODE_ENV === 'production' || process.argv.includes('--production');

// ESM sources bundled into CJS lose import.meta.url; rebuild it from the bundle's own path.
const importMetaShim =
  "const __folioImportMetaUrl = require('node:url').pathToFileURL(__filename).href;";

const common = {
  bundle: true,
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: production,
  logLevel: 'info',
  absWorkingDir: root,
  legalComments: 'linked',
};

/** A worker thread's entry, bundled beside main.cjs where the pools look for it. */
function workerBundle(entry, file) {
  return build({
    ...common,
    entryPoints: [entry],
    outfile: path.join(outDir, file),
    platform: 'node',
    banner: { js: importMetaShim },
    define: { 'import.meta.url': '__folioImportMetaUrl' },
  });
}

/** Builds the main, worker and preload bundles; resolves to esbuild's results. */
export async function buildElectron() {
  return Promise.all([
    build({
      ...common,
      entryPoints: ['electron/main/main.ts'],
      outfile: path.join(outDir, 'main.cjs'),
      platform: 'node',
      external: ['electron', 'playwright-core'],
      banner: { js: importMetaShim },
      define: { 'import.meta.url': '__folioImportMetaUrl' },
    }),
    // The parse pool's worker: found next to main.cjs (defaultParseWorkerFile); if it cannot
    // start, the pool parses in the main thread.
    workerBundle('electron/core/parse/parse-worker.ts', 'parse-worker.cjs'),
    // The Markdown render pool's worker, found the same way (defaultMarkdownWorkerFile); large
    // Markdown exports render in the main thread when it cannot start.
    workerBundle('electron/core/export/markdown-worker.ts', 'markdown-worker.cjs'),
    // The search index's phrase-check worker (defaultFormCheckWorkerFile); without it, a query's
    // checks all run in the main thread.
    workerBundle('electron/core/search/form-check-worker.ts', 'form-check-worker.cjs'),
    build({
      ...common,
      entryPoints: ['electron/preload/preload.ts'],
      outfile: path.join(outDir, 'preload.cjs'),
      // The preload runs in a sandboxed renderer: browser-like, with only `electron` to require.
      platform: 'browser',
      target: 'chrome130',
      external: ['electron'],
    }),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildElectron().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
