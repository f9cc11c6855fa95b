import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import TurndownService from 'turndown';
import { describe, expect, it } from 'vitest';
import { articleToMarkdown, htmlToMarkdown } from '../../../electron/core/export/markdown';
import { headerCitation } from '../../../electron/core/export/render-article';
import { articleFromFile, corpusDir, richArticle, seedArticle } from './fixtures';

const goldenDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'golden');
// Regenerate deliberately: FOLIO_UPDATE_GOLDEN=1 npx vitest run tests/core/export/markdown.test.ts
const update = process.env.FOLIO_UPDATE_GOLDEN === '1';

function checkGolden(name: string, actual: string): void {
  const file = path.join(goldenDir, name);
  if (update || !existsSync(file)) {
    mkdirSync(goldenDir, { recursive: true });
    if (!update) throw new Error(`Golden file missing: ${name} (run with FOLIO_UPDATE_GOLDEN=1)`);
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const toMarkdown = (file: string): string => {
  const article = articleFromFile(file);
  return articleToMarkdown(article, { citation: headerCitation(article) });
};

describe('Markdown golden files', () => {
  it('matches the golden Markdown of the seed', () => {
    const seed = seedArticle();
    checkGolden('seed.md', articleToMarkdown(seed, { citation: headerCitation(seed) }));
  });

  const devDir = path.join(corpusDir, 'dumps-dev');
  const hasCorpus = existsSync(devDir);
  // Every 16th dump in name order: a spread of outlets and years, not hand-picked.
  const devFiles = hasCorpus
    ? readdirSync(devDir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .filter((_, i) => i % 16 === 0)
    : [];
  it.skipIf(!hasCorpus)(`matches the golden Markdown of dev dumps (corpus at ${devDir})`, () => {
    expect(devFiles.length).toBeGreaterThanOrEqual(4);
    for (const [i, f] of devFiles.entries()) {
      checkGolden(`dev-${i}.md`, toMarkdown(path.join(devDir, f)));
    }
  });
});

describe('Markdown structure', () => {
  const md = articleToMarkdown(richArticle(), {
    citation: 'Doe, J. (2022). Rivers.',
    includeNotes: true,
  });

  it('writes front matter that parses back to the article metadata', () => {
    const fm = /^---\n([\s\S]*?)\n---\n/.exec(md)?.[1] ?? '';
    const data = load(fm) as Record<string, unknown>;
    expect(data.title).toBe('Rivers: "a test" of # things');
    expect(data.authors).toEqual(['Jane Q. Doe', 'John Smith']);
    expect(data.publication).toBe('The Example Times');
    expect(data.url).toBe('https://example.com/a');
    expect(data.published).toBe('2022-09-16T02:13:02.000Z');
    expect(data.archived).toBe('2026-11-28T09:00:00.000Z');
    // Tags that look like YAML booleans or null must stay strings.
    expect(data.tags).toEqual(['rivers', 'yes', 'null']);
    expect(data.sha256).toBe('0'.repeat(64));
  });

  it('keeps headings, links, lists, quotes, GFM tables, figures with captions and notes', () => {
    expect(md).toContain('> Doe, J. (2022). Rivers.');
    expect(md).toContain('## Section one');
    expect(md).toContain('[link](https://example.com/x)');
    expect(md).toMatch(/^- +first$/m);
    expect(md).toMatch(/^1\. +one$/m);
    expect(md).toContain('> Quoted words.');
    expect(md).toContain('| Year | Flow |');
    expect(md).toContain('| 2021 | 15 |');
    expect(md).toContain('![A river](https://img.example.com/river%20%281%29.jpg)');
    expect(md).toContain('*The river at dawn. — Reuters*');
    // A bare image with a known caption gets its caption line too.
    expect(md).toContain('![Chart](https://img.example.com/b.png)\n\n*Flow by year*');
    expect(md).toMatch(/## Notes\n\nMy \*\*note\*\*\.\n$/);
  });

  it('leaves notes out unless asked', () => {
    const without = articleToMarkdown(richArticle(), { citation: 'x' });
    expect(without).not.toContain('## Notes');
  });

  it('splits the <small> credit from the caption and rewrites image sources', () => {
    const html =
      '<figure><img src="https://x/a.jpg" alt="alt"><figcaption>Caption text <small>AFP</small></figcaption></figure>';
    expect(htmlToMarkdown(html, [], (s) => s.replace('https://x/', 'a.assets/'))).toBe(
      '![alt](a.assets/a.jpg)\n\n*Caption text — AFP*',
    );
  });
});

describe('Markdown tables', () => {
  it('makes a table without <th> a GFM table, its first row the header (news sites write <td>)', () => {
    const html =
      '<table><tbody><tr><td>疫苗</td><td>有效性</td></tr><tr><td>美国辉瑞</td><td>95%</td></tr>' +
      '<tr><td>中国国药</td><td></td></tr></tbody></table>';
    expect(htmlToMarkdown(html)).toBe(
      '| 疫苗 | 有效性 |\n| --- | --- |\n| 美国辉瑞 | 95% |\n| 中国国药 |  |',
    );
  });

  it('keeps each row on one line, escapes "|", pads short rows and spanned columns', () => {
    const html =
      '<table><caption>Flows</caption><thead><tr><th colspan="2">River</th><th>Flow</th></tr></thead>' +
      '<tbody><tr><td><p>Rhine</p><p>Main</p></td><td>a|b</td><td>12</td></tr>' +
      '<tr><td>Elbe</td></tr></tbody></table>';
    expect(htmlToMarkdown(html)).toBe(
      '*Flows*\n\n| River |  | Flow |\n| --- | --- | --- |\n| Rhine<br>Main | a\\|b | 12 |\n| Elbe |  |  |',
    );
  });

  it('leaves a table a pipe table cannot hold (a row span, a nested table) as HTML', () => {
    const spans =
      '<table><tbody><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>';
    expect(htmlToMarkdown(spans)).toBe(spans);
    const nested =
      '<table><tbody><tr><td><table><tbody><tr><td>x</td></tr></tbody></table></td></tr></tbody></table>';
    expect(htmlToMarkdown(nested)).toBe(nested);
  });
});

describe('Markdown escaping', () => {
  it('escapes text exactly as turndown does, with or without characters to escape', () => {
    const plain = new TurndownService();
    for (const text of [
      '纯中文，没有要转义的字符。',
      'Plain words and numbers 2024',
      '*stars* and _underscores_ and `code`',
      '[brackets] and back\\slash',
      '- a dash',
      '+ a plus',
      '## a hash',
      '=== equals',
      '~~~ tildes',
      '> a quote',
      '1. a number',
      '2024 年',
    ]) {
      expect(htmlToMarkdown(`<p>${text}</p>`), text).toBe(plain.escape(text));
    }
  });
});
