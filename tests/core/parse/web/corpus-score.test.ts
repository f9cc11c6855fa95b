import { load } from 'cheerio/slim';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockText } from '../../../../electron/core/parse/web/block-text';
import { extractWebPage } from '../../../../electron/core/parse/web/extract-web-page';
import { scorePages } from '../../../../scripts/lib/extraction-metric';

const repoRoot = path.resolve(__dirname, '../../../..');
const corpus = path.join(
  process.env.FOLIO_CORPUS_DIR ?? path.resolve(repoRoot, '../shared/corpus'),
  'scrapinghub-dev',
);
const present = existsSync(corpus);

// A regression guard a little below the measured score (0.975 when written), not a target.
const F1_FLOOR = 0.96;

describe.skipIf(!present)(`web extraction over ${corpus}`, () => {
  it(`keeps mean shingle F1 above ${F1_FLOOR}`, () => {
    const pages = readdirSync(corpus)
      .filter((f) => f.endsWith('.html'))
      .map((f) => {
        const html = readFileSync(path.join(corpus, f), 'utf8');
        const gt = JSON.parse(
          readFileSync(path.join(corpus, f.replace(/\.html$/, '.json')), 'utf8'),
        ) as {
          articleBody: string;
          url: string;
        };
        const el = extractWebPage(load(html), gt.url).content[0];
        const pred = el && el.type === 'tag' ? blockText(el) : '';
        return { truth: gt.articleBody, pred };
      });
    expect(pages.length).toBeGreaterThan(50);
    const scores = scorePages(pages);
    expect(scores.f1).toBeGreaterThan(F1_FLOOR);
    expect(scores.tokenF1).toBeGreaterThan(F1_FLOOR);
  });
});

if (!present) {
  describe('web extraction corpus', () => {
    it.skip(`skipped: no corpus folder at ${corpus} (set FOLIO_CORPUS_DIR)`, () => {});
  });
}
