import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/model';
import { openSearchIndex } from '../../../electron/core/search/open-search-index';
import { CountingLibrary, FakeLibrary, makeArticle } from './fake-library';

const sample = (): Article[] => [
  makeArticle({
    id: 'a',
    title: '中俄关系',
    text: '普京与习近平会面，讨论两国关系。',
    tags: ['外交'],
  }),
  makeArticle({
    id: 'b',
    title: 'Elections',
    text: 'The elections were held on Sunday.',
    lang: 'en',
  }),
  makeArticle({ id: 'c', title: '天气', text: '上海今天下雨。' }),
];

describe('openSearchIndex persistence', () => {
  let dir: string;
  const errors: unknown[] = [];
  const open = (lib: FakeLibrary) =>
    openSearchIndex({ dir, library: lib.asLibrary(), onError: (e) => errors.push(e) });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-index-'));
    errors.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('builds once, then loads from disk without re-reading articles', async () => {
    const lib = new CountingLibrary(dir, sample());
    const first = await open(lib);
    expect(lib.gets).toBe(3);
    expect(first.matchIds('关系')).toEqual(['a']);
    await first.close();
    expect(readdirSync(join(dir, 'index'))).toContain('manifest.json');

    const again = new CountingLibrary(dir, sample());
    const second = await open(again);
    expect(again.gets).toBe(0);
    expect(second.matchIds('關係')).toEqual(['a']);
    expect(second.matchIds('election')).toEqual(['b']);
    await second.close();
    expect(errors).toEqual([]);
  });

  it('catches up with changes made while closed (updatedAt)', async () => {
    const lib = new CountingLibrary(dir, sample());
    await (await open(lib)).close();
    const changed = sample();
    changed[2] = makeArticle({
      id: 'c',
      title: '天气',
      text: '北京今天晴。',
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    changed.push(makeArticle({ id: 'd', text: '新导入的文章提到普京。' }));
    const later = new CountingLibrary(
      dir,
      changed.filter((a) => a.id !== 'b'),
    );
    const idx = await open(later);
    expect(later.gets).toBe(2);
    expect(idx.matchIds('上海')).toEqual([]);
    expect(idx.matchIds('北京')).toEqual(['c']);
    expect(idx.matchIds('普京').sort()).toEqual(['a', 'd']);
    expect(idx.matchIds('elections')).toEqual([]);
    await idx.close();
  });

  it('follows library changes and keeps them across a restart', async () => {
    const lib = new CountingLibrary(dir, sample());
    const idx = await open(lib);
    lib.put(
      makeArticle({ id: 'e', text: '德国之声报道了选举。', updatedAt: '2025-01-02T00:00:00.000Z' }),
    );
    lib.put({
      ...lib.items.get('a')!,
      deletedAt: '2025-01-03T00:00:00.000Z',
      updatedAt: '2025-01-03T00:00:00.000Z',
    });
    lib.delete('c');
    await idx.flush();
    expect(idx.matchIds('选举')).toEqual(['e']);
    expect(idx.matchIds('普京')).toEqual([]);
    expect(idx.matchIds('上海')).toEqual([]);
    await idx.close();

    const again = new CountingLibrary(dir, [...lib.items.values()]);
    const reopened = await open(again);
    expect(again.gets).toBe(0);
    expect(reopened.matchIds('选举')).toEqual(['e']);
    expect(reopened.matchIds('普京')).toEqual([]);
    await reopened.close();
  });

  it('still finds a term every article holds after one was edited or deleted', async () => {
    // Until compaction the postings keep the retired copies, so the term's document count
    // exceeds the live articles: it must still score above zero.
    const docs = ['a', 'b', 'c'].map((id) =>
      makeArticle({ id, text: `美国总统谈贸易。Trade talks, round ${id}.` }),
    );
    const lib = new FakeLibrary(dir, docs);
    const idx = await open(lib);
    lib.put({ ...docs[0]!, tags: ['外交'], updatedAt: '2025-01-02T00:00:00.000Z' });
    await idx.flush();
    for (const q of ['美国总统', '美国', '"trade talks"', 'trade']) {
      expect(idx.matchIds(q).sort(), q).toEqual(['a', 'b', 'c']);
    }
    lib.delete('b');
    await idx.flush();
    expect(idx.matchIds('美国总统').sort()).toEqual(['a', 'c']);
    expect(idx.search({ query: 'trade' }).hits.every((h) => h.score > 0)).toBe(true);
    await idx.close();
    expect(errors).toEqual([]);
  });

  it('compacts after many changes and still answers the same', async () => {
    const lib = new FakeLibrary(dir, sample());
    const idx = await open(lib);
    const before = readdirSync(join(dir, 'index')).filter((f) => f.startsWith('base-'));
    for (let i = 0; i < 450; i++) {
      lib.put(
        makeArticle({
          id: `n${i}`,
          text: `第${i}号通知：会议改期。`,
          updatedAt: `2025-02-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
        }),
      );
    }
    await idx.flush();
    expect(idx.matchIds('会议')).toHaveLength(450);
    await idx.close();
    const files = readdirSync(join(dir, 'index'));
    const after = files.filter((f) => f.startsWith('base-'));
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
    expect(files.some((f) => f.startsWith('delta-'))).toBe(false);
    const reopened = await open(new FakeLibrary(dir, [...lib.items.values()]));
    expect(reopened.matchIds('会议')).toHaveLength(450);
    expect(reopened.matchIds('关系')).toEqual(['a']);
    await reopened.close();
  });

  it('rewrites a mostly stale text file without changing any stored form', async () => {
    const lib = new FakeLibrary(dir, sample());
    const idx = await open(lib);
    // 450 long articles, then all but three deleted: their texts become most of the file.
    for (let i = 0; i < 450; i++) {
      const run = i % 2 ? '维权律师' : 'the president';
      lib.put(makeArticle({ id: `v${i}`, text: `${'的'.repeat(1000)}第${i}版${run}。` }));
    }
    await idx.flush();
    const textsBefore = readdirSync(join(dir, 'index')).filter((f) => f.startsWith('texts-'));
    lib.delete(...Array.from({ length: 447 }, (_, i) => `v${i + 3}`));
    await idx.close();
    const textsAfter = readdirSync(join(dir, 'index')).filter((f) => f.startsWith('texts-'));
    expect(textsAfter).toHaveLength(1);
    expect(textsAfter).not.toEqual(textsBefore);
    const reopened = await open(new FakeLibrary(dir, [...lib.items.values()]));
    expect(reopened.matchIds('维权律师')).toEqual(['v1']);
    expect(reopened.matchIds('"the president"').sort()).toEqual(['v0', 'v2']);
    expect(reopened.search({ query: '维权律师' }).hits[0]!.snippet).toContain('维权律师');
    expect(reopened.matchIds('关系')).toEqual(['a']);
    await reopened.close();
    expect(errors).toEqual([]);
  });

  it('keeps records, filters and phrase checks intact across a reload', async () => {
    const docs = [
      makeArticle({
        id: 't',
        title: '兩岸關係',
        text: '維權律師在香港\n  受審。',
        tags: ['外交'],
        siteName: 'BBC 中文',
        publishedAt: '2021-05-01T00:00:00.000Z',
      }),
      makeArticle({ id: 'u', text: '维权。人权律师。', publishedAt: '2020-02-02T00:00:00.000Z' }),
    ];
    await (await open(new FakeLibrary(dir, docs))).close();
    const again = new CountingLibrary(dir, docs);
    const idx = await open(again);
    expect(again.gets).toBe(0);
    expect(idx.matchIds('"维权律师在香港 受审"')).toEqual(['t']);
    expect(idx.matchIds('维权律师')).toEqual(['t']);
    expect(idx.matchIds('tag:外交 site:bbc 律师 after:2021-01-01')).toEqual(['t']);
    const res = idx.search({ query: '律师' });
    expect(res.facets.years.map((y) => y.value).sort()).toEqual(['2020', '2021']);
    expect(res.facets.tags).toEqual([{ value: '外交', count: 1 }]);
    expect(res.hits.find((h) => h.id === 't')?.publishedAt).toBe('2021-05-01T00:00:00.000Z');
    await idx.close();
  });

  it('reopens an empty index, and one whose texts have no spaces, without rebuilding', async () => {
    for (const docs of [[], [makeArticle({ id: 'x', text: '上海今天下雨。' })]]) {
      rmSync(join(dir, 'index'), { recursive: true, force: true });
      await (await open(new FakeLibrary(dir, docs))).close();
      const again = new CountingLibrary(dir, docs);
      const idx = await open(again);
      expect(errors).toEqual([]);
      expect(again.gets).toBe(0);
      expect(idx.matchIds('上海')).toEqual(docs.map((d) => d.id));
      await idx.close();
    }
  });

  it('rebuilds an index of an older format without reporting an error', async () => {
    await (await open(new FakeLibrary(dir, sample()))).close();
    const manifest = join(dir, 'index', 'manifest.json');
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { formatVersion: number };
    writeFileSync(manifest, JSON.stringify({ ...m, formatVersion: m.formatVersion - 1 }));
    const lib = new CountingLibrary(dir, sample());
    const idx = await open(lib);
    expect(lib.gets).toBe(3);
    expect(errors).toEqual([]);
    expect(idx.matchIds('关系')).toEqual(['a']);
    await idx.close();
  });

  it('rebuilds a corrupt index automatically', async () => {
    const lib = new FakeLibrary(dir, sample());
    await (await open(lib)).close();
    const indexDir = join(dir, 'index');
    const base = readdirSync(indexDir).find((f) => f.startsWith('base-'))!;
    writeFileSync(join(indexDir, base), 'not an index');
    const idx = await open(new FakeLibrary(dir, sample()));
    expect(errors.length).toBe(1);
    expect(idx.matchIds('关系')).toEqual(['a']);
    await idx.close();
  });

  it('applies changes in order when many arrive while it is busy', async () => {
    const lib = new FakeLibrary(dir, sample());
    const idx = await open(lib);
    const at = '2024-03-01T00:00:00.000Z';
    // All queued behind one another before any runs: upserts batch, a removal splits the batch.
    lib.put(makeArticle({ id: 'd', text: '北京今天晴。', updatedAt: at }));
    lib.put(makeArticle({ id: 'e', text: '北京明天雨。', updatedAt: at }));
    lib.emit({ type: 'remove', ids: ['e'] });
    lib.put(makeArticle({ id: 'e', text: '北京后天雪。', updatedAt: at }));
    lib.delete('d');
    for (let i = 0; i < 150; i++)
      lib.put(makeArticle({ id: `f${i}`, text: `天津第${i}天。`, updatedAt: at }));
    await idx.flush();
    expect(idx.matchIds('北京')).toEqual(['e']);
    expect(idx.matchIds('后天')).toEqual(['e']);
    expect(idx.matchIds('天津')).toHaveLength(150);
    expect(errors).toEqual([]);
    await idx.close();
  });

  it('appends changes to the delta log and ignores a line torn by a crash', async () => {
    const lib = new FakeLibrary(dir, sample());
    const idx = await open(lib);
    lib.put(makeArticle({ id: 'd', text: '北京今天晴。', updatedAt: '2024-03-01T00:00:00.000Z' }));
    await idx.flush();
    lib.put(makeArticle({ id: 'e', text: '北京明天雨。', updatedAt: '2024-03-01T00:00:00.000Z' }));
    lib.delete('c');
    await idx.close();
    const indexDir = join(dir, 'index');
    const log = join(
      indexDir,
      readdirSync(indexDir).find((f) => f.endsWith('.jsonl'))!,
    );
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    // Header, then the first save's document, then the second save's removal and document.
    expect(lines.length).toBe(4);
    writeFileSync(log, `${lines.join('\n')}\n{"doc":9,"rec":{"id`);
    const counting = new CountingLibrary(dir, [...lib.items.values()]);
    const again = await open(counting);
    expect(errors).toEqual([]);
    expect(counting.gets).toBe(0);
    expect(again.matchIds('北京').sort()).toEqual(['d', 'e']);
    expect(again.matchIds('上海')).toEqual([]);
    await again.close();
  });

  it('finds damaged postings after open (read lazily) and rebuilds', async () => {
    await (await open(new FakeLibrary(dir, sample()))).close();
    const indexDir = join(dir, 'index');
    const base = join(
      indexDir,
      readdirSync(indexDir).find((f) => f.startsWith('base-'))!,
    );
    const bytes = readFileSync(base);
    // The postings are the file's tail: flip one bit there, sizes and dictionary stay valid.
    bytes[bytes.length - 2]! ^= 0x01;
    writeFileSync(base, bytes);
    const lib = new CountingLibrary(dir, sample());
    const idx = await open(lib);
    await new Promise((r) => setTimeout(r, 50));
    await idx.flush();
    expect(errors.length).toBe(1);
    expect(String(errors[0])).toMatch(/postings checksum/);
    expect(lib.gets).toBe(3);
    expect(idx.matchIds('关系')).toEqual(['a']);
    await idx.close();
  });

  it('builds in the background when asked, reporting progress', async () => {
    const many = Array.from({ length: 450 }, (_, i) =>
      makeArticle({ id: `n${i}`, text: `第${i}篇 上海新闻` }),
    );
    const seen: number[] = [];
    const idx = await openSearchIndex({
      dir,
      library: new FakeLibrary(dir, many).asLibrary(),
      buildInBackground: true,
      onBuildProgress: (done) => seen.push(done),
    });
    // Returned before the build finished; flush waits for it.
    expect(seen.length).toBeLessThan(many.length + 1);
    await idx.flush();
    expect(seen[seen.length - 1]).toBe(many.length);
    expect(idx.matchIds('上海').length).toBe(many.length);
    await idx.close();
    const again = await open(new FakeLibrary(dir, many));
    expect(again.matchIds('新闻').length).toBe(many.length);
    await again.close();
  });

  it('rebuild() re-reads everything and reports progress', async () => {
    const lib = new CountingLibrary(dir, sample());
    const idx = await open(lib);
    const seen: Array<[number, number]> = [];
    await idx.rebuild((d, t) => seen.push([d, t]));
    expect(seen[seen.length - 1]).toEqual([3, 3]);
    expect(lib.gets).toBe(6);
    expect(idx.matchIds('关系')).toEqual(['a']);
    await idx.close();
  });

  it('answers malformed queries with INVALID_QUERY', async () => {
    const idx = await open(new FakeLibrary(dir, sample()));
    expect(() => idx.search({ query: '"unbalanced' })).toThrow(/quote/);
    const caught = (() => {
      try {
        idx.search({ query: 'before:2020-99-99' });
      } catch (err) {
        return err as { code?: string };
      }
      return null;
    })();
    expect(caught?.code).toBe('INVALID_QUERY');
    expect(idx.search({ query: '' }).total).toBe(0);
    await idx.close();
  });
});
