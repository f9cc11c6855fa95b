/**
 * `npm run serve`: Folio in a browser on this machine. Opens the library (`--library DIR`,
 * `FOLIO_LIBRARY`, or the desktop app's user-data folder) and serves the built renderer.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../core/create-core';
import { resolveLibraryDir } from '../core/paths';
import { startShell } from './start-shell';

const USAGE = `Usage: npm run serve -- [--port N] [--library DIR]

Serves Folio on http://127.0.0.1 with a per-run token (printed below). Only this machine can
connect. --port 0 (the default) picks a free port.`;

/** Parses the command line, opens the library and serves until SIGINT/SIGTERM. */
export async function serveMain(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      library: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535\n\n${USAGE}`);
    return 2;
  }
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const staticDir = path.join(repoRoot, 'dist', 'renderer');
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    console.error(
      'The renderer is not built yet: run `npm run build:renderer` (or `npm run serve`).',
    );
    return 1;
  }
  const dir = resolveLibraryDir({
    platform: process.platform,
    env: process.env,
    homeDir: os.homedir(),
    flag: values.library,
    cwd: process.cwd(),
  });
  const core = await createCore({ dir, buildIndexInBackground: true });
  const shell = await startShell({
    core,
    staticDir,
    sampleDir: path.join(repoRoot, 'seeds'),
    port,
    warmUp: true,
  });
  console.log(`Library: ${dir}`);
  console.log(`Folio is running at ${shell.url}`);
  console.log('Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await shell.close();
  await core.close();
  return 0;
}

serveMain(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
