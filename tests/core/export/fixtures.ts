/**
 * Test articles: real files through the real parser, plus hand-built ones for edge cases.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../../../electron/core/parse/parse-document';
import type { Printer } from '../../../electron/core/ports';
import { formatCitations } from '../../../electron/core/export/citations';
import type { CitationStyle } from '../../../shared/api';
import type { Article } from '../../../shared/model';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const seedPath = path.join(repoRoot, 'seeds/000_5d1e6c4fe0d6993d.txt');
export const corpusDir = process.env.FOLIO_CORPUS_DIR ?? path.resolve(repoRoot, '../shared/corpus');

/** A stored-article shell with every field filled; override what a test needs. */
export function makeArticle(over: Partial<Article> = {}): Article {
  const meta = {
    title: over.title ?? 'Untitled',
    url: over.url ?? 'https://example.com/a',
    siteName: over.siteName ?? 'Example News',
    authors: over.authors ?? [],
    publishedAt: over.publishedAt ?? '2022-09-16T02:13:02.000Z',
  };
  return {
    ...meta,
    id: 'a1',
    byline: '',
    lang: 'en',
    excerpt: '',
    contentHtml: '<p>Body.</p>',
    text: 'Body.',
    images: [],
    tags: [],
    wordCount: 1,
    importedAt: '2026-11-28T09:00:00.000Z',
    updatedAt: '2026-11-28T09:00:00.000Z',
    source: {
      fileName: 'a.txt',
      sha256: '0'.repeat(64),
      bytes: 5,
      format: 'dump',
      encoding: 'utf-8',
    },
    parsed: { ...meta },
    notes: null,
    deletedAt: null,
    previousVersionId: null,
    ...over,
  };
}

/** A dump or web page parsed by the real parser and dressed as a stored Article. */
export function articleFromFile(file: string, over: Partial<Article> = {}): Article {
  const bytes = readFileSync(file);
  const { article, format, encoding } = parseDocument(new Uint8Array(bytes), path.basename(file));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return makeArticle({
    ...article,
    id: sha256.slice(0, 16),
    parsed: {
      title: article.title,
      url: article.url,
      siteName: article.siteName,
      authors: article.authors,
      publishedAt: article.publishedAt,
    },
    source: { fileName: path.basename(file), sha256, bytes: bytes.length, format, encoding },
    ...over,
  });
}

/** The seed dump as an Article (BBC中文, author 斯影, published 2022-09-16), with two tags. */
export function seedArticle(): Article {
  return articleFromFile(seedPath, { tags: ['中俄关系', 'diplomacy'] });
}

/** An English article exercising every block the Markdown converter handles. */
export function richArticle(): Article {
  return makeArticle({
    id: 'rich01',
    title: 'Rivers: "a test" of # things',
    authors: ['Jane Q. Doe', 'John Smith'],
    siteName: 'The Example Times',
    contentHtml: [
      '<h2>Section one</h2>',
      '<p>A <a href="https://example.com/x">link</a> and <strong>bold</strong> text.</p>',
      '<ul><li>first</li><li>second</li></ul>',
      '<ol><li>one</li><li>two</li></ol>',
      '<blockquote><p>Quoted words.</p></blockquote>',
      '<table><thead><tr><th>Year</th><th>Flow</th></tr></thead>',
      '<tbody><tr><td>2020</td><td>12</td></tr><tr><td>2021</td><td>15</td></tr></tbody></table>',
      '<figure><img src="https://img.example.com/river (1).jpg" alt="A river"><figcaption>The river at dawn.</figcaption></figure>',
      '<p><img src="https://img.example.com/b.png" alt="Chart"></p>',
    ].join(''),
    images: [
      {
        src: 'https://img.example.com/river (1).jpg',
        alt: 'A river',
        caption: 'The river at dawn.',
        credit: 'Reuters',
      },
      { src: 'https://img.example.com/b.png', alt: 'Chart', caption: 'Flow by year', credit: '' },
    ],
    tags: ['rivers', 'yes', 'null'],
    notes: {
      markdown: 'My **note**.',
      createdAt: '2026-11-28T09:00:00.000Z',
      updatedAt: '2026-11-28T09:00:00.000Z',
    },
  });
}

/** A printer that records what it was asked to print instead of starting Chromium. */
export function fakePrinter(): Printer & { printed: string[] } {
  const printed: string[] = [];
  return {
    printed,
    async printToPdf(html) {
      printed.push(html);
      return new TextEncoder().encode('%PDF-1.7 fake');
    },
    async close() {},
  };
}

/** citeproc's own text citation of one article: what a header citation must equal. */
export const citeproc = (a: Article, style: CitationStyle): string =>
  formatCitations([a], style, 'text');

/** citeproc as a header citer's renderer, with a count of its calls (settable, to restart). */
export function countingCiteproc() {
  const counter = {
    calls: 0,
    render: (a: Article, style: CitationStyle): string => {
      counter.calls += 1;
      return citeproc(a, style);
    },
  };
  return counter;
}
