import type { PrintToPDFOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createElectronPrinter, type PrintWindowLike } from '../../electron/main/electron-printer';
import { electronPdfOptions } from '../../electron/core/export/print-template';

function setup(opts: { failOn?: string; hangOn?: string; deadline?: () => Promise<void> } = {}) {
  const files = new Map<string, string>();
  const removed: string[] = [];
  const windows: Array<
    PrintWindowLike & { destroyed: boolean; loaded: string[]; stopped: number }
  > = [];
  const printer = createElectronPrinter({
    createWindow: () => {
      let current = '';
      let stopLoad = (): void => undefined;
      const w = {
        destroyed: false,
        loaded: [] as string[],
        stopped: 0,
        isDestroyed: () => w.destroyed,
        destroy: () => {
          w.destroyed = true;
        },
        webContents: {
          loadFile: (file: string) => {
            current = files.get(file) ?? '';
            w.loaded.push(file);
            if (opts.hangOn && current.includes(opts.hangOn)) {
              // An image host that never answers: the load ends only when stopped.
              return new Promise<void>((_resolve, reject) => {
                stopLoad = () => reject(new Error('ERR_ABORTED'));
              });
            }
            return Promise.resolve();
          },
          stop: () => {
            w.stopped++;
            stopLoad();
          },
          printToPDF: async (options: PrintToPDFOptions) => {
            if (opts.failOn && current.includes(opts.failOn)) throw new Error('print failed');
            return new TextEncoder().encode(`%PDF ${options.pageSize} ${current}`);
          },
        },
      };
      windows.push(w);
      return w;
    },
    fs: {
      makeTempDir: async () => '/tmp/folio-print-x',
      writeFile: async (file, text) => {
        files.set(file, text);
      },
      removeDir: async (dir) => {
        removed.push(dir);
      },
      join: (...parts) => parts.join('/'),
    },
    pdfOptions: (title) => ({ pageSize: 'A4', headerTemplate: title }),
    loadDeadline: opts.deadline,
  });
  return { printer, files, removed, windows };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('createElectronPrinter', () => {
  it('prints each document through one hidden window, in order', async () => {
    const { printer, windows } = setup();
    const [a, b] = await Promise.all([
      printer.printToPdf('<p>first</p>', { title: 'A' }),
      printer.printToPdf('<p>second</p>', { title: 'B' }),
    ]);
    expect(text(a)).toBe('%PDF A4 <p>first</p>');
    expect(text(b)).toBe('%PDF A4 <p>second</p>');
    expect(windows).toHaveLength(1);
    expect(windows[0]?.loaded).toEqual([
      '/tmp/folio-print-x/print-1.html',
      '/tmp/folio-print-x/print-2.html',
    ]);
  });

  it('keeps working after one print fails', async () => {
    const { printer } = setup({ failOn: 'bad' });
    await expect(printer.printToPdf('<p>bad</p>', { title: 'x' })).rejects.toThrow('print failed');
    expect(text(await printer.printToPdf('<p>good</p>', { title: 'y' }))).toContain('good');
  });

  it('prints a page whose load hangs once the deadline passes, stopping the load', async () => {
    const { printer, windows } = setup({ hangOn: 'slow', deadline: () => Promise.resolve() });
    expect(text(await printer.printToPdf('<p>slow</p>', { title: 's' }))).toContain('slow');
    expect(windows[0]?.stopped).toBe(1);
    // A page that loads normally is not stopped, even with a deadline that has passed.
    expect(text(await printer.printToPdf('<p>fast</p>', { title: 'f' }))).toContain('fast');
    expect(windows[0]?.stopped).toBe(1);
  });

  it('close destroys the window, removes its files and refuses further prints', async () => {
    const { printer, windows, removed } = setup();
    await printer.printToPdf('<p>x</p>', { title: 'x' });
    await printer.close();
    expect(windows[0]?.destroyed).toBe(true);
    expect(removed).toEqual(['/tmp/folio-print-x']);
    await expect(printer.printToPdf('<p>y</p>', { title: 'y' })).rejects.toThrow(/closed/);
  });
});

describe('the shared print options', () => {
  it('fit Electron printToPDF: A4, inch margins, running header and page numbers', () => {
    const options: PrintToPDFOptions = electronPdfOptions();
    expect(options.pageSize).toBe('A4');
    expect(options.displayHeaderFooter).toBe(true);
    expect(options.footerTemplate).toContain('pageNumber');
    // Electron takes inches: anything above a few inches means millimetres slipped through.
    for (const side of Object.values(options.margins ?? {})) expect(side).toBeLessThan(2);
  });
});
