/**
 * E2E harness: a temporary library, the real core, the browser shell in-process, and system
 * Chromium driven by playwright-core.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createCore } from '../../electron/core/create-core';
import type { FolioCore } from '../../electron/core/ports';
import { startShell, type RunningShell } from '../../electron/shell/start-shell';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS_DIR =
  process.env.FOLIO_CORPUS_DIR ?? path.resolve(REPO_ROOT, '../shared/corpus');
export const DUMPS_DIR = path.join(CORPUS_DIR, 'dumps-dev');
export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'e2e');
export const CHROMIUM = process.env.FOLIO_CHROMIUM ?? '/usr/bin/chromium';
const STATIC_DIR = path.join(REPO_ROOT, 'dist', 'renderer');

/**
 * Why the suite cannot run here, or null. A missing browser skips locally but fails in CI
 * (`CI` set), so a broken CI image never passes silently.
 */
export function skipReason(): string | null {
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}; CI must install it`);
    return `Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) to run E2E tests`;
  }
  if (!existsSync(path.join(STATIC_DIR, 'index.html'))) {
    throw new Error('dist/renderer is not built: run `npm run e2e`, which builds it first');
  }
  return null;
}

export interface App {
  page: Page;
  browser: Browser;
  shell: RunningShell;
  core: FolioCore;
  libraryDir: string;
  /** Errors the page threw (uncaught), collected for assertions. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Starts an empty library, the shell and a browser page on the app. */
export async function startApp(
  opts: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<App> {
  const libraryDir = await mkdtemp(path.join(os.tmpdir(), 'folio-e2e-'));
  const core = await createCore({ dir: libraryDir });
  const shell = await startShell({
    core,
    staticDir: STATIC_DIR,
    sampleDir: path.join(REPO_ROOT, 'seeds'),
    // As `npm run serve` does: the suite also runs with the first-use warm-up going on.
    warmUp: true,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    // The browser's language, which the UI follows until Settings says otherwise.
    locale: opts.locale ?? 'en-US',
  });
  // The tests must not depend on the network: article images from the web are answered empty.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
    route.fulfill({ status: 204, body: '' }),
  );
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(shell.url);
  return {
    page,
    browser,
    shell,
    core,
    libraryDir,
    pageErrors,
    async close() {
      await browser.close().catch(() => undefined);
      await shell.close();
      await core.close();
      await rm(libraryDir, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot of the whole window to test-artifacts/e2e/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export interface DropFile {
  name: string;
  base64: string;
}

/** Reads files for a synthetic drop. */
export async function readDropFiles(files: string[]): Promise<DropFile[]> {
  return Promise.all(
    files.map(async (f) => ({
      name: path.basename(f),
      base64: (await readFile(f)).toString('base64'),
    })),
  );
}

/** The dev-corpus dump files, sorted (expected.json and README.md left out). */
export async function corpusDumps(): Promise<string[]> {
  return (await readdir(DUMPS_DIR))
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => path.join(DUMPS_DIR, n));
}

/**
 * Drops files onto the window the way a user's drag does: dragenter, dragover, then drop with
 * a DataTransfer holding real `File`s.
 */
export async function dropFiles(page: Page, files: DropFile[]): Promise<void> {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: 'text/plain' }));
    }
    const target = document.querySelector('[data-testid="app"]') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(
        new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }),
      );
    }
  }, files);
}
