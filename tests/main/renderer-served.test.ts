/**
 * The built renderer as the app serves it: every asset index.html references resolves through
 * app://folio with its type, and nothing in the page needs what the CSP forbids (inline scripts,
 * remote scripts, inline event handlers).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, createAppProtocolHandler } from '../../electron/main/app-protocol';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const rendererDir = path.join(repoRoot, 'dist', 'renderer');
// `npm test` builds the renderer first; in CI a missing build is a failure, not a skip.
const built = existsSync(path.join(rendererDir, 'index.html')) || Boolean(process.env.CI);

describe.skipIf(!built)(
  'built renderer served over app:// (needs `npm run build:renderer`)',
  () => {
    const handler = createAppProtocolHandler({ rootDir: rendererDir, readFile });

    it('serves index.html and every asset it references', async () => {
      const index = await handler({ url: APP_ENTRY_URL });
      expect(index.status).toBe(200);
      const html = await index.text();
      const refs = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) {
        const url = new URL(ref, APP_ENTRY_URL).href;
        expect(url.startsWith('app://folio/'), `${ref} stays on the app origin`).toBe(true);
        const res = await handler({ url });
        expect(res.status, url).toBe(200);
        if (url.endsWith('.js')) expect(res.headers.get('content-type')).toMatch(/javascript/);
        if (url.endsWith('.css')) expect(res.headers.get('content-type')).toMatch(/text\/css/);
      }
    });

    it('has no inline scripts or event handlers the CSP would block', async () => {
      const html = await (await handler({ url: APP_ENTRY_URL })).text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      for (const [, attrs = '', body = ''] of scripts) {
        expect(attrs).toMatch(/\bsrc="/);
        expect(body.trim()).toBe('');
      }
      expect(html).not.toMatch(/\son[a-z]+="/i);
    });
  },
);
