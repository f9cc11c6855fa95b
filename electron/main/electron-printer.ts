/**
 * The desktop `Printer`: print-ready HTML is written to a temporary file, loaded into one hidden,
 * script-less window and turned into PDF with `webContents.printToPDF`. Prints run one at a time
 * in the same window, so a long batch export does not open a window per article.
 */
import type { PrintToPDFOptions } from 'electron';
import type { Printer } from '../core/ports';

/** The parts of a hidden `BrowserWindow` the printer uses. */
export interface PrintWindowLike {
  webContents: {
    loadFile(filePath: string): Promise<void>;
    printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
    stop(): void;
  };
  isDestroyed(): boolean;
  destroy(): void;
}

/** File-system operations, injected so the printer is testable (and the paths are ours). */
export interface PrinterFs {
  makeTempDir(): Promise<string>;
  writeFile(filePath: string, text: string): Promise<void>;
  removeDir(dirPath: string): Promise<void>;
  join(...parts: string[]): string;
}

export interface ElectronPrinterDeps {
  createWindow: () => PrintWindowLike;
  fs: PrinterFs;
  /** PDF options for one document (page size, margins, header/footer with the title). */
  pdfOptions: (title: string) => PrintToPDFOptions;
  /**
   * Resolves after the longest a page may take to load (remote images included); then loading
   * stops and the page prints as it is, so one unreachable image host cannot stall an export.
   */
  loadDeadline?: () => Promise<void>;
}

const TIMED_OUT = Symbol('timed out');

/** Creates a printer backed by one lazily created hidden window. */
export function createElectronPrinter(deps: ElectronPrinterDeps): Printer {
  let window: PrintWindowLike | null = null;
  let tempDir: Promise<string> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let count = 0;
  let closed = false;

  const getWindow = (): PrintWindowLike => {
    if (!window || window.isDestroyed()) window = deps.createWindow();
    return window;
  };

  const printOne = async (html: string, title: string): Promise<Uint8Array> => {
    if (closed) throw new Error('The printer is closed.');
    tempDir ??= deps.fs.makeTempDir();
    // A file rather than a data: URL: Chromium caps URL length at 2 MB, long articles exceed it.
    const file = deps.fs.join(await tempDir, `print-${++count}.html`);
    await deps.fs.writeFile(file, html);
    const contents = getWindow().webContents;
    // loadFile resolves after the load event, i.e. once images have loaded or failed.
    const loading = contents.loadFile(file);
    const deadline = deps.loadDeadline ?? (() => new Promise<void>(() => undefined));
    const outcome = await Promise.race([loading, deadline().then(() => TIMED_OUT)]);
    if (outcome === TIMED_OUT) {
      contents.stop();
      // Stopping aborts the pending load; that rejection is expected, not a failure.
      await loading.catch(() => undefined);
    }
    return contents.printToPDF(deps.pdfOptions(title));
  };

  return {
    printToPdf(html, options) {
      const job = queue.then(() => printOne(html, options.title));
      // The queue continues after a failed print; the caller still sees the failure.
      queue = job.catch(() => undefined);
      return job;
    },
    async close() {
      closed = true;
      await queue;
      if (window && !window.isDestroyed()) window.destroy();
      window = null;
      if (tempDir) await deps.fs.removeDir(await tempDir).catch(() => undefined);
      tempDir = null;
    },
  };
}

/** Options for the hidden print window: never shown, no scripts, fully sandboxed. */
export const PRINT_WINDOW_OPTIONS = {
  show: false,
  width: 900,
  height: 1200,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
    javascript: false,
    spellcheck: false,
  },
} as const;
