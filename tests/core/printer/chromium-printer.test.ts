import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createExporter } from '../../../electron/core/export/create-exporter';
import { createChromiumPrinter } from '../../../electron/core/printer/chromium-printer';
import { seedArticle } from '../export/fixtures';

const chromiumPath = process.env.FOLIO_CHROMIUM ?? '/usr/bin/chromium';
const hasTools = existsSync(chromiumPath) && existsSync('/usr/bin/pdftotext');

// Chromium start-up is slow, so one printer serves this file's single end-to-end test.
describe.skipIf(!hasTools)(
  `PDF export through headless Chromium (${chromiumPath}, pdftotext)`,
  () => {
    const printer = createChromiumPrinter({ executablePath: chromiumPath, loadTimeoutMs: 5_000 });
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-pdf-'));
    afterAll(async () => {
      await printer.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('prints the seed with its Chinese title, full citation and page numbers', async () => {
      const exporter = createExporter({ printer: async () => printer });
      const seed = seedArticle();
      const out = await exporter.exportTo({ articles: [seed], format: 'pdf', outDir: dir });
      const file = out.files[0] as string;
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThan(0);
      // pdftotext wraps long lines; compare with whitespace removed.
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      const flat = text.replace(/\s+/g, '');
      expect(flat).toContain(seed.title.replace(/\s+/g, ''));
      const citation = exporter.cite([seed], 'gb-t-7714-author-date', 'text');
      expect(flat).toContain(citation.replace(/\s+/g, ''));
      expect(flat).toContain('Archivedfromhttps://www.bbc.com/zhongwen/simp/world-62912357on');
      expect(flat).toContain(`1/${pages}`);
    });
  },
);
