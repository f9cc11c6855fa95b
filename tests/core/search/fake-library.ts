/**
 * Test helpers: an in-memory Library (only what the index uses) and articles built from the dev
 * corpora with a crude tag strip, so these tests do not depend on the parser.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { FolioError } from '../../../shared/errors';
import type { Article, ArticleSummary } from '../../../shared/model';
import { toSummary } from '../../../shared/summary';
import type { Library, LibraryEvent } from '../../../electron/core/ports';
import type { DocRecord } from '../../../electron/core/search/index-state';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The shared corpora folder (override with FOLIO_CORPUS_DIR). */
export const corpusDir = process.env.FOLIO_CORPUS_DIR ?? resolve(repoRoot, '../shared/corpus');
export const hasCorpus = existsSync(join(corpusDir, 'dumps-dev'));

/** A minimal article with defaults for everything a test does not care about. */
export function makeArticle(p: Partial<Article> & { id: string; text: string }): Article {
  const title = p.title ?? p.id;
  const meta = {
    title,
    url: p.url ?? `https://example.com/${p.id}`,
    siteName: p.siteName ?? 'Example',
    authors: p.authors ?? [],
    publishedAt: p.publishedAt ?? '2020-01-01T00:00:00.000Z',
  };
  return {
    ...meta,
    byline: '',
    lang: p.lang ?? 'zh-Hans',
    excerpt: '',
    contentHtml: '',
    images: [],
    tags: p.tags ?? [],
    wordCount: p.text.length,
    id: p.id,
    importedAt: '2024-01-01T00:00:00.000Z',
    updatedAt: p.updatedAt ?? '2024-01-01T00:00:00.000Z',
    source: { fileName: `${p.id}.txt`, sha256: '', bytes: 0, format: 'dump', encoding: 'utf-8' },
    parsed: meta,
    notes: p.notes ?? null,
    deletedAt: p.deletedAt ?? null,
    previousVersionId: null,
    text: p.text,
  };
}

function stripHtml(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/h\d>/gi, '\n\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n\s*/g, '\n\n')
    .trim();
}

interface Expected {
  categories: string[] | null;
}

/** Articles from the dumps-dev corpus: title from line 2, date from line 1, site from expected.json. */
export function loadDumpArticles(): Article[] {
  const dir = join(corpusDir, 'dumps-dev');
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<
    string,
    Expected
  >;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  return files.map((f, i) => {
    const raw = readFileSync(join(dir, f), 'utf8');
    const lines = raw.split('\n');
    const epoch = /<!--(\d+)-->/.exec(lines[0] ?? '')?.[1];
    const link = /^\[(.*)\]\((.*)\)\s*$/.exec(lines[1] ?? '');
    const cats = expected[f]?.categories?.filter((c) => c !== 'news') ?? [];
    const site = cats[0] ?? 'Unknown';
    return makeArticle({
      id: `dump-${String(i).padStart(3, '0')}`,
      title: link?.[1] ?? f,
      url: link?.[2],
      siteName: site,
      tags: [site],
      publishedAt: epoch ? new Date(Number(epoch)).toISOString() : null,
      text: stripHtml(lines.slice(3).join('\n')),
      lang: /en$|中参馆|medium/.test(site) ? 'en' : 'zh-Hans',
    });
  });
}

/** English articles from the scrapinghub-dev ground truth. */
export function loadWebArticles(limit = 91): Article[] {
  const dir = join(corpusDir, 'scrapinghub-dev');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .slice(0, limit)
    .map((f, i) => {
      const j = JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
        articleBody: string;
        url: string;
      };
      const host = new URL(j.url).hostname.replace(/^www\./, '');
      return makeArticle({
        id: `web-${String(i).padStart(3, '0')}`,
        title: j.articleBody.split('\n')[0]!.slice(0, 80),
        url: j.url,
        siteName: host,
        text: j.articleBody,
        lang: 'en',
        publishedAt: `2019-0${1 + (i % 9)}-15T00:00:00.000Z`,
      });
    });
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** A Traditional-script copy of a Simplified article (new id), as 中央社 or 端傳媒 would print it. */
export function traditionalCopy(a: Article, id: string): Article {
  return makeArticle({
    ...a,
    id,
    title: toTraditional(a.title),
    text: toTraditional(a.text),
    lang: 'zh-Hant',
  });
}

/** A bare index record for tests of the index state itself. */
export function docRecord(id: string): DocRecord {
  return {
    id,
    title: id,
    siteName: '',
    authors: [],
    tags: [],
    lang: 'en',
    publishedAt: null,
    updatedAt: '2024-01-01T00:00:00.000Z',
    trashed: false,
    lens: [1, 1, 0, 0],
    textRef: [0, 0],
  };
}

/** An in-memory Library: enough for the search index (summaries, get, change events). */
export class FakeLibrary {
  readonly dir: string;
  readonly items = new Map<string, Article>();
  private listeners = new Set<(e: LibraryEvent) => void>();

  constructor(dir: string, articles: Article[] = []) {
    this.dir = dir;
    for (const a of articles) this.items.set(a.id, a);
  }

  /** Summaries made once per article, as the real library keeps them beside its catalog. */
  private summaries = new WeakMap<Article, ArticleSummary>();

  allSummaries(): ArticleSummary[] {
    return Array.from(this.items.values(), (a) => {
      let s = this.summaries.get(a);
      if (!s) this.summaries.set(a, (s = toSummary(a)));
      return s;
    });
  }

  async get(id: string): Promise<Article> {
    const a = this.items.get(id);
    if (!a) throw new FolioError('NOT_FOUND', `No article ${id}`);
    return a;
  }

  onChange(listener: (e: LibraryEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stores articles (bumping nothing: callers set updatedAt) and notifies listeners. */
  put(...articles: Article[]): void {
    for (const a of articles) this.items.set(a.id, a);
    this.emit({ type: 'upsert', ids: articles.map((a) => a.id) });
  }

  delete(...ids: string[]): void {
    ids.forEach((id) => this.items.delete(id));
    this.emit({ type: 'remove', ids });
  }

  emit(e: LibraryEvent): void {
    this.listeners.forEach((l) => l(e));
  }

  /** This fake as the Library port (the index calls only the methods above). */
  asLibrary(): Library {
    return this as unknown as Library;
  }
}

/** A library whose get() calls are counted, to tell loading from rebuilding. */
export class CountingLibrary extends FakeLibrary {
  gets = 0;
  override async get(id: string): Promise<Article> {
    this.gets++;
    return super.get(id);
  }
}
