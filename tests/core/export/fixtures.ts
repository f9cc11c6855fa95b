/**
 * Test articles. The dump parser is written in parallel; until it lands, the seed's article is
 * built here by a deliberately small extraction (title line, epoch, paragraphs, the lead figure)
 * that mirrors the parser's output shape: sanitised HTML with <figure>/<figcaption>.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'cheerio';
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

/** The seed dump as an Article (BBC中文, author 斯影, published 2022-09-16). */
export function seedArticle(): Article {
  const bytes = readFileSync(seedPath);
  const raw = bytes.toString('utf8');
  const [epochLine = '', titleLine = ''] = raw.split('\n');
  const epoch = Number(/<!--(\d+)-->/.exec(epochLine)?.[1]);
  const m = /^\[(.*)\]\((.*)\)\s*$/.exec(titleLine);
  const $ = load(raw.split('\n').slice(3).join('\n'));
  const img = $('main img').first();
  const src = img.attr('src') ?? '';
  const alt = img.attr('alt') ?? '';
  const paragraphs = $('main div > p')
    .filter((_, p) => $(p).attr('role') !== 'text')
    .map((_, p) => $(p).text().trim())
    .get()
    .filter((t) => t && t !== alt);
  const contentHtml =
    `<figure><img src="${src}" alt="${alt}"><figcaption>${alt}</figcaption></figure>` +
    paragraphs.map((t) => `<p>${t}</p>`).join('');
  return makeArticle({
    id: 'seed0005d1e6c4f',
    title: m?.[1] ?? '',
    url: m?.[2] ?? '',
    siteName: 'BBC中文',
    authors: ['斯影'],
    publishedAt: new Date(epoch).toISOString(),
    lang: 'zh-Hans',
    contentHtml,
    text: paragraphs.join('\n\n'),
    images: [{ src, alt, caption: alt, credit: 'EPA' }],
    tags: ['中俄关系', 'diplomacy'],
    source: {
      fileName: path.basename(seedPath),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      format: 'dump',
      encoding: 'utf-8',
    },
  });
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
