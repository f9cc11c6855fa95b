/**
 * PDF printing without Electron: one headless system Chromium kept warm through
 * playwright-core, with the shared print layout.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { FolioError } from '../../../shared/errors';
import { playwrightPdfOptions } from '../export/print-template';
import type { Printer } from '../ports';

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface ChromiumPrinterOptions {
  executablePath?: string;
  /** How long to wait for images before printing what has loaded (ms). */
  loadTimeoutMs?: number;
}

interface Warm {
  browser: Browser;
  page: Page;
}

/** A Printer backed by headless Chromium (Debian's /usr/bin/chromium by default). */
export function createChromiumPrinter(opts: ChromiumPrinterOptions = {}): Printer {
  const executablePath = opts.executablePath ?? process.env.FOLIO_CHROMIUM ?? '/usr/bin/chromium';
  const loadTimeoutMs = opts.loadTimeoutMs ?? 15_000;
  let warm: Promise<Warm> | null = null;
  // Jobs share one page (a new context costs ~0.7 s here), so they run one at a time.
  let queue: Promise<unknown> = Promise.resolve();

  const start = async (): Promise<Warm> => {
    try {
      const browser = await chromium.launch({ executablePath, headless: true, args: LAUNCH_ARGS });
      // Articles are sanitised and carry no scripts; a page that cannot run any is safer still.
      const context = await browser.newContext({ javaScriptEnabled: false });
      return { browser, page: await context.newPage() };
    } catch (err) {
      warm = null;
      throw new FolioError('EXPORT_FAILED', `Could not start Chromium at ${executablePath}`, {
        cause: err,
      });
    }
  };

  const print = async (html: string): Promise<Uint8Array> => {
    const { page } = await (warm ??= start());
    try {
      await page.setContent(html, { waitUntil: 'load', timeout: loadTimeoutMs });
    } catch {
      // Slow or unreachable images must not block the export: print what has loaded.
    }
    return new Uint8Array(await page.pdf(playwrightPdfOptions()));
  };

  return {
    // The document's own <title> names the PDF and fills the running header.
    printToPdf(html) {
      const job = queue.then(() => print(html));
      queue = job.catch(() => undefined);
      return job;
    },
    async close() {
      const w = warm;
      warm = null;
      await queue;
      if (w) await (await w.catch(() => null))?.browser.close();
    },
  };
}
