/**
 * Builds the Electron bundles with the real build script into a temporary folder, then checks
 * what they may load and that the main bundle starts (under Node, with a stand-in `electron`):
 * bundling ESM-only dependencies into CJS is where packaged apps usually break. The packaged app
 * ships no node_modules (electron-builder.config.cjs), so the bundle runs here without any.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/api';
import { HOST_CHANNELS, HOST_EVENTS } from '../../shared/host';
import { encodeFolded } from '../../electron/core/search/folded-form';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let outDir = '';

/** The distinct module names a CJS bundle requires. */
async function requiredModules(file: string): Promise<string[]> {
  const code = await readFile(file, 'utf8');
  return [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1] ?? ''))].sort();
}

// A stand-in for Electron's main-process API: just enough for main.ts to start, answer IPC
// calls, print a PDF through a stand-in window and quit. Written to the temporary folder, never
// into the repository.
const HARNESS = `
const Module = require('node:module');
const handlers = new Map();
const appListeners = {};
const windows = [];
let quit = false;
class BrowserWindow {
  constructor(options) {
    this.options = options;
    this.webContents = {
      id: windows.length + 1, once() {}, on() {}, send() {}, setWindowOpenHandler() {}, stop() {},
      loadFile: async (file) => { this.printed = file; },
      printToPDF: async () => Buffer.from('%PDF-1.4 stand-in'),
    };
    windows.push(this);
  }
  once() {} on() {} async loadURL(url) { this.url = url; } isMinimized() { return false; } restore() {} focus() {}
  isDestroyed() { return false; } destroy() {}
  getNormalBounds() { return { x: 0, y: 0, width: 1280, height: 840 }; } isMaximized() { return false; } maximize() {}
}
const electron = {
  app: {
    name: 'Folio', isPackaged: false,
    requestSingleInstanceLock: () => true, enableSandbox() {},
    whenReady: () => Promise.resolve(),
    getPath: () => process.env.FOLIO_TEST_USERDATA,
    getAppPath: () => process.env.FOLIO_TEST_APP,
    on(event, listener) { (appListeners[event] ??= []).push(listener); },
    quit() { quit = true; }, exit(code) { process.exit(code); },
  },
  BrowserWindow,
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu() {} },
  dialog: { showOpenDialog: async () => ({ canceled: false, filePaths: [process.env.FOLIO_TEST_OUT] }), showErrorBox: (t, m) => { console.error(t, m); process.exit(3); } },
  ipcMain: { handle: (c, l) => handlers.set(c, l), removeHandler: (c) => handlers.delete(c) },
  protocol: { registerSchemesAsPrivileged() {}, handle() {} },
  session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {} } },
  shell: { openExternal: async () => {} },
  screen: {
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
  },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'playwright-core') throw new Error('playwright-core is not in the packaged app');
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};
// The library named on the command line, not userData, as for the CLI and the browser shell.
// One launch file: main grants it to the window (it never loads here, so it is not imported).
process.argv = [process.argv[0], '--library', process.env.FOLIO_TEST_LIBRARY, process.env.FOLIO_TEST_LAUNCH];
require(process.env.FOLIO_TEST_BUNDLE);
(async () => {
  const wait = async (check) => { for (let i = 0; i < 3000 && !check(); i++) await new Promise((r) => setTimeout(r, 10)); };
  await wait(() => windows.length > 0);
  const event = { sender: { id: 1 }, senderFrame: { url: 'app://folio/index.html', parent: null } };
  const ch = JSON.parse(process.env.FOLIO_TEST_CHANNELS);
  const call = (method, req) => handlers.get(ch[method])(event, req);
  const info = await call('libraryInfo', undefined);
  // One full round through parse, store, search and citations, all from the bundle.
  const job = await call('importSample', undefined);
  let status = null;
  for (let i = 0; i < 3000 && !status?.finished; i++) {
    status = (await call('jobStatus', { jobId: job.data.jobId })).data;
    await new Promise((r) => setTimeout(r, 10));
  }
  const list = await call('listArticles', { view: 'all' });
  const ids = (list.data ?? []).map((a) => a.id);
  const cite = await call('cite', { ids: ids.slice(0, 1), style: 'apa', format: 'text' });
  const found = await call('search', { query: (list.data?.[0]?.title ?? '').slice(0, 4) });
  const results = status?.results?.map((r) => r.status);
  // A PDF export prints through Electron's window, never the CLI's playwright-core.
  const pdfJob = await call('exportArticles', { ids: ids.slice(0, 1), format: 'pdf' });
  let pdf = null;
  for (let i = 0; i < 3000 && !pdf?.finished; i++) {
    pdf = (await call('jobStatus', { jobId: pdfJob.data.jobId })).data;
    await new Promise((r) => setTimeout(r, 10));
  }
  // Imports by path: only what was granted (paths that do not exist, so each job ends at once).
  const finished = async (answer) => {
    for (let i = 0; answer.ok && i < 3000; i++) {
      if ((await call('jobStatus', { jobId: answer.data.jobId })).data?.finished) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    return answer.ok ? 'ok' : answer.error.code;
  };
  const importing = async (p) => finished(await call('importPaths', { paths: [p] }));
  const byPath = { forged: await importing('/etc/passwd') };
  byPath.launch = await importing(process.env.FOLIO_TEST_LAUNCH);
  await handlers.get(process.env.FOLIO_TEST_GRANT_CHANNEL)(event, ['/dropped']);
  byPath.dropped = await importing('/dropped/a.html');
  await call('pickFiles', undefined);
  byPath.picked = await importing(process.env.FOLIO_TEST_OUT + '/missing.html');
  const pdfFile = pdf?.output?.savedTo;
  const pdfBytes = pdfFile ? require('node:fs').readFileSync(pdfFile, 'latin1').slice(0, 5) : '';
  for (const l of appListeners['before-quit'] ?? []) l({ preventDefault() {} });
  await wait(() => quit);
  const printed = windows.some((w) => w.printed);
  console.log(JSON.stringify({ handlers: handlers.size, url: windows[0].url, info, results, cite, hits: found.data?.total, pdf: pdf?.results?.map((r) => r.status), pdfBytes, printed, quit, byPath }));
})().catch((err) => { console.error(err); process.exit(2); });
`;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'folio-bundle-'));
  await run(
    process.execPath,
    [path.join(repoRoot, 'scripts', 'build-electron.mjs'), '--out-dir', outDir],
    {
      cwd: repoRoot,
    },
  );
});

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('Electron bundles', () => {
  it('the sandboxed preload requires nothing but electron', async () => {
    expect(await requiredModules(path.join(outDir, 'preload.cjs'))).toEqual(['electron']);
  });

  it('the preload runs where a sandboxed preload runs and exposes the contract', async () => {
    const code = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
    const exposed = new Map<string, Record<string, (...args: unknown[]) => unknown>>();
    const ipcListeners = new Map<string, (event: unknown, payload: unknown) => void>();
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: Record<string, (...a: unknown[]) => unknown>) =>
          exposed.set(key, api),
      },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          invoked.push(args);
          return { ok: true, data: { theme: 'dark' } };
        },
        on: (channel: string, listener: (event: unknown, payload: unknown) => void) =>
          ipcListeners.set(channel, listener),
        removeListener: () => undefined,
      },
      webUtils: { getPathForFile: () => '/dropped/file.html' },
    };
    // A bare context: no process, Buffer, global or Node modules, only `require('electron')`.
    const module = { exports: {} };
    const sandbox = {
      module,
      exports: module.exports,
      console,
      require: (name: string) => {
        if (name === 'electron') return electron;
        throw new Error(`a sandboxed preload cannot require ${name}`);
      },
    };
    runInNewContext(code, sandbox, { filename: 'preload.cjs' });
    expect([...exposed.keys()].sort()).toEqual(['folio', 'folioHost']);
    const folio = exposed.get('folio') ?? {};
    expect(Object.keys(folio).sort()).toEqual(Object.keys(CHANNELS).sort());
    await expect(folio.getSettings?.()).resolves.toEqual({ theme: 'dark' });
    expect(invoked).toEqual([[CHANNELS.getSettings, undefined]]);
    // Listening from the start: an import announced before the page subscribes still reaches it.
    ipcListeners.get(HOST_EVENTS.importStarted)?.({ sender: {} }, { jobId: 'launch' });
    const seen: unknown[] = [];
    exposed.get('folioHost')?.onImportStarted?.((job: unknown) => seen.push(job));
    expect(seen).toEqual([{ jobId: 'launch' }]);
    expect(exposed.get('folioHost')?.getPathForFile?.({})).toBe('/dropped/file.html');
    // The dropped file's path reaches main on the private channel before the import naming it;
    // a path the page made up goes out bare, for main to refuse.
    invoked.length = 0;
    await folio.importPaths?.({ paths: ['/dropped/file.html'] });
    await folio.importPaths?.({ paths: ['/home/u/.ssh/id_rsa'] });
    expect(invoked).toEqual([
      [HOST_CHANNELS.grantPaths, ['/dropped/file.html']],
      [CHANNELS.importPaths, { paths: ['/dropped/file.html'] }],
      [CHANNELS.importPaths, { paths: ['/home/u/.ssh/id_rsa'] }],
    ]);
  });

  it('the main bundle requires only Node built-ins, electron and playwright-core', async () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const extra = (await requiredModules(path.join(outDir, 'main.cjs'))).filter(
      (m) => !builtins.has(m),
    );
    expect(extra).toEqual(['electron', 'playwright-core']);
  });

  // The pools fall back to this thread when a worker cannot start, so the app would still
  // import and export: only slower, with the window's IPC waiting behind every parse.
  it.each(['parse-worker.cjs', 'markdown-worker.cjs'])(
    'the bundled %s requires only built-ins and starts on its own',
    async (name) => {
      const file = path.join(outDir, name);
      const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
      expect((await requiredModules(file)).filter((m) => !builtins.has(m))).toEqual([]);
      const worker = new Worker(file);
      try {
        const first = await new Promise((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
        });
        expect(first).toEqual({ type: 'ready' });
      } finally {
        await worker.terminate();
      }
    },
  );

  it('the bundled phrase-check worker requires only built-ins and answers a request', async () => {
    const file = path.join(outDir, 'form-check-worker.cjs');
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    expect((await requiredModules(file)).filter((m) => !builtins.has(m))).toEqual([]);
    const forms = ['的人'.repeat(5000) + '美国总统', '美国的总统', 'the president spoke'];
    const bytes = forms.map((f) => encodeFolded(f));
    const store = path.join(outDir, 'texts');
    await writeFile(store, Buffer.concat(bytes));
    const refs = new Float64Array(forms.length * 2);
    bytes.reduce((at, b, i) => {
      refs[2 * i] = at;
      refs[2 * i + 1] = b.length;
      return at + b.length;
    }, 0);
    const control = new Int32Array(new SharedArrayBuffer(8));
    const answers = new Uint8Array(new SharedArrayBuffer(forms.length));
    const worker = new Worker(file);
    try {
      worker.postMessage({
        path: store,
        text: '美国总统',
        refs,
        control: control.buffer,
        answers: answers.buffer,
      });
      for (let i = 0; i < 1000 && Atomics.load(control, 1) === 0; i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      // 1: holds, 2: does not.
      expect([...answers]).toEqual([1, 2, 2]);
    } finally {
      await worker.terminate();
    }
  });

  it('the main bundle starts, imports, searches and cites under a stand-in electron', async () => {
    const userData = await mkdtemp(path.join(os.tmpdir(), 'folio-bundle-data-'));
    const library = await mkdtemp(path.join(os.tmpdir(), 'folio-bundle-lib-'));
    const exportDir = await mkdtemp(path.join(os.tmpdir(), 'folio-bundle-out-'));
    try {
      const harness = path.join(outDir, 'harness.cjs');
      await writeFile(harness, HARNESS);
      const { stdout } = await run(process.execPath, [harness], {
        cwd: repoRoot,
        env: {
          ...process.env,
          // No NODE_PATH: like the packaged app, the bundle has no node_modules to load from.
          NODE_PATH: '',
          FOLIO_LIBRARY: '',
          FOLIO_TEST_USERDATA: userData,
          FOLIO_TEST_LIBRARY: library,
          FOLIO_TEST_OUT: exportDir,
          FOLIO_TEST_APP: repoRoot,
          FOLIO_TEST_BUNDLE: path.join(outDir, 'main.cjs'),
          FOLIO_TEST_CHANNELS: JSON.stringify(CHANNELS),
          FOLIO_TEST_GRANT_CHANNEL: HOST_CHANNELS.grantPaths,
          FOLIO_TEST_LAUNCH: path.join(exportDir, 'launch', 'opened-with.html'),
        },
      });
      const report = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
        handlers: number;
        url: string;
        info: { ok: boolean; data?: { path: string } };
        results: string[];
        cite: { ok: boolean; data?: { text: string } };
        hits: number;
        pdf: string[];
        pdfBytes: string;
        printed: boolean;
        quit: boolean;
        byPath: Record<string, string>;
      };
      // The contract's channels and the preload's private grant channel.
      expect(report.handlers).toBe(Object.keys(CHANNELS).length + 1);
      expect(report.url).toBe('app://folio/index.html');
      expect(report.info).toMatchObject({ ok: true, data: { path: library } });
      expect(report.results.length).toBeGreaterThan(0);
      expect(report.results.every((r) => r === 'imported')).toBe(true);
      expect(report.cite.ok).toBe(true);
      expect(report.cite.data?.text.length).toBeGreaterThan(10);
      expect(report.hits).toBeGreaterThan(0);
      expect(report.pdf).toEqual(['exported']);
      expect(report.printed).toBe(true);
      expect(report.pdfBytes).toBe('%PDF-');
      expect(report.quit).toBe(true);
      expect(report.byPath).toEqual({
        forged: 'INVALID_INPUT',
        launch: 'ok',
        dropped: 'ok',
        picked: 'ok',
      });
    } finally {
      await rm(userData, { recursive: true, force: true });
      await rm(library, { recursive: true, force: true });
      await rm(exportDir, { recursive: true, force: true });
    }
  });
});
