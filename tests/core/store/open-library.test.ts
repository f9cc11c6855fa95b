import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCALE_SETTINGS, THEME_SETTINGS } from '../../../shared/api';
import type { Library, LibraryEvent } from '../../../electron/core/ports';
import { openLibrary } from '../../../electron/core/store/open-library';
import { fakeDump, fakeParse } from './fake-parse';

let dir: string;
let now: Date;
const clock = () => now;
let lib: Library;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-lib-'));
  now = new Date('2025-03-01T12:00:00Z');
  lib = await openLibrary({ dir, parse: fakeParse, clock });
});
afterEach(async () => {
  await lib.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('importing', () => {
  it('stores the original bytes untouched, the bodies and the metadata', async () => {
    const bytes = fakeDump('Hello', 'https://example.com/a', 'line one\nline two');
    const out = await lib.importFile({ fileName: 'a.txt', bytes });
    expect(out.status).toBe('imported');
    expect(Buffer.from(await lib.getOriginalBytes(out.id)).equals(Buffer.from(bytes))).toBe(true);
    const article = await lib.get(out.id);
    expect(article.title).toBe('Hello');
    expect(article.text).toBe('line one\n\nline two');
    expect(article.source).toMatchObject({
      fileName: 'a.txt',
      bytes: bytes.byteLength,
      format: 'dump',
    });
    expect(article.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(article.importedAt).toBe(now.toISOString());
    const files = await fs.readdir(path.join(dir, 'items', out.id));
    expect(files.sort()).toEqual(['article.html', 'article.txt', 'meta.json', 'original']);
    expect(lib.info()).toMatchObject({
      articleCount: 1,
      trashCount: 0,
      isEmpty: false,
      schemaVersion: 1,
    });
  });

  it('reports the same bytes as a duplicate, also when imported concurrently', async () => {
    const bytes = fakeDump('Hello', 'https://example.com/a');
    const [a, b] = await Promise.all([
      lib.importFile({ fileName: 'a.txt', bytes }),
      lib.importFile({ fileName: 'b.txt', bytes }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['duplicate', 'imported']);
    expect(a.id).toBe(b.id);
    const again = await lib.importFile({ fileName: 'c.txt', bytes });
    expect(again).toEqual({ status: 'duplicate', id: a.id });
    expect(lib.allSummaries()).toHaveLength(1);
  });

  it('keeps both copies when the same URL arrives with new content', async () => {
    const first = await lib.importFile({
      fileName: 'a.txt',
      bytes: fakeDump('T', 'https://www.example.com/a/?utm_source=x'),
    });
    const second = await lib.importFile({
      fileName: 'b.txt',
      bytes: fakeDump('T2', 'http://example.com/a#top'),
    });
    expect(second.status).toBe('version');
    expect((await lib.get(second.id)).previousVersionId).toBe(first.id);
    expect((await lib.get(first.id)).previousVersionId).toBeNull();
    expect(lib.list({ view: 'all' })).toHaveLength(2);
  });

  it('rejects what the parser rejects and stores nothing', async () => {
    await expect(
      lib.importFile({ fileName: 'e.txt', bytes: new Uint8Array() }),
    ).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    expect(lib.info().isEmpty).toBe(true);
    expect(await fs.readdir(path.join(dir, 'items'))).toEqual([]);
  });

  it('brings a trashed item back when its file is dropped again', async () => {
    const bytes = fakeDump('Hello', 'https://example.com/a');
    const { id } = await lib.importFile({ fileName: 'a.txt', bytes });
    await lib.trash([id]);
    expect(await lib.importFile({ fileName: 'a.txt', bytes })).toEqual({ status: 'duplicate', id });
    expect(lib.list({ view: 'all' }).map((s) => s.id)).toEqual([id]);
  });
});

describe('lists, edits and trash', () => {
  it('filters views and sorts newest publication first', async () => {
    const a = await lib.importFile({ fileName: 'a', bytes: fakeDump('A', 'https://x.org/a') });
    const b = await lib.importFile({ fileName: 'b', bytes: fakeDump('B', 'https://x.org/b') });
    await lib.setMeta(a.id, 'publishedAt', '2020-01-01');
    await lib.addTags([b.id], ['news']);
    expect(lib.list({ view: 'all' }).map((s) => s.title)).toEqual(['B', 'A']);
    expect(lib.list({ view: 'untagged' }).map((s) => s.id)).toEqual([a.id]);
    expect(lib.list({ view: 'all', tag: 'NEWS' }).map((s) => s.id)).toEqual([b.id]);
    expect(lib.list({ view: 'all', siteName: 'Other' })).toEqual([]);
    now = new Date('2025-03-20T12:00:00Z');
    expect(lib.list({ view: 'recent' })).toEqual([]);
    await lib.trash([a.id]);
    expect(lib.list({ view: 'trash' }).map((s) => s.id)).toEqual([a.id]);
    expect(lib.list({ view: 'all' }).map((s) => s.id)).toEqual([b.id]);
  });

  it('edits metadata, keeps the parsed values, and reverts', async () => {
    const { id } = await lib.importFile({
      fileName: 'a',
      bytes: fakeDump('Parsed', 'https://x.org/a'),
    });
    now = new Date('2025-03-02T00:00:00Z');
    const edited = await lib.setMeta(id, 'title', '  Fixed title ');
    expect(edited.title).toBe('Fixed title');
    expect(edited.parsed.title).toBe('Parsed');
    expect(edited.updatedAt).toBe(now.toISOString());
    await lib.setMeta(id, 'authors', 'Ann, Bo');
    expect((await lib.get(id)).authors).toEqual(['Ann', 'Bo']);
    await expect(lib.setMeta(id, 'publishedAt', 'not a date')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(lib.setMeta('nope', 'title', 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const back = await lib.revertMeta(id, ['title']);
    expect(back.title).toBe('Parsed');
    expect(back.authors).toEqual(['Ann', 'Bo']);
    expect((await lib.revertMeta(id)).authors).toEqual(['A. Writer']);
    expect(lib.allSummaries()[0]?.title).toBe('Parsed');
  });

  it('empties the trash for good', async () => {
    const { id } = await lib.importFile({ fileName: 'a', bytes: fakeDump('A', 'https://x.org/a') });
    expect(await lib.trash([id, 'missing'])).toBe(1);
    expect(await lib.restore([id])).toBe(1);
    expect(await lib.trash([id])).toBe(1);
    expect(lib.info().trashCount).toBe(1);
    expect(await lib.emptyTrash()).toBe(1);
    await expect(fs.stat(path.join(dir, 'items', id))).rejects.toThrow();
    await expect(lib.get(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(lib.info().isEmpty).toBe(true);
  });

  it('keeps notes with timestamps; empty text removes them', async () => {
    const { id } = await lib.importFile({ fileName: 'a', bytes: fakeDump('A', 'https://x.org/a') });
    const note = await lib.setNote(id, '# Why\nbecause');
    expect(note).toEqual({
      markdown: '# Why\nbecause',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    now = new Date('2025-03-05T00:00:00Z');
    const edited = await lib.setNote(id, 'changed');
    expect(edited?.createdAt).toBe('2025-03-01T12:00:00.000Z');
    expect(edited?.updatedAt).toBe(now.toISOString());
    expect(lib.allSummaries()[0]).toMatchObject({ hasNotes: true, notePreview: 'changed' });
    expect(await lib.setNote(id, '   ')).toBeNull();
    expect((await lib.get(id)).notes).toBeNull();
  });

  it('emits change events after commits and keeps settings', async () => {
    const events: LibraryEvent[] = [];
    lib.onChange((e) => events.push(e));
    const { id } = await lib.importFile({ fileName: 'a', bytes: fakeDump('A', 'https://x.org/a') });
    await lib.addTags([id], ['x']);
    await lib.trash([id]);
    await lib.emptyTrash();
    expect(events).toEqual([
      { type: 'upsert', ids: [id] },
      { type: 'upsert', ids: [id] },
      { type: 'upsert', ids: [id] },
      { type: 'remove', ids: [id] },
    ]);
    await lib.setSettings({ theme: 'dark' });
    await expect(lib.setSettings({ theme: 'neon' as never })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(lib.getSettings()).toEqual({ theme: 'dark', locale: 'auto', savedSearches: [] });
  });

  it('keeps every setting value the contract offers', async () => {
    for (const theme of THEME_SETTINGS) {
      expect((await lib.setSettings({ theme })).theme).toBe(theme);
    }
    for (const locale of LOCALE_SETTINGS) {
      expect((await lib.setSettings({ locale })).locale).toBe(locale);
    }
    await expect(lib.setSettings({ locale: 'zh-TW' as never })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});

describe('tags', () => {
  it('treats case and width variants as one tag, keeping the first-seen form', async () => {
    const a = await lib.importFile({ fileName: 'a', bytes: fakeDump('A', 'https://x.org/a') });
    const b = await lib.importFile({ fileName: 'b', bytes: fakeDump('B', 'https://x.org/b') });
    expect(await lib.addTags([a.id], ['AI', 'ai'])).toBe(1);
    expect(await lib.addTags([a.id, b.id], ['ＡＩ'])).toBe(1);
    expect((await lib.get(b.id)).tags).toEqual(['AI']);
    expect(lib.tags()).toEqual([{ tag: 'AI', count: 2 }]);
    expect(await lib.removeTags([a.id], ['ai'])).toBe(1);
    expect(lib.tags()).toEqual([{ tag: 'AI', count: 1 }]);
  });

  it('renames, merges and deletes across items', async () => {
    const a = await lib.importFile({ fileName: 'a', bytes: fakeDump('A', 'https://x.org/a') });
    const b = await lib.importFile({ fileName: 'b', bytes: fakeDump('B', 'https://x.org/b') });
    await lib.addTags([a.id], ['香港', 'hk']);
    await lib.addTags([b.id], ['HK']);
    expect(await lib.renameTag('hk', 'Hong Kong')).toBe(2);
    expect((await lib.get(a.id)).tags).toEqual(['香港', 'Hong Kong']);
    expect(await lib.renameTag('hong kong', 'HONG KONG')).toBe(2);
    expect(lib.tags().map((t) => t.tag)).toContain('HONG KONG');
    expect(await lib.mergeTags(['HONG KONG'], '香港')).toBe(2);
    expect((await lib.get(a.id)).tags).toEqual(['香港']);
    expect(lib.tags()).toEqual([{ tag: '香港', count: 2 }]);
    expect(await lib.deleteTag('香港')).toBe(2);
    expect(lib.tags()).toEqual([]);
    await expect(lib.addTags([a.id], ['  '])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('persistence', () => {
  it('reopens with every change, and refuses a second opener', async () => {
    const { id } = await lib.importFile({ fileName: 'a', bytes: fakeDump('A', 'https://x.org/a') });
    await lib.addTags([id], ['kept']);
    await expect(openLibrary({ dir, parse: fakeParse })).rejects.toMatchObject({
      code: 'LIBRARY_LOCKED',
    });
    await lib.close();
    lib = await openLibrary({ dir, parse: fakeParse, clock });
    expect(lib.allSummaries()).toMatchObject([{ id, tags: ['kept'] }]);
  });

  it.each([
    ['deleted', (f: string) => fs.rm(f)],
    ['corrupt', (f: string) => fs.writeFile(f, '{"version":1,"entries":[{"summ')],
  ])('rebuilds the catalog from items/ when catalog.json is %s', async (_label, damage) => {
    const a = await lib.importFile({ fileName: 'a', bytes: fakeDump('A', 'https://x.org/a') });
    await lib.addTags([a.id], ['t']);
    await lib.importFile({ fileName: 'b', bytes: fakeDump('B', 'https://x.org/b') });
    const before = lib.allSummaries();
    await lib.close();
    await damage(path.join(dir, 'catalog.json'));
    lib = await openLibrary({ dir, parse: fakeParse, clock });
    expect(lib.allSummaries().sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      before.sort((x, y) => x.id.localeCompare(y.id)),
    );
    expect(
      JSON.parse(await fs.readFile(path.join(dir, 'catalog.json'), 'utf8')).entries,
    ).toHaveLength(2);
  });

  it('repairs after a crash: torn journal, staging leftovers, unjournaled items', async () => {
    const a = await lib.importFile({ fileName: 'a', bytes: fakeDump('A', 'https://x.org/a') });
    await lib.close();
    // Simulate a crash: an item folder written but never journaled, a staging folder, a torn line.
    await fs.cp(path.join(dir, 'items', a.id), path.join(dir, 'items', '.staging-x'), {
      recursive: true,
    });
    await fs.appendFile(path.join(dir, 'catalog.journal'), '{"p":{"summ');
    await fs.writeFile(
      path.join(dir, 'folio.lock'),
      JSON.stringify({ pid: 2 ** 22 + 7, host: os.hostname() }),
    );
    const orphan = JSON.parse(
      await fs.readFile(path.join(dir, 'items', a.id, 'meta.json'), 'utf8'),
    );
    orphan.id = 'orphan00000000';
    await fs.cp(path.join(dir, 'items', a.id), path.join(dir, 'items', orphan.id), {
      recursive: true,
    });
    await fs.writeFile(path.join(dir, 'items', orphan.id, 'meta.json'), JSON.stringify(orphan));
    // An edit that reached meta.json but not the catalog before the crash.
    const metaFile = path.join(dir, 'items', a.id, 'meta.json');
    const edited = JSON.parse(await fs.readFile(metaFile, 'utf8'));
    await fs.writeFile(metaFile, JSON.stringify({ ...edited, tags: ['from-meta'] }));
    lib = await openLibrary({ dir, parse: fakeParse, clock });
    expect(
      lib
        .allSummaries()
        .map((s) => s.id)
        .sort(),
    ).toEqual([a.id, orphan.id].sort());
    expect(lib.list({ view: 'all', tag: 'from-meta' }).map((s) => s.id)).toEqual([a.id]);
    expect((await fs.readdir(path.join(dir, 'items'))).sort()).toEqual([a.id, orphan.id].sort());
  });
});
