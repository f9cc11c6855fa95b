/**
 * Composes the browser shell over an opened core: service, platform, downloads and server.
 * `serve-main.ts` calls it from the command line; the E2E suite calls it in-process.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FolioApi } from '../../shared/api';
import type { Clock, FolioCore } from '../core/ports';
import { createFolioService } from '../core/service/create-folio-service';
import type { PathImporter } from '../core/service/types';
import { createShellServer, type ShellServer } from './create-shell-server';
import { createDownloadRegistry } from './downloads';
import { warmUpAfterList } from '../core/service/warm-up';
import { createShellPlatform } from './shell-platform';

export interface StartShellOptions {
  core: FolioCore;
  /** The built renderer. */
  staticDir: string;
  /** Sample dumps offered on first run. */
  sampleDir: string;
  /** 0 (default): a random free port. */
  port?: number;
  /** Defaults to 32 random bytes. */
  token?: string;
  clock?: Clock;
  importPaths?: PathImporter;
  /**
   * Warm the core's first-use paths (search, article reads) once the window has its list and has
   * gone quiet, so the first search and the first article answer as fast as later ones (see
   * warm-up.ts). Default false: unit tests open many short-lived shells.
   */
  warmUp?: boolean;
}

export interface RunningShell {
  port: number;
  token: string;
  /** The address to open: `http://127.0.0.1:PORT/?token=…`. */
  url: string;
  api: FolioApi;
  server: ShellServer;
  /** Stops the server and removes temporary export files (the core stays open: the caller owns it). */
  close(): Promise<void>;
}

/** Starts the shell server on 127.0.0.1. */
export async function startShell(opts: StartShellOptions): Promise<RunningShell> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const tmpRoot = await mkdtemp(path.join(os.tmpdir(), 'folio-shell-'));
  const downloads = createDownloadRegistry();
  const platform = createShellPlatform({ tmpRoot, downloads, token, clock: opts.clock });
  const service = createFolioService({
    core: opts.core,
    platform,
    sampleDir: opts.sampleDir,
    clock: opts.clock,
    importPaths: opts.importPaths,
  });
  const warm = opts.warmUp ? warmUpAfterList(opts.core, service) : null;
  const api = warm?.api ?? service;
  const server = createShellServer({ api, token, staticDir: opts.staticDir, downloads });
  const port = await server.listen(opts.port ?? 0);
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    api,
    server,
    async close() {
      warm?.stop();
      await server.close();
      await downloads.clear();
      await rm(tmpRoot, { recursive: true, force: true });
    },
  };
}
