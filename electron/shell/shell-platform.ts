/**
 * The platform seam of the browser shell: exports go to a temporary folder and come back as one
 * zip download; there is no native file picker; links open in the browser itself.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';
import { FolioError } from '../../shared/errors';
import type { ServicePlatform } from '../core/service/types';
import type { DownloadRegistry } from './downloads';

async function collect(dir: string, prefix = ''): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, await collect(full, rel));
    else if (entry.isFile()) out[rel] = new Uint8Array(await readFile(full));
  }
  return out;
}

/** Builds the browser shell's platform. `token` goes into download URLs (links cannot send headers). */
export function createShellPlatform(opts: {
  tmpRoot: string;
  downloads: DownloadRegistry;
  token: string;
  clock?: () => Date;
}): ServicePlatform {
  const clock = opts.clock ?? (() => new Date());
  return {
    // The HTTP client opens links in a new tab itself; the server has no window to open them in.
    openExternal: async () => undefined,
    pickFiles: async () => {
      throw new FolioError(
        'UNSUPPORTED',
        'The browser shell has no file picker: drop files onto the window',
      );
    },
    showPath: async () => {
      throw new FolioError('UNSUPPORTED', 'The browser shell offers exports as downloads');
    },
    async exportTarget(req) {
      await mkdir(opts.tmpRoot, { recursive: true });
      const dir = await mkdtemp(path.join(opts.tmpRoot, 'export-'));
      const outDir = path.join(dir, 'out');
      await mkdir(outDir);
      return {
        outDir,
        async finish(outcome) {
          const stamp = clock().toISOString().slice(0, 19).replace(/[:T]/g, '-');
          const only = outcome.files.length === 1 ? outcome.files[0] : undefined;
          let file: string;
          let name: string;
          if (only && only.endsWith('.zip')) {
            file = only;
            name = path.basename(only);
          } else {
            name = `folio-${req.format}-${stamp}.zip`;
            file = path.join(dir, name);
            await writeFile(file, zipSync(await collect(outDir), { level: 6 }));
          }
          const d = opts.downloads.add({ file, name, cleanupDir: dir });
          return { downloadUrl: `/download/${d.id}?token=${encodeURIComponent(opts.token)}` };
        },
        abort: () => rm(dir, { recursive: true, force: true }),
      };
    },
  };
}
