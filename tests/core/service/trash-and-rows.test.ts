/**
 * The service over a real library folder: the list's columnar rows, and "Delete permanently"
 * for Trash items (only items already in the Trash are deleted, and their folders go).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FolioApi } from '../../../shared/api';
import { decodeListRows } from '../../../shared/list-rows';
import { createFolioService } from '../../../electron/core/service/create-folio-service';
import type { FolioCore, Library } from '../../../electron/core/ports';
import { openLibrary } from '../../../electron/core/store/open-library';
import { fakeParse } from '../store/fake-parse';

let dir: string;
let library: Library;
let api: FolioApi;
let ids: string[];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'folio-service-trash-'));
  library = await openLibrary({ dir, parse: fakeParse });
  const enc = new TextEncoder();
  ids = [];
  for (const [i, title] of ['第一篇', 'Second', '第三篇'].entries()) {
    const text = `${title}\nhttps://example.com/${i}\n${i === 0 ? '香港' : ''}\nBody ${i}`;
    ids.push((await library.importFile({ fileName: `${i}.txt`, bytes: enc.encode(text) })).id);
  }
  const unused = async (): Promise<never> => {
    throw new Error('not used');
  };
  const core = { library, search: {}, exporter: {}, close: unused } as unknown as FolioCore;
  api = createFolioService({
    core,
    platform: { openExternal: unused, pickFiles: unused, showPath: unused, exportTarget: unused },
    sampleDir: dir,
  });
});

afterEach(async () => {
  await library.close();
  await rm(dir, { recursive: true, force: true });
});

describe('listRows', () => {
  it('sends every row, Trash included, with what the list shows', async () => {
    await api.trashArticles({ ids: [ids[1] as string] });
    const rows = decodeListRows(await api.listRows());
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    const first = rows.find((r) => r.id === ids[0]);
    expect(first).toMatchObject({ title: '第一篇', siteName: 'Fake News', tags: ['香港'] });
    expect(first?.publishedAt).toBe('2024-01-02T03:04:05.000Z');
    expect(rows.find((r) => r.id === ids[1])?.deletedAt).not.toBeNull();
  });
});

describe('deleteArticles', () => {
  it('deletes only Trash items, for good, and they stay gone after reopening', async () => {
    const [a, b, c] = ids as [string, string, string];
    await api.trashArticles({ ids: [a, b] });
    expect(await api.deleteArticles({ ids: [a, c] })).toEqual({ count: 1 });
    const left = decodeListRows(await api.listRows()).map((r) => r.id);
    expect(left.sort()).toEqual([b, c].sort());
    expect(existsSync(path.join(dir, 'items', a))).toBe(false);
    expect(existsSync(path.join(dir, 'items', c))).toBe(true);
    await expect(api.getArticle({ id: a })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await library.close();
    library = await openLibrary({ dir, parse: fakeParse });
    expect(
      library
        .allSummaries()
        .map((s) => s.id)
        .sort(),
    ).toEqual([b, c].sort());
    expect((await library.get(b)).deletedAt).not.toBeNull();
  });

  it('tells derived data (the search index) which items went', async () => {
    const removed: string[][] = [];
    library.onChange((e) => void (e.type === 'remove' && removed.push(e.ids)));
    await api.trashArticles({ ids: [ids[2] as string] });
    await api.deleteArticles({ ids: [ids[2] as string] });
    expect(removed).toEqual([[ids[2]]]);
  });
});
